"""The row above the History chart: ranges, Full scale, the legend toggles and the exports.

It only builds and holds the buttons; the chart connects them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QToolButton, QWidget

from ...core.catalogue import PILLARS
from ..chart_ranges import RANGES
from ..formatting import PILLAR_NAMES
from ..palette import SERIES


class HistoryToolbar(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        bar = QHBoxLayout(self)
        bar.setContentsMargins(0, 0, 0, 0)
        bar.setSpacing(4)
        self.range_group = QButtonGroup(self)
        self.range_buttons: dict[int | None, QToolButton] = {}
        for chart_range in RANGES:
            button = self._button(chart_range.button_text(), chart_range.tip_text(), True)
            self.range_group.addButton(button)
            self.range_buttons[chart_range.days] = button
            bar.addWidget(button)
        self.scale_button = self._button(
            self.tr("Full scale"),
            self.tr("Show the full 0–100 and 0–25 scales instead of fitting them to the data"),
            True,
        )
        bar.addSpacing(8)
        bar.addWidget(self.scale_button)
        bar.addStretch(1)

        names = {"total": self.tr("Total"), **{p: self.tr(PILLAR_NAMES[p]) for p in PILLARS}}
        self.toggles: dict[str, QToolButton] = {}
        for name in SERIES:
            toggle = self._button(
                names[name],
                self.tr("Show or hide {series} (line, official readings and goal)").format(
                    series=names[name]
                ),
                True,
            )
            toggle.setChecked(True)
            toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            self.toggles[name] = toggle
            bar.addWidget(toggle)
        bar.addStretch(1)
        self.png_button = self._button(
            self.tr("Export PNG…"), self.tr("Save the chart with its title and key as a PNG image")
        )
        self.csv_button = self._button(
            self.tr("Export CSV…"),
            self.tr("Save the days in view (estimate and official readings) as a CSV file"),
        )
        bar.addWidget(self.png_button)
        bar.addWidget(self.csv_button)

    def _button(self, text: str, tip: str, checkable: bool = False) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setCheckable(checkable)
        return button
