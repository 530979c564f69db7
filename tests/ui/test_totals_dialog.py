"""The LinkedIn numbers window and Edit ▸ Settings…: typed with real keys, checked on disk."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from ssi_desktop.core.records import Settings, TotalsSnapshot
from ssi_desktop.core.validation import today
from ssi_desktop.storage import Store
from ssi_desktop.ui.member_settings_dialog import MemberSettingsDialog
from ssi_desktop.ui.store_model import StoreModel
from ssi_desktop.ui.totals_dialog import TotalsDialog
from tests.ui.app_helpers import open_window, type_into
from tests.ui.test_import_dialog import click_button, when_shown

DAY = today() - timedelta(days=5)
EARLIER = today() - timedelta(days=65)
C, S, F = "totals.connections", "totals.senior_connections", "totals.followers"
D = TypeVar("D", bound=QDialog)


@pytest.fixture
def model(store_path: Path) -> Iterator[StoreModel]:
    store = Store.open(store_path)
    yield StoreModel(store)
    store.close()


def on_disk(path: Path) -> list[tuple[date, dict[str, int]]]:
    with Store.open(path) as store:
        return [(s.day, dict(s.values)) for s in store.totals()]


def shown(qtbot: QtBot, dialog: D) -> D:
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()  # shortcuts and focus work in the active window only
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=3000)
    return dialog


def open_dialog(qtbot: QtBot, model: StoreModel) -> TotalsDialog:
    return shown(qtbot, TotalsDialog(model))


def test_typed_numbers_are_saved_with_return_and_undone_with_ctrl_z(
    qtbot: QtBot, model: StoreModel, store_path: Path
) -> None:
    dialog = open_dialog(qtbot, model)
    form = dialog.panel.form
    form.show_day(DAY)
    # As LinkedIn prints it: whole numbers are ASCII digits only, so the form says what to type.
    type_into(qtbot, form.edits[C], "1,204")
    type_into(qtbot, form.edits[S], "312")
    qtbot.keyClick(form.edits[S], Qt.Key.Key_Return)
    assert not store_path.exists() or on_disk(store_path) == []
    assert "without separators: 1204" in form.fields[C].error.text()
    assert form.edits[C].text() == "1,204" and form.edits[S].text() == "312"
    type_into(qtbot, form.edits[C], "1204")
    qtbot.keyClick(form.edits[C], Qt.Key.Key_Return)
    assert on_disk(store_path) == [(DAY, {C: 1204, S: 312})]
    assert dialog.panel.table_model.rowCount() == 1
    assert form.edits[C].text() == "1204"  # reloaded from the store
    assert dialog.panel.table_model.data(dialog.panel.table_model.index(0, 1)) == "1,204"

    # In a text field Ctrl+Z undoes typing; elsewhere in the window it undoes the change.
    table = dialog.panel.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert on_disk(store_path) == []
    assert form.edits[C].text() == ""
    qtbot.keyClick(
        table,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert on_disk(store_path) == [(DAY, {C: 1204, S: 312})]


def test_bad_numbers_are_refused_on_their_field_and_nothing_is_written(
    qtbot: QtBot, model: StoreModel, store_path: Path
) -> None:
    model.store.put_totals(TotalsSnapshot.create(EARLIER, {C: 900, S: 100}))
    before = store_path.read_bytes()
    dialog = open_dialog(qtbot, model)
    form = dialog.panel.form
    form.show_day(DAY)
    # The connections in force on DAY are the 900 of EARLIER: 950 decision makers cannot be.
    assert form.edits[C].placeholderText() == "≈ 900"
    type_into(qtbot, form.edits[S], "950")
    type_into(qtbot, form.edits[F], "12.5")
    qtbot.keyClick(form.edits[F], Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert store_path.read_bytes() == before
    assert "must be a whole number, not 12.5" in form.fields[F].error.text()
    assert form.edits[F].text() == "12.5" and form.edits[S].text() == "950"

    type_into(qtbot, form.edits[F], "70")
    qtbot.keyClick(form.edits[F], Qt.Key.Key_Return)
    assert store_path.read_bytes() == before
    error = form.fields[S].error.text()
    assert "950 decision makers among them would be more than the 900 connections" in error
    assert form.fields[S].widget.property("invalid") is True
    assert dialog.focusWidget() is form.edits[S]

    type_into(qtbot, form.edits[S], "-3")
    qtbot.keyClick(form.edits[S], Qt.Key.Key_Return)
    assert "must not be negative" in form.fields[S].error.text()
    assert store_path.read_bytes() == before

    type_into(qtbot, form.edits[S], "150")
    qtbot.keyClick(form.edits[S], Qt.Key.Key_Return)
    assert on_disk(store_path) == [(EARLIER, {C: 900, S: 100}), (DAY, {S: 150, F: 70})]


def test_a_day_loads_its_snapshot_and_del_deletes_it_undoably(
    qtbot: QtBot, model: StoreModel, store_path: Path
) -> None:
    model.store.put_totals(TotalsSnapshot.create(EARLIER, {C: 900, S: 100}))
    model.store.put_totals(TotalsSnapshot.create(DAY, {F: 70}))
    dialog = open_dialog(qtbot, model)
    panel = dialog.panel
    assert [panel.table_model.snapshot(r).day for r in range(2)] == [DAY, EARLIER]  # newest first
    panel.table.setFocus()
    panel.table.selectRow(1)
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    assert panel.form.day() == EARLIER
    assert (panel.form.edits[C].text(), panel.form.edits[S].text()) == ("900", "100")
    assert panel.form.edits[F].text() == ""

    panel.table.setFocus()
    panel.table.selectRow(1)
    qtbot.keyClick(panel.table, Qt.Key.Key_Delete)
    assert on_disk(store_path) == [(DAY, {F: 70})]
    model.undo_stack.undo()
    assert on_disk(store_path) == [(EARLIER, {C: 900, S: 100}), (DAY, {F: 70})]

    # Emptying every field of a day and saving deletes that day's numbers.
    panel.form.show_day(DAY)
    type_into(qtbot, panel.form.edits[F], "")
    qtbot.keyClick(panel.form.edits[F], Qt.Key.Key_Backspace)
    qtbot.keyClick(panel.form.edits[F], Qt.Key.Key_Return)
    assert on_disk(store_path) == [(EARLIER, {C: 900, S: 100})]


def test_closing_with_unsaved_numbers_asks_first(
    qtbot: QtBot, model: StoreModel, store_path: Path
) -> None:
    dialog = open_dialog(qtbot, model)
    type_into(qtbot, dialog.panel.form.edits[C], "500")
    QTimer.singleShot(0, lambda: when_shown(QMessageBox, click_button("Cancel")))
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible() and dialog.panel.form.edits[C].text() == "500"
    QTimer.singleShot(0, lambda: when_shown(QMessageBox, click_button("Save")))
    dialog.reject()
    assert not dialog.isVisible()
    assert on_disk(store_path) == [(today(), {C: 500})]


def test_the_build_tab_and_the_edit_menu_open_it(qtbot: QtBot, store_path: Path) -> None:
    window = open_window(qtbot, store_path)
    window.show_tab("build")
    tab = window.pillar_tabs["build"]
    seen: list[str] = []

    def type_and_save(dialog: QWidget) -> None:
        assert isinstance(dialog, TotalsDialog)
        seen.append(dialog.windowTitle())
        type_into(qtbot, dialog.panel.form.edits[C], "42")
        qtbot.keyClick(dialog.panel.form.edits[C], Qt.Key.Key_Return)
        dialog.reject()

    QTimer.singleShot(0, lambda: when_shown(TotalsDialog, type_and_save))
    qtbot.mouseClick(tab.totals_button, Qt.MouseButton.LeftButton)
    assert seen == ["LinkedIn numbers"]
    assert on_disk(store_path) == [(today(), {C: 42})]
    # Edit ▸ Undo in the main window undoes what the window saved.
    window.undo_action.trigger()
    assert on_disk(store_path) == []
    assert window.pillar_tabs["brand"].totals_button.text() == "LinkedIn numbers…"

    QTimer.singleShot(0, lambda: when_shown(TotalsDialog, lambda d: d.reject()))
    window.totals_action.trigger()
    assert not hasattr(window.pillar_tabs["find"], "totals_button")  # no totals feed Find


def settings_on_disk(path: Path) -> Settings:
    with Store.open(path) as store:
        return store.settings()


def test_settings_dialog_saves_with_keys_and_undo_restores(
    qtbot: QtBot, model: StoreModel, store_path: Path
) -> None:
    dialog = shown(qtbot, MemberSettingsDialog(model))
    warm, navigator = dialog.boxes["warm_start"], dialog.boxes["sales_navigator"]
    assert warm.isChecked() and not navigator.isChecked()  # the defaults
    warm.setFocus()
    qtbot.keyClick(warm, Qt.Key.Key_Space)
    qtbot.keyClick(warm, Qt.Key.Key_Tab)
    assert navigator.hasFocus()
    qtbot.keyClick(navigator, Qt.Key.Key_Space)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert settings_on_disk(store_path) == Settings(warm_start=False, sales_navigator=True)
    model.undo_stack.undo()
    assert settings_on_disk(store_path) == Settings()


def test_settings_dialog_cancel_writes_nothing(
    qtbot: QtBot, model: StoreModel, store_path: Path
) -> None:
    model.store.set_settings(Settings(sales_navigator=True))
    before = store_path.read_bytes()
    dialog = shown(qtbot, MemberSettingsDialog(model))
    assert dialog.boxes["sales_navigator"].isChecked()
    dialog.boxes["sales_navigator"].click()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert store_path.read_bytes() == before
    assert model.undo_stack.count() == 0


def test_the_settings_menu_item_opens_the_dialog(qtbot: QtBot, store_path: Path) -> None:
    window = open_window(qtbot, store_path)
    opened: list[bool] = []

    def close(dialog: QWidget) -> None:
        opened.append(True)
        dialog.close()

    QTimer.singleShot(0, lambda: when_shown(MemberSettingsDialog, close))
    window.member_settings_action.trigger()
    assert opened == [True]
