"""The import preview in sentences a member understands: what the export adds, what it left
out and why, what it says about the profile, and how each file was read.

The CLI prints ``ImportResult.lines()`` (keys and counts, for scripts and support); the app
shows this instead, with the catalogue's names for everything.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from ..core.catalogue import METRICS_BY_KEY, PROFILE_ITEMS
from ..core.linkedin.report import ImportResult


def _tr(text: str) -> str:
    return QCoreApplication.translate("ImportReport", text)


def _day(day: date) -> str:
    return QLocale().toString(QDate(day.year, day.month, day.day), "d MMM yyyy")


def _days(count: int) -> str:
    return (_tr("1 day") if count == 1 else _tr("{n} days")).format(n=count)


#: Where the export's date came from, as the end of a sentence.
_ORIGINS = {
    "file name": "the date in its file name",
    "newest date in the export": "the newest date in it",
    "today": "today's date: neither its name nor its files give one",
}


def member_report(result: ImportResult) -> str:
    origin = _tr(_ORIGINS.get(result.export_day_origin, result.export_day_origin))
    lines = [
        _tr("LinkedIn export {name}, dated {day} ({origin}).").format(
            name=result.source.name, day=_day(result.export_day), origin=origin
        ),
        "",
        _tr("What it adds"),
    ]
    totals = result.totals()
    if not totals:
        lines.append(_tr("• No activity that SSI Desktop counts."))
    for key, (days, total) in totals.items():
        first, last = result.coverage[key]
        lines.append(
            _tr("• {metric}: {total} on {days}, between {first} and {last}.").format(
                metric=METRICS_BY_KEY[key].label,
                total=total,
                days=_days(days),
                first=_day(first),
                last=_day(last),
            )
        )
    if result.refused:
        lines += ["", _tr("Left out (more than a day can hold)")]
        for refusal in result.refused:
            metric = METRICS_BY_KEY[refusal.key]
            lines.append(
                _tr("• {metric} on {day}: {count}, but at most {most} a day is possible.").format(
                    metric=metric.label,
                    day=_day(refusal.day),
                    count=refusal.count,
                    most=metric.max_per_day,
                )
            )
    if result.checklist:
        has = [i.label for i in PROFILE_ITEMS if result.checklist.get(i.key) is True]
        lacks = [i.label for i in PROFILE_ITEMS if result.checklist.get(i.key) is False]
        lines += ["", _tr("Your profile on {day}").format(day=_day(result.export_day))]
        if has:
            lines.append(_tr("• It has: {items}.").format(items=", ".join(has)))
        if lacks:
            lines.append(_tr("• It lacks: {items}.").format(items=", ".join(lacks)))
    lines += ["", _tr("Files read")]
    for report in result.files:
        if report.error:
            lines.append(
                _tr("• {file} could not be read: {reason}.").format(
                    file=report.name, reason=report.error
                )
            )
            continue
        line = _tr("• {file}: {used} of {read} rows used").format(
            file=report.name, used=report.rows_used, read=report.rows_read
        )
        skipped = [
            _tr("{n} skipped ({reason})").format(n=n, reason=reason)
            for reason, n in sorted(report.skipped.items())
        ]
        lines.append(line + ("; " + "; ".join(skipped) if skipped else "") + ".")
    if result.articles:
        lines.append(
            _tr(
                "• {n} articles not counted: the export does not say when they were published."
            ).format(n=result.articles)
        )
    return "\n".join(lines)


def imported_message(
    days: int, profile_days: tuple[date, ...], network_days: int, name: str, left_out: int
) -> str:
    """What the box after an import says."""
    parts = []
    if days:
        parts.append(
            _tr("{days} of activity now come from {name}.").format(days=_days(days), name=name)
        )
    if len(profile_days) == 1:
        parts.append(
            _tr("Your profile checklist of {day} was updated.").format(day=_day(profile_days[0]))
        )
    elif profile_days:
        parts.append(
            _tr("Your profile checklist was dated by its items on {days}.").format(
                days=_days(len(profile_days))
            )
        )
    if network_days:
        parts.append(
            _tr("Your network's size was updated on {days}.").format(days=_days(network_days))
        )
    if left_out:
        parts.append(
            _tr("{n} counts over a day's maximum were left out (listed in the preview).").format(
                n=left_out
            )
        )
    parts.append(_tr("Edit ▸ Undo takes the whole import back."))
    return " ".join(parts)
