"""The form for an official reading: what LinkedIn's SSI page showed on a day."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.catalogue import PILLAR_LABELS, PILLARS
from ...core.changes import DeleteReading, PutReading
from ...core.records import Reading
from ...core.validation import ValidationError
from ..formatting import PILLAR_NAMES, pillar_points
from ..number_field import NumberField
from ..store_model import StoreModel
from ..widgets import ColourDot, DayPicker, MutedLabel, tabular_font
from .form_base import FormBase, FormChange
from .reading_paste import PagePaste

#: The optional fields: (key, label, help). Empty means LinkedIn did not show it.
_OPTIONAL = (
    ("industry_rank", "Industry rank (top %)", "The “Top x %” figure for your industry."),
    ("network_rank", "Network rank (top %)", "The “Top x %” figure among your network."),
    ("industry_avg", "Industry average SSI", "The average SSI of people in your industry."),
    ("network_avg", "Network average SSI", "The average SSI of your network."),
)


class ReadingForm(FormBase):
    def __init__(self, model: StoreModel, parent: QWidget | None = None) -> None:
        super().__init__(model, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.day_picker = DayPicker(self)
        layout.addWidget(self.day_picker)
        self.status = MutedLabel("", self)
        layout.addWidget(self.status)
        # The quickest way in: a copied page fills every field (reading_paste.py).
        self.paste_button = QPushButton(self.tr("Paste from LinkedIn"), self)
        self.paste_button.setToolTip(
            self.tr(
                "Fill the form from LinkedIn's SSI page: select all on the page, copy, then "
                "click here or press Ctrl+V in the form. Check, then save."
            )
        )
        paste_row = QHBoxLayout()
        paste_row.addWidget(self.paste_button)
        paste_row.addStretch(1)
        layout.addLayout(paste_row)

        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(2)
        grid.setColumnStretch(0, 1)
        self.pillars: dict[str, NumberField] = {}
        row = 0
        for pillar in PILLARS:
            spin = NumberField(pillar, 2, self)
            name = self.tr(PILLAR_NAMES[pillar])
            spin.setAccessibleName(name)
            spin.setToolTip(
                self.tr("{label}, 0–25 as LinkedIn shows it").format(
                    label=self.tr(PILLAR_LABELS[pillar])
                )
            )
            spin.textEdited.connect(lambda _t, key=pillar: self._on_pillar_edited(key))
            self.pillars[pillar] = spin
            row = self._add_row(grid, row, pillar, name, spin)

        self.total = QLineEdit(self)
        self.total.setFont(tabular_font(self.total.font()))
        self.total.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.total.setAccessibleName(self.tr("Total"))
        self.total.setToolTip(
            self.tr(
                "The total LinkedIn shows; leave empty to use the sum of the pillars. It may "
                "differ from the sum by rounding, at most 0.5."
            )
        )
        self.total.textEdited.connect(lambda _t: self.edited("total"))
        row = self._add_row(grid, row, "total", self.tr("Total"), self.total)
        self.sum_hint = MutedLabel("", self)
        grid.addWidget(self.sum_hint, row, 0, 1, 2)
        row += 1

        self.optional: dict[str, QLineEdit] = {}
        for key, label, help_text in _OPTIONAL:
            edit = QLineEdit(self)
            edit.setFont(tabular_font(edit.font()))
            edit.setAlignment(Qt.AlignmentFlag.AlignRight)
            edit.setPlaceholderText(self.tr("optional"))
            edit.setAccessibleName(self.tr(label))
            edit.setToolTip(self.tr(help_text))
            edit.textEdited.connect(lambda _t, k=key: self.edited(k))
            self.optional[key] = edit
            row = self._add_row(grid, row, key, self.tr(label), edit)
        layout.addLayout(grid)
        layout.addWidget(self.form_error)

        buttons = QHBoxLayout()
        self.delete_button = QPushButton(self.tr("Delete reading"), self)
        self.delete_button.setToolTip(
            self.tr("Delete the reading of this day; Undo brings it back")
        )
        self.save_button = QPushButton(self.tr("Save reading"), self)
        self.save_button.setDefault(True)
        self.save_button.setToolTip(
            self.tr("Save this reading, replacing the day's earlier one (Ctrl+S)")
        )
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)
        layout.addStretch(1)

        self.save_button.clicked.connect(self.save)
        self.delete_button.clicked.connect(self.delete)
        self.page_paste = PagePaste(self)
        self.paste_button.clicked.connect(self.page_paste.paste)
        self.watch_day(self.day_picker)
        self.reload()

    def _add_row(self, grid: QGridLayout, row: int, key: str, label: str, widget: QWidget) -> int:
        caption = QLabel(label, self)
        caption.setBuddy(widget)
        if key in PILLARS:  # the pillar's colour mark, as on every card and chart
            line = QHBoxLayout()
            line.setSpacing(6)
            line.addWidget(ColourDot(key, 10, self))
            line.addWidget(caption, 1)
            grid.addLayout(line, row, 0)
        else:
            grid.addWidget(caption, row, 0)
        grid.addWidget(widget, row, 1)
        grid.addWidget(self.add_field(key, widget), row + 1, 0, 1, 2)
        return row + 2

    def _reading(self) -> Reading | None:
        return next((r for r in self.model.store.readings() if r.day == self.day()), None)

    def load(self) -> None:
        reading = self._reading()
        for pillar, spin in self.pillars.items():
            spin.setValue(reading.pillar(pillar) if reading else 0.0)
        self.total.setText(f"{reading.total:g}" if reading else "")
        for key, edit in self.optional.items():
            value = getattr(reading, key) if reading else None
            edit.setText("" if value is None else f"{value:g}")
        self.delete_button.setEnabled(reading is not None)
        self.status.setText(
            self.tr("Editing the reading of this day.")
            if reading
            else self.tr("Copy the figures from linkedin.com/sales/ssi.")
        )
        self._update_sum()

    def _on_pillar_edited(self, key: str) -> None:
        self.edited(key)
        self._update_sum()

    def _update_sum(self) -> None:
        try:
            total = sum(spin.value() for spin in self.pillars.values())
        except ValidationError:  # said when saving; until then the sum has nothing to add up
            self.sum_hint.setText("")
            return
        self.sum_hint.setText(self.tr("Sum of the pillars: {sum}").format(sum=pillar_points(total)))
        self.total.setPlaceholderText(pillar_points(total))

    def build_change(self) -> FormChange | None:
        day = self.day()
        reading = Reading.create(
            day,
            **{p: spin.text_value() for p, spin in self.pillars.items()},
            total=self.total.text(),
            **{key: edit.text() for key, edit in self.optional.items()},
        )
        previous = self._reading()
        if reading == previous:
            return None
        label = self.tr("Save reading of {date}").format(date=day.isoformat())
        return label, PutReading(reading)

    def delete(self) -> bool:
        reading = self._reading()
        if reading is None:
            return False
        return delete_reading(self.model, reading)


def delete_reading(model: StoreModel, reading: Reading) -> bool:
    label = model.tr("Delete reading of {date}").format(date=reading.day.isoformat())
    return model.push(label, DeleteReading(reading.day))
