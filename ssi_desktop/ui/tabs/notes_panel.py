"""Dated notes (holiday, new job, "LinkedIn recalibrated"): shown as markers on the charts."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.changes import AddNote, DeleteNote
from ...core.records import Note
from ...storage import Store
from ..forms.form_base import FormBase, FormChange
from ..store_model import StoreModel
from ..widgets import DayPicker, MutedLabel


def note_id(store: Store, note: Note) -> int:
    """The id the store gives ``note`` now: ids change when an undo re-adds a note."""
    return next(i for i, n in store.notes() if n == note)


class NotesPanel(FormBase):
    def __init__(self, model: StoreModel, parent: QWidget | None = None) -> None:
        super().__init__(model, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(
            MutedLabel(
                self.tr(
                    "Notes mark days that explain a change: a holiday, a new job, LinkedIn "
                    "recalibrating. They appear on the charts."
                ),
                self,
            )
        )
        row = QHBoxLayout()
        self.day_picker = DayPicker(self, shortcuts=False)
        self.day_picker.date_edit.setAccessibleName(self.tr("Note date"))
        self.text = QLineEdit(self)
        self.text.setPlaceholderText(self.tr("What happened, e.g. Holiday"))
        self.text.setAccessibleName(self.tr("Note text"))
        self.text.setToolTip(self.tr("Up to 200 characters"))
        self.text.setMaxLength(400)
        self.text.textEdited.connect(lambda _t: self.edited("text"))
        self.add_button = QPushButton(self.tr("Add note"), self)
        self.add_button.setToolTip(self.tr("Add this note (Enter)"))
        row.addWidget(self.day_picker)
        row.addWidget(self.text, 1)
        row.addWidget(self.add_button)
        layout.addLayout(row)
        layout.addWidget(self.add_field("text", self.text))
        layout.addWidget(self.add_field("date", self.day_picker.date_edit))
        layout.addWidget(self.form_error)

        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Notes"))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        layout.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.delete_button = QPushButton(self.tr("Delete note"), self)
        self.delete_button.setToolTip(
            self.tr("Delete the selected note (Del); Undo brings it back")
        )
        buttons.addWidget(self.delete_button)
        layout.addLayout(buttons)

        self.add_button.clicked.connect(self.save)
        self.delete_button.clicked.connect(self.delete_selected)
        delete_key = QShortcut(QKeySequence.StandardKey.Delete, self.list)
        delete_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete_key.activated.connect(self.delete_selected)
        self.list.currentRowChanged.connect(lambda _row: self._update_buttons())
        self.reload()

    def load(self) -> None:
        self.text.clear()
        self._fill_list()

    def _on_store_changed(self) -> None:
        # The list shows the store, not an edit: it follows every change, even while a
        # half-typed note (kept by the form) waits in the text field.
        self._fill_list()
        super()._on_store_changed()

    def _fill_list(self) -> None:
        self.list.clear()
        for _id, note in reversed(self.model.store.notes()):
            item = QListWidgetItem(f"{note.day.isoformat()}   {note.text}")
            item.setData(Qt.ItemDataRole.UserRole, note)
            self.list.addItem(item)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.delete_button.setEnabled(self.list.currentItem() is not None)

    def build_change(self) -> FormChange | None:
        note = Note.create(self.day_picker.day(), self.text.text())
        return self.tr("Add note “{text}”").format(text=note.text), AddNote(note)

    def selected_note(self) -> Note | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def delete_selected(self) -> bool:
        note = self.selected_note()
        if note is None:
            return False
        label = self.tr("Delete note “{text}”").format(text=note.text)
        return self.model.push(label, DeleteNote(note_id(self.model.store, note)))
