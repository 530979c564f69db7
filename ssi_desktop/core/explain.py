"""Why the estimate moved (spec §3.16): each pillar's change as the sum of its terms' changes.

A pillar is the sum of its terms' points (``ScoreTable.term_points``), so its change between
two days is exactly the sum of the terms' changes. Shown to two decimals, the terms are rounded
by largest remainder so that they still add up to the pillar as the estimate shows it (the
row's own rounding): every line of ``explain`` adds up to the cent.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

import numpy as np

from .catalogue import PILLARS
from .parameters import Term
from .scoring import ScoreRow, ScoreTable


@dataclass(frozen=True)
class TermChange:
    term: str
    label: str
    inputs: tuple[str, ...]
    before: float
    after: float

    @property
    def change(self) -> float:
        return _cents(self.after - self.before)


@dataclass(frozen=True)
class PillarChange:
    pillar: str
    before: float
    after: float
    terms: tuple[TermChange, ...]

    @property
    def change(self) -> float:
        return _cents(self.after - self.before)

    def movers(self, count: int = 3) -> list[TermChange]:
        """The terms that moved most (by size of the change), none that stood still."""
        moved = [t for t in self.terms if t.change != 0]
        return sorted(moved, key=lambda t: (-abs(t.change), t.term))[:count]


@dataclass(frozen=True)
class Explanation:
    first: date
    last: date
    pillars: tuple[PillarChange, ...]

    @property
    def before(self) -> float:
        return _cents(math.fsum(p.before for p in self.pillars))

    @property
    def after(self) -> float:
        return _cents(math.fsum(p.after for p in self.pillars))

    @property
    def change(self) -> float:
        return _cents(self.after - self.before)

    def pillar(self, name: str) -> PillarChange:
        return next(p for p in self.pillars if p.pillar == name)

    def movers(self, count: int = 3) -> list[tuple[str, TermChange]]:
        """The terms that moved most across all pillars, with their pillar."""
        moved = [(p.pillar, t) for p in self.pillars for t in p.terms if t.change != 0]
        return sorted(moved, key=lambda m: (-abs(m[1].change), m[1].term))[:count]

    def as_dict(self) -> dict[str, object]:
        """The JSON of ``ssi-desktop explain --format json`` (spec §4)."""
        return {
            "from": self.first.isoformat(),
            "to": self.last.isoformat(),
            "total": {"from": self.before, "to": self.after, "change": self.change},
            "pillars": [
                {
                    "pillar": p.pillar,
                    "from": p.before,
                    "to": p.after,
                    "change": p.change,
                    "terms": [
                        {
                            "term": t.term,
                            "inputs": list(t.inputs),
                            "from": t.before,
                            "to": t.after,
                            "change": t.change,
                        }
                        for t in p.terms
                    ],
                }
                for p in self.pillars
            ],
        }


def explain(table: ScoreTable, first: date, last: date) -> Explanation:
    """Each pillar's change from ``first`` to ``last``, split by term, to the cent."""
    before, after = table.row(first), table.row(last)
    params = table.params
    pillars = []
    for pillar in PILLARS:
        columns = [j for j, t in enumerate(params.terms) if t.pillar == pillar]
        terms: list[Term] = [params.terms[j] for j in columns]
        if params.offset(pillar):
            changes = _with_offset(table, pillar, columns, (first, last), (before, after))
        else:
            start = _split(_points(table, first, columns), before.pillar(pillar))
            end = _split(_points(table, last, columns), after.pillar(pillar))
            changes = tuple(
                TermChange(t.name, t.label, t.input_keys(), a, b)
                for t, a, b in zip(terms, start, end, strict=True)
            )
        pillars.append(PillarChange(pillar, before.pillar(pillar), after.pillar(pillar), changes))
    return Explanation(first, last, tuple(pillars))


def _with_offset(
    table: ScoreTable,
    pillar: str,
    columns: list[int],
    days: tuple[date, date],
    rows: tuple[ScoreRow, ScoreRow],
) -> tuple[TermChange, ...]:
    """The terms and, as a line of its own, calibration's offset (§3.18): what the pillar holds
    beyond its terms' points (the offset, less what the clip to 0–25 takes), so the lines
    still add up to the pillar."""
    params = table.params
    terms = [params.terms[j] for j in columns]
    splits, leads = [], []
    for day, row in zip(days, rows, strict=True):
        points = _points(table, day, columns)
        lead = _cents(row.pillar(pillar) - float(points.sum()))
        splits.append(_split(points, _cents(row.pillar(pillar) - lead)))
        leads.append(lead)
    lines = [
        TermChange(t.name, t.label, t.input_keys(), a, b)
        for t, a, b in zip(terms, splits[0], splits[1], strict=True)
    ]
    lines.append(TermChange("offset", "Calibration offset", (), leads[0], leads[1]))
    return tuple(lines)


def _points(table: ScoreTable, day: date, columns: list[int]) -> np.ndarray:
    i = table.index(day)
    if not 0 <= i < table.days:
        return np.zeros(len(columns))
    points: np.ndarray = table.term_points[i, columns]
    return points


def _split(points: np.ndarray, total: float) -> list[float]:
    """``points`` in whole cents that add up to ``total`` (already in cents): largest remainder."""
    raw = np.maximum(points, 0.0) * 100.0
    cents = np.floor(raw + 1e-9).astype(np.int64)
    missing = round(total * 100) - int(cents.sum())
    # The cents the floor dropped go to the largest remainders; floating-point noise the
    # other way (never more than a cent) comes off the largest term.
    order = np.argsort(-(raw - cents), kind="stable")
    cents[order[: max(missing, 0)]] += 1
    for _ in range(max(-missing, 0)):
        cents[int(np.argmax(cents))] -= 1
    return [int(c) / 100 for c in cents]


def _cents(value: float) -> float:
    return round(value, 2) + 0.0
