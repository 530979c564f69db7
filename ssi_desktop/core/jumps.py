"""Recalibration jumps: official readings that move while the estimate stays put.

LinkedIn changes its formula without notice (about −7 % across users on 10 Feb 2017, with no
change in anyone's behaviour). What the user's own activity explains, the estimate follows; so
the *residual* — official minus estimate — should drift slowly. A recalibration is a step in
the residual. At each reading, the median residual of up to :data:`WINDOW` readings from it on
is compared with that of up to :data:`WINDOW` readings before it; medians of a few readings
keep one badly copied reading from looking like a step. Where that step reaches ``threshold``
points, the date flagged is the reading after which the residual itself moved most.

Official totals are taken as the sum of the pillars, which LinkedIn shows with decimals; the
total it shows is rounded to a whole number. Readings outside the estimate's range are
skipped: there is nothing to compare them with.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from statistics import median
from typing import Final

import numpy as np

from .catalogue import PILLARS
from .records import Reading
from .scoring import ScoreTable

#: Points of unexplained step in the total. A 7 % recalibration of a score of 60 is about 4;
#: the medians' noise on readings that scatter half a point per pillar is under one.
DEFAULT_THRESHOLD: Final = 3.0
WINDOW: Final = 3


@dataclass(frozen=True)
class Jump:
    day: date
    #: Change of the official total (pillar sum) since the reading before.
    official_change: float
    #: Change of the estimate between the same two days.
    estimate_change: float
    label: str

    @property
    def unexplained(self) -> float:
        """The move the estimate does not explain (negative: the readings fell)."""
        return round(self.official_change - self.estimate_change, 2)


def detect_jumps(
    table: ScoreTable, readings: Sequence[Reading], threshold: float = DEFAULT_THRESHOLD
) -> list[Jump]:
    inside = sorted((r for r in readings if table.start <= r.day <= table.end), key=lambda r: r.day)
    if len(inside) < 2:
        return []
    official = np.asarray([sum(r.pillar(p) for p in PILLARS) for r in inside])
    estimate = np.asarray([float(table.pillars[table.index(r.day)].sum()) for r in inside])
    residual = official - estimate
    steps = np.zeros(len(inside))
    for i in range(1, len(inside)):
        before = residual[max(0, i - WINDOW) : i]
        after = residual[i : i + WINDOW]
        # statistics.median: on a handful of values it is several times numpy's speed.
        steps[i] = median(after.tolist()) - median(before.tolist())
    # One step shows in its neighbours' windows too: each run of readings over the threshold
    # is one jump, placed where the residual itself moved most in that direction.
    over = [i for i in range(1, len(inside)) if abs(steps[i]) >= threshold]
    runs: list[list[int]] = []
    for i in over:
        if runs and i - runs[-1][-1] < WINDOW and np.sign(steps[i]) == np.sign(steps[runs[-1][0]]):
            runs[-1].append(i)
        else:
            runs.append([i])
    jumps: list[Jump] = []
    for run in runs:
        sign = np.sign(steps[run[0]])
        span = range(max(1, run[0] - WINDOW + 1), min(len(inside), run[-1] + 1))
        i = max(span, key=lambda k: sign * (residual[k] - residual[k - 1]))
        jumps.append(_jump(inside[i - 1], inside[i], official[i] - official[i - 1],
                           estimate[i] - estimate[i - 1]))  # fmt: skip
    return jumps


def _jump(before: Reading, after: Reading, official: float, estimate: float) -> Jump:
    step = official - estimate
    direction = "lower" if step < 0 else "higher"
    label = (
        f"Official SSI {official:+.1f} since {before.day.isoformat()} while the estimate moved "
        f"{estimate:+.1f}: readings now sit {abs(step):.1f} points {direction} than your "
        "activity explains. LinkedIn may have recalibrated."
    )
    return Jump(after.day, round(float(official), 2), round(float(estimate), 2), label)
