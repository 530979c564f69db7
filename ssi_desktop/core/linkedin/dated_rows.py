"""A file's rows → days: each row's date checked once per distinct day part, rows counted per
day or handed on with their day; the rows skipped counted in the file's report by reason."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import date
from itertools import chain, islice
from operator import itemgetter

from ..validation import EARLIEST_DATE, today
from .archive import TextStream
from .control import TICK_ROWS, Control
from .dates import ISO, SAMPLE_SIZE, DateFormat, detect_format
from .report import FileReport


class DayJudge:
    """Per-file date checking: the format found in the file's first rows, and a verdict
    (a day, or the reason to skip) cached per distinct day part, so a row costs a slice and
    a dictionary lookup (spec §8: the import stays within a small factor of a csv read)."""

    def __init__(
        self, head: list[list[str]], column: int, report: FileReport, control: Control
    ) -> None:
        self.fmt = detect_format(r[column] for r in head if len(r) > column)
        report.date_format = self.fmt.name if self.fmt else None
        self.key = self.fmt.key if self.fmt else str.strip
        #: This file's verdicts (its span of days comes from them) over the import's,
        #: shared by every file of the same format: ten files of ten years share 3,650 days.
        self.verdicts: dict[str, date | str] = {}
        self._shared = control.verdicts.setdefault(report.date_format or "", {})
        self.latest = today()
        self.iso = self.fmt is not None and self.fmt.name == ISO.name
        self._report = report

    def miss(self, value: str) -> date | str:
        """The verdict for a value whose day part has not been seen yet."""
        clean = self.key(value.strip())
        verdict = self._shared.get(clean)
        if verdict is None:
            verdict = self._shared[clean] = _judge(self.fmt, clean, self.latest)
        if clean == self.key(value):  # a padded value is judged alone, never cached
            self.verdicts[clean] = verdict
        return verdict

    def finish(self) -> None:
        days = [v for v in self.verdicts.values() if isinstance(v, date)]
        if days:
            self._report.saw(min(days))
            self._report.saw(max(days))


def dated(
    records: Iterator[list[str]],
    column: int,
    report: FileReport,
    control: Control,
    stream: TextStream,
) -> Iterator[tuple[date, list[str]]]:
    """Rows with a readable, plausible date; the others are counted in ``report`` by reason.

    The first rows are buffered (a bounded sample) to detect the file's date format.
    """
    head = list(islice(records, SAMPLE_SIZE))
    judge = DayJudge(head, column, report, control)
    key, lookup, miss = judge.key, judge.verdicts.get, judge.miss
    skipped = report.skipped
    read = 0
    countdown = TICK_ROWS
    try:
        for record in chain(head, records):
            try:
                value = record[column]
            except IndexError:
                if record and any(cell.strip() for cell in record):
                    read += 1
                    skipped["no date"] += 1
                continue
            read += 1
            countdown -= 1
            if not countdown:
                countdown = TICK_ROWS
                control.tick(stream)
            verdict = lookup(key(value)) or miss(value)
            if verdict.__class__ is str:
                skipped[verdict] += 1
            else:
                yield verdict, record  # type: ignore[misc]
    finally:
        report.rows_read += read
        judge.finish()


_BEFORE = f"date before {EARLIEST_DATE.isoformat()}"


def _judge(fmt: DateFormat | None, part: str, latest: date) -> date | str:
    """A day, or the reason a row with this date part is skipped."""
    if not part:
        return "no date"
    day = fmt.parse(part) if fmt else None
    if day is None:
        return "unreadable date"
    if day < EARLIEST_DATE:
        return _BEFORE
    if day > latest:
        return "date in the future"
    return day


def count_days(
    records: Iterator[list[str]],
    column: int,
    report: FileReport,
    control: Control,
    stream: TextStream,
) -> Counter[date]:
    """Rows per day of a file whose rows each count once: the same result as counting what
    :func:`dated` yields, but the per-row work runs in C.

    Rows are taken in bounded chunks; within a chunk the date cells are cut to their day
    part by ``map`` and tallied by ``Counter``, then each distinct part is judged once.
    A chunk with a short or blank row falls back to row by row.
    """
    head = list(islice(records, SAMPLE_SIZE))
    judge = DayJudge(head, column, report, control)
    key = judge.key
    pick = itemgetter(column)
    strip = str.strip
    parts: Counter[str] = Counter()
    source = chain(head, records)
    while chunk := list(islice(source, TICK_ROWS)):
        try:
            parts.update(map(key, map(strip, map(pick, chunk))))
            report.rows_read += len(chunk)
        except IndexError:
            for record in chunk:
                if len(record) > column:
                    parts[key(record[column].strip())] += 1
                    report.rows_read += 1
                elif any(cell.strip() for cell in record):
                    report.rows_read += 1
                    report.skip("no date")
        control.tick(stream)
    per_day: Counter[date] = Counter()
    for part, n in parts.items():
        verdict = judge.verdicts.get(part) or judge.miss(part)
        if isinstance(verdict, str):
            report.skipped[verdict] += n
        else:
            per_day[verdict] += n
    judge.finish()
    report.rows_used += sum(per_day.values())
    return per_day
