"""The dark theme's style: Fusion, with field borders and check boxes that can be seen.

Fusion draws frames and indicator edges in the window colour darkened by 40 %, which on a
dark window is nearly black on nearly black (about 1.2:1). This proxy draws them again in
``EDGE``, a grey with at least 3:1 contrast against the window and the field colours (the WCAG
level for the parts of a control; ``tests/ui/test_theme_contrast.py`` checks it).
"""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QProxyStyle,
    QStyle,
    QStyleFactory,
    QStyleOption,
    QStyleOptionComplex,
    QWidget,
)

EDGE = "#8c9197"

_OUTLINED = {
    QStyle.PrimitiveElement.PE_FrameLineEdit,
    QStyle.PrimitiveElement.PE_IndicatorCheckBox,
    QStyle.PrimitiveElement.PE_IndicatorRadioButton,
}
_OUTLINED_CONTROLS = {QStyle.ComplexControl.CC_SpinBox, QStyle.ComplexControl.CC_ComboBox}


class DarkFusionStyle(QProxyStyle):
    def __init__(self) -> None:
        super().__init__(QStyleFactory.create("Fusion"))

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawPrimitive(element, option, painter, widget)
        if element in _OUTLINED:
            round_mark = element == QStyle.PrimitiveElement.PE_IndicatorRadioButton
            _outline(painter, QRectF(option.rect), round_mark)

    def drawComplexControl(
        self,
        control: QStyle.ComplexControl,
        option: QStyleOptionComplex,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawComplexControl(control, option, painter, widget)
        if control in _OUTLINED_CONTROLS and getattr(option, "frame", True):
            _outline(painter, QRectF(option.rect), False)


def _outline(painter: QPainter, rect: QRectF, round_mark: bool) -> None:
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor(EDGE), 1.0))
    painter.setBrush(QColor(0, 0, 0, 0))
    inner = rect.adjusted(0.5, 0.5, -0.5, -0.5)
    if round_mark:
        painter.drawEllipse(inner)
    else:
        painter.drawRoundedRect(inner, 2.0, 2.0)
    painter.restore()
