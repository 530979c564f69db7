"""Edit ▸ Settings…: the member's yes/no settings (spec §4 ``settings``), from the catalogue.

These live in the store (they change what the estimate assumes), unlike the window's own
preferences in ``ui.settings``. Saving goes through the store model, so Edit ▸ Undo puts the
earlier settings back.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from ..core.catalogue import SETTINGS
from ..core.changes import SetSettings
from ..core.records import Settings
from .store_model import StoreModel
from .widgets import ErrorLabel, MutedLabel


class MemberSettingsDialog(QDialog):
    def __init__(self, model: StoreModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.setWindowTitle(self.tr("Settings"))
        layout = QVBoxLayout(self)
        current = model.store.settings().as_dict()
        self.boxes: dict[str, QCheckBox] = {}
        for setting in SETTINGS:
            box = QCheckBox(self.tr(setting.label), self)
            box.setChecked(current[setting.key])
            box.setAccessibleName(self.tr(setting.label))
            box.setAccessibleDescription(self.tr(setting.help))
            box.setToolTip(self.tr(setting.help))
            default = self.tr("yes") if setting.default else self.tr("no")
            text = self.tr("{help} Default: {default}.")
            help_line = MutedLabel(text.format(help=self.tr(setting.help), default=default), self)
            # Under the box's text, not under its tick mark.
            indicator = box.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth, None, box)
            help_line.setIndent(indicator + 8)
            layout.addWidget(box)
            layout.addWidget(help_line)
            layout.addSpacing(8)
            self.boxes[setting.key] = box
        layout.addStretch(1)  # spare height below the settings, not between them
        self.error = ErrorLabel(self)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
        model.save_failed.connect(self.error.show_error)

    def save(self) -> None:
        before = self.model.store.settings()
        after = Settings.create({key: box.isChecked() for key, box in self.boxes.items()}, before)
        if after != before and not self.model.push(self.tr("Change settings"), SetSettings(after)):
            return  # save_failed put the reason in the dialog; the ticks stay
        self.accept()
