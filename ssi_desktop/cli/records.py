"""Commands that record something: ``add``, ``profile``, ``reading``, ``note``, ``goal``.

Each builds the same ``core.changes`` value the app's forms push, and applies it (no undo here).
"""

from __future__ import annotations

import argparse

from ..core.catalogue import PILLARS
from ..core.changes import (
    AddNote,
    AddToDay,
    Batch,
    Change,
    PutProfile,
    PutReading,
    SetDay,
    SetGoal,
)
from ..core.records import ActivityEntry, Goal, Note, ProfileSnapshot, Reading
from ..core.validation import ValidationError
from .common import Context, add_data_option, bad_input, validated
from .pasted import describe, pasted_reading


def _pairs(field_kind: str, items: list[str]) -> dict[str, str]:
    pairs: dict[str, str] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise bad_input(ValidationError(item, f"must be written {field_kind}"))
        if key in pairs:
            raise bad_input(ValidationError(key, "is given twice"))
        pairs[key] = value
    return pairs


def cmd_add(args: argparse.Namespace, ctx: Context) -> int:
    entry = validated(ActivityEntry.create, args.date, _pairs("KEY=N", args.values))
    # Like the app's day form, `add` sets the keys it names; --increment adds to them.
    change: Change = AddToDay(entry) if args.increment else SetDay(entry.day, entry.counts)
    if args.note is not None:
        # The counts and their note land in one write, or neither does.
        change = Batch((change, AddNote(validated(Note.create, args.date, args.note))))
    store = ctx.store()
    change.apply(store)  # bad counts for the day (more requests with a note than sent): exit 2
    day = store.activity_on(entry.day)
    summary = ", ".join(f"{k}={v}" for k, v in day.counts.items()) if day else "nothing recorded"
    print(f"{entry.day.isoformat()}: {summary}")
    return 0


def cmd_profile(args: argparse.Namespace, ctx: Context) -> int:
    snapshot = validated(ProfileSnapshot.create, args.date, _pairs("ITEM=yes|no", args.items))
    PutProfile(snapshot).apply(ctx.store())
    done = sum(snapshot.items.values())
    print(f"{snapshot.day.isoformat()}: profile checklist {done}/{len(snapshot.items)}")
    return 0


def cmd_reading(args: argparse.Namespace, ctx: Context) -> int:
    if args.paste is not None:
        reading = pasted_reading(args)
    else:
        missing = [f"--{p}" for p in ("date", *PILLARS) if getattr(args, p) is None]
        if missing:
            raise bad_input(ValidationError(", ".join(missing), "required (or give --paste)"))
        reading = typed_reading(args)
    PutReading(reading).apply(ctx.store())
    print(describe(reading))
    return 0


def typed_reading(args: argparse.Namespace) -> Reading:
    return validated(
        Reading.create,
        args.date,
        brand=args.brand,
        find=args.find,
        engage=args.engage,
        build=args.build,
        total=args.total,
        industry_rank=args.industry_rank,
        network_rank=args.network_rank,
        industry_avg=args.industry_avg,
        network_avg=args.network_avg,
    )


def cmd_note(args: argparse.Namespace, ctx: Context) -> int:
    note = validated(Note.create, args.date, " ".join(args.text))
    AddNote(note).apply(ctx.store())
    print(f"{note.day.isoformat()}: {note.text}")
    return 0


def cmd_goal(args: argparse.Namespace, ctx: Context) -> int:
    store = ctx.store()
    if args.clear:
        SetGoal(None).apply(store)
        print("goal cleared")
        return 0
    if args.total is None:
        raise bad_input(ValidationError("--total", "is required (or use --clear)"))
    goal = validated(Goal.create, args.total, {p: getattr(args, p) for p in PILLARS}, by=args.by)
    SetGoal(goal).apply(store)
    parts = ", ".join(f"{p} {v:g}" for p, v in goal.pillars.items())
    by = f" by {goal.by.isoformat()}" if goal.by else ""
    print(f"goal: total {goal.total:g}{by}" + (f" ({parts})" if parts else ""))
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "add",
        help="record a day's activity (sets the counts given, as the app's day form does)",
        description="Record activity: KEY=N for catalogue keys (see `ssi-desktop metrics`). "
        "Each KEY given is set to N for that day, as saving the app's day form does; keys not "
        "given keep what the day holds (KEY=0 clears one). Saving a running count of 3 at noon "
        "and 5 in the evening leaves 5. With --increment, N is added to the day instead "
        "(3 then 5 leaves 8).",
    )
    p.add_argument("--date", required=True, metavar="YYYY-MM-DD")
    p.add_argument("values", nargs="+", metavar="KEY=N")
    p.add_argument(
        "--increment", action="store_true", help="add N to what the day holds instead of setting it"
    )
    p.add_argument("--note", metavar="TEXT", help="also add a note on that day")
    add_data_option(p)
    p.set_defaults(func=cmd_add)

    p = sub.add_parser("profile", help="record a profile checklist snapshot")
    p.add_argument("--date", required=True, metavar="YYYY-MM-DD")
    p.add_argument(
        "items",
        nargs="+",
        metavar="ITEM=yes|no",
        help="checklist items; items not given count as no",
    )
    add_data_option(p)
    p.set_defaults(func=cmd_profile)

    p = sub.add_parser(
        "reading",
        help="record an official reading from LinkedIn's SSI page",
        description="Type the figures (--date and the four pillars), or --paste the page "
        "as copied (select all, copy) in any language.",
    )
    p.add_argument("--date", metavar="YYYY-MM-DD", help="the day (with --paste: today)")
    p.add_argument(
        "--paste",
        metavar="FILE|-",
        help="the SSI page's text as copied, from a file or - for standard input",
    )
    for pillar in PILLARS:
        p.add_argument(f"--{pillar}", metavar="X", help="0 to 25")
    p.add_argument("--total", metavar="X", help="the total shown (checked against the sum)")
    p.add_argument("--industry-rank", metavar="P", help="Top P %% in your industry")
    p.add_argument("--network-rank", metavar="P", help="Top P %% in your network")
    p.add_argument("--industry-avg", metavar="X", help="the industry's average SSI")
    p.add_argument("--network-avg", metavar="X", help="your network's average SSI")
    add_data_option(p)
    p.set_defaults(func=cmd_reading)

    p = sub.add_parser("note", help="add a dated note shown on the charts")
    p.add_argument("--date", required=True, metavar="YYYY-MM-DD")
    p.add_argument("text", nargs="+")
    add_data_option(p)
    p.set_defaults(func=cmd_note)

    p = sub.add_parser("goal", help="set the target total and per-pillar targets")
    p.add_argument("--total", metavar="X")
    for pillar in PILLARS:
        p.add_argument(f"--{pillar}", metavar="X")
    p.add_argument("--by", metavar="YYYY-MM-DD", help="the date you want to reach it by")
    p.add_argument("--clear", action="store_true", help="remove the goal")
    add_data_option(p)
    p.set_defaults(func=cmd_goal)
