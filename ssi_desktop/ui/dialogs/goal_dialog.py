"""The goal dialog: a target total, optional per-pillar targets and an optional date.

Validation is :meth:`Goal.create`'s, so the dialog and ``ssi-desktop goal`` refuse the same
things with the same words; the message appears under the field it names and what the user
typed stays. Saving goes through ``StoreModel.push``, so Edit ▸ Undo brings the old goal back.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.catalogue import PILLAR_LABELS, PILLARS
from ...core.changes import SetGoal
from ...core.records import Goal
from ...core.validation import ValidationError, today
from ..formatting import PILLAR_NAMES
from ..store_model import StoreModel
from ..widgets import ErrorLabel, MutedLabel, from_qdate, set_invalid, to_qdate


class GoalDialog(QDialog):
    def __init__(self, model: StoreModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self._previous = model.store.goal()
        self.setWindowTitle(self.tr("Goal"))
        layout = QVBoxLayout(self)
        layout.addWidget(
            MutedLabel(
                self.tr(
                    "Set the SSI you are aiming for. Pillar targets are optional; the "
                    "dashboard shows your progress and, carrying on as in the last four "
                    "weeks, when you will get there — or where that pace levels off."
                ),
                self,
            )
        )

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fields: dict[str, QLineEdit] = {}
        self.errors: dict[str, ErrorLabel] = {}
        self.total_edit = self._add_field(
            form, "total", self.tr("Target SSI (0–100)"), self.tr("e.g. 75")
        )
        for pillar in PILLARS:
            self._add_field(
                form,
                pillar,
                self.tr("{pillar} (0–25)").format(pillar=PILLAR_NAMES[pillar]),
                self.tr("optional"),
                tooltip=PILLAR_LABELS[pillar],
            )
        self.by_check = QCheckBox(self.tr("Reach it by"), self)
        self.by_edit = QDateEdit(self)
        self.by_edit.setCalendarPopup(True)
        self.by_edit.setDisplayFormat("yyyy-MM-dd")
        self.by_edit.setAccessibleName(self.tr("Target date"))
        self.by_edit.setDate(to_qdate(today() + timedelta(days=90)))
        self.by_edit.setEnabled(False)
        self.by_check.toggled.connect(self.by_edit.setEnabled)
        form.addRow(self.by_check, self.by_edit)
        self.errors["by"] = ErrorLabel(self)
        form.addRow("", self.errors["by"])
        layout.addLayout(form)
        self.general_error = ErrorLabel(self)
        layout.addWidget(self.general_error)

        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(
            self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setDefault(True)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.remove_button: QPushButton | None = None
        if self._previous is not None:
            self.remove_button = self.buttons.addButton(
                self.tr("Remove goal"), QDialogButtonBox.ButtonRole.DestructiveRole
            )
            self.remove_button.clicked.connect(self._remove)
        self.save_button.clicked.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        model.save_failed.connect(self._on_save_failed)
        self._load(self._previous)

    def _add_field(self, form: QFormLayout, key: str, label: str, placeholder: str,
                   tooltip: str = "") -> QLineEdit:  # fmt: skip
        edit = QLineEdit(self)
        edit.setPlaceholderText(placeholder)
        edit.setAccessibleName(label)
        edit.setToolTip(tooltip or label)
        edit.textEdited.connect(lambda _text, k=key: self._clear(k))
        error = ErrorLabel(self)
        form.addRow(label, edit)
        form.addRow("", error)
        self.fields[key] = edit
        self.errors[key] = error
        return edit

    def _load(self, goal: Goal | None) -> None:
        if goal is None:
            return
        self.total_edit.setText(f"{goal.total:g}")
        for pillar, value in goal.pillars.items():
            self.fields[pillar].setText(f"{value:g}")
        if goal.by is not None:
            self.by_check.setChecked(True)
            self.by_edit.setDate(to_qdate(goal.by))

    def target_date(self) -> date | None:
        return from_qdate(self.by_edit.date()) if self.by_check.isChecked() else None

    def save(self) -> bool:
        """Validate and save; on a bad field, say why under it and keep what was typed."""
        self._clear_all()
        pillars = {p: self.fields[p].text().strip() or None for p in PILLARS}
        try:
            goal = Goal.create(self.total_edit.text().strip(), pillars, by=self.target_date())
        except ValidationError as exc:
            self._show_error(exc)
            return False
        if not self._model.push(self.tr("Set goal"), SetGoal(goal)):
            return False
        self.accept()
        return True

    def _remove(self) -> None:
        if self._model.push(self.tr("Remove goal"), SetGoal(None)):
            self.accept()

    def _show_error(self, exc: ValidationError) -> None:
        key = exc.field if exc.field in self.errors else "total"
        self.errors[key].show_error(exc.reason)
        widget = self.fields.get(key, self.by_edit)
        set_invalid(widget, True)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def _clear(self, key: str) -> None:
        self.errors[key].clear()
        if key in self.fields:
            set_invalid(self.fields[key], False)

    def _clear_all(self) -> None:
        for key in self.errors:
            self._clear(key)
        set_invalid(self.by_edit, False)
        self.general_error.clear()

    def _on_save_failed(self, message: str) -> None:
        if self.isVisible():
            self.general_error.show_error(self.tr("Not saved: {reason}").format(reason=message))
