"""``python -m benchmarks`` end to end on a small store: the table has its rows and ratios.

No timing is asserted (a shared machine makes any bound flaky); the figures only have to be
measured, be numbers, and land in the Markdown file the command writes.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _cells(table: str, figure_start: str) -> list[str]:
    for line in table.splitlines():
        if line.startswith(f"| {figure_start}"):
            return [cell.strip() for cell in line.strip("|").split("|")]
    raise AssertionError(f"no row starting {figure_start!r} in:\n{table}")


def test_quick_run_writes_a_table_with_measured_rows(tmp_path: Path) -> None:
    out = tmp_path / "results.md"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--days", "200", "--repeats", "1",
         "--only", "save,recompute,packaged", "--data-dir", str(tmp_path / "data"),
         "--out", str(out)],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    table = out.read_text(encoding="utf-8")
    assert table in done.stdout + "\n"  # printed as well as written
    assert "| figure | value | floor | ratio | target | met? |" in table

    _figure, value, floor, ratio, target, met = _cells(table, "save one day's entry")
    assert re.fullmatch(r"[\d.]+ ms", value) and re.fullmatch(r"[\d.]+ ms", floor), value
    assert re.fullmatch(r"[\d.]+ ×", ratio)
    measured = float(value.split()[0]) / float(floor.split()[0])
    assert abs(float(ratio.split()[0]) - measured) <= 0.01 * measured + 0.01
    assert target == "≤ 3 × floor and < 100 ms" and met in {"yes", "**no**"}

    _figure, value, _floor, ratio, target, met = _cells(table, "full recompute of 200 days")
    assert re.fullmatch(r"[\d.]+ ms", value) and target == "< 20 ms" and met in {"yes", "**no**"}
    for part in ("… of which activity_matrix", "… of which score_arrays"):
        assert re.fullmatch(r"[\d.]+ ms", _cells(table, part)[1])

    # Without dist/ the packaging rows say why instead of a number.
    if not (REPO / "dist" / "ssi-desktop").exists():
        assert _cells(table, "packaged app start")[1] == "no build present"
    assert "repeats: 1 per fresh-process figure" in table
