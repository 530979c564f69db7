"""``backups``: list the store's backups and restore one (spec §7.2).

Works on a store that cannot be opened (that is when it is needed most): listing reads only
the backups folder, and restoring takes the store's lock itself, keeps the current file
(a forced backup, or beside the store as ``<name>.damaged-<time>.json`` if it is damaged)
and replaces it atomically.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from ..storage.backups import (
    Backup,
    backup_dir,
    is_future,
    list_backups,
    problem,
    restore_unopened,
)
from ..storage.files import resolve_store
from .common import EXIT_STORE, CliError, Context, add_data_option, bad_input


def _size(n: int) -> str:
    return f"{n / 1024:.0f} KB" if n >= 1024 else f"{n} B"


def _listed(path: Path) -> list[tuple[Backup, str | None]]:
    return [(b, problem(b.path)) for b in list_backups(path)]


def _choose(which: str, listed: list[tuple[Backup, str | None]]) -> Backup:
    if which == "latest":
        for backup, issue in listed:
            if issue is None and not is_future(backup):
                return backup
        raise CliError("no backup can be opened, so there is nothing to restore", EXIT_STORE)
    if which.isdigit() and 1 <= int(which) <= len(listed):
        return listed[int(which) - 1][0]
    for backup, _ in listed:
        if which in (backup.name, str(backup.path)):
            return backup
    raise bad_input(
        f"BACKUP: {which!r} is not a backup of this store (give its number or name from "
        "`ssi-desktop backups`, or `latest`)"
    )


def _store_path(ctx: Context) -> Path:
    """The store's own file: a symlink's target, whose backups sit beside it."""
    return resolve_store(ctx.store_path.expanduser().absolute())


def cmd_list(args: argparse.Namespace, ctx: Context) -> int:
    path = _store_path(ctx)
    listed = _listed(path)
    if args.format == "json":
        rows = [
            {
                "number": i,
                "name": b.name,
                "path": str(b.path),
                "taken": b.taken.isoformat(),
                "reason": b.reason,
                "size": b.size,
                "readable": issue is None,
                "problem": issue,
            }
            for i, (b, issue) in enumerate(listed, 1)
        ]
        print(json.dumps(rows, indent=2))
        return 0
    print(f"Backups of {path} (in {backup_dir(path)}):")
    if not listed:
        print(
            "  none yet: one is made before the first save of each day, and before each "
            "import, calibration, migration and restore."
        )
        return 0
    for number, (backup, issue) in enumerate(listed, 1):
        state = "ok" if issue is None else "DAMAGED"
        print(
            f"  {number:>3}  {backup.taken:%Y-%m-%d %H:%M} UTC  {backup.reason:<11} "
            f"{_size(backup.size):>8}  {state:<7}  {backup.name}"
        )
    print("Restore one with `ssi-desktop backups restore NUMBER` (or `latest`).")
    return 0


def cmd_restore(args: argparse.Namespace, ctx: Context) -> int:
    path = _store_path(ctx)
    chosen = _choose(args.backup, _listed(path))
    done = restore_unopened(path, chosen.path)  # a StoreError is exit 3 (cli.main)
    print(f"Restored {path} from {chosen.name} ({chosen.taken:%Y-%m-%d %H:%M} UTC).")
    if done.safety is not None:
        print(f"What it held before was backed up as {done.safety}.")
    if done.aside is not None:
        print(f"The damaged file it replaced was kept as {done.aside}.")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "backups",
        help="list the store's backups, or restore one",
        description="List the store's backups (the default), or restore one.",
    )
    add_data_option(p)
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(func=cmd_list)
    actions = p.add_subparsers(dest="action", metavar="ACTION")
    q = actions.add_parser("list", help="list the backups, newest first")
    q.add_argument("--format", choices=("text", "json"), default="text")
    add_data_option(q)
    q.set_defaults(func=cmd_list)
    q = actions.add_parser(
        "restore", help="replace the store with a backup (the current state is kept first)"
    )
    q.add_argument(
        "backup",
        metavar="BACKUP",
        help="its number or name from the list, or `latest` (the newest good one)",
    )
    add_data_option(q)
    q.set_defaults(func=cmd_restore)
