"""``import linkedin``, ``import csv`` and ``export csv`` through the real CLI."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.core import export_builder as xb
from tests.core.linkedin_sample import ZIP_NAME, files


def cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ssi_desktop", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_dry_run_reports_and_writes_nothing(tmp_path: Path, store_path: Path) -> None:
    archive = xb.write_zip(tmp_path / ZIP_NAME, files())
    run = cli("import", "linkedin", archive, "--dry-run", "--data", store_path)
    assert run.returncode == 0, run.stderr
    assert "Reactions_12345.csv: 6 rows read, 3 used" in run.stdout
    assert "build.requests_sent: 2 days, 3 in all" in run.stdout
    assert (
        "Dry run: 16 days would change, 1 profile checklist snapshot, 3 network snapshots."
        in run.stdout
    )
    assert not store_path.exists()


def test_import_then_again_counts_once(tmp_path: Path, store_path: Path) -> None:
    archive = xb.write_zip(tmp_path / ZIP_NAME, files())
    first = cli("--data", store_path, "import", "linkedin", archive)
    assert first.returncode == 0, first.stderr
    assert (
        "Imported: 16 days set, 0 cleared, 1 profile checklist snapshot, 3 network snapshots."
        in first.stdout
    )
    scores = cli("--data", store_path, "score", "--format", "json").stdout
    again = cli("--data", store_path, "import", "linkedin", archive)
    assert again.returncode == 0
    assert "Nothing to change: the store already holds this export." in again.stdout
    assert cli("--data", store_path, "score", "--format", "json").stdout == scores


def test_not_an_export_exits_2_with_a_clear_message(tmp_path: Path, store_path: Path) -> None:
    other = xb.write_zip(tmp_path / "holiday.zip", {"beach.jpg": "x"})
    run = cli("--data", store_path, "import", "linkedin", other)
    assert run.returncode == 2
    assert "holds none of the files of a LinkedIn data export" in run.stderr
    assert not store_path.exists()


def test_damaged_archive_exits_2_and_leaves_the_store_as_it_was(
    tmp_path: Path, store_path: Path
) -> None:
    assert cli("--data", store_path, "add", "--date", "2025-01-01", "brand.posts=1").returncode == 0
    content = files()
    content["Shares.csv"] = xb.shares_csv([f"2025-06-{d:02d} 10:00:00" for d in range(1, 29)] * 300)
    archive = xb.write_zip(tmp_path / ZIP_NAME, content)
    xb.truncate_member(archive, "Shares.csv")
    before = store_path.read_bytes()
    run = cli("--data", store_path, "import", "linkedin", archive)
    assert run.returncode == 2
    assert "The archive is damaged (Shares.csv); nothing was imported." in run.stderr
    assert store_path.read_bytes() == before


def test_csv_round_trip_gives_the_same_scores(tmp_path: Path) -> None:
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    archive = xb.write_zip(tmp_path / ZIP_NAME, files())
    assert cli("--data", first, "import", "linkedin", archive).returncode == 0
    for args in (
        ("add", "--date", "2025-11-02", "find.searches=4", "--note", "=trip"),
        (
            "reading",
            "--date",
            "2025-12-01",
            "--brand",
            "12.5",
            "--find",
            "7",
            "--engage",
            "9",
            "--build",
            "11",
            "--network-rank",
            "3",
        ),
    ):
        run = cli("--data", first, *args)
        assert run.returncode == 0, run.stderr
    out = tmp_path / "out"
    run = cli("--data", first, "export", "csv", out)
    assert run.returncode == 0, run.stderr
    assert sorted(p.name for p in out.iterdir()) == [
        "activity.csv",
        "goal.csv",
        "notes.csv",
        "profile.csv",
        "readings.csv",
        "settings.csv",
        "totals.csv",
    ]
    assert "'=trip" in (out / "notes.csv").read_text()
    run = cli("--data", second, "import", "csv", out)
    assert run.returncode == 0, run.stderr
    score_a = json.loads(cli("--data", first, "score", "--format", "json").stdout)
    score_b = json.loads(cli("--data", second, "score", "--format", "json").stdout)
    assert score_a == score_b and score_a


def test_bad_csv_exits_2_naming_row_and_column(tmp_path: Path, store_path: Path) -> None:
    bad = tmp_path / "activity.csv"
    bad.write_text("date,engage.comments\n2025-01-01,2.5\n")
    run = cli("--data", store_path, "import", "csv", bad)
    assert run.returncode == 2
    assert (
        "activity.csv row 2, column engage.comments: must be a whole number, not 2.5" in run.stderr
    )
    assert not store_path.exists()
