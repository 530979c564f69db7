"""Every change to the store as a value: applied, it writes once and returns its inverse.

The app pushes these onto its undo stack (``ui.store_model``), the command line applies the
same values without undo, and core's importers build :class:`ApplyImport`. ``change.apply``
writes the change in one atomic write and returns the change that puts the store back exactly
as it was, byte for byte (``tests/core/test_changes.py``); applying that inverse returns the
change again, so redo is the same call.

Values that arrive typed by someone (:class:`SetDay`, :class:`AddToDay`) are validated when
applied, against the day they change: a :class:`ValidationError` is raised before anything is
written. The other changes carry records that were validated when they were built.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from types import MappingProxyType
from typing import Any, Final, Literal, TypeVar

from .consistency import check_day_counts
from .parameters import ModelParams
from .records import ActivityEntry, Goal, Note, ProfileSnapshot, Reading, Settings, TotalsSnapshot
from .store_protocol import StoreLike
from .validation import ValidationError


class Change(ABC):
    @abstractmethod
    def apply(self, store: StoreLike) -> Change:
        """Write this change in one atomic write; returns the change that undoes it."""


def _empty_day(day: date, source: str) -> ActivityEntry:
    return ActivityEntry(day, MappingProxyType({}), source)


@dataclass(frozen=True, slots=True)
class PutDay(Change):
    """Make ``entry`` its day's counts for its source, as a whole (no counts removes it)."""

    entry: ActivityEntry

    def apply(self, store: StoreLike) -> Change:
        day, source = self.entry.day, self.entry.source
        previous = store.activity_on(day, source) or _empty_day(day, source)
        store.set_activity(self.entry)
        return PutDay(previous)


@dataclass(frozen=True, slots=True)
class SetDay(Change):
    """Set the day's counts of ``keys`` (those in ``counts`` when None) to ``counts``.

    Counts of other keys keep what the day held: a pillar's form sets its pillar's metrics,
    ``ssi-desktop add`` the keys it names. A key set to 0 is removed from the day.
    """

    day: date
    counts: Mapping[str, Any]
    source: str = "manual"
    keys: frozenset[str] | None = None

    def apply(self, store: StoreLike) -> Change:
        previous = store.activity_on(self.day, self.source)
        replaced = set(self.counts) if self.keys is None else self.keys
        kept = {k: v for k, v in (previous.counts if previous else {}).items() if k not in replaced}
        entry = ActivityEntry.create(self.day, {**kept, **self.counts}, self.source)
        check_day_counts(entry.counts)
        return PutDay(entry).apply(store)


@dataclass(frozen=True, slots=True)
class AddToDay(Change):
    """Add ``entry``'s counts to what its day and source hold (``ssi-desktop add --increment``)."""

    entry: ActivityEntry

    def apply(self, store: StoreLike) -> Change:
        previous = store.activity_on(self.entry.day, self.entry.source)
        total = previous.merged(self.entry) if previous else self.entry
        check_day_counts(total.counts)
        return PutDay(total).apply(store)


R = TypeVar("R", Reading, ProfileSnapshot, TotalsSnapshot)


def _on_day(records: Iterable[R], day: date) -> R | None:
    return next((r for r in records if r.day == day), None)


@dataclass(frozen=True, slots=True)
class PutReading(Change):
    """Record ``reading`` as its day's official reading (it replaces that day's)."""

    reading: Reading

    def apply(self, store: StoreLike) -> Change:
        previous = _on_day(store.readings(), self.reading.day)
        store.put_reading(self.reading)
        return PutReading(previous) if previous else DeleteReading(self.reading.day)


@dataclass(frozen=True, slots=True)
class DeleteReading(Change):
    day: date

    def apply(self, store: StoreLike) -> Change:
        previous = _on_day(store.readings(), self.day)
        store.delete_reading(self.day)
        return PutReading(previous) if previous else self


@dataclass(frozen=True, slots=True)
class PutProfile(Change):
    """Record ``snapshot`` as its day's profile checklist (it replaces that day's)."""

    snapshot: ProfileSnapshot

    def apply(self, store: StoreLike) -> Change:
        previous = _on_day(store.profiles(), self.snapshot.day)
        store.put_profile(self.snapshot)
        return PutProfile(previous) if previous else DeleteProfile(self.snapshot.day)


@dataclass(frozen=True, slots=True)
class DeleteProfile(Change):
    day: date

    def apply(self, store: StoreLike) -> Change:
        previous = _on_day(store.profiles(), self.day)
        store.delete_profile(self.day)
        return PutProfile(previous) if previous else self


@dataclass(frozen=True, slots=True)
class PutTotals(Change):
    """Record ``snapshot`` as its day's totals (it replaces that day's snapshot)."""

    snapshot: TotalsSnapshot

    def apply(self, store: StoreLike) -> Change:
        previous = _on_day(store.totals(), self.snapshot.day)
        store.put_totals(self.snapshot)
        return PutTotals(previous) if previous else DeleteTotals(self.snapshot.day)


@dataclass(frozen=True, slots=True)
class DeleteTotals(Change):
    day: date

    def apply(self, store: StoreLike) -> Change:
        previous = _on_day(store.totals(), self.day)
        store.delete_totals(self.day)
        return PutTotals(previous) if previous else self


@dataclass(frozen=True, slots=True)
class AddNote(Change):
    """Add ``note``; ``note_id`` puts a deleted note back under the id it had."""

    note: Note
    note_id: int | None = None

    def apply(self, store: StoreLike) -> Change:
        return DeleteNote(store.add_note(self.note, self.note_id))


