"""The day form of one pillar: a spin box per catalogue metric, loaded from the day's entry.

The rows come from ``metrics_for(pillar)``: adding a metric to the catalogue adds its row here.
Only the typed ("manual") entry is edited; counts imported from LinkedIn or a CSV live apart
and are summed by the estimate, so the form mentions them instead of mixing them in.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ...core.catalogue import SOURCE_LABELS, SOURCES, metrics_for
from ...core.changes import SetDay
from ...core.validation import today
from ..formatting import PILLAR_NAMES, on_this_day
from ..number_field import NumberField
from ..store_model import StoreModel
from ..widgets import DayPicker, MutedLabel
from .form_base import FormBase, FormChange


class ActivityForm(FormBase):
    def __init__(self, model: StoreModel, pillar: str, parent: QWidget | None = None) -> None:
        super().__init__(model, parent)
        self.pillar = pillar
        self.metrics = metrics_for(pillar)
        self.spins: dict[str, NumberField] = {}
        self._help_lines: dict[str, MutedLabel] = {}

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.day_picker = DayPicker(self)
        layout.addWidget(self.day_picker)
        self.imported_note = MutedLabel("", self)
        self.imported_note.hide()
        layout.addWidget(self.imported_note)

        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(2)
        grid.setColumnStretch(0, 1)
        row = 0
        for metric in self.metrics:
            label = QLabel(self.tr(metric.label), self)
            spin = NumberField(metric.key, 0, self)
            spin.setAccessibleName(self.tr(metric.label))
            spin.setAccessibleDescription(self.tr(metric.help))
            spin.setToolTip(
                self.tr("{help} A whole number from 0 to {most}.").format(
                    help=self.tr(metric.help), most=metric.max_per_day
                )
            )
            label.setBuddy(spin)
            help_line = MutedLabel(self.tr(metric.help), self)
            self._help_lines[metric.key] = help_line
            error = self.add_field(metric.key, spin)
            grid.addWidget(label, row, 0)
            grid.addWidget(spin, row, 1)
            grid.addWidget(help_line, row + 1, 0, 1, 2)
            grid.addWidget(error, row + 2, 0, 1, 2)
            grid.setRowMinimumHeight(row + 2, 6)
            spin.textEdited.connect(lambda _t, key=metric.key: self.edited(key))
            self.spins[metric.key] = spin
            row += 3
        layout.addLayout(grid)
        layout.addWidget(self.form_error)

        self.add_save_row(
            layout, self.tr("Save"), self.tr("Save these values for the day (Ctrl+S)")
        )
        layout.addStretch(1)
        self.watch_day(self.day_picker)
        self.reload()

    def values(self) -> dict[str, int]:
        """The typed counts; raises ValidationError naming the first field that is no number."""
        return {key: int(spin.value()) for key, spin in self.spins.items()}

    def load(self) -> None:
        entry = self.model.store.activity_on(self.day(), "manual")
        for key, spin in self.spins.items():
            spin.setValue(entry.total(key) if entry else 0)
        past = self.day() != today()
        for metric in self.metrics:  # "today" only when the form shows today
            text = self.tr(metric.help)
            self._help_lines[metric.key].setText(on_this_day(text) if past else text)
        self._show_imported()

    def _show_imported(self) -> None:
        parts = []
        for source in SOURCES[1:]:
            entry = self.model.store.activity_on(self.day(), source)
            if entry is None:
                continue
            n = sum(entry.total(m.key) for m in self.metrics)
            if n:
                parts.append(
                    self.tr("{n} from {source}").format(n=n, source=self.tr(SOURCE_LABELS[source]))
                )
        if parts:
            self.imported_note.setText(
                self.tr(
                    "Also recorded for this day: {parts}. The estimate adds them to the "
                    "values below."
                ).format(parts=", ".join(parts))
            )
        self.imported_note.setVisible(bool(parts))

    def build_change(self) -> FormChange | None:
        """The form sets its fields' counts of the day; other pillars' counts stay."""
        day = self.day()
        previous = self.model.store.activity_on(day, "manual")
        values = self.values()
        if all((previous.total(k) if previous else 0) == v for k, v in values.items()):
            return None
        label = self.tr("Save {pillar} for {date}").format(
            pillar=self.tr(PILLAR_NAMES[self.pillar]), date=day.isoformat()
        )
        return label, SetDay(day, values, "manual")
