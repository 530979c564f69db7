"""The exported PNG: the chart as on screen, under a title and a legend, so it reads alone."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QGuiApplication, QImage, QPainter, QPixmap

from ..palette import is_dark, muted_text_color


def titled_picture(chart: QPixmap, title: str, legend: list[tuple[str, QColor]]) -> QImage:
    """``chart`` below ``title`` and one legend row (name, colour), on the window's base."""
    palette = QGuiApplication.palette()
    base = palette.base().color()
    text = palette.text().color()
    muted = muted_text_color(is_dark(palette))
    ratio = chart.devicePixelRatio()
    width = int(chart.width() / ratio)
    title_font = QFont(QGuiApplication.font())
    title_font.setPointSizeF(title_font.pointSizeF() * 1.3)
    title_font.setWeight(QFont.Weight.DemiBold)
    body = QFont(QGuiApplication.font())
    title_h = QFontMetrics(title_font).height()
    row_h = QFontMetrics(body).height()
    head = 12 + title_h + 6 + row_h + 8
    image = QImage(
        int(width * ratio), int((chart.height() / ratio + head) * ratio), QImage.Format.Format_RGB32
    )
    image.setDevicePixelRatio(ratio)
    image.fill(base)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(text)
    painter.setFont(title_font)
    painter.drawText(QRectF(12, 12, width - 24, title_h), Qt.AlignmentFlag.AlignLeft, title)
    painter.setFont(body)
    metrics = QFontMetrics(body)
    x = 12.0
    y = 12 + title_h + 6
    extras = [
        (QCoreApplication.translate("Picture", "● official reading"), muted),
        (QCoreApplication.translate("Picture", "┄ goal"), muted),
    ]
    for name, colour in [*legend, *extras]:
        if (name, colour) in legend:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawRoundedRect(QRectF(x, y + row_h / 2 - 5, 10, 10), 2, 2)
            x += 14
        painter.setPen(text if (name, colour) in legend else muted)
        painter.drawText(QPointF(x, y + metrics.ascent()), name)
        x += metrics.horizontalAdvance(name) + 16
    painter.drawPixmap(QPointF(0, head), chart)
    painter.end()
    return image
