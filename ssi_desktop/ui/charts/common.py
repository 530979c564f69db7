"""What the three charts share: reading the store model, the empty state, theme and axes."""

from __future__ import annotations

import math
from datetime import date
from itertools import pairwise

import pyqtgraph as pg
from PySide6.QtCore import QDate, QEvent, QLocale, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPalette
from PySide6.QtWidgets import QStackedLayout, QWidget

from ..lazy_refresh import RefreshWhenShown
from ..palette import is_dark, muted_text_color, pillar_color
from ..store_model import StoreModel
from ..widgets import MutedLabel
from .data import DAY, ChartData, chart_data, x_day

SERIES_WIDTH = {"total": 2.4, "brand": 1.5, "find": 1.5, "engage": 1.5, "build": 1.5}
READING_SIZE = 8
GRID_ALPHA = 0.18


#: Label every n-th day or month, n from these, so labels keep to round dates.
_DAY_STEPS = (1, 2, 5, 10, 15, 30, 60)
_MONTH_STEPS = (1, 2, 3, 6, 12, 24, 60, 120)
#: Below this span an axis names days when months alone would give fewer than four labels.
_DAYS_SPAN = 200 * DAY


class _DateAxis(pg.DateAxisItem):
    """pyqtgraph's date axis, with labels that read and never collide.

    Day ticks name their month ("3 Nov", not "03"), so the month ticks drawn beside them are
    dropped ("30 AugSep"). The first label carries the year, and so does the first of each new
    year unless a year tick already names it, so a zoomed view still says when it is. Ticks
    are thinned to round steps (every 5 days, every quarter …) until the widest label fits
    between two of them, and a finer tick too near a coarser one is dropped.
    """

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list:
        levels = super().tickValues(minVal, maxVal, size)
        if maxVal <= minVal or size <= 0:
            return levels
        metrics = QFontMetrics(self.style.get("tickFont") or QFont())
        room = metrics.horizontalAdvance("30 Sep 2026")
        apart = (room + 10) / size * (maxVal - minVal)  # the least distance between labels
        months = sum(len(values) for spacing, values in levels if spacing >= 28 * DAY)
        if maxVal - minVal < _DAYS_SPAN and months < 4:
            # A few months on a narrow axis: pyqtgraph gives a tick a month, too few to read
            # a date by. Round days instead (every 10, 15 … days).
            every = next((n for n in _DAY_STEPS if n * DAY >= apart), _DAY_STEPS[-1])
            first = math.ceil(minVal / (every * DAY)) * every
            levels = [(DAY, [d * DAY for d in range(first, int(maxVal / DAY) + 1, every)])]
        if any(DAY <= spacing < 28 * DAY for spacing, _ in levels):
            levels = [(spacing, values) for spacing, values in levels if spacing < 28 * DAY]
        thinned = []
        kept: list[float] = []  # every level's ticks so far, coarsest level first
        self._year_ticks: set[int] = set()
        for spacing, values in levels:
            if DAY <= spacing < 366 * DAY and len(values) > 1:
                values = _round_steps(values, monthly=spacing >= 28 * DAY, apart=apart)
            values = [v for v in values if all(abs(v - k) >= apart for k in kept)]
            kept += values
            thinned.append((spacing, values))
            if spacing >= 365 * DAY:
                self._year_ticks.update(x_day(v).year for v in values)
        return self._year_first(thinned, minVal, maxVal, size, metrics)

    def _year_first(
        self, levels: list, minVal: float, maxVal: float, size: float, metrics: QFontMetrics
    ) -> list:
        """The first label drawn carries the year. pyqtgraph hides a label that would stick
        out past the axis's left end, so a tick too near it for its dated label is dropped
        and the next one says the year."""
        ticks = sorted((v, spacing) for spacing, values in levels for v in values if v >= minVal)
        dropped: set[float] = set()
        self._first_tick = math.inf
        for v, spacing in ticks:
            text = _label(v, spacing, with_year=True)
            if (v - minVal) / (maxVal - minVal) * size >= metrics.horizontalAdvance(text) / 2:
                self._first_tick = v
                break
            dropped.add(v)
        return [(spacing, [v for v in values if v not in dropped]) for spacing, values in levels]

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        if spacing < DAY or spacing >= 366 * DAY:
            return super().tickStrings(values, scale, spacing)
        first = getattr(self, "_first_tick", None)
        named: set[int] = getattr(self, "_year_ticks", set()) if spacing < 365 * DAY else set()
        labels = []
        year = None
        for v in values:
            day = x_day(v)
            with_year = v == first or (
                day.year not in named
                and ((year is not None and day.year != year) or (day.month == 1 and day.day == 1))
            )
            labels.append(_label(v, spacing, with_year))
            year = day.year
        return labels


def _label(v: float, spacing: float, with_year: bool) -> str:
    """A tick's label in the user's language: "3 Nov", "Nov", with " 2026" when asked."""
    short = "d MMM" if spacing < 28 * DAY else "MMM"
    return QLocale().toString(_qdate(x_day(v)), short + (" yyyy" if with_year else ""))


def _round_steps(values: list[float], monthly: bool, apart: float) -> list[float]:
    """Every n-th tick by its day or month number, the least round n that keeps ``apart``.

    By the calendar, so panning does not shuffle them; months by their number, as they differ
    in length.
    """
    if monthly:
        index = [d.year * 12 + d.month - 1 for d in map(x_day, values)]
    else:  # days since 1970, as pyqtgraph counts them when it skips
        index = [round(v / DAY) for v in values]
    given = max(1, min(b - a for a, b in pairwise(index)))  # pyqtgraph may already skip some
    unit = 30.44 * DAY if monthly else DAY
    steps = _MONTH_STEPS if monthly else _DAY_STEPS
    every = next(
        (n for n in steps if n % given == 0 and n * unit >= apart),
        given * math.ceil(apart / (given * unit)),
    )
    return [v for v, i in zip(values, index, strict=True) if i % every == 0]


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
        self._empty = MutedLabel("", self)  # muted by its palette: no style sheet to parse
        self._empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
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
        self._recolour(self.dark())

    def _plot(self, data: ChartData) -> None:
        raise NotImplementedError

    def _recolour(self, dark: bool) -> None:
        raise NotImplementedError
