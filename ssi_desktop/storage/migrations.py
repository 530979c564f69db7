"""Bringing a store written by an older version up to today's schema.

Each step turns schema ``n`` into ``n + 1`` and is registered in :data:`MIGRATIONS` under
``n``; :func:`migrate` runs them in order. The store takes a backup before migrating and
writes the result atomically (``Store.open``), so a failed or interrupted migration leaves the
old file as it was. Every step is recorded in ``meta.migrated`` so a support question can be
answered from the file itself.
"""

from __future__ import annotations

import copy
import unicodedata
from collections.abc import Callable
from typing import Any

from ..core.catalogue import PILLARS
from ..core.records import Note
from ..core.validation import ValidationError
from .schema import SCHEMA_VERSION, meta_doc

Data = dict[str, Any]
Migration = Callable[[Data], Data]


def _v1_to_v2(data: Data) -> Data:
    """Schema 2: a migration history in meta, and canonical activity documents.

    Schema 1 files could hold zero counts and keys in any order (written by early importers);
    schema 2 stores only non-zero counts, sorted by key, and no activity document without
    counts, so two files with the same activity are byte-for-byte comparable.
    """
    meta_doc(data).setdefault("migrated", [])
    activity = data.get("activity", {})
    for doc_id in list(activity):
        doc = activity[doc_id]
        counts = {k: v for k, v in sorted(doc.get("counts", {}).items()) if v}
        if counts:
            doc["counts"] = counts
        else:
            del activity[doc_id]
    return data


def _set_aside(data: Data, table: str, doc_id: str, why: str) -> None:
    """Move a document the rules of schema 3 refuse into ``meta.set_aside``, never delete it."""
    doc = data[table].pop(doc_id)
    meta_doc(data).setdefault("set_aside", []).append(
        {"table": table, "id": doc_id, "why": why, "document": doc}
    )


def _repair_legacy_records(data: Data) -> None:
    """Records schema 2 builds accepted and schema 3's input rules (checked on open) refuse.

    Notes could carry control characters (NUL, terminal escapes) or only invisible ones, and
    a reading could be four zeros (a failed copy). The control characters are dropped; what
    is still refused is set aside in meta with the reason, so opening an old store after an
    update never fails and nothing the member typed is lost.
    """
    notes = data.get("notes")
    for doc_id, doc in list(notes.items()) if isinstance(notes, dict) else ():
        text = doc.get("text") if isinstance(doc, dict) else None
        if not isinstance(text, str):
            continue  # not a note of ours: the open-time check names it
        cleaned = "".join(c for c in text if unicodedata.category(c) != "Cc")
        try:
            doc["text"] = Note.create(doc.get("date"), cleaned).text
        except ValidationError as exc:
            if exc.field == "text":
                _set_aside(data, "notes", doc_id, f"note {exc.reason}")
    readings = data.get("readings")
    for doc_id, doc in list(readings.items()) if isinstance(readings, dict) else ():
        if isinstance(doc, dict) and all(doc.get(p) in (0, 0.0) for p in PILLARS):
            _set_aside(data, "readings", doc_id, "a reading of four zeros is a failed copy")


def _v2_to_v3(data: Data) -> Data:
    """Schema 3: totals snapshots and the member's settings (model v2, spec §2 and §4).

    Both are new tables that start empty. A schema 2 build would silently drop them, so the
    version says they are there. Records that stricter input rules now refuse are repaired
    or set aside (:func:`_repair_legacy_records`).
    """
    data.setdefault("totals", {})
    data.setdefault("settings", {})
    _repair_legacy_records(data)
    return data


#: ``{from_version: step}``; a step for every version from 1 to ``SCHEMA_VERSION - 1``.
MIGRATIONS: dict[int, Migration] = {1: _v1_to_v2, 2: _v2_to_v3}


def schema_of(data: Data) -> int:
    return int(meta_doc(data)["schema"])


def migrate(data: Data, *, now: str, app_version: str) -> tuple[Data, list[int]]:
    """``data`` brought to :data:`SCHEMA_VERSION` (a new object) and the versions it passed.

    ``data`` itself is not changed, so the caller still holds the original if a step fails.
    """
    version = schema_of(data)
    if version >= SCHEMA_VERSION:
        return data, []
    result = copy.deepcopy(data)
    passed: list[int] = []
    while version < SCHEMA_VERSION:
        result = MIGRATIONS[version](result)
        meta = meta_doc(result)
        meta["schema"] = version + 1
        meta.setdefault("migrated", []).append(
            {"from": version, "to": version + 1, "at": now, "app_version": app_version}
        )
        passed.append(version)
        version += 1
    return result, passed
