"""Reading a whole export into an :class:`ImportResult` (no store involved: a dry run).

Files are read one at a time as streams; what survives a file is its per-day counters, so
memory stays bounded by the number of days, not rows. A file that cannot be parsed is
reported and counts for nothing; a damaged archive (bad CRC, truncated member) is flagged so
the import can be refused as a whole.
"""

from __future__ import annotations

import csv
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path

from ..catalogue import METRICS_BY_KEY
from ..validation import EARLIEST_DATE, today
from .archive import Archive, Member, TextStream, open_text
from .control import Cancelled, Control, Progress
from .counts import (
    SIMPLE,
    DayCounts,
    MessageOwner,
    NotNewestFirst,
    read_connections,
    read_invitations,
    read_messages,
    read_messages_once,
    read_simple,
)
from .feeds import activity_sentence, network_sentence, profile_sentence
from .history import network_history, read_logins
from .profile import read_checklist_file, read_profile
from .readers import FileFormatError
from .report import FileReport, ImportResult, Refusal

_CHECKLIST_KINDS = ("positions", "education", "skills", "recommendations", "media")
# zipfile raises NotImplementedError for compression methods and versions it cannot read.
_DAMAGE = (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError)
#: Not CSV as expected, or a member zipfile cannot open (encrypted: RuntimeError; an unknown
#: compression method: NotImplementedError).
_UNREADABLE = (FileFormatError, csv.Error, UnicodeError, RuntimeError, NotImplementedError)


def _read(
    archive: Archive, member: Member, report: FileReport, action: Callable[[TextStream], object]
) -> object | None:
    """Run ``action`` on one member's text, turning its failure into the file's report.

    In a zip, a read error means the download is damaged (bad CRC, truncated member); in a
    folder it is that one file's problem.
    """
    try:
        stream = open_text(archive, member)
    except _DAMAGE as exc:
        report.error = f"cannot be opened ({exc})"
        report.damaged = archive.is_zip
        return None
    except _UNREADABLE as exc:
        report.error = f"cannot be opened ({exc})"
        return None
    try:
        return action(stream)
    except _DAMAGE as exc:
        report.error = f"the archive is damaged here ({exc})" if archive.is_zip else str(exc)
        report.damaged = archive.is_zip
    except _UNREADABLE as exc:
        report.error = str(exc)
    finally:
        stream.close()
    return None


def read_export(
    path: str | Path, *, progress: Progress | None = None, cancelled: Cancelled | None = None
) -> ImportResult:
    """Read a LinkedIn export (zip or folder) into per-day counts and a checklist.

    Raises :class:`NotAnExport` when ``path`` holds no export files and
    :class:`ImportCancelled` when ``cancelled()`` turns true.
    """
    source = Path(path).expanduser()
    with Archive(source) as archive:
        sizes = sum(m.size for m in archive.members)
        # messages.csv may be read twice; progress counts it twice either way.
        sizes += sum(m.size for m in archive.of_kind("messages"))
        control = Control(progress, cancelled, max(sizes, 1))
        control.tick()
        return _read_all(archive, control)


