"""Commands that read: ``score`` (the estimate per day) and ``metrics`` (the catalogue)."""

from __future__ import annotations

import argparse
import csv
import json
import sys

from ..core.catalogue import METRICS
from ..core.parameters import MODELS
from ..core.validation import check_date
from .common import Context, add_data_option, bad_input, store_score, validated

SCORE_COLUMNS = ("date", "total", "brand", "find", "engage", "build")


def cmd_score(args: argparse.Namespace, ctx: Context) -> int:
    # Bounded like every recorded date (2003-05-05 … today): a range of millennia would
    # compute for minutes and take gigabytes.
    first = validated(check_date, "--from", args.first) if args.first else None
    last = validated(check_date, "--to", args.last) if args.last else None
    if first and last and first > last:
        raise bad_input("--from: is after --to")
    store = ctx.store(create=False)
    params = MODELS[args.model] if args.model else None
    table = store_score(store, start=first, end=last, params=params, anchor=not args.raw)
    rows = table.rows(first or table.start, last or table.end) if table.days else []
    if args.format == "json":
        json.dump([r.as_dict() for r in rows], sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(SCORE_COLUMNS)
        for r in rows:
            writer.writerow(
                [
                    r.day.isoformat(),
                    *(f"{v:.2f}" for v in (r.total, r.brand, r.find, r.engage, r.build)),
                ]
            )
    return 0


def cmd_metrics(args: argparse.Namespace, ctx: Context) -> int:
    if args.format == "json":
        json.dump(
            [
                {
                    "key": m.key,
                    "pillar": m.pillar,
                    "label": m.label,
                    "help": m.help,
                    "max_per_day": m.max_per_day,
                }
                for m in METRICS
            ],
            sys.stdout,
            indent=2,
        )
        sys.stdout.write("\n")
        return 0
    width = max(len(m.key) for m in METRICS)
    for m in METRICS:
        print(f"{m.key:<{width}}  {m.label} (max {m.max_per_day}/day) — {m.help}")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("score", help="the estimated SSI, one row per day")
    p.add_argument(
        "--from",
        dest="first",
        metavar="YYYY-MM-DD",
        help="first day (default: the first recorded day)",
    )
    p.add_argument("--to", dest="last", metavar="YYYY-MM-DD", help="last day (default: today)")
    p.add_argument("--format", choices=("csv", "json"), default="csv")
    p.add_argument(
        "--model",
        choices=sorted(MODELS),
        help="score with this shipped model instead of the store's own (to compare)",
    )
    p.add_argument(
        "--raw",
        action="store_true",
        help="the model alone, not anchored to your official readings (to compare)",
    )
    add_data_option(p)
    p.set_defaults(func=cmd_score)

    p = sub.add_parser("metrics", help="list the metric catalogue")
    p.add_argument("--format", choices=("text", "json"), default="text")
    add_data_option(p)
    p.set_defaults(func=cmd_metrics)
