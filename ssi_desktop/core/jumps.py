"""Recalibration jumps: official readings that move while the estimate stays put.

LinkedIn changes its formula without notice (about −7 % across users on 10 Feb 2017, with no
change in anyone's behaviour). Between two consecutive official readings the estimate says how
much the user's own activity should have moved the score; when the official total moves by
:data:`DEFAULT_THRESHOLD` points or more beyond that, something other than the user changed,
and the later reading's date is flagged. Readings outside the estimate's range are skipped:
there is nothing to compare them with.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from itertools import pairwise
from typing import Final

from .records import Reading
from .scoring import ScoreTable

#: Points of unexplained change in the total. Day-to-day noise in readings is well under a
#: point; a 7 % recalibration of a score of 60 is about 4.
DEFAULT_THRESHOLD: Final = 3.0


@dataclass(frozen=True)
class Jump:
    day: date
    official_change: float
    estimate_change: float
    label: str

    @property
    def unexplained(self) -> float:
        return self.official_change - self.estimate_change


def detect_jumps(
    table: ScoreTable, readings: Sequence[Reading], threshold: float = DEFAULT_THRESHOLD
) -> list[Jump]:
    inside = sorted((r for r in readings if table.start <= r.day <= table.end), key=lambda r: r.day)
    jumps: list[Jump] = []
    for before, after in pairwise(inside):
        official = after.total - before.total
        estimate = table.row(after.day).total - table.row(before.day).total
        if abs(official - estimate) >= threshold:
            unexplained = official - estimate
            direction = "lower" if unexplained < 0 else "higher"
            jumps.append(
                Jump(
                    after.day,
                    round(official, 2),
                    round(estimate, 2),
                    f"Official SSI {official:+.1f} since {before.day.isoformat()} while the "
                    f"estimate moved {estimate:+.1f}: {abs(unexplained):.1f} points {direction} "
                    "than your activity explains. LinkedIn may have recalibrated.",
                )
            )
    return jumps
