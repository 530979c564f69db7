"""Reading one export CSV: its dialect, preamble and drifting headers.

Columns are found by name, case-insensitively, never by position: LinkedIn renames, adds and
reorders them between export versions (``Comment`` became ``Message`` in Comments.csv).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

#: How many lines may come before the header (Connections.csv's "Notes:" paragraph).
MAX_PREAMBLE_ROWS = 20


class FileFormatError(Exception):
    """The file is not the CSV we expected: the message says what is missing."""


@dataclass(frozen=True)
class Columns:
    """Where each wanted column sits in this file (None when the file does not have it)."""

    index: dict[str, int | None]

    def __getitem__(self, name: str) -> int | None:
        return self.index[name]

    def required(self, name: str) -> int:
        """The index of a column :func:`find_header` was told is required (so it is there)."""
        found = self.index[name]
        if found is None:
            raise FileFormatError(f"no {name!r} column")
        return found


def _normalise(cell: str) -> str:
    return " ".join(cell.replace("\ufeff", "").strip().strip('"').lower().split())


def rows(text: Iterable[str], *, backslash_escapes: bool = False) -> Iterator[list[str]]:
    """CSV records of a text stream; Comments.csv escapes quotes as ``\\"``."""
    if backslash_escapes:
        return csv.reader(text, escapechar="\\")
    return csv.reader(text)


def find_header(
    records: Iterator[list[str]],
    wanted: Mapping[str, tuple[str, ...]],
    required: tuple[str, ...],
) -> Columns:
    """Skip any preamble, then map each wanted column to its index by one of its names.

    ``wanted`` maps our name for a column to the names LinkedIn has used for it.
    """
    required_names = {name for key in required for name in wanted[key]}
    for _ in range(MAX_PREAMBLE_ROWS):
        try:
            record = next(records)
        except StopIteration:
            break
        cells = [_normalise(c) for c in record]
        if not required_names & set(cells):
            continue
        index: dict[str, int | None] = {}
        for key, names in wanted.items():
            index[key] = next((cells.index(n) for n in names if n in cells), None)
        missing = [wanted[k][0] for k in required if index[k] is None]
        if missing:
            raise FileFormatError(f"no {', '.join(repr(m) for m in missing)} column")
        return Columns(index)
    shown = ", ".join(repr(wanted[k][0]) for k in required)
    raise FileFormatError(f"no header row with {shown} found")
