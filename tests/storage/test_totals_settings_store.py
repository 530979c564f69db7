"""Totals snapshots and settings (schema 3) survive a real store file's round trip."""

from __future__ import annotations

from datetime import date
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
