"""Undo and redo end to end: every step is written, and the file says so."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from ssi_desktop.core.records import ActivityEntry
from ssi_desktop.core.validation import today
from ssi_desktop.storage import Store
from ssi_desktop.ui.store_model import StoreModel
from tests.core.test_changes import CHANGES, seed
from tests.ui.app_helpers import click_and_wait, open_window, reopen, type_into

DAY = today() - timedelta(days=2)


def _manual(path: Path) -> dict[str, int] | None:
    entry = reopen(path).activity_on(DAY, "manual")
    return None if entry is None else dict(entry.counts)


def test_undo_and_redo_of_two_saves(qtbot, store_path: Path) -> None:
    reopen(store_path).set_activity(ActivityEntry.create(DAY, {"find.searches": 2}))
    window = open_window(qtbot, store_path)
    window.show_tab("engage")
    form = window.pillar_tabs["engage"].form
    form.show_day(DAY)
    type_into(qtbot, form.spins["engage.comments"], "3")
    click_and_wait(qtbot, form.save_button, window.model)
    first = _manual(store_path)
    assert first == {"find.searches": 2, "engage.comments": 3}
    type_into(qtbot, form.spins["engage.comments"], "8")
    type_into(qtbot, form.spins["engage.shares"], "1")
    click_and_wait(qtbot, form.save_button, window.model)
    second = _manual(store_path)
    assert second == {"find.searches": 2, "engage.comments": 8, "engage.shares": 1}
    assert window.undo_action.text() == f"&Undo Save Engage for {DAY.isoformat()}"

    window.undo_action.trigger()
    assert _manual(store_path) == first
    assert form.spins["engage.comments"].value() == 3  # the form shows the store again
    window.undo_action.trigger()
    assert _manual(store_path) == {"find.searches": 2}  # exactly what was there before
    assert not window.undo_action.isEnabled()
    window.redo_action.trigger()
    assert _manual(store_path) == first
    window.redo_action.trigger()
    assert _manual(store_path) == second
    assert form.spins["engage.shares"].value() == 1
    assert not window.redo_action.isEnabled()


def test_undo_of_the_first_entry_of_a_day_removes_it(qtbot, store_path: Path) -> None:
    window = open_window(qtbot, store_path)
    window.show_tab("find")
    form = window.pillar_tabs["find"].form
    form.show_day(DAY)
    type_into(qtbot, form.spins["find.leads_saved"], "2")
    click_and_wait(qtbot, form.save_button, window.model)
    assert _manual(store_path) == {"find.leads_saved": 2}
    window.undo_action.trigger()
    assert _manual(store_path) is None
    assert window.dashboard.is_empty_state()


def test_shortcuts(qtbot, store_path: Path) -> None:
    window = open_window(qtbot, store_path)
    assert window.undo_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Undo)
    assert QKeySequence("Ctrl+Y") in window.redo_action.shortcuts()
    assert QKeySequence("Ctrl+Shift+Z") in window.redo_action.shortcuts()
    assert window.save_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Save)
    window.show_tab("build")
    form = window.pillar_tabs["build"].form
    type_into(qtbot, form.spins["build.requests_sent"], "4")
    # Edit ▸ Save day saves the current tab's form.
    with qtbot.waitSignal(window.model.changed):
        window.save_action.trigger()
    assert reopen(store_path).activity_on(today()).total("build.requests_sent") == 4
    # Return in a field saves too.
    type_into(qtbot, form.spins["build.requests_sent"], "6")
    with qtbot.waitSignal(window.model.changed):
        qtbot.keyClick(form.spins["build.requests_sent"], Qt.Key.Key_Return)
    assert reopen(store_path).activity_on(today()).total("build.requests_sent") == 6
    window.show_tab("history")
    assert not window.save_action.isEnabled()


@pytest.mark.parametrize("name", CHANGES)
def test_the_undo_stack_replays_every_change_exactly(qtbot, tmp_path: Path, name: str) -> None:
    with Store.open(tmp_path / "store.json") as store:
        seed(store)
        model = StoreModel(store)
        original = store.path.read_bytes()
        assert model.push(name, CHANGES[name](store))
        after = store.path.read_bytes()
        assert model.undo_stack.undoText() == name
        for _ in range(2):
            model.undo_stack.undo()
            assert store.path.read_bytes() == original
            model.undo_stack.redo()
            assert store.path.read_bytes() == after
