"""What-ifs continued from today equal the model run from the first day.

``Projection`` scores the history once and each what-if only from today on, carrying the
EMA levels and the stocks over (``scoring.saturations_from``); every row must be the full
run's, for real members' histories, random what-ifs and a profile item ticked tomorrow.
"""

from __future__ import annotations

from datetime import timedelta

import numpy as np
import pytest

from ssi_desktop.core.advice import advise
from ssi_desktop.core.catalogue import METRIC_INDEX
from ssi_desktop.core.parameters import DEFAULT_PARAMS
from ssi_desktop.core.projection import Projection
from ssi_desktop.core.records import ActivityEntry, ProfileSnapshot
from ssi_desktop.core.scoring import score_arrays
from ssi_desktop.core.validation import today
from tests.core.personas import END, PERSONAS, records

HORIZON = 90


def _full(projection: Projection, counts: np.ndarray, completeness: np.ndarray) -> np.ndarray:
    return score_arrays(
        counts, completeness, projection.params, projection.totals, projection.warm
    )[0]


@pytest.mark.parametrize("persona", PERSONAS, ids=lambda p: p.name)
def test_what_ifs_from_today_equal_the_full_run(persona) -> None:
    data = records(persona)
    projection = Projection(data.activity, data.profiles, DEFAULT_PARAMS, END, HORIZON,
                            data.settings, data.totals)  # fmt: skip
    assert projection._from == len(projection.history)  # the fast path is taken
    past = len(projection.history)
    base = _full(projection, projection.counts, projection.completeness)
    np.testing.assert_allclose(projection.pillars, base, rtol=0, atol=1e-9)
    rng = np.random.default_rng(len(persona.name))
    for _ in range(8):
        extra = np.zeros((HORIZON, len(METRIC_INDEX)))
        keys = rng.choice(len(METRIC_INDEX), size=3, replace=False)
        extra[:, keys] = rng.integers(0, 6, size=(HORIZON, 3))
        counts = projection.counts.copy()
        counts[past : past + HORIZON] += extra
        np.testing.assert_allclose(
            projection.run(extra), _full(projection, counts, projection.completeness),
            rtol=0, atol=1e-9,
        )  # fmt: skip
    ticked = ProfileSnapshot(END + timedelta(days=1), {"media": True, "headline": True})
    completeness = projection.with_profile(ticked)
    whole = _full(projection, projection.counts, completeness)
    np.testing.assert_allclose(projection.run(completeness=completeness), whole, rtol=0, atol=1e-9)


def test_a_history_younger_than_its_warm_start_runs_in_full() -> None:
    # First record 12 days before the day asked about, 10 days ago: the warm start's window
    # reaches past that day, so the future would move it; the projection runs whole.
    day = today() - timedelta(days=10)
    activity = [
        ActivityEntry.create(day - timedelta(days=i), {"engage.comments": 2, "find.searches": 3})
        for i in range(13)
    ]
    projection = Projection(activity, [], DEFAULT_PARAMS, day, HORIZON)
    assert projection._from is None
    extra = np.zeros((HORIZON, len(METRIC_INDEX)))
    extra[:, METRIC_INDEX["engage.comments"]] = 2
    counts = projection.counts.copy()
    past = len(projection.history)
    counts[past : past + HORIZON] += extra
    np.testing.assert_array_equal(
        projection.run(extra), _full(projection, counts, projection.completeness)
    )


@pytest.mark.parametrize("persona", PERSONAS[:2], ids=lambda p: p.name)
def test_advice_is_the_same_either_way(persona, monkeypatch: pytest.MonkeyPatch) -> None:
    data = records(persona)
    fast = advise(data.activity, data.profiles, DEFAULT_PARAMS, END, data.settings, data.totals)
    monkeypatch.setattr(Projection, "_continues_at", lambda self, row: False)
    slow = advise(data.activity, data.profiles, DEFAULT_PARAMS, END, data.settings, data.totals)
    assert [a.key for a in fast.actions] == [a.key for a in slow.actions]
    for a, b in zip(fast.actions, slow.actions, strict=True):
        assert a.gain_30 == pytest.approx(b.gain_30, abs=1e-9)
        assert a.gain_90 == pytest.approx(b.gain_90, abs=1e-9)
