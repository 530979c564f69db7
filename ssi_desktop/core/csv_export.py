"""CSV export of everything a store holds (spec §4, docs/csv-format.md).

The files :mod:`.csv_io` reads back: ``activity.csv`` (one row per day and source),
``readings.csv``, ``notes.csv``, ``profile.csv``, ``totals.csv``, and the single records of
:mod:`.csv_extras`. Export then import gives back a store with the same estimate, byte for byte.
"""

from __future__ import annotations

import csv
import io
import os
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from . import csv_extras
from .catalogue import METRIC_KEYS, PILLARS, PROFILE_KEYS, TOTAL_KEYS
from .csv_io import (
    ACTIVITY_FILE,
    HEADERS,
    NOTES_FILE,
    PROFILE_FILE,
    READING_EXTRAS,
    READINGS_FILE,
    TOTALS_FILE,
    neutralise,
)
from .records import ActivityEntry, Note, ProfileSnapshot, Reading, TotalsSnapshot


def _number(value: float | None) -> str:
    # 15 significant digits: a float's own precision, so a round trip loses nothing.
    return "" if value is None else f"{value:.15g}"


def activity_rows(entries: Iterable[ActivityEntry]) -> list[list[str]]:
    """One row per day and source, as the store holds them: a day typed and imported can
    add up past a metric's daily maximum, which one summed row could not bring back."""
    return [
        [e.day.isoformat(), e.source, *(str(e.counts.get(k, 0)) for k in METRIC_KEYS)]
        for e in sorted(entries, key=lambda e: (e.day, e.source))
    ]


def totals_rows(snapshots: Iterable[TotalsSnapshot]) -> list[list[str]]:
    """An empty cell is a total not given that day (not a zero)."""
    return [
        [s.day.isoformat(), *(str(s.values[k]) if k in s.values else "" for k in TOTAL_KEYS)]
        for s in snapshots
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


def _write_csv(path: Path, header: Sequence[str], rows: list[list[str]]) -> None:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    _write_bytes(path, out.getvalue().encode("utf-8"))


def _write_bytes(path: Path, data: bytes) -> None:
    """Write through a temporary file so a failed export never leaves half a file."""
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def export_store(folder: Path, store: Any) -> list[tuple[Path, int]]:
    """Everything ``store`` holds as files in ``folder``: :func:`export_csv`'s five, then
    ``settings.csv``, ``goal.csv`` and, for a calibrated model, ``model.json``."""
    written = export_csv(
        folder,
        activity=store.activity(),
        profiles=store.profiles(),
        readings=store.readings(),
        notes=[note for _id, note in store.notes()],
        totals=store.totals(),
    )
    for name, rows in csv_extras.extra_tables(store).items():
        _write_csv(folder / name, csv_extras.HEADERS[name], rows)
        written.append((folder / name, len(rows)))
    model = csv_extras.model_document(store)
    model_path = folder / csv_extras.MODEL_FILE
    if model is not None:
        _write_bytes(model_path, model)
        written.append((model_path, 1))
    elif model_path.is_file():
        model_path.unlink()  # an older export's model would calibrate the store it goes into
    return written


def export_csv(
    folder: Path,
    *,
    activity: Iterable[ActivityEntry],
    profiles: Iterable[ProfileSnapshot],
    readings: Iterable[Reading],
    notes: Iterable[Note],
    totals: Iterable[TotalsSnapshot] = (),
) -> list[tuple[Path, int]]:
    """Write the five files into ``folder`` (created if needed); returns (path, rows) each."""
    folder.mkdir(parents=True, exist_ok=True)
    tables = {
        ACTIVITY_FILE: activity_rows(activity),
        READINGS_FILE: reading_rows(readings),
        NOTES_FILE: note_rows(notes),
        PROFILE_FILE: profile_rows(profiles),
        TOTALS_FILE: totals_rows(totals),
    }
    written = []
    for name, rows in tables.items():
        _write_csv(folder / name, HEADERS[name], rows)
        written.append((folder / name, len(rows)))
    return written
