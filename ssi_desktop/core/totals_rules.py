"""Totals across snapshots: the value in force on a day, and the rule a new snapshot must keep.

``TotalsSnapshot.create`` checks one snapshot alone (senior ≤ connections when both are in
it). A snapshot that gives only one of the two must also agree with the other as the member's
earlier and later snapshots put it: 300 decision makers on a day when the connections in force
are 250 is refused, wherever the 250 came from.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Iterable, Sequence
from datetime import date, timedelta
from types import MappingProxyType

from .catalogue import TOTAL_KEYS, TOTALS, TOTALS_BY_KEY
from .records import TotalsSnapshot
from .series import TotalsSeries
from .validation import ValidationError


def total_on(snapshots: Iterable[TotalsSnapshot], key: str, day: date) -> float | None:
    """``key``'s total on ``day`` as the model reads it from snapshots (spec §2, interpolated
    between them, the first before the first, the last after the last); None when no
    snapshot gives it."""
    value = float(TotalsSeries.build(snapshots, day, 1).column(key)[0])
    return None if math.isnan(value) else value


def with_snapshot(
    snapshots: Iterable[TotalsSnapshot], snapshot: TotalsSnapshot
) -> tuple[TotalsSnapshot, ...]:
    """``snapshots`` with ``snapshot`` replacing its day's, sorted by day."""
    kept = [s for s in snapshots if s.day != snapshot.day]
    return tuple(sorted([*kept, snapshot], key=lambda s: s.day))


def check_totals(
    snapshot: TotalsSnapshot, others: Iterable[TotalsSnapshot], typed: Collection[str] = ()
) -> None:
    """Raise :class:`ValidationError` naming the field of ``snapshot`` that would put a total
    above its parent on some day, once ``snapshot`` replaces its day's in ``others``; a key in
    ``typed`` (what the member just typed) is named before one carried over.

    Totals are straight lines between snapshots, so checking every snapshot's day checks
    every day.
    """
    merged = with_snapshot(others, snapshot)
    first = merged[0].day
    # One series over the whole span: ten years of imported network history stay cheap.
    series = TotalsSeries.build(merged, first, (merged[-1].day - first).days + 1)
    rows = sorted({(s.day - first).days for s in merged})
    for total in TOTALS:
        if total.parent is None:
            continue
        if total.key not in snapshot.values and total.parent not in snapshot.values:
            continue
        parts, wholes = series.column(total.key), series.column(total.parent)
        for row in rows:
            part, whole = float(parts[row]), float(wholes[row])
            # NaN compares false: a total never copied constrains nothing.
            if not part > whole:
                continue
            day = first + timedelta(days=row)
            candidates = [k for k in (total.key, total.parent) if k in snapshot.values]
            named = next((k for k in candidates if k in typed), candidates[0])
            parent_label = TOTALS_BY_KEY[total.parent].label.lower()
            raise ValidationError(
                named,
                f"{_figure(part)} {TOTALS_BY_KEY[total.key].label.lower()} would be more than "
                f"the {_figure(whole)} {parent_label} on {day.isoformat()} "
                "(from your other snapshots)",
            )


def _figure(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.1f}"


def merged_into_day(typed: TotalsSnapshot, others: Sequence[TotalsSnapshot]) -> TotalsSnapshot:
    """``typed`` added to its day's snapshot in ``others`` (its keys replace, the day's other
    keys stay), checked against every snapshot: what ``ssi-desktop totals`` records."""
    previous = next((s for s in others if s.day == typed.day), None)
    values = {**(previous.values if previous else {}), **typed.values}
    ordered = MappingProxyType({k: values[k] for k in TOTAL_KEYS if k in values})
    check_totals(TotalsSnapshot(typed.day, ordered), others, typed.values)
    return TotalsSnapshot.create(typed.day, values)
