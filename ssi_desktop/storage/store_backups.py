"""The store's backups: the daily one before the day's first write, one before each risky
change (import, calibration, migration, restore), restoring one, and migrating an old file."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .. import __version__
from . import backups as _backups
from .atomic import write_atomic
from .errors import StoreError, write_failed
from .files import read_regular
from .json_storage import encode
from .migrations import migrate, schema_of
from .schema import SCHEMA_VERSION
from .store_base import StoreBase


class BackupsMixin(StoreBase):
    def backup(self, reason: str) -> Path | None:
        """Copy the file as it is now into the backups folder before a risky change.

        Returns the copy's path, or None for a store not yet written. Called before import,
        calibration, migration and restore (spec §7.2); raises :class:`StoreError`
        (``write_failed``) if the copy cannot be made, so the risky change is not started.
        """
        self._refuse_if_read_only()
        if not self.path.exists():
            return None
        try:
            return self._forced_backup(reason, datetime.now(UTC))
        except OSError as exc:
            raise StoreError(
                "write_failed",
                self.path,
                f"Could not back up {self.path} into {_backups.backup_dir(self.path)}: "
                f"{exc.strerror or exc}. Nothing was changed.",
            ) from exc

    def _forced_backup(self, reason: str, now: datetime) -> Path:
        made = _backups.make_backup(self.path, reason, now)
        self._backup_day = now.date()
        self._backed_up = True
        return made

    def backups(self) -> list[_backups.Backup]:
        """This store's backups, newest first (the previous version included)."""
        return _backups.list_backups(self.path)

    def restore(self, source: Path) -> _backups.Restored:
        """Replace everything with backup ``source``, keeping the current state first.

        Raises :class:`StoreError` if ``source`` cannot be opened (nothing is changed) or
        the write fails.
        """
        self._refuse_if_read_only()
        try:
            done = _backups.restore_file(self.path, source)
            raw = read_regular(self.path)
        except OSError as exc:
            raise write_failed(self.path, exc) from exc
        self._backed_up = True
        self._backup_day = datetime.now(UTC).date()
        data, records = self._checked(self.path, raw)
        assert self._storage is not None
        self._storage.replace(data)
        self._exists = True
        self._db.clear_cache()
        self._changed()
        self._seed(records)
        if schema_of(data) < SCHEMA_VERSION:
            self._migrate(data)
        return done

    def _migrate(self, data: dict[str, Any]) -> None:
        """Back the old file up, then replace it with its migrated form in one write."""
        now = datetime.now(UTC)
        migrated, _ = migrate(data, now=now.isoformat(timespec="seconds"), app_version=__version__)
        try:
            self._forced_backup("migration", now)
            write_atomic(
                self.path, encode(migrated), keep_previous=_backups.previous_path(self.path)
            )
        except OSError as exc:
            raise StoreError(
                "write_failed",
                self.path,
                f"{self.path} uses schema {schema_of(data)} and could not be updated to "
                f"schema {SCHEMA_VERSION}: {exc.strerror or exc}. The file was not changed.",
            ) from exc
        assert self._storage is not None
        self._storage.replace(migrated)
        self._db.clear_cache()
        self._changed()

    def _save(self, path: Path, payload: bytes) -> None:
        """Every write of the store file: a daily backup first, then the atomic write."""
        self._refuse_if_read_only()
        if self._lock is not None and not self._lock.held:
            # Opened where no lock could be made (a read-only folder): take it before the
            # first write; if the folder is still read-only, the write below says so.
            self._lock.acquire()
        now = datetime.now(UTC)
        if self._backup_day != now.date() and path.exists():
            if self._backup_day is None:
                dated = [
                    b
                    for b in _backups.list_backups(path)
                    if b.reason != _backups.PREVIOUS and not _backups.is_future(b, now)
                ]
                self._backup_day = dated[0].taken.date() if dated else None
            if self._backup_day != now.date():
                self._forced_backup(_backups.DAILY, now)
        write_atomic(path, payload, keep_previous=_backups.previous_path(path))
