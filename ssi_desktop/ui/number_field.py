"""A number field that keeps exactly what was typed.

Spin boxes clamp and truncate: typing 20.97 over "0.00" stored 20.00, 99999999 became 999 and
−2 became 2, all without a word. This field holds the text the user typed; the core turns it
into a number when the form is saved and refuses it, naming the field, when it cannot be one
(``core.validation``). Tabbing or clicking in selects what it shows, so typing replaces it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFocusEvent, QMouseEvent
from PySide6.QtWidgets import QLineEdit, QWidget

from ..core.validation import ValidationError, parse_number
from .widgets import tabular_font


class NumberField(QLineEdit):
    """``decimals`` 0 for counts (shown "0"), 2 for pillar values (shown "0.00")."""

    def __init__(self, key: str, decimals: int = 0, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.decimals = decimals
        # Until the user types, a click selects the whole value (even in a field that
        # already had the focus), so typing replaces it.
        self._fresh = True
        self.textEdited.connect(self._on_edited)
        self.setFont(tabular_font(self.font()))
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setMinimumWidth(96)
        self.setMaxLength(24)
        self.setValue(0)

    def setValue(self, value: float) -> None:
        """Show ``value`` (named as QSpinBox's, which this field replaces)."""
        self.setText(f"{value:.{self.decimals}f}")
        self._fresh = True

    def _on_edited(self, _text: str) -> None:
        self._fresh = False

    def text_value(self) -> str:
        """What was typed, for the core to validate ("" counts as 0)."""
        return self.text().strip() or "0"

    def value(self) -> float | int:
        """The typed number; raises ValidationError (naming the field) when it is not one."""
        number = parse_number(self.key, self.text_value())
        if self.decimals == 0:
            if number != int(number):
                raise ValidationError(self.key, f"must be a whole number, not {self.text()}")
            return int(number)
        return number

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        # Typing replaces what the field showed, whether it was reached by Tab or a click.
        self._fresh = True
        QTimer.singleShot(0, self.selectAll)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if self._fresh and not self.hasSelectedText():
            self.selectAll()  # the click placed a cursor: nothing typed yet, so select all
