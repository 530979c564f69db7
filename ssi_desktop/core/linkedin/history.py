"""What the export says about the member's state over time, not their actions per day.

``Connections.csv`` dates every connection, so it gives the network's size and its decision
makers on every past day (``totals.*`` snapshots, spec §2); ``Logins.csv`` gives the days the
member used LinkedIn (``find.days_active``). Only dates and counts are kept.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from datetime import date
from types import MappingProxyType

from ..catalogue import TOTALS_BY_KEY
from ..records import TotalsSnapshot
from .archive import TextStream
from .control import Control
from .counts import DayCounts, count_days
from .readers import find_header, rows
from .report import FileReport

CONNECTIONS = "totals.connections"
SENIOR = "totals.senior_connections"
#: The totals an import of Connections.csv speaks for (and replaces on re-import).
NETWORK_KEYS = (CONNECTIONS, SENIOR)


def network_history(
    joined: Mapping[date, int], senior: Mapping[date, int] | None, export_day: date
) -> tuple[TotalsSnapshot, ...]:
    """Cumulative connections (and decision makers, when the file tells positions): one
    snapshot per day the count changed, and one on the export's day.

    Every connection counts, a hidden one (a row with only its date) included; ``senior`` is
    the subset whose position names a decision maker, so it never exceeds the whole.
    """
    snapshots: list[TotalsSnapshot] = []
    everyone = seniors = 0
    limit = TOTALS_BY_KEY[CONNECTIONS].maximum
    for day in sorted(joined):
        everyone += joined[day]
        seniors += senior.get(day, 0) if senior is not None else 0
        if everyone > limit:  # more than LinkedIn allows: the file is not what it claims
            break
        values = {CONNECTIONS: everyone}
        if senior is not None:
            values[SENIOR] = seniors
        # What create checks holds by construction (days judged plausible by the reader,
        # whole counts within the limit, seniors a subset), and ten years of network are
        # thousands of snapshots: built directly, in create's key order (spec §8).
        snapshots.append(TotalsSnapshot(day, MappingProxyType(values)))
    if snapshots and snapshots[-1].day < export_day:
        snapshots.append(TotalsSnapshot(export_day, snapshots[-1].values))
    return tuple(snapshots)


LOGIN_COLUMNS: dict[str, tuple[str, ...]] = {"date": ("login date", "date", "time")}


def read_logins(stream: TextStream, report: FileReport, control: Control) -> DayCounts:
    """Days with at least one login: ``find.days_active`` = 1. Only the date column is read;
    IP addresses and user agents never leave the file."""
    records = rows(stream.text)
    column = find_header(records, LOGIN_COLUMNS, ("date",))["date"]
    assert column is not None  # a required column
    per_day = count_days(records, column, report, control, stream)
    return {"find.days_active": Counter(dict.fromkeys(per_day, 1))}
