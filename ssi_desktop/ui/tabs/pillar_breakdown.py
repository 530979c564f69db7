"""Where a pillar's points come from today: one bar per part (term) of the model.

The numbers are the scoring model's own (``ScoreTable.term_points``); a part's bar is full when
that part gives all it can, which is its share of the pillar's 25 points.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from ...core.catalogue import PILLAR_MAX
from ...core.validation import today
from ..formatting import pillar_points
from ..store_model import StoreModel
from ..widgets import MutedLabel, PillarBar, tabular_font


class PillarBreakdown(QGroupBox):
    def __init__(self, model: StoreModel, pillar: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Where today's points come from"), parent)
        self.model = model
        self.pillar = pillar
        layout = QVBoxLayout(self)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(10)
        self.grid.setVerticalSpacing(6)
        self.grid.setColumnStretch(1, 1)
        layout.addLayout(self.grid)
        layout.addWidget(
            MutedLabel(
                self.tr(
                    "A bar is full when that part gives all it can. Help ▸ How the score is "
                    "estimated explains each part."
                ),
                self,
            )
        )
        self._names: tuple[str, ...] = ()
        self.rows: dict[str, tuple[QLabel, PillarBar, QLabel]] = {}

    def refresh(self) -> None:
        table = self.model.scores()
        params = table.params
        terms = params.pillar_terms(self.pillar)
        if tuple(t.name for t in terms) != self._names:
            self._build_rows([(t.name, t.label) for t in terms])
        index = table.index(today())
        columns = {t.name: i for i, t in enumerate(params.terms)}
        for term in terms:
            points = (
                float(table.term_points[index, columns[term.name]]) if index < table.days else 0.0
            )
            most = PILLAR_MAX * params.share(term)
            label, bar, value = self.rows[term.name]
            bar.setRange(0, max(1, round(most * 100)))
            bar.setValue(round(points * 100))
            text = self.tr("{points} / {most}").format(
                points=pillar_points(points), most=pillar_points(most)
            )
            if value.text() == text:
                continue  # a save usually moves one or two terms: relayout only those
            value.setText(text)
            bar.setAccessibleName(
                self.tr("{label}: {points} of {most} points").format(
                    label=label.text(), points=pillar_points(points), most=pillar_points(most)
                )
            )

    def _build_rows(self, terms: list[tuple[str, str]]) -> None:
        for widgets in self.rows.values():
            for widget in widgets:
                widget.deleteLater()
        self.rows = {}
        for row, (name, text) in enumerate(terms):
            label = QLabel(self.tr(text), self)
            bar = PillarBar(self.pillar, self)
            bar.setMinimumWidth(60)
            value = QLabel(self)
            value.setFont(tabular_font(self.font()))
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.grid.addWidget(label, row, 0)
            self.grid.addWidget(bar, row, 1, Qt.AlignmentFlag.AlignVCenter)
            self.grid.addWidget(value, row, 2)
            self.rows[name] = (label, bar, value)
        self._names = tuple(name for name, _text in terms)
