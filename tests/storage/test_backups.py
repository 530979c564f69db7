"""Spec §7.2 and §7.10: the previous version, daily and forced backups, thinning, restore."""

from __future__ import annotations

import os
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from ssi_desktop.core.records import ActivityEntry
from ssi_desktop.storage import Store, StoreError
from ssi_desktop.storage.backups import (
    Backup,
    backup_dir,
    keep,
    list_backups,
    previous_path,
    prune,
    restore_file,
)

NOW = datetime(2026, 6, 15, 12, 0, tzinfo=UTC)


def _save(store: Store, day: str, n: int) -> bytes:
    store.set_activity(ActivityEntry.create(day, {"brand.posts": n}))
    return store.path.read_bytes()


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_every_write_keeps_the_previous_version(store_path: Path) -> None:
    with Store.open(store_path) as store:
        _save(store, "2024-01-01", 1)
        second = _save(store, "2024-01-02", 2)
        third = _save(store, "2024-01-03", 3)
        assert previous_path(store_path).read_bytes() == second
        assert store_path.read_bytes() == third
        assert [b.reason for b in store.backups()].count("previous") == 1


def test_the_first_write_of_a_day_backs_up_the_file_as_it_was(store_path: Path) -> None:
    with Store.open(store_path) as store:
        first = _save(store, "2024-01-01", 1)
        for n in range(2, 6):
            _save(store, "2024-01-02", n)
    daily = [b for b in list_backups(store_path) if b.reason == "daily"]
    assert len(daily) == 1  # once a day, not once a write
    assert daily[0].path.read_bytes() == first
    # A new day (yesterday's backup is the newest): the next session's first write backs up.
    os.rename(
        daily[0].path,
        daily[0].path.with_name(
            daily[0].name.replace(
                daily[0].taken.strftime("%Y%m%d"),
                (daily[0].taken - timedelta(days=1)).strftime("%Y%m%d"),
            )
        ),
    )
    with Store.open(store_path) as store:
        before = store_path.read_bytes()
        _save(store, "2024-01-03", 3)
        _save(store, "2024-01-04", 4)
    daily = [b for b in list_backups(store_path) if b.reason == "daily"]
    assert len(daily) == 2 and daily[0].path.read_bytes() == before


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_store_and_backups_are_the_owners_only(store_path: Path) -> None:
    with Store.open(store_path) as store:
        _save(store, "2024-01-01", 1)
        _save(store, "2024-01-02", 2)
        forced = store.backup("import")
    assert forced is not None and forced.read_bytes() == store_path.read_bytes()
    assert _mode(store_path) == 0o600
    assert _mode(previous_path(store_path)) == 0o600
    assert _mode(backup_dir(store_path)) == 0o700
    assert {_mode(b.path) for b in list_backups(store_path)} == {0o600}


def test_a_forced_backup_is_listed_with_its_reason(store_path: Path) -> None:
    with Store.open(store_path) as store:
        assert store.backup("calibration") is None  # nothing written yet: nothing to keep
        _save(store, "2024-01-01", 1)
        made = store.backup("calibration")
    listed = list_backups(store_path)
    assert listed[0].path == made and listed[0].reason == "calibration"
    assert listed[0].size == made.stat().st_size


# -- thinning, a pure function with a fixed clock -----------------------------------------


def _b(age_days: float, reason: str = "daily") -> Backup:
    taken = NOW - timedelta(days=age_days)
    return Backup(Path(f"/b/s-{taken:%Y%m%dT%H%M%S%f}Z-{reason}.json"), taken, reason, 1)


def _always(_: Backup) -> bool:
    return True


def test_a_year_of_daily_backups_thins_to_week_month_and_year() -> None:
    """Simulate 500 days: one backup a day, thinned each day, as the store does."""
    held: list[Backup] = []
    start = NOW - timedelta(days=500)
    for day in range(501):
        now = start + timedelta(days=day)
        held.append(Backup(Path(f"/b/{day}.json"), now, "daily", 1))
        kept = keep(held, now, _always)
        held = [b for b in held if b.path in kept]
    ages = sorted((NOW - b.taken).days for b in held)
    assert ages[:7] == list(range(7))  # the whole last week
    assert len(ages) <= 7 + 6 + 13
    weeks = {b.taken.isocalendar()[:2] for b in held if 7 <= (NOW - b.taken).days < 42}
    assert len(weeks) >= 4
    months = {(b.taken.year, b.taken.month) for b in held if (NOW - b.taken).days < 366}
    assert len(months) >= 12  # about a year back, month by month
    assert 330 <= max(ages) <= 400


def test_a_damaged_backup_never_pushes_out_a_good_one() -> None:
    good, damaged = _b(100), _b(99)  # same month; the damaged one is newer
    assert good.taken.month == damaged.taken.month
    kept = keep([good, damaged], NOW, lambda b: b is not damaged)
    assert good.path in kept and damaged.path not in kept


