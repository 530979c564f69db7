"""Reading LinkedIn Creator Analytics workbooks (Analytics → Export, ``.xlsx``).

Only two sheets matter (domain.md, "Creator Analytics workbooks"): ``ENGAGEMENT`` (``Date |
Impressions | Engagements``, one row a day) and ``FOLLOWERS`` (A1 "Total followers on
M/D/YYYY", B1 the total; a blank row; then ``Date | New followers``). LinkedIn stores numbers
and dates as text (dates ``M/D/YYYY``); real numbers and dates are accepted too. A workbook is
read whole or refused whole, naming the file, sheet and row, so half a file never lands.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl import load_workbook  # type: ignore[import-untyped]  # (no stubs shipped)
from openpyxl.utils.exceptions import InvalidFileException  # type: ignore[import-untyped]

from ..catalogue import METRICS_BY_KEY, TOTALS_BY_KEY
from ..validation import ValidationError, check_count, check_date

ENGAGEMENT = "brand.engagement"
NEW_FOLLOWERS = "brand.followers"
TOTAL_FOLLOWERS = "totals.followers"

#: The names LinkedIn gives its exports, newer (2026) and older.
PATTERNS = ("AggregateAnalytics_*.xlsx", "Content_*.xlsx")

_US_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
_THOUSANDS = re.compile(r"^\d{1,3}(?:,\d{3})+$")


class NotCreatorAnalytics(ValueError):
    """The path is not a Creator Analytics workbook (or folder of them): nothing is read."""


@dataclass
class Workbook:
    """What one workbook says, per day, and its follower total."""

    name: str
    engagement: dict[date, int] = field(default_factory=dict)
    new_followers: dict[date, int] = field(default_factory=dict)
    total: tuple[date, int] | None = None

    @property
    def last_day(self) -> date:
        days = [*self.engagement, *self.new_followers, *([self.total[0]] if self.total else [])]
        return max(days)


def _date(where: str, value: Any) -> date:
    if isinstance(value, datetime):
        day = value.date()
    elif isinstance(value, date):
        day = value
    else:
        text = str(value).strip()
        match = _US_DATE.fullmatch(text)
        if match is None:
            raise ValidationError(where, f"{text!r} is not a date (M/D/YYYY)")
        month, mday, year = (int(g) for g in match.groups())
        try:
            day = date(year, month, mday)
        except ValueError:
            raise ValidationError(where, f"{text!r} is not a date (M/D/YYYY)") from None
    return check_date(where, day)


def _count(where: str, value: Any, maximum: int) -> int:
    if isinstance(value, str) and _THOUSANDS.match(value.strip()):
        value = value.replace(",", "")
    if value is None or (isinstance(value, str) and not value.strip()):
        return 0  # LinkedIn leaves a day without activity blank in older exports
    try:
        return check_count(where, value, maximum)
    except ValidationError as exc:
        raise ValidationError(where, exc.reason) from None


def _day_rows(rows: Iterable[tuple[Any, ...]], first: int) -> Iterator[tuple[int, Any, Any]]:
    """(row number, date cell, value cell) of every row that holds a date in column A; the
    header and blank rows are skipped."""
    for number, row in enumerate(rows, start=first):
        cells = (*row, None, None, None)
        head = cells[0]
        if head is None or (isinstance(head, str) and not head.strip()):
            continue
        if isinstance(head, str) and not _US_DATE.search(head):
            continue  # a header such as "Date"
        yield number, head, cells


def _engagement(name: str, sheet: Any, book: Workbook) -> None:
    maximum = METRICS_BY_KEY[ENGAGEMENT].max_per_day
    for number, head, cells in _day_rows(sheet.iter_rows(values_only=True), 1):
        where = f"{name}, ENGAGEMENT row {number}"
        book.engagement[_date(where, head)] = _count(where, cells[2], maximum)


def _followers(name: str, sheet: Any, book: Workbook) -> None:
    rows = list(sheet.iter_rows(values_only=True))
    if rows and rows[0] and isinstance(rows[0][0], str):
        found = _US_DATE.search(rows[0][0])
        if found and len(rows[0]) > 1:
            where = f"{name}, FOLLOWERS row 1"
            total = _count(where, rows[0][1], TOTALS_BY_KEY[TOTAL_FOLLOWERS].maximum)
            book.total = (_date(where, found.group(0)), total)
    maximum = METRICS_BY_KEY[NEW_FOLLOWERS].max_per_day
    for number, head, cells in _day_rows(rows[1:], 2):
        where = f"{name}, FOLLOWERS row {number}"
        book.new_followers[_date(where, head)] = _count(where, cells[1], maximum)


def read_workbook(path: Path) -> Workbook:
    """One workbook, read in openpyxl's read-only mode.

    Raises :class:`NotCreatorAnalytics` for a file that is not an ``.xlsx`` or has neither
    sheet, and :class:`ValidationError` (naming file, sheet and row) for a bad cell.
    """
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (
        zipfile.BadZipFile,
        InvalidFileException,
        KeyError,
        OSError,
        ValueError,
        NotImplementedError,  # a compression method zipfile cannot read
    ) as exc:
        raise NotCreatorAnalytics(
            f"{path.name} is not an Excel workbook ({type(exc).__name__})"
        ) from None
    try:
        sheets = {name.strip().upper(): workbook[name] for name in workbook.sheetnames}
        if "ENGAGEMENT" not in sheets and "FOLLOWERS" not in sheets:
            raise NotCreatorAnalytics(
                f"{path.name} has no ENGAGEMENT or FOLLOWERS sheet: it is not a Creator "
                "Analytics export"
            )
        book = Workbook(path.name)
        if "ENGAGEMENT" in sheets:
            _engagement(path.name, sheets["ENGAGEMENT"], book)
        if "FOLLOWERS" in sheets:
            _followers(path.name, sheets["FOLLOWERS"], book)
    except (zipfile.BadZipFile, KeyError, NotImplementedError) as exc:  # shows only when read
        raise NotCreatorAnalytics(f"{path.name} is damaged ({type(exc).__name__})") from None
    finally:
        workbook.close()
    if not book.engagement and not book.new_followers and book.total is None:
        raise NotCreatorAnalytics(f"{path.name} holds no days of engagement or followers")
    return book


def workbook_paths(path: Path) -> list[Path]:
    """``path`` itself, or the Creator Analytics workbooks in the folder ``path``."""
    if path.is_dir():
        found = sorted({p for pattern in PATTERNS for p in path.glob(pattern) if p.is_file()})
        if not found:
            raise NotCreatorAnalytics(
                f"{path} holds no Creator Analytics workbooks "
                "(AggregateAnalytics_….xlsx or Content_….xlsx)"
            )
        return found
    if not path.is_file():
        raise NotCreatorAnalytics(f"{path} does not exist")
    return [path]
