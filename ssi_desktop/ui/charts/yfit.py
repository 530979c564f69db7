"""Vertical scales that fit the values in view, in round steps, within the score's bounds.

A year between 76 and 82 drawn on 0–100 looks flat; fitted, it shows its movement. The
History chart's Full scale button (View ▸ Full scale) goes back to 0–100 / 0–25.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QColor

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
    count = round((high - low) / step)
    return [round(low + i * step, 6) for i in range(count + 1)]


class FittedScale:
    """One plot's vertical scale: its range, its ticks and the grid lines drawn at them.

    The grid lines are plain items: pyqtgraph's axis-drawn grid is repainted with its axis on
    every pan step and cost more than all the curves (50 → 19 ms a step).
    """

    def __init__(self, plot: pg.PlotItem, top: float, min_span: float, suffix: str = "") -> None:
        self.plot = plot
        self.suffix = suffix
        self.bounds = (0.0, top)  # the outer ticks; the view adds a little room
        plot.setYRange(0.0, top, padding=0.04)
        self.top = top
        self.min_span = min_span
        # Made as the ticks need them (a handful), not ahead: each costs a start-up.
        self.lines: list[pg.InfiniteLine] = []
        self._pen = pg.mkPen(QColor(128, 128, 128, 60), width=1)

    def fit(self, values: np.ndarray | None) -> None:
        """Fit ``values``; None shows the full scale."""
        if values is None:
            low, high, step = 0.0, self.top, self.top / 5
        else:
            low, high, step = fitted_range(values, self.top, self.min_span)
        if (low, high) != self.bounds:
            self.bounds = (low, high)
            # A little room past the outer ticks keeps their labels whole.
            self.plot.setYRange(low, high, padding=0.04)
        levels = ticks(low, high, step)
        self.plot.getAxis("left").setTicks([[(v, f"{v:g}{self.suffix}") for v in levels]])
        inner = [v for v in levels if low < v < high]
        while len(self.lines) < len(inner):
            line = pg.InfiniteLine(angle=0, pen=self._pen)
            line.setZValue(-10)
            self.plot.addItem(line, ignoreBounds=True)
            self.lines.append(line)
        for i, line in enumerate(self.lines):
            line.setVisible(i < len(inner))
            if i < len(inner):
                line.setPos(inner[i])

    def recolour(self, colour: QColor) -> None:
        self._pen = pg.mkPen(colour, width=1)
        for line in self.lines:
            line.setPen(self._pen)
