"""The Readings tab: official readings beside the estimate of the same day, and dated notes."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...core.anchor import prediction
from ...core.catalogue import PILLARS
from ...core.records import Reading
from ..formatting import PILLAR_NAMES, estimate_gap, pillar_points, total_points
from ..forms.reading_form import ReadingForm, delete_reading
from ..palette import is_dark, pillar_color
from ..record_tab import Index as _Index
from ..record_tab import NewestFirstModel, RecordTab
from ..store_model import StoreModel
from ..widgets import colour_dot
from .notes_panel import NotesPanel


class ReadingsTableModel(NewestFirstModel[tuple[Reading, float]]):
    """Newest first: the official figures, the estimate predicted for that day before the
    reading anchored it (``anchor.prediction``) and the difference."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = [
            self.tr("Date"),
            self.tr("Total"),
            *(self.tr(PILLAR_NAMES[p]) for p in PILLARS),
            self.tr("Predicted"),
            self.tr("Predicted −\nofficial"),
            self.tr("Industry\ntop %"),
            self.tr("Network\ntop %"),
        ]

    def reading(self, row: int) -> Reading:
        return self._rows[row][0]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._headers[section].replace("\n", " ")
        if role == Qt.ItemDataRole.DecorationRole and 2 <= section < 2 + len(PILLARS):
            return colour_dot(pillar_color(PILLARS[section - 2], is_dark()))
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        reading, estimate = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return reading.day.strftime("%a %Y-%m-%d")
            if column == 1:
                return f"{reading.total:g}"
            if column < 6:
                return pillar_points(reading.pillar(PILLARS[column - 2]))
            if column == 6:
                return total_points(estimate)
            if column == 7:
                return estimate_gap(estimate, reading.total)
            rank = reading.industry_rank if column == 8 else reading.network_rank
            return "" if rank is None else f"{rank:g}"
        if role == Qt.ItemDataRole.FontRole:
            return self._font
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == 6:
            return self.tr(
                "The estimate for that day before this reading was known: the model with the "
                "previous reading's anchor"
            )
        if role == Qt.ItemDataRole.ToolTipRole and column == 7:
            return self.tr(
                "SSI Desktop's prediction minus LinkedIn's figure: + when the prediction was "
                "above it"
            )
        return None


class ReadingsTab(RecordTab):
    form: ReadingForm

    def __init__(self, model: StoreModel, parent: QWidget | None = None) -> None:
        super().__init__(model, parent)
        self.form = ReadingForm(model, self)
        self.notes = NotesPanel(model, self)
        self.table_model = ReadingsTableModel(self)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setChildrenCollapsible(False)
        form_box = QGroupBox(self.tr("Official reading"), self)
        QVBoxLayout(form_box).addWidget(self.form)
        scroll = QScrollArea(self)
        scroll.setWidget(form_box)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(form_box.sizeHint().width() + 24)
        splitter.addWidget(scroll)

        right = QSplitter(Qt.Orientation.Vertical, self)
        right.setChildrenCollapsible(False)
        table_box = self._table_box(
            self.tr("Past readings"),
            self.table_model,
            self.tr(
                "No official readings yet. LinkedIn shows your SSI at linkedin.com/sales/ssi; copy "
                "it into the form now and then, and SSI Desktop compares it with its estimate."
            ),
            (
                self.tr("Load the selected reading into the form (Enter)"),
                self.tr("Delete the selected reading (Del); Undo brings it back"),
            ),
            right,
        )
        right.addWidget(table_box)
        notes_box = QGroupBox(self.tr("Notes"), right)
        QVBoxLayout(notes_box).addWidget(self.notes)
        right.addWidget(notes_box)
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 2)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        self.splitter = splitter
        QVBoxLayout(self).addWidget(splitter)

        self._connect_table()
        self.refresh()

    def refresh(self) -> None:
        table = self.model.scores()
        self.table_model.set_rows(
            # The prediction: the estimate before the reading anchored it (never a bare 0).
            [(r, prediction(table, r.day).total) for r in self.model.store.readings()]
        )
        has_rows = self.table_model.rowCount() > 0
        self.table.setVisible(has_rows)
        self.empty_hint.setVisible(not has_rows)
        self._update_buttons()

    def _edit_row(self, row: int) -> None:
        self.form.show_day(self.table_model.reading(row).day)
        self.form.pillars[PILLARS[0]].setFocus()

    def delete_selected(self) -> bool:
        row = self.selected_row()
        if row is None:
            return False
        return delete_reading(self.model, self.table_model.reading(row))
