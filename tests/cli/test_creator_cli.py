"""``import creator PATH [--dry-run]`` through the real CLI in a subprocess."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

from ssi_desktop.storage import Store
from tests.core.creator_builder import days, write_workbook

SPAN = days(date(2025, 4, 1), date(2025, 4, 30))


def cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ssi_desktop", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=60,
    )


def _workbook(tmp_path: Path) -> Path:
    return write_workbook(tmp_path, {d: d.day for d in SPAN}, {d: d.day % 3 for d in SPAN}, 321)


def test_dry_run_reports_and_writes_nothing(tmp_path: Path, store_path: Path) -> None:
    run = cli("--data", store_path, "import", "creator", _workbook(tmp_path), "--dry-run")
    assert run.returncode == 0, run.stderr
    assert "Engagement received: 465 over 30 days, from 1 Apr 2025 to 30 Apr 2025." in run.stdout
    assert "New followers: 30 over 30 days" in run.stdout
    assert "Total followers: 321 on 30 Apr 2025." in run.stdout
    assert "Dry run: nothing was written." in run.stdout
    assert not store_path.exists()


def test_import_then_again_counts_once(tmp_path: Path, store_path: Path) -> None:
    path = _workbook(tmp_path)
    run = cli("--data", store_path, "import", "creator", path)
    assert run.returncode == 0, run.stderr
    assert "Imported: 30 days and 1 follower total." in run.stdout
    before = store_path.read_bytes()
    again = cli("--data", store_path, "import", "creator", tmp_path)
    assert again.returncode == 0, again.stderr
    assert "Nothing to change" in again.stdout
    assert store_path.read_bytes() == before
    with Store.open(store_path, read_only=True) as store:
        engagement = sum(e.total("brand.engagement") for e in store.activity())
        assert engagement == sum(d.day for d in SPAN)
        assert {s.day: dict(s.values) for s in store.totals()} == {
            date(2025, 4, 30): {"totals.followers": 321}
        }


def test_damaged_workbooks_exit_2_and_leave_the_store(tmp_path: Path, store_path: Path) -> None:
    assert cli("--data", store_path, "import", "creator", _workbook(tmp_path)).returncode == 0
    before = store_path.read_bytes()
    good = _workbook(tmp_path).read_bytes()
    truncated = tmp_path / "cut" / "AggregateAnalytics_Ana_cut.xlsx"
    truncated.parent.mkdir()
    truncated.write_bytes(good[: len(good) // 2])
    not_zip = tmp_path / "Content_2025.xlsx"
    not_zip.write_text("hello")
    for path in (truncated, not_zip, tmp_path / "missing.xlsx"):
        run = cli("--data", store_path, "import", "creator", path)
        assert run.returncode == 2, (path, run.stdout)
        assert "nothing was imported" in run.stderr
        assert store_path.read_bytes() == before
