"""What an import read, used, skipped and would store: the dry run's report.

Nothing personal lives here: file names, row counts, reasons, dates and per-day totals only.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..catalogue import METRIC_KEYS, PROFILE_KEYS
from ..records import TotalsSnapshot


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


@dataclass
class FileReport:
    """One export file: how many rows it had, used and skipped (with the reasons)."""

    name: str
    kind: str
    rows_read: int = 0
    rows_used: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    date_format: str | None = None
    #: Why the file could not be read at all (its rows then count for nothing).
    error: str | None = None
    #: True when the archive itself is damaged here (bad CRC, truncated member).
    damaged: bool = False
    first_day: date | None = None
    last_day: date | None = None
    #: What the file fed, in sentences a member understands ("days active on 210 days").
    fed: list[str] = field(default_factory=list)

    def skip(self, reason: str) -> None:
        self.skipped[reason] += 1

    def saw(self, day: date) -> None:
        if self.first_day is None or day < self.first_day:
            self.first_day = day
        if self.last_day is None or day > self.last_day:
            self.last_day = day

    def lines(self) -> list[str]:
        if self.error:
            return [f"{self.name}: NOT READ — {self.error}"]
        head = f"{self.name}: {plural(self.rows_read, 'row')} read, {self.rows_used} used"
        if self.date_format:
            head += f" (dates as {self.date_format})"
        lines = [head]
        lines += [f"    {n} skipped: {reason}" for reason, n in sorted(self.skipped.items())]
        lines += [f"    gives {sentence}" for sentence in self.fed if sentence]
        return lines


@dataclass(frozen=True)
class Refusal:
    """A day's count over the metric's per-day maximum: not imported, and said so."""

    day: date
    key: str
    count: int
    reason: str


@dataclass
class ImportResult:
    """Everything read from one export, ready to preview and to apply."""

    source: Path
    export_day: date
    #: Where ``export_day`` came from: "file name", "newest date in the export" or "today".
    export_day_origin: str
    files: list[FileReport]
    #: metric key → day → count, for counts within the per-day maximum only.
    counts: dict[str, dict[date, int]]
    #: metric key → (first, last) day the export speaks for; days outside are left alone.
    coverage: dict[str, tuple[date, date]]
    refused: list[Refusal]
    #: Checklist items the export can tell (others are carried over from the store).
    checklist: dict[str, bool]
    articles: int = 0
    #: ``totals.connections`` (and ``totals.senior_connections``) from Connections.csv: one
    #: snapshot per day the network changed, and the export's day.
    network: tuple[TotalsSnapshot, ...] = ()
    #: Checklist item → the day it appeared on the profile (items the profile has only).
    profile_days: dict[str, date] = field(default_factory=dict)

    @property
    def damaged(self) -> list[FileReport]:
        return [f for f in self.files if f.damaged]

    def totals(self) -> dict[str, tuple[int, int]]:
        """metric key → (days with a count, sum of counts), catalogue order, non-empty only."""
        return {
            key: (len(self.counts[key]), sum(self.counts[key].values()))
            for key in METRIC_KEYS
            if self.counts.get(key)
        }

    def days(self) -> set[date]:
        return {day for per_day in self.counts.values() for day in per_day}

    def lines(self) -> list[str]:
        """The report as plain text lines (CLI and the app's preview show the same)."""
        lines = [
            f"LinkedIn export: {self.source.name} "
            f"(dated {self.export_day.isoformat()}, from the {self.export_day_origin})",
            "",
            "Files:",
        ]
        for report in self.files:
            lines += ["  " + line for line in report.lines()]
        if self.articles:
            lines.append(
                f"  Articles: {plural(self.articles, 'HTML file')} not counted — the export "
                "does not say when they were published"
            )
        lines += ["", "Activity (metric: days, total):"]
        totals = self.totals()
        if not totals:
            lines.append("  nothing to import")
        for key, (days, total) in totals.items():
            first, last = self.coverage[key]
            lines.append(
                f"  {key}: {plural(days, 'day')}, {total} in all "
                f"(replaces {first.isoformat()} to {last.isoformat()})"
            )
        for refusal in self.refused:
            lines.append(f"  refused {refusal.key} on {refusal.day.isoformat()}: {refusal.reason}")
        if self.checklist:
            known = ", ".join(
                f"{k}={'yes' if self.checklist[k] else 'no'}"
                for k in PROFILE_KEYS
                if k in self.checklist
            )
            lines += ["", f"Profile checklist on {self.export_day.isoformat()}: {known}"]
        if self.network:
            start, end = self.network[0], self.network[-1]
            lines += [
                "",
                f"Network (totals, replaces {start.day.isoformat()} to {end.day.isoformat()}): "
                f"{plural(len(self.network), 'snapshot')}, "
                + ", ".join(f"{k}={v}" for k, v in end.values.items())
                + f" on {end.day.isoformat()}",
            ]
        return lines
