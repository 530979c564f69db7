"""The History tab: the full chart, with its own range buttons, legend and exports."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from ..store_model import StoreModel


class HistoryTab(QWidget):
    def __init__(self, model: StoreModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from ..charts import HistoryChart

        self.chart = HistoryChart(model, self)
        QVBoxLayout(self).addWidget(self.chart)

    def set_range_days(self, days: int | None) -> None:
        self.chart.set_range_days(days)
