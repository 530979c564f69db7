"""Small widgets every view shares: the day picker, muted and error lines, cards, fonts."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, QEvent, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QIcon,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import (
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from ..core.validation import EARLIEST_DATE, today
from .palette import is_dark, muted_text_color, pillar_color

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


class _TintedLabel(QLabel):
    """A label whose text colour depends on the theme.

    Only the text role is set on the label's palette, so the rest still follows the window's,
    and Qt keeps sending palette changes here when the theme changes.
    """

    def _tint(self) -> QColor:
        raise NotImplementedError

    def _apply_tint(self) -> None:
        colour = self._tint()
        if self.palette().color(QPalette.ColorRole.WindowText) != colour:
            palette = QPalette()
            palette.setColor(QPalette.ColorRole.WindowText, colour)
            self.setPalette(palette)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._apply_tint()


class MutedLabel(_TintedLabel):
    """Secondary text (help lines, captions) in the theme's muted colour, wrapped."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)
        self._apply_tint()

    def _tint(self) -> QColor:
        return muted_text_color(is_dark())


class ErrorLabel(_TintedLabel):
    """The message under an invalid field; hidden while there is nothing to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setAccessibleName(self.tr("Error"))
        self.hide()
        self._apply_tint()

    def _tint(self) -> QColor:
        return QColor(error_colour())

    def show_error(self, text: str) -> None:
        self._apply_tint()
        self.setText("⚠ " + text)
        self.setAccessibleDescription(text)
        self.show()

    def clear(self) -> None:
        super().clear()
        self.hide()


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
    """A rounded panel in the base colour, with an optional stripe in a series' colour.

    Painted from the current palette each time, so it follows theme changes by itself.
    """

    RADIUS = 8.0
    STRIPE = 4.0

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._accent: str | None = None

    def set_accent(self, series: str | None) -> None:
        """Name a series of ``palette.SERIES`` ("brand", …) to draw its stripe on top."""
        self._accent = series
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        path = QPainterPath()
        path.addRoundedRect(rect, self.RADIUS, self.RADIUS)
        painter.fillPath(path, self.palette().color(QPalette.ColorRole.Base))
        if self._accent is not None:
            painter.save()
            painter.setClipPath(path)
            painter.fillRect(
                QRectF(rect.left(), rect.top(), rect.width(), self.STRIPE),
                pillar_color(self._accent, is_dark()),
            )
            painter.restore()
        painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Mid), 1.0))
        painter.drawPath(path)
        painter.end()


class ColourDot(QWidget):
    """A series' colour mark (cards, headers), painted in the current theme's shade."""

    def __init__(self, series: str, size: int = 12, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.series = series
        self.setFixedSize(size, size)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(pillar_color(self.series, is_dark()))
        painter.drawEllipse(QRectF(self.rect()).adjusted(1, 1, -1, -1))
        painter.end()


class PillarBar(QProgressBar):
    """Points out of the pillar's maximum as a slim bar in the pillar's colour."""

    def __init__(self, series: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.series = series
        self.setTextVisible(False)
        self.setFixedHeight(8)

    def setValue(self, value: int) -> None:
        """Schedule a paint rather than paint now, as QProgressBar does on every change.

        (QProgressBar compares against the value its own paintEvent last drew, which this
        class replaces, so it would repaint synchronously each time: ~7 ms per save.)
        """
        if value == self.value():
            return
        self.setUpdatesEnabled(False)
        try:
            super().setValue(value)
        finally:
            self.setUpdatesEnabled(True)  # re-enabling schedules one update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        rect = QRectF(self.rect())
        radius = rect.height() / 2
        painter.setBrush(self.palette().color(QPalette.ColorRole.Midlight))
        painter.drawRoundedRect(rect, radius, radius)
        span = max(1, self.maximum() - self.minimum())
        filled = rect.width() * (self.value() - self.minimum()) / span
        if filled > 0:
            painter.setBrush(pillar_color(self.series, is_dark()))
            painter.drawRoundedRect(
                QRectF(rect.left(), rect.top(), max(filled, rect.height()), rect.height()),
                radius,
                radius,
            )
        painter.end()


class OneStopDateEdit(QDateEdit):
    """A date edit that Tab leaves at once, instead of walking its day, month and year."""

    def focusNextPrevChild(self, next: bool) -> bool:
        return QWidget.focusNextPrevChild(self, next)


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
        self.date_edit = OneStopDateEdit(self)
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
        # The date is one Tab stop: the buttons have Alt+Left/Right and the mouse, and the date
        # edit's own arrows and typing reach every day.
        for button in (self.previous_button, self.next_button, self.today_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
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
