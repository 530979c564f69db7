"""``check``: is the store sound? Every record is validated again, as if typed anew."""

from __future__ import annotations

import argparse

from ..core.records import ActivityEntry, Note, ProfileSnapshot, Reading
from ..core.validation import ValidationError
from ..storage.backups import describe as describe_backups
from .common import EXIT_STORE, CliError, Context, add_data_option


def cmd_check(args: argparse.Namespace, ctx: Context) -> int:
    store = ctx.store()
    problems: list[str] = []
    checks = (
        ("activity", store.activity(), lambda e: ActivityEntry.create(e.day, e.counts, e.source)),
        ("profile", store.profiles(), lambda s: ProfileSnapshot.create(s.day, s.items)),
        (
            "readings",
            store.readings(),
            lambda r: Reading.create(
                r.day,
                brand=r.brand,
                find=r.find,
                engage=r.engage,
                build=r.build,
                total=r.total,
                industry_rank=r.industry_rank,
                network_rank=r.network_rank,
                industry_avg=r.industry_avg,
                network_avg=r.network_avg,
            ),
        ),
        ("notes", [n for _, n in store.notes()], lambda n: Note.create(n.day, n.text)),
    )
    counts = []
    for name, records, recheck in checks:
        counts.append(f"{len(records)} {name}")
        for record in records:
            try:
                recheck(record)
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
