"""The History chart's dated markers (notes, recalibration jumps) and its legend swatches."""

from __future__ import annotations

from datetime import date
from typing import Protocol

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from ..palette import jump_color, note_color
from .data import day_x

LABEL_CHARS = 32


class MarkerHost(Protocol):
    plots: tuple[pg.PlotItem, pg.PlotItem]


class Marker:
    """A dated vertical line through both plots, labelled in the top one."""

    def __init__(
        self, chart: MarkerHost, day: date, text: str, kind: str, caption: str | None = None
    ) -> None:
        self.day = day
        self.text = text
        self.kind = kind
        self.x = day_x(day)
        self.lines = [pg.InfiniteLine(pos=self.x, angle=90) for _ in chart.plots]
        for plot, line in zip(chart.plots, self.lines, strict=True):
            plot.addItem(line, ignoreBounds=True)
        caption = text if caption is None else caption
        short = caption if len(caption) <= LABEL_CHARS else caption[: LABEL_CHARS - 1] + "…"
        # Rotated, reading upwards from the foot of the total plot: neighbouring notes do not
        # collide, and the goal (usually high) and the total (usually mid) stay clear of them.
        # The label sits on a half-opaque patch of the background so lines do not run through
        # its letters.
        self.label = pg.TextItem(short, anchor=(0.0, 0.0), angle=90)
        self.label.setZValue(15)
        chart.plots[0].addItem(self.label, ignoreBounds=True)

    def place(self, foot: float) -> None:
        """Put the label at ``foot``, the bottom of the total plot's view."""
        self.label.setPos(self.x, foot)

    def recolour(self, dark: bool, font_size: float, background: QColor) -> None:
        colour = note_color(dark) if self.kind == "note" else jump_color(dark)
        # Solid, half-opaque lines: dotted ones through a 600-pixel chart cost 15 ms a frame
        # at ten years' zoom. Notes and jumps differ by colour and by their label.
        line_colour = QColor(colour)
        line_colour.setAlphaF(0.6)
        for line in self.lines:
            line.setPen(pg.mkPen(line_colour, width=1))
        self.label.setColor(colour)
        patch = QColor(background)
        patch.setAlphaF(0.8)
        self.label.fill = pg.mkBrush(patch)
        font = self.label.textItem.font()
        font.setPointSizeF(font_size)
        self.label.setFont(font)

    def remove(self, chart: MarkerHost) -> None:
        for plot, line in zip(chart.plots, self.lines, strict=True):
            plot.removeItem(line)
        chart.plots[0].removeItem(self.label)


def swatch(colour: QColor, edge: QColor, filled: bool = True) -> QIcon:
    """A legend swatch; a hidden series keeps its colour as an outline (not colour alone)."""
    pixmap = QPixmap(14, 14)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(pg.mkPen(edge if filled else colour, width=1 if filled else 2))
    painter.setBrush(colour if filled else Qt.GlobalColor.transparent)
    painter.drawRoundedRect(1, 1, 12, 12, 3, 3)
    painter.end()
    return QIcon(pixmap)
