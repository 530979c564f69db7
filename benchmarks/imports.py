"""Import of a heavy ten-year LinkedIn export against a plain ``csv`` read of the same files.

The archive and the measurement are the import's own (``linkedin_export.py``); this module
puts its figures in the table.
"""

from __future__ import annotations

from pathlib import Path

from .results import Row, missing

FIGURE = "import of a heavy ten-year LinkedIn export"
TARGET = "≤ 3 × floor (csv read)"
MAX_RATIO = 3.0


def measure(data_dir: Path, repeats: int, seed: int = 1) -> list[Row]:
    try:
        from . import linkedin_export as export
    except ImportError as exc:
        return [missing(FIGURE, TARGET, f"missing: benchmarks/linkedin_export.py ({exc})")]
    folder = data_dir / f"linkedin-export-seed{seed}"
    archives = sorted(folder.glob("*.zip"))
    archive = archives[0] if archives else export.generate_export(folder, seed=seed)
    figures = export.measure_import(archive, repeats=repeats)
    value, floor = figures["import_seconds"] * 1000, figures["floor_seconds"] * 1000
    return [
        Row(
            f"{FIGURE} ({int(figures['rows']):,} rows)",
            value,
            "ms",
            TARGET,
            floor=floor,
            met=value <= MAX_RATIO * floor,
        )
    ]
