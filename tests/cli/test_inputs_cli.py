"""``totals`` and ``settings`` as a user runs them: a real subprocess on a real store file.

A refusal must exit 2, name the field and leave the store file's bytes exactly as they were.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from ssi_desktop.core.catalogue import SETTINGS
from ssi_desktop.core.validation import today
from ssi_desktop.storage import Store


def cli(store: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "ssi_desktop", "--data", str(store), *args]
    return subprocess.run(command, capture_output=True, text=True, env=dict(os.environ),
                          timeout=120)  # fmt: skip  # fmt: skip


def ok(store: Path, *args: str) -> str:
    done = cli(store, *args)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture
def with_network(store_path: Path) -> Path:
    """900 connections (150 decision makers) on 2026-01-05 and 1,000 on 2026-03-06."""
    ok(store_path, "totals", "--date", "2026-01-05", "totals.connections=900",
       "totals.senior_connections=150")  # fmt: skip
    ok(store_path, "totals", "--date", "2026-03-06", "totals.connections=1000")
    return store_path


def test_totals_are_recorded_merged_per_day_and_listed(with_network: Path) -> None:
    ok(with_network, "totals", "--date", "2026-03-06", "totals.followers=420")
    with Store.open(with_network) as store:
        snapshots = {s.day: dict(s.values) for s in store.totals()}
    assert snapshots == {
        date(2026, 1, 5): {"totals.connections": 900, "totals.senior_connections": 150},
        date(2026, 3, 6): {"totals.connections": 1000, "totals.followers": 420},
    }
    listed = ok(with_network, "totals")
    assert "2026-01-05: totals.connections=900, totals.senior_connections=150" in listed
    assert "2026-03-06: totals.connections=1000, totals.followers=420" in listed
    rows = json.loads(ok(with_network, "totals", "--format", "json"))
    assert rows == [
        {"date": "2026-01-05", "totals.connections": 900, "totals.senior_connections": 150},
        {"date": "2026-03-06", "totals.connections": 1000, "totals.followers": 420},
    ]


def test_an_empty_store_lists_no_totals_and_creates_no_file(store_path: Path) -> None:
    assert json.loads(ok(store_path, "totals", "--format", "json")) == []
    assert not store_path.exists()


FUTURE = (today() + timedelta(days=1)).isoformat()


@pytest.mark.parametrize(
    ("args", "field", "words"),
    [
        (["--date", "2026-02-01", "totals.connections=-5"], "totals.connections", "negative"),
        (["--date", "2026-02-01", "totals.followers=12.5"], "totals.followers", "whole number"),
        (["--date", "2026-02-01", "totals.connections=ten"], "totals.connections", "not a number"),
        (
            ["--date", "2026-02-01", "totals.connections=10", "totals.senior_connections=11"],
            "totals.senior_connections",
            "more than",
        ),
        # Alone on its day, but above the 900 → 1,000 connections of Jan 5 → Mar 6 (950 on Feb 4).
        (
            ["--date", "2026-02-04", "totals.senior_connections=951"],
            "totals.senior_connections",
            "more than the 950 connections",
        ),
        # Before the first connections snapshot the first (900) is in force.
        (
            ["--date", "2025-06-01", "totals.senior_connections=901"],
            "totals.senior_connections",
            "more than the 900 connections",
        ),
        # Fewer connections than the decision makers already recorded that day.
        (["--date", "2026-01-05", "totals.connections=149"], "totals.connections", "more than"),
        # Fewer connections later than the 150 decision makers in force then.
        (["--date", "2026-06-01", "totals.connections=100"], "totals.connections", "more than"),
        (["--date", "2026-02-01", "totals.fans=3"], "totals.fans", "is not a total"),
        (["--date", "2026-02-01", "brand.posts=3"], "brand.posts", "is not a total"),
        (["--date", FUTURE, "totals.connections=3"], "date", "in the future"),
        (["--date", "2026-02-31", "totals.connections=3"], "date", "not a date"),
        (["--date", "2026-02-01"], "totals", "at least one total"),
        (["totals.connections=3"], "--date", "is required"),
        (["--date", "2026-02-01", "totals.connections"], "totals.connections", "KEY=N"),
        (
            ["--date", "2026-02-01", "totals.connections=3", "totals.connections=4"],
            "totals.connections",
            "given twice",
        ),
        (["--date", "2026-02-02", "--delete"], "--date", "no totals recorded"),
    ],
)
def test_bad_totals_exit_2_naming_the_field_and_leave_the_bytes(
    with_network: Path, args: list[str], field: str, words: str
) -> None:
    before = with_network.read_bytes()
    done = cli(with_network, "totals", *args)
    assert done.returncode == 2, done.stdout
    assert f"{field}:" in done.stderr and words in done.stderr, done.stderr
    assert with_network.read_bytes() == before


def test_a_snapshot_is_deleted_by_its_date(with_network: Path) -> None:
    ok(with_network, "totals", "--date", "2026-03-06", "--delete")
    with Store.open(with_network) as store:
        assert [s.day for s in store.totals()] == [date(2026, 1, 5)]


def test_settings_show_defaults_then_change(store_path: Path) -> None:
    shown = ok(store_path, "settings")
    for setting in SETTINGS:
        default = "yes" if setting.default else "no"
        assert f"{setting.key}={default} (default {default})" in shown
        assert setting.help in shown
    assert not store_path.exists()  # showing writes nothing
    ok(store_path, "settings", "warm_start=no", "sales_navigator=yes")
    assert json.loads(ok(store_path, "settings", "--format", "json")) == {
        "warm_start": False,
        "sales_navigator": True,
    }
    ok(store_path, "settings", "sales_navigator=no")  # others stay as they were
    with Store.open(store_path) as store:
        assert store.settings().as_dict() == {"warm_start": False, "sales_navigator": False}


@pytest.mark.parametrize(
    ("value", "field", "words"),
    [
        ("warm_start=maybe", "warm_start", "yes or no"),
        ("warm_start=", "warm_start", "yes or no"),
        ("sales_navigator=1", "sales_navigator", "yes or no"),
        ("dark_mode=yes", "dark_mode", "is not a setting"),
        ("warm_start", "warm_start", "KEY=yes|no"),
    ],
)
def test_bad_settings_exit_2_and_leave_the_bytes(
    store_path: Path, value: str, field: str, words: str
) -> None:
    ok(store_path, "settings", "sales_navigator=yes")
    before = store_path.read_bytes()
    done = cli(store_path, "settings", value)
    assert done.returncode == 2
    assert f"{field}:" in done.stderr and words in done.stderr, done.stderr
    assert store_path.read_bytes() == before
