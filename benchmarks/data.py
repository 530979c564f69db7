"""The standard loads of spec §8, generated reproducibly into ``benchmarks/.data/``.

The ten-year store is ``core.sample`` (the same believable member the app's first run shows)
ending on a fixed day, so every run and every machine measures the same bytes. Files are
generated once and reused; the name says what is in them.
"""

from __future__ import annotations

import shutil
from datetime import UTC, date, datetime, time
from pathlib import Path

import numpy as np

DATA_DIR = Path(__file__).resolve().parent / ".data"
TEN_YEARS = 3650
SEED = 1
#: A fixed last day: the store does not change as the calendar moves on.
END = date(2026, 10, 31)


def store_path(days: int = TEN_YEARS, seed: int = SEED, folder: Path = DATA_DIR) -> Path:
    """The generated store of ``days`` days, written once; never written to afterwards."""
    path = folder / f"store-{days}d-seed{seed}.json"
    if not path.exists():
        from ssi_desktop.core.sample import generate
        from ssi_desktop.storage import Store

        folder.mkdir(parents=True, exist_ok=True)
        sample = generate(days=days, end=END, seed=seed)
        partial = path.with_suffix(".partial.json")
        partial.unlink(missing_ok=True)
        with Store.open(partial) as store:
            store.add_records(
                activity=sample.activity,
                profiles=sample.profiles,
                readings=sample.readings,
                notes=sample.notes,
                goal=sample.goal,
            )
        partial.replace(path)
    return path


def scratch_copy(source: Path, name: str) -> Path:
    """A copy of a generated store that a benchmark may write to."""
    copy = source.parent / "scratch" / name
    # Each import run forces a backup here: start every copy without the last run's.
    shutil.rmtree(copy.parent / "backups", ignore_errors=True)
    copy.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, copy)
    return copy


def chart_points(store: Path) -> Path:
    """The store's 5 daily series (total and the four pillars) as the floor window plots them.

    Saved as one ``.npy`` array: row 0 is each day's midnight UTC in epoch seconds (what
    ``pyqtgraph.DateAxisItem`` expects), rows 1–5 the series.
    """
    from ssi_desktop.core.scoring import score
    from ssi_desktop.storage import Store

    # Rewritten each run: the app scores up to today, so the floor plots up to today too.
    path = store.with_suffix(".points.npy")
    with Store.open(store, create=False) as opened:
        table = score(
            opened.activity(),
            opened.profiles(),
            opened.params(),
            totals=opened.totals(),
            settings=opened.settings(),
        )
    x = np.array([datetime.combine(d, time(), UTC).timestamp() for d in table.dates()])
    np.save(path, np.vstack([x, table.totals, table.pillars.T]))
    return path
