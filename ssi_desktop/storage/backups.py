"""Backups of the store file (spec §7.2): kept in a ``backups`` folder beside the store."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from .atomic import write_atomic


def backup_dir(store_path: Path) -> Path:
    return store_path.parent / "backups"


def make_backup(store_path: Path, reason: str) -> Path:
    folder = backup_dir(store_path)
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
    target = folder / f"{store_path.stem}-{stamp}-{reason}.json"
    write_atomic(target, store_path.read_bytes())
    return target
