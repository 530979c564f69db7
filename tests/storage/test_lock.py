"""Spec §7.4: one writer per store, with real second processes; stale locks are recovered."""

from __future__ import annotations

import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from ssi_desktop.core.records import ActivityEntry, Note
from ssi_desktop.storage import Store, StoreError
from ssi_desktop.storage.lock import lock_path

HOLDER = """
import sys, time
from ssi_desktop.storage import Store
store = Store.open(sys.argv[1])
print("ready", flush=True)
if sys.argv[2] == "close":
    sys.stdin.readline()
    store.close()
    print("closed", flush=True)
time.sleep(60)
"""


@pytest.fixture
def holder(store_path: Path) -> Iterator[subprocess.Popen[str]]:
    with Store.open(store_path) as store:
        store.set_activity(ActivityEntry.create("2024-05-01", {"brand.posts": 1}))
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(store_path), "close"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    yield proc
    proc.kill()
    proc.wait()


def test_a_second_process_is_told_and_writes_nothing(store_path: Path, holder) -> None:
    before = store_path.read_bytes()
    with pytest.raises(StoreError) as caught:
        Store.open(store_path)
    assert caught.value.kind == "locked"
    assert "open in another SSI Desktop" in str(caught.value)
    assert f"process {holder.pid}" in str(caught.value)
    cli = subprocess.run(
        [
            sys.executable,
            "-m",
            "ssi_desktop",
            "add",
            "--date",
            "2024-05-02",
            "brand.posts=3",
            "--data",
            str(store_path),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert cli.returncode == 3
    assert "open in another SSI Desktop" in cli.stderr
    assert store_path.read_bytes() == before


def test_the_lock_is_released_on_close(store_path: Path, holder) -> None:
    assert lock_path(store_path).exists()
    holder.stdin.write("\n")
    holder.stdin.flush()
    assert holder.stdout.readline().strip() == "closed"
    assert not lock_path(store_path).exists()
    with Store.open(store_path) as store:
        store.set_activity(ActivityEntry.create("2024-05-02", {"brand.posts": 2}))
    assert len(Store.open(store_path).activity()) == 2


def test_a_lock_left_by_a_killed_process_is_taken_over(store_path: Path, holder) -> None:
    before = store_path.read_bytes()
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    assert lock_path(store_path).exists()  # the dead process could not remove it
    with Store.open(store_path) as store:
        assert store_path.read_bytes() == before
        store.set_activity(ActivityEntry.create("2024-05-02", {"brand.posts": 2}))
    assert not lock_path(store_path).exists()


def test_an_empty_lock_file_from_a_kill_mid_lock_is_taken_over(store_path: Path) -> None:
    """Found by the crash test: a writer killed between creating and filling the lock file."""
    lock_path(store_path).write_bytes(b"")
    with Store.open(store_path) as store:
        store.set_activity(ActivityEntry.create("2024-05-01", {"brand.posts": 1}))
    assert store_path.exists()


def test_the_same_process_may_reopen_and_the_last_close_unlocks(store_path: Path) -> None:
    first = Store.open(store_path)
    second = Store.open(store_path)
    first.close()
    assert lock_path(store_path).exists()
    second.close()
    assert not lock_path(store_path).exists()


def test_a_read_only_view_beside_the_writer_never_writes(store_path: Path, holder) -> None:
    before = store_path.read_bytes()
    view = Store.open(store_path, read_only=True)
    assert view.read_only and [e.day.isoformat() for e in view.activity()] == ["2024-05-01"]
    changes = [
        lambda: view.set_activity(ActivityEntry.create("2024-05-02", {"brand.posts": 2})),
        lambda: view.add_note(Note.create("2024-05-02", "hello")),
        lambda: view.set_goal(None),
        lambda: view.backup("manual"),
    ]
    for change in changes:
        with pytest.raises(StoreError) as caught:
            change()
        assert caught.value.kind == "read_only" and "Nothing was saved" in str(caught.value)
    assert [e.day.isoformat() for e in view.activity()] == ["2024-05-01"]
    assert view.notes() == ()
    view.close()
    assert store_path.read_bytes() == before
    assert list(store_path.parent.glob("backups/*manual*")) == []
    with pytest.raises(StoreError) as caught:  # the writer still holds its lock
        Store.open(store_path)
    assert caught.value.kind == "locked"


def test_a_read_only_view_of_an_old_schema_does_not_migrate_the_file(store_path: Path) -> None:
    store_path.write_text(
        '{"meta": {"1": {"app": "ssi-desktop", "schema": 1}}, "activity": {"1": {"date": '
        '"2024-05-01", "source": "manual", "counts": {"brand.posts": 2, "find.searches": 0}}}}'
    )
    before = store_path.read_bytes()
    with Store.open(store_path, read_only=True) as view:
        assert dict(view.activity()[0].counts) == {"brand.posts": 2}
    assert store_path.read_bytes() == before
    assert not lock_path(store_path).exists()
