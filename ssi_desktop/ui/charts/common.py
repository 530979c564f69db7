"""What the three charts share: reading the store model, the empty state, theme and axes."""

from __future__ import annotations

import math
from datetime import date

import pyqtgraph as pg
from PySide6.QtCore import QDate, QEvent, QLocale, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPalette
from PySide6.QtWidgets import QLabel, QStackedLayout, QWidget

from ..lazy_refresh import RefreshWhenShown
from ..palette import is_dark, muted_text_color, pillar_color
from ..store_model import StoreModel
from .data import DAY, ChartData, chart_data, x_day

SERIES_WIDTH = {"total": 2.4, "brand": 1.5, "find": 1.5, "engage": 1.5, "build": 1.5}
READING_SIZE = 8
GRID_ALPHA = 0.18


class _DateAxis(pg.DateAxisItem):
    """pyqtgraph's date axis, with labels that read and never collide.

    Day ticks name their month ("3 Nov", not "03"), so the month ticks drawn beside them are
    dropped ("30 AugSep"). The first label and the first of each new year carry the year, so a
    zoomed view still says when it is. Ticks are thinned until the widest label fits between
    two of them.
    """

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list:
        levels = super().tickValues(minVal, maxVal, size)
        if any(DAY <= spacing < 28 * DAY for spacing, _ in levels):
            levels = [(spacing, values) for spacing, values in levels if spacing < 28 * DAY]
        if maxVal <= minVal or size <= 0:
            return levels
        room = QFontMetrics(self.style.get("tickFont") or QFont()).horizontalAdvance("30 Sep 2026")
        thinned = []
        self._first_tick = math.inf
        for spacing, values in levels:
            pixels = spacing / (maxVal - minVal) * size
            if DAY <= spacing < 366 * DAY and pixels < room + 10:
                step = math.ceil((room + 10) / pixels)
                # Keep ticks by their place in the calendar, so panning does not shuffle them.
                values = [v for v in values if round(v / spacing) % step == 0]
            thinned.append((spacing, values))
            self._first_tick = min([self._first_tick, *(v for v in values if v >= minVal)])
        return thinned

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        if spacing < DAY or spacing >= 366 * DAY:
            return super().tickStrings(values, scale, spacing)
        locale = QLocale()
        short = "d MMM" if spacing < 28 * DAY else "MMM"
        first = getattr(self, "_first_tick", None)
        labels = []
        year = None
        for v in values:
            day = x_day(v)
            with_year = (
                v == first
                or (year is not None and day.year != year)
                or (day.month == 1 and day.day == 1)
            )
            labels.append(locale.toString(_qdate(day), short + (" yyyy" if with_year else "")))
            year = day.year
        return labels


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def date_axis() -> pg.DateAxisItem:
    # Offset zero: x values are midnights UTC, so the labels are the days themselves.
    return _DateAxis(orientation="bottom", utcOffset=0)


def series_pen(name: str, dark: bool, scale: float = 1.0) -> pg.QtGui.QPen:
    # Qt's default square caps and bevel joins: round ones cost a sixth of a pan step.
    return pg.mkPen(pillar_color(name, dark), width=SERIES_WIDTH[name] * scale)


def goal_pen(name: str, dark: bool) -> pg.QtGui.QPen:
    return pg.mkPen(pillar_color(name, dark), width=1.3, style=Qt.PenStyle.DashLine)


def background(palette: QPalette) -> QColor:
    return palette.color(QPalette.ColorRole.Base)


def style_plot(plot: pg.PlotItem, palette: QPalette, font: QFont, grid: bool = True) -> None:
    """Axes (and the axis-drawn grid, unless ``grid`` is False) in the muted text colour."""
    muted = muted_text_color(is_dark(palette))
    tick_font = QFont(font)
    tick_font.setPointSizeF(max(7.0, font.pointSizeF() * 0.9))
    for name in ("left", "bottom", "right", "top"):
        axis = plot.getAxis(name)
        axis.setPen(pg.mkPen(muted, width=1))
        axis.setTextPen(pg.mkPen(muted))
        axis.setStyle(tickFont=tick_font)
    plot.showGrid(x=grid, y=grid, alpha=GRID_ALPHA)


class ChartBase(QWidget):
    """A chart of the store: redraws on ``model.changed`` and recolours on theme changes.

    When the store holds nothing yet it shows a sentence that says what to do instead of an
    empty axis.
    """

    def __init__(self, model: StoreModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self._stack = QStackedLayout(self)
        self._stack.setContentsMargins(0, 0, 0, 0)
        self._empty = QLabel(self)
        self._empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._empty.setWordWrap(True)
        self._empty.setText(self.tr("No history yet — record a day or import your LinkedIn export"))
        self._data: ChartData | None = None
        self.refresher = RefreshWhenShown(self, model, self.reload)

    def _finish_setup(self, chart: QWidget) -> None:
        """Called by subclasses once their chart widget exists."""
        self._stack.addWidget(chart)
        self._stack.addWidget(self._empty)
        self._apply_theme()
        self.reload()

    @property
    def data(self) -> ChartData:
        if self.refresher.stale:  # hidden since the last change: what it would plot now
            self.refresher.now()
        assert self._data is not None
        return self._data

    def is_empty_state(self) -> bool:
        return self._stack.currentWidget() is self._empty

    def empty_text(self) -> str:
        return self._empty.text()

    def dark(self) -> bool:
        return is_dark(self.palette())

    def reload(self) -> None:
        self._data = chart_data(self.model)
        self._stack.setCurrentIndex(1 if self._data.empty else 0)
        self._plot(self._data)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._apply_theme()
        super().changeEvent(event)

    def _apply_theme(self) -> None:
        muted = muted_text_color(self.dark())
        self._empty.setStyleSheet(f"color: {muted.name()};")
        self._recolour(self.dark())

    def _plot(self, data: ChartData) -> None:
        raise NotImplementedError

    def _recolour(self, dark: bool) -> None:
        raise NotImplementedError
