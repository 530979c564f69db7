"""Vertical scales that fit the values in view, in round steps, within the score's bounds.

A year between 76 and 82 drawn on 0–100 looks flat; fitted, it shows its movement. The
History chart's Full scale button (View ▸ Full scale) goes back to 0–100 / 0–25.
"""

from __future__ import annotations

import math

import numpy as np

_STEPS = (0.1, 0.2, 0.25, 0.5, 1.0, 2.0, 2.5, 5.0, 10.0, 20.0, 25.0)


def nice_step(span: float, ticks: int = 4) -> float:
    """The round step that cuts ``span`` into about ``ticks`` parts."""
    raw = span / ticks
    return next((step for step in _STEPS if step >= raw), _STEPS[-1])


def fitted_range(values: np.ndarray, top: float, min_span: float) -> tuple[float, float, float]:
    """(low, high, step): ``values`` with some room, on round steps, inside 0–``top``.

    The span is never less than ``min_span``, so a flat line does not fill the plot with noise.
    """
    if values.size == 0:
        return 0.0, top, nice_step(top)
    lo, hi = float(values.min()), float(values.max())
    span = max(hi - lo, min_span)
    centre = (lo + hi) / 2
    lo, hi = centre - span * 0.55, centre + span * 0.55
    step = nice_step(hi - lo)
    low = max(0.0, math.floor(lo / step) * step)
    high = min(top, math.ceil(hi / step) * step)
    return low, high, step


def ticks(low: float, high: float, step: float) -> list[float]:
    count = int(round((high - low) / step))
    return [round(low + i * step, 6) for i in range(count + 1)]
