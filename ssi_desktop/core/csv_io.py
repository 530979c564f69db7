"""CSV export and import of everything a user recorded (spec §4, docs/csv-format.md).

Four files, each recognised on import by its header: ``activity.csv`` (a ``date`` column,
then one column per catalogue key, one row per day with all sources summed),
``readings.csv``, ``notes.csv`` and ``profile.csv``. Import goes through the same ``create``
constructors as the forms; every error names the file, row and column, and nothing is written
unless every row of every file is valid.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from .catalogue import METRIC_KEYS, PILLARS, PROFILE_KEYS
from .changes import ApplyImport
from .consistency import check_day_counts
from .records import ActivityEntry, Note, ProfileSnapshot, Reading
from .store_protocol import StoreLike
from .validation import ValidationError

ACTIVITY_FILE, READINGS_FILE, NOTES_FILE, PROFILE_FILE = (
    "activity.csv",
    "readings.csv",
    "notes.csv",
    "profile.csv",
)
READING_EXTRAS = ("industry_rank", "network_rank", "industry_avg", "network_avg")
HEADERS: dict[str, tuple[str, ...]] = {
    ACTIVITY_FILE: ("date", *METRIC_KEYS),
    READINGS_FILE: ("date", "total", *PILLARS, *READING_EXTRAS),
    NOTES_FILE: ("date", "text"),
    PROFILE_FILE: ("date", *PROFILE_KEYS),
}
#: Imported activity is kept apart from typed and LinkedIn counts under this source.
SOURCE = "csv"

#: A spreadsheet runs a cell starting with these as a formula (CSV injection, spec §7.8;
#: OWASP adds tab and carriage return). Every CSV the app writes goes through :func:`neutralise`.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
#: Errors listed before the rest are summarised: enough to fix a file, not a flood.
MAX_ERRORS = 30


def _runs_as_formula(cell: str) -> bool:
    # A cell already starting with the quote mark is prefixed again when what follows it
    # would need one, so restore(neutralise(x)) == x for every text.
    return cell.startswith(_FORMULA_START) or (cell.startswith("'") and _runs_as_formula(cell[1:]))


def neutralise(cell: str) -> str:
    """Prefix a cell a spreadsheet would run as a formula with ``'`` (shown as text)."""
    return "'" + cell if _runs_as_formula(cell) else cell


def restore(cell: str) -> str:
    """Undo :func:`neutralise`."""
    if cell.startswith("'") and _runs_as_formula(cell[1:]):
        return cell[1:]
    return cell


def _number(value: float | None) -> str:
    # 15 significant digits: a float's own precision, so a round trip loses nothing.
    return "" if value is None else f"{value:.15g}"


# -- export --------------------------------------------------------------------------------


def activity_rows(entries: Iterable[ActivityEntry]) -> list[list[str]]:
    """One row per day, every source summed: the day as the estimate sees it."""
    per_day: dict[date, dict[str, int]] = {}
    for entry in entries:
        day = per_day.setdefault(entry.day, {})
        for key, n in entry.counts.items():
            day[key] = day.get(key, 0) + n
    return [
        [day.isoformat(), *(str(counts.get(k, 0)) for k in METRIC_KEYS)]
        for day, counts in sorted(per_day.items())
    ]


def reading_rows(readings: Iterable[Reading]) -> list[list[str]]:
    return [
        [
            r.day.isoformat(),
            _number(r.total),
            *(_number(r.pillar(p)) for p in PILLARS),
            *(_number(getattr(r, name)) for name in READING_EXTRAS),
        ]
        for r in readings
    ]


def note_rows(notes: Iterable[Note]) -> list[list[str]]:
    return [[n.day.isoformat(), neutralise(n.text)] for n in notes]


