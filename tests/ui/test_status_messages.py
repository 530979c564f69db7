"""The status bar says what every change did: a save, a delete, an undo, a redo."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from ssi_desktop.core.records import ActivityEntry
from ssi_desktop.core.validation import today
from tests.ui.app_helpers import click_and_wait, open_window, reopen

YESTERDAY = today() - timedelta(days=1)


def test_delete_undo_and_redo_each_say_what_they_did(qtbot, store_path: Path) -> None:
    with reopen(store_path) as store:
        store.set_activity(ActivityEntry.create(YESTERDAY, {"brand.posts": 3}))
    window = open_window(qtbot, store_path)
    window.show_tab("brand")
    tab = window.pillar_tabs["brand"]
    tab.table.selectRow(0)
    click_and_wait(qtbot, tab.delete_button, window.model)
    assert reopen(store_path).activity_on(YESTERDAY, "manual") is None
    said = window.status.text()
    assert said.startswith("Saved · ") and "Delete Brand" in said and YESTERDAY.isoformat() in said

    with qtbot.waitSignal(window.model.changed):
        window.undo_action.trigger()
    assert reopen(store_path).activity_on(YESTERDAY, "manual") is not None
    assert window.status.text().startswith("Undone · ") and "Delete Brand" in window.status.text()

    with qtbot.waitSignal(window.model.changed):
        window.redo_action.trigger()
    assert reopen(store_path).activity_on(YESTERDAY, "manual") is None
    assert window.status.text().startswith("Redone · ") and "Delete Brand" in window.status.text()
