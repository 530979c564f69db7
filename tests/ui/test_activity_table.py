"""The pillar table follows a save by changing only the rows that changed (no reset)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from ssi_desktop.core.catalogue import metrics_for
from ssi_desktop.core.records import ActivityEntry
from ssi_desktop.storage import Store
from ssi_desktop.ui.tabs.activity_table import ActivityTableModel

FIRST = date(2025, 1, 1)


def _entry(offset: int, comments: int, source: str = "manual") -> ActivityEntry:
    return ActivityEntry.create(
        FIRST + timedelta(days=offset), {"engage.comments": comments}, source
    )


def _rows(table: ActivityTableModel) -> list[tuple[date, str, int]]:
    return [
        (e.day, e.source, e.total("engage.comments"))
        for e in (table.entry(i) for i in range(table.rowCount()))
    ]


@pytest.mark.parametrize(
    ("change", "signal"),
    [
        (_entry(3, 9), "dataChanged"),  # a day's counts change
        (_entry(20, 1), "rowsInserted"),  # a new day
        (_entry(3, 0), "rowsRemoved"),  # a day cleared
        (_entry(5, 2, "csv"), "rowsInserted"),  # another source of a day already shown
        (ActivityEntry.create(FIRST + timedelta(days=30), {"find.searches": 1}), None),  # no row
    ],
)
def test_one_save_changes_one_row(qtbot, tmp_path: Path, change: ActivityEntry, signal) -> None:
    with Store.open(tmp_path / "store.json") as store:
        store.add_records(activity=[_entry(i, i + 1) for i in range(10)])
        table = ActivityTableModel(metrics_for("engage"))
        table.set_entries(store.activity())
        seen: list[str] = []
        for name in ("modelReset", "dataChanged", "rowsInserted", "rowsRemoved"):
            getattr(table, name).connect(lambda *_a, n=name: seen.append(n))

        store.set_activity(change)
        table.set_entries(store.activity())

        assert seen == ([signal] if signal else [])
        fresh = ActivityTableModel(metrics_for("engage"))
        fresh.set_entries(store.activity())
        assert _rows(table) == _rows(fresh)  # the same as building the table anew
