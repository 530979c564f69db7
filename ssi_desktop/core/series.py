"""Day series the model reads besides daily counts: totals between snapshots, warm starts.

Pure numpy over whole histories, like the rest of the model (``scoring.py``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

import numpy as np

from .catalogue import TOTAL_KEYS
from .records import TotalsSnapshot

TOTAL_INDEX = {key: i for i, key in enumerate(TOTAL_KEYS)}


@dataclass(frozen=True)
class TotalsSeries:
    """Every total on every day: interpolated between snapshots, before the first the first.

    ``values`` is (days, totals) with NaN for a total never copied; ``last`` is the row of each
    total's latest snapshot (−1 for none): after it a stock grows by the daily inputs recorded.
    """

    values: np.ndarray
    last: np.ndarray

    @classmethod
    def empty(cls, days: int) -> TotalsSeries:
        return cls(np.full((days, len(TOTAL_KEYS)), np.nan), np.full(len(TOTAL_KEYS), -1))

    @classmethod
    def build(cls, snapshots: Iterable[TotalsSnapshot], start: date, days: int) -> TotalsSeries:
        series = cls.empty(days)
        origin = start.toordinal()
        points: dict[str, list[tuple[int, int]]] = {key: [] for key in TOTAL_KEYS}
        for snap in snapshots:
            for key, value in snap.values.items():
                points[key].append((snap.day.toordinal() - origin, value))
        rows = np.arange(days, dtype=np.float64)
        for key, known in points.items():
            if not known:
                continue
            known.sort()
            at = np.asarray([k[0] for k in known], dtype=np.float64)
            col = TOTAL_INDEX[key]
            # np.interp holds the first value before the first point and the last after it.
            series.values[:, col] = np.interp(rows, at, [k[1] for k in known])
            series.last[col] = known[-1][0]
        return series

    def column(self, key: str) -> np.ndarray:
        return self.values[:, TOTAL_INDEX[key]]

    def stock(self, key: str, flows: np.ndarray) -> np.ndarray:
        """The total on each day: the snapshots, then the daily ``flows`` recorded after the
        latest one; with no snapshot at all, the flows summed from the first day."""
        summed = np.cumsum(flows)
        last = int(self.last[TOTAL_INDEX[key]])
        if last < 0:
            return summed
        level = self.column(key).copy()
        if last < len(level) - 1:
            level[last + 1 :] += summed[last + 1 :] - summed[last]
        return level

    def rolling(self, key: str, days: float) -> np.ndarray:
        """A rolling-window total as a daily pace (0 where the member never copied it)."""
        column = self.column(key)
        return np.where(np.isnan(column), 0.0, column / days)


def warm_seed(series: np.ndarray, first: int, days: int) -> np.ndarray:
    """Each column's pace over ``days`` rows from ``first``, its largest day counted as its
    second largest: what the member "was already doing" (warm start), which a single
    exceptional day — not even the first one — cannot set. A monotone function of every
    count (order statistics are), and ``days`` depends on the calendar, not on the counts.
    """
    window = series[first : first + days]
    if window.shape[0] < 2:
        return np.zeros(series.shape[1])
    ordered = np.sort(window, axis=0)
    seed: np.ndarray = (window.sum(axis=0) - ordered[-1] + ordered[-2]) / window.shape[0]
    return seed
