"""``check``: is the store sound? Every record is validated again, as if typed anew."""

from __future__ import annotations

import argparse

from ..core.records import revalidated
from ..core.validation import ValidationError
from ..storage.backups import describe as describe_backups
from .common import EXIT_STORE, CliError, Context, add_data_option


def cmd_check(args: argparse.Namespace, ctx: Context) -> int:
    store = ctx.store()
    problems: list[str] = []
    checks = (
        ("activity", store.activity()),
        ("profile", store.profiles()),
        ("readings", store.readings()),
        ("notes", [note for _, note in store.notes()]),
    )
    counts = []
    for name, records in checks:
        counts.append(f"{len(records)} {name}")
        for record in records:
            try:
                revalidated(record)
            except (ValidationError, TypeError, KeyError) as exc:
                problems.append(f"{name} {record.day.isoformat()}: {exc}")
    try:
        store.params()
    except (ValueError, TypeError, KeyError) as exc:
        problems.append(f"model parameters: {exc}")
    print(f"{store.path}: schema {store.meta()['schema']}; " + ", ".join(counts))
    print(describe_backups(store.path))
    if problems:
        raise CliError("problems found:\n  " + "\n  ".join(problems), EXIT_STORE)
    print("ok")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("check", help="check the store's integrity")
    add_data_option(p)
    p.set_defaults(func=cmd_check)
