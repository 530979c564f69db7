"""Anchoring to official readings: the estimate starts where the member already is.

The model sees only what the member records, so a newcomer's first weeks read far below
LinkedIn (their network, profile and years of habits are mostly unrecorded). An official
reading measures the level directly. On each reading's day the anchor is, per pillar, the
official value minus the model's; it is held until the next reading. The estimate is the
model plus the anchor, clipped to 0–25: it equals the reading on its day and then moves as
the model says the member's activity moves it.

The anchor is held, not faded: fading would pull the estimate back towards the model alone,
which is exactly the level the reading showed to be wrong, and every new reading measures
the anchor again. Calibration (``calibration.py``) fits the model alone, so once it has fitted
the member's level the anchors it leaves are small. Before the first reading there is none.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

import numpy as np

from .catalogue import PILLAR_MAX, PILLARS
from .parameters import DEFAULT_PARAMS, ModelParams
from .records import ActivityEntry, ProfileSnapshot, Reading, Settings, TotalsSnapshot
from .scoring import DEFAULT_SETTINGS, ScoreRow, ScoreTable, score, score_row

if TYPE_CHECKING:  # the advice layer is not needed to score (nor to open the app)
    from .advice import Advice


def anchored(
    table: ScoreTable, readings: Iterable[Reading], term_starts: Sequence[date | None] = ()
) -> ScoreTable:
    """``table`` anchored to the readings on its days (:func:`estimate` starts the table on
    the first reading, so none is left out).

    ``term_starts`` gives, per term of the model, the first day anything feeding it was
    recorded. A reading is compared with the model's level, which before that day holds each
    term at its first recorded value: a profile, a network or (with the warm start) habits
    typed in after the reading already existed when LinkedIn measured it, so the estimate
    does not jump when they are first recorded.
    """
    inside = sorted((r for r in readings if table.start <= r.day <= table.end), key=_day)
    raw = table.raw().pillars
    if not inside:
        return table.raw()
    level = _level(table, raw, term_starts)
    rows = np.fromiter((table.index(r.day) for r in inside), np.int64, count=len(inside))
    official = np.asarray([[r.pillar(p) for p in PILLARS] for r in inside])
    # The reading in effect on each day: the last one on or before it (−1: none yet).
    which = np.searchsorted(rows, np.arange(table.days), side="right") - 1
    held = (which >= 0)[:, None]
    anchors = np.where(held, (official - level[rows])[which], 0.0)
    pillars = np.clip(np.where(held, level, raw) + anchors, 0.0, PILLAR_MAX)
    days = tuple(r.day for r in inside)
    return ScoreTable(table.start, pillars, table.term_points, table.params, raw, anchors, days)


def _level(table: ScoreTable, raw: np.ndarray, term_starts: Sequence[date | None]) -> np.ndarray:
    """The model's pillars with each term held at its first recorded value before then."""
    shift = np.zeros((table.days, len(PILLARS)))
    points = table.term_points
    for j, first in enumerate(term_starts):
        k = table.index(first) if first else 0
        if 0 < k < table.days:
            pillar = PILLARS.index(table.params.terms[j].pillar)
            shift[:k, pillar] += points[k, j] - points[:k, j]
    if not shift.any():
        return raw
    level: np.ndarray = np.clip(raw + shift, 0.0, PILLAR_MAX)
    return level


def term_starts(
    params: ModelParams,
    activity: Sequence[ActivityEntry],
    profiles: Sequence[ProfileSnapshot],
    totals: Sequence[TotalsSnapshot],
) -> list[date | None]:
    """Per term, the first day anything that feeds it was recorded (None: never)."""
    first_activity = min((e.day for e in activity), default=None)
    first_profile = min((s.day for s in profiles), default=None)
    first_totals = min((t.day for t in totals), default=None)
    # A stock (the network) is fed by copied totals and by the day's new connections.
    stock = min((d for d in (first_totals, first_activity) if d), default=None)
    by_kind = {"profile": first_profile, "stock": stock}
    return [by_kind.get(t.kind, first_activity) for t in params.terms]


def estimate(
    activity: Iterable[ActivityEntry],
    profiles: Iterable[ProfileSnapshot] = (),
    params: ModelParams = DEFAULT_PARAMS,
    *,
    totals: Iterable[TotalsSnapshot] = (),
    settings: Settings = DEFAULT_SETTINGS,
    readings: Sequence[Reading] = (),
    start: date | None = None,
    end: date | None = None,
) -> ScoreTable:
    """The estimate the member sees: :func:`~.scoring.score` anchored to ``readings``.

    The table starts on the first reading at the latest, so a reading made before anything
    was recorded still anchors the days after it.
    """
    first = min((r.day for r in readings), default=None)
    if first is not None and (end is None or first <= end):
        start = min(start, first) if start else first
    entries, snapshots, copied = list(activity), list(profiles), list(totals)
    table = score(entries, snapshots, params, totals=copied, settings=settings,
                  start=start, end=end)  # fmt: skip
    if not readings:
        return table
    return anchored(table, readings, term_starts(params, entries, snapshots, copied))


def anchor_day(table: ScoreTable, day: date) -> date | None:
    """The reading whose anchor holds on ``day`` (None: no reading yet, or not anchored)."""
    i = bisect_right(table.anchor_days, day)
    return table.anchor_days[i - 1] if i else None


def anchor_vector(table: ScoreTable, day: date) -> np.ndarray:
    """Per pillar, the anchor that holds on ``day`` (zeros before the first reading)."""
    if table.anchors is None or day < table.start:
        return np.zeros(len(PILLARS))
    held: np.ndarray = table.anchors[min(table.index(day), table.days - 1)]
    return held


def prediction(table: ScoreTable, day: date) -> ScoreRow:
    """The estimate of ``day`` as it stood before that day's reading was known: the model
    with the previous reading's anchor. Against the reading it is the estimate's real error,
    never the trivial 0 of the anchored day itself."""
    earlier = bisect_left(table.anchor_days, day)
    if table.anchors is None or day not in table.anchor_days[earlier : earlier + 1]:
        return table.row(day)  # no reading that day: the anchor that holds was known
    i = table.index(day)
    before = anchor_vector(table, table.anchor_days[earlier - 1]) if earlier else 0.0
    # The model's level that day (a reading's day is never clipped), then the earlier anchor.
    level = table.pillars[i] - table.anchors[i]
    return score_row(day, np.clip(level + before, 0.0, PILLAR_MAX))


def anchored_advice(advice: Advice, table: ScoreTable) -> Advice:
    """``advice`` with the levels the member sees (its gains are differences: unchanged)."""
    row = table.row(advice.day)
    return replace(advice, current={p: row.pillar(p) for p in PILLARS})


def _day(reading: Reading) -> date:
    return reading.day
