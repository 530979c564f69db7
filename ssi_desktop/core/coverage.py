"""Coverage (spec §3.15): which of a pillar's inputs the member records at all.

An estimate built on 3 of a pillar's 8 inputs should say so, and say which are missing: the
app shows it beside "why it moved" and ``explain`` lists it. An input counts as recorded once
it has been given a value above zero on some day (a daily metric), copied in a snapshot (a
total), or once any profile checklist exists.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

from .catalogue import METRICS_BY_KEY, PILLARS, TOTALS_BY_KEY, metrics_for
from .parameters import DEFAULT_PARAMS, ModelParams
from .records import ActivityEntry, ProfileSnapshot, TotalsSnapshot

#: The profile checklist as one input (its twelve items are recorded together).
PROFILE_INPUT: Final = "profile"


@dataclass(frozen=True)
class PillarCoverage:
    pillar: str
    recorded: tuple[str, ...]
    missing: tuple[str, ...]

    @property
    def inputs(self) -> int:
        return len(self.recorded) + len(self.missing)


def pillar_inputs(pillar: str, params: ModelParams = DEFAULT_PARAMS) -> tuple[str, ...]:
    """The pillar's own inputs in catalogue order: checklist, daily metrics, then totals.

    Only the pillar's own daily metrics: own actions of every pillar make Find's days
    active, but they are recorded (or not) as inputs of their own pillars.
    """
    terms = params.pillar_terms(pillar)
    profile = (PROFILE_INPUT,) if any(t.kind == "profile" for t in terms) else ()
    daily = tuple(m.key for m in metrics_for(pillar))
    totals = tuple(dict.fromkeys(t.total for t in terms if t.total))
    return (*profile, *daily, *totals)


def recorded_inputs(
    activity: Iterable[ActivityEntry],
    profiles: Iterable[ProfileSnapshot] = (),
    totals: Iterable[TotalsSnapshot] = (),
) -> frozenset[str]:
    """Every input key the member has ever recorded."""
    keys: set[str] = set()
    for entry in activity:
        # Once every key of a day is known, the day adds nothing: one C-level check per day
        # instead of a look at each count (ten years: ~4 ms on every save, benchmarks/).
        if not keys.issuperset(entry.counts):
            keys.update(key for key, value in entry.counts.items() if value > 0)
    keys.update(key for snap in totals for key in snap.values)
    if any(True for _ in profiles):
        keys.add(PROFILE_INPUT)
    return frozenset(keys)


def coverage(
    activity: Iterable[ActivityEntry],
    profiles: Iterable[ProfileSnapshot] = (),
    totals: Iterable[TotalsSnapshot] = (),
    params: ModelParams = DEFAULT_PARAMS,
) -> dict[str, PillarCoverage]:
    """Per pillar (in pillar order), its inputs recorded and its inputs never recorded.

    A daily metric that only feeds terms whose total the member copies counts as recorded:
    new followers and the follower total are one thing recorded two ways (spec §2).
    """
    recorded = set(recorded_inputs(activity, profiles, totals))
    for key in METRICS_BY_KEY:
        feeds = [t for t in params.terms if key in t.metrics() and t.kind != "active"]
        if feeds and all(t.total in recorded for t in feeds):
            recorded.add(key)
    out = {}
    for pillar in PILLARS:
        inputs = pillar_inputs(pillar, params)
        out[pillar] = PillarCoverage(
            pillar,
            tuple(k for k in inputs if k in recorded),
            tuple(k for k in inputs if k not in recorded),
        )
    return out


def input_label(key: str) -> str:
    """The catalogue's label of an input key (English; the UI translates its own)."""
    if key in METRICS_BY_KEY:
        return METRICS_BY_KEY[key].label
    if key in TOTALS_BY_KEY:
        return TOTALS_BY_KEY[key].label
    if key == PROFILE_INPUT:
        return "Profile checklist"
    if key.startswith(f"{PROFILE_INPUT}."):
        return f"Profile: {key.split('.', 1)[1].replace('_', ' ')}"
    raise KeyError(key)
