"""Putting an :class:`ImportResult` into the store: planned, atomic and idempotent.

Imported counts live under source ``"linkedin"``, apart from what the user typed. For each
metric, every day from the first the export speaks for up to the export's date is *replaced*
(never added to), so importing the same export twice, or a newer one overlapping an older one,
never counts a day twice. Metrics the export does not cover keep their earlier imported values.
The network totals from Connections.csv are replaced the same way over the days the export
speaks for; the profile checklist gets a snapshot per day an item appeared.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..catalogue import PROFILE_KEYS
from ..changes import ApplyImport
from ..records import ActivityEntry, ProfileSnapshot, TotalsSnapshot
from ..store_protocol import StoreLike
from .history import NETWORK_KEYS
from .report import ImportResult

SOURCE = "linkedin"


class ImportRefused(Exception):
    """The export cannot be applied (a damaged archive): nothing was written."""


@dataclass(frozen=True)
class ImportPlan:
    """The writes an import makes."""

    #: New linkedin entries; an entry with no counts removes that day's linkedin entry.
    entries: tuple[ActivityEntry, ...]
    #: Checklist snapshots, one per day an item appeared (and the export's day if it differs).
    profiles: tuple[ProfileSnapshot, ...] = ()
    #: Totals snapshots to write (the network's keys replaced, the day's others kept) …
    totals: tuple[TotalsSnapshot, ...] = ()
    #: … and days whose snapshot held only network totals the export no longer has.
    totals_removed: tuple[date, ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.entries or self.profiles or self.totals or self.totals_removed)

    def change(self) -> ApplyImport:
        """These writes as one change (the app pushes it on its undo stack)."""
        return ApplyImport(
            activity=self.entries,
            profiles=self.profiles,
            totals=self.totals,
            drop_totals=self.totals_removed,
        )


@dataclass(frozen=True)
class ApplySummary:
    days_changed: int
    days_removed: int
    profile_days: tuple[date, ...]
    backup: Path | None
    #: Totals snapshots written or removed.
    totals_changed: int = 0


def _covered(result: ImportResult, key: str, day: date) -> bool:
    span = result.coverage.get(key)
    return span is not None and span[0] <= day <= span[1]


def plan_import(store: StoreLike, result: ImportResult) -> ImportPlan:
    """The entries to write: for each touched day, metrics the export covers take the export's
    count (or none), others keep what the day's linkedin entry held."""
    existing = {e.day: e for e in store.activity() if e.source == SOURCE}
    days = set(result.days())
    days.update(
        day
        for day, entry in existing.items()
        if any(_covered(result, key, day) for key in entry.counts)
    )
    entries: list[ActivityEntry] = []
    for day in sorted(days):
        old = existing.get(day)
        counts = {
            key: n
            for key, n in (old.counts.items() if old else ())
            if not _covered(result, key, day)
        }
        for key, per_day in result.counts.items():
            if day in per_day and _covered(result, key, day):
                counts[key] = per_day[day]
        new = ActivityEntry.create(day, counts, SOURCE)
        if old is not None and dict(old.counts) == dict(new.counts):
            continue
        entries.append(new)
    totals, removed = _plan_network(store.totals(), result)
    return ImportPlan(tuple(entries), _plan_profiles(store.profiles(), result), totals, removed)


def _plan_profiles(
    stored: tuple[ProfileSnapshot, ...], result: ImportResult
) -> tuple[ProfileSnapshot, ...]:
    """One snapshot per day an item appeared, cumulative, then the export's day: on each, the
    items the export tells (those not yet appeared are no) and, for what it cannot tell
    (photo, banner, custom URL), what the member's own snapshot in force that day says. A day
    whose checklist in force already is that one gets none, so a re-import writes nothing."""
    if not result.checklist:
        return ()
    days = sorted({*result.profile_days.values(), result.export_day})
    planned: list[ProfileSnapshot] = []
    for day in days:
        prior = [s for s in stored if s.day <= day]
        carried = dict(prior[-1].items) if prior else {}
        told = {
            k: v and result.profile_days.get(k, result.export_day) <= day
            for k, v in result.checklist.items()
        }
        snapshot = ProfileSnapshot.create(
            day, {k: told.get(k, carried.get(k, False)) for k in PROFILE_KEYS}
        )
        in_force = [s for s in (*prior, *planned) if s.day <= day]
        in_force.sort(key=lambda s: (s.day, s in planned))
        if in_force and dict(in_force[-1].items) == dict(snapshot.items):
            continue
        planned.append(snapshot)
    return tuple(planned)


def _plan_network(
    stored: tuple[TotalsSnapshot, ...], result: ImportResult
) -> tuple[tuple[TotalsSnapshot, ...], tuple[date, ...]]:
    """The export's network history replaces the network totals of every day it speaks for
    (its first connection to its date); the member's other totals on those days stay."""
    if not result.network:
        return (), ()
    first, last = result.network[0].day, result.network[-1].day
    imported = {s.day: s for s in result.network}
    existing = {s.day: s for s in stored}
    writes: list[TotalsSnapshot] = []
    removed: list[date] = []
    for day in sorted({*imported, *(d for d in existing if first <= d <= last)}):
        old = existing.get(day)
        kept = {k: v for k, v in (old.values if old else {}).items() if k not in NETWORK_KEYS}
        values = {**kept, **(imported[day].values if day in imported else {})}
        if not values:
            removed.append(day)
        elif not kept and day in imported:  # the export's snapshot as it is
            if old is None or dict(old.values) != values:
                writes.append(imported[day])
        elif old is None or dict(old.values) != values:
            writes.append(TotalsSnapshot.create(day, values))
    return tuple(writes), tuple(removed)


def check_applicable(result: ImportResult) -> None:
    """Refuse a damaged archive as a whole: half its files would miscount their days."""
    if result.damaged:
        names = ", ".join(f.name for f in result.damaged)
        raise ImportRefused(
            f"The archive is damaged ({names}); nothing was imported. "
            "Download the export from LinkedIn again."
        )


def apply_import(store: StoreLike, result: ImportResult) -> ApplySummary:
    """Back the store up, then write the whole import in one atomic write.

    Raises :class:`ImportRefused` for a damaged archive, before anything is written.
    """
    check_applicable(result)
    plan = plan_import(store, result)
    return apply_plan(store, plan)


def apply_plan(store: StoreLike, plan: ImportPlan) -> ApplySummary:
    if plan.empty:
        return ApplySummary(0, 0, (), None)
    backup = store.backup("import")
    plan.change().apply(store)
    removed = sum(1 for e in plan.entries if not e.counts)
    return ApplySummary(
        len(plan.entries) - removed,
        removed,
        tuple(s.day for s in plan.profiles),
        backup,
        len(plan.totals) + len(plan.totals_removed),
    )
