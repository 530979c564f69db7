"""The store's single records beside the CSV files: settings, goal and the calibrated model.

``settings.csv`` (``setting,value``, one row per setting, ``yes``/``no``), ``goal.csv``
(``total,brand,find,engage,build,by``, at most one row) and ``model.json`` (the calibrated
parameters and what the calibration reported, only when the store has them). With the files
of :mod:`.csv_io` they make an export that imports back into the same estimate, byte for byte
(``docs/csv-format.md``).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .catalogue import PILLARS
from .params_check import checked_params
from .records import Goal, Settings
from .store_protocol import StoreLike
from .validation import ValidationError

SETTINGS_FILE, GOAL_FILE, MODEL_FILE = "settings.csv", "goal.csv", "model.json"
HEADERS: dict[str, tuple[str, ...]] = {
    SETTINGS_FILE: ("setting", "value"),
    GOAL_FILE: ("total", *PILLARS, "by"),
}
#: The largest model.json read: a model is a few kilobytes.
MAX_MODEL_BYTES = 1024 * 1024


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:.15g}"


def extra_tables(store: StoreLike) -> dict[str, list[list[str]]]:
    """The rows of ``settings.csv`` and ``goal.csv`` for ``store``."""
    goal: Goal | None = store.goal()
    goal_rows = []
    if goal is not None:
        goal_rows.append(
            [
                _number(goal.total),
                *(_number(goal.pillars.get(p)) for p in PILLARS),
                goal.by.isoformat() if goal.by else "",
            ]
        )
    settings = (store.saved_settings() or Settings()).as_dict()
    return {
        SETTINGS_FILE: [[key, "yes" if on else "no"] for key, on in settings.items()],
        GOAL_FILE: goal_rows,
    }


def model_document(store: StoreLike) -> bytes | None:
    """``model.json`` for a store with calibrated parameters; None for model v1."""
    saved = store.saved_params()
    if saved is None:
        return None
    params, info = saved
    document = {"params": params.to_dict(), "info": dict(info)}
    return (json.dumps(document, indent=2, sort_keys=True) + "\n").encode("utf-8")


def kind_of_header(header: list[str]) -> str | None:
    names = set(header)
    if names == set(HEADERS[SETTINGS_FILE]):
        return SETTINGS_FILE
    if "total" in names and names <= set(HEADERS[GOAL_FILE]):
        return GOAL_FILE
    return None


def read_extra(
    kind: str, name: str, header: list[str], records: Iterator[list[str]], extras: dict[str, Any]
) -> tuple[int, list[str]]:
    """Read ``settings.csv`` or ``goal.csv`` into ``extras``; (rows read, errors)."""
    errors: list[str] = []
    count = 0
    values: dict[str, str] = {}
    for number, record in enumerate(records, start=2):
        if not any(cell.strip() for cell in record):
            continue
        count += 1
        cells = dict(zip(header, (c.strip() for c in record), strict=False))
        try:
            if kind == SETTINGS_FILE:
                key = cells.get("setting", "")
                if key in values:
                    raise ValidationError(key, "appears twice")
                values[key] = cells.get("value", "")
                continue
            if "goal" in extras:
                raise ValidationError("total", "a goal file holds one row")
            pillars = {p: cells[p] for p in PILLARS if cells.get(p)}
            extras["goal"] = Goal.create(cells.get("total", ""), pillars, cells.get("by") or None)
        except ValidationError as exc:
            errors.append(f"{name} row {number}, column {exc.field}: {exc.reason}")
    if kind == SETTINGS_FILE and not errors:
        try:
            extras["settings"] = Settings.create(values)
        except ValidationError as exc:
            errors.append(f"{name}, setting {exc.field}: {exc.reason}")
    return count, errors


def read_model(path: Path) -> tuple[dict[str, Any], list[str]]:
    """``model.json`` as ``{"params": ModelParams, "info": dict}``, or the errors."""
    try:
        if path.stat().st_size > MAX_MODEL_BYTES:
            return {}, [f"{path.name}: larger than any model ({MAX_MODEL_BYTES} bytes)"]
        document = json.loads(path.read_bytes())
    except (OSError, ValueError, RecursionError) as exc:
        return {}, [f"{path.name}: cannot be read ({exc!s:.120})"]
    if not isinstance(document, dict) or not isinstance(document.get("info", {}), dict):
        return {}, [f"{path.name}: not a model file (params and info)"]
    try:
        params = checked_params(document.get("params"))
    except ValidationError as exc:
        return {}, [f"{path.name}, {exc.field}: {exc.reason}"]
    return {"params": params, "info": document.get("info", {})}, []


__all__ = [
    "GOAL_FILE",
    "HEADERS",
    "MODEL_FILE",
    "SETTINGS_FILE",
    "extra_tables",
    "kind_of_header",
    "model_document",
    "read_extra",
    "read_model",
]
