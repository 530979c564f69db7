"""Builders for model v2's scenarios: records made through the public API, as a member would."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta

import numpy as np

from ssi_desktop.core.catalogue import METRIC_KEYS, PILLARS, PROFILE_KEYS
from ssi_desktop.core.records import ActivityEntry, ProfileSnapshot, TotalsSnapshot
from tests.core.scoring_helpers import steady_counts

START = date(2024, 1, 1)
P = {name: i for i, name in enumerate(PILLARS)}


def steady_entries(
    pace: Mapping[str, float], days: int, start: date = START
) -> list[ActivityEntry]:
    """One entry per day whose counts follow ``pace`` per day, as whole numbers."""
    counts = steady_counts(dict(pace), days)
    return [
        ActivityEntry.create(
            start + timedelta(days=i),
            {key: int(v) for key, v in zip(METRIC_KEYS, row, strict=True) if v},
        )
        for i, row in enumerate(counts)
    ]


def weekly_entries(
    per_week: Mapping[str, int], weeks: int, start: date = START, weekday: int = 1
) -> list[ActivityEntry]:
    """The same counts once a week, on the ``weekday``-th day of each week."""
    return [
        ActivityEntry.create(start + timedelta(days=7 * w + weekday), dict(per_week))
        for w in range(weeks)
    ]


def complete_profile(day: date = START) -> ProfileSnapshot:
    return ProfileSnapshot.create(day, {key: "yes" for key in PROFILE_KEYS})


def totals(day: date, **values: int) -> TotalsSnapshot:
    return TotalsSnapshot.create(day, {f"totals.{k}": v for k, v in values.items()})


def with_extra(entries: list[ActivityEntry], day: date, counts: Mapping[str, int]) -> list:
    """``entries`` plus one more entry on ``day`` (another source, so it adds)."""
    return [*entries, ActivityEntry.create(day, dict(counts), "csv")]


def day_after(day: date, n: int) -> date:
    return day + timedelta(days=n)


def pillar_series(table: object, pillar: str) -> np.ndarray:
    return table.pillars[:, P[pillar]]  # type: ignore[attr-defined]
