"""Goal progress: the gap, and when the model's own projection of carrying on reaches it."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from ssi_desktop.core.advice import advise
from ssi_desktop.core.goals import HORIZON_DAYS, MIN_HISTORY_DAYS, goal_progress
from ssi_desktop.core.parameters import DEFAULT_PARAMS
from ssi_desktop.core.records import ActivityEntry, Goal, ProfileSnapshot, Settings
from ssi_desktop.core.scoring import score

DAY = date(2025, 6, 30)
WEEK = [
    {"find.searches": 2, "engage.comments": 1, "build.requests_sent": 2},
    {"find.filtered_searches": 1, "engage.reactions": 3, "build.requests_accepted": 1},
    {"brand.posts": 1, "brand.engagement": 12, "engage.messages_sent": 2},
    {"find.profiles_viewed": 4, "engage.replies_received": 1},
    {"engage.shares": 1, "build.invitations_received": 1},
    {},
    {"brand.profile_views": 5},
]
PROFILE = [ProfileSnapshot.create(date(2024, 1, 1), {"photo": True, "headline": True})]


def member(days: int) -> list[ActivityEntry]:
    """The same week, repeated for ``days`` days up to DAY."""
    first = DAY - timedelta(days=days - 1)
    return [
        ActivityEntry.create(first + timedelta(days=k), WEEK[k % 7])
        for k in range(days)
        if WEEK[k % 7]
    ]


def carried_on(entries: list[ActivityEntry], days: int) -> list[ActivityEntry]:
    """Independently: the last 28 days repeated ``days`` days into the future."""
    recent = [e for e in entries if e.day > DAY - timedelta(days=28)]
    future = []
    for block in range(0, days, 28):
        for e in recent:
            day = e.day + timedelta(days=28 + block)
            if day <= DAY + timedelta(days=days):
                future.append(ActivityEntry(day, e.counts))
    return [*entries, *future]


def test_a_pace_that_levels_off_below_the_goal_is_told_so_with_the_actions() -> None:
    entries = member(400)
    advice = advise(entries, PROFILE, DEFAULT_PARAMS, DAY)
    progress = goal_progress(entries, PROFILE, DEFAULT_PARAMS, Goal.create(70), DAY, advice)
    future = score(carried_on(entries, HORIZON_DAYS), PROFILE, DEFAULT_PARAMS,
                   end=DAY + timedelta(days=HORIZON_DAYS))  # fmt: skip
    level = future.row(DAY + timedelta(days=HORIZON_DAYS)).total
    assert progress.eta is None and not progress.reached
    assert progress.projected == pytest.approx(level, abs=0.02)
    assert level < 70
    # A straight line through the last 90 days would have promised a date: the estimate rose.
    assert future.row(DAY).total > future.row(DAY - timedelta(days=90)).total
    assert f"levels off at {level:.1f} and does not reach it" in progress.message
    assert "What would close the gap: " + advice.actions[0].label in progress.message


def test_a_reachable_goal_gets_the_day_the_projection_reaches_it() -> None:
    entries = member(60)  # someone new to LinkedIn: the terms fill up over months
    new = Settings.create({"warm_start": "no"})
    now = score(entries, PROFILE, DEFAULT_PARAMS, settings=new, end=DAY).row(DAY).total
    target = round(now + 2.0)
    progress = goal_progress(entries, PROFILE, DEFAULT_PARAMS, Goal.create(target), DAY,
                             settings=new)  # fmt: skip
    future = score(carried_on(entries, 400), PROFILE, DEFAULT_PARAMS, settings=new,
                   end=DAY + timedelta(400))  # fmt: skip
    first = next(r.day for r in future.rows(DAY, DAY + timedelta(days=400)) if r.total >= target)
    assert progress.eta is not None
    assert abs((progress.eta - first).days) <= 1  # rows are rounded to 2 decimals
    assert f"gets there on {progress.eta.day} {progress.eta:%b %Y}" in progress.message
    by = progress.eta - timedelta(days=10)
    late = goal_progress(entries, PROFILE, DEFAULT_PARAMS, Goal.create(target, by=by), DAY,
                         settings=new)  # fmt: skip
    assert "10 days late" in late.message


def test_a_goal_already_met_says_so() -> None:
    progress = goal_progress(member(200), PROFILE, DEFAULT_PARAMS, Goal.create(5), DAY)
    assert progress.reached and progress.gap == 0 and progress.eta is None
    assert "reached" in progress.message


def test_too_little_history_gives_no_projection() -> None:
    entries = member(MIN_HISTORY_DAYS - 5)
    progress = goal_progress(entries, [], DEFAULT_PARAMS, Goal.create(60), DAY)
    assert progress.projected is None and progress.eta is None
    assert f"needs {MIN_HISTORY_DAYS} days" in progress.message


def test_pillar_targets_have_their_own_progress() -> None:
    entries = member(400)
    goal = Goal.create(90, {"brand": 24, "engage": 1})
    progress = goal_progress(entries, PROFILE, DEFAULT_PARAMS, goal, DAY)
    parts = {p.name: p for p in progress.parts}
    assert set(parts) == {"brand", "engage"}
    assert parts["engage"].reached
    assert parts["brand"].eta is None and parts["brand"].projected is not None
    assert parts["brand"].projected < 24
