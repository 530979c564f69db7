"""Goal progress: how far the estimate is from the goal, and when the current pace gets there.

The pace is the least-squares slope of the estimate over the last :data:`TREND_DAYS` days (at
least :data:`MIN_TREND_DAYS` of them): a straight line through a few weeks ignores a single
busy or quiet day, and is what "at this pace" means to a person. The line is only a pace, not
a forecast — the model saturates — which is why a date more than :data:`HORIZON_DAYS` away is
reported as "not at this pace" rather than as a date nobody should plan on.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Final

import numpy as np

from .catalogue import PILLARS
from .records import Goal
from .scoring import ScoreTable

TREND_DAYS: Final = 90
MIN_TREND_DAYS: Final = 30
HORIZON_DAYS: Final = 3 * 365
#: A slope smaller than this (points a day; 0.36 a year) is treated as flat.
FLAT: Final = 0.001


@dataclass(frozen=True)
class Progress:
    """One target: the total or a pillar."""

    name: str
    current: float
    target: float
    slope_per_day: float | None
    eta: date | None

    @property
    def gap(self) -> float:
        return max(0.0, self.target - self.current)

    @property
    def reached(self) -> bool:
        return self.current >= self.target


@dataclass(frozen=True)
class GoalProgress:
    current: float
    target: float
    gap: float
    slope_per_day: float | None
    eta: date | None
    reached: bool
    by: date | None
    parts: tuple[Progress, ...]
    message: str


def goal_progress(table: ScoreTable, goal: Goal, day: date) -> GoalProgress:
    row = table.row(day)
    total = _progress("total", row.total, goal.total, _slope(table.totals, table, day), day)
    parts = tuple(
        _progress(
            p,
            row.pillar(p),
            goal.pillars[p],
            _slope(table.pillars[:, PILLARS.index(p)], table, day),
            day,
        )
        for p in PILLARS
        if p in goal.pillars
    )
    return GoalProgress(
        total.current,
        total.target,
        round(total.gap, 2),
        total.slope_per_day,
        total.eta,
        total.reached,
        goal.by,
        parts,
        _message(total, goal.by, day),
    )


def _slope(series: np.ndarray, table: ScoreTable, day: date) -> float | None:
    last = table.index(day)
    if last < 0 or last >= table.days:
        return None
    first = max(0, last - TREND_DAYS + 1)
    if last - first + 1 < MIN_TREND_DAYS:
        return None
    values = series[first : last + 1]
    x = np.arange(len(values), dtype=np.float64)
    return float(np.polyfit(x, values, 1)[0])


def _progress(name: str, current: float, target: float, slope: float | None, day: date) -> Progress:
    eta = None
    if current < target and slope is not None and slope > FLAT:
        days = math.ceil((target - current) / slope)
        if days <= HORIZON_DAYS:
            eta = day + timedelta(days=days)
    return Progress(name, current, target, slope, eta)


def _message(total: Progress, by: date | None, day: date) -> str:
    target = f"Goal {total.target:g}" + (f" by {_day(by)}" if by else "")
    if total.reached:
        return f"{target} — reached ({total.current:.1f})"
    gap = f"{total.gap:.1f} to go"
    if total.slope_per_day is None:
        return f"{target} — {gap}; a pace needs {MIN_TREND_DAYS} days of history"
    if total.eta is None:
        if total.slope_per_day <= FLAT:
            return f"{target} — {gap}; not reached at this pace (the estimate is not rising)"
        return f"{target} — {gap}; not within {HORIZON_DAYS // 365} years at this pace"
    pace = f"on pace for {_day(total.eta)}"
    if by is not None and total.eta > by:
        late = (total.eta - by).days
        return f"{target} — {gap}; {pace}, {late} days late"
    return f"{target} — {gap}; {pace}"


def _day(value: date) -> str:
    return f"{value.day} {value:%b %Y}"
