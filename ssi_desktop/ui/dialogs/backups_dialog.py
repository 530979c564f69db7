"""The Backups dialog: what copies of the store exist, and putting one back (spec §7.2).

Each backup is shown with when it was taken, why, its size, and whether it can be opened, so
nobody restores a damaged copy by mistake. A restore asks first, keeps the store's current
state as a backup of its own (so a restore can itself be undone the same way), then the
whole app shows the restored data.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...storage import StoreError
from ...storage.backups import FOLDER_MODE, Backup, backup_dir, problem
from ..store_model import StoreModel


class BackupsDialog(QDialog):
    COLUMNS = 4

    def __init__(self, model: StoreModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self._backups: list[tuple[Backup, str | None]] = []
        self.setWindowTitle(self.tr("Backups"))
        self.resize(680, 420)

        intro = QLabel(
            self.tr(
                "Copies of {store}, kept in {folder}. One is made before the first save of "
                "each day and before every import, calibration, update and restore; the "
                "previous version is kept on every save."
            ).format(store=model.store.path.name, folder=backup_dir(model.store.path))
        )
        intro.setWordWrap(True)
        intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.table = QTableWidget(0, self.COLUMNS, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Taken"), self.tr("Reason"), self.tr("Size"), self.tr("State")]
        )
        self.table.setAccessibleName(self.tr("Backups"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.restore_button = QPushButton(self.tr("&Restore selected…"), self)
        self.restore_button.setToolTip(
            self.tr("Replace the store with this backup; its current state is backed up first")
        )
        self.folder_button = QPushButton(self.tr("Open &folder"), self)
        self.folder_button.setToolTip(self.tr("Show the backups folder in the file manager"))
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.folder_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addWidget(buttons)

        self.restore_button.clicked.connect(self._restore_selected)
        self.folder_button.clicked.connect(self._open_folder)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.refresh()

    def reason_label(self, reason: str) -> str:
        labels = {
            "daily": self.tr("Daily"),
            "previous": self.tr("Previous version"),
            "import": self.tr("Before an import"),
            "migration": self.tr("Before an update of the file format"),
            "calibration": self.tr("Before a calibration"),
            "restore": self.tr("Before a restore"),
            "manual": self.tr("Manual"),
        }
        # "import-csv" is an import backup too.
        return labels.get(reason, labels.get(reason.split("-", 1)[0], reason))

    def refresh(self) -> None:
        self._backups = [(b, problem(b.path)) for b in self.model.store.backups()]
        self.table.setRowCount(len(self._backups))
        for row, (backup, issue) in enumerate(self._backups):
            size = f"{backup.size / 1024:.0f} KB" if backup.size >= 1024 else f"{backup.size} B"
            cells = (
                backup.taken.astimezone().strftime("%Y-%m-%d %H:%M"),
                self.reason_label(backup.reason),
                size,
                self.tr("OK") if issue is None else self.tr("Damaged"),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(issue or str(backup.path))
                self.table.setItem(row, column, item)
        self._update_buttons()

    def selected(self) -> tuple[Backup, str | None] | None:
        rows = self.table.selectionModel().selectedRows()
        return self._backups[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        chosen = self.selected()
        self.restore_button.setEnabled(chosen is not None and chosen[1] is None)

    def _restore_selected(self) -> None:
        chosen = self.selected()
        if chosen is None or chosen[1] is not None:
            return
        backup = chosen[0]
        when = backup.taken.astimezone().strftime("%Y-%m-%d %H:%M")
        answer = QMessageBox.question(
            self,
            self.tr("Restore this backup?"),
            self.tr(
                "Replace everything in the store with the backup taken {when}? What the store "
                "holds now is backed up first, so you can come back to it the same way."
            ).format(when=when),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.model.store.restore(backup.path)
        except StoreError as exc:
            QMessageBox.warning(self, self.tr("The backup was not restored"), str(exc))
            self.refresh()
            return
        # Undo steps describe changes to the data that was just replaced.
        self.model.undo_stack.clear()
        self.model.changed.emit()
        self.model.saved.emit(self.tr("Restored the backup taken {when}").format(when=when))
        self.refresh()

    def _open_folder(self) -> None:
        folder = backup_dir(self.model.store.path)
        folder.mkdir(parents=True, exist_ok=True, mode=FOLDER_MODE)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
