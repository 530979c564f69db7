"""Only regular files are stores: symlinks are written through, everything else is refused
without hanging (issue 16, cases 2, 7 and the path below a file of 11)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from ssi_desktop.core.records import ActivityEntry
from ssi_desktop.storage import Store, StoreError
from ssi_desktop.storage.backups import list_backups

posix_only = pytest.mark.skipif(os.name != "posix", reason="FIFOs, sockets and devices are POSIX")


def cli(store: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ssi_desktop", *args, "--data", str(store)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_a_symlinked_store_is_written_through_to_its_target(tmp_path: Path) -> None:
    synced = tmp_path / "synced"
    synced.mkdir()
    target = synced / "store.json"
    with Store.open(target) as store:
        store.set_activity(ActivityEntry.create("2023-12-31", {"brand.posts": 1}))
    link = tmp_path / "store.json"
    link.symlink_to(target)
    assert cli(link, "add", "--date", "2024-01-01", "brand.posts=1").returncode == 0
    assert cli(link, "add", "--date", "2024-01-02", "brand.posts=2").returncode == 0
    assert link.is_symlink() and os.readlink(link) == str(target)
    with Store.open(target) as store:
        assert [e.day.isoformat() for e in store.activity()] == [
            "2023-12-31",
            "2024-01-01",
            "2024-01-02",
        ]
    # The previous version and the backups live beside the file itself.
    assert (synced / "store.json.prev").is_file()
    assert list_backups(target) and not (tmp_path / "backups").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["store.json", "synced"]


def test_a_dangling_link_is_refused_and_nothing_is_created(tmp_path: Path) -> None:
    link = tmp_path / "store.json"
    link.symlink_to(tmp_path / "gone" / "store.json")
    for args in (("add", "--date", "2024-01-01", "brand.posts=1"), ("score",), ("check",)):
        done = cli(link, *args)
        assert done.returncode == 3, done.stderr
        assert "does not exist" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "gone").exists() and link.is_symlink()


@posix_only
def test_a_fifo_is_refused_at_once_never_read(tmp_path: Path) -> None:
    fifo = tmp_path / "store.json"
    os.mkfifo(fifo)
    for args in (("score",), ("add", "--date", "2024-01-01", "brand.posts=1"), ("check",)):
        done = cli(fifo, *args)  # the 60 s timeout would fail the test if it hung
        assert done.returncode == 3, done.stderr
        assert "named pipe (FIFO)" in done.stderr and "Traceback" not in done.stderr
    assert fifo.is_fifo()


@posix_only
@pytest.mark.parametrize("kind", ["device", "socket", "folder"])
def test_devices_sockets_and_folders_are_not_stores(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "store.json"
    if kind == "device":
        path.symlink_to("/dev/zero")
    elif kind == "socket":
        server = socket.socket(socket.AF_UNIX)
        server.bind(str(path))
    else:
        path.mkdir()
    with pytest.raises(StoreError) as caught:
        Store.open(path)
    assert caught.value.kind == "not_a_file"
    assert {"device": "a device", "socket": "a socket", "folder": "a folder"}[kind] in str(
        caught.value
    )
    done = cli(path, "add", "--date", "2024-01-01", "brand.posts=1")
    assert done.returncode == 3 and "Traceback" not in done.stderr


@posix_only
def test_a_fifo_in_the_backups_folder_is_skipped(tmp_path: Path) -> None:
    store_path = tmp_path / "store.json"
    with Store.open(store_path) as store:
        store.set_activity(ActivityEntry.create("2024-01-01", {"brand.posts": 1}))
        store.backup("import")
    os.mkfifo(tmp_path / "backups" / "store.json.29990101T000000000000Z.import.json")
    store_path.write_bytes(b"")
    done = cli(store_path, "backups", "restore", "latest")
    assert done.returncode == 0, done.stderr
    assert all(b.path.is_file() for b in list_backups(store_path))


def test_a_store_below_a_regular_file_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("x")
    path = tmp_path / "notes.txt" / "store.json"
    for args in (("add", "--date", "2024-01-01", "brand.posts=1"), ("score",)):
        done = cli(path, *args)
        assert done.returncode == 3, done.stderr
        assert "a folder on its path is a file" in done.stderr
        assert "Traceback" not in done.stderr
    assert (tmp_path / "notes.txt").read_text() == "x"
