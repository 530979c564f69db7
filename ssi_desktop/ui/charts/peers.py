"""The History chart's peers: LinkedIn's industry and network figures beside the member's own.

The averages (an SSI, 0–100) are drawn on the total's plot, dashed, so the member's line can
be read against them. The ranks ("Top 12 %") get a panel of their own under the pillars, its
axis upside down: a lower rank is better, and better is up on every plot of the chart. Each
of the four series has a toggle in a second legend row, shown only for the figures the
readings hold; the rank panel shows only while a rank series is on (off at first).
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from ...core.records import Reading
from ..palette import is_dark
from .common import GRID_ALPHA, background, date_axis, style_plot
from .data import day_x

#: The reading fields drawn, averages first.
PEER_SERIES = ("industry_avg", "network_avg", "industry_rank", "network_rank")
RANKS = ("industry_rank", "network_rank")
# (light background, dark background): two quiet hues no pillar uses, 3:1 or more on both.
_SHADES = {"industry": ("#7a5f1e", "#d4b872"), "network": ("#4a5a85", "#a9b8e0")}
_SYMBOLS = {"industry": "d", "network": "t"}
_RANK_TICKS = (10, 50, 90)
_ANY_HEIGHT = 16_777_215  # Qt's QWIDGETSIZE_MAX


def _group(name: str) -> str:
    return name.split("_")[0]


def peer_color(name: str, dark: bool) -> QColor:
    return QColor(_SHADES[_group(name)][1 if dark else 0])


class PeerOverlay(QObject):
    """The four peer series, their legend row and the rank panel of a History chart."""

    def __init__(
        self,
        chart: QWidget,
        view: pg.GraphicsLayoutWidget,
        total_plot: pg.PlotItem,
        pillar_plot: pg.PlotItem,
        axis_width: int,
    ) -> None:
        super().__init__(chart)
        self._chart = chart
        self._view = view
        self._pillar_plot = pillar_plot
        # The ranks take a panel of their own: shown when asked for, so the estimate keeps
        # its height on small windows.
        self._hidden: set[str] = set(RANKS)
        self._present: set[str] = set()
        self.rank_plot = view.addPlot(
            row=2, col=0, axisItems={"bottom": date_axis()}, enableMenu=False
        )
        self.rank_plot.setXLink(total_plot)
        self.rank_plot.hideButtons()
        self.rank_plot.setMouseEnabled(x=False, y=False)
        self.rank_plot.invertY(True)  # top 1 % at the top: better is up, as on the plots above
        self.rank_plot.setYRange(0, 100, padding=0.03)
        # Ticks clear of the edges: a "0" at the top would touch the pillar plot's "0" above.
        self.rank_plot.getAxis("left").setTicks([[(v, f"{v} %") for v in _RANK_TICKS]])
        self.rank_plot.getAxis("left").setWidth(axis_width)
        self.rank_plot.setLabel("left", chart.tr("Rank, top %"))
        self.items: dict[str, pg.PlotDataItem] = {}
        for name in PEER_SERIES:
            plot = self.rank_plot if name in RANKS else total_plot
            item = plot.plot([], [], symbol=_SYMBOLS[_group(name)], symbolSize=7, antialias=True)
            item.setZValue(5)
            self.items[name] = item

        self.legend = QWidget(chart)
        row = QHBoxLayout(self.legend)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        caption = QLabel(chart.tr("LinkedIn's figures:"), self.legend)
        row.addWidget(caption)
        labels = {
            "industry_avg": chart.tr("Industry average"),
            "network_avg": chart.tr("Network average"),
            "industry_rank": chart.tr("Industry rank"),
            "network_rank": chart.tr("Network rank"),
        }
        self.toggles: dict[str, QToolButton] = {}
        for name in PEER_SERIES:
            toggle = QToolButton(self.legend)
            toggle.setText(labels[name])
            toggle.setCheckable(True)
            toggle.setChecked(name not in self._hidden)
            toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            toggle.setToolTip(
                chart.tr("Show or hide the {series} from your official readings").format(
                    series=labels[name].lower()
                )
            )
            toggle.toggled.connect(lambda on, n=name: self.set_visible(n, on))
            self.toggles[name] = toggle
            row.addWidget(toggle)
        row.addStretch(1)

    def plot(self, readings: Iterable[Reading]) -> None:
        """Draw each figure at the days the readings give it."""
        readings = tuple(readings)
        self._present = set()
        for name, item in self.items.items():
            shown = [(day_x(r.day), v) for r in readings if (v := getattr(r, name)) is not None]
            x = np.array([p[0] for p in shown], dtype=np.float64)
            y = np.array([p[1] for p in shown], dtype=np.float64)
            item.setData(x, y)
            if shown:
                self._present.add(name)
            self.toggles[name].setVisible(bool(shown))
        self.legend.setVisible(bool(self._present))
        self._update_visibility()

    def set_visible(self, name: str, visible: bool) -> None:
        """Show or hide one peer series, like its legend toggle."""
        if visible:
            self._hidden.discard(name)
        else:
            self._hidden.add(name)
        if self.toggles[name].isChecked() != visible:
            self.toggles[name].setChecked(visible)
        self._update_visibility()
        self.recolour(is_dark(self._chart.palette()))

    def is_visible(self, name: str) -> bool:
        return name in self._present and name not in self._hidden

    def averages_between(self, x0: float, x1: float) -> list[np.ndarray]:
        """The visible averages' values between x0 and x1 (the total's fitted scale holds them)."""
        shown = []
        for name in ("industry_avg", "network_avg"):
            if self.is_visible(name):
                x, y = (np.asarray(a) for a in self.items[name].getData())
                shown.append(y[(x >= x0) & (x <= x1)])
        return shown

    def rank_panel_shown(self) -> bool:
        return bool(self.rank_plot.isVisible())

    def _update_visibility(self) -> None:
        for name, item in self.items.items():
            item.setVisible(self.is_visible(name))
        ranks = any(self.is_visible(name) for name in RANKS)
        self.rank_plot.setVisible(ranks)
        # A hidden item keeps its room in a graphics layout: fold the panel to no height.
        self.rank_plot.setMinimumHeight(0)
        self.rank_plot.setMaximumHeight(_ANY_HEIGHT if ranks else 0)
        self._view.ci.layout.setRowStretchFactor(2, 1 if ranks else 0)
        # One date axis, under the lowest plot shown.
        if ranks:
            self._pillar_plot.hideAxis("bottom")
        else:
            self._pillar_plot.showAxis("bottom")

    def recolour(self, dark: bool) -> None:
        palette = self._chart.palette()
        style_plot(self.rank_plot, palette, self._chart.font(), grid=False)
        # Three horizontal lines at the ticks, drawn by the left axis: its range never moves
        # (the big plots draw their own lines because their axis grid repainted on every pan).
        self.rank_plot.getAxis("left").setGrid(int(GRID_ALPHA * 255))
        bg = background(palette)
        for name, item in self.items.items():
            colour = peer_color(name, dark)
            style = Qt.PenStyle.SolidLine if name in RANKS else Qt.PenStyle.DashLine
            item.setPen(pg.mkPen(colour, width=1.4, style=style))
            item.setSymbolBrush(colour)
            item.setSymbolPen(pg.mkPen(bg, width=1))
            self.toggles[name].setIcon(_line_icon(colour, style, name not in self._hidden))


def _line_icon(colour: QColor, style: Qt.PenStyle, shown: bool) -> QIcon:
    """A short stroke in the series' colour and dash; hidden series are drawn faint."""
    pixmap = QPixmap(18, 14)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if not shown:
        colour = QColor(colour)
        colour.setAlphaF(0.3)
    painter.setPen(pg.mkPen(colour, width=2, style=style))
    painter.drawLine(1, 7, 17, 7)
    painter.end()
    return QIcon(pixmap)
