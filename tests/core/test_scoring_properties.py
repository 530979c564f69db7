"""Spec §3.1, §3.2 and §3.9 as properties over random stores (hypothesis)."""

from __future__ import annotations

import random
from datetime import date, timedelta

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from ssi_desktop.core.catalogue import METRIC_INDEX, METRIC_KEYS, METRICS, PILLARS
from ssi_desktop.core.parameters import DEFAULT_PARAMS
from ssi_desktop.core.records import ActivityEntry, ProfileSnapshot
from ssi_desktop.core.scoring import ema, score, score_arrays

MAX = np.array([m.max_per_day for m in METRICS], dtype=float)
START = date(2024, 1, 1)

# A store as a dense matrix: a few days, sparse counts, extremes (0 and the maximum) likely.
count_value = st.one_of(st.just(0), st.integers(0, 20), st.integers(0, 10**6))


@st.composite
def matrices(draw: st.DrawFn, max_days: int = 90) -> np.ndarray:
    days = draw(st.integers(1, max_days))
    matrix = np.zeros((days, len(METRIC_KEYS)))
    cells = draw(st.lists(st.tuples(st.integers(0, days - 1), st.integers(0, len(METRIC_KEYS) - 1),
                                    count_value), max_size=60))  # fmt: skip
    for row, col, value in cells:
        matrix[row, col] = min(value, MAX[col])
    return matrix


completeness = st.floats(0, 1)


def run(matrix: np.ndarray, profile: float = 0.0) -> np.ndarray:
    result, _ = score_arrays(matrix, np.full(matrix.shape[0], profile), DEFAULT_PARAMS)
    return result


@settings(max_examples=200, deadline=None)
@given(matrices(), completeness)
def test_bounds_hold_for_any_valid_input(matrix: np.ndarray, profile: float) -> None:
    result = run(matrix, profile)
    assert np.all(result >= 0) and np.all(result <= 25)
    assert np.all(np.isfinite(result))


def test_bounds_hold_at_every_maximum_every_day() -> None:
    result = run(np.tile(MAX, (400, 1)), 1.0)
    assert np.all(result <= 25) and result[-1].min() > 24


@settings(max_examples=100, deadline=None)
@given(matrices(max_days=40), completeness)
def test_rows_total_is_the_sum_of_pillars(matrix: np.ndarray, profile: float) -> None:
    entries = [ActivityEntry.create(START + timedelta(days=i),
                                    {k: int(v) for k, v in zip(METRIC_KEYS, row, strict=True) if v})
               for i, row in enumerate(matrix)]  # fmt: skip
    table = score(entries, [], end=START + timedelta(days=len(matrix) - 1), start=START)
    for row in table.rows():
        assert abs(row.total - sum(row.pillar(p) for p in PILLARS)) <= 0.01
        assert all(0 <= row.pillar(p) <= 25 for p in PILLARS)


RATE_DENOMINATORS = {"build.requests_sent": "build", "engage.messages_sent": "engage"}


@settings(max_examples=300, deadline=None)
@given(matrices(max_days=60), completeness, st.data())
def test_more_of_any_metric_never_lowers_any_pillar(
    matrix: np.ndarray, profile: float, data: st.DataObject
) -> None:
    day = data.draw(st.integers(0, matrix.shape[0] - 1))
    col = data.draw(st.integers(0, len(METRIC_KEYS) - 1))
    room = MAX[col] - matrix[day, col]
    if room < 1:
        return
    more = matrix.copy()
    more[day, col] += data.draw(st.integers(1, int(min(room, 10**5))))
    before, after = run(matrix, profile), run(more, profile)
    key = METRIC_KEYS[col]
    for p, pillar in enumerate(PILLARS):
        if RATE_DENOMINATORS.get(key) == pillar:
            continue  # the documented exception: a rate term's denominator (§3.2)
        assert np.all(after[:, p] >= before[:, p] - 1e-9), (key, pillar)


