"""Calibration (spec §3.10): fits the model to official readings without leaving its bounds."""

from __future__ import annotations

import json
from datetime import date, timedelta

import numpy as np
import pytest

from ssi_desktop.core.calibration import (
    MIN_READINGS,
    CalibrationCancelled,
    NotEnoughReadings,
    calibrate,
)
from ssi_desktop.core.calibration_fit import fit_shares, project_capped_simplex
from ssi_desktop.core.catalogue import PILLAR_MAX, PILLARS
from ssi_desktop.core.parameters import DEFAULT_PARAMS, MAX_OFFSET, MAX_TERM_SHARE, ModelParams
from ssi_desktop.core.records import Reading, Settings
from ssi_desktop.core.sample import SampleData, generate
from ssi_desktop.core.scoring import score

END = date(2025, 12, 31)


def perturbed_params(seed: int) -> ModelParams:
    """Model v1 with every weight moved by a random factor in [0.5, 1.5], capped at 60 %."""
    rng = np.random.default_rng(seed)
    weights: dict[str, float] = {}
    for pillar in PILLARS:
        terms = DEFAULT_PARAMS.pillar_terms(pillar)
        shares = np.asarray([DEFAULT_PARAMS.share(t) for t in terms])
        moved = shares * rng.uniform(0.5, 1.5, len(terms))
        moved = project_capped_simplex(moved / moved.sum(), MAX_TERM_SHARE)
        weights.update({t.name: float(v) for t, v in zip(terms, moved, strict=True)})
    return DEFAULT_PARAMS.with_weights(weights, "perturbed")


def model_readings(data: SampleData, params: ModelParams, every: int) -> list[Reading]:
    """Official readings as LinkedIn would show them if its model were ``params``."""
    table = score(data.activity, data.profiles, params, end=max(e.day for e in data.activity))
    readings = []
    day = table.start + timedelta(days=every)
    while day <= table.end:
        row = table.row(day)
        readings.append(
            Reading.create(day, brand=row.brand, find=row.find, engage=row.engage, build=row.build)
        )
        day += timedelta(days=every)
    return readings


@pytest.fixture(scope="module")
def two_years() -> SampleData:
    return generate(days=365 * 2, end=END)


@pytest.mark.parametrize(("seed", "every"), [(1, 30), (2, 30), (3, 30), (4, 7), (5, 7)])
def test_calibration_at_least_halves_the_error_of_every_pillar(
    two_years: SampleData, seed: int, every: int
) -> None:
    truth = perturbed_params(seed)
    readings = model_readings(two_years, truth, every)

    result = calibrate(two_years.activity, two_years.profiles, readings)

    assert result.readings_used == len(readings)
    for pillar in PILLARS:
        assert result.mae_before[pillar] > 0
        assert result.mae_after[pillar] <= 0.5 * result.mae_before[pillar], pillar
    # It generalises: readings it never saw are predicted at least twice as well, too.
    assert result.holdout_before is not None and result.holdout_after is not None
    assert result.holdout_after["total"] <= 0.5 * result.holdout_before["total"]
    assert result.generalises


@pytest.mark.parametrize("seed", [1, 4])
def test_calibrated_model_stays_within_the_models_bounds(two_years: SampleData, seed: int) -> None:
    result = calibrate(
        two_years.activity,
        two_years.profiles,
        model_readings(two_years, perturbed_params(seed), 30),
    )
    params = ModelParams.from_dict(result.params.to_dict())  # runs check() again
    for term in params.terms:
        assert 0.0 <= params.share(term) <= MAX_TERM_SHARE + 1e-12
    for pillar in PILLARS:
        assert sum(params.share(t) for t in params.pillar_terms(pillar)) == pytest.approx(1.0)
    table = score(two_years.activity, two_years.profiles, params)
    assert table.pillars.min() >= 0.0
    assert table.pillars.max() <= PILLAR_MAX
    assert params.version != DEFAULT_PARAMS.version
    # Structure is untouched: weights, references and offsets move within bounds.
    for fitted, default in zip(params.terms, DEFAULT_PARAMS.terms, strict=True):
        assert (fitted.name, fitted.kind, fitted.half_life, fitted.inputs) == (
            default.name, default.kind, default.half_life, default.inputs)  # fmt: skip
        assert 0.4 - 1e-9 <= fitted.reference / default.reference <= 2.5 + 1e-9
    assert all(abs(v) <= MAX_OFFSET for v in params.offsets.values())


def test_nonsense_readings_cannot_push_the_model_out_of_bounds(two_years: SampleData) -> None:
    days = [END - timedelta(days=30 * k) for k in range(MIN_READINGS)]
    readings = [Reading.create(d, brand=25, find=0, engage=25, build=0) for d in days]
    result = calibrate(two_years.activity, two_years.profiles, readings)
    for term in result.params.terms:
        assert 0.0 <= result.params.share(term) <= MAX_TERM_SHARE + 1e-12
    result.params.check()


