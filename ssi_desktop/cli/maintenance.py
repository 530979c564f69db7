"""``check``: is the store sound? Every record is validated as it is opened, as if typed anew."""

from __future__ import annotations

import argparse

from ..storage import StoreError
from ..storage.backups import describe as describe_backups
from ..storage.documents import InvalidRecords
from .common import EXIT_STORE, CliError, Context, add_data_option, store_help


def cmd_check(args: argparse.Namespace, ctx: Context) -> int:
    try:
        store = ctx.open_store(create=False)
    except InvalidRecords as exc:
        print(describe_backups(exc.path))
        raise CliError(
            f"{exc.path}: {len(exc.problems)} invalid record(s):\n  "
            + "\n  ".join(exc.problems)
            + f"\n{store_help(exc)}",
            EXIT_STORE,
        ) from None
    except StoreError as exc:
        raise CliError(f"{exc}\n{store_help(exc)}", EXIT_STORE) from None
    counts = (
        f"{len(store.activity())} activity",
        f"{len(store.profiles())} profile",
        f"{len(store.readings())} readings",
        f"{len(store.notes())} notes",
        f"{len(store.totals())} totals",
    )
    print(f"{store.path}: schema {store.meta()['schema']}; " + ", ".join(counts))
    print(describe_backups(store.path))
    print("ok")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("check", help="check the store's integrity")
    add_data_option(p)
    p.set_defaults(func=cmd_check)
