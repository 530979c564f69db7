"""Repeat measurements on a noisy shared machine and keep the median.

A figure and its floor are measured in turn, not one batch after the other, and the order
flips every round, so a neighbour's burst of work lands on both sides alike.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def timed(action: Callable[[], object]) -> float:
    """Seconds ``action`` takes."""
    begin = time.perf_counter()
    action()
    return time.perf_counter() - begin


def interleaved(repeats: int, *measures: Callable[[], float]) -> list[list[float]]:
    """Run each measure ``repeats`` times, alternating; each returns its own reading."""
    readings: list[list[float]] = [[] for _ in measures]
    order = list(range(len(measures)))
    for _ in range(repeats):
        for i in order:
            readings[i].append(measures[i]())
        order.reverse()
    return readings


def median(values: list[float]) -> float:
    return statistics.median(values)
