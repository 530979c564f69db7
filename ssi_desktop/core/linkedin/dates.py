"""Date formats of the export, detected per file from the values themselves.

LinkedIn changes its date formats between files and between export versions, so nothing here
assumes a format from a file's name. Each format knows how to cut the day out of a value
(``key``) and parse that part once: a file of 40,000 timestamps holds perhaps 3,000 distinct
days, so parsing goes through a per-file cache and costs a dictionary lookup per row.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from operator import itemgetter

_MONTHS = {
    name: i
    for i, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}


def _month(text: str) -> int:
    return _MONTHS[text[:3].lower()]


def _year(text: str) -> int:
    year = int(text)
    # Two-digit years can only be 20xx: LinkedIn opened in 2003.
    return year + 2000 if year < 100 else year


def _iso(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:  # 2024/01/15 and other separators
        return date(int(text[0:4]), int(text[5:7]), int(text[8:10]))


_SLASH = re.compile(r"(\d{1,4})/(\d{1,2})/(\d{1,4})$")
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})[ -]([A-Za-z]{3,9})[ -](\d{2,4})$")
_MONTH_DAY_YEAR = re.compile(r"([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})$")
_PROSE = re.compile(r"\bon ([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})")


def _slash(order: str) -> Callable[[str], date]:
    def parse(text: str) -> date:
        match = _SLASH.match(text)
        if match is None:
            raise ValueError(text)
        a, b, c = match.groups()
        if len(a) == 4:
            return date(int(a), int(b), int(c))
        if order == "mdy":
            return date(_year(c), int(a), int(b))
        return date(_year(c), int(b), int(a))

    return parse


def _day_month_year(text: str) -> date:
    match = _DAY_MONTH_YEAR.match(text)
    if match is None:
        raise ValueError(text)
    return date(_year(match[3]), _month(match[2]), int(match[1]))


def _month_day_year(text: str) -> date:
    match = _MONTH_DAY_YEAR.match(text)
    if match is None:
        raise ValueError(text)
    return date(int(match[3]), _month(match[1]), int(match[2]))


def _prose(text: str) -> date:
    match = _PROSE.search(text)
    if match is None:
        raise ValueError(text)
    return date(int(match[3]), _month(match[1]), int(match[2]))


#: The day part of an ISO timestamp, read at C speed: most rows of a heavy export are ISO.
#: It does not strip; callers check that a value's key equals its stripped value's key.
_iso_key = itemgetter(slice(0, 10))


def _before_comma(value: str) -> str:
    return value.strip().split(",", 1)[0].split(" ", 1)[0]


def _whole(value: str) -> str:
    return value.strip()


@dataclass(frozen=True)
class DateFormat:
    """One way of writing dates: its name for the report, the day part, and its parser."""

    name: str
    key: Callable[[str], str]
    parse_key: Callable[[str], date]
    cache: dict[str, date | None] = field(default_factory=dict, compare=False)

    def day(self, value: str) -> date | None:
        """The day of ``value``, or None when the value is not a date in this format."""
        part = self.key(value.strip())
        try:
            return self.cache[part]
        except KeyError:
            pass
        day = self.parse(part)
        if len(self.cache) < 100_000:
            self.cache[part] = day
        return day

    def parse(self, part: str) -> date | None:
        """The day of a value's key part (see ``key``), or None."""
        try:
            return self.parse_key(part)
        except (ValueError, KeyError, IndexError):
            return None

    def fresh(self) -> DateFormat:
        """The same format with its own cache, so each file's detection starts clean."""
        return DateFormat(self.name, self.key, self.parse_key)


ISO = DateFormat("YYYY-MM-DD[ hh:mm:ss]", _iso_key, _iso)
MONTH_FIRST = DateFormat("M/D/YY[, h:mm AM]", _before_comma, _slash("mdy"))
DAY_FIRST = DateFormat("D/M/YY[, hh:mm]", _before_comma, _slash("dmy"))
DAY_MONTH_NAME = DateFormat("D Mon YYYY", _whole, _day_month_year)
MONTH_NAME_DAY = DateFormat("Mon D, YYYY", _whole, _month_day_year)
PROSE = DateFormat("… on Month D, YYYY at …", _whole, _prose)

#: Tried in this order; the first that reads every sampled value wins. Month-first comes before
#: day-first because LinkedIn writes US dates: an all-ambiguous file (every part ≤ 12) is read
#: month first.
FORMATS: tuple[DateFormat, ...] = (
    ISO,
    MONTH_FIRST,
    DAY_FIRST,
    DAY_MONTH_NAME,
    MONTH_NAME_DAY,
    PROSE,
)

#: How many dated values decide a file's format.
SAMPLE_SIZE = 200


def detect_format(values: Iterable[str]) -> DateFormat | None:
    """The format that reads the most sampled values (ties go to the earlier in ``FORMATS``).

    None when no format reads any of them: the file's dates are unreadable.
    """
    sample = [v.strip() for v in values if v and v.strip()][:SAMPLE_SIZE]
    if not sample:
        return None
    best: DateFormat | None = None
    best_hits = 0
    for candidate in FORMATS:
        probe = candidate.fresh()
        hits = sum(probe.day(v) is not None for v in sample)
        if hits > best_hits:
            best, best_hits = candidate, hits
        if hits == len(sample):
            break
    return best.fresh() if best else None
