"""Spec §7.3: unusable files are refused with what is wrong and which backups exist.

They are never treated as a new empty store and never written to: every test compares the
file's bytes before and after, through the API and through the real CLI.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from ssi_desktop.core.records import ActivityEntry
from ssi_desktop.storage import Store, StoreError
from ssi_desktop.storage.backups import backup_dir
from ssi_desktop.storage.lock import lock_path


def _good_store(path: Path) -> bytes:
    with Store.open(path) as store:
        store.set_activity(ActivityEntry.create("2024-02-01", {"brand.posts": 2}))
        store.backup("manual")
    return path.read_bytes()


def _newer(raw: bytes) -> bytes:
    data = json.loads(raw)
    data["meta"]["1"]["schema"] = 99
    return json.dumps(data).encode()


def _wrong_app(raw: bytes) -> bytes:
    data = json.loads(raw)
    data["meta"]["1"]["app"] = "someone-else"
    return json.dumps(data).encode()


DAMAGE = {
    "empty": (lambda raw: b"", "empty", "is empty"),
    "blank": (lambda raw: b" \n\t\n", "empty", "is empty"),
    "truncated": (lambda raw: raw[: len(raw) // 2], "corrupt", "damaged or truncated"),
    "garbage": (lambda raw: bytes(range(256)) * 4, "corrupt", "damaged or truncated"),
    "a JSON list": (lambda raw: b"[1, 2, 3]", "not_a_store", "not an SSI Desktop store"),
    "another app's TinyDB": (
        lambda raw: b'{"_default": {"1": {"a": 1}}}',
        "not_a_store",
        "not an SSI Desktop store",
    ),
    "another app's meta": (_wrong_app, "not_a_store", "not an SSI Desktop store"),
    "a damaged table": (
        lambda raw: raw.replace(b'"activity":{', b'"activity":[0],"x":{'),
        "corrupt",
        "damaged",
    ),
    "newer schema": (_newer, "newer_schema", "newer SSI Desktop"),
}


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_refused_with_reason_and_backups_and_left_as_it_was(store_path: Path, damage) -> None:
    make, kind, words = DAMAGE[damage]
    raw = make(_good_store(store_path))
    store_path.write_bytes(raw)
    with pytest.raises(StoreError) as caught:
        Store.open(store_path)
    message = str(caught.value)
    assert caught.value.kind == kind
    assert words in message and str(store_path) in message
    assert "backup(s) exist in" in message and str(backup_dir(store_path)) in message
    assert "the newest good one is" in message
    assert store_path.read_bytes() == raw
    assert not lock_path(store_path).exists()  # refused opens do not keep the lock


@pytest.mark.parametrize("damage", ["truncated", "newer schema"])
def test_the_cli_exits_3_and_names_the_backups(store_path: Path, damage) -> None:
    make, _, words = DAMAGE[damage]
    raw = make(_good_store(store_path))
    store_path.write_bytes(raw)
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "ssi_desktop",
            "add",
            "--date",
            "2024-02-02",
            "brand.posts=1",
            "--data",
            str(store_path),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 3
    assert words in done.stderr and "ssi-desktop backups" in done.stderr
    assert store_path.read_bytes() == raw


def test_no_backups_is_said_too(store_path: Path) -> None:
    store_path.write_bytes(b"{")
    with pytest.raises(StoreError, match="No backups were found"):
        Store.open(store_path)


def test_a_folder_is_not_a_store(tmp_path: Path) -> None:
    with pytest.raises(StoreError) as caught:
        Store.open(tmp_path)
    assert caught.value.kind == "not_a_file"


def test_a_missing_file_is_a_new_store_only_when_asked(store_path: Path) -> None:
    with pytest.raises(StoreError) as caught:
        Store.open(store_path, create=False)
    assert caught.value.kind == "missing"
    with Store.open(store_path) as store:
        assert store.is_empty() and not store.exists
    assert not store_path.exists()  # nothing written until the first change
