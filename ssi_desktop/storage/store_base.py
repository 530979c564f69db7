"""What every part of :class:`~.store.Store` shares: the data held, the read cache, the
revision that tells views to re-read, and the read-only guard."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from tinydb import TinyDB

from . import backups as _backups
from .documents import Records, load_store_bytes
from .errors import StoreError
from .json_storage import SafeJSONStorage
from .lock import StoreLock

T = TypeVar("T")


class StoreBase:
    """The state of one open store; :class:`~.store.Store` sets it up."""

    path: Path
    read_only: bool
    revision: int
    _lock: StoreLock | None
    _storage: SafeJSONStorage | None
    _db: TinyDB
    _exists: bool
    _cache: dict[str, Any]
    _backup_day: date | None
    _backed_up: bool
    # Per table: (the raw table indexed, its record key -> document id map).
    _indexes: dict[str, tuple[dict[str, Any], dict[Hashable, str]]]
    _next_ids: dict[str, int]
    # Ids of records deleted this session, by (table, key): re-creating the record (an
    # undo) gives it its id back, so the file's bytes are exactly what they were.
    _freed: dict[tuple[str, Hashable], str]

    def _refuse_if_read_only(self) -> None:
        if self.read_only:
            raise StoreError(
                "read_only",
                self.path,
                f"{self.path} is open read-only (another SSI Desktop has it open for "
                "writing). Nothing was saved.",
            )

    @staticmethod
    def _checked(path: Path, raw: bytes) -> tuple[dict[str, Any], Records]:
        try:
            return load_store_bytes(path, raw)
        except StoreError as exc:
            exc.args = (f"{exc} {_backups.describe(path)}",)
            raise

    def _seed(self, records: Records) -> None:
        """Hold the records checked on open, so the first reads build nothing again."""
        self._cache.update(
            activity=records.activity,
            profile=records.profiles,
            readings=records.readings,
            notes=records.notes,
            totals=records.totals,
            params=records.params,
        )

    def _changed(self) -> None:
        self.revision += 1
        self._cache.clear()

    def _cached(self, name: str, build: Callable[[], T]) -> T:
        if name not in self._cache:
            self._cache[name] = build()
        value: T = self._cache[name]
        return value

    def _tables(self) -> dict[str, dict[str, Any]]:
        assert self._storage is not None
        data = self._storage.read()
        assert data is not None
        return data

    def _docs(self, table: str) -> list[dict[str, Any]]:
        """The table's documents as stored (read-only use: never change what this returns)."""
        return list(self._tables().get(table, {}).values())
