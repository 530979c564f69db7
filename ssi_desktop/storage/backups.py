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

A backup is named for its store's whole file name (``work.json.<time>.<reason>.json``), so
``work.json`` and ``work.db`` in one folder never share, restore or thin each other's
backups. Backups named by earlier versions (``work-<time>-<reason>.json``, by the stem) are
still listed when they can only belong to this store (see :func:`_legacy_is_ours`).
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from .atomic import preserve, write_atomic
from .documents import load_store_bytes
from .errors import StoreError
from .files import read_regular, resolve_store
from .schema import parse_store_bytes

FOLDER_NAME = "backups"
FOLDER_MODE = 0o700
DAILY = "daily"
PREVIOUS = "previous"

RECENT_DAYS = 7
WEEKLY_WEEKS = 5
MONTHLY_MONTHS = 12
FORCED_DAYS = 30

#: A backup stamped later than this after now was taken under a wrong clock: it is listed
#: and kept, but never "the latest" (it would win every restore for years).
CLOCK_SLACK = timedelta(minutes=5)

_STAMP = "%Y%m%dT%H%M%S%fZ"
_REASON = re.compile(r"[a-z][a-z-]*")
BACKUP_NAME = re.compile(r"(?P<store>.+)\.(?P<stamp>\d{8}T\d{12}Z)\.(?P<reason>[a-z][a-z-]*)\.json")
#: Before version 0.3 backups were named by the store's stem, which two stores can share.
LEGACY_NAME = re.compile(r"(?P<stem>.+)-(?P<stamp>\d{8}T\d{12}Z)-(?P<reason>[a-z][a-z-]*)\.json")
#: ``mkstemp``'s temporary names: ``.<target name>.<8 random characters>.tmp``.
_RANDOM = r"\.[a-z0-9_]{8}\.tmp"


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


def backup_name(store_path: Path, moment: datetime, reason: str) -> str:
    return f"{store_path.name}.{_stamp(moment)}.{reason}.json"


def _created(path: Path) -> object:
    """The ``created`` stamp in a store file's meta record (None if it has none)."""
    try:
        meta = parse_store_bytes(path, read_regular(path))["meta"]
        return next(iter(meta.values())).get("created")
    except (StoreError, OSError):
        return None


def _legacy_is_ours(store_path: Path) -> Callable[[Path], bool]:
    """Whether a backup named by the stem (``work-<time>-<reason>.json``) is this store's.

    When no other file beside the store shares its stem, every such backup is its own. When
    one does (``work.json`` and ``work.db``), a backup is its own if it was made from the
    same store (its meta record's ``created`` stamp is the store's), or, for a store too
    damaged to tell, if it was made from none of the others.
    """
    others: set[object] = set()
    with contextlib.suppress(OSError):
        for entry in os.scandir(store_path.parent):
            if entry.name != store_path.name and Path(entry.name).stem == store_path.stem:
                others.add(_created(Path(entry.path)) if entry.is_file() else None)
    if not others:
        return lambda path: True
    mine = _created(store_path)
    if mine is not None:
        return lambda path: _created(path) == mine
    return lambda path: _created(path) not in others


def list_backups(store_path: Path) -> list[Backup]:
    """Every backup of this store, newest first; the previous version counts as one."""
    found: list[Backup] = []
    folder = backup_dir(store_path)
    legacy_is_ours: Callable[[Path], bool] | None = None
    with contextlib.suppress(FileNotFoundError, NotADirectoryError):
        for entry in os.scandir(folder):
            match = BACKUP_NAME.fullmatch(entry.name)
            if match is None or match["store"] != store_path.name:
                match = LEGACY_NAME.fullmatch(entry.name)
                if match is None or match["stem"] != store_path.stem:
                    continue
                if legacy_is_ours is None:
                    legacy_is_ours = _legacy_is_ours(store_path)
                if not legacy_is_ours(Path(entry.path)):
                    continue
            if not entry.is_file(follow_symlinks=False):
                continue
            taken = datetime.strptime(match["stamp"], _STAMP).replace(tzinfo=UTC)
            found.append(Backup(Path(entry.path), taken, match["reason"], entry.stat().st_size))
    previous = previous_path(store_path)
    with contextlib.suppress(OSError):
        info = previous.lstat()
        if stat.S_ISREG(info.st_mode):
            taken = datetime.fromtimestamp(info.st_mtime, UTC)
            found.append(Backup(previous, taken, PREVIOUS, info.st_size))
    return sorted(found, key=lambda b: b.taken, reverse=True)


def leftover_temps(store_path: Path) -> list[Path]:
    """Temporary files of this store's writes cut short by a crash (the store's, its previous
    version's, its damaged copies' and its backups'), never another store's."""
    mine = re.escape(store_path.name)
    beside = re.compile(rf"\.{mine}(?:\.prev|\.damaged-\d{{8}}T\d{{12}}Z\.json)?{_RANDOM}")
    in_backups = re.compile(rf"\.{mine}\.\d{{8}}T\d{{12}}Z\.[a-z][a-z-]*\.json{_RANDOM}")
    found: list[Path] = []
    for folder, pattern in ((store_path.parent, beside), (backup_dir(store_path), in_backups)):
        with contextlib.suppress(OSError):
            found += [Path(e.path) for e in os.scandir(folder) if pattern.fullmatch(e.name)]
    return found


def problem(path: Path) -> str | None:
    """Why this backup cannot be restored, or None if it is a store this version can open."""
    try:
        load_store_bytes(path, read_regular(path))
    except StoreError as exc:
        return str(exc)
    except OSError as exc:
        return f"{path} cannot be read: {exc.strerror or exc}"
    return None


def is_future(backup: Backup, now: datetime | None = None) -> bool:
    return backup.taken > (now or now_utc()) + CLOCK_SLACK


def latest_good(store_path: Path) -> Backup | None:
    """The newest backup that opens, skipping any stamped in the future (a wrong clock)."""
    for backup in list_backups(store_path):
        if not is_future(backup) and problem(backup.path) is None:
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
    target = folder / backup_name(store_path, now or now_utc(), reason)
    write_atomic(target, read_regular(store_path))
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
        # One named by the stem may be another store's after all (two stores created in the
        # same second): it is listed and restorable, but only the user deletes it.
        legacy = LEGACY_NAME.fullmatch(backup.name) is not None
        if backup.reason != PREVIOUS and backup.path not in kept and not legacy:
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
    return store_path.with_name(f"{store_path.name}.damaged-{_stamp(now)}.json")


def restore_file(store_path: Path, source: Path, now: datetime | None = None) -> Restored:
    """Replace the store file with backup ``source``; the caller holds the store's lock.

    The backup is checked first and refused (:class:`StoreError`) if it cannot be opened.
    The current file is kept before it is replaced: by a forced ``restore`` backup if it is
    a good store, or, if it is damaged, under ``<name>.damaged-<time>.json`` beside it, so
    nothing is ever lost to a restore.
    """
    moment = now or now_utc()
    raw = read_regular(source)
    load_store_bytes(source, raw)
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

    store_path = resolve_store(store_path.expanduser().absolute())
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
