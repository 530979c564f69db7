"""Every record of a store file checked when it is opened, by the rules of input (spec §7.6).

A hand-edited or damaged file can be valid JSON and still hold a count of ``"3"``, a date of
``2026-13-45`` or parameters that are not a model. Such a file is refused like a damaged one
(:class:`InvalidRecords`, naming each bad record's table, document id and field), so nothing
downstream ever meets a record the forms would have refused, and no save writes on top of it.

The records are built once here, through the same ``create`` constructors as every input, and
handed to the store, so checking costs little more than reading did before.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeVar

from ..core.catalogue import METRICS, PILLARS, SOURCES
from ..core.parameters import DEFAULT_PARAMS, ModelParams
from ..core.params_check import checked_params
from ..core.records import (
    ActivityEntry,
    Goal,
    Note,
    ProfileSnapshot,
    Reading,
    Settings,
    TotalsSnapshot,
)
from ..core.validation import EARLIEST_DATE, ValidationError, parse_date, today
from .errors import StoreError
from .migrations import migrate, schema_of
from .schema import SCHEMA_VERSION, parse_store_bytes

#: Records dated up to this far after today are accepted: a store written in a time zone
#: ahead of this one (or a day ago under a clock since set back) is not damaged.
FUTURE_SLACK = timedelta(days=2)
#: How many problems an error message lists before "… and N more" (``check`` lists all).
SHOWN = 5
READING_EXTRAS = ("industry_rank", "network_rank", "industry_avg", "network_avg")

R = TypeVar("R")
#: Today, looked up once per check rather than once per record.
_NOW = [date.min]
#: Dates already checked in this pass (most days hold several records).
_DAYS: dict[str, date] = {}
_DATE_SHAPE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class InvalidRecords(StoreError):
    """Records that would be refused as input; ``problems`` lists every one of them."""

    def __init__(self, path: Path, problems: list[str]) -> None:
        listed = problems[:SHOWN]
        if len(problems) > SHOWN:
            listed.append(f"… and {len(problems) - SHOWN} more (`ssi-desktop check` lists all)")
        super().__init__(
            "invalid_record",
            path,
            f"{path} holds records that are not valid, so it was not opened: "
            + "; ".join(listed)
            + ".",
        )
        self.problems = problems


@dataclass(frozen=True)
class Records:
    """Everything a store holds, as checked core records (each tuple sorted by day)."""

    activity: tuple[ActivityEntry, ...]
    profiles: tuple[ProfileSnapshot, ...]
    readings: tuple[Reading, ...]
    notes: tuple[tuple[int, Note], ...]
    totals: tuple[TotalsSnapshot, ...]
    goal: Goal | None
    params: ModelParams
    settings: Settings


class _Bad(Exception):
    def __init__(self, field: str, reason: str) -> None:
        super().__init__(f"{field}: {reason}")


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


_KINDS = {str: "the text", bool: "", float: "the number", int: "the number", list: "a list",
          dict: "a table", type(None): "null"}  # fmt: skip


def _shown(value: object) -> str:
    """``value`` as the user would see it in the file: ``the text '3'``, ``a list``."""
    kind = _KINDS.get(type(value), type(value).__name__)
    if isinstance(value, list | dict) or value is None:
        return kind
    return f"{kind} {json.dumps(value)[:40]}".strip()


def _field(doc: Mapping[str, Any], name: str, kind: type | tuple[type, ...], what: str) -> Any:
    if name not in doc:
        raise _Bad(name, "is missing")
    value = doc[name]
    kinds = kind if isinstance(kind, tuple) else (kind,)
    if not isinstance(value, kinds) or (isinstance(value, bool) and bool not in kinds):
        raise _Bad(name, f"must be {what}, not {_shown(value)}")
    return value


def _numbers(doc: Mapping[str, Any], name: str, integral: bool) -> dict[str, Any]:
    values = _field(doc, name, dict, "a table of numbers")
    allowed = (int,) if integral else (int, float)
    for key, value in values.items():
        if type(value) not in allowed:
            kind = "a whole number" if integral else "a number"
            raise _Bad(key, f"must be {kind}, not {_shown(value)}")
    return dict(values)


def _dated(doc: Mapping[str, Any], build: Callable[[date], R]) -> R:
    """``build`` on the document's date, letting that date be a little in the future."""
    day = parse_date("date", _field(doc, "date", str, "a date (YYYY-MM-DD)"))
    if day > _NOW[0] and day <= today() + FUTURE_SLACK:
        return replace(build(today()), day=day)  # type: ignore[type-var]
    return build(day)


