"""The "LinkedIn numbers" form: the totals LinkedIn shows, copied on a day (spec §2).

One field per catalogue total, generated from ``TOTALS``. An empty field means "not copied that
day"; its placeholder shows the total in force then (interpolated from the other snapshots),
so the member sees what the estimate assumes. Saving replaces the day's snapshot; emptying
every field and saving deletes it. Validation is the core's, as for ``ssi-desktop totals``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...core.catalogue import TOTALS
from ...core.changes import DeleteTotals, PutTotals
from ...core.records import TotalsSnapshot
from ...core.totals_rules import check_totals, total_on
from ...core.validation import ValidationError
from ..store_model import StoreModel
from ..widgets import DayPicker, MutedLabel, tabular_font
from .form_base import FormBase, FormChange


class TotalsForm(FormBase):
    def __init__(self, model: StoreModel, parent: QWidget | None = None) -> None:
        super().__init__(model, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.day_picker = DayPicker(self, shortcuts=False)
        self.day_picker.date_edit.setAccessibleName(self.tr("Date of the numbers"))
        self.day_picker.date_edit.setToolTip(self.tr("The day LinkedIn showed these numbers"))
        layout.addWidget(self.day_picker)
        self.status = MutedLabel("", self)
        layout.addWidget(self.status)

        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(2)
        grid.setColumnStretch(0, 1)
        self.edits: dict[str, QLineEdit] = {}
        row = 0
        for total in TOTALS:
            label = QLabel(self.tr(total.label), self)
            edit = QLineEdit(self)
            edit.setFont(tabular_font(edit.font()))
            edit.setAlignment(Qt.AlignmentFlag.AlignRight)
            edit.setMinimumWidth(110)
            edit.setAccessibleName(self.tr(total.label))
            edit.setAccessibleDescription(self.tr(total.help))
            edit.setToolTip(self.tr(total.help))
            label.setBuddy(edit)
            edit.textEdited.connect(lambda _t, key=total.key: self.edited(key))
            grid.addWidget(label, row, 0)
            grid.addWidget(edit, row, 1)
            grid.addWidget(MutedLabel(self.tr(total.help), self), row + 1, 0, 1, 2)
            grid.addWidget(self.add_field(total.key, edit), row + 2, 0, 1, 2)
            grid.setRowMinimumHeight(row + 2, 6)
            self.edits[total.key] = edit
            row += 3
        layout.addLayout(grid)
        layout.addWidget(self.form_error)

        self.add_save_row(
            layout,
            self.tr("Save numbers"),
            self.tr("Save these numbers for the day, replacing the day's earlier ones (Ctrl+S)"),
        )
        layout.addStretch(1)
        self.watch_day(self.day_picker)
        self.reload()

    def _snapshot(self) -> TotalsSnapshot | None:
        return next((s for s in self.model.store.totals() if s.day == self.day()), None)

    def load(self) -> None:
        snapshot = self._snapshot()
        others = tuple(s for s in self.model.store.totals() if s.day != self.day())
        for key, edit in self.edits.items():
            value = snapshot.values.get(key) if snapshot else None
            edit.setText("" if value is None else str(value))
            in_force = total_on(others, key, self.day())
            edit.setPlaceholderText(
                self.tr("≈ {value}").format(value=f"{round(in_force):,}")
                if in_force is not None
                else self.tr("not copied")
            )
        self.status.setText(
            self.tr("Editing the numbers of this day. Empty every field and save to delete them.")
            if snapshot
            else self.tr(
                "Copy what LinkedIn shows today. Leave a field empty if you did not look it up: "
                "the grey figure is what the estimate assumes for that day."
            )
        )

    def typed(self) -> dict[str, str]:
        """The fields with something in them."""
        return {key: edit.text().strip() for key, edit in self.edits.items() if edit.text().strip()}

    def build_change(self) -> FormChange | None:
        day = self.day()
        previous = self._snapshot()
        typed = self.typed()
        if not typed:
            if previous is None:
                raise ValidationError(TOTALS[0].key, self.tr("type at least one number to save"))
            return delete_totals_change(self.model, previous)
        snapshot = TotalsSnapshot.create(day, typed)
        check_totals(snapshot, self.model.store.totals(), snapshot.values)
        if snapshot == previous:
            return None
        label = self.tr("Save LinkedIn numbers of {date}").format(date=day.isoformat())
        return label, PutTotals(snapshot)


def delete_totals_change(model: StoreModel, snapshot: TotalsSnapshot) -> FormChange:
    label = model.tr("Delete LinkedIn numbers of {date}").format(date=snapshot.day.isoformat())
    return label, DeleteTotals(snapshot.day)
