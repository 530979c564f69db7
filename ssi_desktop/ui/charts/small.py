"""The small charts: one pillar for its tab, and the dashboard's 90-day sparkline.

Both show a fixed window ending today and take no pan or zoom: they sit inside forms and
scrolling pages, where a wheel turn must scroll the page, not the chart.
"""

from __future__ import annotations

import math
from datetime import date, timedelta

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QWidget

from ...core.catalogue import PILLAR_MAX, PILLARS
from ...core.validation import today
from ..palette import SERIES, pillar_color
from ..store_model import StoreModel
from .common import READING_SIZE, ChartBase, background, date_axis, goal_pen, series_pen, style_plot
from .data import DAY, ChartData, day_x, x_day

SMALL_RANGE_DAYS = 90
#: The sparkline draws pillars times this on the total's 0–100 scale (its right axis reads 0–25).
PILLAR_SCALE = 4.0


class _SmallChart(ChartBase):
    def __init__(
        self, model: StoreModel, names: tuple[str, ...], top: float, parent: QWidget | None = None
    ) -> None:
        super().__init__(model, parent)
        self._names = names
        self._widget = pg.PlotWidget(self, axisItems={"bottom": date_axis()})
        self._widget.setAntialiasing(True)
        self.plot = self._widget.getPlotItem()
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        self.plot.setMouseEnabled(x=False, y=False)
        self._top = top
        self.plot.getAxis("left").setWidth(30)
        self._lines: dict[str, pg.PlotDataItem] = {}
        self._dots: dict[str, pg.ScatterPlotItem] = {}
        self._goals: dict[str, pg.InfiniteLine] = {}
        for name in names:
            self._lines[name] = self.plot.plot([], [], skipFiniteCheck=True, antialias=True)
            self._dots[name] = pg.ScatterPlotItem(size=READING_SIZE - 2, symbol="o")
            self._dots[name].setZValue(10)
            self.plot.addItem(self._dots[name])
            self._goals[name] = pg.InfiniteLine(angle=0)
            self.plot.addItem(self._goals[name], ignoreBounds=True)

    def _scale(self, name: str) -> float:
        return 1.0

    def _plot(self, data: ChartData) -> None:
        last = max(today(), data.last_day)
        first = last - timedelta(days=SMALL_RANGE_DAYS - 1)
        # Only the window is handed to the plot: a small chart never needs ten years of points.
        lo = int(np.searchsorted(data.x, day_x(first)))
        single = data.x.size - lo == 1
        shown = data.readings_x >= day_x(first)
        levels = data.goal_levels()
        plotted: list[np.ndarray] = []
        for name in self._names:
            scale = self._scale(name)
            y = data.values[name][lo:] * scale
            dots = data.reading_values[name][shown] * scale
            self._lines[name].setData(data.x[lo:], y)
            self._lines[name].setSymbol("o" if single else None)
            self._dots[name].setData(data.readings_x[shown], dots)
            level = levels.get(name)
            self._goals[name].setVisible(level is not None)
            plotted += [y, dots]
            if level is not None:
                self._goals[name].setPos(level * scale)
                plotted.append(np.array([level * scale]))
        self.plot.setXRange(day_x(first) - DAY / 2, day_x(last) + DAY / 2, padding=0)
        self._set_y_range(np.concatenate(plotted))

    def _set_y_range(self, plotted: np.ndarray) -> None:
        self.plot.setYRange(0, self._top, padding=0.04)

    def _recolour(self, dark: bool) -> None:
        palette = self.palette()
        bg = background(palette)
        self._widget.setBackground(bg)
        style_plot(self.plot, palette, self.font())
        for name in self._names:
            colour = pillar_color(name, dark)
            self._lines[name].setPen(series_pen(name, dark, scale=0.8))
            self._lines[name].setSymbolBrush(colour)
            self._lines[name].setSymbolPen(pg.mkPen(bg, width=1))
            self._dots[name].setPen(pg.mkPen(bg, width=1))
            self._dots[name].setBrush(colour)
            self._goals[name].setPen(goal_pen(name, dark))

    def series_data(self, name: str) -> tuple[np.ndarray, np.ndarray]:
        x, y = self._lines[name].getOriginalDataset()
        return (np.asarray(x), np.asarray(y))

    def reading_data(self, name: str) -> tuple[np.ndarray, np.ndarray]:
        x, y = self._dots[name].getData()
        return (np.asarray(x), np.asarray(y))

    def series_pen_color(self, name: str) -> QColor:
        return self._lines[name].opts["pen"].color()

    def goal_levels(self) -> dict[str, float]:
        return {name: line.value() for name, line in self._goals.items() if line.isVisible()}

    def visible_range(self) -> tuple[date, date]:
        x0, x1 = self.plot.vb.viewRange()[0]
        return x_day(x0 + DAY / 2), x_day(x1 - DAY / 2)


class PillarChart(_SmallChart):
    """One pillar over the last 90 days, with its official readings and target."""

    def __init__(self, model: StoreModel, pillar: str, parent: QWidget | None = None) -> None:
        if pillar not in PILLARS:
            raise ValueError(f"unknown pillar {pillar!r}; expected one of {', '.join(PILLARS)}")
        self.pillar = pillar
        super().__init__(model, (pillar,), PILLAR_MAX, parent)
        self.plot.getAxis("left").setTicks([[(v, f"{v:g}") for v in (0, 5, 10, 15, 20, 25)]])
        self._finish_setup(self._widget)


class Sparkline(_SmallChart):
    """The dashboard's last 90 days: total and pillars, readings as dots, the goal dashed.

    Pillars are drawn four times larger so that a full pillar (25) meets a full total (100);
    the right axis reads in pillar points. A click (or Enter/Space when focused) emits
    ``clicked`` so the dashboard can open the History tab.
    """

    clicked = Signal()

    def __init__(self, model: StoreModel, parent: QWidget | None = None) -> None:
        super().__init__(model, SERIES[1:] + SERIES[:1], 4 * PILLAR_MAX, parent)
        self.plot.showAxis("right")
        self.plot.getAxis("right").setWidth(30)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setToolTip(
            self.tr(
                "Last 90 days: total (left scale) and pillars (right scale). "
                "Click to open the History tab."
            )
        )
        self._widget.viewport().installEventFilter(self)
        self._finish_setup(self._widget)

    def _scale(self, name: str) -> float:
        return 1.0 if name == "total" else PILLAR_SCALE

    def _set_y_range(self, plotted: np.ndarray) -> None:
        # A sparkline is about the trend: fit the window's values (in steps of ten) instead of
        # squeezing them into a fixed 0–100 band a hundred pixels high.
        low = max(0.0, math.floor((float(plotted.min()) - 2) / 10) * 10)
        high = min(4 * PILLAR_MAX, math.ceil((float(plotted.max()) + 2) / 10) * 10)
        high = max(high, low + 10)
        self.plot.setYRange(low, high, padding=0.06)
        self.plot.getAxis("left").setTicks([[(v, f"{v:g}") for v in (low, high)]])
        self.plot.getAxis("right").setTicks([[(v, f"{v / PILLAR_SCALE:g}") for v in (low, high)]])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            isinstance(event, QMouseEvent)
            and event.type() == QEvent.Type.MouseButtonRelease
            and event.button() == Qt.MouseButton.LeftButton
        ):
            self.clicked.emit()
            return True
        return super().eventFilter(watched, event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.clicked.emit()
            return
        super().keyPressEvent(event)