_SOURCES = frozenset(SOURCES)
_MAXIMA = {m.key: m.max_per_day for m in METRICS}


def _sound_activity(doc: Mapping[str, Any]) -> ActivityEntry | None:
    """The entry if ``doc`` passes every check of :func:`_activity` (type checks, then
    ``ActivityEntry.create``), else None. A ten-year store holds thousands of these and opening
    it must stay quick, so the checks run inline here; anything that fails one goes through
    :func:`_created_activity`, whose ``create`` names the field
    (``tests/storage/test_open_fast_path.py`` holds the two to the same verdicts)."""
    text, source, counts = doc.get("date"), doc.get("source"), doc.get("counts")
    if type(text) is not str or type(source) is not str or type(counts) is not dict:
        return None
    if source not in _SOURCES:  # checked once it is a string: a list is unhashable
        return None
    day = _DAYS.get(text)
    if day is None:
        if len(text) != 10 or not _DATE_SHAPE.fullmatch(text):
            return None
        try:
            day = date.fromisoformat(text)
        except ValueError:
            return None
        if not EARLIEST_DATE <= day <= _NOW[0]:
            return None
        _DAYS[text] = day
    # One plain loop, each count checked once (a whole number, 0 to its metric's most; an
    # unknown key's most is -1): on ten years' 40,000 counts it takes 2.2 ms, where set, map
    # and min over the keys and values took 5.6 ms.
    most = _MAXIMA.get
    for key, value in counts.items():
        if type(value) is not int or not 0 <= value <= most(key, -1):
            return None
    return ActivityEntry(day, MappingProxyType(dict(counts)), source)


def _activity(doc: Mapping[str, Any]) -> ActivityEntry:
    return _sound_activity(doc) or _created_activity(doc)


def _created_activity(doc: Mapping[str, Any]) -> ActivityEntry:
    source = _field(doc, "source", str, "text")
    counts = _numbers(doc, "counts", integral=True)
    return _dated(doc, lambda day: ActivityEntry.create(day, counts, source))


def _profile(doc: Mapping[str, Any]) -> ProfileSnapshot:
    items = _field(doc, "items", dict, "a table of yes/no items")
    for key, value in items.items():
        if not isinstance(value, bool):
            raise _Bad(key, f"must be true or false, not {value!r:.40}")
    return _dated(doc, lambda day: ProfileSnapshot.create(day, items))


def _reading(doc: Mapping[str, Any]) -> Reading:
    values: dict[str, Any] = {}
    for name in ("total", *PILLARS, *READING_EXTRAS):
        optional = name in READING_EXTRAS
        if optional and doc.get(name) is None:
            continue
        values[name] = _field(doc, name, (int, float), "a number")
    return _dated(doc, lambda day: Reading.create(day, **values))


def _note(doc: Mapping[str, Any]) -> Note:
    text = _field(doc, "text", str, "text")
    return _dated(doc, lambda day: Note.create(day, text))


def _totals(doc: Mapping[str, Any]) -> TotalsSnapshot:
    values = _numbers(doc, "values", integral=True)
    return _dated(doc, lambda day: TotalsSnapshot.create(day, values))


def _goal(doc: Mapping[str, Any]) -> Goal:
    total = _field(doc, "total", (int, float), "a number")
    pillars = _numbers(doc, "pillars", integral=False) if "pillars" in doc else {}
    by = doc.get("by")
    if by is not None:
        by = parse_date("by", _field(doc, "by", str, "a date (YYYY-MM-DD)"))
    return Goal.create(total, pillars, by)


def _params(doc: Mapping[str, Any]) -> ModelParams:
    if not isinstance(doc.get("info", {}), dict):
        raise _Bad("info", "must be a table")
    return checked_params(_field(doc, "params", dict, "a model"))


