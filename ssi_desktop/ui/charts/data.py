"""What the charts plot, as numpy arrays: built once per store change, never per point.

Days sit on the x axis as epoch seconds at midnight UTC (the date axis is told the offset is
zero), so a day is labelled with its own date whatever the machine's time zone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import cached_property
from typing import TYPE_CHECKING

import numpy as np

from ...core.catalogue import PILLARS
from ...core.records import Goal, Note, Reading
from ...core.scoring import ScoreTable
from ..palette import SERIES
from ..store_model import StoreModel

if TYPE_CHECKING:
    from ...core.jumps import Jump

DAY = 86400.0
_EPOCH_ORDINAL = date(1970, 1, 1).toordinal()


def day_x(day: date) -> float:
    return (day.toordinal() - _EPOCH_ORDINAL) * DAY


def x_day(x: float) -> date:
    """The day whose midnight is nearest to ``x``."""
    return date.fromordinal(round(x / DAY) + _EPOCH_ORDINAL)


def days_x(days: list[date] | tuple[date, ...]) -> np.ndarray:
    ordinals = np.fromiter((d.toordinal() for d in days), dtype=np.float64, count=len(days))
    return (ordinals - _EPOCH_ORDINAL) * DAY


@dataclass(frozen=True)
class ChartData:
    """The estimate, readings, notes and goal of one store revision, ready to plot."""

    empty: bool
    table: ScoreTable
    x: np.ndarray  # one per day of the table
    values: dict[str, np.ndarray]  # "total" and each pillar, aligned with x
    readings: tuple[Reading, ...]
    readings_x: np.ndarray
    reading_values: dict[str, np.ndarray]  # aligned with readings_x
    notes: tuple[Note, ...]
    goal: Goal | None

    @cached_property
    def jumps(self) -> tuple[Jump, ...]:
        """Official readings that moved while the estimate did not: the model alone against
        the readings (the anchored estimate matches them). Found when first asked for: only
        the History chart marks them, and the dashboard's first paint does not wait."""
        from ...core.jumps import detect_jumps

        return tuple(detect_jumps(self.table.raw(), self.readings))

    @property
    def first_day(self) -> date:
        """The earliest day anything is shown for: the estimate, a reading or a note."""
        days = [self.table.start, *(r.day for r in self.readings), *(n.day for n in self.notes)]
        return min(days)

    @property
    def last_day(self) -> date:
        return self.table.end

    def goal_levels(self) -> dict[str, float]:
        """Targets by series name; a pillar without a target is absent."""
        if self.goal is None:
            return {}
        return {"total": self.goal.total, **dict(self.goal.pillars)}

    def shown_between(self, names: list[str], x0: float, x1: float) -> np.ndarray:
        """Every value ``names`` draw between x0 and x1: the lines (with the points just
        outside, which the line reaches), the readings and the goals."""
        lo = int(np.searchsorted(self.x, x0))
        hi = int(np.searchsorted(self.x, x1, side="right"))
        in_view = (self.readings_x >= x0) & (self.readings_x <= x1)
        goals = self.goal_levels()
        parts = [self.values[n][max(0, lo - 1) : hi + 1] for n in names]
        parts += [self.reading_values[n][in_view] for n in names]
        parts += [np.array([goals[n]]) for n in names if n in goals]
        return np.concatenate(parts)

    def reading_on(self, day: date) -> Reading | None:
        for reading in self.readings:
            if reading.day == day:
                return reading
        return None

    def notes_on(self, day: date) -> list[str]:
        return [note.text for note in self.notes if note.day == day]

    def jumps_on(self, day: date) -> list[str]:
        return [jump.label for jump in self.jumps if jump.day == day]

    def value_on(self, name: str, day: date) -> float | None:
        i = self.table.index(day)
        if not 0 <= i < self.table.days:
            return None
        return float(self.values[name][i])


def chart_data(model: StoreModel) -> ChartData:
    """What every chart plots, built once per store revision and shared by all of them."""
    return model.derived("chart_data", lambda: _build(model))


def _build(model: StoreModel) -> ChartData:
    store = model.store
    table = model.scores()
    x = days_x_range(table.start, table.days)
    values = {"total": table.totals}
    values.update({name: table.pillars[:, i] for i, name in enumerate(PILLARS)})
    readings = store.readings()
    reading_values = {
        name: np.fromiter(
            (getattr(r, name) for r in readings), dtype=np.float64, count=len(readings)
        )
        for name in SERIES
    }
    return ChartData(
        empty=store.is_empty(),  # the dashboard's own test of "nothing recorded yet"
        table=table,
        x=x,
        values=values,
        readings=readings,
        readings_x=days_x([r.day for r in readings]),
        reading_values=reading_values,
        notes=tuple(note for _, note in store.notes()),
        goal=store.goal(),
    )


def days_x_range(start: date, count: int) -> np.ndarray:
    return (start.toordinal() - _EPOCH_ORDINAL + np.arange(count, dtype=np.float64)) * DAY


def day_span(first: date, last: date) -> list[date]:
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]
