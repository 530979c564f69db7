"""Spec §7.5: a failed save says so, leaves the store as it was, and nothing stops working.

Faults are real: a 64 KiB filesystem that fills up, a filesystem remounted read-only, and an
OSError injected into each system call of the save in turn (the operating system failing,
not a stand-in for our code).
"""

from __future__ import annotations

import errno
import os
import tempfile
from datetime import date
from pathlib import Path

import pytest

from ssi_desktop.core.changes import PutDay
from ssi_desktop.core.records import ActivityEntry, Note
from ssi_desktop.storage import Store, StoreError
from ssi_desktop.storage.backups import previous_path
from ssi_desktop.ui.store_model import StoreModel


def _entry(day: str, n: int) -> ActivityEntry:
    return ActivityEntry.create(day, {"brand.posts": n})


def _ready_store(path: Path) -> Store:
    """A store with two saves behind it, so the previous version and today's backup exist."""
    store = Store.open(path)
    store.set_activity(_entry("2024-03-01", 1))
    store.set_activity(_entry("2024-03-02", 2))
    return store


def _leftovers(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*.tmp")]


class _FailOnCall:
    """Raise ``error`` on the ``nth`` call of a function, pass every other call through."""

    def __init__(self, real, nth: int, error: OSError) -> None:
        self.real, self.nth, self.error, self.calls = real, nth, error, 0

    def __call__(self, *args, **kwargs):
        self.calls += 1
        if self.calls == self.nth:
            raise self.error
        return self.real(*args, **kwargs)


#: Every step of a save, in the order the save makes them: (name, owner, function, call no.).
STEPS = [
    ("create temp file", tempfile, "mkstemp", 1),
    ("set owner-only mode", os, "fchmod", 1),
    ("write", os, "write", 1),
    ("fsync the file", os, "fsync", 1),
    ("link the previous version", os, "link", 1),
    ("rename over the store", os, "replace", 1),
    ("fsync the folder", os, "fsync", 2),
    ("rename the previous version", os, "replace", 2),
]


@pytest.mark.parametrize(("step", "owner", "name", "nth"), STEPS, ids=[s[0] for s in STEPS])
@pytest.mark.parametrize("err", [errno.EIO, errno.ENOSPC], ids=["EIO", "ENOSPC"])
def test_a_fault_at_any_step_changes_nothing(
    store_path: Path, monkeypatch: pytest.MonkeyPatch, step, owner, name, nth, err
) -> None:
    store = _ready_store(store_path)
    before, prev_before = store_path.read_bytes(), previous_path(store_path).read_bytes()
    fault = _FailOnCall(getattr(owner, name), nth, OSError(err, os.strerror(err)))
    monkeypatch.setattr(owner, name, fault)
    with pytest.raises(StoreError) as caught:
        store.set_activity(_entry("2024-03-03", 3))
    monkeypatch.undo()
    assert fault.calls >= nth, f"the save never reached {step}"
    assert caught.value.kind == "write_failed"
    assert os.strerror(err) in str(caught.value) and str(store_path) in str(caught.value)
    assert store_path.read_bytes() == before
    assert previous_path(store_path).read_bytes() == prev_before
    assert [e.day.isoformat() for e in store.activity()] == ["2024-03-01", "2024-03-02"]
    assert _leftovers(store_path.parent) == []
    # Still usable: the next save works and lands.
    store.set_activity(_entry("2024-03-03", 3))
    store.close()
    with Store.open(store_path) as again:
        assert [e.day.isoformat() for e in again.activity()] == [
            "2024-03-01",
            "2024-03-02",
            "2024-03-03",
        ]


def test_a_failed_batch_keeps_none_of_its_changes(
    store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = _ready_store(store_path)
    before = store_path.read_bytes()
    monkeypatch.setattr(os, "fsync", _FailOnCall(os.fsync, 1, OSError(errno.EIO, "I/O error")))
    with pytest.raises(StoreError), store.batch():
        store.set_activity(_entry("2024-03-05", 5))
        store.add_note(Note.create("2024-03-05", "holiday"))
    monkeypatch.undo()
    assert store_path.read_bytes() == before
    assert store.notes() == () and len(store.activity()) == 2


def test_the_first_save_of_a_new_store_failing_leaves_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "new.json"
    store = Store.open(path)
    monkeypatch.setattr(os, "replace", _FailOnCall(os.replace, 1, OSError(errno.EIO, "I/O")))
    with pytest.raises(StoreError):
        store.set_activity(_entry("2024-03-01", 1))
    monkeypatch.undo()
    assert not path.exists() and store.activity() == () and not store.exists
    store.set_activity(_entry("2024-03-01", 1))
    assert store.exists and len(store.activity()) == 1


def test_a_full_disk(small_fs) -> None:
    path = small_fs.path / "store.json"
    store = _ready_store(path)
    before = path.read_bytes()
    filler = small_fs.path / "filler"
    with pytest.raises(OSError) as full, filler.open("wb") as handle:
        while True:
            handle.write(b"x" * 4096)
            handle.flush()
            os.fsync(handle.fileno())
    assert full.value.errno == errno.ENOSPC
    with pytest.raises(StoreError) as caught:
        store.add_note(Note.create("2024-03-02", "a note long enough to need a new page " * 4))
    assert caught.value.kind == "write_failed" and "No space left" in str(caught.value)
    assert path.read_bytes() == before
    assert store.notes() == ()
    assert _leftovers(small_fs.path) == []
    filler.unlink()
    store.add_note(Note.create("2024-03-02", "there is room again"))
    store.close()
    with Store.open(path) as again:
        assert [n.text for _, n in again.notes()] == ["there is room again"]


def test_a_read_only_folder(small_fs) -> None:
    path = small_fs.path / "store.json"
    _ready_store(path).close()
    before = path.read_bytes()
    small_fs.remount("ro")
    try:
        store = Store.open(path)  # still opens: reading needs no lock
        assert len(store.activity()) == 2
        with pytest.raises(StoreError) as caught:
            store.set_activity(_entry("2024-03-04", 4))
        assert caught.value.kind == "write_failed" and "Read-only" in str(caught.value)
        assert path.read_bytes() == before
        assert len(store.activity()) == 2
    finally:
        small_fs.remount("rw")
    store.set_activity(_entry("2024-03-04", 4))
    assert len(Store.open(path).activity()) == 3


def test_a_forced_backup_that_cannot_be_made_says_so(small_fs) -> None:
    path = small_fs.path / "store.json"
    _ready_store(path).close()
    small_fs.remount("ro")
    try:
        store = Store.open(path)
        with pytest.raises(StoreError) as caught:
            store.backup("import")
        assert caught.value.kind == "write_failed" and "Could not back up" in str(caught.value)
    finally:
        small_fs.remount("rw")


def test_the_app_model_reports_and_keeps_working(small_fs, qtbot) -> None:
    """What the forms rely on: apply() says False, nothing is pushed, the next save works."""
    path = small_fs.path / "store.json"
    _ready_store(path).close()
    before = path.read_bytes()
    small_fs.remount("ro")  # as the app finds a store on a read-only medium
    try:
        model = StoreModel(Store.open(path))
        with qtbot.waitSignal(model.save_failed) as failed:
            ok = model.push("Add posts", PutDay(_entry("2024-03-09", 9)))
        assert ok is False
        assert "Read-only" in failed.args[0]
        assert model.undo_stack.count() == 0
        assert path.read_bytes() == before
        assert len(model.scores().dates()) > 0
    finally:
        small_fs.remount("rw")
    assert model.push("Add posts", PutDay(_entry("2024-03-09", 9)))
    assert model.undo_stack.count() == 1 and path.read_bytes() != before


def test_text_that_is_not_unicode_is_refused_by_the_store_too(store_path: Path) -> None:
    """Validation refuses lone surrogates; a record built around it must not crash a save."""
    store = _ready_store(store_path)
    before = store_path.read_bytes()
    with pytest.raises(StoreError) as caught:
        store.add_note(Note(date(2024, 3, 2), "caf\udcff"))  # the raw constructor, unchecked
    assert caught.value.kind == "write_failed" and "not valid Unicode" in str(caught.value)
    assert store_path.read_bytes() == before and store.notes() == ()


@pytest.mark.parametrize("code", [errno.EINVAL, errno.EPERM, errno.EXDEV])
def test_a_filesystem_without_hard_links_still_saves_and_keeps_the_previous_version(
    store_path: Path, monkeypatch: pytest.MonkeyPatch, code: int
) -> None:
    """FAT/exFAT sticks and some shares have no hard links (Windows says EINVAL): the
    previous version is copied instead, and the save goes through."""
    store = _ready_store(store_path)
    before = store_path.read_bytes()

    def no_links(*_args: object, **_kwargs: object) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, "link", no_links)
    store.set_activity(_entry("2024-01-03", 7))
    assert previous_path(store_path).read_bytes() == before
    assert Store.open(store_path, read_only=True).activity_on(date(2024, 1, 3)) is not None
    store.close()
