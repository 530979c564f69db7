"""``explain``: why the estimate moved between two days (spec §3.16, §4)."""

from __future__ import annotations

import argparse
import json
import sys

from ..core.catalogue import PILLAR_LABELS
from ..core.coverage import coverage, input_label
from ..core.explain import Explanation, explain
from ..core.validation import check_date
from .common import Context, add_data_option, bad_input, store_score, validated

#: Movers named in words, per pillar and overall.
MOVERS = 3


def cmd_explain(args: argparse.Namespace, ctx: Context) -> int:
    first = validated(check_date, "--from", args.first)
    last = validated(check_date, "--to", args.last)
    if first > last:
        raise bad_input("--from: is after --to")
    store = ctx.store(create=False)
    result = explain(store_score(store, start=first), first, last)
    if args.format == "json":
        json.dump(result.as_dict(), sys.stdout, indent=2)
        sys.stdout.write("\n")
        return 0
    print(explanation_text(result))
    missing = [
        f"  {PILLAR_LABELS[c.pillar]}: {', '.join(input_label(k) for k in c.missing)}"
        for c in coverage(
            store.activity(), store.profiles(), store.totals(), store.params()
        ).values()
        if c.missing
    ]
    if missing:
        print()
        print("Inputs you never recorded (the estimate cannot see them):")
        print("\n".join(missing))
    return 0


def explanation_text(result: Explanation) -> str:
    lines = [
        f"Estimated SSI {result.before:.2f} on {result.first.isoformat()} → "
        f"{result.after:.2f} on {result.last.isoformat()} ({result.change:+.2f})"
    ]
    width = max(len(t.label) for p in result.pillars for t in p.terms)
    for pillar in result.pillars:
        lines.append("")
        lines.append(
            f"{PILLAR_LABELS[pillar.pillar]}: {pillar.before:.2f} → {pillar.after:.2f} "
            f"({pillar.change:+.2f})"
        )
        for term in pillar.terms:
            lines.append(
                f"  {term.label:<{width}}  {term.before:6.2f} → {term.after:6.2f}  "
                f"{term.change:+6.2f}"
            )
    movers = result.movers(MOVERS)
    lines.append("")
    if not movers:
        lines.append("Nothing moved.")
    for moved_pillar, term in movers:
        verb = "added" if term.change > 0 else "took"
        preposition = "to" if term.change > 0 else "from"
        where = PILLAR_LABELS[moved_pillar]
        lines.append(f"{term.label} {verb} {abs(term.change):.2f} {preposition} {where}.")
    return "\n".join(lines)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "explain",
        help="why the estimate moved between two days",
        description="Each pillar's change between two days, split into the changes of the "
        "model's terms (they add up to the pillar's change), the largest movers in words, "
        "and the inputs you never recorded.",
    )
    p.add_argument("--from", dest="first", metavar="YYYY-MM-DD", required=True)
    p.add_argument("--to", dest="last", metavar="YYYY-MM-DD", required=True)
    p.add_argument("--format", choices=("text", "json"), default="text")
    add_data_option(p)
    p.set_defaults(func=cmd_explain)