def test_the_newest_good_backup_is_kept_however_old() -> None:
    old_good, old_damaged = _b(1000), _b(900)
    kept = keep([old_good, old_damaged], NOW, lambda b: b is old_good)
    assert kept == {old_good.path}


def test_forced_backups_are_kept_for_a_month() -> None:
    forced = [_b(20 + i / 10, r) for i, r in enumerate(("import", "import-csv", "restore"))]
    daily_same_week = _b(19.5)
    kept = keep([*forced, daily_same_week], NOW, _always)
    assert {b.path for b in forced} <= kept
    assert _b(40, "import").path not in keep([_b(40, "import"), _b(39)], NOW, _always)


def test_prune_deletes_only_backups_it_does_not_keep(store_path: Path) -> None:
    with Store.open(store_path) as store:
        _save(store, "2024-01-01", 1)
        _save(store, "2024-01-02", 2)
    folder = backup_dir(store_path)
    for made_today in list_backups(store_path):
        if made_today.reason == "daily":
            made_today.path.unlink()  # this test's clock is NOW, not today
    names = []
    for days in (3, 40, 41, 200, 201, 800):
        taken = NOW - timedelta(days=days)
        names.append(folder / f"store.json.{taken:%Y%m%dT%H%M%S%f}Z.daily.json")
        names[-1].write_bytes(store_path.read_bytes())
    (folder / "notes-of-mine.txt").write_text("not a backup")
    removed = prune(store_path, NOW)
    # The older of each same-week and same-month pair, and the one from over a year ago.
    assert set(removed) == {names[2], names[4], names[5]}
    assert {b.path for b in list_backups(store_path)} == {
        names[0],
        names[1],
        names[3],
        previous_path(store_path),
    }
    assert (folder / "notes-of-mine.txt").exists()


# -- restore ------------------------------------------------------------------------------


def test_restore_keeps_the_current_state_first_and_reloads(store_path: Path) -> None:
    with Store.open(store_path) as store:
        old = _save(store, "2024-01-01", 1)
        snapshot = store.backup("manual")
        current = _save(store, "2024-01-02", 2)
        revision = store.revision
        done = store.restore(snapshot)
        assert store_path.read_bytes() == old
        assert [e.day.isoformat() for e in store.activity()] == ["2024-01-01"]
        assert store.revision > revision
        assert done.safety is not None and done.safety.read_bytes() == current
        assert done.aside is None
        _save(store, "2024-01-05", 5)  # still writable after a restore
    assert len(Store.open(store_path).activity()) == 2


def test_restoring_over_a_damaged_file_moves_it_aside(store_path: Path) -> None:
    with Store.open(store_path) as store:
        _save(store, "2024-01-01", 1)
        good = store.backup("manual")
        _save(store, "2024-01-02", 2)
    last_good_previous = previous_path(store_path).read_bytes()
    store_path.write_bytes(b'{"meta": {"1": {"app": "ssi-de')
    done = restore_file(store_path, good)
    assert previous_path(store_path).read_bytes() == last_good_previous
    assert done.aside is not None and done.aside.read_bytes() == b'{"meta": {"1": {"app": "ssi-de'
    assert ".damaged-" in done.aside.name and done.aside.parent == store_path.parent
    assert store_path.read_bytes() == good.read_bytes()


def test_a_damaged_backup_is_refused_and_nothing_changes(store_path: Path) -> None:
    with Store.open(store_path) as store:
        _save(store, "2024-01-01", 1)
        bad = store.backup("manual")
        bad.write_bytes(b"{not json")
        before = store_path.read_bytes()
        with pytest.raises(StoreError) as caught:
            store.restore(bad)
        assert caught.value.kind == "corrupt"
        assert store_path.read_bytes() == before and len(store.activity()) == 1


def test_a_reason_with_a_dash_is_listed_and_bad_reasons_are_refused(store_path: Path) -> None:
    with Store.open(store_path) as store:
        _save(store, "2024-01-01", 1)
        made = store.backup("import-csv")
        with pytest.raises(ValueError):
            store.backup("Import CSV")
    assert [b.path for b in list_backups(store_path) if b.reason == "import-csv"] == [made]


def test_opening_a_store_leaves_another_stores_backup_in_progress_alone(tmp_path: Path) -> None:
    """Two stores in one folder: "work.json" must not take "work-2.json"'s half-written
    backup (nor its own leftover survive)."""
    with Store.open(tmp_path / "work.json") as store:
        store.set_activity(ActivityEntry.create("2024-01-01", {"brand.posts": 1}))
    folder = tmp_path / "backups"
    folder.mkdir(exist_ok=True)
    theirs = folder / ".work-2.json.20261101T120000000000Z.daily.json.abcd1234.tmp"
    ours = folder / ".work.json.20261101T120000000000Z.daily.json.efgh5678.tmp"
    theirs.write_bytes(b"{}")
    ours.write_bytes(b"{}")
    Store.open(tmp_path / "work.json").close()
    assert theirs.exists() and not ours.exists()
