"""``reading --paste FILE|-`` and the four-zeros rule through the real CLI in a subprocess."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from ssi_desktop.core.validation import today
from ssi_desktop.storage import Store
from tests.core.ssi_pages import ENGLISH, GERMAN, HALF, JUNK, PORTUGUESE, ZEROS


def cli(*args: str | Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ssi_desktop", *map(str, args)],
        capture_output=True,
        text=True,
        input=stdin,
        encoding="utf-8",
        timeout=60,
    )


@pytest.fixture
def existing(store_path: Path) -> Path:
    """A store holding one reading, so a refusal can be seen to leave its bytes alone."""
    run = cli("--data", store_path, "reading", "--date", "2025-01-01",
              "--brand", "1", "--find", "2", "--engage", "3", "--build", "4")  # fmt: skip
    assert run.returncode == 0, run.stderr
    return store_path


def _readings(store_path: Path) -> list[dict]:
    with Store.open(store_path, read_only=True) as store:
        return [
            {k: getattr(r, k) for k in ("total", "brand", "find", "engage", "build",
                                        "industry_rank", "network_rank", "industry_avg",
                                        "network_avg")} | {"day": r.day.isoformat()}
            for r in store.readings()
        ]  # fmt: skip


def test_paste_from_a_file_records_every_figure_and_prints_it(
    tmp_path: Path, existing: Path
) -> None:
    page = tmp_path / "ssi.txt"
    page.write_text(PORTUGUESE, encoding="utf-8")
    run = cli("--data", existing, "reading", "--paste", page, "--date", "2025-02-03")
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == (
        "2025-02-03: official SSI 53 (brand 20.998, find 6.4, engage 10.25, build 15); "
        "industry rank top 9%, network rank top 12%, industry average 34, network average 28.5"
    )
    assert _readings(existing)[-1] == {
        "day": "2025-02-03", "total": 53, "brand": 20.998, "find": 6.4, "engage": 10.25,
        "build": 15, "industry_rank": 9, "network_rank": 12, "industry_avg": 34,
        "network_avg": 28.5,
    }  # fmt: skip


def test_paste_from_standard_input_defaults_to_today(store_path: Path) -> None:
    run = cli("--data", store_path, "reading", "--paste", "-", stdin=ENGLISH)
    assert run.returncode == 0, run.stderr
    [reading] = _readings(store_path)
    assert reading["day"] == today().isoformat()
    assert (reading["total"], reading["brand"], reading["build"]) == (23, 12.275, 1.948)
    assert (reading["industry_rank"], reading["network_rank"]) == (65, 71)
    assert (reading["industry_avg"], reading["network_avg"]) == (31, 30)


def test_german_page_with_a_spaced_percent(store_path: Path) -> None:
    run = cli("--data", store_path, "reading", "--paste", "-", "--date", "2025-02-03",
              stdin=GERMAN)  # fmt: skip
    assert run.returncode == 0, run.stderr
    [reading] = _readings(store_path)
    assert (reading["total"], reading["industry_rank"], reading["network_rank"]) == (47, 12, 20)


@pytest.mark.parametrize(
    ("text", "says"),
    [
        (JUNK, "found no pillar values"),
        (HALF, "found 2 of the 4 pillar values (12.275, 6), the total 23, 2 ranks"),
        (ZEROS, "all four are 0"),
        ("", "found no pillar values"),
    ],
    ids=["junk", "half", "zeros", "empty"],
)
def test_refusals_exit_2_and_leave_the_bytes(existing: Path, text: str, says: str) -> None:
    before = existing.read_bytes()
    run = cli("--data", existing, "reading", "--paste", "-", stdin=text)
    assert run.returncode == 2
    assert says in run.stderr
    assert existing.read_bytes() == before


def test_a_missing_file_and_typed_figures_beside_paste_are_refused(
    tmp_path: Path, existing: Path
) -> None:
    before = existing.read_bytes()
    run = cli("--data", existing, "reading", "--paste", tmp_path / "nope.txt")
    assert run.returncode == 2 and "--paste: cannot read" in run.stderr
    run = cli("--data", existing, "reading", "--paste", "-", "--brand", "3", stdin=ENGLISH)
    assert run.returncode == 2 and "--brand: cannot be given with --paste" in run.stderr
    run = cli("--data", existing, "reading", "--brand", "3")
    assert run.returncode == 2 and "required (or give --paste)" in run.stderr
    assert existing.read_bytes() == before


def test_four_zeros_typed_or_from_csv_are_refused(tmp_path: Path, existing: Path) -> None:
    before = existing.read_bytes()
    run = cli("--data", existing, "reading", "--date", "2025-01-02",
              "--brand", "0", "--find", "0", "--engage", "0.0", "--build", "0")  # fmt: skip
    assert run.returncode == 2
    assert "brand, find, engage, build: all four are 0" in run.stderr
    csv = tmp_path / "readings.csv"
    csv.write_text("date,brand,find,engage,build\n2025-01-02,0,0,0,0\n")
    run = cli("--data", existing, "import", "csv", csv)
    assert run.returncode == 2
    assert "readings.csv row 2" in run.stderr and "all four are 0" in run.stderr
    assert existing.read_bytes() == before