def _settings(doc: Mapping[str, Any]) -> Settings:
    for key, value in doc.items():
        if not isinstance(value, bool):
            raise _Bad(key, f"must be true or false, not {value!r:.40}")
    return Settings.create(doc)


_BUILDERS: dict[str, Callable[[Mapping[str, Any]], Any]] = {
    "activity": _activity,
    "profile": _profile,
    "readings": _reading,
    "notes": _note,
    "totals": _totals,
    "goal": _goal,
    "params": _params,
    "settings": _settings,
}
#: One record per day (per day and source for activity): the store replaces, never adds.
_ONE_PER_DAY = ("activity", "profile", "readings", "totals")
_SINGLE = ("goal", "params", "settings")


def _where(table: str, doc_id: str, doc: Mapping[str, Any]) -> str:
    text = doc.get("date")
    return f"{table} record {doc_id!r}" + (f" ({text:.12})" if isinstance(text, str) else "")


def _checked(data: Mapping[str, Any]) -> tuple[dict[str, list[tuple[int, Any]]], list[str]]:
    built: dict[str, list[tuple[int, Any]]] = {}
    problems: list[str] = []
    _NOW[0] = today()
    _DAYS.clear()
    for table, build in _BUILDERS.items():
        docs = data.get(table, {})
        rows = built[table] = []
        if table in _SINGLE and len(docs) > 1:
            problems.append(f"{table}: {len(docs)} records where one is allowed")
        for doc_id, doc in docs.items():
            if not (doc_id.isdigit() and doc_id.isascii() and len(doc_id) <= 15):
                problems.append(
                    f"{_where(table, doc_id, doc)}: the record id is not a whole number"
                )
                continue
            try:
                rows.append((int(doc_id), build(doc)))
            except (ValidationError, _Bad) as exc:
                problems.append(f"{_where(table, doc_id, doc)}: {exc}")
        if table in _ONE_PER_DAY:
            seen: dict[object, int] = {}
            for doc_id, record in rows:
                key = (record.day, getattr(record, "source", None))
                if key in seen:
                    where = _where(table, str(doc_id), docs[str(doc_id)])
                    problems.append(f"{where}: a second record for that day (see {seen[key]})")
                seen.setdefault(key, doc_id)
    return built, problems


def problems_in(data: Mapping[str, Any]) -> list[str]:
    """Every invalid record of ``data`` (parsed and migrated tables), one line each."""
    return _checked(data)[1]


def check_records(path: Path, data: Mapping[str, Any]) -> Records:
    """``data``'s records, or :class:`InvalidRecords` naming every bad one."""
    built, problems = _checked(data)
    if problems:
        raise InvalidRecords(path, problems)

    def records(table: str) -> list[Any]:
        return [record for _, record in built[table]]

    notes = sorted(built["notes"], key=lambda n: (n[1].day, n[0]))
    return Records(
        activity=tuple(sorted(records("activity"), key=lambda e: (e.day, e.source))),
        profiles=tuple(sorted(records("profile"), key=lambda s: s.day)),
        readings=tuple(sorted(records("readings"), key=lambda r: r.day)),
        notes=tuple(notes),
        totals=tuple(sorted(records("totals"), key=lambda s: s.day)),
        goal=next(iter(records("goal")), None),
        params=next(iter(records("params")), DEFAULT_PARAMS),
        settings=next(iter(records("settings")), Settings()),
    )


def current(data: dict[str, Any]) -> dict[str, Any]:
    """``data`` as this version reads it: migrated in memory if it is of an older schema."""
    if schema_of(data) < SCHEMA_VERSION:
        return migrate(data, now="", app_version="")[0]
    return data


def load_store_bytes(path: Path, raw: bytes) -> tuple[dict[str, Any], Records]:
    """The file's tables and its checked records; :class:`StoreError` if either is unusable."""
    data = parse_store_bytes(path, raw)
    try:
        readable = current(data)
    except (AttributeError, TypeError, KeyError, ValueError):
        # An old schema's records too damaged to migrate (counts that are not a table …).
        raise StoreError(
            "corrupt", path, f"{path}: schema {schema_of(data)} records are damaged."
        ) from None
    return data, check_records(path, readable)


__all__ = ["InvalidRecords", "Records", "check_records", "load_store_bytes", "problems_in"]
