"""Recording a whole week at once: a week's totals spread over its days, as the member chooses.

For people who check in on Fridays. The totals of the metrics typed are split into whole
counts (the remainder goes to the first days, so the days add up exactly to the total) over
the chosen days, then written as one change that sets those metrics on every day of the week
up to today (``week_change``). Metrics left empty are not touched.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Final

from .catalogue import METRICS_BY_KEY
from .changes import ApplyImport, Change
from .consistency import check_day_counts
from .records import ActivityEntry
from .store_protocol import StoreLike
from .validation import ValidationError, check_count

WORKING_DAYS: Final = "working"  # Monday to Friday
EVERY_DAY: Final = "every"
ONE_DAY: Final = "one"
SPREADS: Final = (WORKING_DAYS, EVERY_DAY, ONE_DAY)


def week_of(day: date, last: date) -> tuple[date, ...]:
    """Monday to Sunday of ``day``'s week, without the days after ``last`` (today)."""
    monday = day - timedelta(days=day.weekday())
    return tuple(d for d in (monday + timedelta(days=i) for i in range(7)) if d <= last)


def target_days(days: tuple[date, ...], spread: str, one_day: date | None = None) -> list[date]:
    """The days that receive counts: the working days (all days if the week so far has
    none), every day, or ``one_day``."""
    if spread == ONE_DAY:
        if one_day is None or one_day not in days:
            raise ValidationError("day", "choose a day of the week")
        return [one_day]
    if spread == WORKING_DAYS:
        working = [d for d in days if d.weekday() < 5]
        return working or list(days)
    if spread == EVERY_DAY:
        return list(days)
    raise ValidationError("spread", f"must be one of {', '.join(SPREADS)}")


def spread_counts(totals: Mapping[str, object], days: list[date]) -> dict[date, dict[str, int]]:
    """Each total split over ``days`` in whole counts, the remainder to the first days."""
    split: dict[date, dict[str, int]] = {day: {} for day in days}
    for key, value in totals.items():
        if key not in METRICS_BY_KEY:
            raise ValidationError(key, "is not a metric of the catalogue")
        total = check_count(key, value, METRICS_BY_KEY[key].max_per_day * len(days))
        share, extra = divmod(total, len(days))
        for i, day in enumerate(days):
            split[day][key] = share + (1 if i < extra else 0)
    return split


def week_change(
    store: StoreLike,
    week: tuple[date, ...],
    totals: Mapping[str, object],
    spread: str,
    one_day: date | None = None,
) -> tuple[Change, dict[date, dict[str, int]]]:
    """The change that records ``totals`` over ``week`` (one undoable write), and the split.

    Every day of ``week`` gets the typed metrics set (0 on the days that receive nothing);
    each day's other counts stay. Raises ValidationError naming the metric when a total or a
    resulting day is not possible.
    """
    split = spread_counts(totals, target_days(week, spread, one_day))
    entries = []
    for day in week:
        previous = store.activity_on(day, "manual")
        counts = dict(previous.counts) if previous else {}
        for key in totals:
            counts[key] = split.get(day, {}).get(key, 0)
        entry = ActivityEntry.create(day, {k: v for k, v in counts.items() if v}, "manual")
        check_day_counts(entry.counts)
        entries.append(entry)
    return ApplyImport(activity=tuple(entries)), split
