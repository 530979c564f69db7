"""Advice: the next actions per pillar, ranked by what the model says they would add (§6).

Nothing here is a hand-written tip. For a day D the advice runs the same model as the
estimate on a what-if future: the user's history up to D, then ``horizon`` days that repeat
their last four weeks (the baseline: carry on as you are). Each candidate action from
``actions.STEPS`` is that future plus the step at its realistic pace, with the outcomes it
drives at the user's own recent conversion; each missing profile checklist item is that future
with the item ticked from D + 1. An action's gain is its pillar on day D + horizon minus the
baseline's — the points it would add to the pillar it is listed under. (Own actions also count
towards "days active" in find; that side effect is not credited to them.)

Every what-if count is a whole number scheduled on real days (two a week = a Thursday and a
Sunday, not 0.29 every day), so a what-if is a store the user could actually have recorded.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Final

import numpy as np

from .actions import STEPS, Drive, Step
from .catalogue import METRIC_INDEX, PILLARS, PROFILE_ITEMS, PROFILE_KEYS
from .parameters import ModelParams
from .records import ActivityEntry, ProfileSnapshot
from .scoring import activity_matrix, profile_completeness, score_arrays

#: The baseline future repeats this many most recent days.
BASELINE_DAYS: Final = 28
#: Conversions (replies per message, acceptances per request …) are measured over this window.
RATE_DAYS: Final = 90
#: Gains below this round to +0.00 and are not worth a line.
MIN_GAIN: Final = 0.005


@dataclass(frozen=True)
class Action:
    key: str
    label: str
    gain: float
    per_day: float | None


@dataclass(frozen=True)
class PillarAdvice:
    pillar: str
    current: float
    actions: list[Action]


def advise(
    activity: Sequence[ActivityEntry],
    profiles: Sequence[ProfileSnapshot],
    params: ModelParams,
    day: date,
    horizon: int = 30,
) -> list[PillarAdvice]:
    """Each pillar's actions ranked by gain, weakest pillar first."""
    entries = [e for e in activity if e.day <= day]
    snapshots = [s for s in profiles if s.day <= day]
    first = min([e.day for e in entries] + [s.day for s in snapshots] + [day])
    history = activity_matrix(entries, first, (day - first).days + 1).astype(np.float64)
    baseline = np.vstack([history, baseline_future(history, horizon)])
    completeness = profile_completeness(snapshots, first, len(baseline), params.profile_items)
    pillars, _ = score_arrays(baseline, completeness, params)
    current = pillars[len(history) - 1]
    end = pillars[-1]

    gains: dict[str, list[Action]] = {p: [] for p in PILLARS}
    for step in STEPS:
        extra = step_schedule(step, history, horizon)
        counts = baseline.copy()
        counts[len(history) :] += extra
        after, _ = score_arrays(counts, completeness, params)
        p = PILLARS.index(step.pillar)
        gains[step.pillar].append(
            Action(step.key, step_label(step), float(after[-1, p] - end[p]), step.per_day)
        )
    latest = snapshots[-1].items if snapshots else {}
    brand = PILLARS.index("brand")
    for item in PROFILE_ITEMS:
        if latest.get(item.key):
            continue
        ticked = ProfileSnapshot(
            day + timedelta(days=1), {k: bool(latest.get(k)) or k == item.key for k in PROFILE_KEYS}
        )
        with_item = profile_completeness(
            [*snapshots, ticked], first, len(baseline), params.profile_items
        )
        after, _ = score_arrays(baseline, with_item, params)
        gains["brand"].append(
            Action(
                f"profile.{item.key}",
                f"Complete your profile: {item.label.lower()}",
                float(after[-1, brand] - end[brand]),
                None,
            )
        )

    advice = [
        PillarAdvice(
            pillar,
            float(current[p]),
            sorted(
                (a for a in gains[pillar] if a.gain >= MIN_GAIN), key=lambda a: (-a.gain, a.key)
            ),
        )
        for p, pillar in enumerate(PILLARS)
    ]
    return sorted(advice, key=lambda a: (a.current, PILLARS.index(a.pillar)))


def baseline_future(history: np.ndarray, horizon: int) -> np.ndarray:
    """The next ``horizon`` days if the user carries on as in their last four weeks."""
    recent = history[-BASELINE_DAYS:]
    repeats = math.ceil(horizon / len(recent))
    return np.tile(recent, (repeats, 1))[:horizon]


def step_schedule(step: Step, history: np.ndarray, horizon: int) -> np.ndarray:
    """Whole counts the step adds on each future day, outcomes it drives included."""
    extra = np.zeros((horizon, history.shape[1]))
    occurrences = spread(step.per_day, horizon)
    for key, per in step.adds.items():
        extra[:, METRIC_INDEX[key]] += per * occurrences
    for drive in step.drives:
        rate = conversion(drive, history)
        extra[:, METRIC_INDEX[drive.outcome]] += spread_counts(rate * np.cumsum(occurrences))
    return extra


def conversion(drive: Drive, history: np.ndarray) -> float:
    """The user's own rate for ``drive`` over the last :data:`RATE_DAYS` days."""
    recent = history[-RATE_DAYS:]
    done = float(sum(recent[:, METRIC_INDEX[key]].sum() for key in drive.per))
    if done <= 0:
        return drive.default_rate
    return min(drive.max_rate, float(recent[:, METRIC_INDEX[drive.outcome]].sum()) / done)


def spread(per_day: float, horizon: int) -> np.ndarray:
    """Whole occurrences per day whose running total keeps up with ``per_day``."""
    return spread_counts(per_day * np.arange(1, horizon + 1))


def spread_counts(cumulative: np.ndarray) -> np.ndarray:
    whole = np.floor(cumulative + 1e-9)
    return np.diff(whole, prepend=0.0)


def step_label(step: Step) -> str:
    return step.label.format(n=f"{step.count:g}")
