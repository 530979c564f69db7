"""Schema migrations: every older schema has a path to today's, with a backup first."""

from __future__ import annotations

import copy
import errno
import json
import os
from pathlib import Path

import pytest

from ssi_desktop.storage import Store, StoreError
from ssi_desktop.storage.backups import list_backups
from ssi_desktop.storage.migrations import MIGRATIONS, migrate
from ssi_desktop.storage.schema import SCHEMA_VERSION

#: A store as SSI Desktop 0.1 (schema 1) wrote it: zero counts kept, keys in any order.
V1 = {
    "meta": {
        "1": {
            "app": "ssi-desktop",
            "schema": 1,
            "created": "2025-01-02T10:00:00+00:00",
            "app_version": "0.1.0",
        }
    },
    "activity": {
        "1": {
            "date": "2025-01-02",
            "source": "manual",
            "counts": {"engage.comments": 3, "brand.posts": 0, "brand.articles": 1},
        },
        "2": {"date": "2025-01-03", "source": "linkedin", "counts": {"brand.posts": 0}},
        "3": {"date": "2025-01-04", "source": "manual", "counts": {"find.searches": 2}},
    },
    "notes": {"1": {"date": "2025-01-02", "text": "first week"}},
    "readings": {
        "1": {
            "date": "2025-01-03",
            "total": 40.0,
            "brand": 10.0,
            "find": 10.0,
            "engage": 10.0,
            "build": 10.0,
        }
    },
}


def _write_v1(path: Path) -> bytes:
    raw = json.dumps(V1).encode()
    path.write_bytes(raw)
    return raw


def test_every_earlier_schema_has_a_step() -> None:
    assert set(MIGRATIONS) == set(range(1, SCHEMA_VERSION))


def test_step_1_to_2_normalises_activity_and_records_history() -> None:
    original = copy.deepcopy(V1)
    migrated, passed = migrate(V1, now="2026-01-01T00:00:00+00:00", app_version="0.2.0")
    assert original == V1  # the input is left alone, in case a later step fails
    assert passed == [1, 2]
    meta = migrated["meta"]["1"]
    assert meta["schema"] == 3
    assert meta["migrated"] == [
        {"from": 1, "to": 2, "at": "2026-01-01T00:00:00+00:00", "app_version": "0.2.0"},
        {"from": 2, "to": 3, "at": "2026-01-01T00:00:00+00:00", "app_version": "0.2.0"},
    ]
    assert migrated["activity"] == {
        "1": {
            "date": "2025-01-02",
            "source": "manual",
            "counts": {"brand.articles": 1, "engage.comments": 3},
        },
        "3": {"date": "2025-01-04", "source": "manual", "counts": {"find.searches": 2}},
    }
    assert list(migrated["activity"]["1"]["counts"]) == ["brand.articles", "engage.comments"]
    assert migrated["notes"] == V1["notes"] and migrated["readings"] == V1["readings"]
    assert migrated["totals"] == {} and migrated["settings"] == {}


def test_current_data_is_not_migrated() -> None:
    migrated, _ = migrate(V1, now="x", app_version="y")
    again, passed = migrate(migrated, now="z", app_version="y")
    assert passed == [] and again is migrated


def test_opening_a_real_v1_file_backs_it_up_then_migrates_it(store_path: Path) -> None:
    raw = _write_v1(store_path)
    with Store.open(store_path) as store:
        assert store.meta()["schema"] == SCHEMA_VERSION
        assert [(e.day.isoformat(), dict(e.counts)) for e in store.activity()] == [
            ("2025-01-02", {"brand.articles": 1, "engage.comments": 3}),
            ("2025-01-04", {"find.searches": 2}),
        ]
        assert [n.text for _, n in store.notes()] == ["first week"]
        assert store.readings()[0].total == 40.0
    backup = [b for b in list_backups(store_path) if b.reason == "migration"]
    assert len(backup) == 1 and backup[0].path.read_bytes() == raw
    on_disk = json.loads(store_path.read_bytes())
    assert on_disk["meta"]["1"]["schema"] == SCHEMA_VERSION
    assert on_disk["meta"]["1"]["migrated"][0]["from"] == 1
    # Opening again migrates nothing more and takes no further migration backup.
    Store.open(store_path).close()
    assert len([b for b in list_backups(store_path) if b.reason == "migration"]) == 1


def test_a_failed_migration_leaves_the_v1_file(store_path: Path, monkeypatch) -> None:
    raw = _write_v1(store_path)
    real = os.replace

    def fail_on_store(src, dst, *args, **kwargs):
        if Path(dst) == store_path:
            raise OSError(errno.EIO, "I/O error")
        return real(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "replace", fail_on_store)
    with pytest.raises(StoreError) as caught:
        Store.open(store_path)
    monkeypatch.undo()
    assert caught.value.kind == "write_failed"
    assert "schema 1" in str(caught.value) and "not changed" in str(caught.value)
    assert store_path.read_bytes() == raw
    with Store.open(store_path) as store:  # and it migrates once the disk is fine again
        assert store.meta()["schema"] == SCHEMA_VERSION


def test_a_newer_schema_is_refused_not_downgraded(store_path: Path) -> None:
    newer = copy.deepcopy(V1)
    newer["meta"]["1"]["schema"] = SCHEMA_VERSION + 1
    store_path.write_text(json.dumps(newer))
    raw = store_path.read_bytes()
    with pytest.raises(StoreError) as caught:
        Store.open(store_path)
    assert caught.value.kind == "newer_schema"
    assert f"schema {SCHEMA_VERSION + 1}" in str(caught.value)
    assert store_path.read_bytes() == raw


def test_a_v2_store_with_records_newer_rules_refuse_still_opens(store_path: Path) -> None:
    """0.1 accepted notes with escape codes or only invisible characters and four-zero
    readings; after the update the store opens, the escapes are dropped and the rest is set
    aside in meta (a migration backup keeps the file as it was)."""
    v2 = copy.deepcopy(V1)
    v2["meta"]["1"].update(schema=2, migrated=[])
    v2["activity"] = {
        "1": {"date": "2025-01-04", "source": "manual", "counts": {"find.searches": 2}}
    }
    v2["notes"] = {
        "1": {"date": "2025-01-02", "text": "new \x1b[31mjob\x00"},
        "2": {"date": "2025-01-03", "text": "\u200b\u200b"},
        "3": {"date": "2025-01-04", "text": "holiday"},
    }
    zeros = {"date": "2025-01-05", "total": 0.0, "brand": 0, "find": 0, "engage": 0, "build": 0}
    v2["readings"]["2"] = zeros
    raw = json.dumps(v2).encode()
    store_path.write_bytes(raw)
    with Store.open(store_path) as store:
        assert [n.text for _, n in store.notes()] == ["new [31mjob", "holiday"]
        assert [r.total for r in store.readings()] == [40.0]
        set_aside = store.meta()["set_aside"]
    assert [(s["table"], s["id"]) for s in set_aside] == [("notes", "2"), ("readings", "2")]
    assert set_aside[1]["document"] == zeros
    assert "failed copy" in set_aside[1]["why"]
    backup = [b for b in list_backups(store_path) if b.reason == "migration"]
    assert len(backup) == 1 and backup[0].path.read_bytes() == raw
