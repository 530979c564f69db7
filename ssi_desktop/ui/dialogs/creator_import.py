"""File → Import Creator Analytics…: LinkedIn's Analytics workbooks, previewed, then undoable.

The same steps as the LinkedIn export import (import_dialog.py): choose, read, show the dry
run, push through ``StoreModel.push`` (a backup first, then one write), so one Undo puts
every touched day and total back. Workbooks are small (a day a row), so they are read under a
busy cursor rather than in a worker thread.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.creator import (
    CreatorData,
    CreatorPlan,
    NotCreatorAnalytics,
    plan_creator,
    read_creator,
)
from ...core.validation import ValidationError
from ..store_model import StoreModel
from .file_or_folder import FileOrFolder, choose_file_or_folder
from .import_dialog import apply_if_accepted


def _tr(text: str) -> str:
    return QCoreApplication.translate("CreatorImport", text)


def choose_workbooks(parent: QWidget | None) -> Path | None:
    """Ask for one workbook, or the folder holding several months of them."""
    return choose_file_or_folder(
        parent,
        FileOrFolder(
            title=_tr("Import Creator Analytics"),
            text=_tr(
                "Choose a Creator Analytics workbook (AggregateAnalytics_….xlsx), or the folder "
                "that holds several of them."
            ),
            info=_tr(
                "On LinkedIn: Analytics → Export. Days that several workbooks share count once. "
                "Nothing leaves this computer."
            ),
            file_button=_tr("Choose workbook…"),
            folder_button=_tr("Choose folder…"),
            file_caption=_tr("Creator Analytics workbook"),
            file_filter=_tr("Excel workbooks (*.xlsx);;All files (*)"),
            folder_caption=_tr("Folder of workbooks"),
        ),
    )


class CreatorPreviewDialog(QDialog):
    """The dry run: what each workbook gives and what would change; Import or Cancel."""

    def __init__(self, data: CreatorData, plan: CreatorPlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Creator Analytics preview"))
        self.resize(720, 420)
        layout = QVBoxLayout(self)
        self.summary = QLabel(self.tr(plan.summary()), self)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.report = QPlainTextEdit(self)
        self.report.setReadOnly(True)
        self.report.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.report.setPlainText("\n".join(data.lines()))
        self.report.setAccessibleName(self.tr("Import report"))
        layout.addWidget(self.report, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.import_button = QPushButton(self.tr("Import"), self)
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.import_button.setEnabled(not plan.is_empty())
        self.import_button.setDefault(not plan.is_empty())


def _read(path: Path, parent: QWidget | None) -> CreatorData | None:
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        return read_creator(path)
    except (NotCreatorAnalytics, ValidationError) as exc:
        error = str(exc)
    finally:
        QApplication.restoreOverrideCursor()
    QMessageBox.warning(
        parent,
        _tr("Nothing was imported"),
        _tr(
            "{reason}.\n\nChoose a workbook from LinkedIn's Analytics → Export "
            "(AggregateAnalytics_….xlsx) or a folder of them."
        ).format(reason=error),
    )
    return None


def run_creator_import(model: StoreModel, parent: QWidget | None, path: Path | None = None) -> None:
    """Choose, read, preview and apply Creator Analytics workbooks; undoable."""
    path = path or choose_workbooks(parent)
    if path is None:
        return
    data = _read(path, parent)
    if data is None:
        return
    store = model.store
    plan = plan_creator(store, data)
    preview = CreatorPreviewDialog(data, plan, parent)
    if not apply_if_accepted(model, preview, _tr("Import Creator Analytics"), plan.change()):
        return
    QMessageBox.information(
        parent,
        _tr("Creator Analytics imported"),
        _tr(
            "{days} days and {totals} follower totals set from {name}.\n"
            "Edit → Undo takes the whole import back."
        ).format(days=len(plan.entries), totals=len(plan.totals), name=path.name),
    )
