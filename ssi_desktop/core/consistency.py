"""Rules that tie one day's counts together, checked by every form before a save.

Each count is checked alone by ``ActivityEntry.create``; these rules compare counts of the same
day, so they only apply where one source records all the counts involved (a form, a CSV row).
"""

from __future__ import annotations

from collections.abc import Mapping

from .catalogue import METRICS_BY_KEY
from .validation import ValidationError

#: (part, whole): the part is a subset of the whole, so it can never be larger.
SUBSET_RULES: tuple[tuple[str, str], ...] = (("build.requests_with_note", "build.requests_sent"),)


def check_day_counts(counts: Mapping[str, int]) -> None:
    """Raise :class:`ValidationError` naming the first count that contradicts another."""
    for part, whole in SUBSET_RULES:
        if counts.get(part, 0) > counts.get(whole, 0):
            raise ValidationError(
                part,
                f"{counts.get(part, 0)} is more than the "
                f"{METRICS_BY_KEY[whole].label.lower()} ({counts.get(whole, 0)})",
            )
