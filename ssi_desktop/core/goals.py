"""Goal progress: how far the estimate is from the goal, and when carrying on gets there (§6).

"At this pace" is the model's own projection of carrying on as in the last four weeks
(``projection.py``), not a straight line: the score fills up more slowly near the top, so a
line through a rising curve promises a goal the model itself never reaches. The projection
runs :data:`HORIZON_DAYS` ahead; a goal it does not reach by then is reported with the level
the pace settles at, and with the actions (``advice.py``) that would close the gap.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Final

import numpy as np

from .advice import Advice
from .catalogue import PILLAR_MAX, PILLARS
from .parameters import ModelParams
from .projection import BASELINE_DAYS, Projection
from .records import ActivityEntry, Goal, ProfileSnapshot, Settings, TotalsSnapshot

HORIZON_DAYS: Final = 3 * 365
#: A pace needs this many days of history: the four weeks it repeats.
MIN_HISTORY_DAYS: Final = BASELINE_DAYS
#: Actions named when the pace falls short.
CLOSING_ACTIONS: Final = 3


@dataclass(frozen=True)
class Progress:
    """One target: the total or a pillar."""

    name: str
    current: float
    target: float
    #: The first day the projection reaches the target (None: not within the horizon).
    eta: date | None
    #: Where the projection stands at the end of the horizon (None: too little history).
    projected: float | None

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
    eta: date | None
    projected: float | None
    reached: bool
    by: date | None
    parts: tuple[Progress, ...]
    message: str


def goal_progress(
    activity: Sequence[ActivityEntry],
    profiles: Sequence[ProfileSnapshot],
    params: ModelParams,
    goal: Goal,
    day: date,
    advice: Advice | None = None,
    settings: Settings | None = None,
    totals: Sequence[TotalsSnapshot] = (),
    anchor: np.ndarray | None = None,
) -> GoalProgress:
    """Progress on ``day``; with ``advice``, the message names the actions that close a gap.

    ``anchor`` is the anchor to the official readings that holds on ``day``
    (``anchor.anchor_vector``): the projection starts from the level the member sees, and
    the anchor is held over the future as it is between readings.
    """
    projection = Projection(activity, profiles, params, day, HORIZON_DAYS, settings, totals)
    now = projection.today_row
    enough = now + 1 >= MIN_HISTORY_DAYS
    future = projection.pillars[now:]
    if anchor is not None:
        future = np.clip(future + anchor, 0.0, PILLAR_MAX)
    # Pillars rounded first and the total their sum, as the estimate's rows show them.
    future = np.round(future, 2)
    total = _progress("total", future.sum(axis=1), goal.total, day, enough)
    parts = tuple(
        _progress(p, future[:, PILLARS.index(p)], goal.pillars[p], day, enough)
        for p in PILLARS
        if p in goal.pillars
    )
    return GoalProgress(
        total.current,
        total.target,
        round(total.gap, 2),
        total.eta,
        total.projected,
        total.reached,
        goal.by,
        parts,
        _message(total, goal.by, advice),
    )


def _progress(name: str, series: np.ndarray, target: float, day: date, enough: bool) -> Progress:
    current = round(float(series[0]), 2)
    if not enough:
        return Progress(name, current, target, None, None)
    hits = np.flatnonzero(series >= target)
    eta = day + timedelta(days=int(hits[0])) if len(hits) and current < target else None
    return Progress(name, current, target, eta, round(float(series[-1]), 2))


def _message(total: Progress, by: date | None, advice: Advice | None) -> str:
    target = f"Goal {total.target:g}" + (f" by {_day(by)}" if by else "")
    if total.reached:
        return f"{target} — reached ({total.current:.1f})"
    gap = f"{total.gap:.1f} to go"
    if total.projected is None:
        return f"{target} — {gap}; a projection needs {MIN_HISTORY_DAYS} days of history"
    pace = "carrying on as in the last four weeks"
    if total.eta is None:
        years = HORIZON_DAYS // 365
        text = (
            f"{target} — {gap}; {pace}, the estimate levels off at {total.projected:.1f} "
            f"and does not reach it within {years} years."
        )
        return text + _closing(advice)
    text = f"{target} — {gap}; {pace} gets there on {_day(total.eta)}"
    if by is not None and total.eta > by:
        return f"{text}, {(total.eta - by).days} days late." + _closing(advice)
    return text + "."


def _closing(advice: Advice | None) -> str:
    if advice is None or not advice.actions:
        return ""
    best = advice.actions[:CLOSING_ACTIONS]
    named = "; ".join(f"{a.label} (+{a.gain_90:.2f} in 90 days)" for a in best)
    return f" What would close the gap: {named}."


def _day(value: date) -> str:
    return f"{value.day} {value:%b %Y}"
