"""``import linkedin``, ``import csv`` and ``export csv``: moving data in and out."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..core.creator import NotCreatorAnalytics, apply_creator, plan_creator, read_creator
from ..core.csv_export import export_store
from ..core.csv_io import CsvImportError, apply_csv, read_csv
from ..core.linkedin import (
    ImportRefused,
    NotAnExport,
    apply_plan,
    check_applicable,
    plan_import,
    read_export,
)
from ..core.linkedin.report import plural
from ..core.validation import ValidationError
from ..storage.atomic import write_atomic
from .common import EXIT_BAD_INPUT, CliError, Context, add_data_option


def cmd_import_linkedin(args: argparse.Namespace, ctx: Context) -> int:
    try:
        result = read_export(args.path)
    except NotAnExport as exc:
        raise CliError(
            f"{exc}. Give the zip LinkedIn sent you "
            "(…LinkedInDataExport_MM-DD-YYYY.zip) or the folder it unpacks to.",
            EXIT_BAD_INPUT,
        ) from None
    print("\n".join(result.lines()))
    try:
        check_applicable(result)
    except ImportRefused as exc:
        raise CliError(str(exc), EXIT_BAD_INPUT) from None
    store = ctx.store()
    plan = plan_import(store, result)
    profile = (
        f", {plural(len(plan.profiles), 'profile checklist snapshot')}" if plan.profiles else ""
    )
    if plan.totals or plan.totals_removed:
        changed = len(plan.totals) + len(plan.totals_removed)
        profile += f", {plural(changed, 'network snapshot')}"
    if args.dry_run:
        print(
            f"\nDry run: {plural(len(plan.entries), 'day')} would change{profile}. "
            "Nothing was written."
        )
        return 0
    if plan.empty:
        print("\nNothing to change: the store already holds this export.")
        return 0
    summary = apply_plan(store, plan)
    print(
        f"\nImported: {plural(summary.days_changed, 'day')} set, {summary.days_removed} cleared"
        f"{profile}." + (f" Backup: {summary.backup}" if summary.backup else "")
    )
    return 0


def cmd_import_creator(args: argparse.Namespace, ctx: Context) -> int:
    try:
        data = read_creator(args.path)
    except NotCreatorAnalytics as exc:
        raise CliError(
            f"{exc}. Give a workbook from LinkedIn's Analytics → Export "
            "(AggregateAnalytics_….xlsx) or a folder of them; nothing was imported.",
            EXIT_BAD_INPUT,
        ) from None
    except ValidationError as exc:
        raise CliError(f"{exc}; nothing was imported.", EXIT_BAD_INPUT) from None
    print("\n".join(data.lines()))
    store = ctx.store()
    plan = plan_creator(store, data)
    print("\n" + plan.summary())
    if args.dry_run:
        print("Dry run: nothing was written.")
        return 0
    if plan.is_empty():
        return 0
    summary = apply_creator(store, plan)
    print(
        f"Imported: {plural(summary.days_changed, 'day')} and "
        f"{plural(summary.totals, 'follower total')}."
        + (f" Backup: {summary.backup}" if summary.backup else "")
    )
    return 0


def cmd_import_csv(args: argparse.Namespace, ctx: Context) -> int:
    try:
        data = read_csv(Path(args.path))
    except CsvImportError as exc:
        raise CliError(f"nothing was imported:\n{exc}", EXIT_BAD_INPUT) from None
    for name, kind, rows in data.files:
        print(f"{name}: {rows} rows ({kind})")
    summary = apply_csv(ctx.store(), data)
    print(
        f"Imported: {summary.activity_days} activity rows, "
        f"{summary.readings} readings, {summary.profiles} profile snapshots, "
        f"{summary.notes_added} new notes."
    )
    return 0


def cmd_export_csv(args: argparse.Namespace, ctx: Context) -> int:
    store = ctx.store(create=False)
    folder = Path(args.dir)
    if folder.exists() and not folder.is_dir():
        raise CliError(f"{folder} is a file, not a folder", EXIT_BAD_INPUT)
    try:
        written = export_store(folder, store, write_atomic)
    except OSError as exc:
        raise CliError(
            f"could not write to {folder}: {exc.strerror or exc}", EXIT_BAD_INPUT
        ) from None
    for path, rows in written:
        print(f"{path}: {rows} rows")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    importer = sub.add_parser(
        "import", help="import a LinkedIn export, Creator Analytics workbooks or CSV files"
    )
    kinds = importer.add_subparsers(dest="kind", metavar="KIND", required=True)
    p = kinds.add_parser(
        "linkedin",
        help="LinkedIn's data export, as the zip or its folder",
        description="Read LinkedIn's data export into per-day counts "
        "(source linkedin). Importing again replaces, never adds.",
    )
    p.add_argument("path", metavar="PATH")
    p.add_argument(
        "--dry-run", action="store_true", help="show what would be imported and write nothing"
    )
    add_data_option(p)
    p.set_defaults(func=cmd_import_linkedin)
    p = kinds.add_parser(
        "creator",
        help="LinkedIn Creator Analytics workbooks (.xlsx), one file or a folder",
        description="Read daily engagement and new followers (source creator) and the total "
        "followers from Creator Analytics exports. Overlapping windows replace, never add.",
    )
    p.add_argument("path", metavar="PATH")
    p.add_argument(
        "--dry-run", action="store_true", help="show what would be imported and write nothing"
    )
    add_data_option(p)
    p.set_defaults(func=cmd_import_creator)
    p = kinds.add_parser(
        "csv", help="activity.csv, readings.csv, notes.csv, profile.csv or a folder of them"
    )
    p.add_argument("path", metavar="PATH")
    add_data_option(p)
    p.set_defaults(func=cmd_import_csv)

    exporter = sub.add_parser("export", help="export everything as CSV files")
    kinds = exporter.add_subparsers(dest="kind", metavar="KIND", required=True)
    p = kinds.add_parser(
        "csv", help="write activity.csv, readings.csv, notes.csv, profile.csv into DIR"
    )
    p.add_argument("dir", metavar="DIR")
    add_data_option(p)
    p.set_defaults(func=cmd_export_csv)
