"""The History tab's chart: the estimate over time, official readings, goal, notes and jumps.

Two stacked plots share one date axis: the total above, the four pillars below. One axis per
scale keeps a pillar's movement as visible as the total's, which a shared axis would flatten to
a quarter of the height. Both scales fit the values in view (``yfit``) unless Full scale is on.
"""

from __future__ import annotations

import math
from datetime import date, timedelta
from html import escape
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QDate, QEvent, QLocale, QObject, QPoint, QPointF, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...core.catalogue import PILLAR_MAX
from ...core.validation import today
from ...storage.atomic import write_atomic
from ..chart_ranges import DEFAULT_RANGE, LONGEST_DAYS, RANGES
from ..palette import SERIES, jump_color, muted_text_color, note_color, pillar_color
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
from .export import HISTORY_HEADER, csv_bytes, history_rows
from .markers import Marker, swatch
from .picture import titled_picture
from .yfit import fitted_range, ticks

_MIN_SPAN_DAYS = 7
_AXIS_WIDTH = 46
#: The smallest vertical span a fitted scale shows (total points, pillar points).
_MIN_Y_SPAN = (4.0, 1.5)
_GRID_LINES = 12


class HistoryChart(ChartBase):
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
        self._crosshair_plain = ""
        self._dot_size = READING_SIZE

        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(self._build_toolbar())
        self._range_buttons[DEFAULT_RANGE].setChecked(True)
        self._view = pg.GraphicsLayoutWidget(page)
        self._view.setAntialiasing(True)
        layout.addWidget(self._view, 1)
        self._build_plots()
        self._build_crosshair()
        self._finish_setup(page)

    # Building -----------------------------------------------------------------------------

    def _build_toolbar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        bar.setSpacing(4)
        self._range_group = QButtonGroup(self)
        self._range_buttons: dict[int | None, QToolButton] = {}
        for chart_range in RANGES:
            button = QToolButton(self)
            button.setText(chart_range.button_text())
            button.setToolTip(chart_range.tip_text())
            button.setCheckable(True)
            days = chart_range.days
            button.clicked.connect(lambda _=False, d=days: self.set_range_days(d))
            self._range_group.addButton(button)
            self._range_buttons[days] = button
            bar.addWidget(button)
        self._scale_button = QToolButton(self)
        self._scale_button.setText(self.tr("Full scale"))
        self._scale_button.setCheckable(True)
        self._scale_button.setToolTip(
            self.tr("Show the full 0–100 and 0–25 scales instead of fitting them to the data")
        )
        self._scale_button.toggled.connect(self.set_full_scale)
        bar.addSpacing(8)
        bar.addWidget(self._scale_button)
        bar.addStretch(1)

        names = {
            "total": self.tr("Total"),
            "brand": self.tr("Brand"),
            "find": self.tr("Find"),
            "engage": self.tr("Engage"),
            "build": self.tr("Build"),
        }
        self._toggles: dict[str, QToolButton] = {}
        for name in SERIES:
            toggle = QToolButton(self)
            toggle.setText(names[name])
            toggle.setCheckable(True)
            toggle.setChecked(True)
            toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            toggle.setToolTip(
                self.tr("Show or hide {series} (line, official readings and goal)").format(
                    series=names[name]
                )
            )
            toggle.toggled.connect(lambda on, n=name: self.set_series_visible(n, on))
            self._toggles[name] = toggle
            bar.addWidget(toggle)
        bar.addStretch(1)

        self._png_button = QToolButton(self)
        self._png_button.setText(self.tr("Export PNG…"))
        self._png_button.setToolTip(self.tr("Save the chart as it is on screen as a PNG image"))
        self._png_button.clicked.connect(self.export_png_dialog)
        self._csv_button = QToolButton(self)
        self._csv_button.setText(self.tr("Export CSV…"))
        self._csv_button.setToolTip(
            self.tr("Save the days in view (estimate and official readings) as a CSV file")
        )
        self._csv_button.clicked.connect(self.export_csv_dialog)
        bar.addWidget(self._png_button)
        bar.addWidget(self._csv_button)
        return bar

    def _build_plots(self) -> None:
        self._total_plot = self._view.addPlot(row=0, col=0)
        self._pillar_plot = self._view.addPlot(row=1, col=0, axisItems={"bottom": date_axis()})
        self.plots = (self._total_plot, self._pillar_plot)
        self._view.ci.layout.setRowStretchFactor(0, 2)
        self._view.ci.layout.setRowStretchFactor(1, 3)
        self._view.ci.setSpacing(12)  # keeps "0" above and "25" below apart
        self._total_plot.hideAxis("bottom")  # the pillar plot below carries the dates
        self._pillar_plot.setXLink(self._total_plot)
        for plot, top in ((self._total_plot, 4 * PILLAR_MAX), (self._pillar_plot, PILLAR_MAX)):
            plot.setMenuEnabled(False)
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
        # Horizontal grid lines as plain items: pyqtgraph's axis-drawn grid is repainted with
        # its axis on every pan step and cost more than all the curves (50 → 19 ms a step).
        # They follow the fitted scales' ticks (_fit_y), a fixed pool per plot.
        self._grid = [[pg.InfiniteLine(angle=0) for _ in range(_GRID_LINES)] for _ in self.plots]
        for plot, lines in zip(self.plots, self._grid, strict=True):
            for line in lines:
                line.setZValue(-10)
                line.setVisible(False)
                plot.addItem(line, ignoreBounds=True)
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
        self._cross = [pg.InfiniteLine(angle=90) for _ in self.plots]
        for plot, line in zip(self.plots, self._cross, strict=True):
            line.setVisible(False)
            line.setZValue(20)
            plot.addItem(line, ignoreBounds=True)
        self._tip = QLabel(self._view)
        self._tip.setTextFormat(Qt.TextFormat.RichText)
        self._tip.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._tip.hide()
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
        x_min = day_x(min(data.first_day, today() - timedelta(days=LONGEST_DAYS)))
        x_max = day_x(max(data.last_day, today()))
        for plot in self.plots:
            plot.setLimits(
                xMin=x_min - 30 * DAY, xMax=x_max + 30 * DAY, minXRange=_MIN_SPAN_DAYS * DAY
            )
        self._recolour(self.dark())
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
        """The (bottom, top) of the total plot and of the pillar plot."""
        (t0, t1), (p0, p1) = (tuple(plot.vb.viewRange()[1]) for plot in self.plots)
        return (t0, t1), (p0, p1)

    def _fit_y(self) -> None:
        x0, x1 = self._total_plot.vb.viewRange()[0]
        data = self._data
        for index, plot in enumerate(self.plots):
            top = 4 * PILLAR_MAX if index == 0 else PILLAR_MAX
            names = [n for n in SERIES if (n == "total") == (index == 0) and n not in self._hidden]
            if self._full_scale or data is None or data.empty or not names:
                low, high, step = 0.0, top, top / 5
            else:
                lo = int(np.searchsorted(data.x, x0))
                hi = int(np.searchsorted(data.x, x1, side="right"))
                in_view = (data.readings_x >= x0) & (data.readings_x <= x1)
                goals = data.goal_levels()
                parts = [data.values[n][max(0, lo - 1) : hi + 1] for n in names]
                parts += [data.reading_values[n][in_view] for n in names]
                parts += [np.array([goals[n]]) for n in names if n in goals]
                low, high, step = fitted_range(np.concatenate(parts), top, _MIN_Y_SPAN[index])
            if tuple(plot.vb.viewRange()[1]) != (low, high):
                plot.setYRange(low, high, padding=0)
            levels = ticks(low, high, step)
            plot.getAxis("left").setTicks([[(v, f"{v:g}") for v in levels]])
            inner = [v for v in levels if low < v < high][:_GRID_LINES]
            for line, level in zip(self._grid[index], inner + [None] * _GRID_LINES, strict=False):
                line.setVisible(level is not None)
                if level is not None:
                    line.setPos(level)

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
        toggle.setIcon(
            swatch(pillar_color(name, self.dark()), background(self.palette()), visible)
        )

    def series_visible(self, name: str) -> bool:
        return self._lines[name].isVisible()

    def legend_names(self) -> list[str]:
        return [self._toggles[name].text() for name in SERIES]

    def legend_button(self, name: str) -> QToolButton:
        return self._toggles[name]

    def series_data(self, name: str) -> tuple[np.ndarray, np.ndarray]:
        """The whole series as given to the plot (x in epoch seconds), before clipping."""
        x, y = self._lines[name].getOriginalDataset()
        return (np.asarray(x), np.asarray(y))

    def series_pen_color(self, name: str) -> QColor:
        return self._lines[name].opts["pen"].color()

    def reading_data(self, name: str) -> tuple[np.ndarray, np.ndarray]:
        x, y = self._dots[name].getData()
        return (np.asarray(x), np.asarray(y))

    def goal_levels(self) -> dict[str, float]:
        """The goal lines on screen, by series."""
        return {name: line.value() for name, line in self._goals.items() if line.isVisible()}

    def markers(self, kind: str) -> list[tuple[date, str]]:
        """The ("note" or "jump") markers drawn, with their full text."""
        return [(m.day, m.text) for m in self._markers if m.kind == kind]

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
        return self._crosshair_plain if self._tip.isVisible() else ""

    def _show_crosshair(self, day: date, at: QPoint) -> None:
        for line in self._cross:
            line.setPos(day_x(day))
            line.setVisible(True)
        html, plain = self._crosshair_content(day)
        self._crosshair_plain = plain
        self._tip.setText(html)
        self._tip.adjustSize()
        gap = 16
        x = at.x() + gap
        if x + self._tip.width() > self._view.width():
            x = at.x() - gap - self._tip.width()
        y = min(max(0, at.y() - self._tip.height() // 2), self._view.height() - self._tip.height())
        self._tip.move(max(0, x), max(0, y))
        self._tip.show()
        self._tip.raise_()

    def _hide_crosshair(self) -> None:
        for line in self._cross:
            line.setVisible(False)
        self._tip.hide()

    def _crosshair_content(self, day: date) -> tuple[str, str]:
        data = self.data
        dark = self.dark()
        title = QLocale().toString(QDate(day.year, day.month, day.day), "ddd d MMM yyyy")
        reading = data.reading_on(day)
        shown = [name for name in SERIES if name not in self._hidden]
        html = [f"<b>{escape(title)}</b>", "<table cellspacing='0' cellpadding='1'>"]
        plain = [title]
        if shown:
            official = self.tr("official") if reading else ""
            html.append(
                f"<tr><td></td><td></td><td align='right'>{escape(self.tr('estimate'))}"
                f"</td><td align='right'>&nbsp;{escape(official)}</td></tr>"
            )
        for name in shown:
            label = self._toggles[name].text()
            digits = 1 if name == "total" else 2
            value = data.value_on(name, day)
            estimate = "–" if value is None else f"{value:.{digits}f}"
            line = f"{label} {estimate}"
            official = ""
            if reading is not None:
                official = (
                    f"{reading.pillar(name):.{digits}f}"
                    if name != "total"
                    else f"{reading.total:.1f}"
                )
                line += " · " + self.tr("official {value}").format(value=official)
            plain.append(line)
            colour = pillar_color(name, dark).name()
            html.append(
                f"<tr><td><span style='color:{colour}'>■</span></td>"
                f"<td>{escape(label)}&nbsp;&nbsp;</td><td align='right'>{estimate}</td>"
                f"<td align='right'>&nbsp;{official}</td></tr>"
            )
        html.append("</table>")
        for text in data.notes_on(day):
            plain.append(self.tr("Note: {text}").format(text=text))
            html.append(f"<div style='color:{note_color(dark).name()}'>{escape(plain[-1])}</div>")
        for text in data.jumps_on(day):
            plain.append(text)
            html.append(f"<div style='color:{jump_color(dark).name()}'>{escape(text)}</div>")
        return "".join(html), "\n".join(plain)

    # Theme --------------------------------------------------------------------------------

    def _recolour(self, dark: bool) -> None:
        palette = self.palette()
        self._view.setBackground(background(palette))
        for plot in self.plots:
            style_plot(plot, palette, self.font(), grid=False)
        grid = QColor(muted_text_color(dark))
        grid.setAlphaF(GRID_ALPHA)
        for lines in self._grid:
            for line in lines:
                line.setPen(pg.mkPen(grid, width=1))
        bg = background(palette)
        small = max(7.0, self.font().pointSizeF() * 0.85)
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
        muted = muted_text_color(dark)
        for line in self._cross:
            line.setPen(pg.mkPen(muted, width=1, style=Qt.PenStyle.DashLine))
        border = QColor(muted)
        self._tip.setStyleSheet(
            f"QLabel {{ background: {bg.name()}; color: {palette.text().color().name()};"
            f" border: 1px solid {border.name()}; border-radius: 4px; padding: 6px; }}"
        )

    # Export -------------------------------------------------------------------------------

    def export_png(self, path: str | Path) -> None:
        """Save the chart as it is on screen; raises OSError when it cannot be written."""
        self._hide_crosshair()
        legend = [
            (self._toggles[n].text(), pillar_color(n, self.dark()))
            for n in SERIES
            if n not in self._hidden
        ]
        first, last = self.visible_range()
        image = titled_picture(self._view.grab(), self.picture_title(first, last), legend)
        if not image.save(str(path), "PNG"):
            raise OSError(self.tr("the image could not be written"))

    def picture_title(self, first: date, last: date) -> str:
        locale = QLocale()

        def when(day: date) -> str:
            return locale.toString(QDate(day.year, day.month, day.day), "d MMM yyyy")

        return self.tr("Estimated SSI, {first} – {last}").format(first=when(first), last=when(last))

    def export_csv(self, path: str | Path) -> None:
        """Save the rows behind the days in view; raises OSError when it cannot be written."""
        write_atomic(Path(path), csv_bytes(HISTORY_HEADER, self.visible_rows()))

    def visible_rows(self) -> list[tuple[str, ...]]:
        first, last = self.visible_range()
        first = max(first, self.data.first_day)
        last = min(last, self.data.last_day)
        return history_rows(self.data.table, self.data.readings, first, last)

    def export_png_dialog(self) -> None:
        self._export_dialog(
            self.tr("Export chart as PNG"), self.tr("PNG images (*.png)"), ".png", self.export_png
        )

    def export_csv_dialog(self) -> None:
        self._export_dialog(
            self.tr("Export history as CSV"), self.tr("CSV files (*.csv)"), ".csv", self.export_csv
        )

    def _export_dialog(self, title: str, filters: str, suffix: str, write) -> None:
        suggested = str(Path.home() / f"ssi-history-{today().isoformat()}{suffix}")
        name, _ = QFileDialog.getSaveFileName(self, title, suggested, filters)
        if not name:
            return
        path = Path(name)
        if path.suffix.lower() != suffix:
            path = path.with_name(path.name + suffix)
        try:
            write(path)
        except OSError as exc:
            QMessageBox.warning(
                self,
                title,
                self.tr("Could not write {path}: {reason}").format(
                    path=path, reason=exc.strerror or str(exc)
                ),
            )
            return
        self.exported.emit(self.tr("Exported {path}").format(path=path))
