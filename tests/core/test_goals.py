"""Goal progress: the gap, the pace (least-squares trend) and when the goal is reached."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pytest

from ssi_desktop.core.goals import HORIZON_DAYS, MIN_TREND_DAYS, TREND_DAYS, goal_progress
from ssi_desktop.core.parameters import DEFAULT_PARAMS
from ssi_desktop.core.records import Goal
from ssi_desktop.core.scoring import ScoreTable

START = date(2024, 1, 1)


def table_of(pillars: np.ndarray) -> ScoreTable:
    return ScoreTable(
        START, pillars, np.zeros((len(pillars), len(DEFAULT_PARAMS.terms))), DEFAULT_PARAMS
    )


def ramp(days: int, start: float, per_day: float) -> np.ndarray:
    """Four equal pillars whose total starts at ``start`` and rises ``per_day``."""
    total = start + per_day * np.arange(days)
    return np.repeat((total / 4)[:, None], 4, axis=1)


def test_a_steady_rise_gives_the_day_the_goal_is_reached() -> None:
    table = table_of(ramp(200, 40.0, 0.1))
    day = START + timedelta(days=199)
    progress = goal_progress(table, Goal.create(70), day)
    assert progress.current == pytest.approx(59.9, abs=0.03)  # pillars are rounded first
    assert progress.gap == pytest.approx(10.1, abs=0.03)
    assert progress.slope_per_day == pytest.approx(0.1, rel=1e-6)
    assert progress.eta == day + timedelta(days=101)
    assert not progress.reached
    assert "on pace for" in progress.message and "10.1 to go" in progress.message


def test_a_goal_already_met_says_so() -> None:
    table = table_of(ramp(100, 50.0, 0.0))
    progress = goal_progress(table, Goal.create(45), START + timedelta(days=99))
    assert progress.reached and progress.gap == 0 and progress.eta is None
    assert "reached" in progress.message


def test_a_falling_or_flat_estimate_will_not_reach_it() -> None:
    table = table_of(ramp(120, 60.0, -0.05))
    progress = goal_progress(table, Goal.create(80), START + timedelta(days=119))
    assert progress.eta is None and not progress.reached
    assert progress.slope_per_day == pytest.approx(-0.05)
    assert "not reached at this pace" in progress.message


def test_a_pace_too_slow_for_the_horizon_is_not_a_date() -> None:
    table = table_of(ramp(120, 20.0, 0.005))
    progress = goal_progress(table, Goal.create(90), START + timedelta(days=119))
    assert progress.eta is None
    assert (90 - progress.current) / 0.005 > HORIZON_DAYS
    assert "not within 3 years" in progress.message


def test_the_trend_uses_only_the_last_ninety_days() -> None:
    # Flat for 300 days, then rising 0.2 a day for the last TREND_DAYS.
    flat = np.full(300, 40.0)
    rise = 40.0 + 0.2 * np.arange(1, TREND_DAYS + 1)
    pillars = np.repeat((np.concatenate([flat, rise]) / 4)[:, None], 4, axis=1)
    table = table_of(pillars)
    progress = goal_progress(table, Goal.create(80), table.end)
    assert progress.slope_per_day == pytest.approx(0.2, rel=1e-6)


def test_too_little_history_gives_no_pace() -> None:
    table = table_of(ramp(MIN_TREND_DAYS - 1, 30.0, 0.3))
    progress = goal_progress(table, Goal.create(60), table.end)
    assert progress.slope_per_day is None and progress.eta is None
    assert f"needs {MIN_TREND_DAYS} days" in progress.message


def test_a_target_date_says_whether_the_pace_is_late() -> None:
    table = table_of(ramp(200, 40.0, 0.1))
    day = START + timedelta(days=199)
    late = goal_progress(table, Goal.create(70, by=day + timedelta(days=50)), day)
    assert late.by == day + timedelta(days=50)
    assert "51 days late" in late.message
    in_time = goal_progress(table, Goal.create(70, by=day + timedelta(days=200)), day)
    assert "late" not in in_time.message


def test_pillar_targets_have_their_own_progress() -> None:
    pillars = ramp(200, 40.0, 0.1)
    pillars[:, 1] = 5.0  # find stays flat
    table = table_of(pillars)
    day = START + timedelta(days=199)
    progress = goal_progress(table, Goal.create(70, {"brand": 20, "find": 10}), day)
    parts = {p.name: p for p in progress.parts}
    assert set(parts) == {"brand", "find"}
    assert parts["brand"].slope_per_day == pytest.approx(0.025)
    assert parts["brand"].eta is not None
    assert parts["find"].gap == pytest.approx(5.0)
    assert parts["find"].eta is None
