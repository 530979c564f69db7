"""Field checks shared by every door into the store: forms, CLI, CSV and the importer.

Each check returns the cleaned value or raises :class:`ValidationError`, whose message names
the field and says why, so every caller can show it next to the right input.
"""

from __future__ import annotations

import math
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
    """Today's date; a function so tests and the clock live in one place."""
    return date.today()


def parse_date(field: str, value: Any) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
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


def check_count(field: str, value: Any, maximum: int) -> int:
    """A whole number from 0 to ``maximum``; ``"3"`` and ``3.0`` are accepted, ``3.5`` is not."""
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
        try:
            number = int(text)
        except ValueError:
            try:
                as_float = float(text)
            except ValueError:
                raise ValidationError(field, f"{text!r} is not a number") from None
            if not math.isfinite(as_float) or as_float != int(as_float):
                raise ValidationError(field, f"must be a whole number, not {text}") from None
            number = int(as_float)
    if number < 0:
        raise ValidationError(field, f"must not be negative ({number})")
    if number > maximum:
        raise ValidationError(
            field, f"{number} is more than the most plausible in a day ({maximum})"
        )
    return number


def parse_number(field: str, value: Any) -> float:
    if isinstance(value, bool):
        raise ValidationError(field, "must be a number")
    try:
        number = (
            float(str(value).strip().replace(",", ".")) if isinstance(value, str) else float(value)
        )
    except (TypeError, ValueError):
        raise ValidationError(field, f"{value!r} is not a number") from None
    if not math.isfinite(number):
        raise ValidationError(field, "must be a finite number")
    return number


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
    text = " ".join(str(value or "").split())
    if not text:
        raise ValidationError(field, "must not be empty")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        # Bytes that were not UTF-8 (from a terminal or a file) arrive as lone surrogates.
        raise ValidationError(field, "is not valid text (bytes that are not UTF-8)") from None
    if len(text) > max_length:
        raise ValidationError(field, f"is longer than {max_length} characters")
    return text
