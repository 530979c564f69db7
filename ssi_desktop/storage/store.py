"""The store: everything a user recorded, in one TinyDB file.

Every public write is one atomic file write (or, inside :meth:`Store.batch`, one for the whole
batch) that keeps the previous version, preceded on the first write of a day by a daily
backup. Reads come from memory. The store hands out frozen core records, never TinyDB
documents, so nothing outside can change what is held here without a write. An open store
holds the file's lock (:mod:`.lock`), so it is the only writer.
"""

from __future__ import annotations

import contextlib
import os
from bisect import bisect_left
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping
from datetime import UTC, date, datetime
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeVar

from tinydb import TinyDB

from .. import __version__
from ..core.catalogue import PILLARS
from ..core.parameters import DEFAULT_PARAMS, ModelParams
from ..core.records import (
    ActivityEntry,
    Goal,
    Note,
    ProfileSnapshot,
    Reading,
    Settings,
    TotalsSnapshot,
)
from . import backups as _backups
from .atomic import write_atomic
from .documents import Records, load_store_bytes
from .errors import StoreError
from .files import read_regular, resolve_store
from .json_storage import SafeJSONStorage, encode
from .lock import StoreLock
from .migrations import migrate, schema_of
from .schema import SCHEMA_VERSION, new_store_data

T = TypeVar("T")

#: The fields that name a record of each keyed table: one document per key.
_KEY_FIELDS = {
    "activity": ("date", "source"),
    "profile": ("date",),
    "readings": ("date",),
    "totals": ("date",),
}


def _reading_doc(reading: Reading) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "date": reading.day.isoformat(),
        "total": reading.total,
        **{p: reading.pillar(p) for p in PILLARS},
    }
    for extra in ("industry_rank", "network_rank", "industry_avg", "network_avg"):
        value = getattr(reading, extra)
        if value is not None:
            doc[extra] = value
    return doc


def _write_failed(path: Path, exc: OSError) -> StoreError:
    return StoreError(
        "write_failed",
        path,
        f"Could not save to {path}: {exc.strerror or exc}. Nothing was changed.",
    )


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


def _with_entry(entries: tuple[ActivityEntry, ...], entry: ActivityEntry
                ) -> tuple[tuple[ActivityEntry, ...], ActivityEntry | None]:  # fmt: skip
    """``entries`` (sorted by day, source) with ``entry``'s day and source as stored, and the
    entry now stored there (None when its counts were all zero)."""
    counts = {k: v for k, v in entry.counts.items() if v}
    key = (entry.day, entry.source)
    at = bisect_left(entries, key, key=lambda e: (e.day, e.source))
    here = at < len(entries) and (entries[at].day, entries[at].source) == key
    stored = ActivityEntry(entry.day, MappingProxyType(counts), entry.source) if counts else None
    return entries[:at] + ((stored,) if stored else ()) + entries[at + here :], stored


