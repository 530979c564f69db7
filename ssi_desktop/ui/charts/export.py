"""The rows behind a chart, as CSV: plain data in, bytes out, no Qt.

Every cell passes through ``core.csv_io.neutralise`` (spec §7.8), so a spreadsheet never runs
an exported cell as a formula. Ours are dates and numbers today; it stays true when a text
column is added.
"""

from __future__ import annotations

from datetime import date

from ...core.catalogue import PILLARS
from ...core.csv_io import csv_bytes, neutralise
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


def history_csv(rows: list[tuple[str, ...]]) -> bytes:
    """The history export: :data:`HISTORY_HEADER`, then ``rows``, every cell neutralised."""
    return csv_bytes(
        [neutralise(cell) for cell in HISTORY_HEADER],
        ([neutralise(cell) for cell in row] for row in rows),
    )
