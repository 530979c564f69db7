"""The "LinkedIn numbers" window: the totals form beside a table of past snapshots.

The totals feed two pillars (connections and decision makers Build; followers, profile viewers
and search appearances Brand) and are copied every few weeks, not daily, so they live in one
window opened from the Build and Brand tabs and from Edit ▸ LinkedIn numbers…, instead of
adding a third form to those tabs' daily column. Every save and delete goes through the
store model, so it is undone like any other change (Ctrl+Z here, or Edit ▸ Undo).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from ...core.catalogue import TOTALS
from ...core.records import TotalsSnapshot
from ..forms.totals_form import TotalsForm, delete_totals_change
from ..record_tab import Index as _Index
from ..record_tab import NewestFirstModel, RecordTab
from ..store_model import StoreModel
from ..widgets import MutedLabel

#: Short column headers for the table (the form shows the full labels and help).
_HEADERS = {
    "totals.connections": "Connections",
    "totals.senior_connections": "Decision\nmakers",
    "totals.followers": "Followers",
    "totals.profile_viewers_90d": "Profile viewers\n(90 days)",
    "totals.search_appearances_7d": "In searches\n(7 days)",
}


class TotalsTableModel(NewestFirstModel[TotalsSnapshot]):
    """Newest first; an empty cell is a total not copied that day."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = [self.tr("Date"), *(self.tr(_HEADERS[t.key]) for t in TOTALS)]

    def snapshot(self, row: int) -> TotalsSnapshot:
        return self._rows[row]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return self.tr(TOTALS[section - 1].help) if section else None
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        snapshot = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return snapshot.day.strftime("%a %Y-%m-%d")
            value = snapshot.values.get(TOTALS[column - 1].key)
            return "" if value is None else f"{value:,}"
        if role == Qt.ItemDataRole.FontRole:
            return self._font
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class TotalsPanel(RecordTab):
    form: TotalsForm

    def __init__(self, model: StoreModel, parent: QWidget | None = None) -> None:
        super().__init__(model, parent)
        self.form = TotalsForm(model, self)
        self.table_model = TotalsTableModel(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        form_box = QGroupBox(self.tr("Numbers on a day"), self)
        QVBoxLayout(form_box).addWidget(self.form)
        form_box.setMinimumWidth(form_box.sizeHint().width())
        layout.addWidget(form_box)

        table_box = self._table_box(
            self.tr("Recorded numbers"),
            self.table_model,
            self.tr(
                "No numbers yet. Your connections are on linkedin.com/mynetwork, followers and "
                "profile viewers on your profile's Analytics. Importing your LinkedIn export "
                "fills in your connections for every past day."
            ),
            (
                self.tr("Load the selected day into the form (Enter)"),
                self.tr("Delete the selected day's numbers (Del); Undo brings them back"),
            ),
            self,
        )
        layout.addWidget(table_box, 1)

        self._connect_table()
        self.refresh()

    def refresh(self) -> None:
        self.table_model.set_rows(self.model.store.totals())
        has_rows = self.table_model.rowCount() > 0
        self.table.setVisible(has_rows)
        self.empty_hint.setVisible(not has_rows)
        self._update_buttons()

    def _edit_row(self, row: int) -> None:
        self.form.show_day(self.table_model.snapshot(row).day)
        self.form.edits[TOTALS[0].key].setFocus()

    def delete_selected(self) -> bool:
        row = self.selected_row()
        if row is None:
            return False
        return self.model.push(*delete_totals_change(self.model, self.table_model.snapshot(row)))


class TotalsDialog(QDialog):
    def __init__(self, model: StoreModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("LinkedIn numbers"))
        self.model = model
        layout = QVBoxLayout(self)
        layout.addWidget(
            MutedLabel(
                self.tr(
                    "Totals LinkedIn shows rather than counts of a day: copy them now and then. "
                    "Between two dates the estimate draws a straight line; before the first it "
                    "uses the first."
                ),
                self,
            )
        )
        self.panel = TotalsPanel(model, self)
        layout.addWidget(self.panel, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        # The main window's shortcuts do not reach a modal window: the same keys work here.
        for keys, action in (
            (QKeySequence.StandardKey.Save, self.panel.save),
            (QKeySequence.StandardKey.Undo, model.undo_stack.undo),
            (QKeySequence("Ctrl+Shift+Z"), model.undo_stack.redo),
        ):
            QShortcut(keys, self).activated.connect(action)
        self.resize(960, 560)
        self.panel.form.edits[TOTALS[0].key].setFocus()

    def reject(self) -> None:
        """Close, asking first when the form holds unsaved numbers."""
        if self.panel.form.dirty:
            answer = QMessageBox.question(
                self,
                self.tr("Unsaved numbers"),
                self.tr("Save the numbers you typed before closing?"),
                QMessageBox.StandardButton.Save
                | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Save,
            )
            if answer == QMessageBox.StandardButton.Cancel:
                return
            if answer == QMessageBox.StandardButton.Save and not self.panel.save():
                return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        event.ignore()
        self.reject()
