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

from .anchor import anchor_day
from .catalogue import PILLARS
from .parameters import Term
from .scoring import ScoreTable


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
    #: The official reading whose anchor the "anchor" lines are (None: not anchored).
    anchored_to: date | None = None

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
    """Each pillar's change from ``first`` to ``last``, split by term, to the cent.

    Of an anchored table (``anchor.py``), the anchor to the official readings is a line of
    its own: what the estimate holds beyond the model alone (less what the clip takes).
    """
    days = (first, last)
    rows = (table.row(first), table.row(last))
    raw = table.raw()
    raw_rows = (raw.row(first), raw.row(last))
    read_on = anchor_day(table, last) or anchor_day(table, first)
    params = table.params
    pillars = []
    for pillar in PILLARS:
        columns = [j for j, t in enumerate(params.terms) if t.pillar == pillar]
        terms: list[Term] = [params.terms[j] for j in columns]
        splits, leads = [], []
        for day, row in zip(days, raw_rows, strict=True):
            points = _points(raw, day, columns)
            lead = (
                _cents(row.pillar(pillar) - float(points.sum())) if params.offset(pillar) else 0.0
            )
            splits.append(_split(points, _cents(row.pillar(pillar) - lead)))
            leads.append(lead)
        lines = [
            TermChange(t.name, t.label, t.input_keys(), a, b)
            for t, a, b in zip(terms, splits[0], splits[1], strict=True)
        ]
        if params.offset(pillar):
            # Calibration's offset (§3.18): what the model holds beyond its terms' points.
            lines.append(TermChange("offset", "Calibration offset", (), leads[0], leads[1]))
        if read_on is not None:
            held = [
                _cents(row.pillar(pillar) - raw_row.pillar(pillar))
                for row, raw_row in zip(rows, raw_rows, strict=True)
            ]
            label = f"Your official reading of {read_on.day} {read_on:%b %Y}"
            lines.append(TermChange("anchor", label, (), held[0], held[1]))
        pillars.append(
            PillarChange(pillar, rows[0].pillar(pillar), rows[1].pillar(pillar), tuple(lines))
        )
    return Explanation(first, last, tuple(pillars), read_on)


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
