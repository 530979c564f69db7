"""``ssi-desktop backups``: list and restore through the real command line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from ssi_desktop.core.records import ActivityEntry
from ssi_desktop.storage import Store
from ssi_desktop.storage.backups import list_backups
from tests.store_holder import held_elsewhere


def cli(store: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ssi_desktop", *args, "--data", str(store)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def _two_saves(path: Path) -> bytes:
    """Two saves: today's daily backup holds the first, the previous version too."""
    with Store.open(path) as store:
        store.set_activity(ActivityEntry.create("2024-06-01", {"brand.posts": 1}))
        first = path.read_bytes()
        store.set_activity(ActivityEntry.create("2024-06-02", {"brand.posts": 2}))
    return first


def test_listing_says_when_there_are_none(store_path: Path) -> None:
    done = cli(store_path, "backups")
    assert done.returncode == 0 and "none yet" in done.stdout


def test_listing_shows_date_reason_size_and_state(store_path: Path) -> None:
    _two_saves(store_path)
    with Store.open(store_path) as store:
        damaged = store.backup("import")
    damaged.write_bytes(b"{")
    done = cli(store_path, "backups")
    assert done.returncode == 0, done.stderr
    lines = [line for line in done.stdout.splitlines() if line.startswith("    ")]
    assert len(lines) == 3
    assert "import" in lines[0] and "DAMAGED" in lines[0]
    assert any("daily" in line and " ok " in line for line in lines)
    assert any("previous" in line and "store.json.prev" in line for line in lines)
    rows = json.loads(cli(store_path, "backups", "list", "--format", "json").stdout)
    assert [r["readable"] for r in rows].count(False) == 1
    assert {r["reason"] for r in rows} == {"import", "daily", "previous"}
    assert all(r["size"] > 0 and r["taken"] for r in rows if r["readable"])


def test_restoring_latest_over_a_damaged_store(store_path: Path) -> None:
    first = _two_saves(store_path)
    store_path.write_bytes(b'{"meta": {"1": {"app"')
    refused = cli(store_path, "check")
    assert refused.returncode == 3 and "damaged or truncated" in refused.stderr
    done = cli(store_path, "backups", "restore", "latest")
    assert done.returncode == 0, done.stderr
    assert "damaged file it replaced was kept as" in done.stdout
    aside = list(store_path.parent.glob("store.json.damaged-*.json"))
    assert len(aside) == 1 and aside[0].read_bytes() == b'{"meta": {"1": {"app"'
    # "latest" is the newest good one: the previous version (the state after the first save).
    assert store_path.read_bytes() == first
    assert cli(store_path, "check").returncode == 0


def test_restoring_by_number_backs_up_the_current_state_first(store_path: Path) -> None:
    _two_saves(store_path)
    current = store_path.read_bytes()
    listed = list_backups(store_path)
    number = next(i for i, b in enumerate(listed, 1) if b.reason == "daily")
    done = cli(store_path, "backups", "restore", str(number))
    assert done.returncode == 0, done.stderr
    assert store_path.read_bytes() == listed[number - 1].path.read_bytes()
    safety = [b for b in list_backups(store_path) if b.reason == "restore"]
    assert len(safety) == 1 and safety[0].path.read_bytes() == current


def test_a_damaged_or_unknown_backup_is_refused_and_nothing_changes(store_path: Path) -> None:
    _two_saves(store_path)
    with Store.open(store_path) as store:
        bad = store.backup("manual")
    bad.write_bytes(b"")
    before = store_path.read_bytes()
    damaged = cli(store_path, "backups", "restore", bad.name)
    assert damaged.returncode == 3 and "is empty" in damaged.stderr
    unknown = cli(store_path, "backups", "restore", "42")
    assert unknown.returncode == 2 and "BACKUP" in unknown.stderr
    assert store_path.read_bytes() == before
    assert [b.reason for b in list_backups(store_path)].count("restore") == 0


def test_restore_while_the_app_has_the_store_open_is_refused(store_path: Path) -> None:
    _two_saves(store_path)
    with held_elsewhere(store_path):
        before = store_path.read_bytes()
        done = cli(store_path, "backups", "restore", "latest")
        assert done.returncode == 3 and "open in another SSI Desktop" in done.stderr
        assert store_path.read_bytes() == before


def test_check_reports_the_backups(store_path: Path) -> None:
    _two_saves(store_path)
    done = cli(store_path, "check")
    assert done.returncode == 0
    assert "2 backup(s) exist in" in done.stdout and "the newest good one is" in done.stdout
