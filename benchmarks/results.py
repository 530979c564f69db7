"""One row per §8 figure, and the Markdown table they make."""

from __future__ import annotations

import os
import platform
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path


@dataclass(frozen=True)
class Row:
    """A measured figure against its floor; ``value`` None means it could not be measured."""

    figure: str
    value: float | None
    unit: str
    target: str
    floor: float | None = None
    met: bool | None = None
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.value is None or not self.floor:
            return None
        return self.value / self.floor


def missing(figure: str, target: str, why: str) -> Row:
    return Row(figure, None, "", target, note=why)


def _number(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    digits = 2 if abs(value) < 10 else 1 if abs(value) < 1000 else 0
    return f"{value:.{digits}f} {unit}".strip()


def _met(row: Row) -> str:
    if row.met is None:
        return "—"
    return "yes" if row.met else "**no**"


def table(rows: list[Row]) -> str:
    lines = ["| figure | value | floor | ratio | target | met? |", "|---|---|---|---|---|---|"]
    for row in rows:
        value = _number(row.value, row.unit) if row.value is not None else row.note
        ratio = f"{row.ratio:.2f} ×" if row.ratio is not None else "—"
        lines.append(
            f"| {row.figure} | {value} | {_number(row.floor, row.unit)} | {ratio} | "
            f"{row.target} | {_met(row)} |"
        )
    return "\n".join(lines)


def _cpu() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def machine() -> dict[str, str]:
    import numpy
    import pyqtgraph
    import PySide6
    from PySide6 import QtCore

    load = ", ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    return {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": f"{_cpu()}, {os.cpu_count()} cores, {platform.platform()}",
        "load average (1, 5, 15 min) at the end": load,
        "software": f"Python {platform.python_version()}, Qt {QtCore.qVersion()}, "
        f"PySide6 {PySide6.__version__}, "
        f"pyqtgraph {pyqtgraph.__version__}, numpy {numpy.__version__}",
    }


def markdown(rows: list[Row], info: dict[str, str], notes: list[str]) -> str:
    head = [
        "# Benchmark results (spec §8)",
        "",
        "Written by `make bench`; each figure is the "
        "median of its repeats, each ratio against a floor measured in the same run.",
        "",
    ]
    facts = [f"- {key}: {value}" for key, value in info.items()]
    measured_notes = [
        f"{row.figure}: {row.note}" for row in rows if row.value is not None and row.note
    ]
    extra = [f"- {n}" for n in [*measured_notes, *notes]]
    return "\n".join([*head, table(rows), "", *facts, *extra, ""])
