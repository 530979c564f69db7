"""The profile checklist: which parts of the LinkedIn profile are done, from a given day on."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.catalogue import PROFILE_ITEMS, PROFILE_KEYS
from ...core.changes import PutProfile
from ...core.records import ProfileSnapshot
from ..store_model import StoreModel
from ..widgets import DayPicker, MutedLabel
from .form_base import FormBase, FormChange


class ProfileForm(FormBase):
    def __init__(self, model: StoreModel, parent: QWidget | None = None) -> None:
        super().__init__(model, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.day_picker = DayPicker(self, shortcuts=False)
        self.day_picker.date_edit.setAccessibleName(self.tr("Checklist date"))
        self.day_picker.date_edit.setToolTip(self.tr("The checklist applies from this day on"))
        layout.addWidget(self.day_picker)
        self.status = MutedLabel("", self)
        layout.addWidget(self.status)

        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        self.boxes: dict[str, QCheckBox] = {}
        for i, item in enumerate(PROFILE_ITEMS):
            box = QCheckBox(self.tr(item.label), self)
            box.setToolTip(self.tr(item.help))
            box.setAccessibleName(self.tr(item.label))
            box.setAccessibleDescription(self.tr(item.help))
            box.toggled.connect(lambda _on: self._on_toggled())
            grid.addWidget(box, i // 2, i % 2)
            self.boxes[item.key] = box
        layout.addLayout(grid)
        layout.addWidget(self.form_error)

        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Save snapshot"), self)
        self.save_button.setToolTip(self.tr("Record the checklist as it stands from this day on"))
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)
        self.save_button.clicked.connect(self.save)
        self.watch_day(self.day_picker)
        self.reload()

    def items(self) -> dict[str, bool]:
        return {key: box.isChecked() for key, box in self.boxes.items()}

    def _in_effect(self) -> ProfileSnapshot | None:
        """The latest snapshot on or before the picked day: what the estimate uses that day."""
        current = None
        for snapshot in self.model.store.profiles():
            if snapshot.day <= self.day():
                current = snapshot
        return current

    def load(self) -> None:
        snapshot = self._in_effect()
        for key, box in self.boxes.items():
            box.setChecked(bool(snapshot and snapshot.items.get(key)))
        self._update_status(snapshot)

    def _on_toggled(self) -> None:
        self.edited()
        self._update_status(self._in_effect(), edited=True)

    def _update_status(self, snapshot: ProfileSnapshot | None, edited: bool = False) -> None:
        done = sum(self.items().values())
        progress = self.tr("{done} of {all} done").format(done=done, all=len(PROFILE_KEYS))
        if edited:
            origin = self.tr("not saved yet")
        elif snapshot is None:
            origin = self.tr("nothing recorded yet")
        else:
            origin = self.tr("as recorded on {date}").format(date=snapshot.day.isoformat())
        self.status.setText(f"{progress} · {origin}")

    def build_change(self) -> FormChange | None:
        day = self.day()
        snapshot = ProfileSnapshot.create(day, self.items())
        in_effect = self._in_effect()
        if in_effect is not None and dict(in_effect.items) == dict(snapshot.items):
            return None
        label = self.tr("Save profile checklist for {date}").format(date=day.isoformat())
        return label, PutProfile(snapshot)