def test_a_handful_of_readings_keeps_the_weights_near_the_defaults(two_years: SampleData) -> None:
    readings = model_readings(two_years, perturbed_params(9), 30)[-MIN_READINGS:]
    result = calibrate(two_years.activity, two_years.profiles, readings)
    moved = max(
        abs(result.params.share(t) - DEFAULT_PARAMS.share(d))
        for t, d in zip(result.params.terms, DEFAULT_PARAMS.terms, strict=True)
    )
    assert moved < 0.25
    assert result.held_back == 0 and result.holdout_after is None


def test_fit_shares_is_the_constrained_optimum() -> None:
    rng = np.random.default_rng(3)
    sat = rng.uniform(0, 1, (20, 5))
    observed = rng.uniform(0, 25, 20)
    prior = np.asarray([0.3, 0.25, 0.2, 0.15, 0.1])
    penalty = 5.0

    def objective(v: np.ndarray) -> float:
        return float(
            ((PILLAR_MAX * sat @ v - observed) ** 2).sum() + penalty * ((v - prior) ** 2).sum()
        )

    best = fit_shares(sat, observed, prior, penalty)
    assert best.sum() == pytest.approx(1.0, abs=1e-12)
    assert best.min() >= 0 and best.max() <= MAX_TERM_SHARE
    for _ in range(2000):
        other = project_capped_simplex(best + rng.normal(0, 0.05, 5), MAX_TERM_SHARE)
        assert objective(other) >= objective(best) - 1e-7


def test_fit_shares_respects_the_cap_when_data_wants_one_term() -> None:
    sat = np.zeros((12, 3))
    sat[:, 0] = 1.0
    shares = fit_shares(sat, np.full(12, 25.0), np.asarray([0.4, 0.3, 0.3]), 0.01)
    assert shares[0] == pytest.approx(MAX_TERM_SHARE)
    assert shares.sum() == pytest.approx(1.0)


def test_projection_lands_on_the_capped_simplex() -> None:
    rng = np.random.default_rng(5)
    for _ in range(200):
        point = rng.normal(0, 1, 6)
        v = project_capped_simplex(point, 0.6)
        assert v.sum() == pytest.approx(1.0, abs=1e-12)
        assert v.min() >= 0 and v.max() <= 0.6
        for _ in range(5):
            other = project_capped_simplex(rng.normal(0, 1, 6), 0.6)
            assert np.linalg.norm(point - v) <= np.linalg.norm(point - other) + 1e-9


def test_too_few_readings_are_refused_and_early_ones_are_not_used(two_years: SampleData) -> None:
    first = min(e.day for e in two_years.activity)
    early = [
        Reading.create(first - timedelta(days=10 + k), brand=10, find=10, engage=10, build=10)
        for k in range(5)
    ]
    readings = [*early, Reading.create(END, brand=10, find=10, engage=10, build=10)]
    new = Settings.create({"warm_start": "no"})
    with pytest.raises(NotEnoughReadings) as caught:
        calibrate(two_years.activity, two_years.profiles, readings, settings=new)
    assert caught.value.usable == 1
    assert "at least 4" in str(caught.value)
    # With the warm start, the member was already doing what their first weeks show: readings
    # from the year before the first record are explained by that, older ones are not.
    assert calibrate(two_years.activity, two_years.profiles, readings).readings_used == 6
    older = [Reading.create(first - timedelta(days=400 + k), brand=10, find=10, engage=10,
                            build=10) for k in range(5)]  # fmt: skip
    with pytest.raises(NotEnoughReadings):
        calibrate(two_years.activity, two_years.profiles, [*older, readings[-1]])


def test_cancel_stops_the_fit_and_progress_counts_up(two_years: SampleData) -> None:
    readings = model_readings(two_years, perturbed_params(1), 30)
    seen: list[tuple[int, int]] = []
    calibrate(
        two_years.activity,
        two_years.profiles,
        readings,
        progress=lambda done, total: seen.append((done, total)),
    )
    assert [d for d, _ in seen] == list(range(1, seen[-1][1] + 1))
    calls = 0

    def cancelled() -> bool:
        nonlocal calls
        calls += 1
        return calls > 2

    with pytest.raises(CalibrationCancelled):
        calibrate(two_years.activity, two_years.profiles, readings, cancelled=cancelled)


def test_info_is_plain_json(two_years: SampleData) -> None:
    result = calibrate(
        two_years.activity, two_years.profiles, model_readings(two_years, perturbed_params(1), 30)
    )
    info = json.loads(json.dumps(result.info(END)))
    assert info["readings_used"] == result.readings_used
    assert set(info["mae_after"]) == {*PILLARS, "total"}
    assert info["date"] == END.isoformat()
