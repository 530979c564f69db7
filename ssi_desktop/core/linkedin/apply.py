"""Putting an :class:`ImportResult` into the store: planned, atomic and idempotent.

Imported counts live under source ``"linkedin"``, apart from what the user typed. For each
metric, every day from the first the export speaks for up to the export's date is *replaced*
(never added to), so importing the same export twice, or a newer one overlapping an older one,
never counts a day twice. Metrics the export does not cover keep their earlier imported values.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..catalogue import PROFILE_KEYS
from ..changes import ApplyImport
from ..records import ActivityEntry, ProfileSnapshot
from ..store_protocol import StoreLike
from .report import ImportResult

SOURCE = "linkedin"


class ImportRefused(Exception):
    """The export cannot be applied (a damaged archive): nothing was written."""


@dataclass(frozen=True)
class ImportPlan:
    """The writes an import makes."""

    #: New linkedin entries; an entry with no counts removes that day's linkedin entry.
    entries: tuple[ActivityEntry, ...]
    profile: ProfileSnapshot | None

    def change(self) -> ApplyImport:
        """These writes as one change (the app pushes it on its undo stack)."""
        return ApplyImport(activity=self.entries, profiles=(self.profile,) if self.profile else ())


@dataclass(frozen=True)
class ApplySummary:
    days_changed: int
    days_removed: int
    profile_day: date | None
    backup: Path | None


def _covered(result: ImportResult, key: str, day: date) -> bool:
    span = result.coverage.get(key)
    return span is not None and span[0] <= day <= span[1]


# radon D (23): the replace-what-the-export-covers rule, day by day, kept in one place.
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
    profile = None
    if result.checklist:
        day = result.export_day
        prior = [s for s in store.profiles() if s.day <= day]
        carried = dict(prior[-1].items) if prior else {}
        items = {k: result.checklist.get(k, carried.get(k, False)) for k in PROFILE_KEYS}
        profile = ProfileSnapshot.create(day, items)
        if prior and prior[-1].day == day and dict(prior[-1].items) == dict(profile.items):
            profile = None  # the day already holds this checklist
    return ImportPlan(tuple(entries), profile)


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
    if not plan.entries and plan.profile is None:
        return ApplySummary(0, 0, None, None)
    backup = store.backup("import")
    plan.change().apply(store)
    removed = sum(1 for e in plan.entries if not e.counts)
    return ApplySummary(
        len(plan.entries) - removed, removed, plan.profile.day if plan.profile else None, backup
    )
