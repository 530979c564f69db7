"""The store file's schema version and the checks made before anything else reads it.

Format: ``docs/data-format.md``. A file is refused, never "repaired" into an empty store,
when it is empty, not JSON, not ours, or written by a newer version of the app. Files of an
older schema are accepted here and brought up to date by :mod:`.migrations`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .errors import StoreError

SCHEMA_VERSION = 3
APP_ID = "ssi-desktop"
TABLES = (
    "meta",
    "activity",
    "profile",
    "readings",
    "notes",
    "goal",
    "params",
    "totals",
    "settings",
)


def meta_doc(data: dict[str, Any]) -> dict[str, Any]:
    """The one meta record (TinyDB keeps it under document id "1")."""
    return next(iter(data["meta"].values()))


class _Refused(ValueError):
    pass


def _unique(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # A hand-edited file with a key twice: json keeps the last one silently, so the next
    # save would drop the first record for good.
    made = dict(pairs)
    if len(made) != len(pairs):
        seen: set[str] = set()
        twice = next(key for key, _ in pairs if key in seen or seen.add(key))  # type: ignore[func-returns-value]
        raise _Refused(f"the key {twice!r} appears twice in one object")
    return made


def _finite(text: str) -> float:
    number = float(text)
    if number in (float("inf"), float("-inf")):
        raise _Refused(f"the number {text:.20} is too large")
    return number


def _no_constant(name: str) -> Any:
    raise _Refused(f"{name} is not a number JSON allows")


def loads(raw: bytes | str) -> Any:
    """Strict JSON: no duplicate keys, no NaN or Infinity, no numbers beyond a float."""
    return json.loads(
        raw, object_pairs_hook=_unique, parse_float=_finite, parse_constant=_no_constant
    )


def parse_store_bytes(path: Path, raw: bytes) -> dict[str, Any]:
    """The file's tables, or :class:`StoreError` saying exactly what is wrong with it."""
    if not raw.strip():
        raise StoreError(
            "empty",
            path,
            f"{path} is empty: it is not a usable SSI Desktop store (a crash or a copy may "
            "have emptied it).",
        )
    try:
        data = loads(raw)
    except _Refused as exc:
        raise StoreError("corrupt", path, f"{path} is damaged: {exc}.") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise StoreError(
            "corrupt", path, f"{path} is damaged or truncated: it is not valid JSON ({exc})."
        ) from None
    except ValueError as exc:  # an integer of thousands of digits (Python's int limit)
        raise StoreError("corrupt", path, f"{path} is damaged: {exc!s:.100}.") from None
    except RecursionError:
        raise StoreError(
            "corrupt", path, f"{path} is damaged: its JSON is nested too deeply."
        ) from None
    if not isinstance(data, dict) or not isinstance(data.get("meta"), dict):
        raise StoreError(
            "not_a_store", path, f"{path} is not an SSI Desktop store (no meta record)."
        )
    meta = next(iter(data["meta"].values()), None)
    if not isinstance(meta, dict) or meta.get("app") != APP_ID:
        raise StoreError(
            "not_a_store",
            path,
            f"{path} is not an SSI Desktop store (its meta record is not ours).",
        )
    version = meta.get("schema")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise StoreError("not_a_store", path, f"{path} has no valid schema version.")
    if version > SCHEMA_VERSION:
        raise StoreError(
            "newer_schema",
            path,
            f"{path} was written by a newer SSI Desktop (schema {version}; this version reads "
            f"up to {SCHEMA_VERSION}). Update the app; the file was not changed.",
        )
    for name, table in data.items():
        if not isinstance(table, dict) or not all(isinstance(d, dict) for d in table.values()):
            raise StoreError("corrupt", path, f"{path}: table {name!r} is damaged.")
    return data


def new_store_data(created: str, app_version: str) -> dict[str, Any]:
    """A new store holds every table, empty: undoing a store's first record of a kind then
    gives back the very bytes it had (no table left behind that was not there)."""
    meta = {
        "app": APP_ID,
        "schema": SCHEMA_VERSION,
        "created": created,
        "app_version": app_version,
        "migrated": [],
    }
    return {"meta": {"1": meta}, **{name: {} for name in TABLES if name != "meta"}}
