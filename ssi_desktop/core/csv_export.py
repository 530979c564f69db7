"""CSV export of everything a store holds (spec §4, docs/csv-format.md).

The files :mod:`.csv_io` reads back: ``activity.csv`` (one row per day and source),
``readings.csv``, ``notes.csv``, ``profile.csv``, ``totals.csv``, and the single records of
:mod:`.csv_extras`. Export then import gives back a store with the same estimate, byte for byte.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

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
    csv_bytes,
    neutralise,
)
from .records import ActivityEntry, Note, ProfileSnapshot, Reading, TotalsSnapshot
from .store_protocol import StoreLike


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


def export_store(
    folder: Path, store: StoreLike, write: Callable[[Path, bytes], None]
) -> list[tuple[Path, int]]:
    """Everything ``store`` holds as files in ``folder`` (File ▸ Export CSV, ``export csv``):
    :func:`export_csv`'s five, then ``settings.csv``, ``goal.csv`` and, for a calibrated model,
    ``model.json``. ``write`` is the store's atomic writer (core cannot import it)."""
    written = export_csv(
        folder,
        activity=store.activity(),
        profiles=store.profiles(),
        readings=store.readings(),
        notes=[note for _id, note in store.notes()],
        totals=store.totals(),
        write=write,
    )
    for name, rows in csv_extras.extra_tables(store).items():
        write(folder / name, csv_bytes(csv_extras.HEADERS[name], rows))
        written.append((folder / name, len(rows)))
    model = csv_extras.model_document(store)
    model_path = folder / csv_extras.MODEL_FILE
    if model is not None:
        write(model_path, model)
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
    write: Callable[[Path, bytes], None],
) -> list[tuple[Path, int]]:
    """Write the five files into ``folder`` (created if needed) with ``write``, the store's
    atomic writer (a failed export never leaves half a file); returns (path, rows) each."""
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
        write(folder / name, csv_bytes(HEADERS[name], rows))
        written.append((folder / name, len(rows)))
    return written
