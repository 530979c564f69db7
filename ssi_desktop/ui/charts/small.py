"""The small charts: one pillar for its tab, and the dashboard's 90-day sparkline.

Both show a fixed window ending today and take no pan or zoom: they sit inside forms and
scrolling pages, where a wheel turn must scroll the page, not the chart. Each says what it
shows in a line above the plot (a title or a legend), and their vertical scale fits the values
in view, because a small chart is about the trend.
"""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ...core.catalogue import PILLAR_MAX, PILLARS
from ...core.validation import today
from ..formatting import PILLAR_NAMES
from ..palette import SERIES, muted_text_color, pillar_color
from ..store_model import StoreModel
from .common import (
    GRID_ALPHA,
    READING_SIZE,
    ChartBase,
    background,
    date_axis,
    goal_pen,
    series_pen,
    style_plot,
)
from .data import DAY, ChartData, day_x, x_day
from .yfit import FittedScale

SMALL_RANGE_DAYS = 90
#: A goal label's height with some room: goal lines closer than this get labels on both sides.
GOAL_LABEL_PX = 18
#: Text anchors of a goal label: hanging below its line, or standing on it.
_BELOW = (0, 0)
_ABOVE = (0, 1)
#: The sparkline draws pillars times this on the total's 0–100 scale (its right axis reads 0–25).
PILLAR_SCALE = 4.0


class _SmallChart(ChartBase):
    def __init__(
        self, model: StoreModel, names: tuple[str, ...], top: float, parent: QWidget | None = None
    ) -> None:
        super().__init__(model, parent)
        self._names = names
        self._page = QWidget(self)
        page_layout = QVBoxLayout(self._page)
        page_layout.setContentsMargins(0, 0, 0, 0)
        page_layout.setSpacing(2)
        self.caption = QLabel(self._page)
        self.caption.setTextFormat(Qt.TextFormat.RichText)
        self.caption.setWordWrap(True)
        page_layout.addWidget(self.caption)
        # No context menus: a small chart takes no zoom; without them pyqtgraph does not build
        # the view's menu either (a few milliseconds of every start).
        self._widget = pg.PlotWidget(
            self._page, axisItems={"bottom": date_axis()}, enableMenu=False
        )
        page_layout.addWidget(self._widget, 1)
        self._widget.setAntialiasing(True)
        self.plot = self._widget.getPlotItem()
        self.plot.hideButtons()
        self.plot.setMouseEnabled(x=False, y=False)
        # Both ranges are set from the data (the window of days, the fitted scale): pyqtgraph
        # need not measure every item to fit them itself.
        self.plot.disableAutoRange()
        self._top = top
        self.plot.getAxis("left").setWidth(38)
        self._fitted = FittedScale(self.plot, top, top / 25, self._tick_suffix())
        self.plot.vb.sigResized.connect(self._separate_goal_labels)
        self._lines: dict[str, pg.PlotDataItem] = {}
        self._dots: dict[str, pg.ScatterPlotItem] = {}
        self._goals: dict[str, pg.InfiniteLine] = {}
        for name in names:
            self._lines[name] = self.plot.plot([], [], skipFiniteCheck=True, antialias=True)
            self._dots[name] = pg.ScatterPlotItem(size=READING_SIZE - 2, symbol="o")
            self._dots[name].setZValue(10)
            self.plot.addItem(self._dots[name])
        self._dark = False

    def _goal_line(self, name: str) -> pg.InfiniteLine:
        """The goal's dashed line, made when a goal first needs it (most series have none)."""
        line = self._goals.get(name)
        if line is None:
            # Labelled, below the line in the upper half of the view and above it otherwise,
            # so the label stays inside the plot.
            line = self._goals[name] = pg.InfiniteLine(
                angle=0, label="", labelOpts={"position": 0.02, "anchors": [_BELOW, _ABOVE]}
            )
            self.plot.addItem(line, ignoreBounds=True)
            self._colour_goal(name, self._dark)
        return line

    def _colour_goal(self, name: str, dark: bool) -> None:
        self._goals[name].setPen(goal_pen(name, dark))
        self._goals[name].label.setColor(pillar_color(name, dark))

    def _tick_suffix(self) -> str:
        return ""

    def _goal_text(self, name: str, level: float) -> str:
        # The label is a str.format template (pyqtgraph fills in {value}): braces escaped.
        if name == "total":
            text = self.tr("Goal {value:g}").format(value=level)
        else:
            text = self.tr("{series} goal {value:g}").format(
                series=self.tr(PILLAR_NAMES[name]), value=level
            )
        return text.replace("{", "{{").replace("}", "}}")

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
            self._lines[name].setData(data.x[lo:], y, symbol="o" if single else None)
            self._dots[name].setData(data.readings_x[shown], dots)
            level = levels.get(name)
            plotted += [y, dots]
            if level is not None:
                goal = self._goal_line(name)
                goal.setVisible(True)
                goal.setPos(level * scale)
                goal.label.setFormat(self._goal_text(name, level))
                plotted.append(np.array([level * scale]))
            elif name in self._goals:
                self._goals[name].setVisible(False)
        self.plot.setXRange(day_x(first) - DAY / 2, day_x(last) + DAY / 2, padding=0)
        self._fitted.fit(np.concatenate(plotted))
        self._separate_goal_labels()

    def _separate_goal_labels(self, *_: object) -> None:
        """Two goals close together (the total's 80 and a pillar's 19.7 × 4): the upper one's
        label goes above its line and the lower one's below, so neither line runs through the
        other's words. A lone goal's label stays on the side that keeps it inside the plot."""
        goals = sorted(
            ((line.value(), line) for line in self._goals.values() if line.isVisible()),
            key=lambda pair: pair[0],
            reverse=True,
        )
        low, high = self._fitted.bounds
        pixels = self.plot.vb.height() or 200.0
        close = (high - low) * GOAL_LABEL_PX / pixels
        for i, (level, line) in enumerate(goals):
            near_above = i > 0 and goals[i - 1][0] - level < close
            near_below = i + 1 < len(goals) and level - goals[i + 1][0] < close
            if near_above:
                line.label.anchors = [_BELOW, _BELOW]
            elif near_below:
                line.label.anchors = [_ABOVE, _ABOVE]
            else:
                line.label.anchors = [_BELOW, _ABOVE]  # below in the upper half, else above
            line.label.updatePosition()

    def _recolour(self, dark: bool) -> None:
        self._dark = dark
        palette = self.palette()
        bg = background(palette)
        self._widget.setBackground(bg)
        style_plot(self.plot, palette, self.font(), grid=False)
        for name in self._names:
            colour = pillar_color(name, dark)
            self._lines[name].setPen(series_pen(name, dark, scale=0.8))
            self._lines[name].setSymbolBrush(colour)
            self._lines[name].setSymbolPen(pg.mkPen(bg, width=1))
            self._dots[name].setPen(pg.mkPen(bg, width=1))
            self._dots[name].setBrush(colour)
            if name in self._goals:
                self._colour_goal(name, dark)
        muted = muted_text_color(dark)
        grid = QColor(muted)
        grid.setAlphaF(GRID_ALPHA)
        self._fitted.recolour(grid)
        self.caption.setText(self._caption(dark))

    def _caption(self, dark: bool) -> str:
        raise NotImplementedError

    def _legend_entry(self, name: str, text: str, dark: bool) -> str:
        colour = pillar_color(name, dark).name()
        return f"<span style='color:{colour}'>■</span>&nbsp;{text}"

    def _legend_tail(self, dark: bool) -> str:
        muted = muted_text_color(dark).name()
        return (
            f"<span style='color:{muted}'>●&nbsp;{self.tr('official')} &nbsp; "
            f"┄&nbsp;{self.tr('goal')}</span>"
        )

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
        self._finish_setup(self._page)

    def _caption(self, dark: bool) -> str:
        name = self.tr(PILLAR_NAMES[self.pillar])
        title = self.tr("<b>{pillar}, last 90 days</b> (points out of 25)").format(pillar=name)
        entry = self._legend_entry(self.pillar, self.tr("estimate"), dark)
        return f"{title} &nbsp; {entry} &nbsp; {self._legend_tail(dark)}"


