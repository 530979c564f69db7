"""The History chart's crosshair: a line on the day under the pointer and a label of its values."""

from __future__ import annotations

from datetime import date
from html import escape

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QDate, QLocale, QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel

from ..palette import jump_color, muted_text_color, note_color, pillar_color
from .data import ChartData


def _tr(text: str) -> str:
    return QCoreApplication.translate("Crosshair", text)


def crosshair_content(
    data: ChartData, day: date, shown: list[tuple[str, str]], dark: bool
) -> tuple[str, str]:
    """(html, plain) for ``day``: the estimate of each shown (series, label), the official
    reading if there is one that day, and the day's notes and jumps."""
    title = QLocale().toString(QDate(day.year, day.month, day.day), "ddd d MMM yyyy")
    reading = data.reading_on(day)
    html = [f"<b>{escape(title)}</b>", "<table cellspacing='0' cellpadding='1'>"]
    plain = [title]
    if shown:
        official = _tr("official") if reading else ""
        html.append(
            f"<tr><td></td><td></td><td align='right'>{escape(_tr('estimate'))}"
            f"</td><td align='right'>&nbsp;{escape(official)}</td></tr>"
        )
    for name, label in shown:
        digits = 1 if name == "total" else 2
        value = data.value_on(name, day)
        estimate = "–" if value is None else f"{value:.{digits}f}"
        line = f"{label} {estimate}"
        official = ""
        if reading is not None:
            official = (
                f"{reading.pillar(name):.{digits}f}" if name != "total" else f"{reading.total:.1f}"
            )
            line += " · " + _tr("official {value}").format(value=official)
        plain.append(line)
        colour = pillar_color(name, dark).name()
        html.append(
            f"<tr><td><span style='color:{colour}'>■</span></td>"
            f"<td>{escape(label)}&nbsp;&nbsp;</td><td align='right'>{estimate}</td>"
            f"<td align='right'>&nbsp;{official}</td></tr>"
        )
    html.append("</table>")
    for text in data.notes_on(day):
        plain.append(_tr("Note: {text}").format(text=text))
        html.append(f"<div style='color:{note_color(dark).name()}'>{escape(plain[-1])}</div>")
    for text in data.jumps_on(day):
        plain.append(text)
        html.append(f"<div style='color:{jump_color(dark).name()}'>{escape(text)}</div>")
    return "".join(html), "\n".join(plain)


class Crosshair:
    """A vertical line through every plot and a label beside the pointer."""

    def __init__(self, view: pg.GraphicsLayoutWidget, plots: tuple[pg.PlotItem, ...]) -> None:
        self._view = view
        self.lines = [pg.InfiniteLine(angle=90) for _ in plots]
        for plot, line in zip(plots, self.lines, strict=True):
            line.setVisible(False)
            line.setZValue(20)
            plot.addItem(line, ignoreBounds=True)
        self.tip = QLabel(view)
        self.tip.setTextFormat(Qt.TextFormat.RichText)
        self.tip.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.tip.hide()
        self.plain = ""

    def text(self) -> str:
        return self.plain if self.tip.isVisible() else ""

    def show(self, x: float, at: QPoint, html: str, plain: str) -> None:
        for line in self.lines:
            line.setPos(x)
            line.setVisible(True)
        self.plain = plain
        tip = self.tip
        tip.setText(html)
        tip.adjustSize()
        gap = 16
        left = at.x() + gap
        if left + tip.width() > self._view.width():
            left = at.x() - gap - tip.width()
        top = min(max(0, at.y() - tip.height() // 2), self._view.height() - tip.height())
        tip.move(max(0, left), max(0, top))
        tip.show()
        tip.raise_()

    def hide(self) -> None:
        for line in self.lines:
            line.setVisible(False)
        self.tip.hide()

    def recolour(self, dark: bool, base: QColor, text: QColor) -> None:
        muted = muted_text_color(dark)
        for line in self.lines:
            line.setPen(pg.mkPen(muted, width=1, style=Qt.PenStyle.DashLine))
        self.tip.setStyleSheet(
            f"QLabel {{ background: {base.name()}; color: {text.name()};"
            f" border: 1px solid {muted.name()}; border-radius: 4px; padding: 6px; }}"
        )
