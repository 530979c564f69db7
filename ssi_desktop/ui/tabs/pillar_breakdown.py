"""Where a pillar's points come from today: one bar per part (term) of the model.

The numbers are the scoring model's own (``ScoreTable.term_points``); a part's bar is full when
that part gives all it can, which is its share of the pillar's 25 points. What the estimate
holds beyond the parts (the anchor to the last official reading, a calibration offset) has a
line of its own, signed, so the lines add up to the pillar the tab shows.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from ...core.anchor import anchor_day
from ...core.catalogue import PILLAR_MAX, PILLARS
from ...core.scoring import ScoreTable
from ...core.validation import today
from ..formatting import pillar_points, signed
from ..store_model import StoreModel
from ..widgets import MutedLabel, PillarBar, tabular_font
from .beyond_parts import anchor_tip, offset_label, offset_tip, reading_label


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
        # Beyond the parts: the anchor to the official reading and calibration's offset.
        self.beyond: dict[str, tuple[QLabel, QLabel]] = {}

    def refresh(self) -> None:
        table = self.model.scores()
        params = table.params
        terms = params.pillar_terms(self.pillar)
        if tuple(t.name for t in terms) != self._names:
            self._build_rows([(t.name, t.label) for t in terms])
        day = today()
        index = table.index(day)
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
        self._show_beyond(table, day, len(terms))

    def _show_beyond(self, table: ScoreTable, day: date, first_row: int) -> None:
        """The signed lines below the bars: what the estimate holds beyond its parts."""
        p = PILLARS.index(self.pillar)
        i = table.index(day)
        inside = 0 <= i < table.days
        held = float(table.pillars[i, p] - table.raw().pillars[i, p]) if inside else 0.0
        reading = anchor_day(table, day)
        offset = table.params.offset(self.pillar)
        lines = {
            "anchor": (reading_label(reading, day) if reading else "", held, anchor_tip()),
            "offset": (offset_label(), offset, offset_tip()),
        }
        for row, (key, (text, points, tip)) in enumerate(lines.items(), start=first_row):
            if key not in self.beyond:
                label = QLabel(self)
                value = QLabel(self)
                value.setFont(tabular_font(self.font()))
                value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.grid.addWidget(label, row, 0, 1, 2)
                self.grid.addWidget(value, row, 2)
                self.beyond[key] = (label, value)
            label, value = self.beyond[key]
            shown = bool(text) and round(points, 2) != 0
            label.setVisible(shown)
            value.setVisible(shown)
            label.setText(text)
            label.setToolTip(tip)
            value.setText(signed(points, 2))

    def _build_rows(self, terms: list[tuple[str, str]]) -> None:
        for widgets in [*self.rows.values(), *self.beyond.values()]:
            for widget in widgets:
                widget.deleteLater()
        self.rows = {}
        self.beyond = {}
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
