"""Import and export from the app: LinkedIn's export, and CSV in and out (spec §5, §7.7).

The main window calls :func:`run_linkedin_import`, :func:`run_csv_import` and
:func:`run_csv_export`. The export is parsed in a worker thread behind a cancellable progress
dialog (a cancelled read writes nothing), previewed, then applied through
``StoreModel.push`` so one Undo puts every touched day back exactly as it was.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QThread, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.changes import Change
from ...core.csv_export import export_store
from ...core.csv_io import CsvImportError, csv_change, read_csv
from ...core.linkedin import (
    ImportCancelled,
    ImportPlan,
    ImportRefused,
    ImportResult,
    NotAnExport,
    check_applicable,
    plan_import,
    read_export,
)
from ...storage.atomic import write_atomic
from ..store_model import StoreModel
from .file_or_folder import FileOrFolder, choose_file_or_folder
from .import_report import imported_message, member_report

#: Progress is shown in thousandths: byte counts of a big export overflow a Qt int.
_STEPS = 1000


def _tr(text: str) -> str:
    return QCoreApplication.translate("ImportDialog", text)


def push_busy(model: StoreModel, label: str, change: Change, backup: str) -> bool:
    """``model.push`` under a busy cursor: a first import writes years of days at once."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        return model.push(label, change, backup=backup)
    finally:
        QApplication.restoreOverrideCursor()


def apply_if_accepted(model: StoreModel, preview: QDialog, label: str, change: Change) -> bool:
    """Show an import's ``preview``; when the user accepts, apply ``change`` as one undoable
    step (with a backup first). False when they cancelled or the write failed
    (``save_failed`` has said why, and nothing was written)."""
    accepted = preview.exec() == QDialog.DialogCode.Accepted
    preview.deleteLater()
    return accepted and push_busy(model, label, change, "import")


# -- LinkedIn export -----------------------------------------------------------------------


class _ReadThread(QThread):
    progressed = Signal(int, int)
    done = Signal(object)  # ImportResult
    failed = Signal(str)

    def __init__(self, path: Path, parent: QWidget | None) -> None:
        super().__init__(parent)
        self._path = path
        # A plain Event polled by the reader: the worker thread never touches Qt objects.
        self._stop = threading.Event()

    def stop(self) -> None:
        self._stop.set()

    def run(self) -> None:
        try:
            result = read_export(
                self._path, progress=self.progressed.emit, cancelled=self._stop.is_set
            )
        except ImportCancelled:
            return
        except (NotAnExport, OSError) as exc:
            self.failed.emit(str(exc))
        else:
            self.done.emit(result)


def choose_export(parent: QWidget | None) -> Path | None:
    """Ask for the export as the zip LinkedIn sent, or the folder it was unpacked to."""
    return choose_file_or_folder(
        parent,
        FileOrFolder(
            title=_tr("Import LinkedIn export"),
            text=_tr(
                "Choose your LinkedIn data export: the zip file LinkedIn sent you, or the "
                "folder you unpacked it to."
            ),
            info=_tr(
                "On LinkedIn: Settings → Data privacy → Get a copy of your "
                "data. Nothing leaves this computer."
            ),
            file_button=_tr("Choose zip file…"),
            folder_button=_tr("Choose folder…"),
            file_caption=_tr("LinkedIn export (zip)"),
            file_filter=_tr("LinkedIn export (*.zip);;All files (*)"),
            folder_caption=_tr("Unpacked LinkedIn export"),
        ),
    )


def read_with_progress(path: Path, parent: QWidget | None) -> ImportResult | None:
    """Parse ``path`` in a worker thread behind a cancellable progress dialog.

    Returns None when the user cancelled or the path is not an export (which is said).
    """
    progress = QProgressDialog(
        _tr("Reading {name}…").format(name=path.name), _tr("Cancel"), 0, _STEPS, parent
    )
    progress.setWindowTitle(_tr("Import LinkedIn export"))
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(0)
    progress.setAutoClose(False)
    progress.setAutoReset(False)
    thread = _ReadThread(path, parent)
    outcome: dict[str, object] = {}
    loop = QEventLoop()

    def on_progress(done: int, total: int) -> None:
        progress.setValue(int(done * _STEPS / max(total, 1)))

    thread.progressed.connect(on_progress, Qt.ConnectionType.QueuedConnection)
    thread.done.connect(lambda result: outcome.setdefault("result", result))
    thread.failed.connect(lambda message: outcome.setdefault("error", message))
    thread.finished.connect(loop.quit)
    progress.canceled.connect(thread.stop)
    thread.start()
    progress.show()
    loop.exec()
    thread.wait()
    cancelled = progress.wasCanceled()
    progress.close()
    progress.deleteLater()
    thread.deleteLater()
    if "error" in outcome:
        QMessageBox.warning(
            parent,
            _tr("Not a LinkedIn export"),
            _tr(
                "{reason}.\n\nChoose the zip LinkedIn sent you "
                "(…LinkedInDataExport_MM-DD-YYYY.zip) or the folder it "
                "unpacks to."
            ).format(reason=outcome["error"]),
        )
        return None
    if cancelled:
        return None
    result = outcome.get("result")
    return result if isinstance(result, ImportResult) else None


