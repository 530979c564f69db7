"""Backups of the store file (spec §7.2), kept in a ``backups`` folder beside the store.

Three kinds of copy protect what the user recorded:

* the **previous version**, ``<store>.prev``: the file as it was before the latest write,
  kept by every write (a hard link, see :mod:`.atomic`);
* **daily** backups: a copy of the file before the first write of each UTC day;
* **forced** backups before an import, a migration, a calibration or a restore.

:func:`keep` decides which backups to keep (all of the last week, one per week for five weeks,
one per month for a year, forced ones for a month, and always the newest good one). It is a
pure function of the list, a clock and a readability check, so it is tested with a fixed
clock; a damaged backup is never chosen to stand for its week or month.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from .atomic import preserve, write_atomic
from .errors import StoreError
from .schema import parse_store_bytes

FOLDER_NAME = "backups"
FOLDER_MODE = 0o700
DAILY = "daily"
PREVIOUS = "previous"

RECENT_DAYS = 7
WEEKLY_WEEKS = 5
MONTHLY_MONTHS = 12
FORCED_DAYS = 30

_STAMP = "%Y%m%dT%H%M%S%fZ"
_REASON = re.compile(r"[a-z][a-z-]*")
BACKUP_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}T\d{12}Z)-(?P<reason>[a-z][a-z-]*)\.json$")


@dataclass(frozen=True)
class Backup:
    path: Path
    taken: datetime
    reason: str
    size: int

    @property
    def name(self) -> str:
        return self.path.name


def backup_dir(store_path: Path) -> Path:
    return store_path.parent / FOLDER_NAME


def previous_path(store_path: Path) -> Path:
    return store_path.with_name(store_path.name + ".prev")


def now_utc() -> datetime:
    return datetime.now(UTC)


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime(_STAMP)


def list_backups(store_path: Path) -> list[Backup]:
    """Every backup of this store, newest first; the previous version counts as one."""
    found: list[Backup] = []
    folder = backup_dir(store_path)
    with contextlib.suppress(FileNotFoundError, NotADirectoryError):
        for entry in os.scandir(folder):
            match = BACKUP_NAME.match(entry.name)
            if not match or match["stem"] != store_path.stem or not entry.is_file():
                continue
            taken = datetime.strptime(match["stamp"], _STAMP).replace(tzinfo=UTC)
            found.append(Backup(Path(entry.path), taken, match["reason"], entry.stat().st_size))
    previous = previous_path(store_path)
    with contextlib.suppress(FileNotFoundError):
        info = previous.stat()
        taken = datetime.fromtimestamp(info.st_mtime, UTC)
        found.append(Backup(previous, taken, PREVIOUS, info.st_size))
    return sorted(found, key=lambda b: b.taken, reverse=True)


def problem(path: Path) -> str | None:
    """Why this backup cannot be restored, or None if it is a store this version can open."""
    try:
        parse_store_bytes(path, path.read_bytes())
    except StoreError as exc:
        return str(exc)
    except OSError as exc:
        return f"{path} cannot be read: {exc.strerror or exc}"
    return None


def latest_good(store_path: Path) -> Backup | None:
    for backup in list_backups(store_path):
        if problem(backup.path) is None:
            return backup
    return None


def is_forced(backup: Backup) -> bool:
    """Taken before a big change (``import``, ``import-csv``, ``migration``, ``calibration``,
    ``restore``, ``manual``), not by the daily routine."""
    return backup.reason not in (DAILY, PREVIOUS)


def make_backup(store_path: Path, reason: str, now: datetime | None = None) -> Path:
    """Copy the store file as it is now into the backups folder (owner-only, fsynced).

    ``reason`` is lower-case words joined by ``-`` (it is part of the file name).
    """
    if not _REASON.fullmatch(reason):
        raise ValueError(f"backup reason {reason!r} must be lower-case words joined by '-'")
    folder = backup_dir(store_path)
    if not folder.is_dir():
        folder.mkdir(parents=True, exist_ok=True, mode=FOLDER_MODE)
    target = folder / f"{store_path.stem}-{_stamp(now or now_utc())}-{reason}.json"
    write_atomic(target, store_path.read_bytes())
    return target


def keep(backups: Iterable[Backup], now: datetime, readable: Callable[[Backup], bool]) -> set[Path]:
    """The backups to keep at ``now``; the others may be deleted.

    Kept: everything from the last week; forced backups from the last month; the newest
    readable backup of each of the last five weeks and of each of the last twelve months;
    and the newest readable backup of all, however old, so a store left alone for years
    still has one. Only readable backups stand for a week or a month, so a damaged one can
    never push a good one out. The previous version is managed by the writes, not here.
    """
    dated = sorted(
        (b for b in backups if b.reason != PREVIOUS), key=lambda b: b.taken, reverse=True
    )
    kept: set[Path] = set()
    weeks_seen: set[tuple[int, int]] = set()
    months_seen: set[tuple[int, int]] = set()
    newest_good_found = False
    for backup in dated:
        age = now - backup.taken
        if age < timedelta(days=RECENT_DAYS) or (
            is_forced(backup) and age < timedelta(days=FORCED_DAYS)
        ):
            kept.add(backup.path)
        in_weeks = age < timedelta(days=RECENT_DAYS + 7 * WEEKLY_WEEKS)
        in_months = age < timedelta(days=366)
        week = tuple(backup.taken.isocalendar())[:2]
        month = (backup.taken.year, backup.taken.month)
        wanted = (
            not newest_good_found
            or (in_weeks and week not in weeks_seen)
            or (in_months and month not in months_seen)
        )
        if not wanted or not readable(backup):
            continue
        kept.add(backup.path)
        newest_good_found = True
        if in_weeks:
            weeks_seen.add(week)  # type: ignore[arg-type]
        if in_months:
            months_seen.add(month)
    return kept


def prune(store_path: Path, now: datetime | None = None) -> list[Path]:
    """Delete the backups :func:`keep` does not keep; returns what was deleted."""
    backups = list_backups(store_path)
    verdicts: dict[Path, bool] = {}

    def readable(backup: Backup) -> bool:
        if backup.path not in verdicts:
            verdicts[backup.path] = problem(backup.path) is None
        return verdicts[backup.path]

    kept = keep(backups, now or now_utc(), readable)
    removed = []
    for backup in backups:
        if backup.reason != PREVIOUS and backup.path not in kept:
            with contextlib.suppress(OSError):
                backup.path.unlink()
                removed.append(backup.path)
    return removed


def describe(store_path: Path) -> str:
    """One line for an error message: which backups exist and the newest good one."""
    backups = list_backups(store_path)
    if not backups:
        return f"No backups were found (looked in {backup_dir(store_path)})."
    good = latest_good(store_path)
    newest = (
        f"the newest good one is {good.path} ({good.taken:%Y-%m-%d %H:%M} UTC, {good.reason})"
        if good
        else "none of them can be opened"
    )
    return f"{len(backups)} backup(s) exist in {backup_dir(store_path)}; {newest}."


@dataclass(frozen=True)
class Restored:
    """What a restore did: the store's old content is in ``safety`` or ``aside``."""

    source: Path
    safety: Path | None
    aside: Path | None