class Sparkline(_SmallChart):
    """The dashboard's last 90 days: total and pillars, readings as dots, the goal dashed.

    One scale: each series as a percentage of its maximum (the total of 100, a pillar of 25),
    so a full pillar meets a full total and the lines can be compared. A legend above names
    every line. A click (or Enter/Space when focused) emits ``clicked`` so the dashboard can
    open the History tab.
    """

    clicked = Signal()

    def __init__(self, model: StoreModel, parent: QWidget | None = None) -> None:
        super().__init__(model, SERIES[1:] + SERIES[:1], 4 * PILLAR_MAX, parent)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setToolTip(
            self.tr(
                "Last 90 days, each line as a percentage of its maximum (100 for the total, 25 "
                "for a pillar). Click to open the History tab."
            )
        )
        self._widget.viewport().installEventFilter(self)
        self._finish_setup(self._page)

    def _scale(self, name: str) -> float:
        return 1.0 if name == "total" else PILLAR_SCALE

    def _tick_suffix(self) -> str:
        return " %"

    def _caption(self, dark: bool) -> str:
        names = {"total": self.tr("Total"), **{p: self.tr(PILLAR_NAMES[p]) for p in PILLARS}}
        entries = [self._legend_entry(n, names[n], dark) for n in SERIES]
        return " &nbsp; ".join([*entries, self._legend_tail(dark)])

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
