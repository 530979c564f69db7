"""The store: everything a user recorded, in one TinyDB file.

Every public write is one atomic file write (or, inside :meth:`Store.batch`, one for the whole
batch) that keeps the previous version, preceded on the first write of a day by a daily
backup. Reads come from memory. The store hands out frozen core records, never TinyDB
documents, so nothing outside can change what is held here without a write. An open store
holds the file's lock (:mod:`.lock`), so it is the only writer.

:class:`Store` is put together by job: this module opens and closes it;
:mod:`.store_backups` backs up, restores and migrates; :mod:`.store_tables` batches writes
and stages documents; :mod:`.store_writes` writes records; :mod:`.store_reads` reads them
(through :mod:`.record_docs`, records to documents and back).
"""

from __future__ import annotations

import contextlib
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tinydb import TinyDB

from .. import __version__
from . import backups as _backups
from .documents import Records
from .errors import StoreError
from .files import read_regular, resolve_store
from .json_storage import SafeJSONStorage
from .lock import StoreLock
from .migrations import migrate, schema_of
from .schema import SCHEMA_VERSION, new_store_data
from .store_backups import BackupsMixin
from .store_reads import ReadsMixin
from .store_writes import WritesMixin


def _remove_leftover_temps(path: Path) -> None:
    """Temporary files of writes cut short by a crash; only the lock holder may remove them,
    and only its own store's (never those of ``a.json.bak`` beside ``a.json``)."""
    for leftover in _backups.leftover_temps(path):
        with contextlib.suppress(OSError):
            leftover.unlink()


def _make_folder(path: Path) -> None:
    """Create the store's folder (and any missing above it) owner-only, whatever the umask."""
    missing = [p for p in (path.parent, *path.parent.parents) if not p.exists()]
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        for folder in missing:
            os.chmod(folder, 0o700)
    except OSError as exc:
        raise StoreError(
            "unwritable",
            path,
            f"The folder for {path} cannot be created: {exc.strerror or exc}.",
        ) from None


class Store(WritesMixin, BackupsMixin, ReadsMixin):
    """One open store file. Use :meth:`open`; close it (or use ``with``) when done."""

    def __init__(
        self,
        path: Path,
        data: dict[str, Any],
        *,
        exists: bool,
        lock: StoreLock | None = None,
        read_only: bool = False,
        records: Records | None = None,
    ) -> None:
        self.path = path
        self.read_only = read_only
        self._lock = lock
        self._storage = None
        self._db = TinyDB(path, storage=self._make_storage(data))
        self._exists = exists
        self.revision = 0
        self._cache = {}
        if records is not None:
            self._seed(records)
        self._backup_day = None
        self._backed_up = False
        self._indexes = {}
        self._next_ids = {}
        self._freed = {}
        if read_only:
            assert self._storage is not None
            self._storage.pin()

    def _make_storage(self, data: dict[str, Any]) -> type[SafeJSONStorage]:
        store = self

        class _Bound(SafeJSONStorage):
            def __init__(self, path: str) -> None:
                super().__init__(Path(path), data, store._save)
                store._storage = self

        return _Bound

    @classmethod
    def open(cls, path: str | Path, *, create: bool = True, read_only: bool = False) -> Store:
        """Open ``path``; a missing file is a new empty store (written on the first change).

        Raises :class:`StoreError` for a file that exists but cannot be used (its message
        names the backups that exist), and for a store another process has open (kind
        ``locked``). Such a file is never written to. A file of an older schema is backed up,
        then migrated.

        ``read_only`` opens the file as it is now without taking the lock (to look at a store
        another SSI Desktop has open): nothing is written, not even a migration, and every
        change raises :class:`StoreError` (kind ``read_only``).
        """
        path = resolve_store(Path(path).expanduser().absolute())
        if read_only:
            return cls._open_read_only(path)
        if not path.parent.is_dir():
            if not create:
                raise StoreError("missing", path, f"{path} does not exist.")
            _make_folder(path)
        lock = StoreLock(path)
        holds_lock = lock.acquire()
        try:
            return cls._open_locked(path, lock, holds_lock, create)
        except BaseException:
            lock.release()
            raise

    @classmethod
    def _open_locked(cls, path: Path, lock: StoreLock, holds_lock: bool, create: bool) -> Store:
        try:
            raw = read_regular(path)
        except FileNotFoundError:
            if not create:
                raise StoreError("missing", path, f"{path} does not exist.") from None
            now = datetime.now(UTC).isoformat(timespec="seconds")
            return cls(path, new_store_data(now, __version__), exists=False, lock=lock)
        except OSError as exc:
            raise StoreError(
                "unreadable",
                path,
                f"{path} cannot be read: {exc.strerror or exc}. {_backups.describe(path)}",
            ) from None
        data, records = cls._checked(path, raw)
        if holds_lock:
            _remove_leftover_temps(path)
        store = cls(path, data, exists=True, lock=lock, records=records)
        if schema_of(data) < SCHEMA_VERSION:
            store._migrate(data)
        return store

    @classmethod
    def _open_read_only(cls, path: Path) -> Store:
        try:
            raw = read_regular(path)
        except FileNotFoundError:
            raise StoreError("missing", path, f"{path} does not exist.") from None
        except OSError as exc:
            raise StoreError(
                "unreadable", path, f"{path} cannot be read: {exc.strerror or exc}."
            ) from None
        data, records = cls._checked(path, raw)
        if schema_of(data) < SCHEMA_VERSION:
            data, _ = migrate(data, now="", app_version=__version__)  # in memory only
        return cls(path, data, exists=True, read_only=True, records=records)

    def close(self) -> None:
        """Release the lock; thin out the backups if this session made one."""
        self._db.close()
        if self._backed_up and self._lock is not None and self._lock.held:
            with contextlib.suppress(OSError):
                _backups.prune(self.path)
        if self._lock is not None:
            self._lock.release()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def exists(self) -> bool:
        """False until the first change is written to a brand-new store."""
        return self._exists
