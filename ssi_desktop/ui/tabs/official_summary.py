"""The dashboard's words about the latest official reading: its age, ranks and averages.

A reading older than :data:`STALE_AFTER_DAYS` is named by its age ("53, 3 weeks ago" under
"Official"; "vs official 53 (3 weeks ago)") so nobody takes an old reading for today's. The
member's total is set beside the industry's and the network's average SSI when the reading
has them (LinkedIn shows the averages for the total only: there is nothing per pillar).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication

from ...core.records import Reading
from ..formatting import change, estimate_gap, short_date, total_points

STALE_AFTER_DAYS = 14


def _tr(text: str) -> str:
    return QCoreApplication.translate("OfficialSummary", text)


def age(day: date, today: date) -> str:
    """How old a stale reading is, roughly: "3 weeks ago", "2 months ago", "1 year ago"."""
    days = (today - day).days
    if days < 60:
        return _tr("{n} weeks ago").format(n=days // 7)
    if days < 365:
        return _tr("{n} months ago").format(n=days // 30)
    years = days // 365
    return _tr("1 year ago") if years == 1 else _tr("{n} years ago").format(n=years)


def is_stale(reading: Reading, today: date) -> bool:
    return (today - reading.day).days > STALE_AFTER_DAYS


def versus_text(reading: Reading, estimate_now: float, today: date) -> str:
    """The estimate today against the latest reading: "Estimate − official +2.1 (53, 3 weeks
    ago)", in the one sign convention of the app (``formatting.estimate_gap``).

    Only a stale reading is dated by its age, which is then at least two weeks."""
    when = age(reading.day, today) if is_stale(reading, today) else short_date(reading.day, today)
    return _tr("Estimate − official {diff} ({total:g}, {when})").format(
        diff=estimate_gap(estimate_now, reading.total), total=reading.total, when=when
    )


def anchor_text(reading: Reading, today: date) -> str:
    """What the estimate stands on: "estimate anchored to your official 53 of 30 Nov"."""
    return _tr("estimate anchored to your official {total:g} of {day}").format(
        total=reading.total, day=short_date(reading.day, today)
    )


def reading_parts(reading: Reading, estimate_then: float, today: date) -> list[str]:
    """The reading's figures, each a short phrase for the dashboard's official line;
    ``estimate_then`` is the prediction for that day (before the reading anchored it)."""
    if is_stale(reading, today):
        parts = [
            _tr("{total:g}, {age} ({day})").format(
                total=reading.total, age=age(reading.day, today), day=short_date(reading.day, today)
            )
        ]
    else:
        parts = [
            _tr("{total:g} on {when}").format(
                total=reading.total, when=short_date(reading.day, today)
            )
        ]
    if reading.industry_rank is not None:
        parts.append(_tr("industry top {rank:g} %").format(rank=reading.industry_rank))
    if reading.network_rank is not None:
        parts.append(_tr("network top {rank:g} %").format(rank=reading.network_rank))
    if reading.industry_avg is not None:
        parts.append(
            _tr("industry average {avg:g} (you {diff})").format(
                avg=reading.industry_avg, diff=change(reading.total - reading.industry_avg, 1)
            )
        )
    if reading.network_avg is not None:
        parts.append(
            _tr("network average {avg:g} (you {diff})").format(
                avg=reading.network_avg, diff=change(reading.total - reading.network_avg, 1)
            )
        )
    parts.append(
        _tr("predicted {estimate}, predicted − official {diff}").format(
            estimate=total_points(estimate_then), diff=estimate_gap(estimate_then, reading.total)
        )
    )
    return parts
