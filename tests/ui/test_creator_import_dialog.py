"""File → Import Creator Analytics… driven as a user would: choose, preview, import, undo."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from ssi_desktop.core.records import ActivityEntry, TotalsSnapshot
from ssi_desktop.storage import Store
from ssi_desktop.ui.dialogs.creator_import import CreatorPreviewDialog
from tests.core.creator_builder import days, write_workbook
from tests.ui.app_helpers import open_window, reopen
from tests.ui.test_import_dialog import click_button, messages, when_shown

__all__ = ["messages"]  # the fixture, shared with the LinkedIn import's tests

MARCH = days(date(2025, 3, 1), date(2025, 3, 31))
LATE_MARCH = days(date(2025, 3, 20), date(2025, 4, 10))


def _creator(store: Store) -> dict[date, dict[str, int]]:
    return {e.day: dict(e.counts) for e in store.activity() if e.source == "creator"}


def test_import_previews_applies_and_undoes_everything(
    qtbot: QtBot,
    store_path: Path,
    tmp_path: Path,
    messages: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    folder = tmp_path / "analytics"
    folder.mkdir()
    write_workbook(folder, {d: 2 for d in MARCH}, {d: 1 for d in MARCH}, 400)
    write_workbook(folder, {d: 5 for d in LATE_MARCH}, {d: 0 for d in LATE_MARCH}, 410)
    first = reopen(store_path)
    first.add_records(
        activity=[ActivityEntry.create(date(2025, 3, 25), {"brand.engagement": 9}, "creator")],
        totals=[TotalsSnapshot.create(date(2025, 4, 10), {"totals.connections": 300})],
    )
    first.close()
    window = open_window(qtbot, store_path)
    store = window.model.store
    before_activity, before_totals = store.activity(), store.totals()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    when_shown(QMessageBox, click_button("Choose folder…"))
    seen: list[str] = []

    def import_from_preview(dialog: QWidget) -> None:
        assert isinstance(dialog, CreatorPreviewDialog)
        seen.append(dialog.report.toPlainText())
        seen.append(dialog.summary.text())
        dialog.import_button.click()

    QTimer.singleShot(0, lambda: when_shown(CreatorPreviewDialog, import_from_preview))
    window.import_creator_action.trigger()

    report, summary = seen
    assert "Total followers: 410 on 10 Apr 2025." in report
    assert "Engagement received: 148 over 41 days, from 1 Mar 2025 to 10 Apr 2025." in report
    assert summary.startswith("This import sets 41 days of activity")
    stored = _creator(store)
    assert stored[date(2025, 3, 5)] == {"brand.engagement": 2, "brand.followers": 1}
    assert stored[date(2025, 3, 25)] == {"brand.engagement": 5}  # the newer workbook, once
    assert {s.day: dict(s.values) for s in store.totals()} == {
        date(2025, 3, 31): {"totals.followers": 400},
        date(2025, 4, 10): {"totals.connections": 300, "totals.followers": 410},
    }
    assert messages[-1].startswith("Creator Analytics imported: 41 days and 2 follower totals")

    window.model.undo_stack.undo()
    assert (store.activity(), store.totals()) == (before_activity, before_totals)
    with Store.open(store_path, read_only=True) as fresh:  # the undo is on disk too
        assert (fresh.activity(), fresh.totals()) == (before_activity, before_totals)
    window.model.undo_stack.redo()
    assert _creator(store) == stored


def test_a_foreign_workbook_is_said_and_nothing_written(
    qtbot: QtBot, store_path: Path, tmp_path: Path, messages: list[str]
) -> None:
    with reopen(store_path) as store:
        store.put_totals(TotalsSnapshot.create(date(2025, 4, 10), {"totals.connections": 300}))
    before = store_path.read_bytes()
    window = open_window(qtbot, store_path)
    from ssi_desktop.ui.dialogs.creator_import import run_creator_import

    fake = tmp_path / "AggregateAnalytics_Ana.xlsx"
    fake.write_bytes(b"PK\x03\x04 not really a zip")
    run_creator_import(window.model, window, path=fake)
    assert messages[-1].startswith("Nothing was imported: AggregateAnalytics_Ana.xlsx is not an")
    assert store_path.read_bytes() == before
