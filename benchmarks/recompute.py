"""Full recompute of the store: what ``StoreModel.scores()`` does after every change.

Reported whole and in its two parts: building the (days × metrics) counts matrix from the
entries, and the model proper over that matrix.
"""

from __future__ import annotations

import time
from pathlib import Path

from ssi_desktop.core.scoring import (
    WarmStart,
    activity_matrix,
    profile_completeness,
    score,
    score_arrays,
)
from ssi_desktop.core.series import TotalsSeries
from ssi_desktop.storage import Store

from .results import Row
from .timing import interleaved, median, timed

TARGET_MS = 20.0


def measure(store_path: Path, repeats: int, label: str) -> list[Row]:
    with Store.open(store_path, create=False) as store:
        activity, profiles, params = store.activity(), store.profiles(), store.params()
        totals, settings = store.totals(), store.settings()

    def recompute() -> object:
        return score(activity, profiles, params, totals=totals, settings=settings)

    table = score(activity, profiles, params, totals=totals, settings=settings)  # warms numpy
    counts = activity_matrix(activity, table.start, table.days)
    completeness = profile_completeness(profiles, table.start, table.days, params.profile_items)
    series = TotalsSeries.build(totals, table.start, table.days)
    warm = WarmStart(0, min(params.warm_days, table.days) if settings.warm_start else 0)
    cpu: list[float] = []

    def whole_score() -> float:
        cpu_begin = time.process_time()
        seconds = timed(recompute)
        cpu.append(time.process_time() - cpu_begin)
        return seconds

    whole, matrix, model = interleaved(
        repeats,
        whole_score,
        lambda: timed(lambda: activity_matrix(activity, table.start, table.days)),
        lambda: timed(lambda: score_arrays(counts, completeness, params, series, warm)),
    )
    ms = 1000.0
    total = median(whole) * ms
    return [
        Row(
            f"full recompute of {label} (to today: {table.days} days)",
            total,
            "ms",
            f"< {TARGET_MS:g} ms",
            met=total < TARGET_MS,
            note=f"CPU time {median(cpu) * ms:.1f} ms",
        ),
        Row("… of which activity_matrix (entries → counts)", median(matrix) * ms, "ms", "—"),
        Row("… of which score_arrays (the model)", median(model) * ms, "ms", "—"),
    ]
