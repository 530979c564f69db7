"""A pillar's past days as a table: one row per day and source, newest first."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from ...core.catalogue import SOURCE_LABELS, Metric
from ...core.records import ActivityEntry
from ..formatting import count, two_lines
from ..palette import is_dark, muted_text_color
from ..widgets import tabular_font

_Index = QModelIndex | QPersistentModelIndex


class ActivityTableModel(QAbstractTableModel):
    """Rows are entries holding at least one non-zero count of the pillar's metrics."""

    def __init__(self, metrics: tuple[Metric, ...], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.metrics = metrics
        self._keys = frozenset(m.key for m in metrics)
        self._rows: list[ActivityEntry] = []
        self._font: QFont = tabular_font(QApplication.font())

    def set_entries(self, entries: tuple[ActivityEntry, ...]) -> None:
        """Show ``entries`` (the store's, which hold no zero counts), changing only the rows
        that differ: a save touches one day, and the store keeps the others' entries as they
        were, so comparing by identity finds it without a reset of the whole table."""
        rows = [e for e in reversed(entries) if not self._keys.isdisjoint(e.counts)]
        old = self._rows
        start, end_old, end_new = 0, len(old), len(rows)
        while start < min(end_old, end_new) and old[start] is rows[start]:
            start += 1
        while end_old > start and end_new > start and old[end_old - 1] is rows[end_new - 1]:
            end_old, end_new = end_old - 1, end_new - 1
        changed_old, changed_new = end_old - start, end_new - start
        if changed_new > changed_old:
            self.beginInsertRows(QModelIndex(), start + changed_old, end_new - 1)
            self._rows = rows
            self.endInsertRows()
        elif changed_new < changed_old:
            self.beginRemoveRows(QModelIndex(), start + changed_new, end_old - 1)
            self._rows = rows
            self.endRemoveRows()
        else:
            self._rows = rows
        kept = min(changed_old, changed_new)  # rows still there whose values changed
        if kept:
            last = self.columnCount() - 1
            self.dataChanged.emit(self.index(start, 0), self.index(start + kept - 1, last))

    def entry(self, row: int) -> ActivityEntry:
        return self._rows[row]

    def row_of(self, day: date, source: str) -> int | None:
        for i, entry in enumerate(self._rows):
            if entry.day == day and entry.source == source:
                return i
        return None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.metrics) + 2

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        last = len(self.metrics) + 1
        if role == Qt.ItemDataRole.DisplayRole:
            if section == 0:
                return self.tr("Date")
            if section == last:
                return self.tr("Source")
            return two_lines(self.tr(self.metrics[section - 1].label))
        if role == Qt.ItemDataRole.ToolTipRole and 0 < section < last:
            metric = self.metrics[section - 1]
            return f"{self.tr(metric.label)}\n{self.tr(metric.help)}"
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self._rows[index.row()]
        column = index.column()
        last = len(self.metrics) + 1
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return entry.day.strftime("%a %Y-%m-%d")
            if column == last:
                return self.tr(SOURCE_LABELS[entry.source])
            return count(entry.total(self.metrics[column - 1].key))
        if role == Qt.ItemDataRole.ForegroundRole and 0 < column < last:
            # Zeros recede so the days' real activity stands out.
            if not entry.total(self.metrics[column - 1].key):
                return muted_text_color(is_dark())
            return None
        if role == Qt.ItemDataRole.FontRole and column < last:
            return self._font
        if role == Qt.ItemDataRole.TextAlignmentRole and 0 < column < last:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