@dataclass(frozen=True, slots=True)
class DeleteNote(Change):
    note_id: int

    def apply(self, store: StoreLike) -> Change:
        note = dict(store.notes()).get(self.note_id)
        if note is None:
            raise ValidationError("note", f"there is no note {self.note_id}")
        store.delete_note(self.note_id)
        return AddNote(note, self.note_id)


@dataclass(frozen=True, slots=True)
class SetGoal(Change):
    """Set the goal; ``None`` removes it."""

    goal: Goal | None

    def apply(self, store: StoreLike) -> Change:
        previous = store.goal()
        store.set_goal(self.goal)
        return SetGoal(previous)


@dataclass(frozen=True, slots=True)
class SetSettings(Change):
    """Save the member's settings; ``None`` returns to the defaults."""

    settings: Settings | None

    def apply(self, store: StoreLike) -> Change:
        previous = store.saved_settings()
        store.set_settings(self.settings)
        return SetSettings(previous)


@dataclass(frozen=True, slots=True)
class SetParams(Change):
    """Use calibrated ``params`` (``info`` says how they were fitted); ``None``: model v1."""

    params: ModelParams | None
    info: Mapping[str, Any] = field(default_factory=dict)

    def apply(self, store: StoreLike) -> Change:
        previous = store.saved_params()
        store.set_params(self.params, self.info)
        return SetParams(*previous) if previous else SetParams(None)


class _Keep(Enum):
    GOAL = "keep the goal"


#: :attr:`ApplyImport.goal` when the import leaves the goal alone.
KEEP_GOAL: Final = _Keep.GOAL


@dataclass(frozen=True, slots=True)
class ApplyImport(Change):
    """Many records in one write: an import, the sample data, or the undo of either.

    Activity replaces its day and source (an entry without counts removes it); profiles,
    readings and totals replace their day's; ``notes`` are added, ``notes_back`` are put back
    under their old ids; the ``drop_*`` fields delete. A day is either put or dropped.
    """

    activity: tuple[ActivityEntry, ...] = ()
    profiles: tuple[ProfileSnapshot, ...] = ()
    readings: tuple[Reading, ...] = ()
    totals: tuple[TotalsSnapshot, ...] = ()
    notes: tuple[Note, ...] = ()
    goal: Goal | Literal[_Keep.GOAL] | None = KEEP_GOAL
    notes_back: tuple[tuple[int, Note], ...] = ()
    drop_profiles: tuple[date, ...] = ()
    drop_readings: tuple[date, ...] = ()
    drop_totals: tuple[date, ...] = ()
    drop_notes: tuple[int, ...] = ()

    def apply(self, store: StoreLike) -> Change:
        # What every touched key holds now, read once: the inverse puts exactly this back.
        keys = {(e.day, e.source) for e in self.activity}
        activity = {(e.day, e.source): e for e in store.activity() if (e.day, e.source) in keys}
        profiles = _by_day(store.profiles(), self.profiles, self.drop_profiles)
        readings = _by_day(store.readings(), self.readings, self.drop_readings)
        totals = _by_day(store.totals(), self.totals, self.drop_totals)
        notes = dict(store.notes())
        goal = store.goal()
        with store.batch():
            store.add_records(
                activity=self.activity,
                profiles=self.profiles,
                readings=self.readings,
                totals=self.totals,
                goal=self.goal if isinstance(self.goal, Goal) else None,
            )
            if self.goal is None:
                store.set_goal(None)
            for day in self.drop_profiles:
                store.delete_profile(day)
            for day in self.drop_readings:
                store.delete_reading(day)
            for day in self.drop_totals:
                store.delete_totals(day)
            for note_id in self.drop_notes:
                store.delete_note(note_id)
            added = [store.add_note(n) for n in self.notes]
            added += [store.add_note(n, note_id) for note_id, n in self.notes_back]
        return ApplyImport(
            activity=tuple(activity.get(k) or _empty_day(*k) for k in sorted(keys)),
            profiles=tuple(profiles.values()),
            readings=tuple(readings.values()),
            totals=tuple(totals.values()),
            goal=KEEP_GOAL if self.goal is KEEP_GOAL else goal,
            notes_back=tuple((i, notes[i]) for i in self.drop_notes if i in notes),
            drop_profiles=_absent(profiles, self.profiles),
            drop_readings=_absent(readings, self.readings),
            drop_totals=_absent(totals, self.totals),
            drop_notes=tuple(added),
        )


def _by_day(held: Iterable[R], put: Iterable[R], dropped: Iterable[date]) -> dict[date, R]:
    """What the store holds on the days ``put`` or ``dropped`` touch."""
    days = {r.day for r in put} | set(dropped)
    return {r.day: r for r in held if r.day in days}


def _absent(held: Mapping[date, R], put: Iterable[R]) -> tuple[date, ...]:
    """Days a put creates (its undo deletes them), each once."""
    return tuple(sorted({r.day for r in put} - set(held)))


@dataclass(frozen=True, slots=True)
class Batch(Change):
    """Several changes in one write (``ssi-desktop add --note``: the counts and the note)."""

    changes: tuple[Change, ...]

    def apply(self, store: StoreLike) -> Change:
        with store.batch():
            inverses = [change.apply(store) for change in self.changes]
        return Batch(tuple(reversed(inverses)))
