"""What every form that saves a record shares: fields, inline errors, save through the model.

A form builds its change (an undo label and a value of ``core.changes``) from what the user
typed; the core validates it while building or applying it. A :class:`ValidationError`
outlines the named field, puts the reason under it and moves focus there; a failed write shows
the store's message. In both cases nothing is written and the typed values stay. While the user
has unsaved edits, changes to the store (an undo from the menu, a save elsewhere) do not
overwrite them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, TypeAlias

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QMessageBox, QPushButton, QVBoxLayout, QWidget

from ...core.validation import ValidationError
from ..lazy_refresh import RefreshWhenShown
from ..store_model import StoreModel
from ..widgets import DayPicker, ErrorLabel, set_invalid

if TYPE_CHECKING:
    from ...core.changes import Change

#: (undo label, change): one undoable change, as StoreModel.push takes it.
# A string: the change layer is not imported before the window's first paint.
FormChange: TypeAlias = "tuple[str, Change]"


@dataclass
class Field:
    widget: QWidget
    error: ErrorLabel


class FormBase(QWidget):
    """Subclasses fill ``fields``, implement :meth:`load` and :meth:`build_change`."""

    #: A change was written; the argument is its label ("Save Brand for 2026-03-02").
    saved = Signal(str)
    #: The form now holds typed, unsaved values (True) or shows the store again (False).
    dirty_changed = Signal(bool)

    def __init__(self, model: StoreModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.fields: dict[str, Field] = {}
        self.form_error = ErrorLabel(self)
        self._dirty = False
        self._loading = False
        self._saving = False
        self._failure = ""
        self._picker: DayPicker | None = None
        self._shown_day: date | None = None
        model.save_failed.connect(self._on_save_failed)
        # Hidden forms (other tabs) catch up when shown, like every view of the store.
        self.refresher = RefreshWhenShown(self, model, self._on_store_changed)

    # -- for subclasses --------------------------------------------------------------------

    def load(self) -> None:
        """Fill the widgets from the store (called with edits tracking paused)."""
        raise NotImplementedError

    def build_change(self) -> FormChange | None:
        """The change the typed values ask for, None when there is nothing to save.

        Raises ValidationError (from the core) for bad input.
        """
        raise NotImplementedError

    def add_field(self, key: str, widget: QWidget) -> ErrorLabel:
        error = ErrorLabel(self)
        self.fields[key] = Field(widget, error)
        return error

    def edited(self, key: str | None = None) -> None:
        """Connect the widgets' change signals here: marks unsaved edits, clears stale errors."""
        if self._loading:
            return
        self._set_dirty(True)
        if key is not None and key in self.fields:
            self._clear_field(key)

    def watch_day(self, picker: DayPicker) -> None:
        """Load the day the picker moves to; unsaved values of the day shown are not lost."""
        self._picker = picker
        self._shown_day = picker.day()
        picker.day_changed.connect(self._on_day_changed)

    def day(self) -> date:
        """The day the form shows: its day picker's (:meth:`watch_day`)."""
        assert self._picker is not None
        return self._picker.day()

    def show_day(self, day: date) -> None:
        """Load ``day`` (asking first about unsaved values of the day shown)."""
        assert self._picker is not None
        self._picker.set_day(day)

    def add_save_row(self, layout: QVBoxLayout, save_text: str, save_tip: str) -> None:
        """The row under a day's fields: Revert (what is saved for the day, again) and Save,
        the default button (Return and Ctrl+S save too)."""
        buttons = QHBoxLayout()
        self.revert_button = QPushButton(self.tr("Revert"), self)
        self.revert_button.setToolTip(self.tr("Show what is saved for this day again"))
        self.save_button = QPushButton(save_text, self)
        self.save_button.setDefault(True)
        self.save_button.setToolTip(save_tip)
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.reload)

    # -- behaviour -------------------------------------------------------------------------

    @property
    def dirty(self) -> bool:
        return self._dirty

    def _set_dirty(self, dirty: bool) -> None:
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirty_changed.emit(dirty)

    def reload(self) -> None:
        """Show what the store holds, dropping unsaved edits and errors."""
        self.clear_errors()
        self._loading = True
        try:
            self.load()
        finally:
            self._loading = False
        self._set_dirty(False)

    def save(self) -> bool:
        """Validate and write; False (with the reason shown) when nothing was written."""
        self.clear_errors()
        try:
            change = self.build_change()
        except ValidationError as exc:
            self.show_validation_error(exc)
            return False
        if change is None:
            self.reload()
            return True
        label, value = change
        self._saving = True
        self._failure = ""
        try:
            ok = self.model.push(label, value)
        except ValidationError as exc:  # checked against the day it changes: nothing written
            self.show_validation_error(exc)
            return False
        finally:
            self._saving = False
        if not ok:
            self.form_error.show_error(self._failure or self.tr("Not saved."))
            return False
        self.reload()
        self.saved.emit(label)
        return True

    def show_validation_error(self, exc: ValidationError) -> None:
        field = self.fields.get(exc.field)
        if field is None:
            self.form_error.show_error(str(exc))
            return
        set_invalid(field.widget, True)
        field.error.show_error(exc.reason)
        field.widget.setFocus()

    def clear_errors(self) -> None:
        for key in self.fields:
            self._clear_field(key)
        self.form_error.clear()

    def _clear_field(self, key: str) -> None:
        field = self.fields[key]
        if field.widget.property("invalid"):
            set_invalid(field.widget, False)
        field.error.clear()

    def _on_day_changed(self, day: date) -> None:
        if day == self._shown_day:
            return
        if self._dirty:
            assert self._shown_day is not None  # set with the picker, before any edit
            answer = QMessageBox.question(
                self,
                self.tr("Unsaved values"),
                self.tr("Save what you typed for {day} before showing {new}?").format(
                    day=self._shown_day.isoformat(), new=day.isoformat()
                ),
                QMessageBox.StandardButton.Save
                | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Save,
            )
            if answer != QMessageBox.StandardButton.Discard:
                self._show_picker_day(self._shown_day)  # the values belong to that day
                if answer != QMessageBox.StandardButton.Save or not self.save():
                    return
                self._show_picker_day(day)
        self._shown_day = day
        self.reload()

    def _show_picker_day(self, day: date) -> None:
        assert self._picker is not None
        self._picker.blockSignals(True)
        try:
            self._picker.set_day(day)
        finally:
            self._picker.blockSignals(False)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Spin boxes and line edits pass Return on (as they do to a dialog's default button):
        # type the values, press Return, saved.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.save()
            event.accept()
            return
        super().keyPressEvent(event)

    def _on_save_failed(self, message: str) -> None:
        if self._saving:
            self._failure = message

    def _on_store_changed(self) -> None:
        if not self._saving and not self._dirty:
            self.reload()