def _read_all(archive: Archive, control: Control) -> ImportResult:
    """Profile first (the member's name helps tell their messages apart), Invitations before
    Connections (acceptances are invitees who became connections)."""
    files: list[FileReport] = []
    gathered: dict[str, Counter[date]] = {}
    spans: dict[str, list[FileReport]] = {}
    checklist: dict[str, bool] = {}
    appeared: dict[str, date] = {}
    profile_reports: list[FileReport] = []
    joined: Counter[date] = Counter()
    seniors: Counter[date] | None = None
    owner_name = ""

    def new_report(member: Member) -> FileReport:
        report = FileReport(member.name, member.kind)
        files.append(report)
        return report

    def keep(counts: object, report: FileReport) -> None:
        if not isinstance(counts, dict):
            return
        day_counts: DayCounts = counts
        for metric, per_day in day_counts.items():
            gathered.setdefault(metric, Counter()).update(per_day)
            spans.setdefault(metric, []).append(report)
        report.fed.append(activity_sentence(day_counts))

    for member in archive.of_kind("profile"):
        report = new_report(member)
        found = _read(archive, member, report, partial(read_profile, report=report))
        if isinstance(found, tuple):
            items, owner_name = found
            checklist.update(items)
            profile_reports.append(report)
        control.finished(member.size)
    for kind in _CHECKLIST_KINDS:
        members = archive.of_kind(kind)
        merged: dict[str, bool] = {}
        for member in members:
            report = new_report(member)
            found = _read(
                archive, member, report, partial(read_checklist_file, kind, report=report)
            )
            if isinstance(found, tuple):
                for item, value in found[0].items():
                    merged[item] = merged.get(item, False) or value
                for item, day in found[1].items():
                    appeared[item] = min(day, appeared.get(item, day))
                profile_reports.append(report)
            control.finished(member.size)
        checklist.update(merged)

    outgoing: set[int] | None = None
    for member in archive.of_kind("invitations"):
        report = new_report(member)
        seen: set[int] = set()
        read = partial(read_invitations, report=report, control=control, outgoing=seen)
        counts = _read(archive, member, report, read)
        if counts is not None:
            outgoing = (outgoing or set()) | seen
        keep(counts, report)
        control.finished(member.size)
    for member in archive.of_kind("connections"):
        report = new_report(member)
        found = _read(
            archive,
            member,
            report,
            partial(
                read_connections, report=report, control=control, outgoing=outgoing, joined=joined
            ),
        )
        if isinstance(found, dict) and "build.senior_connections" in found:
            seniors = (seniors or Counter()) + found["build.senior_connections"]
        keep(found, report)
        control.finished(member.size)
    for member in archive.of_kind("logins"):
        report = new_report(member)
        read = partial(read_logins, report=report, control=control)
        logins = _read(archive, member, report, read)
        keep(logins, report)
        control.finished(member.size)
    for member in archive.of_kind("messages"):
        keep(_read_messages(archive, member, control, owner_name, files), files[-1])
    for kind in SIMPLE:
        for member in archive.of_kind(kind):
            report = new_report(member)
            keep(
                _read(
                    archive,
                    member,
                    report,
                    partial(read_simple, kind, report=report, control=control),
                ),
                report,
            )
            control.finished(member.size)

    export_day, origin = _export_day(archive, files)
    network = network_history(joined, seniors, export_day)
    for report in files:
        if report.kind == "connections" and network:
            report.fed.append(network_sentence(network))
    profile_days = _profile_days(checklist, appeared, files, export_day)
    for report in profile_reports:
        report.fed.append(profile_sentence(report.kind, profile_days, checklist))
    counts, refused = _within_limits(gathered)
    coverage = {
        metric: (
            min(r.first_day for r in reports if r.first_day),
            max(export_day, *(r.last_day for r in reports if r.last_day)),
        )
        for metric, reports in spans.items()
        if any(r.first_day for r in reports)
    }
    return ImportResult(
        archive.path,
        export_day,
        origin,
        files,
        counts,
        coverage,
        refused,
        checklist,
        archive.articles,
        network,
        profile_days,
    )


def _profile_days(
    checklist: dict[str, bool], appeared: dict[str, date], files: list[FileReport], export_day: date
) -> dict[str, date]:
    """The day each item the profile has appeared: its own date where its file gives one,
    never before the first day the export shows the member on LinkedIn (a profile is no older
    than its account), and that first day for items whose files carry no dates."""
    seen = [f.first_day for f in files if f.first_day]
    start = min(min(seen, default=export_day), export_day)
    return {
        item: min(max(appeared.get(item, start), start), export_day)
        for item, present in checklist.items()
        if present
    }


def _read_messages(
    archive: Archive, member: Member, control: Control, owner_name: str, files: list[FileReport]
) -> object | None:
    """One pass when conversations are listed newest first (LinkedIn's order), else two:
    one to learn who the member is and when they first wrote, one to count."""
    report = FileReport(member.name, member.kind)
    files.append(report)
    no_owner = "could not tell which messages are yours (no senders found)"
    try:
        counts = _read(
            archive, member, report, lambda s: read_messages_once(s, report, control, owner_name)
        )
    except NotNewestFirst:
        files.remove(report)
    else:
        if counts is None and report.error is None:
            report.error = no_owner
        control.finished(2 * member.size)
        return counts
    report = FileReport(member.name, member.kind)
    files.append(report)
    owner = MessageOwner(owner_name)

    def learn(stream: TextStream) -> bool:
        owner.learn(stream, control)
        return True

    learned = _read(archive, member, report, learn)
    control.finished(member.size)
    counts = None
    if learned and owner.owner is None:
        report.error = no_owner
    elif learned:
        counts = _read(archive, member, report, lambda s: read_messages(s, report, control, owner))
    control.finished(member.size)
    return counts


def _export_day(archive: Archive, files: list[FileReport]) -> tuple[date, str]:
    named = archive.export_date
    # A name can say anything: only a date LinkedIn could have written counts.
    if named is not None and EARLIEST_DATE <= named <= today():
        return named, "file name"
    seen = [f.last_day for f in files if f.last_day]
    if seen:
        return max(seen), "newest date in the export"
    return today(), "today"


def _within_limits(
    gathered: dict[str, Counter[date]],
) -> tuple[dict[str, dict[date, int]], list[Refusal]]:
    """Counts over a metric's per-day maximum are refused, not clamped: a clamped count would
    be a number the user never had, and the report says which days were left out and why."""
    counts: dict[str, dict[date, int]] = {}
    refused: list[Refusal] = []
    for metric, per_day in gathered.items():
        limit = METRICS_BY_KEY[metric].max_per_day
        kept: dict[date, int] = {}
        for day, n in sorted(per_day.items()):
            if n > limit:
                refused.append(
                    Refusal(
                        day, metric, n, f"{n} is more than the most plausible in a day ({limit})"
                    )
                )
            elif n:
                kept[day] = n
        counts[metric] = kept
    refused.sort(key=lambda r: (r.day, r.key))
    return counts, refused
