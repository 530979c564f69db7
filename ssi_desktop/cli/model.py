"""Commands about the model itself: ``calibrate`` (fit it to your readings) and ``advise``."""

from __future__ import annotations

import argparse
import json

from ..core.advice import advise
from ..core.anchor import anchor_vector, anchored_advice
from ..core.calibration import Calibration, NotEnoughReadings, calibrate
from ..core.catalogue import PILLAR_LABELS, PILLARS
from ..core.changes import SetParams
from ..core.goals import goal_progress
from ..core.jumps import detect_jumps
from ..core.parameters import DEFAULT_PARAMS
from ..core.validation import check_date, today
from .common import Context, add_data_option, bad_input, store_score, validated

#: Actions listed by ``advise`` (the JSON lists them all).
ADVICE_SHOWN = 10


def cmd_calibrate(args: argparse.Namespace, ctx: Context) -> int:
    store = ctx.store()
    if args.reset:
        if store.params().fingerprint() == DEFAULT_PARAMS.fingerprint():
            print(f"The model already uses the defaults (model {DEFAULT_PARAMS.version}).")
            return 0
        store.backup("calibration")
        SetParams(None).apply(store)
        print(f"The model is back to its defaults (model {DEFAULT_PARAMS.version}).")
        return 0
    try:
        result = calibrate(store.activity(), store.profiles(), store.readings(), store.params(),
                           totals=store.totals(), settings=store.settings())  # fmt: skip
    except NotEnoughReadings as exc:
        raise bad_input(f"{exc}. Record them with `ssi-desktop reading`.") from None
    backup = store.backup("calibration")
    SetParams(result.params, result.info(today())).apply(store)
    if args.format == "json":
        print(json.dumps(result.report(), indent=2, ensure_ascii=False))
        return 0
    print(calibration_report(result))
    if backup is not None:
        print(f"The previous file was backed up to {backup}.")
    print("Undo with `ssi-desktop calibrate --reset`.")
    return 0


def calibration_report(result: Calibration) -> str:
    lines = [
        f"Calibrated on {result.readings_used} official readings "
        f"({result.first.isoformat()} to {result.last.isoformat()}).",
        "",
    ]
    for pillar in PILLARS:
        change = result.changes[pillar]
        lines.append(f"{PILLAR_LABELS[pillar]}: {change.summary}")
        lines.extend(f"  {text}" for text in change.changes)
        lines.extend(f"  At a bound: {text}" for text in change.at_bound)
    lines += [
        "",
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
    store = ctx.store(create=False)
    params = store.params()
    activity, profiles = store.activity(), store.profiles()
    table = store_score(store, end=max(day, today()))
    advice = anchored_advice(
        advise(activity, profiles, params, day, store.settings(), store.totals()), table
    )
    goal = store.goal()
    progress = (
        goal_progress(activity, profiles, params, goal, day, advice, store.settings(),
                      store.totals(), anchor_vector(table, day)) if goal else None
    )  # fmt: skip
    # Jumps compare the model alone with the readings: anchored, it would match them.
    jumps = detect_jumps(table.raw(), store.readings())
    if args.format == "json":
        print(json.dumps({
            "date": day.isoformat(),
            "pillars": {p: round(v, 2) for p, v in advice.current.items()},
            "weakest": advice.weakest,
            "actions": [a.as_dict() for a in advice.actions],
            "goal": progress.message if progress else None,
            "recalibrations": [{"date": j.day.isoformat(), "label": j.label} for j in jumps],
        }, indent=2))  # fmt: skip
        return 0
    weakest = advice.weakest
    print(f"Weakest pillar: {PILLAR_LABELS[weakest]} ({advice.current[weakest]:.2f} / 25)")
    print("Pillars: " + " · ".join(f"{p} {advice.current[p]:.2f}" for p in PILLARS))
    print()
    if not advice.actions:
        print("Nothing in the catalogue would add a point in 90 days: keep your pace.")
    else:
        print(f"Next best actions, by the points they add to their pillar:{'30 days':>12}"
              f"{'90 days':>10}")  # fmt: skip
        for action in advice.actions[:ADVICE_SHOWN]:
            print(f"  {action.pillar:<7} {action.label:<60}{action.gain_30:>+8.2f}"
                  f"{action.gain_90:>+10.2f}")  # fmt: skip
            if action.outcomes:
                print(f"  {'':<7} {action.outcomes}")
    if progress is not None:
        print()
        print(progress.message)
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
        description="Fit the model (per pillar an offset, the references and shares of the "
        "terms you record) to your official readings, and report what changed and the error "
        "before and after.",
    )
    p.add_argument("--reset", action="store_true", help="return to the default model (v2)")
    p.add_argument("--format", choices=("text", "json"), default="text")
    add_data_option(p)
    p.set_defaults(func=cmd_calibrate)

    p = sub.add_parser("advise", help="the next best actions, ranked by their 90-day gain")
    p.add_argument("--date", metavar="YYYY-MM-DD", help="advise as of this day (default: today)")
    p.add_argument("--format", choices=("text", "json"), default="text")
    add_data_option(p)
    p.set_defaults(func=cmd_advise)