def profile_rows(profiles: Iterable[ProfileSnapshot]) -> list[list[str]]:
    return [
        [s.day.isoformat(), *("yes" if s.items.get(k) else "no" for k in PROFILE_KEYS)]
        for s in profiles
    ]


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence[str]]) -> bytes:
    """A CSV file's bytes (UTF-8, CRLF as RFC 4180 says); cells are written as given."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def export_csv(
    folder: Path,
    *,
    activity: Iterable[ActivityEntry],
    profiles: Iterable[ProfileSnapshot],
    readings: Iterable[Reading],
    notes: Iterable[Note],
    write: Callable[[Path, bytes], None],
) -> list[tuple[Path, int]]:
    """Write the four files into ``folder`` (created if needed); returns (path, rows) each.

    ``write`` is the store's atomic writer (``storage.atomic.write_atomic``, which core cannot
    import): a failed export never leaves half a file.
    """
    folder.mkdir(parents=True, exist_ok=True)
    tables = {
        ACTIVITY_FILE: activity_rows(activity),
        READINGS_FILE: reading_rows(readings),
        NOTES_FILE: note_rows(notes),
        PROFILE_FILE: profile_rows(profiles),
    }
    written = []
    for name, rows in tables.items():
        write(folder / name, csv_bytes(HEADERS[name], rows))
        written.append((folder / name, len(rows)))
    return written


def export_store(
    folder: Path, store: StoreLike, write: Callable[[Path, bytes], None]
) -> list[tuple[Path, int]]:
    """Everything ``store`` holds as the four files (File ▸ Export CSV, ``export csv``)."""
    return export_csv(
        folder,
        activity=store.activity(),
        profiles=store.profiles(),
        readings=store.readings(),
        notes=[note for _id, note in store.notes()],
        write=write,
    )


# -- import --------------------------------------------------------------------------------


class CsvImportError(Exception):
    """One or more rows are invalid; ``errors`` lists each with file, row and column."""

    def __init__(self, errors: list[str]) -> None:
        shown = errors[:MAX_ERRORS]
        if len(errors) > MAX_ERRORS:
            shown.append(f"… and {len(errors) - MAX_ERRORS} more errors")
        super().__init__("\n".join(shown))
        self.errors = errors


@dataclass
class CsvData:
    """Validated records read from CSV files, ready to store in one write."""

    activity: list[ActivityEntry] = field(default_factory=list)
    profiles: list[ProfileSnapshot] = field(default_factory=list)
    readings: list[Reading] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    #: (file name, kind, rows read) for the report.
    files: list[tuple[str, str, int]] = field(default_factory=list)


def kind_of_header(header: Sequence[str]) -> str | None:
    """Which of the four files a header belongs to (by its columns, in any order)."""
    names = [h.strip().lower() for h in header]
    if "date" not in names or len(names) < 2:
        return None
    rest = set(names) - {"date"}
    if any("." in name for name in rest):
        return ACTIVITY_FILE
    if rest == {"text"}:
        return NOTES_FILE
    if rest & {"total", *PILLARS}:
        return READINGS_FILE
    if rest & set(PROFILE_KEYS):
        return PROFILE_FILE
    return None


class _Rows:
    """Collects errors for one file, each as "file row N, column C: reason"."""

    def __init__(self, name: str, errors: list[str]) -> None:
        self.name = name
        self.errors = errors

    def fail(self, row: int, column: str | None, reason: str) -> None:
        where = f"{self.name} row {row}" + (f", column {column}" if column else "")
        self.errors.append(f"{where}: {reason}")


def _build(kind: str, header: list[str], cells: dict[str, str]) -> Any:
    day = cells.get("date", "")
    if kind == ACTIVITY_FILE:
        counts = {k: v for k, v in cells.items() if k != "date" and v.strip()}
        entry = ActivityEntry.create(day, counts, SOURCE)
        check_day_counts(entry.counts)  # one row holds the whole day: its counts must agree
        return entry
    if kind == READINGS_FILE:
        values = {k: cells.get(k) for k in header if k != "date"}
        missing = [p for p in PILLARS if p not in values]
        if missing:
            raise ValidationError(missing[0], "column is missing")
        return Reading.create(day, **values)
    if kind == NOTES_FILE:
        return Note.create(day, restore(cells.get("text", "")))
    return ProfileSnapshot.create(day, {k: v for k, v in cells.items() if k != "date"})


def _read_file(
    name: str,
    text: io.TextIOBase,
    data: CsvData,
    errors: list[str],
    seen: dict[tuple[str, date], str],
) -> None:
    """Read one file into ``data``; ``seen`` holds where each (kind, day) was met, across all
    the files of a folder, so two files can never both hold one day."""
    rows = _Rows(name, errors)
    reader = csv.reader(text)
    header = [h.strip().lower() for h in next(reader, [])]
    kind = kind_of_header(header)
    if kind is None:
        rows.fail(
            1,
            None,
            "header not recognised: expected the header of "
            f"{', '.join(HEADERS)} (see docs/csv-format.md)",
        )
        return
    known = set(HEADERS[kind])
    for column in header:
        if column not in known:
            reason = (
                "is not a known metric (see `ssi-desktop metrics`)"
                if kind == ACTIVITY_FILE
                else f"is not a column of {kind}"
            )
            rows.fail(1, column, reason)
    if len(set(header)) != len(header):
        rows.fail(1, None, "a column appears twice")
    if any(e.startswith(f"{name} row 1") for e in errors):
        return
    count = 0
    for number, record in enumerate(reader, start=2):
        if not any(cell.strip() for cell in record):
            continue
        count += 1
        if len(record) > len(header):
            rows.fail(number, None, f"{len(record)} cells but {len(header)} columns")
            continue
        cells = dict(zip(header, record, strict=False))
        try:
            item = _build(kind, header, cells)
        except ValidationError as exc:
            rows.fail(number, exc.field, exc.reason)
            continue
        if kind != NOTES_FILE:
            where = seen.get((kind, item.day))
            if where is not None:
                rows.fail(number, "date", f"{item.day.isoformat()} is already in {where}")
                continue
            seen[(kind, item.day)] = f"{name} row {number}"
        lists: dict[str, list[Any]] = {
            ACTIVITY_FILE: data.activity,
            READINGS_FILE: data.readings,
            NOTES_FILE: data.notes,
            PROFILE_FILE: data.profiles,
        }
        lists[kind].append(item)
    data.files.append((name, kind, count))


def read_csv(path: Path) -> CsvData:
    """Read one CSV file, or every ``*.csv`` in a folder, fully validated.

    Raises :class:`CsvImportError` listing every problem; nothing is returned half-read.
    """
    paths = sorted(path.glob("*.csv")) if path.is_dir() else [path]
    if not paths:
        raise CsvImportError([f"{path}: no .csv files in this folder"])
    data = CsvData()
    errors: list[str] = []
    seen: dict[tuple[str, date], str] = {}
    for file in paths:
        try:
            with open(file, encoding="utf-8-sig", newline="") as text:
                _read_file(file.name, text, data, errors, seen)
        except (OSError, UnicodeDecodeError, csv.Error) as exc:
            errors.append(f"{file.name}: cannot be read ({exc})")
    if errors:
        raise CsvImportError(errors)
    return data


@dataclass(frozen=True)
class CsvSummary:
    activity_days: int
    profiles: int
    readings: int
    notes_added: int
    backup: Path | None


def csv_change(store: StoreLike, data: CsvData) -> ApplyImport:
    """The change storing what was read: activity replaces the day's ``csv`` entry (never the
    typed or LinkedIn ones); profile snapshots and readings replace their day's; a note already
    in the store (same day and text) is not added twice, so importing a file again changes
    nothing."""
    existing = {(n.day, n.text) for _id, n in store.notes()}
    notes = []
    for note in data.notes:
        if (note.day, note.text) not in existing:
            existing.add((note.day, note.text))
            notes.append(note)
    return ApplyImport(
        activity=tuple(data.activity),
        profiles=tuple(data.profiles),
        readings=tuple(data.readings),
        notes=tuple(notes),
    )


def apply_csv(store: StoreLike, data: CsvData) -> CsvSummary:
    """Store what was read (:func:`csv_change`) in one atomic write, after a backup."""
    change = csv_change(store, data)
    backup = store.backup("import-csv")
    change.apply(store)
    return CsvSummary(
        len(data.activity), len(data.profiles), len(data.readings), len(change.notes), backup
    )
