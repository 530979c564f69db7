"""The store's record writes: each public call is one atomic write (or part of a batch)."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Mapping
from datetime import date
from types import MappingProxyType
from typing import Any

from ..core.parameters import ModelParams
from ..core.records import (
    ActivityEntry,
    Goal,
    Note,
    ProfileSnapshot,
    Reading,
    Settings,
    TotalsSnapshot,
)
from .record_docs import activity_doc, goal_doc, note_doc, profile_doc, reading_doc, totals_doc
from .store_tables import TablesMixin


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


class WritesMixin(TablesMixin):
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

    def _put_activity(self, entry: ActivityEntry) -> None:
        """Stage ``entry`` as its day's counts (all zero removes the day's document)."""
        doc = activity_doc(entry)
        if doc is not None:
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
                self._put_doc("profile", profile_doc(snapshot))
            for reading in readings:
                self._put_doc("readings", reading_doc(reading))
            for note in notes:
                self._insert("notes", note_doc(note), None)
                self._flush_later()
            if goal is not None:
                self._set_goal(goal)
            for totals_snapshot in totals:
                self._put_doc("totals", totals_doc(totals_snapshot))

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
        with self._write():
            added = self._insert("notes", note_doc(note), None if note_id is None else str(note_id))
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
            table.insert(goal_doc(goal))

    def set_params(self, params: ModelParams | None, info: Mapping[str, Any] | None = None) -> None:
        """Store calibrated parameters (``None`` returns to the defaults)."""
        with self._write():
            table = self._db.table("params")
            table.truncate()
            if params is not None:
                table.insert({"params": params.to_dict(), "info": dict(info or {})})
