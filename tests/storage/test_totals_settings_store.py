"""Totals snapshots and settings (schema 3) survive a real store file's round trip."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from ssi_desktop.core.records import Settings, TotalsSnapshot
from ssi_desktop.core.validation import ValidationError
from ssi_desktop.storage.store import Store


def test_totals_replace_their_day_and_come_back_sorted(store_path: Path) -> None:
    with Store.open(store_path) as store:
        store.put_totals(TotalsSnapshot.create("2026-03-05", {"totals.connections": 510}))
        store.put_totals(TotalsSnapshot.create("2026-03-01", {"totals.connections": 500}))
        store.put_totals(
            TotalsSnapshot.create(
                "2026-03-05", {"totals.connections": 512, "totals.senior_connections": 60}
            )
        )
    with Store.open(store_path) as store:
        snaps = store.totals()
        assert [(s.day, dict(s.values)) for s in snaps] == [
            (date(2026, 3, 1), {"totals.connections": 500}),
            (date(2026, 3, 5), {"totals.connections": 512, "totals.senior_connections": 60}),
        ]
        assert not store.is_empty()
        store.delete_totals(date(2026, 3, 1))
        assert [s.day for s in store.totals()] == [date(2026, 3, 5)]


def test_settings_default_then_saved(store_path: Path) -> None:
    with Store.open(store_path) as store:
        assert store.settings() == Settings(warm_start=True, sales_navigator=False)
        store.set_settings(Settings.create({"sales_navigator": "yes"}, store.settings()))
    with Store.open(store_path) as store:
        assert store.settings() == Settings(warm_start=True, sales_navigator=True)


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"totals.connections": -1}, "totals.connections"),
        ({"totals.connections": 2.5}, "totals.connections"),
        ({"totals.connections": 10, "totals.senior_connections": 11}, "totals.senior_connections"),
        ({"totals.friends": 3}, "totals.friends"),
        ({}, "totals"),
    ],
)
def test_bad_totals_name_the_field(values: dict[str, object], field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        TotalsSnapshot.create("2026-03-01", values)
    assert caught.value.field == field


def test_unknown_setting_is_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        Settings.create({"dark_mode": "yes"})
    assert caught.value.field == "dark_mode"


def test_many_totals_in_one_write_replace_their_days_last_one_winning(store_path: Path) -> None:
    """An import writes thousands of snapshots at once: each day ends with exactly one."""
    with Store.open(store_path) as store:
        store.put_totals(TotalsSnapshot.create("2026-01-01", {"totals.followers": 7}))
        store.put_totals(TotalsSnapshot.create("2026-01-02", {"totals.followers": 8}))
        store.add_records(
            totals=[
                TotalsSnapshot.create(date(2020, 1, 1) + timedelta(i), {"totals.connections": i})
                for i in range(1500)
            ]
            + [TotalsSnapshot.create("2026-01-02", {"totals.connections": 9_999})]
        )
    with Store.open(store_path) as store:
        by_day = {s.day: dict(s.values) for s in store.totals()}
    assert len(by_day) == 1500 + 2
    assert by_day[date(2026, 1, 1)] == {"totals.followers": 7}  # not in the write: untouched
    assert by_day[date(2026, 1, 2)] == {"totals.connections": 9_999}  # replaced, last one wins
    assert by_day[date(2021, 1, 1)] == {"totals.connections": 366}
