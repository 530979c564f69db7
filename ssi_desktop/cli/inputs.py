"""The member's LinkedIn totals and settings: ``totals`` and ``settings`` (spec §4).

Each applies the same ``core.changes`` value the app's LinkedIn numbers window and Settings
dialog push (no undo here).
"""

from __future__ import annotations

import argparse
import json

from ..core.catalogue import SETTING_KEYS, SETTINGS, TOTAL_KEYS, TOTALS
from ..core.changes import DeleteTotals, PutTotals, SetSettings
from ..core.records import Settings, TotalsSnapshot
from ..core.totals_rules import merged_into_day
from ..core.validation import ValidationError, check_date
from .common import Context, add_data_option, bad_input, validated
from .records import _pairs


def _yes_no(value: bool) -> str:
    return "yes" if value else "no"


def cmd_totals(args: argparse.Namespace, ctx: Context) -> int:
    if not args.values and not args.delete:
        if args.date is not None:
            raise bad_input(ValidationError("totals", "give at least one total (KEY=N)"))
        return _list_totals(ctx, args.format)
    if args.date is None:
        raise bad_input(ValidationError("--date", "is required to record or delete totals"))
    if args.delete:
        if args.values:
            raise bad_input(ValidationError("--delete", "takes no KEY=N"))
        day = validated(check_date, "--date", args.date)
        store = ctx.store()
        if not any(s.day == day for s in store.totals()):
            raise bad_input(ValidationError("--date", f"no totals recorded on {day.isoformat()}"))
        DeleteTotals(day).apply(store)
        print(f"{day.isoformat()}: totals deleted")
        return 0
    typed = validated(TotalsSnapshot.create, args.date, _pairs("KEY=N", args.values))
    store = ctx.store()
    # A day's snapshot gathers what the member copied that day: given keys replace, others stay.
    snapshot = validated(merged_into_day, typed, store.totals())
    PutTotals(snapshot).apply(store)
    summary = ", ".join(f"{k}={v}" for k, v in snapshot.values.items())
    print(f"{snapshot.day.isoformat()}: {summary}")
    return 0


def _list_totals(ctx: Context, fmt: str) -> int:
    snapshots = ctx.store().totals()
    if fmt == "json":
        rows = [{"date": s.day.isoformat(), **s.values} for s in snapshots]
        print(json.dumps(rows, indent=2))
        return 0
    if not snapshots:
        print("no totals recorded (ssi-desktop totals --date D KEY=N)")
    for snapshot in snapshots:
        summary = ", ".join(f"{k}={v}" for k, v in snapshot.values.items())
        print(f"{snapshot.day.isoformat()}: {summary}")
    return 0


def cmd_settings(args: argparse.Namespace, ctx: Context) -> int:
    store = ctx.store()
    current = store.settings()
    if args.values:
        pairs = _pairs("KEY=yes|no", args.values)
        for key, value in pairs.items():
            if key in SETTING_KEYS and value.strip().lower() not in ("yes", "no"):
                raise bad_input(ValidationError(key, f"must be yes or no, not {value!r}"))
        current = validated(Settings.create, pairs, current)
        if current != store.settings():
            SetSettings(current).apply(store)
    values = current.as_dict()
    if args.format == "json":
        print(json.dumps(values, indent=2))
        return 0
    for setting in SETTINGS:
        print(f"{setting.key}={_yes_no(values[setting.key])} (default {_yes_no(setting.default)})")
        print(f"    {setting.help}")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    keys = "\n".join(f"  {t.key}: {t.help}" for t in TOTALS)
    p = sub.add_parser(
        "totals",
        help="record or list totals LinkedIn shows (connections, followers …)",
        description="Record the totals LinkedIn shows on a day, as a dated snapshot (keys "
        "given replace that day's, others stay), or list the snapshots when no KEY=N is "
        f"given. Keys:\n{keys}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--date", metavar="YYYY-MM-DD")
    p.add_argument("values", nargs="*", metavar="KEY=N", help=", ".join(TOTAL_KEYS))
    p.add_argument("--delete", action="store_true", help="delete the snapshot of --date")
    p.add_argument("--format", choices=("text", "json"), default="text")
    add_data_option(p)
    p.set_defaults(func=cmd_totals)

    p = sub.add_parser(
        "settings",
        help="show or change your settings (warm_start, sales_navigator)",
        description="Show every setting with its default, or change some: KEY=yes|no.",
    )
    p.add_argument("values", nargs="*", metavar="KEY=yes|no")
    p.add_argument("--format", choices=("text", "json"), default="text")
    add_data_option(p)
    p.set_defaults(func=cmd_settings)
