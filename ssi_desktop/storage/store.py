"""The store: everything a user recorded, in one TinyDB file.

Every public write is one atomic file write (or, inside :meth:`Store.batch`, one for the whole
batch). Reads come from memory. The store hands out frozen core records, never TinyDB
documents, so nothing outside can change what is held here without a write.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator, Mapping
from datetime import date, datetime, timezone
from pathlib import Path
from types import MappingProxyType
from typing import Any

from tinydb import Query, TinyDB

from .. import __version__
from ..core.catalogue import PILLARS
from ..core.parameters import DEFAULT_PARAMS, ModelParams
from ..core.records import ActivityEntry, Goal, Note, ProfileSnapshot, Reading
from .errors import StoreError
from .json_storage import SafeJSONStorage
from .schema import new_store_data, parse_store_bytes

_Q = Query()


def _reading_doc(reading: Reading) -> dict[str, Any]:
    doc: dict[str, Any] = {"date": reading.day.isoformat(), "total": reading.total,
                           **{p: reading.pillar(p) for p in PILLARS}}
    for extra in ("industry_rank", "network_rank", "industry_avg", "network_avg"):
        value = getattr(reading, extra)
        if value is not None:
            doc[extra] = value
    return doc


class Store:
    """One open store file. Use :meth:`open`; close it (or use ``with``) when done."""

    def __init__(self, path: Path, data: dict[str, Any], *, exists: bool) -> None:
        self.path = path
        self._storage: SafeJSONStorage | None = None
        self._db = TinyDB(path, storage=self._make_storage(data))
        self._exists = exists
        self.revision = 0
        self._cache: dict[str, Any] = {}

    def _make_storage(self, data: dict[str, Any]) -> type[SafeJSONStorage]:
        store = self

        class _Bound(SafeJSONStorage):
            def __init__(self, path: str) -> None:
                super().__init__(Path(path), data)
                store._storage = self

        return _Bound

    @classmethod
    def open(cls, path: str | Path, *, create: bool = True) -> Store:
        """Open ``path``; a missing file is a new empty store (written on the first change).

        Raises :class:`StoreError` for a file that exists but cannot be used; that file is
        never written to.
        """
        path = Path(path).expanduser().absolute()
        if path.is_dir():
            raise StoreError("not_a_store", path, f"{path} is a folder, not a store file.")
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            if not create:
                raise StoreError("missing", path, f"{path} does not exist.") from None
            if not path.parent.is_dir():
                path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            now = datetime.now(timezone.utc).isoformat(timespec="seconds")
            return cls(path, new_store_data(now, __version__), exists=False)
        except OSError as exc:
            raise StoreError("unreadable", path, f"{path} cannot be read: {exc}") from None
        return cls(path, parse_store_bytes(path, raw), exists=True)

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def exists(self) -> bool:
        """False until the first change is written to a brand-new store."""
        return self._exists

    # -- writing ---------------------------------------------------------------------------

    def backup(self, reason: str) -> Path | None:
        """Copy the file as it is now into the backups folder before a risky change.

        Returns the copy's path, or None for a store not yet written. Called before import,
        calibration, migration and restore (spec §7.2).
        """
        if not self.path.exists():
            return None
        from .backups import make_backup

        return make_backup(self.path, reason)


    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Group several changes into one atomic write; on error none of them is kept."""
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
        except BaseException:
            self._db.clear_cache()
            self._changed()
            raise
        self._changed()

    @contextlib.contextmanager
    def _write(self) -> Iterator[None]:
        try:
            with self.batch():
                yield
        except OSError as exc:
            raise StoreError("write_failed", self.path,
                             f"Could not save to {self.path}: {exc.strerror or exc}. "
                             "Nothing was changed.") from exc
        self._exists = True

    def _changed(self) -> None:
        self.revision += 1
        self._cache.clear()

    def add_activity(self, entry: ActivityEntry) -> ActivityEntry:
        """Add ``entry``'s counts to what its day and source already hold; returns the sum."""
        current = self.activity_on(entry.day, entry.source)
        merged = current.merged(entry) if current else entry
        self.set_activity(merged)
        return merged

    def set_activity(self, entry: ActivityEntry) -> None:
        """Make ``entry`` the day's counts for its source (all zero removes the day)."""
        with self._write():
            self._put_activity(entry)

    def set_activities(self, entries: Iterable[ActivityEntry]) -> None:
        """Replace several days' counts in one write (imports)."""
        with self._write():
            for entry in entries:
                self._put_activity(entry)

    def _put_activity(self, entry: ActivityEntry) -> None:
        table = self._db.table("activity")
        where = (_Q.date == entry.day.isoformat()) & (_Q.source == entry.source)
        counts = {k: v for k, v in entry.counts.items() if v}
        if counts:
            table.upsert({"date": entry.day.isoformat(), "source": entry.source,
                          "counts": counts}, where)
        else:
            table.remove(where)

    def add_records(self, *, activity: Iterable[ActivityEntry] = (),
                    profiles: Iterable[ProfileSnapshot] = (), readings: Iterable[Reading] = (),
                    notes: Iterable[Note] = (), goal: Goal | None = None) -> None:
        """Write many records in one atomic write (sample data, CSV import, benchmarks).

        Activity replaces what its day and source held; profiles and readings replace their
        day's; notes are added.
        """
        with self._write():
            for entry in activity:
                self._put_activity(entry)
            for snapshot in profiles:
                self._db.table("profile").upsert(
                    {"date": snapshot.day.isoformat(), "items": dict(snapshot.items)},
                    _Q.date == snapshot.day.isoformat())
            for reading in readings:
                table = self._db.table("readings")
                table.remove(_Q.date == reading.day.isoformat())
                table.insert(_reading_doc(reading))
            self._db.table("notes").insert_multiple(
                {"date": n.day.isoformat(), "text": n.text} for n in notes)
            if goal is not None:
                self._set_goal(goal)

    def delete_activity(self, day: date, source: str = "manual") -> None:
        with self._write():
            self._db.table("activity").remove((_Q.date == day.isoformat()) &
                                              (_Q.source == source))

    def put_profile(self, snapshot: ProfileSnapshot) -> None:
        self.add_records(profiles=[snapshot])

    def delete_profile(self, day: date) -> None:
        with self._write():
            self._db.table("profile").remove(_Q.date == day.isoformat())

    def put_reading(self, reading: Reading) -> None:
        self.add_records(readings=[reading])

    def delete_reading(self, day: date) -> None:
        with self._write():
            self._db.table("readings").remove(_Q.date == day.isoformat())

    def add_note(self, note: Note) -> int:
        with self._write():
            return self._db.table("notes").insert({"date": note.day.isoformat(),
                                                   "text": note.text})

    def delete_note(self, note_id: int) -> None:
        with self._write():
            self._db.table("notes").remove(doc_ids=[note_id])

    def set_goal(self, goal: Goal | None) -> None:
        with self._write():
            self._set_goal(goal)

    def _set_goal(self, goal: Goal | None) -> None:
        table = self._db.table("goal")
        table.truncate()
        if goal is not None:
            table.insert({"total": goal.total, "pillars": dict(goal.pillars),
                          "by": goal.by.isoformat() if goal.by else None})

    def set_params(self, params: ModelParams | None, info: Mapping[str, Any] | None = None
                   ) -> None:
        """Store calibrated parameters (``None`` returns to the defaults)."""
        with self._write():
            table = self._db.table("params")
            table.truncate()
            if params is not None:
                table.insert({"params": params.to_dict(), "info": dict(info or {})})

    # -- reading ---------------------------------------------------------------------------

    def _cached(self, name: str, build: Any) -> Any:
        if name not in self._cache:
            self._cache[name] = build()
        return self._cache[name]

    def _docs(self, table: str) -> list[dict[str, Any]]:
        return self._db.table(table).all()

    def activity(self) -> tuple[ActivityEntry, ...]:
        """Every activity entry, every source, sorted by day then source."""
        def build() -> tuple[ActivityEntry, ...]:
            # Trusted: everything in the file passed validation on its way in; `check`
            # re-validates on demand.
            entries = [ActivityEntry(date.fromisoformat(d["date"]),
                                     MappingProxyType(dict(d["counts"])), d["source"])
                       for d in self._docs("activity")]
            return tuple(sorted(entries, key=lambda e: (e.day, e.source)))
        return self._cached("activity", build)

    def activity_on(self, day: date, source: str = "manual") -> ActivityEntry | None:
        for entry in self.activity():
            if entry.day == day and entry.source == source:
                return entry
        return None

    def profiles(self) -> tuple[ProfileSnapshot, ...]:
        def build() -> tuple[ProfileSnapshot, ...]:
            snaps = [ProfileSnapshot(date.fromisoformat(d["date"]),
                                     MappingProxyType(dict(d["items"])))
                     for d in self._docs("profile")]
            return tuple(sorted(snaps, key=lambda s: s.day))
        return self._cached("profile", build)

    def readings(self) -> tuple[Reading, ...]:
        def build() -> tuple[Reading, ...]:
            fields = ("total", *PILLARS, "industry_rank", "network_rank", "industry_avg",
                      "network_avg")
            readings = [Reading(date.fromisoformat(d["date"]), **{f: d.get(f) for f in fields})
                        for d in self._docs("readings")]
            return tuple(sorted(readings, key=lambda r: r.day))
        return self._cached("readings", build)

    def notes(self) -> tuple[tuple[int, Note], ...]:
        """(id, note) pairs sorted by day; the id is what :meth:`delete_note` takes."""
        def build() -> tuple[tuple[int, Note], ...]:
            notes = [(d.doc_id, Note(date.fromisoformat(d["date"]), d["text"]))
                     for d in self._docs("notes")]
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

    def params_info(self) -> dict[str, Any]:
        docs = self._docs("params")
        return dict(docs[0].get("info") or {}) if docs else {}

    def meta(self) -> dict[str, Any]:
        return dict(self._docs("meta")[0])

    def is_empty(self) -> bool:
        return not any(self._docs(t) for t in ("activity", "profile", "readings", "notes"))
