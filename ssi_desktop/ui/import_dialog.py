"""Import and export from the app: LinkedIn's export, and CSV in and out (spec §5, §7.7).

The main window calls :func:`run_linkedin_import`, :func:`run_csv_import` and
:func:`run_csv_export`. The export is parsed in a worker thread behind a cancellable progress
dialog (a cancelled read writes nothing), previewed, then applied through
``StoreModel.apply`` so one Undo puts every touched day back exactly as it was.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QThread, Signal
from PySide6.QtGui import QFontDatabase
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

from ..core.csv_io import CsvData, CsvImportError, apply_csv, export_csv, read_csv
from ..core.linkedin import (
    ImportCancelled,
    ImportPlan,
    ImportRefused,
    ImportResult,
    NotAnExport,
    check_applicable,
    plan_import,
    read_export,
)
from ..core.records import ActivityEntry
from ..storage import Store
from .store_model import StoreModel

#: Progress is shown in thousandths: byte counts of a big export overflow a Qt int.
_STEPS = 1000


def _tr(text: str) -> str:
    return QCoreApplication.translate("ImportDialog", text)


def _apply_busy(
    model: StoreModel, label: str, do: Callable[[], object], undo: Callable[[], object]
) -> bool:
    """``model.apply`` under a busy cursor: a first import writes years of days at once."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        return model.apply(label, do, undo)
    finally:
        QApplication.restoreOverrideCursor()


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
    box = QMessageBox(parent)
    box.setWindowTitle(_tr("Import LinkedIn export"))
    box.setIcon(QMessageBox.Icon.Question)
    box.setText(
        _tr(
            "Choose your LinkedIn data export: the zip file LinkedIn sent you, or the "
            "folder you unpacked it to."
        )
    )
    box.setInformativeText(
        _tr(
            "On LinkedIn: Settings → Data privacy → Get a copy of your "
            "data. Nothing leaves this computer."
        )
    )
    zip_button = box.addButton(_tr("Choose zip file…"), QMessageBox.ButtonRole.AcceptRole)
    folder_button = box.addButton(_tr("Choose folder…"), QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(zip_button)
    box.exec()
    start = str(Path.home() / "Downloads")
    if box.clickedButton() is zip_button:
        name, _filter = QFileDialog.getOpenFileName(
            parent,
            _tr("LinkedIn export (zip)"),
            start,
            _tr("LinkedIn export (*.zip);;All files (*)"),
        )
        return Path(name) if name else None
    if box.clickedButton() is folder_button:
        name = QFileDialog.getExistingDirectory(parent, _tr("Unpacked LinkedIn export"), start)
        return Path(name) if name else None
    return None


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
        self.report.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.report.setPlainText("\n".join(result.lines()))
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
        if not plan.entries and plan.profile is None:
            self.summary.setText(self.tr("Nothing to change: your data already holds this export."))
            self.import_button.setEnabled(False)
            return
        profile = (
            self.tr(", and the profile checklist of {day}").format(day=plan.profile.day.isoformat())
            if plan.profile
            else ""
        )
        self.summary.setText(
            self.tr(
                "{days} days would change{profile}. Imported counts replace earlier imported "
                "ones for the same days and never add to what you typed."
            ).format(days=len(plan.entries), profile=profile)
        )
        self.import_button.setDefault(True)


def _linkedin_changes(
    store: Store, plan: ImportPlan
) -> tuple[Callable[[], object], Callable[[], object]]:
    def do() -> None:
        store.backup("import")  # a copy that cannot be made is a StoreError: nothing starts
        store.add_records(activity=plan.entries, profiles=[plan.profile] if plan.profile else [])

    def undo() -> None:
        with store.batch():  # one atomic write; a failed save raises StoreError
            store.add_records(
                activity=plan.undo_entries(),
                profiles=[plan.previous_profile] if plan.previous_profile else [],
            )
            if plan.profile is not None and plan.previous_profile is None:
                store.delete_profile(plan.profile.day)

    return do, undo


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
    accepted = preview.exec() == QDialog.DialogCode.Accepted
    preview.deleteLater()
    if not accepted:
        return
    do, undo = _linkedin_changes(store, plan)
    if not _apply_busy(model, _tr("Import LinkedIn export"), do, undo):
        return  # save_failed already said why; nothing was written
    refused = (
        _tr("\n{n} day counts over the daily maximum were left out (see the report).").format(
            n=len(result.refused)
        )
        if result.refused
        else ""
    )
    QMessageBox.information(
        parent,
        _tr("LinkedIn export imported"),
        _tr(
            "{days} days updated from {name}.{refused}\nEdit → Undo takes the whole import back."
        ).format(days=len(plan.entries), name=path.name, refused=refused),
    )


# -- CSV -----------------------------------------------------------------------------------


def _csv_changes(store: Store, data: CsvData) -> tuple[Callable[[], object], Callable[[], object]]:
    days = {e.day for e in data.activity}
    before_activity = {e.day: e for e in store.activity() if e.source == "csv" and e.day in days}
    profile_days = {s.day for s in data.profiles}
    before_profiles = [s for s in store.profiles() if s.day in profile_days]
    reading_days = {r.day for r in data.readings}
    before_readings = [r for r in store.readings() if r.day in reading_days]
    added_notes: list[int] = []

    def do() -> None:
        before = {note_id for note_id, _note in store.notes()}
        store.backup("import-csv")
        apply_csv(store, data)
        added_notes[:] = [note_id for note_id, _note in store.notes() if note_id not in before]

    def undo() -> None:
        with store.batch():  # one atomic write; a failed save raises StoreError
            store.add_records(
                activity=[
                    before_activity.get(day) or ActivityEntry.create(day, {}, "csv")
                    for day in sorted(days)
                ],
                profiles=before_profiles,
                readings=before_readings,
            )
            for day in profile_days - {s.day for s in before_profiles}:
                store.delete_profile(day)
            for day in reading_days - {r.day for r in before_readings}:
                store.delete_reading(day)
            for note_id in added_notes:
                store.delete_note(note_id)

    return do, undo


def run_csv_import(model: StoreModel, parent: QWidget | None, path: Path | None = None) -> None:
    """Read a folder of CSV files (see docs/csv-format.md), all validated before one write."""
    if path is None:
        name = QFileDialog.getExistingDirectory(
            parent, _tr("Folder with CSV files"), str(Path.home())
        )
        if not name:
            return
        path = Path(name)
    try:
        data = read_csv(path)
    except CsvImportError as exc:
        QMessageBox.warning(
            parent,
            _tr("Nothing was imported"),
            _tr("Fix these rows and import again:\n\n{errors}").format(errors=str(exc)),
        )
        return
    do, undo = _csv_changes(model.store, data)
    if not _apply_busy(model, _tr("Import CSV"), do, undo):
        return
    files = "\n".join(
        _tr("{name}: {rows} rows").format(name=name, rows=rows) for name, _kind, rows in data.files
    )
    QMessageBox.information(parent, _tr("CSV imported"), files)


def run_csv_export(model: StoreModel, parent: QWidget | None, path: Path | None = None) -> None:
    """Write activity.csv, readings.csv, notes.csv and profile.csv into a chosen folder."""
    if path is None:
        name = QFileDialog.getExistingDirectory(
            parent, _tr("Export CSV files to"), str(Path.home())
        )
        if not name:
            return
        path = Path(name)
    store = model.store
    try:
        written = export_csv(
            path,
            activity=store.activity(),
            profiles=store.profiles(),
            readings=store.readings(),
            notes=[note for _id, note in store.notes()],
        )
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
