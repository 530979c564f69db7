"""Advice: the next actions, ranked by what the model says they would add in 90 days (§6).

Nothing here is a hand-written tip. For a day D the advice runs the same model as the
estimate on a what-if future (``projection.py``): the member's history up to D, then days
that repeat their last four weeks (carry on as you are). Each candidate step from
``actions.STEPS`` is that future plus the step at its realistic pace, with the outcomes it
brings at the member's own recent rates; each missing profile checklist item is that future
with the item ticked from D + 1. An action's gains are its pillar on D + 30 and D + 90 minus
the baseline's — the points it would add to the pillar it is listed under. (Own actions also
count towards "days active" in find; that side effect is not credited to them.)

Actions are ranked by the 90-day gain: content and network terms fill slowly, so a 30-day
horizon would always rank "1 article a month" last for reasons of arithmetic, not of value.

Every what-if count is a whole number scheduled on real days (two a week = a Thursday and a
Sunday, not 0.29 every day), so a what-if is a store the member could actually have recorded.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Final

import numpy as np

from .actions import NOTE_UPLIFT, STEPS, Drive, Step
from .catalogue import METRIC_INDEX, PILLARS, PROFILE_ITEMS, PROFILE_KEYS
from .parameters import ModelParams
from .projection import Projection
from .records import ActivityEntry, ProfileSnapshot, Settings, TotalsSnapshot

#: The two horizons every action is judged at, in days; the ranking uses the longer one.
SHORT: Final = 30
LONG: Final = 90
#: Rates (replies per message, acceptances per request …) are measured over this window.
RATE_DAYS: Final = 90
#: Gains below this round to +0.00 and are not worth a line.
MIN_GAIN: Final = 0.005


@dataclass(frozen=True)
class Action:
    key: str
    pillar: str
    label: str
    #: The catalogue keys the action changes: what it adds and the outcomes it brings.
    inputs: tuple[str, ...]
    gain_30: float
    gain_90: float
    #: Occurrences a day (None for a profile item, done once).
    per_day: float | None
    #: What it brings at the member's own rates, in words ("" when it brings nothing else).
    outcomes: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {
            "pillar": self.pillar,
            "action": self.label,
            "key": self.key,
            "inputs": list(self.inputs),
            "gain_30": round(self.gain_30, 3),
            "gain_90": round(self.gain_90, 3),
            "outcomes": self.outcomes,
        }


@dataclass(frozen=True)
class Advice:
    day: date
    #: Each pillar's estimate on ``day``.
    current: dict[str, float]
    #: Every action worth a line, best 90-day gain first.
    actions: list[Action]

    @property
    def weakest(self) -> str:
        return min(PILLARS, key=lambda p: (self.current[p], PILLARS.index(p)))

    def for_pillar(self, pillar: str) -> list[Action]:
        return [a for a in self.actions if a.pillar == pillar]


def advise(
    activity: Sequence[ActivityEntry],
    profiles: Sequence[ProfileSnapshot],
    params: ModelParams,
    day: date,
    settings: Settings | None = None,
    totals: Sequence[TotalsSnapshot] = (),
) -> Advice:
    """Every action worth doing on ``day``, ranked by the points it adds in 90 days."""
    member = settings or Settings()
    projection = Projection(activity, profiles, params, day, LONG, member, totals)
    base = projection.pillars
    now = projection.today_row
    actions: list[Action] = []

    def gains(pillars: np.ndarray, pillar: str) -> tuple[float, float]:
        p = PILLARS.index(pillar)
        return tuple(  # type: ignore[return-value]
            float(pillars[now + h, p] - base[now + h, p]) for h in (SHORT, LONG)
        )

    for step in STEPS:
        if step.sales_navigator and not member.sales_navigator:
            continue
        extra, outcomes, per_day = step_schedule(step, projection)
        if per_day <= 0:
            continue  # a rate to improve on volume the member does not have
        short, long = gains(projection.run(extra), step.pillar)
        actions.append(
            Action(
                step.key,
                step.pillar,
                step_label(step, member),
                step.inputs,
                short,
                long,
                per_day,
                outcomes,
            )
        )
    latest = projection.profiles[-1].items if projection.profiles else {}
    for item in PROFILE_ITEMS:
        if latest.get(item.key):
            continue
        ticked = ProfileSnapshot(
            day + timedelta(days=1), {k: bool(latest.get(k)) or k == item.key for k in PROFILE_KEYS}
        )
        short, long = gains(projection.run(completeness=projection.with_profile(ticked)), "brand")
        actions.append(
            Action(
                f"profile.{item.key}",
                "brand",
                f"Complete your profile: {item.label.lower()}",
                (),
                short,
                long,
                None,
            )
        )
    ranked = sorted(
        (a for a in actions if a.gain_90 >= MIN_GAIN), key=lambda a: (-a.gain_90, -a.gain_30, a.key)
    )
    current = {p: float(base[now, i]) for i, p in enumerate(PILLARS)}
    return Advice(day, current, ranked)


def step_schedule(step: Step, projection: Projection) -> tuple[np.ndarray, str, float]:
    """Whole counts the step adds on each future day, what it brings, and its pace a day."""
    history = projection.history
    horizon = projection.horizon
    extra = np.zeros((horizon, history.shape[1]))
    if step.improves:
        # The member's own future volume, less what already has the better rate.
        future = projection.counts[len(history) : len(history) + horizon]
        volume = future[:, METRIC_INDEX[step.improves]].copy()
        for key in step.adds:
            volume -= future[:, METRIC_INDEX[key]]
        occurrences = np.maximum(volume, 0.0)
    else:
        occurrences = spread(step.per_day, horizon)
    for key, per in step.adds.items():
        extra[:, METRIC_INDEX[key]] += per * occurrences
    per_day = float(occurrences.mean())
    said: list[str] = []
    for drive in step.drives:
        rate, own = conversion(drive, history)
        # A rate-improving step adds only what the better rate brings on top of the old one.
        before = conversion(_unlifted(drive), history)[0] if step.improves else 0.0
        extra[:, METRIC_INDEX[drive.outcome]] += spread_counts(
            (rate - before) * np.cumsum(occurrences)
        )
        if drive.measured and said:
            continue  # the same acceptances, already said
        said.append(_outcome_words(drive, rate, before, per_day, own, bool(step.improves)))
    return extra, "; ".join(said), per_day


def conversion(drive: Drive, history: np.ndarray) -> tuple[float, bool]:
    """The member's own rate for ``drive`` over the last :data:`RATE_DAYS` days, with its lift.

    The second value says whether it is their own (False: no history, a typical rate).
    """
    recent = history[-RATE_DAYS:]
    done = float(sum(recent[:, METRIC_INDEX[key]].sum() for key in drive.per))
    if done <= 0:
        return min(drive.max_rate, drive.default_rate * drive.lift), False
    got = float(recent[:, METRIC_INDEX[drive.measured or drive.outcome]].sum())
    rate = got / done
    if drive.lifted:
        # Part of the past volume already had the note's lift: solve for the rate without it.
        share = min(1.0, float(recent[:, METRIC_INDEX[drive.lifted]].sum()) / done)
        rate /= 1.0 - share + share * NOTE_UPLIFT
    return min(drive.max_rate, rate * drive.lift), True


def _unlifted(drive: Drive) -> Drive:
    return Drive(drive.outcome, drive.per, drive.noun, drive.default_rate, drive.max_rate,
                 1.0, drive.lifted, drive.measured)  # fmt: skip


def _outcome_words(
    drive: Drive, rate: float, before: float, per_day: float, own: bool, improves: bool
) -> str:
    whose = "your" if own else "a typical"
    if improves:
        weekly = (rate - before) * per_day * 7
        return (
            f"about {weekly:.1f} more {drive.noun} a week ({whose} rate {before:.0%} → {rate:.0%})"
        )
    weekly = rate * per_day * 7
    what = f"{rate:.0%}" if drive.max_rate <= 1.0 else f"{rate:.1f} each"
    return f"about {weekly:.1f} {drive.noun} a week ({whose} rate: {what})"


def spread(per_day: float, horizon: int) -> np.ndarray:
    """Whole occurrences per day whose running total keeps up with ``per_day``, each period's
    first on its first day: someone who takes up "an article a month" writes the first one
    now, not on day 30 — where a 30-day horizon would see nothing of it."""
    whole = np.ceil(per_day * np.arange(1, horizon + 1) - 1e-9)
    return np.diff(whole, prepend=0.0)


def spread_counts(cumulative: np.ndarray) -> np.ndarray:
    whole = np.floor(cumulative + 1e-9)
    return np.diff(whole, prepend=0.0)


def step_label(step: Step, settings: Settings) -> str:
    label = (
        step.navigator_label if settings.sales_navigator and step.navigator_label else step.label
    )
    return label.format(n=f"{step.count:g}")
