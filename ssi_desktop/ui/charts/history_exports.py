"""The History chart's exports: a PNG with a title and legend, the CSV rows in view, and the
save dialog both go through."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QDate, QLocale, SignalInstance
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFileDialog, QMessageBox, QToolButton, QWidget

from ...core.validation import today
from ...storage.atomic import write_atomic
from ..palette import SERIES, pillar_color
from .data import ChartData
from .export import history_csv, history_rows
from .markers import Marker
from .picture import titled_picture


def save_export(
    parent: QWidget, title: str, filters: str, write: Callable[[Path], None]
) -> str | None:
    """Ask for a file (the filter's suffix added when none is typed) and ``write`` it.

    Returns the status-bar message, or None when the user cancelled or writing failed (a
    message box then names the path and the reason).
    """
    suffix = "." + filters.rsplit("*.", 1)[1].rstrip(")")
    suggested = str(Path.home() / f"ssi-history-{today().isoformat()}{suffix}")
    name, _ = QFileDialog.getSaveFileName(parent, title, suggested, filters)
    if not name:
        return None
    path = Path(name)
    if path.suffix.lower() != suffix:
        path = path.with_name(path.name + suffix)
    try:
        write(path)
    except OSError as exc:
        QMessageBox.warning(
            parent,
            title,
            QCoreApplication.translate("Export", "Could not write {path}: {reason}").format(
                path=path, reason=exc.strerror or str(exc)
            ),
        )
        return None
    return QCoreApplication.translate("Export", "Exported {path}").format(path=path)


if TYPE_CHECKING:
    from .common import ChartBase as _Base
else:
    _Base = object


class HistoryExports(_Base):
    """Mixed into HistoryChart (first, so it only adds): everything here reads what the chart
    shows through the chart's own methods (``tr``, ``dark``, ``visible_range``) — the exports,
    and the accessors tests and tools use to see what the user sees."""

    exported: SignalInstance
    _toggles: dict[str, QToolButton]
    _lines: dict[str, pg.PlotDataItem]
    _dots: dict[str, pg.ScatterPlotItem]
    _goals: dict[str, pg.InfiniteLine]
    _markers: list[Marker]
    _hidden: set[str]
    _view: pg.GraphicsLayoutWidget

    if TYPE_CHECKING:  # HistoryChart's own

        def visible_range(self) -> tuple[date, date]: ...

        def _hide_crosshair(self) -> None: ...

    data: ChartData

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
        if not image.save(str(path), "PNG"):  # type: ignore[call-overload]  # the stubs want bytes, the binding a str
            raise OSError(self.tr("the image could not be written"))

    def picture_title(self, first: date, last: date) -> str:
        locale = QLocale()

        def when(day: date) -> str:
            return locale.toString(QDate(day.year, day.month, day.day), "d MMM yyyy")

        return self.tr("Estimated SSI, {first} – {last}").format(first=when(first), last=when(last))

    def export_csv(self, path: str | Path) -> None:
        """Save the rows behind the days in view; raises OSError when it cannot be written."""
        write_atomic(Path(path), history_csv(self.visible_rows()))

    def visible_rows(self) -> list[tuple[str, ...]]:
        first, last = self.visible_range()
        first = max(first, self.data.first_day)
        last = min(last, self.data.last_day)
        return history_rows(self.data.table, self.data.readings, first, last)

    def export_png_dialog(self) -> None:
        message = save_export(
            self, self.tr("Export chart as PNG"), self.tr("PNG images (*.png)"), self.export_png
        )
        if message:
            self.exported.emit(message)

    def export_csv_dialog(self) -> None:
        message = save_export(
            self, self.tr("Export history as CSV"), self.tr("CSV files (*.csv)"), self.export_csv
        )
        if message:
            self.exported.emit(message)