class ImportPreviewDialog(QDialog):
    """The dry run: what each file gave and what would change; Import or Cancel."""

    def __init__(
        self, result: ImportResult, plan: ImportPlan, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import preview"))
        self.resize(720, 520)
        layout = QVBoxLayout(self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.report = QPlainTextEdit(self)
        self.report.setReadOnly(True)
        self.report.setPlainText(member_report(result))
        self.report.setAccessibleName(self.tr("Import report"))
        layout.addWidget(self.report, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.import_button = QPushButton(self.tr("Import"), self)
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        try:
            check_applicable(result)
        except ImportRefused as exc:
            self.summary.setText(str(exc))
            self.import_button.setEnabled(False)
            return
        if plan.empty:
            self.summary.setText(self.tr("Nothing to change: your data already holds this export."))
            self.import_button.setEnabled(False)
            return
        changes = []
        if plan.entries:
            changes.append(
                self.tr("the activity of {n} days").format(n=len(plan.entries))
                if len(plan.entries) != 1
                else self.tr("the activity of 1 day")
            )
        if plan.profiles:
            changes.append(
                self.tr("your profile checklist on {n} days").format(n=len(plan.profiles))
                if len(plan.profiles) != 1
                else self.tr("your profile checklist")
            )
        if plan.totals or plan.totals_removed:
            changes.append(
                self.tr("your network's size on {n} days").format(
                    n=len(plan.totals) + len(plan.totals_removed)
                )
            )
        self.summary.setText(
            self.tr(
                "Importing updates {changes}. What you typed yourself stays as it is; counts "
                "from an earlier import of the same days are replaced."
            ).format(changes=self.tr(" and ").join(changes))
        )
        self.import_button.setDefault(True)


def run_linkedin_import(
    model: StoreModel, parent: QWidget | None, path: Path | None = None
) -> None:
    """Choose, read (cancellable), preview and apply a LinkedIn export; undoable."""
    path = path or choose_export(parent)
    if path is None:
        return
    result = read_with_progress(path, parent)
    if result is None:
        return
    store = model.store
    plan = plan_import(store, result)
    preview = ImportPreviewDialog(result, plan, parent)
    if not apply_if_accepted(model, preview, _tr("Import LinkedIn export"), plan.change()):
        return
    network = len(plan.totals) + len(plan.totals_removed)
    profile_days = tuple(s.day for s in plan.profiles)
    message = imported_message(
        len(plan.entries), profile_days, network, path.name, len(result.refused)
    )
    QMessageBox.information(parent, _tr("LinkedIn export imported"), message)


# -- CSV -----------------------------------------------------------------------------------


def _choose_folder(parent: QWidget | None, title: str) -> Path | None:
    name = QFileDialog.getExistingDirectory(parent, title, str(Path.home()))
    return Path(name) if name else None


def run_csv_import(model: StoreModel, parent: QWidget | None, path: Path | None = None) -> None:
    """Read a folder of CSV files (see docs/csv-format.md), all validated before one write."""
    path = path or _choose_folder(parent, _tr("Folder with CSV files"))
    if path is None:
        return
    try:
        data = read_csv(path)
    except CsvImportError as exc:
        QMessageBox.warning(
            parent,
            _tr("Nothing was imported"),
            _tr("Fix these rows and import again:\n\n{errors}").format(errors=str(exc)),
        )
        return
    if not push_busy(model, _tr("Import CSV"), csv_change(model.store, data), "import-csv"):
        return
    files = "\n".join(
        _tr("{name}: {rows} rows").format(name=name, rows=rows) for name, _kind, rows in data.files
    )
    QMessageBox.information(parent, _tr("CSV imported"), files)


def run_csv_export(model: StoreModel, parent: QWidget | None, path: Path | None = None) -> None:
    """Write activity.csv, readings.csv, notes.csv and profile.csv into a chosen folder."""
    path = path or _choose_folder(parent, _tr("Export CSV files to"))
    if path is None:
        return
    try:
        written = export_store(path, model.store, write_atomic)
    except OSError as exc:
        QMessageBox.warning(
            parent,
            _tr("Export failed"),
            _tr("Could not write to {folder}: {reason}").format(
                folder=path, reason=exc.strerror or exc
            ),
        )
        return
    files = "\n".join(
        _tr("{name}: {rows} rows").format(name=file.name, rows=rows) for file, rows in written
    )
    QMessageBox.information(
        parent,
        _tr("CSV exported"),
        _tr("Written to {folder}:\n{files}").format(folder=path, files=files),
    )
