"""Pasting LinkedIn's SSI page into the reading form (spec §5): the form is filled for review.

Ctrl+V anywhere in the form takes the clipboard as a page when it holds more than one line
(a copied page always does; no number field takes several lines), so pasting a single
figure into a field still works as in any text field. The "Paste from LinkedIn" button
always reads the clipboard as a page. Nothing is written: the member checks the figures and
the day, then saves (or leaves) the form as after typing. A text that is not a whole page is
refused with what was found, and the form keeps what it held.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QWidget

from ...core.ssi_page import NotAnSsiPage, PageFigures, read_ssi_page

if TYPE_CHECKING:
    from .reading_form import ReadingForm


class PagePaste(QObject):
    """Watches the form's widgets for Ctrl+V and fills the form from a pasted page."""

    def __init__(self, form: ReadingForm) -> None:
        super().__init__(form)
        self._form = form
        for widget in (form, *form.findChildren(QWidget)):
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # ShortcutOverride first: a line edit claims Ctrl+V there before the key press.
        if event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            assert isinstance(event, QKeyEvent)
            if event.matches(QKeySequence.StandardKey.Paste) and _looks_like_a_page():
                event.accept()
                if event.type() == QEvent.Type.KeyPress:
                    self.paste()
                return True
        return False

    def paste(self) -> bool:
        """Fill the form from the clipboard's page; False (with what was found) if it is none."""
        form = self._form
        form.clear_errors()
        try:
            figures = read_ssi_page(QGuiApplication.clipboard().text())
        except NotAnSsiPage as exc:
            form.form_error.show_error(
                form.tr("Not pasted: {reason}").format(reason=form.tr(str(exc)))
            )
            return False
        fill(form, figures)
        form.status.setText(
            form.tr(
                "Filled from LinkedIn's page: check the figures and the date, then save "
                "(nothing is saved until you do)."
            )
        )
        form.save_button.setFocus()
        return True


def _looks_like_a_page() -> bool:
    return "\n" in QGuiApplication.clipboard().text().strip()


def fill(form: ReadingForm, figures: PageFigures) -> None:
    """Put the page's figures in the form's fields as unsaved edits."""
    values = figures.fields()
    for pillar, field in form.pillars.items():
        field.setText(f"{values[pillar] or 0.0:g}")  # as LinkedIn shows it: "12.275" stays whole
        form._on_pillar_edited(pillar)
    for key, edit in (("total", form.total), *form.optional.items()):
        value = values[key]
        edit.setText("" if value is None else f"{value:g}")
        form.edited(key)
