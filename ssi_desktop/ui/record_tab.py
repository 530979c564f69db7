"""What the pillar tabs and the readings tab share: a form beside a table of records.

The table is read-only rows; Enter or a double-click loads a row into the form, Del deletes
it. The tab redraws on a store change only while it is visible: a hidden tab catches up when
it is shown (``lazy_refresh``), so one save redraws one table, not five.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Generic, TypeVar

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from .forms.form_base import FormBase
from .lazy_refresh import RefreshWhenShown
from .store_model import StoreModel
from .widgets import MutedLabel, tabular_font

Index = QModelIndex | QPersistentModelIndex
R = TypeVar("R")


class NewestFirstModel(QAbstractTableModel, Generic[R]):
    """A table of records, newest first: the rows and counts every record table shares;
    subclasses set their column ``_headers`` and say what each cell shows (``data``)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[R] = []
        self._headers: list[str] = []
        self._font = tabular_font(QApplication.font())

    def set_rows(self, rows: Sequence[R]) -> None:
        """``rows`` oldest first, as the store gives them."""
        self.beginResetModel()
        self._rows = list(reversed(rows))
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)


class _ShareWidth(QObject):
    """The table's columns share its width, none narrower than its (two-line) title, so no
    title is ever cut; a narrow window scrolls the table, never the window. Columns a tab
    sizes itself (Fixed, ResizeToContents) keep their width."""

    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self._table = table
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        table.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def fit(self) -> None:
        header = self._table.horizontalHeader()
        shared = [
            i
            for i in range(header.count())
            if header.sectionResizeMode(i) == QHeaderView.ResizeMode.Interactive
        ]
        if not shared:
            return
        titles = {i: header.sectionSizeHint(i) for i in shared}
        kept = sum(header.sectionSize(i) for i in range(header.count()) if i not in titles)
        spare = max(0, self._table.viewport().width() - kept - sum(titles.values()))
        for i in shared:
            header.resizeSection(i, titles[i] + spare // len(shared))


class RecordTab(QWidget):
    """Subclasses build ``form``, ``table`` (via :meth:`_make_table`), ``edit_button`` and
    ``delete_button``, call :meth:`_connect_table`, and implement the abstract methods."""

    form: FormBase
    edit_button: QPushButton
    delete_button: QPushButton
    table: QTableView

    def __init__(self, model: StoreModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.refresher = RefreshWhenShown(self, model, self.refresh)

    def _make_table(self, table_model: QAbstractItemModel, name: str, parent: QWidget
                    ) -> QTableView:  # fmt: skip
        table = QTableView(parent)
        table.setModel(table_model)
        table.setAccessibleName(name)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        # Kept here: an event filter whose Python object is collected stops filtering.
        self._share_width = _ShareWidth(table)
        return table

    def _table_box(self, title: str, table_model: QAbstractItemModel, empty_hint: str,
                   tips: tuple[str, str], parent: QWidget) -> QGroupBox:  # fmt: skip
        """A titled box of the records: their table (the first column sized to its dates),
        the hint shown while there are none, and Edit and Delete (``tips``) under it."""
        box = QGroupBox(title, parent)
        layout = QVBoxLayout(box)
        self.table = self._make_table(table_model, title, box)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table, 1)
        self.empty_hint = MutedLabel(empty_hint, box)
        layout.addWidget(self.empty_hint)
        buttons = QHBoxLayout()
        self._add_row_buttons(buttons, box, *tips)
        layout.addLayout(buttons)
        return box

    def _add_row_buttons(self, row: QHBoxLayout, parent: QWidget, edit_tip: str,
                         delete_tip: str) -> None:  # fmt: skip
        """Edit and Delete for the selected row, right-aligned at the end of ``row``."""
        row.addStretch(1)
        self.edit_button = QPushButton(self.tr("Edit"), parent)
        self.edit_button.setToolTip(edit_tip)
        self.delete_button = QPushButton(self.tr("Delete"), parent)
        self.delete_button.setToolTip(delete_tip)
        row.addWidget(self.edit_button)
        row.addWidget(self.delete_button)

    def _connect_table(self) -> None:
        # activated covers a double-click and Enter; doubleClicked too would edit twice.
        self.table.activated.connect(lambda index: self._edit_row(index.row()))
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        delete_key = QShortcut(QKeySequence.StandardKey.Delete, self.table)
        delete_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete_key.activated.connect(self.delete_selected)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)

    def save(self) -> bool:
        return self.form.save()

    def selected_row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def _update_buttons(self) -> None:
        has = self.selected_row() is not None
        self.edit_button.setEnabled(has)
        self.delete_button.setEnabled(has)

    def edit_selected(self) -> None:
        row = self.selected_row()
        if row is not None:
            self._edit_row(row)

    # -- for subclasses ---------------------------------------------------------------------

    def refresh(self) -> None:
        """Redraw from the store."""
        raise NotImplementedError

    def _edit_row(self, row: int) -> None:
        raise NotImplementedError

    def delete_selected(self) -> bool:
        raise NotImplementedError