class Store:
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
        self._storage: SafeJSONStorage | None = None
        self._db = TinyDB(path, storage=self._make_storage(data))
        self._exists = exists
        self.revision = 0
        self._cache: dict[str, Any] = {}
        if records is not None:
            self._seed(records)
        self._backup_day: date | None = None
        self._backed_up = False
        # Per table: (the raw table indexed, its record key -> document id map).
        self._indexes: dict[str, tuple[dict[str, Any], dict[Hashable, str]]] = {}
        self._next_ids: dict[str, int] = {}
        # Ids of records deleted this session, by (table, key): re-creating the record (an
        # undo) gives it its id back, so the file's bytes are exactly what they were.
        self._freed: dict[tuple[str, Hashable], str] = {}
        if read_only:
            assert self._storage is not None
            self._storage.pin()

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

    # -- backups ---------------------------------------------------------------------------

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
            raise _write_failed(self.path, exc) from exc
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

    # -- writing ---------------------------------------------------------------------------

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Group several changes into one atomic write; on error none of them is kept.

        A failed write raises :class:`StoreError` (kind ``write_failed``); the store then
        holds what the file holds, as before the batch.
        """
        assert self._storage is not None
        self._storage.begin()
        try:
            yield
        except BaseException:
            self._storage.rollback()
            self._db.clear_cache()
            self._changed()
            raise
        try:
            self._storage.commit()
        except OSError as exc:
            self._db.clear_cache()
            self._changed()
            raise _write_failed(self.path, exc) from exc
        except UnicodeEncodeError as exc:
            # Text that is not valid Unicode (a lone surrogate, e.g. from undecodable bytes
            # on a command line) cannot be written as UTF-8: refuse it rather than crash.
            self._db.clear_cache()
            self._changed()
            raise StoreError(
                "write_failed",
                self.path,
                f"Could not save to {self.path}: the text contains characters that are not "
                f"valid Unicode ({exc.object[exc.start : exc.end]!r}). Nothing was changed.",
            ) from exc
        except BaseException:
            self._db.clear_cache()
            self._changed()
            raise
        self._exists = self._exists or self.path.exists()
        self._changed()

    @contextlib.contextmanager
    def _write(self) -> Iterator[None]:
        with self.batch():
            yield

    def _changed(self) -> None:
        self.revision += 1
        self._cache.clear()

    def set_activity(self, entry: ActivityEntry) -> None:
        """Make ``entry`` the day's counts for its source (all zero removes the day)."""
        before = self._cache.get("activity")
        by_day = self._cache.get("activity_by_day")
        with self._write():
            self._put_activity(entry)
        if before is not None:
            # One day changed: swap it into the sorted tuple (and the day map) instead of
            # rebuilding ten years of records on the next read (the save path, benchmarks/).
            self._cache["activity"], stored = _with_entry(before, entry)
            if by_day is not None:
                by_day.pop((entry.day, entry.source), None)
                if stored is not None:
                    by_day[(entry.day, entry.source)] = stored
                self._cache["activity_by_day"] = by_day

    def set_activities(self, entries: Iterable[ActivityEntry]) -> None:
        """Replace several days' counts in one write (imports)."""
        with self._write():
            for entry in entries:
                self._put_activity(entry)

    def _tables(self) -> dict[str, dict[str, Any]]:
        assert self._storage is not None
        data = self._storage.read()
        assert data is not None
        return data

    def _raw(self, name: str) -> dict[str, Any]:
        """Table ``name`` as held in memory, its key index and next id kept current.

        Records are written here, not through TinyDB queries: an upsert evaluates its query
        on every document, which made a ten-year import quadratic (17 s instead of 0.1 s).
        The index is rebuilt whenever the data was re-read (after a failed write or a restore).
        """
        table = self._tables().setdefault(name, {})
        held = self._indexes.get(name)
        if held is None or held[0] is not table:
            fields = _KEY_FIELDS.get(name, ())
            index: dict[Hashable, str] = (
                {tuple(d[f] for f in fields): doc_id for doc_id, d in table.items()}
                if fields
                else {}
            )
            self._indexes[name] = (table, index)
            self._next_ids[name] = max(map(int, table), default=0) + 1
        return table

    def _insert(self, name: str, doc: dict[str, Any], wanted: str | None) -> str:
        """Add ``doc`` under id ``wanted`` when free (an undone delete), else a new one.

        Documents stay in id order, as TinyDB writes them, whatever id comes back.
        """
        table = self._raw(name)
        if wanted is None or wanted in table:
            wanted = str(self._next_ids[name])
        # Above every id in use, the one just given back included (after a failed write the
        # table is re-read and the counter restarts from what the file holds).
        self._next_ids[name] = max(self._next_ids[name], int(wanted) + 1)
        last = next(reversed(table), None)
        table[wanted] = doc
        if last is not None and int(last) > int(wanted):  # an old id back: move later ones
            for doc_id in [d for d in table if int(d) > int(wanted)]:
                table[doc_id] = table.pop(doc_id)
        return wanted

    def _put_doc(self, name: str, doc: dict[str, Any]) -> None:
        """Stage ``doc`` as its key's record (inside a batch; the batch writes the file)."""
        table = self._raw(name)
        index = self._indexes[name][1]
        key = tuple(doc[f] for f in _KEY_FIELDS[name])
        doc_id = index.get(key)
        if doc_id is None:
            index[key] = self._insert(name, doc, self._freed.pop((name, key), None))
        else:
            table[doc_id] = doc
        self._flush_later()

    def _drop_doc(self, name: str, *key: str) -> None:
        table = self._raw(name)
        doc_id = self._indexes[name][1].pop(key, None)
        if doc_id is not None:
            del table[doc_id]
            self._freed[(name, key)] = doc_id
        self._flush_later()

    def _flush_later(self) -> None:
        assert self._storage is not None
        self._storage.write(self._tables())

    def _put_activity(self, entry: ActivityEntry) -> None:
        """Stage ``entry`` as its day's counts (all zero removes the day's document)."""
        counts = {k: v for k, v in sorted(entry.counts.items()) if v}
        if counts:
            doc = {"date": entry.day.isoformat(), "source": entry.source, "counts": counts}
            self._put_doc("activity", doc)
        else:
            self._drop_doc("activity", entry.day.isoformat(), entry.source)

    def add_records(
        self,
        *,
        activity: Iterable[ActivityEntry] = (),
        profiles: Iterable[ProfileSnapshot] = (),
        readings: Iterable[Reading] = (),
        notes: Iterable[Note] = (),
        goal: Goal | None = None,
        totals: Iterable[TotalsSnapshot] = (),
    ) -> None:
        """Write many records in one atomic write (sample data, CSV import, benchmarks).

        Activity replaces what its day and source held; profiles, readings and totals replace
        their day's; notes are added.
        """
        with self._write():
            for entry in activity:
                self._put_activity(entry)
            for snapshot in profiles:
                self._put_doc(
                    "profile", {"date": snapshot.day.isoformat(), "items": dict(snapshot.items)}
                )
            for reading in readings:
                self._put_doc("readings", _reading_doc(reading))
            for note in notes:
                self._insert("notes", {"date": note.day.isoformat(), "text": note.text}, None)
                self._flush_later()
            if goal is not None:
                self._set_goal(goal)
            for totals_snapshot in totals:
                day, values = totals_snapshot.day.isoformat(), dict(totals_snapshot.values)
                self._put_doc("totals", {"date": day, "values": values})

    def delete_activity(self, day: date, source: str = "manual") -> None:
        with self._write():
            self._put_activity(ActivityEntry(day, MappingProxyType({}), source))

    def put_profile(self, snapshot: ProfileSnapshot) -> None:
        self.add_records(profiles=[snapshot])

    def delete_profile(self, day: date) -> None:
        with self._write():
            self._drop_doc("profile", day.isoformat())

    def put_totals(self, snapshot: TotalsSnapshot) -> None:
        """Record ``snapshot`` as its day's totals (it replaces that day's snapshot)."""
        self.add_records(totals=[snapshot])

    def delete_totals(self, day: date) -> None:
        with self._write():
            self._drop_doc("totals", day.isoformat())

    def set_settings(self, settings: Settings | None) -> None:
        """Save ``settings``; ``None`` removes the saved ones (the defaults apply again)."""
        with self._write():
            table = self._db.table("settings")
            table.truncate()
            if settings is not None:
                table.insert(settings.as_dict())

    def put_reading(self, reading: Reading) -> None:
        self.add_records(readings=[reading])

    def delete_reading(self, day: date) -> None:
        with self._write():
            self._drop_doc("readings", day.isoformat())

    def add_note(self, note: Note, note_id: int | None = None) -> int:
        """Add ``note``; returns its id. ``note_id`` puts a deleted note back under its id."""
        doc = {"date": note.day.isoformat(), "text": note.text}
        with self._write():
            added = self._insert("notes", doc, None if note_id is None else str(note_id))
            self._flush_later()
        return int(added)

    def delete_note(self, note_id: int) -> None:
        with self._write():
            self._raw("notes").pop(str(note_id), None)
            self._flush_later()

    def set_goal(self, goal: Goal | None) -> None:
        with self._write():
            self._set_goal(goal)

    def _set_goal(self, goal: Goal | None) -> None:
        table = self._db.table("goal")
        table.truncate()
        if goal is not None:
            table.insert(
                {
                    "total": goal.total,
                    "pillars": dict(goal.pillars),
                    "by": goal.by.isoformat() if goal.by else None,
                }
            )

    def set_params(self, params: ModelParams | None, info: Mapping[str, Any] | None = None) -> None:
        """Store calibrated parameters (``None`` returns to the defaults)."""
        with self._write():
            table = self._db.table("params")
            table.truncate()
            if params is not None:
                table.insert({"params": params.to_dict(), "info": dict(info or {})})

    # -- reading ---------------------------------------------------------------------------

    def _cached(self, name: str, build: Callable[[], T]) -> T:
        if name not in self._cache:
            self._cache[name] = build()
        value: T = self._cache[name]
        return value

    def _docs(self, table: str) -> list[dict[str, Any]]:
        """The table's documents as stored (read-only use: never change what this returns)."""
        return list(self._tables().get(table, {}).values())

    def activity(self) -> tuple[ActivityEntry, ...]:
        """Every activity entry, every source, sorted by day then source."""

        def build() -> tuple[ActivityEntry, ...]:
            # Trusted: everything in the file passed validation on its way in; `check`
            # re-validates on demand.
            entries = [
                ActivityEntry(
                    date.fromisoformat(d["date"]), MappingProxyType(dict(d["counts"])), d["source"]
                )
                for d in self._docs("activity")
            ]
            return tuple(sorted(entries, key=lambda e: (e.day, e.source)))

        return self._cached("activity", build)

    def activity_on(self, day: date, source: str = "manual") -> ActivityEntry | None:
        by_day: dict[tuple[date, str], ActivityEntry] = self._cached(
            "activity_by_day", lambda: {(e.day, e.source): e for e in self.activity()}
        )
        return by_day.get((day, source))

    def profiles(self) -> tuple[ProfileSnapshot, ...]:
        def build() -> tuple[ProfileSnapshot, ...]:
            snaps = [
                ProfileSnapshot(date.fromisoformat(d["date"]), MappingProxyType(dict(d["items"])))
                for d in self._docs("profile")
            ]
            return tuple(sorted(snaps, key=lambda s: s.day))

        return self._cached("profile", build)

    def readings(self) -> tuple[Reading, ...]:
        def build() -> tuple[Reading, ...]:
            fields = (
                "total",
                *PILLARS,
                "industry_rank",
                "network_rank",
                "industry_avg",
                "network_avg",
            )
            readings = []
            for d in self._docs("readings"):
                values: dict[str, Any] = {f: d.get(f) for f in fields}
                readings.append(Reading(date.fromisoformat(d["date"]), **values))
            return tuple(sorted(readings, key=lambda r: r.day))

        return self._cached("readings", build)

    def totals(self) -> tuple[TotalsSnapshot, ...]:
        """Every totals snapshot, sorted by day."""

        def build() -> tuple[TotalsSnapshot, ...]:
            snaps = [
                TotalsSnapshot(date.fromisoformat(d["date"]), MappingProxyType(dict(d["values"])))
                for d in self._docs("totals")
            ]
            return tuple(sorted(snaps, key=lambda s: s.day))

        return self._cached("totals", build)

    def settings(self) -> Settings:
        """The member's settings; the defaults where none were saved."""
        return self.saved_settings() or Settings()

    def saved_settings(self) -> Settings | None:
        """The settings saved, None while the defaults apply (what an undo goes back to)."""
        docs = self._docs("settings")
        return Settings(**docs[0]) if docs else None

    def notes(self) -> tuple[tuple[int, Note], ...]:
        """(id, note) pairs sorted by day; the id is what :meth:`delete_note` takes."""

        def build() -> tuple[tuple[int, Note], ...]:
            notes = [
                (int(doc_id), Note(date.fromisoformat(d["date"]), d["text"]))
                for doc_id, d in self._tables().get("notes", {}).items()
            ]
            return tuple(sorted(notes, key=lambda n: (n[1].day, n[0])))

        return self._cached("notes", build)

    def goal(self) -> Goal | None:
        docs = self._docs("goal")
        if not docs:
            return None
        doc = docs[0]
        by = date.fromisoformat(doc["by"]) if doc.get("by") else None
        return Goal(float(doc["total"]), MappingProxyType(dict(doc.get("pillars") or {})), by)

    def params(self) -> ModelParams:
        """The model in use: calibrated parameters if any, else model v1."""

        def build() -> ModelParams:
            docs = self._docs("params")
            return ModelParams.from_dict(docs[0]["params"]) if docs else DEFAULT_PARAMS

        return self._cached("params", build)

    def saved_params(self) -> tuple[ModelParams, dict[str, Any]] | None:
        """The calibrated parameters and their info, None while model v1 is in use."""
        docs = self._docs("params")
        return (self.params(), self.params_info()) if docs else None

    def params_info(self) -> dict[str, Any]:
        docs = self._docs("params")
        return dict(docs[0].get("info") or {}) if docs else {}

    def meta(self) -> dict[str, Any]:
        return dict(self._docs("meta")[0])

    def is_empty(self) -> bool:
        tables = self._tables()
        return not any(
            tables.get(t) for t in ("activity", "profile", "readings", "notes", "totals")
        )