@settings(max_examples=150, deadline=None)
@given(matrices(max_days=60), completeness, st.integers(2, 5))
def test_raising_a_rate_and_its_partner_in_proportion_never_lowers(
    matrix: np.ndarray, profile: float, factor: int
) -> None:
    for numerator, denominator in (
        ("build.requests_accepted", "build.requests_sent"),
        ("engage.replies_received", "engage.messages_sent"),
    ):
        more = matrix.copy()
        for key in (numerator, denominator):
            col = METRIC_INDEX[key]
            more[:, col] = np.minimum(more[:, col] * factor, MAX[col])
        if not np.allclose(
            more[:, METRIC_INDEX[numerator]], matrix[:, METRIC_INDEX[numerator]] * factor
        ) or not np.allclose(
            more[:, METRIC_INDEX[denominator]], matrix[:, METRIC_INDEX[denominator]] * factor
        ):
            continue  # capped by the per-day maximum: no longer "in proportion"
        assert np.all(run(more, profile) >= run(matrix, profile) - 1e-9)


def test_the_rate_exception_is_real_and_narrow() -> None:
    """More requests without more acceptances may lower build; nothing else may drop."""
    base = np.zeros((30, len(METRIC_KEYS)))
    base[:, METRIC_INDEX["build.requests_sent"]] = 2
    base[:, METRIC_INDEX["build.requests_accepted"]] = 2
    spam = base.copy()
    spam[:, METRIC_INDEX["build.requests_sent"]] = 40
    before, after = run(base), run(spam)
    assert after[-1, PILLARS.index("build")] < before[-1, PILLARS.index("build")]
    assert after[-1, PILLARS.index("find")] >= before[-1, PILLARS.index("find")]


@settings(max_examples=100, deadline=None)
@given(matrices(max_days=30), st.randoms(use_true_random=False))
def test_entries_are_additive_and_order_free(matrix: np.ndarray, rnd: random.Random) -> None:
    whole, split = [], []
    for i, row in enumerate(matrix):
        day = START + timedelta(days=i)
        counts = {k: int(v) for k, v in zip(METRIC_KEYS, row, strict=True) if v}
        whole.append(ActivityEntry.create(day, counts))
        # The same counts cut into two entries of two sources.
        first = {k: v // 2 for k, v in counts.items()}
        second = {k: v - first[k] for k, v in counts.items()}
        split += [ActivityEntry.create(day, first), ActivityEntry.create(day, second, "csv")]
    rnd.shuffle(split)
    end = START + timedelta(days=len(matrix) - 1)
    a = score(whole, [], start=START, end=end)
    b = score(split, [], start=START, end=end)
    assert np.array_equal(a.pillars, b.pillars)
    assert a.rows() == b.rows()


def test_two_entries_of_three_equal_one_of_six() -> None:
    day = date(2026, 3, 2)
    three = ActivityEntry.create(day, {"engage.comments": 3})
    six = ActivityEntry.create(day, {"engage.comments": 6})
    assert score([three, three], end=day).rows() == score([six], end=day).rows()


def test_profile_snapshots_are_order_free() -> None:
    snaps = [
        ProfileSnapshot.create(date(2025, 1, 1), {"photo": "yes"}),
        ProfileSnapshot.create(date(2025, 3, 1), {"photo": "yes", "headline": "yes"}),
    ]
    end = date(2025, 6, 1)
    assert score([], snaps, end=end).rows() == score([], snaps[::-1], end=end).rows()


def test_history_before_the_range_still_counts() -> None:
    entries = [ActivityEntry.create(date(2025, 1, 1), {"engage.comments": 20})]
    full = score(entries, end=date(2025, 2, 1))
    window = score(entries, start=date(2025, 1, 20), end=date(2025, 2, 1))
    assert full.row(date(2025, 1, 25)) == window.row(date(2025, 1, 25))
    assert window.row(date(2025, 1, 25)).engage > 0


@settings(max_examples=50, deadline=None)
@given(st.lists(st.floats(0, 1000), min_size=1, max_size=700),
       st.floats(1, 400))  # fmt: skip
def test_blocked_ema_matches_the_plain_recurrence(values: list[float], half_life: float) -> None:
    series = np.asarray(values)[:, None]
    d = 2 ** (-1 / half_life)
    expected, level = [], 0.0
    for u in values:
        level = d * level + (1 - d) * u
        expected.append(level)
    got = ema(series, np.asarray([half_life]))[:, 0]
    assert np.allclose(got, expected, rtol=1e-9, atol=1e-9)
