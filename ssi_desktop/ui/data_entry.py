"""The keyboard contract's entry points (spec §5): Ctrl+D records the day, Ctrl+R a reading.

Kept apart from the main window, which only connects them: both open the form with the cursor
in its first field, and the Ctrl+D dialog's unsaved values are watched like the tabs' forms.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

if TYPE_CHECKING:
    from .forms.day_dialog import DayDialog
    from .forms.form_base import FormBase
    from .main_window import MainWindow
    from .number_field import NumberField


def record_day(window: MainWindow) -> DayDialog:
    """Open (or bring back) the whole-day form, the cursor in its first field."""
    from .forms.day_dialog import (
        DayDialog,  # loaded when first used: not needed for the first paint
    )

    dialog: DayDialog | None = getattr(window, "day_dialog", None)
    if dialog is None or dialog.model is not window.model:
        dialog = DayDialog(window.model, window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        window.guard.watch("day", [dialog])
        window.day_dialog = dialog
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    dialog.focus_first()
    return dialog


def record_reading(window: MainWindow) -> NumberField:
    """Show the readings tab with the cursor in Brand (Tab walks Brand → Find → Engage →
    Build)."""
    window.show_tab("readings")
    field = window.readings_tab.form.pillars["brand"]
    field.setFocus(Qt.FocusReason.ShortcutFocusReason)
    field.selectAll()
    return field


def forms_of(widget: object) -> list[FormBase]:
    """The forms a tab holds (a pillar's day and profile forms, the reading form, notes)."""
    from .forms.form_base import FormBase  # with the first tab that holds a form

    find = getattr(widget, "findChildren", None)
    return list(find(FormBase)) if find else []
