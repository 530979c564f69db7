"""Frozen core records to the documents the file holds, and back.

The way back trusts the document: everything in the file passed validation on its way in (or
on open, :mod:`.documents`), and ``check`` re-validates on demand.
"""

from __future__ import annotations

from datetime import date
from types import MappingProxyType
from typing import Any

from ..core.catalogue import PILLARS
from ..core.records import ActivityEntry, Goal, Note, ProfileSnapshot, Reading, TotalsSnapshot
from .documents import READING_EXTRAS

#: The fields that name a record of each keyed table: one document per key.
KEY_FIELDS = {
    "activity": ("date", "source"),
    "profile": ("date",),
    "readings": ("date",),
    "totals": ("date",),
}

_READING_FIELDS = ("total", *PILLARS, *READING_EXTRAS)


def activity_doc(entry: ActivityEntry) -> dict[str, Any] | None:
    """The day's document, None when every count is zero (the day holds nothing)."""
    counts = {k: v for k, v in sorted(entry.counts.items()) if v}
    if not counts:
        return None
    return {"date": entry.day.isoformat(), "source": entry.source, "counts": counts}


def profile_doc(snapshot: ProfileSnapshot) -> dict[str, Any]:
    return {"date": snapshot.day.isoformat(), "items": dict(snapshot.items)}


def reading_doc(reading: Reading) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "date": reading.day.isoformat(),
        "total": reading.total,
        **{p: reading.pillar(p) for p in PILLARS},
    }
    for extra in READING_EXTRAS:
        value = getattr(reading, extra)
        if value is not None:
            doc[extra] = value
    return doc


def totals_doc(snapshot: TotalsSnapshot) -> dict[str, Any]:
    return {"date": snapshot.day.isoformat(), "values": dict(snapshot.values)}


def note_doc(note: Note) -> dict[str, Any]:
    return {"date": note.day.isoformat(), "text": note.text}


def goal_doc(goal: Goal) -> dict[str, Any]:
    return {
        "total": goal.total,
        "pillars": dict(goal.pillars),
        "by": goal.by.isoformat() if goal.by else None,
    }


def activity_of(doc: dict[str, Any]) -> ActivityEntry:
    return ActivityEntry(
        date.fromisoformat(doc["date"]), MappingProxyType(dict(doc["counts"])), doc["source"]
    )


def profile_of(doc: dict[str, Any]) -> ProfileSnapshot:
    return ProfileSnapshot(date.fromisoformat(doc["date"]), MappingProxyType(dict(doc["items"])))


def reading_of(doc: dict[str, Any]) -> Reading:
    values: dict[str, Any] = {f: doc.get(f) for f in _READING_FIELDS}
    return Reading(date.fromisoformat(doc["date"]), **values)


def totals_of(doc: dict[str, Any]) -> TotalsSnapshot:
    return TotalsSnapshot(date.fromisoformat(doc["date"]), MappingProxyType(dict(doc["values"])))


def note_of(doc: dict[str, Any]) -> Note:
    return Note(date.fromisoformat(doc["date"]), doc["text"])


def goal_of(doc: dict[str, Any]) -> Goal:
    by = date.fromisoformat(doc["by"]) if doc.get("by") else None
    return Goal(float(doc["total"]), MappingProxyType(dict(doc.get("pillars") or {})), by)
