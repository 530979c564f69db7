"""When each profile item appeared, from the dates the profile's own files carry.

Positions say ``Mar 2019``, Education gives years (``2010``), Recommendations a timestamp
(``01/05/24, 10:00 AM``), Rich Media a sentence ("… on April 12, 2026 at …"). A month means
its first day, a year its 1 January: the earliest the item can have been there.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date

from ..validation import today
from .dates import FORMATS, DateFormat

_MONTH_YEAR = re.compile(r"([A-Za-z]{3,9})\.? (\d{4})$")
_YEAR = re.compile(r"(\d{4})$")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def _month_year(text: str) -> date:
    match = _MONTH_YEAR.match(text)
    if match is None:
        raise ValueError(text)
    return date(int(match[2]), _MONTHS.index(match[1][:3].lower()) + 1, 1)


def _year(text: str) -> date:
    match = _YEAR.match(text)
    if match is None:
        raise ValueError(text)
    return date(int(match[1]), 1, 1)


MONTH_YEAR = DateFormat("Mon YYYY", str.strip, _month_year)
YEAR = DateFormat("YYYY", str.strip, _year)


def _best_format(values: list[str]) -> DateFormat | None:
    """The format reading the most values (the export's own formats, then month-year, year)."""
    best: DateFormat | None = None
    best_hits = 0
    for candidate in (*FORMATS, MONTH_YEAR, YEAR):
        probe = candidate.fresh()
        hits = sum(probe.day(v) is not None for v in values)
        if hits > best_hits:
            best, best_hits = probe, hits
    return best


class ItemDates:
    """The date cells of one file, per checklist item, read once the whole file is seen (its
    format is detected from all of them, as for every export file)."""

    def __init__(self) -> None:
        self._values: dict[str, list[str]] = {}

    def add(self, item: str, value: str) -> None:
        if value.strip():
            self._values.setdefault(item, []).append(value.strip())

    def first_days(self, present: Mapping[str, bool]) -> dict[str, date]:
        """The earliest readable, past day of each item in ``present`` that is there."""
        every = [v for values in self._values.values() for v in values]
        fmt = _best_format(every) if every else None
        if fmt is None:
            return {}
        latest = today()
        found: dict[str, date] = {}
        for item, values in self._values.items():
            if not present.get(item):
                continue
            days = [d for d in map(fmt.day, values) if d is not None and d <= latest]
            if days:
                found[item] = min(days)
        return found
