"""The Backups dialog, driven as a user would: pick a row, click Restore, answer the question."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox

from ssi_desktop.core.changes import PutDay
from ssi_desktop.core.records import ActivityEntry
from ssi_desktop.storage import Store
from ssi_desktop.storage.backups import backup_dir, list_backups
from ssi_desktop.ui.dialogs.backups_dialog import BackupsDialog
from ssi_desktop.ui.store_model import StoreModel


@pytest.fixture
def model(store_path: Path, qtbot) -> StoreModel:
    store = Store.open(store_path)
    store.set_activity(ActivityEntry.create("2024-07-01", {"brand.posts": 1}))
    store.set_activity(ActivityEntry.create("2024-07-02", {"brand.posts": 2}))
    damaged = store.backup("import")
    damaged.write_bytes(b"{half a file")
    model = StoreModel(store)
    yield model
    store.close()


def _row_of(dialog: BackupsDialog, reason_label: str) -> int:
    for row in range(dialog.table.rowCount()):
        if dialog.table.item(row, 1).text() == reason_label:
            return row
    raise AssertionError(f"no {reason_label!r} row")


def _click_row(qtbot, dialog: BackupsDialog, row: int) -> None:
    rect = dialog.table.visualItemRect(dialog.table.item(row, 0))
    qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _answer(monkeypatch, button: QMessageBox.StandardButton) -> list[str]:
    asked: list[str] = []

    def question(parent, title, text, *rest):
        asked.append(text)
        return button

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    return asked


def test_lists_every_backup_with_date_reason_size_and_state(model, qtbot) -> None:
    dialog = BackupsDialog(model)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == len(list_backups(model.store.path)) == 3
    damaged = _row_of(dialog, "Before an import")
    assert dialog.table.item(damaged, 3).text() == "Damaged"
    daily = _row_of(dialog, "Daily")
    assert dialog.table.item(daily, 3).text() == "OK"
    assert dialog.table.item(daily, 2).text().endswith("B")
    assert dialog.table.item(daily, 0).text()[:4].isdigit()
    assert dialog.table.item(_row_of(dialog, "Previous version"), 3).text() == "OK"
    _click_row(qtbot, dialog, damaged)
    assert not dialog.restore_button.isEnabled()  # a damaged copy cannot be restored
    _click_row(qtbot, dialog, daily)
    assert dialog.restore_button.isEnabled()


def test_restore_asks_keeps_the_current_state_and_reloads(model, qtbot, monkeypatch) -> None:
    path = model.store.path
    model.push("Add", PutDay(ActivityEntry.create("2024-07-03", {"brand.posts": 3})))
    current = path.read_bytes()
    dialog = BackupsDialog(model)
    qtbot.addWidget(dialog)
    daily = next(b for b in list_backups(path) if b.reason == "daily")
    asked = _answer(monkeypatch, QMessageBox.StandardButton.Yes)
    _click_row(qtbot, dialog, _row_of(dialog, "Daily"))
    with qtbot.waitSignal(model.changed):
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1 and "backed up first" in asked[0]
    assert path.read_bytes() == daily.path.read_bytes()
    assert [e.day.isoformat() for e in model.store.activity()] == ["2024-07-01"]
    assert model.undo_stack.count() == 0
    safety = [b for b in list_backups(path) if b.reason == "restore"]
    assert len(safety) == 1 and safety[0].path.read_bytes() == current
    assert _row_of(dialog, "Before a restore") >= 0  # the list was refreshed


def test_cancel_changes_nothing(model, qtbot, monkeypatch) -> None:
    before = model.store.path.read_bytes()
    dialog = BackupsDialog(model)
    qtbot.addWidget(dialog)
    _answer(monkeypatch, QMessageBox.StandardButton.Cancel)
    _click_row(qtbot, dialog, _row_of(dialog, "Daily"))
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert model.store.path.read_bytes() == before
    assert len(model.store.activity()) == 2


def test_open_folder_opens_the_backups_folder(model, qtbot, monkeypatch) -> None:
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(opened.append))
    dialog = BackupsDialog(model)
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.folder_button, Qt.MouseButton.LeftButton)
    assert [Path(u.toLocalFile()) for u in opened] == [backup_dir(model.store.path)]
