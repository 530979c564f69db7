"""Field checks shared by every door into the store: forms, CLI, CSV and the importer.

Each check returns the cleaned value or raises :class:`ValidationError`, whose message names
the field and says why, so every caller can show it next to the right input.
"""

from __future__ import annotations

import math
import re
import time
import unicodedata
from datetime import date, datetime
from typing import Any

#: LinkedIn opened to the public on 5 May 2003: nothing can have happened on it before.
EARLIEST_DATE = date(2003, 5, 5)


class ValidationError(ValueError):
    """Bad input: ``field`` is the name the user knows, ``reason`` says what is wrong."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(f"{field}: {reason}")
        self.field = field
        self.reason = reason


def today() -> date:
    """Today's date; a function so tests and the clock live in one place.

    ``date.fromtimestamp(time.time())`` is ``date.today()`` without its inner import of
    ``time``, which Qt for Python's import hook makes cost ≈ 1 µs: checking ten years of
    imported days asked for today 3,650 times (benchmarks/: import)."""
    return date.fromtimestamp(time.time())


#: Exactly ``YYYY-MM-DD`` in ASCII digits: ``date.fromisoformat`` alone also takes
#: ``20260302`` and ``2026-W10-1``.
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
#: A whole number as typed: ASCII digits only (no ``1_0``, ``١٠``, ``+3`` or ``1e3``); a
#: leading minus is read so the message can say "negative"; ``3.0`` is a whole number.
_WHOLE = re.compile(r"(-?)([0-9]+)(?:\.0*)?")
#: A decimal as typed: ASCII digits with at most one separator, ``.`` or ``,``.
_DECIMAL = re.compile(r"-?(?:[0-9]+(?:[.,][0-9]*)?|[.,][0-9]+)")
#: Letters and marks that draw nothing (Hangul fillers, braille blank, grapheme joiner):
#: with format characters (zero-width space …) and spaces, a text made only of them is empty.
_BLANKS = frozenset("\u034f\u115f\u1160\u2800\u3164\uffa0")
#: ``1,000``: a comma followed by exactly three digits is a thousands separator in English
#: and a decimal comma in most other languages, so it is refused rather than guessed.
_AMBIGUOUS = re.compile(r"-?[0-9]{1,3},[0-9]{3}")


def parse_date(field: str, value: Any) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        if not _DATE.fullmatch(text):
            raise ValueError(text)
        return date.fromisoformat(text)
    except ValueError:
        raise ValidationError(field, f"{text!r} is not a date in the form YYYY-MM-DD") from None


def check_date(field: str, value: Any, *, allow_future: bool = False) -> date:
    day = parse_date(field, value)
    if day < EARLIEST_DATE:
        raise ValidationError(
            field, f"{day.isoformat()} is before LinkedIn existed ({EARLIEST_DATE.isoformat()})"
        )
    if not allow_future and day > today():
        raise ValidationError(field, f"{day.isoformat()} is in the future")
    return day


#: A total as LinkedIn prints it: digits grouped by thousands with one separator used
#: throughout (``1,204``, ``12.480``, ``1'204``, ``1 204`` with a normal or narrow no-break space).
_GROUPED = re.compile(r"[0-9]{1,3}(?:([,.' \u00a0\u202f])[0-9]{3})(?:\1[0-9]{3})*")


def check_total(field: str, value: Any, maximum: int) -> int:
    """A running total (connections, followers…): a whole number as :func:`check_count`
    takes it, or as LinkedIn prints it with thousands grouped (``1,204`` → 1204). A count of
    things cannot be fractional, so a grouping separator cannot be mistaken for a decimal."""
    if isinstance(value, str) and _GROUPED.fullmatch(value.strip()):
        value = re.sub(r"[^0-9]", "", value)
    return check_count(field, value, maximum, per_day=False)


def check_count(field: str, value: Any, maximum: int, *, per_day: bool = True) -> int:
    """A whole number from 0 to ``maximum``; ``"3"`` and ``3.0`` are accepted, ``3.5`` is not."""
    if type(value) is int and 0 <= value <= maximum:
        return value  # the common case (a form, a store being opened): no more to check
    if isinstance(value, bool):
        raise ValidationError(field, "must be a whole number")
    if isinstance(value, int):
        number = value
    elif isinstance(value, float):
        if not math.isfinite(value) or value != int(value):
            raise ValidationError(field, f"must be a whole number, not {value:g}")
        number = int(value)
    else:
        text = str(value).strip()
        match = _WHOLE.fullmatch(text)
        if match is None:
            if _DECIMAL.fullmatch(text):
                raise ValidationError(field, f"must be a whole number, not {text}")
            raise ValidationError(
                field, f"{text!r} is not a number (a whole number is digits 0-9, like 12)"
            )
        if match[1]:
            raise ValidationError(field, f"must not be negative ({text})")
        number = int(match[2])
    if number < 0:
        raise ValidationError(field, f"must not be negative ({number})")
    if number > maximum:
        plausible = "the most plausible in a day" if per_day else "LinkedIn shows for anyone"
        raise ValidationError(field, f"{number} is more than {plausible} ({maximum})")
    return number


def parse_number(field: str, value: Any) -> float:
    """A decimal number; text may use one decimal point or one decimal comma (``20,97``, as
    LinkedIn's pages show it in many languages), never a thousands separator."""
    if isinstance(value, bool):
        raise ValidationError(field, "must be a number")
    if isinstance(value, str):
        text = value.strip()
        if _AMBIGUOUS.fullmatch(text):
            raise ValidationError(
                field,
                f"{text!r} is ambiguous (a thousands separator or a decimal comma?): write it "
                f"without the comma, or with a decimal point ({text.replace(',', '.')})",
            )
        if not _DECIMAL.fullmatch(text):
            raise ValidationError(
                field, f"{text!r} is not a number (digits 0-9 with one . or , for decimals)"
            )
        number = float(text.replace(",", "."))
    else:
        try:
            number = float(value)
        except (TypeError, ValueError, OverflowError):
            raise ValidationError(field, f"{value!r} is not a number") from None
    if not math.isfinite(number):
        raise ValidationError(field, "must be a finite number")
    return number + 0.0  # -0.0 + 0.0 is 0.0: a negative zero is stored and shown as 0


def check_pillar_value(field: str, value: Any, *, upper: float = 25.0) -> float:
    number = parse_number(field, value)
    if not 0 <= number <= upper:
        raise ValidationError(field, f"{number:g} is outside 0–{upper:g}")
    return number


def check_optional_number(field: str, value: Any, lower: float, upper: float) -> float | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    number = parse_number(field, value)
    if not lower <= number <= upper:
        raise ValidationError(field, f"{number:g} is outside {lower:g}–{upper:g}")
    return number


def check_text(field: str, value: Any, *, max_length: int) -> str:
    """One line of text: runs of spaces become one; control characters (NUL, terminal escape
    codes, line breaks, tabs) are refused, and so is text made only of invisible ones."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ValidationError(field, "must be text")
    controls = sorted({c for c in value if unicodedata.category(c) == "Cc"})
    if controls:
        shown = ", ".join(f"U+{ord(c):04X}" for c in controls[:3])
        raise ValidationError(field, f"must not contain control characters ({shown})")
    text = " ".join(value.split())
    if all(unicodedata.category(c) in ("Cf", "Zs") or c in _BLANKS for c in text):
        raise ValidationError(field, "must not be empty")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        # Bytes that were not UTF-8 (from a terminal or a file) arrive as lone surrogates.
        raise ValidationError(field, "is not valid text (bytes that are not UTF-8)") from None
    if len(text) > max_length:
        raise ValidationError(field, f"is longer than {max_length} characters")
    return text
