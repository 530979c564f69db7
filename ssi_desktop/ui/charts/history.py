"""The History tab's chart: the estimate over time, official readings, goal, notes and jumps.

Two stacked plots share one date axis: the total above, the four pillars below. One axis per
scale keeps a pillar's movement as visible as the total's, which a shared axis would flatten to
a quarter of the height. Both scales fit the values in view (``yfit``) unless Full scale is on.
"""

from __future__ import annotations

import math
from datetime import date, timedelta

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ...core.catalogue import PILLAR_MAX
from ...core.validation import today
from ..chart_ranges import DEFAULT_RANGE, LONGEST_DAYS
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
from .crosshair import Crosshair, crosshair_content
from .data import DAY, ChartData, day_x, x_day
from .history_exports import HistoryExports
from .history_toolbar import HistoryToolbar
from .markers import Marker, swatch
from .peers import PeerOverlay
from .yfit import FittedScale

_MIN_SPAN_DAYS = 7
_AXIS_WIDTH = 46
#: The smallest vertical span a fitted scale shows (total points, pillar points).
_MIN_Y_SPAN = (4.0, 1.5)


class HistoryChart(HistoryExports, ChartBase):
    """Total and pillars over time, with range buttons, a crosshair, a legend and exports."""

    #: An export was written; the message names the file (for the status bar).
    exported = Signal(str)
    #: A range was chosen (button or code): its days, None for All.
    range_chosen = Signal(object)
    #: Full scale was switched on or off.
    full_scale_changed = Signal(bool)

    def __init__(self, model: StoreModel, parent: QWidget | None = None) -> None:
        super().__init__(model, parent)
        self._range_days: int | None = DEFAULT_RANGE
        self._custom_range = False
        self._hidden: set[str] = set()
        self._markers: list[Marker] = []
        self._full_scale = False
        self._dot_size = READING_SIZE

        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self._build_toolbar())
        self._range_buttons[DEFAULT_RANGE].setChecked(True)
        self._view = pg.GraphicsLayoutWidget(page)
        self._view.setAntialiasing(True)
        layout.addWidget(self._view, 1)
        self._build_plots()
        self.peers = PeerOverlay(self, self._view, self._total_plot, self._pillar_plot, _AXIS_WIDTH)
        layout.insertWidget(1, self.peers.legend)
        self._build_crosshair()
        self._finish_setup(page)

    # Building -----------------------------------------------------------------------------

    def _build_toolbar(self) -> HistoryToolbar:
        bar = HistoryToolbar(self)
        self._range_group = bar.range_group
        self._range_buttons = bar.range_buttons
        self._scale_button = bar.scale_button
        self._toggles = bar.toggles
        self._png_button = bar.png_button
        self._csv_button = bar.csv_button
        for days, button in self._range_buttons.items():
            button.clicked.connect(lambda _=False, d=days: self.set_range_days(d))
        self._scale_button.toggled.connect(self.set_full_scale)
        for name, toggle in self._toggles.items():
            toggle.toggled.connect(lambda on, n=name: self.set_series_visible(n, on))
        self._png_button.clicked.connect(self.export_png_dialog)
        self._csv_button.clicked.connect(self.export_csv_dialog)
        return bar

    def _build_plots(self) -> None:
        # No context menus (pyqtgraph then builds none): the buttons above do what they did.
        self._total_plot = self._view.addPlot(row=0, col=0, enableMenu=False)
        self._pillar_plot = self._view.addPlot(
            row=1, col=0, axisItems={"bottom": date_axis()}, enableMenu=False
        )
        self.plots = (self._total_plot, self._pillar_plot)
        self._view.ci.layout.setRowStretchFactor(0, 2)
        self._view.ci.layout.setRowStretchFactor(1, 3)
        self._view.ci.setSpacing(12)  # keeps "0" above and "25" below apart
        self._total_plot.hideAxis("bottom")  # the pillar plot below carries the dates
        self._pillar_plot.setXLink(self._total_plot)
        for plot, top in ((self._total_plot, 4 * PILLAR_MAX), (self._pillar_plot, PILLAR_MAX)):
            plot.hideButtons()
            plot.setMouseEnabled(x=True, y=False)
            plot.setYRange(0, top, padding=0)
            plot.getAxis("left").setWidth(_AXIS_WIDTH)
            plot.setClipToView(True)
            plot.setDownsampling(auto=True, mode="peak")
            plot.vb.sigRangeChangedManually.connect(self._on_manual_range)
        self._total_plot.vb.sigXRangeChanged.connect(self._on_x_range)
        self._total_plot.vb.sigYRangeChanged.connect(self._place_markers)
        for plot in self.plots:
            plot.vb.sigResized.connect(self._on_resized)
        self._scales = (
            FittedScale(self._total_plot, 4 * PILLAR_MAX, _MIN_Y_SPAN[0]),
            FittedScale(self._pillar_plot, PILLAR_MAX, _MIN_Y_SPAN[1]),
        )
        self._total_plot.setLabel("left", self.tr("Total"))
        self._pillar_plot.setLabel("left", self.tr("Pillars"))

        self._lines: dict[str, pg.PlotDataItem] = {}
        self._dots: dict[str, pg.ScatterPlotItem] = {}
        self._goals: dict[str, pg.InfiniteLine] = {}
        for name in SERIES:
            plot = self._plot_of(name)
            # Scores are clipped numbers, never NaN: the finite check is wasted work.
            line = plot.plot([], [], skipFiniteCheck=True, antialias=True)
            # Peak downsampling keeps a min and a max per bin; pyqtgraph's default factor (5)
            # only starts at five days a pixel, so ten years on a 1,300-pixel chart were drawn
            # whole. At 0.5 a bin is about two pixels: one vertex a pixel (55 → 42 ms a frame).
            line.opts["autoDownsampleFactor"] = 0.5
            dots = pg.ScatterPlotItem(size=READING_SIZE, symbol="o")
            dots.setZValue(10)
            plot.addItem(dots)
            goal = pg.InfiniteLine(
                angle=0,
                label=self._goal_label(name),
                # Below the line when it is in the upper half of the view, above it otherwise:
                # the label always stays inside the plot.
                labelOpts={"position": 0.01, "anchors": [(0, 0), (0, 1)]},
            )
            plot.addItem(goal, ignoreBounds=True)
            self._lines[name] = line
            self._dots[name] = dots
            self._goals[name] = goal

    def _goal_label(self, name: str) -> str:
        # InfLineLabel formats the text with str.format(value=...), hence the {value}.
        if name == "total":
            return self.tr("Goal {value:g}")
        return self.tr("{series} goal {{value:g}}").format(series=self._toggles[name].text())

    def _build_crosshair(self) -> None:
        self._crosshair = Crosshair(self._view, self.plots)
        self._view.scene().sigMouseMoved.connect(self._on_mouse_moved)
        self._view.installEventFilter(self)

    def _plot_of(self, name: str) -> pg.PlotItem:
        return self._total_plot if name == "total" else self._pillar_plot

    # Data ---------------------------------------------------------------------------------

    def _plot(self, data: ChartData) -> None:
        single = data.x.size == 1  # a line through one point draws nothing: show the point
        for name in SERIES:
            line = self._lines[name]
            line.setData(data.x, data.values[name])
            line.setSymbol("o" if single else None)
            self._dots[name].setData(data.readings_x, data.reading_values[name])
            level = data.goal_levels().get(name)
            if level is not None:
                self._goals[name].setPos(level)
            self._goals[name].setVisible(level is not None and name not in self._hidden)
        wanted = [(n.day, n.text, "note") for n in data.notes]
        wanted += [(j.day, j.label, "jump") for j in data.jumps]
        if wanted != [(m.day, m.text, m.kind) for m in self._markers]:
            # Most changes (a day's counts) leave notes and jumps alone: keep their items.
            for marker in self._markers:
                marker.remove(self)
            # A jump's explanation is long: the marker says what it is, the crosshair says why.
            jump_caption = self.tr("recalibration?")
            self._markers = [
                Marker(self, day, text, kind, jump_caption if kind == "jump" else None)
                for day, text, kind in wanted
            ]
            # Only new markers need colours: lines, dots and goals keep theirs (recolouring
            # everything on each save cost ~5 ms); a theme change recolours all (_recolour).
            dark, size, bg = self.dark(), self._marker_text_size(), background(self.palette())
            for marker in self._markers:
                marker.recolour(dark, size, bg)
        x_min = day_x(min(data.first_day, today() - timedelta(days=LONGEST_DAYS)))
        x_max = day_x(max(data.last_day, today()))
        for plot in self.plots:
            plot.setLimits(
                xMin=x_min - 30 * DAY, xMax=x_max + 30 * DAY, minXRange=_MIN_SPAN_DAYS * DAY
            )
        self.peers.plot(data.readings)  # its items keep their colours too
        if not self._custom_range:
            self._apply_range()
        self._fit_y()
        self._place_markers()
        self._hide_crosshair()

    # Range --------------------------------------------------------------------------------

    def set_range_days(self, days: int | None) -> None:
        """Show the last ``days`` days up to today (None: the whole history)."""
        self._range_days = days
        self._custom_range = False
        self._range_buttons[days].setChecked(True)
        self._apply_range()
        self.range_chosen.emit(days)

    def set_full_scale(self, on: bool) -> None:
        """Full 0–100 / 0–25 scales (True) or scales fitted to the values in view."""
        if self._scale_button.isChecked() != on:
            self._scale_button.setChecked(on)  # comes back here through toggled
            return
        if on == self._full_scale:
            return
        self._full_scale = on
        self._fit_y()
        self.full_scale_changed.emit(on)

    def full_scale(self) -> bool:
        return self._full_scale

    def y_ranges(self) -> tuple[tuple[float, float], tuple[float, float]]:
        """The lowest and highest tick of the total plot's scale and of the pillar plot's."""
        return self._scales[0].bounds, self._scales[1].bounds

    def _fit_y(self) -> None:
        x0, x1 = self._total_plot.vb.viewRange()[0]
        data = self._data
        for index, scale in enumerate(self._scales):
            names = [n for n in SERIES if (n == "total") == (index == 0) and n not in self._hidden]
            if self._full_scale or data is None or data.empty or not names:
                scale.fit(None)
                continue
            shown = [data.shown_between(names, x0, x1)]
            if index == 0 and hasattr(self, "peers"):  # the industry and network averages
                shown += self.peers.averages_between(x0, x1)
            scale.fit(np.concatenate(shown))

    def _place_markers(self, *_: object) -> None:
        foot = self._total_plot.vb.viewRange()[1][0]
        for marker in self._markers:
            marker.place(foot)

    def _apply_range(self) -> None:
        data = self.data
        last = max(today(), data.last_day)
        if self._range_days is None:
            first = data.first_day
        else:
            # Never show empty months before the first recorded day.
            first = max(last - timedelta(days=self._range_days - 1), data.first_day)
        first = min(first, last - timedelta(days=_MIN_SPAN_DAYS - 1))
        self._total_plot.setXRange(day_x(first) - DAY / 2, day_x(last) + DAY / 2, padding=0)

    def _on_x_range(self, *_: object) -> None:
        # A hundred readings across ten years would bury the lines: dots shrink as they crowd.
        x0, x1 = self._total_plot.vb.viewRange()[0]
        xs = self.data.readings_x
        crowd = int(np.count_nonzero((xs >= x0) & (xs <= x1)))
        size = READING_SIZE if crowd <= 40 else READING_SIZE - 2 if crowd <= 80 else 4
        if size != self._dot_size:  # setSize redraws every spot: only when it changes
            self._dot_size = size
            for dots in self._dots.values():
                dots.setSize(size)
        self._fit_y()

    def _on_resized(self, *_: object) -> None:
        # The downsampling factor depends on the plot's width in pixels, but pyqtgraph only
        # recomputes it when the range changes; a resize alone (the first show, the window
        # growing) left the total binned for a tiny plot: a sawtooth of bin minima and maxima.
        for line in self._lines.values():
            line.viewRangeChanged()

    def _on_manual_range(self, *_: object) -> None:
        self._custom_range = True
        self._range_group.setExclusive(False)
        for button in self._range_buttons.values():
            button.setChecked(False)
        self._range_group.setExclusive(True)

    def visible_range(self) -> tuple[date, date]:
        """The first and last whole day in view."""
        x0, x1 = self._total_plot.vb.viewRange()[0]
        return x_day(math.ceil(x0 / DAY) * DAY), x_day(math.floor(x1 / DAY) * DAY)

    def range_days(self) -> int | None:
        return self._range_days

    # Series -------------------------------------------------------------------------------

    def set_series_visible(self, name: str, visible: bool) -> None:
        """Show or hide a series' line, official readings and goal, like its legend entry."""
        if visible:
            self._hidden.discard(name)
        else:
            self._hidden.add(name)
        self._lines[name].setVisible(visible)
        self._dots[name].setVisible(visible)
        self._goals[name].setVisible(visible and name in self.data.goal_levels())
        self._fit_y()
        toggle = self._toggles[name]
        if toggle.isChecked() != visible:
            toggle.setChecked(visible)
        toggle.setIcon(swatch(pillar_color(name, self.dark()), background(self.palette()), visible))

    def series_visible(self, name: str) -> bool:
        return self._lines[name].isVisible()

    # Crosshair ----------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._view and event.type() == QEvent.Type.Leave:
            self._hide_crosshair()
        return super().eventFilter(watched, event)

    def _on_mouse_moved(self, scene_pos: QPointF) -> None:
        for plot in self.plots:
            if plot.vb.sceneBoundingRect().contains(scene_pos):
                day = x_day(plot.vb.mapSceneToView(scene_pos).x())
                if self.data.first_day <= day <= self.data.last_day:
                    self._show_crosshair(day, self._view.mapFromScene(scene_pos))
                    return
        self._hide_crosshair()

    def crosshair_text(self) -> str:
        """What the crosshair label says, as plain text ("" when hidden)."""
        return self._crosshair.text()

    def _show_crosshair(self, day: date, at: QPoint) -> None:
        shown = [(n, self._toggles[n].text()) for n in SERIES if n not in self._hidden]
        html, plain = crosshair_content(self.data, day, shown, self.dark())
        self._crosshair.show(day_x(day), at, html, plain)

    def _hide_crosshair(self) -> None:
        self._crosshair.hide()

    # Theme --------------------------------------------------------------------------------

    def _recolour(self, dark: bool) -> None:
        palette = self.palette()
        self._view.setBackground(background(palette))
        for plot in self.plots:
            style_plot(plot, palette, self.font(), grid=False)
        grid = QColor(muted_text_color(dark))
        grid.setAlphaF(GRID_ALPHA)
        for scale in self._scales:
            scale.recolour(grid)
        bg = background(palette)
        small = self._marker_text_size()
        for name in SERIES:
            colour = pillar_color(name, dark)
            self._lines[name].setPen(series_pen(name, dark))
            self._lines[name].setSymbolBrush(colour)
            self._lines[name].setSymbolPen(pg.mkPen(bg, width=1))
            self._dots[name].setPen(pg.mkPen(bg, width=1.5))
            self._dots[name].setBrush(colour)
            goal = self._goals[name]
            goal.setPen(goal_pen(name, dark))
            goal.label.setColor(colour)
            self._toggles[name].setIcon(swatch(colour, bg, name not in self._hidden))
        for marker in self._markers:
            marker.recolour(dark, small, bg)
        self.peers.recolour(dark)
        self._crosshair.recolour(dark, bg, palette.text().color())

    def _marker_text_size(self) -> float:
        return max(7.0, self.font().pointSizeF() * 0.85)
