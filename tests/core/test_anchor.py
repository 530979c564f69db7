"""Anchoring to official readings (``core/anchor.py``): on real records through the public API."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from ssi_desktop.core.anchor import anchor_vector, estimate, prediction
from ssi_desktop.core.catalogue import METRICS, PILLARS
from ssi_desktop.core.explain import explain
from ssi_desktop.core.goals import goal_progress
from ssi_desktop.core.parameters import DEFAULT_PARAMS
from ssi_desktop.core.records import ActivityEntry, Goal, ProfileSnapshot, Reading
from ssi_desktop.core.scoring import score

START = date(2025, 1, 1)
FIRST, SECOND = START + timedelta(days=40), START + timedelta(days=70)
END = START + timedelta(days=100)
READINGS = (
    Reading.create(FIRST, brand=18.5, find=9.25, engage=11, build=16.75),
    Reading.create(SECOND, brand=19, find=10.5, engage=12.25, build=17),
)
# A member who comments and searches most days, posts weekly and grows the network.
ACTIVITY = [
    ActivityEntry.create(START + timedelta(days=i), {
        "engage.comments": 1 + i % 3, "find.searches": 2 + i % 4, "build.requests_sent": i % 2,
        **({"brand.posts": 1} if i % 7 == 0 else {}),
    })
    for i in range(0, 100, 1) if i % 5
]  # fmt: skip
PROFILES = [ProfileSnapshot.create(START, {"photo": True, "headline": True, "about": True})]


def member(readings: tuple[Reading, ...] = READINGS):
    return estimate(ACTIVITY, PROFILES, readings=readings, end=END)


def test_the_estimate_equals_each_reading_on_its_day_and_moves_as_the_model_between() -> None:
    table, raw = member(), score(ACTIVITY, PROFILES, end=END)
    np.testing.assert_array_equal(table.raw().pillars, raw.pillars)
    for reading in READINGS:
        row = table.row(reading.day)
        assert [row.pillar(p) for p in PILLARS] == [reading.pillar(p) for p in PILLARS]
    # Before the first reading: the model alone. Between: the model's change, to the cent.
    before = FIRST - timedelta(days=1)
    assert table.row(before) == raw.row(before)
    for day in (FIRST + timedelta(days=k) for k in range(30)):
        for p, name in enumerate(PILLARS):
            moved = table.pillars[table.index(day), p] - table.pillars[table.index(FIRST), p]
            model = raw.pillars[raw.index(day), p] - raw.pillars[raw.index(FIRST), p]
            assert abs(moved - model) < 1e-9, (day, name)
    # From the second reading on, the second anchor holds (to the end: it is not faded).
    last = table.pillars[table.index(END)] - raw.pillars[raw.index(END)]
    second = [r - m for r, m in zip((READINGS[1].pillar(p) for p in PILLARS),
                                    raw.pillars[raw.index(SECOND)], strict=True)]  # fmt: skip
    np.testing.assert_allclose(last, second)
    np.testing.assert_allclose(anchor_vector(table, END), second)


def test_prediction_is_the_estimate_before_the_reading_was_known() -> None:
    table, raw = member(), score(ACTIVITY, PROFILES, end=END)
    # The first reading was predicted by the model alone; the second with the first's anchor.
    assert prediction(table, FIRST) == raw.row(FIRST)
    first_anchor = [READINGS[0].pillar(p) - raw.pillars[raw.index(FIRST), i]
                    for i, p in enumerate(PILLARS)]  # fmt: skip
    expected = np.clip(raw.pillars[raw.index(SECOND)] + first_anchor, 0, 25)
    np.testing.assert_allclose([prediction(table, SECOND).pillar(p) for p in PILLARS],
                               expected, atol=0.005)  # fmt: skip
    assert prediction(table, SECOND).total != READINGS[1].total  # never the trivial 0
    assert prediction(table, SECOND) == member(READINGS[:1]).row(SECOND)


def test_a_reading_before_anything_recorded_anchors_the_days_after_it() -> None:
    early = Reading.create(START - timedelta(days=5), brand=20, find=7, engage=9, build=14)
    table = member((early,))
    assert table.start == early.day
    assert table.row(early.day).total == early.total
    # The profile and the warm start were typed in after the reading: they do not jump.
    assert abs(table.row(START).total - early.total) < 0.01


def test_explain_across_a_reading_day_adds_up_and_names_the_reading() -> None:
    table = member()
    result = explain(table, SECOND - timedelta(days=7), SECOND + timedelta(days=7))
    for pillar in result.pillars:
        assert abs(sum(t.change for t in pillar.terms) - pillar.change) <= 0.02
        (anchor,) = [t for t in pillar.terms if t.term == "anchor"]
        assert anchor.label == f"Your official reading of {SECOND.day} {SECOND:%b %Y}"
        assert anchor.inputs == ()
    # Without readings, no anchor line: explain is as it was.
    plain = explain(member(()), FIRST, SECOND)
    assert not [t for p in plain.pillars for t in p.terms if t.term == "anchor"]


def test_the_goal_starts_from_the_anchored_level() -> None:
    table = member()
    goal = Goal.create(70)
    anchored = goal_progress(ACTIVITY, PROFILES, DEFAULT_PARAMS, goal, END, None, None, (),
                             anchor_vector(table, END))  # fmt: skip
    raw = goal_progress(ACTIVITY, PROFILES, DEFAULT_PARAMS, goal, END)
    assert anchored.current == table.row(END).total
    assert anchored.current > raw.current + 20


# -- §3 properties with readings ------------------------------------------------------------

days = st.integers(0, 99)
counts = st.dictionaries(st.sampled_from(METRICS), st.integers(1, 30), min_size=1, max_size=4).map(
    lambda drawn: {m.key: min(n, m.max_per_day) for m, n in drawn.items()}
)
pillar = st.floats(0, 25, allow_nan=False).map(lambda v: round(v, 2))
readings = st.lists(st.tuples(days, pillar, pillar, pillar, pillar), min_size=1, max_size=4,
                    unique_by=lambda r: r[0])  # fmt: skip


def _readings(drawn: list[tuple[int, float, float, float, float]]) -> tuple[Reading, ...]:
    return tuple(
        Reading.create(START + timedelta(days=d), brand=b, find=f, engage=e, build=u)
        for d, b, f, e, u in drawn
        if b or f or e or u
    )


@settings(max_examples=60, deadline=None)
@given(readings, days, counts)
def test_with_readings_bounds_hold_and_more_activity_never_lowers_a_pillar(
    drawn: list[tuple[int, float, float, float, float]], day: int, extra: dict[str, int]
) -> None:
    """The anchor is fixed per reading: more activity after the last reading (which moves no
    anchor) never lowers any pillar on any day, and the rows stay within 0–25. The activity
    falls after the warm start's weeks too: those set every pace from the first day on
    (§3.12), the level a reading made before them is compared with."""
    chosen = _readings(drawn)
    if not chosen:
        return
    warm_end = min(e.day for e in ACTIVITY) + timedelta(days=DEFAULT_PARAMS.warm_days)
    last = max(r.day for r in chosen)
    when = min(max(last, warm_end) + timedelta(days=1 + day % 30), END)
    more = [*ACTIVITY, ActivityEntry.create(when, extra)]
    base, after = member(chosen), estimate(more, PROFILES, readings=chosen, end=END)
    for table in (base, after):
        assert np.all(table.pillars >= 0) and np.all(table.pillars <= 25)
        for reading in chosen:
            assert abs(table.row(reading.day).total - reading.total) <= 0.03
    if when > last:
        assert np.all(after.pillars >= base.pillars - 1e-9)
