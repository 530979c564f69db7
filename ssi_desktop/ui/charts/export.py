"""The rows behind a chart, as CSV: plain data in, bytes out, no Qt.

Every cell passes through :func:`neutralise_cell` (spec §7.8), so a spreadsheet never runs an
exported cell as a formula. Ours are dates and numbers today; the rule lives here so it stays
true when a text column is added.
"""

from __future__ import annotations

import csv
import io
from datetime import date

from ...core.catalogue import PILLARS
from ...core.records import Reading
from ...core.scoring import ScoreTable
from .data import day_span

HISTORY_HEADER = (
    "date",
    "total",
    *PILLARS,
    "official_total",
    *(f"official_{name}" for name in PILLARS),
)
_FORMULA_STARTS = ("=", "+", "-", "@")


def neutralise_cell(text: str) -> str:
    """Prefix a cell a spreadsheet would read as a formula with an apostrophe."""
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def history_rows(
    table: ScoreTable, readings: tuple[Reading, ...], first: date, last: date
) -> list[tuple[str, ...]]:
    """One row per day from ``first`` to ``last``: the estimate and any official reading.

    The estimate is blank on days the table does not cover (before anything was recorded);
    the official columns are blank on days without a reading.
    """
    by_day = {r.day: r for r in readings}
    rows: list[tuple[str, ...]] = []
    for day in day_span(first, last):
        if 0 <= table.index(day) < table.days:
            row = table.row(day)
            estimate = [f"{row.total:.2f}", *(f"{row.pillar(p):.2f}" for p in PILLARS)]
        else:
            estimate = [""] * (1 + len(PILLARS))
        reading = by_day.get(day)
        if reading is None:
            official = [""] * (1 + len(PILLARS))
        else:
            official = [f"{reading.total:g}", *(f"{reading.pillar(p):g}" for p in PILLARS)]
        rows.append((day.isoformat(), *estimate, *official))
    return rows


def csv_bytes(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([neutralise_cell(cell) for cell in header])
    writer.writerows([neutralise_cell(cell) for cell in row] for row in rows)
    return buffer.getvalue().encode("utf-8")
