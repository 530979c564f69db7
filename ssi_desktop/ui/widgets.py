"""Small widgets every view shares: the day picker, muted and error lines, cards, fonts."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, QEvent, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from ..core.validation import EARLIEST_DATE, today
from .palette import is_dark, muted_text_color

#: The outline and message colour of an invalid field, per theme: readable on both.
ERROR_COLOURS = ("#c5221f", "#ff8a80")


def error_colour() -> str:
    return ERROR_COLOURS[1] if is_dark() else ERROR_COLOURS[0]


def tabular_font(base: QFont, scale: float = 1.0, weight: QFont.Weight | None = None) -> QFont:
    """``base`` with tabular (equal-width) figures, so numbers that are compared line up."""
    font = QFont(base)
    font.setFeature(QFont.Tag("tnum"), 1)
    if scale != 1.0:
        font.setPointSizeF(font.pointSizeF() * scale)
    if weight is not None:
        font.setWeight(weight)
    return font


def colour_dot(colour: QColor, size: int = 12) -> QIcon:
    """A filled circle: the pillar's mark on tabs, cards and legends."""
    pixmap = QPixmap(QSize(size, size) * 2)
    pixmap.setDevicePixelRatio(2)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawEllipse(1, 1, size - 2, size - 2)
    painter.end()
    return QIcon(pixmap)


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(qdate: QDate) -> date:
    return date(qdate.year(), qdate.month(), qdate.day())


class MutedLabel(QLabel):
    """Secondary text (help lines, captions) in the theme's muted colour, wrapped."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)
        self._restyle()

    def _restyle(self) -> None:
        self.setStyleSheet(f"color: {muted_text_color(is_dark()).name()};")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.ApplicationPaletteChange:
            self._restyle()
        super().changeEvent(event)


class ErrorLabel(QLabel):
    """The message under an invalid field; hidden while there is nothing to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setAccessibleName(self.tr("Error"))
        self.hide()
        self._restyle()

    def _restyle(self) -> None:
        self.setStyleSheet(f"color: {error_colour()};")

    def show_error(self, text: str) -> None:
        self.setText("⚠ " + text)
        self.setAccessibleDescription(text)
        self.show()

    def clear(self) -> None:
        super().clear()
        self.hide()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.ApplicationPaletteChange:
            self._restyle()
        super().changeEvent(event)


def set_invalid(widget: QWidget, invalid: bool) -> None:
    """A red outline around ``widget`` while it holds an invalid value."""
    widget.setProperty("invalid", invalid)
    name = type(widget).__name__
    widget.setStyleSheet(
        f"{name} {{ border: 2px solid {error_colour()}; border-radius: 3px; padding: 1px; }}"
        if invalid
        else ""
    )


class Card(QFrame):
    """A rounded panel in the base colour; an optional accent stripe in a pillar's colour."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._accent: QColor | None = None
        self._restyle()

    def set_accent(self, colour: QColor | None) -> None:
        self._accent = colour
        self._restyle()

    def _restyle(self) -> None:
        top = f"border-top: 4px solid {self._accent.name()};" if self._accent else ""
        self.setStyleSheet(
            "QFrame#card { background: palette(base); border: 1px solid palette(mid);"
            f" border-radius: 8px; {top} }}"
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.ApplicationPaletteChange:
            self._restyle()
        super().changeEvent(event)


class DayPicker(QWidget):
    """A date with ‹ › buttons for the previous and next day, and Today; never in the future.

    Only one picker per tab should take the Alt+Left/Right shortcuts (``shortcuts``), or Qt
    finds them ambiguous and neither works.
    """

    day_changed = Signal(object)  # datetime.date

    def __init__(self, parent: QWidget | None = None, *, shortcuts: bool = True) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.previous_button = QToolButton(self)
        self.previous_button.setText("‹")
        self.previous_button.setAccessibleName(self.tr("Previous day"))
        self.date_edit = QDateEdit(self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("ddd yyyy-MM-dd")
        self.date_edit.setMinimumDate(to_qdate(EARLIEST_DATE))
        self.date_edit.setAccessibleName(self.tr("Date"))
        self.date_edit.setToolTip(self.tr("The day these values belong to"))
        self.date_edit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.next_button = QToolButton(self)
        self.next_button.setText("›")
        self.next_button.setAccessibleName(self.tr("Next day"))
        if shortcuts:
            self.previous_button.setShortcut(Qt.Modifier.ALT | Qt.Key.Key_Left)
            self.next_button.setShortcut(Qt.Modifier.ALT | Qt.Key.Key_Right)
            self.previous_button.setToolTip(self.tr("Previous day (Alt+Left)"))
            self.next_button.setToolTip(self.tr("Next day (Alt+Right)"))
        else:
            self.previous_button.setToolTip(self.tr("Previous day"))
            self.next_button.setToolTip(self.tr("Next day"))
        self.today_button = QToolButton(self)
        self.today_button.setText(self.tr("Today"))
        self.today_button.setToolTip(self.tr("Go to today"))
        self.today_button.setAccessibleName(self.tr("Today"))
        for button in (self.previous_button, self.next_button, self.today_button):
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.date_edit, 1)
        layout.addWidget(self.next_button)
        layout.addWidget(self.today_button)
        self.previous_button.clicked.connect(lambda: self._step(-1))
        self.next_button.clicked.connect(lambda: self._step(1))
        self.today_button.clicked.connect(lambda: self.set_day(today()))
        self.date_edit.dateChanged.connect(self._on_date_changed)
        self._refresh_limits()
        self.date_edit.setDate(to_qdate(today()))
        self._update_buttons()

    def day(self) -> date:
        return from_qdate(self.date_edit.date())

    def set_day(self, day: date) -> None:
        self._refresh_limits()
        self.date_edit.setDate(to_qdate(min(max(day, EARLIEST_DATE), today())))

    def _step(self, days: int) -> None:
        self.set_day(self.day() + timedelta(days=days))

    def _refresh_limits(self) -> None:
        # The app may stay open past midnight: "today" moves on.
        self.date_edit.setMaximumDate(to_qdate(today()))

    def _update_buttons(self) -> None:
        self.previous_button.setEnabled(self.day() > EARLIEST_DATE)
        self.next_button.setEnabled(self.day() < today())
        self.today_button.setEnabled(self.day() != today())

    def _on_date_changed(self) -> None:
        self._update_buttons()
        self.day_changed.emit(self.day())
