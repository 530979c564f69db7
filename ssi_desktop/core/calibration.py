"""Calibration: fit the model to the member's official readings (spec §3.10, §3.18).

Per pillar it fits a bounded offset (what LinkedIn gives or withholds whatever the recorded
activity), the saturation references of the terms the member records (within ×0.4–×2.5 of
the defaults) and their shares (on the capped simplex), all pulled toward the defaults by a
penalty whose strength the readings choose: each candidate is judged on readings its fit did
not see (interleaved folds). Terms the member never records keep their weight exactly: the
readings say nothing about them. ``calibration_fit.py`` holds the numerical part.

The structure of the model is unchanged (same terms, half-lives, inputs), so its bounds and
monotonicity hold for every calibrated model; the offset is a constant inside the clip to
[0, 25]. The report says in words what moved (``calibration_report.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Final

import numpy as np

from .calibration_fit import SCALE_STEPS_QUICK, fit_pillar_parameters
from .calibration_report import PillarChanges, describe
from .catalogue import PILLAR_MAX, PILLARS
from .coverage import PROFILE_INPUT, recorded_inputs
from .parameters import DEFAULT_PARAMS, ModelParams, Term
from .records import ActivityEntry, ProfileSnapshot, Reading, Settings, TotalsSnapshot
from .scoring import model_inputs, term_points_matrix, term_saturations

#: Fewer readings than this cannot say anything about a pillar's parameters.
MIN_READINGS: Final = 4
#: From this many readings on, the most recent quarter is held back to test the fit, and the
#: penalty is chosen on interleaved folds.
HOLDOUT_FROM: Final = 8
#: The penalty toward the defaults when there are too few readings to choose it (points²).
REGULARISATION: Final = 20.0
#: The penalties tried when there are enough readings; each is judged on readings its fit did
#: not see. Readings that follow a clear pattern pick a light one; noisy ones a heavy one.
REGULARISATION_GRID: Final = (2.0, 10.0, 50.0, 250.0, 1000.0)
CV_FOLDS: Final = 4
#: With a warm start, readings this long before the first record are explained by it.
WARM_LOOKBACK_DAYS: Final = 365

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


class CalibrationCancelled(Exception):
    """The caller asked to stop; nothing was produced."""


class NotEnoughReadings(ValueError):
    def __init__(self, usable: int) -> None:
        super().__init__(
            f"calibration needs at least {MIN_READINGS} official readings dated on or after "
            f"your first recorded activity; there {'is' if usable == 1 else 'are'} {usable}"
        )
        self.usable = usable


@dataclass(frozen=True)
class Calibration:
    """A fitted model, what moved, and how well it and the model it replaces match."""

    params: ModelParams
    readings_used: int
    first: date
    last: date
    held_back: int
    #: Mean absolute error per pillar (and "total") on every reading used.
    mae_before: dict[str, float]
    mae_after: dict[str, float]
    #: The same on the held-back readings, with a model fitted without them (None if too few).
    holdout_before: dict[str, float] | None
    holdout_after: dict[str, float] | None
    #: The penalty toward the defaults each pillar's fit used.
    regularisation: dict[str, float]
    #: Per pillar: the offset and, in words, the largest moves and anything at a bound.
    changes: dict[str, PillarChanges]

    @property
    def generalises(self) -> bool:
        """True unless held-back readings say the fit predicts the total worse than before."""
        if self.holdout_before is None or self.holdout_after is None:
            return True
        return self.holdout_after["total"] <= self.holdout_before["total"]

    def report(self) -> dict[str, Any]:
        """What ``calibrate --format json`` prints (spec §4)."""
        pillars = {}
        for pillar in PILLARS:
            change = self.changes[pillar]
            pillars[pillar] = {
                "offset": round(change.offset, 2),
                "summary": change.summary,
                "mae_before": self.mae_before[pillar],
                "mae_after": self.mae_after[pillar],
                "mae_heldout_before": _get(self.holdout_before, pillar),
                "mae_heldout_after": _get(self.holdout_after, pillar),
                "changes": list(change.changes),
                "at_bound": list(change.at_bound),
            }
        return {
            "readings_used": self.readings_used,
            "first": self.first.isoformat(),
            "last": self.last.isoformat(),
            "held_back": self.held_back,
            "pillars": pillars,
            "total": {
                "mae_before": self.mae_before["total"],
                "mae_after": self.mae_after["total"],
                "mae_heldout_before": _get(self.holdout_before, "total"),
                "mae_heldout_after": _get(self.holdout_after, "total"),
            },
        }

    def info(self, today: date) -> dict[str, Any]:
        """What ``Store.set_params`` keeps beside the parameters (JSON-ready)."""
        return {
            "date": today.isoformat(),
            "readings_used": self.readings_used,
            "first": self.first.isoformat(),
            "last": self.last.isoformat(),
            "held_back": self.held_back,
            "mae_before": self.mae_before,
            "mae_after": self.mae_after,
            "holdout_before": self.holdout_before,
            "holdout_after": self.holdout_after,
            "regularisation": self.regularisation,
            "pillars": self.report()["pillars"],
        }


def _get(values: dict[str, float] | None, key: str) -> float | None:
    return None if values is None else values[key]


def usable_readings(
    readings: Sequence[Reading],
    activity: Sequence[ActivityEntry],
    profiles: Sequence[ProfileSnapshot],
    totals: Sequence[TotalsSnapshot] = (),
    settings: Settings | None = None,
    base: ModelParams = DEFAULT_PARAMS,
) -> list[Reading]:
    """Readings the recorded history can explain, oldest first.

    None from before the first record, unless the model starts warm (the member's
    ``warm_start`` and ``base``'s warm days): then the member was already doing what their
    first weeks show, and readings up to :data:`WARM_LOOKBACK_DAYS` before the first record
    are explained by that.
    """
    warm = (settings or Settings()).warm_start and base.warm_days > 0
    recorded = [e.day for e in activity] + [s.day for s in profiles] + [t.day for t in totals]
    if not recorded:
        return []
    first = min(recorded)
    if warm and activity:
        first -= timedelta(days=WARM_LOOKBACK_DAYS)
    return sorted((r for r in readings if r.day >= first), key=lambda r: r.day)


def recorded_terms(
    params: ModelParams,
    activity: Sequence[ActivityEntry],
    profiles: Sequence[ProfileSnapshot],
    totals: Sequence[TotalsSnapshot],
) -> np.ndarray:
    """Per term: does the member record any of its inputs at all (coverage, §3.15)?
    Calibration moves nothing the member never records."""
    recorded = recorded_inputs(activity, profiles, totals)

    def feeds(term: Term) -> bool:
        if term.kind == "profile":
            return PROFILE_INPUT in recorded
        return bool((term.metrics() | ({term.total} if term.total else set())) & recorded)

    return np.asarray([feeds(t) for t in params.terms])


class _Readings:
    """The model's saturations on the reading days, for any parameters of the same history.

    A reading before the first record (warm start) is explained by the paces the warm start
    assumes, those of the first record's day; stocks and the profile are read on its own day
    (a total before its first snapshot is that snapshot, §2).
    """

    def __init__(self, history: dict[str, Any], days: Sequence[date], settings: Settings) -> None:
        self._history = history
        self._days = days
        self._settings = settings

    def saturations(self, params: ModelParams) -> np.ndarray:
        # Ends at the last reading; the warm start's weeks are computed whatever the end.
        got = model_inputs(**self._history, params=params, settings=self._settings,
                           end=self._days[-1])  # fmt: skip
        every = term_saturations(got.counts, got.completeness, params, got.totals, got.warm)
        rows = np.asarray([(d - got.start).days for d in self._days])
        warmed = got.warm.days > 0
        out = np.empty((len(rows), len(params.terms)))
        for j, term in enumerate(params.terms):
            paced = warmed and term.kind in {"pace", "rate", "active"}
            at = np.maximum(rows, got.warm.first if paced else 0)
            out[:, j] = every[at, j]
        return out

    def pillars(self, params: ModelParams) -> np.ndarray:
        """The model's own pillars on the reading days, as ``score_arrays`` computes them."""
        offsets = np.asarray([params.offset(p) for p in PILLARS])
        raw = self.saturations(params) @ term_points_matrix(params) + offsets
        pillars: np.ndarray = np.clip(raw, 0.0, PILLAR_MAX)
        return pillars


def calibrate(
    activity: Sequence[ActivityEntry],
    profiles: Sequence[ProfileSnapshot],
    readings: Sequence[Reading],
    current: ModelParams = DEFAULT_PARAMS,
    *,
    totals: Sequence[TotalsSnapshot] = (),
    settings: Settings | None = None,
    base: ModelParams = DEFAULT_PARAMS,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> Calibration:
    """Fit ``base`` to the readings; errors are compared with ``current``'s.

    Raises :class:`NotEnoughReadings` below :data:`MIN_READINGS` usable readings and
    :class:`CalibrationCancelled` as soon as ``cancelled()`` turns true.
    """
    member = settings or Settings()
    used = usable_readings(readings, activity, profiles, totals, member, base)
    if len(used) < MIN_READINGS:
        raise NotEnoughReadings(len(used))
    steps = 2 * len(PILLARS) + 1
    step = 0

    def advance() -> None:
        nonlocal step
        if cancelled is not None and cancelled():
            raise CalibrationCancelled
        step += 1
        if progress is not None:
            progress(step, steps)

    history = {"activity": list(activity), "profiles": list(profiles), "totals": list(totals)}
    at_readings = _Readings(history, [r.day for r in used], member)
    # Saturations are computed once; references are then moved on them (calibration_fit).
    saturations = at_readings.saturations(base)
    recorded = recorded_terms(base, activity, profiles, totals)
    observed = np.asarray([[r.pillar(p) for p in PILLARS] for r in used])
    before = at_readings.pillars(current)
    advance()

    held = max(2, len(used) // 4) if len(used) >= HOLDOUT_FROM else 0
    train = np.arange(len(used) - held)
    test = np.arange(len(used) - held, len(used))
    weights: dict[str, float] = {}
    references: dict[str, float] = {}
    offsets: dict[str, float] = {}
    penalties: dict[str, float] = {}
    holdout_fit = np.zeros((held, len(PILLARS)))
    for p, pillar in enumerate(PILLARS):
        columns = [j for j, t in enumerate(base.terms) if t.pillar == pillar]
        prior = np.asarray([base.share(base.terms[j]) for j in columns])
        free = recorded[columns]
        scaled = free & np.asarray([_scalable(base.terms[j]) for j in columns])
        sat = saturations[:, columns]
        # The penalty is chosen on the readings before the held-back ones, so the hold-out
        # test is honest; the final fit then uses every reading with that penalty.
        penalty = choose_penalty(sat[train], observed[train, p], prior, free, scaled)
        if held:
            fitted = fit_pillar_parameters(sat[train], observed[train, p], prior, free, scaled,
                                           penalty)  # fmt: skip
            holdout_fit[:, p] = fitted.predict(sat[test], scaled)
        advance()
        fit = fit_pillar_parameters(sat, observed[:, p], prior, free, scaled, penalty)
        penalties[pillar] = penalty
        total = sum(base.terms[j].weight for j in columns)
        for k, j in enumerate(columns):
            term = base.terms[j]
            if free[k]:  # a term never recorded keeps its weight and reference exactly
                weights[term.name] = float(fit.shares[k]) * total
            if scaled[k]:
                references[term.name] = term.reference * float(fit.scales[k])
        offsets[pillar] = round(fit.offset, 4)
        advance()
    params = base.with_weights(weights, f"{base.version}-calibrated", references, offsets)
    after = at_readings.pillars(params)
    return Calibration(
        params=params,
        readings_used=len(used),
        first=used[0].day,
        last=used[-1].day,
        held_back=held,
        mae_before=_mae(before, observed),
        mae_after=_mae(after, observed),
        holdout_before=_mae(before[test], observed[test]) if held else None,
        holdout_after=_mae(holdout_fit, observed[test]) if held else None,
        regularisation=penalties,
        changes={p: describe(base, params, p) for p in PILLARS},
    )


def _scalable(term: Term) -> bool:
    """Terms whose saturation is ``1 − exp(−level / reference)``, so a reference can move on
    saturations already computed (an evidence-weighted rate's is scaled by its evidence)."""
    return term.kind != "profile" and not (term.kind == "rate" and term.evidence > 0)


def choose_penalty(
    saturations: np.ndarray,
    observed: np.ndarray,
    prior: np.ndarray,
    free: np.ndarray,
    scaled: np.ndarray,
) -> float:
    """The penalty toward the defaults that best predicts readings its fit did not see.

    Cross-validation over interleaved folds (every fourth reading left out in turn), so each
    candidate is judged on readings spread over the whole period, not only on the latest ones,
    which may sit where every term is saturated and say nothing. Too few readings: a fixed one.
    """
    count = len(observed)
    if count < HOLDOUT_FROM:
        return REGULARISATION
    folds = np.arange(count) % CV_FOLDS
    errors = []
    for penalty in REGULARISATION_GRID:
        error = 0.0
        for fold in range(CV_FOLDS):
            train, test = folds != fold, folds == fold
            fitted = fit_pillar_parameters(saturations[train], observed[train], prior, free,
                                           scaled, penalty, SCALE_STEPS_QUICK)  # fmt: skip
            error += float(np.abs(fitted.predict(saturations[test], scaled) - observed[test]).sum())
        errors.append(error / count)
    # Within 5 % of the best, the heavier penalty wins: it stays closer to the defaults.
    best = min(errors)
    return max(
        p for p, e in zip(REGULARISATION_GRID, errors, strict=True) if e <= 1.05 * best + 1e-3
    )


def _mae(estimate: np.ndarray, observed: np.ndarray) -> dict[str, float]:
    errors = np.abs(estimate - observed).mean(axis=0)
    out = {pillar: round(float(e), 3) for pillar, e in zip(PILLARS, errors, strict=True)}
    out["total"] = round(float(np.abs(estimate.sum(axis=1) - observed.sum(axis=1)).mean()), 3)
    return out