def damaged_path(store_path: Path, now: datetime) -> Path:
    return store_path.with_name(f"{store_path.stem}.damaged-{_stamp(now)}{store_path.suffix}")


def restore_file(store_path: Path, source: Path, now: datetime | None = None) -> Restored:
    """Replace the store file with backup ``source``; the caller holds the store's lock.

    The backup is checked first and refused (:class:`StoreError`) if it cannot be opened.
    The current file is kept before it is replaced: by a forced ``restore`` backup if it is
    a good store, or, if it is damaged, under ``<name>.damaged-<time>.json`` beside it, so
    nothing is ever lost to a restore.
    """
    moment = now or now_utc()
    raw = source.read_bytes()
    parse_store_bytes(source, raw)
    safety = aside = None
    if store_path.exists():
        if problem(store_path) is None:
            safety = make_backup(store_path, "restore", moment)
        else:
            aside = damaged_path(store_path, moment)
            preserve(store_path, aside)
    # A damaged file is kept aside, not as the previous version: that keeps the last good one.
    keep_previous = None if aside is not None else previous_path(store_path)
    write_atomic(store_path, raw, keep_previous=keep_previous)
    return Restored(source, safety, aside)


def restore_unopened(store_path: Path, source: Path) -> Restored:
    """:func:`restore_file` for a store nobody here has open (the CLI, the recovery dialog):
    takes the store's lock for the restore and turns a failed write into :class:`StoreError`."""
    from .lock import StoreLock  # Qt's lock file: only a restore needs it here

    store_path = store_path.expanduser().absolute()
    lock = StoreLock(store_path)
    try:
        lock.acquire()
        return restore_file(store_path, source)
    except OSError as exc:
        raise StoreError(
            "write_failed",
            store_path,
            f"Could not restore {store_path}: {exc.strerror or exc}. Nothing was changed.",
        ) from exc
    finally:
        lock.release()
