"""Commands about the model itself: ``calibrate`` (fit it to your readings) and ``advise``."""

from __future__ import annotations

import argparse

from ..core.advice import advise
from ..core.calibration import Calibration, NotEnoughReadings, calibrate
from ..core.catalogue import PILLAR_LABELS, PILLARS
from ..core.changes import SetParams
from ..core.goals import goal_progress
from ..core.jumps import detect_jumps
from ..core.parameters import DEFAULT_PARAMS
from ..core.scoring import score
from ..core.validation import check_date, today
from .common import Context, add_data_option, bad_input, validated

#: Actions shown per pillar by ``advise``.
ADVICE_PER_PILLAR = 3


def cmd_calibrate(args: argparse.Namespace, ctx: Context) -> int:
    store = ctx.store()
    if args.reset:
        if store.params().fingerprint() == DEFAULT_PARAMS.fingerprint():
            print("The model already uses the defaults (model v1).")
            return 0
        store.backup("calibration")
        SetParams(None).apply(store)
        print("The model is back to its defaults (model v1).")
        return 0
    try:
        result = calibrate(store.activity(), store.profiles(), store.readings(), store.params())
    except NotEnoughReadings as exc:
        raise bad_input(f"{exc}. Record them with `ssi-desktop reading`.") from None
    backup = store.backup("calibration")
    SetParams(result.params, result.info(today())).apply(store)
    print(calibration_report(result))
    if backup is not None:
        print(f"The previous file was backed up to {backup}.")
    print("Undo with `ssi-desktop calibrate --reset`.")
    return 0


def calibration_report(result: Calibration) -> str:
    lines = [
        f"Calibrated on {result.readings_used} official readings "
        f"({result.first.isoformat()} to {result.last.isoformat()}).",
        "Mean absolute error, points:",
        f"  {'':<8}{'before':>8}{'after':>8}"
        + (f"{'held-back before':>18}{'after':>8}" if result.holdout_after else ""),
    ]
    for name in (*PILLARS, "total"):
        line = f"  {name:<8}{result.mae_before[name]:>8.2f}{result.mae_after[name]:>8.2f}"
        if result.holdout_before and result.holdout_after:
            line += f"{result.holdout_before[name]:>18.2f}{result.holdout_after[name]:>8.2f}"
        lines.append(line)
    if result.held_back:
        lines.append(
            f"Held back: the latest {result.held_back} readings, predicted by a fit "
            "made without them."
        )
        if not result.generalises:
            lines.append(
                "The fit predicts the held-back readings no better than the model "
                "it replaces; `ssi-desktop calibrate --reset` returns to the defaults."
            )
    else:
        lines.append(
            "Too few readings to hold some back; with 8 or more, the report also "
            "shows how well the fit predicts readings it has not seen."
        )
    return "\n".join(lines)


def cmd_advise(args: argparse.Namespace, ctx: Context) -> int:
    day = validated(check_date, "--date", args.date) if args.date else today()
    store = ctx.store()
    params = store.params()
    advice = advise(store.activity(), store.profiles(), params, day)
    for position, pillar in enumerate(advice):
        weakest = " (weakest)" if position == 0 else ""
        print(f"{PILLAR_LABELS[pillar.pillar]}{weakest}: {pillar.current:.2f} / 25")
        if not pillar.actions:
            print("  nothing in the catalogue would add a point here in 30 days")
        for action in pillar.actions[:ADVICE_PER_PILLAR]:
            print(f"  {action.label} → {action.gain:+.2f} in 30 days")
    table = score(store.activity(), store.profiles(), params, end=max(day, today()))
    goal = store.goal()
    if goal is not None:
        print()
        print(goal_progress(table, goal, day).message)
    jumps = detect_jumps(table, store.readings())
    if jumps:
        print()
        print("Possible recalibrations by LinkedIn:")
        for jump in jumps:
            print(f"  {jump.day.isoformat()}: {jump.label}")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "calibrate",
        help="fit the model to your official readings",
        description="Fit the model's weights to the official readings you "
        "recorded, and report the error before and after.",
    )
    p.add_argument("--reset", action="store_true", help="return to the default model (v1)")
    add_data_option(p)
    p.set_defaults(func=cmd_calibrate)

    p = sub.add_parser("advise", help="the next actions per pillar, ranked by estimated gain")
    p.add_argument("--date", metavar="YYYY-MM-DD", help="advise as of this day (default: today)")
    add_data_option(p)
    p.set_defaults(func=cmd_advise)
