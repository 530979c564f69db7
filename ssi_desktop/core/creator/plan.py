"""From Creator Analytics workbooks to the store: merged, planned, reported, applied.

Counts live under source ``"creator"``, apart from what the member typed or the LinkedIn
export gave. A day a workbook lists is *replaced* (never added to), and where windows overlap
the newer workbook speaks for the day, so importing the same files twice, or this month's
export over last month's, never counts a day twice. Follower totals go into the totals
snapshot of their day, keeping the other totals that day holds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..changes import ApplyImport
from ..records import ActivityEntry, TotalsSnapshot
from ..store_protocol import StoreLike
from .workbook import (
    ENGAGEMENT,
    NEW_FOLLOWERS,
    TOTAL_FOLLOWERS,
    Workbook,
    read_workbook,
    workbook_paths,
)

SOURCE = "creator"


@dataclass
class CreatorData:
    """Every workbook's days merged: the newest workbook wins a day they share."""

    files: list[Workbook]
    counts: dict[str, dict[date, int]] = field(default_factory=dict)
    totals: dict[date, int] = field(default_factory=dict)

    def days(self) -> list[date]:
        return sorted({day for per_day in self.counts.values() for day in per_day})

    def lines(self) -> list[str]:
        """What each file brought and what the whole import holds, in plain sentences."""
        out = [_file_line(book) for book in self.files]
        out.append("")
        for key, label in ((ENGAGEMENT, "Engagement received"), (NEW_FOLLOWERS, "New followers")):
            per_day = self.counts.get(key, {})
            if per_day:
                out.append(
                    f"{label}: {sum(per_day.values()):,} over {_days(len(per_day))}, "
                    f"{_span(min(per_day), max(per_day))}."
                )
        for day, total in sorted(self.totals.items()):
            out.append(f"Total followers: {total:,} on {_long(day)}.")
        return out


def _long(day: date) -> str:
    return f"{day.day} {day:%b %Y}"


def _span(first: date, last: date) -> str:
    return f"on {_long(first)}" if first == last else f"from {_long(first)} to {_long(last)}"


def _days(n: int) -> str:
    return "1 day" if n == 1 else f"{n} days"


def _file_line(book: Workbook) -> str:
    parts = []
    for label, per_day in (("engagement", book.engagement), ("new followers", book.new_followers)):
        if per_day:
            parts.append(f"{label} on {_days(len(per_day))} {_span(min(per_day), max(per_day))}")
    if book.total:
        parts.append(f"{book.total[1]:,} followers on {_long(book.total[0])}")
    return f"{book.name}: " + "; ".join(parts) + "."


def read_creator(path: str | Path) -> CreatorData:
    """The workbook at ``path``, or every Creator Analytics workbook in the folder ``path``.

    Raises ``NotCreatorAnalytics`` or ``ValidationError`` (naming file, sheet and row) for
    any file that cannot be read whole: then nothing is imported.
    """
    books = [read_workbook(p) for p in workbook_paths(Path(path))]
    books.sort(key=lambda b: (b.last_day, b.name))  # later windows override earlier ones
    data = CreatorData(books, {ENGAGEMENT: {}, NEW_FOLLOWERS: {}})
    for book in books:
        data.counts[ENGAGEMENT].update(book.engagement)
        data.counts[NEW_FOLLOWERS].update(book.new_followers)
        if book.total:
            data.totals[book.total[0]] = book.total[1]
    data.counts = {key: per_day for key, per_day in data.counts.items() if per_day}
    return data


@dataclass(frozen=True)
class CreatorPlan:
    """The writes the import makes; an entry with no counts clears that day's creator counts."""

    entries: tuple[ActivityEntry, ...]
    totals: tuple[TotalsSnapshot, ...]

    def is_empty(self) -> bool:
        return not self.entries and not self.totals

    def change(self) -> ApplyImport:
        """These writes as one change (the app pushes it on its undo stack)."""
        return ApplyImport(activity=self.entries, totals=self.totals)

    def summary(self) -> str:
        """One sentence on what would change."""
        if self.is_empty():
            return "Nothing to change: your data already holds these workbooks."
        parts = []
        if self.entries:
            days = [e.day for e in self.entries]
            parts.append(f"{_days(len(days))} of activity {_span(min(days), max(days))}")
        if self.totals:
            on = ", ".join(_long(s.day) for s in self.totals)
            parts.append(f"the follower total on {on}")
        return (
            "This import sets "
            + " and ".join(parts)
            + ". Its days replace earlier Creator Analytics figures for the same days and "
            "never add to what you typed."
        )


def plan_creator(store: StoreLike, data: CreatorData) -> CreatorPlan:
    """For each listed day the workbooks' counts (replacing the day's creator counts of the
    same metrics); the follower totals merged into their days' snapshots."""
    existing = {e.day: e for e in store.activity() if e.source == SOURCE}
    entries: list[ActivityEntry] = []
    for day in data.days():
        old = dict(existing[day].counts) if day in existing else {}
        counts = dict(old)
        for key, per_day in data.counts.items():
            if day in per_day:
                counts[key] = per_day[day]
        counts = {key: n for key, n in counts.items() if n}
        if counts != old:
            entries.append(ActivityEntry.create(day, counts, SOURCE))
    snapshots = {s.day: s for s in store.totals()}
    totals: list[TotalsSnapshot] = []
    for day, followers in sorted(data.totals.items()):
        before = dict(snapshots[day].values) if day in snapshots else {}
        if before.get(TOTAL_FOLLOWERS) != followers:
            totals.append(TotalsSnapshot.create(day, {**before, TOTAL_FOLLOWERS: followers}))
    return CreatorPlan(tuple(entries), tuple(totals))


@dataclass(frozen=True)
class CreatorSummary:
    days_changed: int
    totals: int
    backup: Path | None


def apply_creator(store: StoreLike, plan: CreatorPlan) -> CreatorSummary:
    """Back the store up, then write the whole plan in one atomic write."""
    if plan.is_empty():
        return CreatorSummary(0, 0, None)
    backup = store.backup("import")
    plan.change().apply(store)
    return CreatorSummary(len(plan.entries), len(plan.totals), backup)
