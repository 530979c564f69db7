"""Full recompute of the store: what ``StoreModel.scores()`` does after every change.

Reported whole and in its parts: building the (days × metrics) counts matrix from the
entries, the model proper over that matrix, and the anchor to the official readings
(``core.anchor``: the per-term first days and the anchored table).
"""

from __future__ import annotations

import time
from pathlib import Path

from ssi_desktop.core.anchor import anchored, estimate, term_starts
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
        totals, settings, readings = store.totals(), store.settings(), store.readings()

    def recompute() -> object:
        return estimate(activity, profiles, params, totals=totals, settings=settings,
                        readings=readings)  # fmt: skip

    def anchor() -> object:
        return anchored(raw, readings, term_starts(params, activity, profiles, totals))

    raw = score(activity, profiles, params, totals=totals, settings=settings)  # warms numpy
    table = estimate(activity, profiles, params, totals=totals, settings=settings,
                     readings=readings)  # fmt: skip
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

    whole, matrix, model, anchoring = interleaved(
        repeats,
        whole_score,
        lambda: timed(lambda: activity_matrix(activity, table.start, table.days)),
        lambda: timed(lambda: score_arrays(counts, completeness, params, series, warm)),
        lambda: timed(anchor),
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
        Row(
            f"… of which the anchor to {len(readings)} official readings",
            median(anchoring) * ms,
            "ms",
            "< 1 ms",
            met=median(anchoring) * ms < 1.0,
        ),
    ]
