"""``reading --paste FILE|-``: an official reading from the text of LinkedIn's SSI page."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..core.catalogue import PILLARS
from ..core.records import Reading
from ..core.ssi_page import NotAnSsiPage, read_ssi_page
from ..core.validation import ValidationError, today
from .common import bad_input, validated

_OPTIONAL = (
    ("industry_rank", "industry rank top {v:g}%"),
    ("network_rank", "network rank top {v:g}%"),
    ("industry_avg", "industry average {v:g}"),
    ("network_avg", "network average {v:g}"),
)


def _page_text(source: str) -> str:
    if source == "-":
        return sys.stdin.read()
    try:
        return Path(source).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or exc
        raise bad_input(ValidationError("--paste", f"cannot read {source}: {reason}")) from None


def pasted_reading(args: argparse.Namespace) -> Reading:
    """The checked reading the pasted page gives (exit 2 with what was found, if none)."""
    typed = [
        "--" + name.replace("_", "-")
        for name in (*PILLARS, "total", *(key for key, _text in _OPTIONAL))
        if getattr(args, name) is not None
    ]
    if typed:
        raise bad_input(ValidationError(", ".join(typed), "cannot be given with --paste"))
    try:
        figures = read_ssi_page(_page_text(args.paste))
    except NotAnSsiPage as exc:
        raise bad_input(ValidationError("--paste", str(exc))) from None
    return validated(figures.reading, args.date or today())


def describe(reading: Reading) -> str:
    """One line with every figure recorded, as the CLI prints it."""
    pillars = ", ".join(f"{name} {reading.pillar(name):g}" for name in PILLARS)
    extra = [
        text.format(v=value)
        for key, text in _OPTIONAL
        if (value := getattr(reading, key)) is not None
    ]
    tail = "; " + ", ".join(extra) if extra else ""
    return f"{reading.day.isoformat()}: official SSI {reading.total:g} ({pillars}){tail}"
