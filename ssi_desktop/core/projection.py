"""What-if futures: the member's history, then days that repeat their last four weeks.

Advice (``advice.py``) and goal progress (``goals.py``) ask the same question of the model:
"if I carry on as in the last four weeks — plus, perhaps, one more action — where will my
pillars be?". :class:`Projection` builds that future once (counts, profile completeness) and
scores it, and any extra counts on top of it, with the same model as the estimate.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Final

import numpy as np

from .parameters import ModelParams
from .records import ActivityEntry, ProfileSnapshot, Settings, TotalsSnapshot
from .scoring import (
    Trace,
    model_inputs,
    pillars_of,
    profile_completeness,
    saturations_from,
    score_arrays,
)

#: The baseline future repeats this many most recent days.
BASELINE_DAYS: Final = 28


class Projection:
    """History up to ``day`` (inclusive), then ``horizon`` days of "carry on as you are"."""

    def __init__(
        self,
        activity: Sequence[ActivityEntry],
        profiles: Sequence[ProfileSnapshot],
        params: ModelParams,
        day: date,
        horizon: int,
        settings: Settings | None = None,
        totals: Sequence[TotalsSnapshot] = (),
    ) -> None:
        self.profiles = [s for s in profiles if s.day <= day]
        self.params = params
        self.day = day
        self.horizon = horizon
        got = model_inputs(
            [e for e in activity if e.day <= day], self.profiles, params,
            totals=[t for t in totals if t.day <= day], settings=settings or Settings(),
            start=day, end=day + timedelta(days=horizon),
        )  # fmt: skip
        self.first = got.start
        self.totals = got.totals
        self.warm = got.warm
        past = (day - got.start).days + 1
        self.history = got.counts[:past]
        self.counts = got.counts.copy()
        self.counts[past : past + horizon] = baseline_future(self.history, horizon)
        self.completeness = got.completeness
        # Every what-if changes only the future: the history runs once, keeping its trace,
        # and each what-if continues from today (``scoring.saturations_from``). The baseline's
        # future takes the same path, so a what-if that changes nothing gains exactly 0.
        self._trace = Trace()
        self._full = score_arrays(self.counts, self.completeness, params, self.totals,
                                  self.warm, self._trace)[0]  # fmt: skip
        self._from = past if self._continues_at(past) else None
        #: The baseline's pillars, one row per day of history and future: shape (days, 4).
        self.pillars = self._full if self._from is None else self.run()

    @property
    def today_row(self) -> int:
        """The row of ``day`` in :attr:`pillars`; row ``today_row + k`` is k days later."""
        return len(self.history) - 1

    def _continues_at(self, row: int) -> bool:
        """Whether a change from ``row`` on can be scored from there: the warm start's window
        and every copied total lie before it (else they would move with the what-if)."""
        warm = self.warm
        seeded = warm.days <= 0 or warm.first + warm.days <= row
        return row > 0 and seeded and bool(np.all(self.totals.last < row))

    def run(
        self, extra: np.ndarray | None = None, completeness: np.ndarray | None = None
    ) -> np.ndarray:
        """Pillars per day, ``extra`` counts (horizon × metrics) added to the future days."""
        past = len(self.history)
        counts = self.counts
        if extra is not None:
            counts = counts.copy()
            counts[past : past + self.horizon] += extra
        chosen = self.completeness if completeness is None else completeness
        row = self._from
        if row is None or not np.array_equal(chosen[:row], self.completeness[:row]):
            return score_arrays(counts, chosen, self.params, self.totals, self.warm)[0]
        future = pillars_of(
            saturations_from(self._trace, row, counts[row:], chosen[row:], self.params,
                             self.totals),
            self.params,
        )[0]  # fmt: skip
        # The history's rows are the full run's: only the future is new.
        return np.concatenate([self._full[:row], future])

    def with_profile(self, snapshot: ProfileSnapshot) -> np.ndarray:
        """Completeness per day with ``snapshot`` recorded on top of the member's own."""
        return profile_completeness(
            [*self.profiles, snapshot], self.first, len(self.counts), self.params.profile_items
        )


def baseline_future(history: np.ndarray, horizon: int) -> np.ndarray:
    """The next ``horizon`` days if the member carries on as in their last four weeks."""
    recent = history[-BASELINE_DAYS:]
    repeats = math.ceil(horizon / len(recent))
    return np.tile(recent, (repeats, 1))[:horizon]
