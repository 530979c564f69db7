"""Stores side by side in one folder: each owns its backups, previous version and temp files
by its whole file name (issue 16, case 1 and the ``a.json.bak`` case of 11)."""

from __future__ import annotations

import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from ssi_desktop.core.records import ActivityEntry
from ssi_desktop.storage import Store
from ssi_desktop.storage.backups import (
    latest_good,
    list_backups,
    make_backup,
    prune,
)


def cli(store: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ssi_desktop", *args, "--data", str(store)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def _store(path: Path, days: int, posts: int) -> bytes:
    with Store.open(path) as store:
        store.set_activities(
            ActivityEntry.create(f"2024-01-{d:02d}", {"brand.posts": posts})
            for d in range(1, days + 1)
        )
        store.backup("import")
    return path.read_bytes()


def test_work_json_work_db_and_a_json_bak_keep_their_own_histories(tmp_path: Path) -> None:
    work_json = _store(tmp_path / "work.json", days=20, posts=1)
    work_db = _store(tmp_path / "work.db", days=1, posts=2)
    _store(tmp_path / "a.json", days=2, posts=3)
    _store(tmp_path / "a.json.bak", days=3, posts=4)
    for name in ("work.json", "work.db", "a.json", "a.json.bak"):
        listed = list_backups(tmp_path / name)
        assert listed and all(b.name.startswith(f"{name}.") for b in listed), (name, listed)
    names = {b.name for n in ("work.json", "work.db") for b in list_backups(tmp_path / n)}
    assert len(names) == len(list_backups(tmp_path / "work.json")) + len(
        list_backups(tmp_path / "work.db")
    )

    # A damaged work.json is offered, and restored from, its own backup: 20 days, not 1.
    (tmp_path / "work.json").write_bytes(b"{")
    good = latest_good(tmp_path / "work.json")
    assert good is not None and good.path.read_bytes() == work_json
    done = cli(tmp_path / "work.json", "backups", "restore", "latest")
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "work.json").read_bytes() == work_json
    assert (tmp_path / "work.db").read_bytes() == work_db
    with Store.open(tmp_path / "work.json") as store:
        assert len(store.activity()) == 20


def test_thinning_one_store_never_deletes_anothers_backups(tmp_path: Path) -> None:
    (tmp_path / "work.json").write_bytes(_store(tmp_path / "work.json", 1, 1))
    _store(tmp_path / "work.db", 1, 2)
    old = datetime.now(UTC) - timedelta(days=400)
    for days in range(0, 120, 3):
        make_backup(tmp_path / "work.json", "daily", old + timedelta(days=days))
        make_backup(tmp_path / "work.db", "daily", old + timedelta(days=days))
    theirs = {b.path for b in list_backups(tmp_path / "work.db")}
    removed = prune(tmp_path / "work.json")
    assert removed and not set(removed) & theirs
    assert {b.path for b in list_backups(tmp_path / "work.db")} == theirs


def test_opening_a_json_leaves_the_temp_files_of_a_json_bak_alone(tmp_path: Path) -> None:
    _store(tmp_path / "a.json", 1, 1)
    _store(tmp_path / "a.json.bak", 1, 1)
    theirs = [
        tmp_path / ".a.json.bak.k2j4h5g6.tmp",
        tmp_path / ".a.json.bak.prev.k2j4h5g6.tmp",
        tmp_path / "backups" / ".a.json.bak.20261101T120000000000Z.daily.json.k2j4h5g6.tmp",
    ]
    ours = [
        tmp_path / ".a.json.abcd1234.tmp",
        tmp_path / ".a.json.prev.abcd1234.tmp",
        tmp_path / "backups" / ".a.json.20261101T120000000000Z.daily.json.abcd1234.tmp",
    ]
    for temp in theirs + ours:
        temp.write_bytes(b"half")
    Store.open(tmp_path / "a.json").close()
    assert all(t.exists() for t in theirs)
    assert not any(t.exists() for t in ours)


def test_backups_named_by_the_stem_are_still_listed_and_restorable(tmp_path: Path) -> None:
    """Backups of earlier versions (``work-<time>-<reason>.json``): listed for the one store
    they can belong to; with two stores of one stem, for the one whose meta matches."""
    first = _store(tmp_path / "work.json", 3, 1)
    folder = tmp_path / "backups"
    for own in folder.iterdir():
        own.unlink()
    legacy = folder / "work-20240101T120000000000Z-daily.json"
    legacy.write_bytes(first)
    assert [b.path for b in list_backups(tmp_path / "work.json")] == [legacy]
    # A second store of the same stem arrives (created a second later: the stamp is to the
    # second): the old backup is still work.json's only, and thinning work.db keeps it.
    time.sleep(1.1)
    _store(tmp_path / "work.db", 1, 2)
    prune(tmp_path / "work.db", datetime.now(UTC) + timedelta(days=800))
    prune(tmp_path / "work.json", datetime.now(UTC) + timedelta(days=800))
    assert legacy.exists()
    assert legacy in {b.path for b in list_backups(tmp_path / "work.json")}
    assert legacy not in {b.path for b in list_backups(tmp_path / "work.db")}
    (tmp_path / "work.json").write_bytes(b"")
    done = cli(tmp_path / "work.json", "backups", "restore", legacy.name)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "work.json").read_bytes() == first


def test_a_backup_stamped_in_the_future_is_never_latest(tmp_path: Path) -> None:
    store_path = tmp_path / "store.json"
    now_bytes = _store(store_path, 2, 1)
    with Store.open(store_path) as store:
        store.set_activity(ActivityEntry.create("2024-03-01", {"brand.posts": 9}))
    # A good store, only its stamp is wrong (a clock once a year ahead).
    future = make_backup(store_path, "daily", datetime.now(UTC) + timedelta(days=365))
    store_path.write_bytes(b"")
    good = latest_good(store_path)
    assert good is not None and good.path != future
    done = cli(store_path, "backups", "restore", "latest")
    assert done.returncode == 0, done.stderr
    assert f"from {future.name}" not in done.stdout
    assert store_path.read_bytes() == now_bytes
    # The wrong clock does not stop today's daily backup either: with only the future one
    # left, the first save of the day still backs the file up.
    for backup in list_backups(store_path):
        if backup.path != future:
            backup.path.unlink()
    with Store.open(store_path) as store:
        store.set_activity(ActivityEntry.create("2024-02-01", {"brand.posts": 1}))
    today = datetime.now(UTC).date()
    assert any(b.reason == "daily" and b.taken.date() == today for b in list_backups(store_path))
