"""CSV import of everything a user recorded (spec §4, docs/csv-format.md); export is
:mod:`.csv_export`.

Five files, each recognised on import by its header: ``activity.csv`` (``date``, ``source``,
then one column per catalogue key; one row per day and source), ``readings.csv``,
``notes.csv``, ``profile.csv`` and ``totals.csv``; the store's single records (settings, goal,
calibrated model) are in :mod:`.csv_extras`. Import goes through the same ``create``
constructors as the forms; every error names the file, row and column, and nothing is written
unless every row of every file is valid. Export then import gives back the same store.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from . import csv_extras
from .catalogue import METRIC_KEYS, PILLARS, PROFILE_KEYS, TOTAL_KEYS
from .changes import KEEP_GOAL, ApplyImport, Batch, Change, SetParams, SetSettings
from .consistency import check_day_counts
from .records import ActivityEntry, Note, ProfileSnapshot, Reading, TotalsSnapshot
from .store_protocol import StoreLike
from .validation import ValidationError

ACTIVITY_FILE, READINGS_FILE, NOTES_FILE, PROFILE_FILE, TOTALS_FILE = (
    "activity.csv",
    "readings.csv",
    "notes.csv",
    "profile.csv",
    "totals.csv",
)
READING_EXTRAS = ("industry_rank", "network_rank", "industry_avg", "network_avg")
HEADERS: dict[str, tuple[str, ...]] = {
    ACTIVITY_FILE: ("date", "source", *METRIC_KEYS),
    READINGS_FILE: ("date", "total", *PILLARS, *READING_EXTRAS),
    NOTES_FILE: ("date", "text"),
    PROFILE_FILE: ("date", *PROFILE_KEYS),
    TOTALS_FILE: ("date", *TOTAL_KEYS),
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


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence[str]]) -> bytes:
    """A CSV file's bytes (UTF-8, CRLF as RFC 4180 says); cells are written as given."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


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
    totals: list[TotalsSnapshot] = field(default_factory=list)
    #: The single records of :mod:`.csv_extras` (settings, goal, model), when given.
    extras: dict[str, Any] = field(default_factory=dict)
    #: (file name, kind, rows read) for the report.
    files: list[tuple[str, str, int]] = field(default_factory=list)


def kind_of_header(header: Sequence[str]) -> str | None:
    """Which of the four files a header belongs to (by its columns, in any order)."""
    names = [h.strip().lower() for h in header]
    if "date" not in names or len(names) < 2:
        return None
    rest = set(names) - {"date"}
    if rest <= set(TOTAL_KEYS):
        return TOTALS_FILE
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
        counts = {k: v for k, v in cells.items() if k not in ("date", "source") and v.strip()}
        source = cells.get("source", "").strip()
        entry = ActivityEntry.create(day, counts, source or SOURCE)
        if "source" not in cells:
            check_day_counts(entry.counts)  # one row holds the whole day: its counts must agree
        return entry
    if kind == TOTALS_FILE:
        return TotalsSnapshot.create(day, {k: v for k, v in cells.items() if k != "date" and v})
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
    seen: dict[tuple[str, date, str], str],
) -> None:
    """Read one file into ``data``; ``seen`` holds where each (kind, day) was met, across all
    the files of a folder, so two files can never both hold one day."""
    rows = _Rows(name, errors)
    reader = csv.reader(text)
    header = [h.strip().lower() for h in next(reader, [])]
    extra = csv_extras.kind_of_header(header)
    if extra is not None:
        count, problems = csv_extras.read_extra(extra, name, header, reader, data.extras)
        errors += problems
        data.files.append((name, extra, count))
        return
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
            key = (kind, item.day, getattr(item, "source", ""))
            where = seen.get(key)
            if where is not None:
                rows.fail(number, "date", f"{item.day.isoformat()} is already in {where}")
                continue
            seen[key] = f"{name} row {number}"
        found: dict[str, list[Any]] = {
            ACTIVITY_FILE: data.activity,
            READINGS_FILE: data.readings,
            NOTES_FILE: data.notes,
            PROFILE_FILE: data.profiles,
            TOTALS_FILE: data.totals,
        }
        found[kind].append(item)
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
    seen: dict[tuple[str, date, str], str] = {}
    model = path / csv_extras.MODEL_FILE if path.is_dir() else path
    if model.name == csv_extras.MODEL_FILE and model.is_file():
        paths = [p for p in paths if p != model]
        read, problems = csv_extras.read_model(model)
        errors += problems
        if read:
            data.extras["model"] = read
            data.files.append((model.name, csv_extras.MODEL_FILE, 1))
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


def new_notes(held: Iterable[Note], read: Iterable[Note]) -> list[Note]:
    """The notes of ``read`` not already held, counted: a note written twice on one day
    is kept twice, and importing the same file again adds nothing."""
    already = Counter((n.day, n.text) for n in held)
    added = []
    for note in read:
        key = (note.day, note.text)
        if already[key]:
            already[key] -= 1
        else:
            added.append(note)
    return added


def csv_change(store: StoreLike, data: CsvData) -> Change:
    """The change storing what was read, in one write: activity replaces the day's entry of
    its source (``csv`` for a file without a ``source`` column: never the typed or LinkedIn
    ones); profile snapshots, readings and totals replace their day's; notes already in the
    store are not added again (:func:`new_notes`); a goal, settings or model read replace the
    store's. Its inverse (the app's undo) puts back everything it replaced."""
    notes = new_notes((n for _id, n in store.notes()), data.notes)
    changes: list[Change] = [
        ApplyImport(
            activity=tuple(data.activity),
            profiles=tuple(data.profiles),
            readings=tuple(data.readings),
            totals=tuple(data.totals),
            notes=tuple(notes),
            goal=data.extras.get("goal", KEEP_GOAL),
        )
    ]
    if "settings" in data.extras:
        changes.append(SetSettings(data.extras["settings"]))
    if "model" in data.extras:
        changes.append(SetParams(data.extras["model"]["params"], data.extras["model"]["info"]))
    return Batch(tuple(changes))


def apply_csv(store: StoreLike, data: CsvData) -> CsvSummary:
    """Store what was read (:func:`csv_change`) in one atomic write, after a backup."""
    notes = new_notes((n for _id, n in store.notes()), data.notes)
    change = csv_change(store, data)
    backup = store.backup("import-csv")
    change.apply(store)
    return CsvSummary(
        len(data.activity), len(data.profiles), len(data.readings), len(notes), backup
    )
