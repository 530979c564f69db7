"""Numbers, dates and notes that must be refused are (issue 16, case 9), through the real
command line, the CSV import and the store; decimal commas the user means are read."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from ssi_desktop.core.csv_io import CsvImportError, read_csv
from ssi_desktop.core.records import ActivityEntry
from ssi_desktop.storage import Store


def run(store: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ssi_desktop", "--data", str(store), *argv],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.fixture
def saved(store_path: Path) -> bytes:
    with Store.open(store_path) as store:
        store.set_activity(ActivityEntry.create("2024-01-01", {"brand.posts": 1}))
    return store_path.read_bytes()


READING = ["reading", "--date", "2024-01-02", "--find", "8", "--engage", "9", "--build", "12"]

REFUSED = [
    (["add", "--date", "2024-01-02", "engage.comments=1_0"], "engage.comments", "'1_0'"),
    (["add", "--date", "2024-01-02", "engage.comments=١٠"], "engage.comments", "'١٠'"),
    (["add", "--date", "2024-01-02", "engage.comments=+3"], "engage.comments", "'+3'"),
    (["add", "--date", "2024-01-02", "engage.comments=-0"], "engage.comments", "negative"),
    ([*READING, "--brand", "1,000"], "brand", "ambiguous"),
    ([*READING, "--brand", "1.000,5"], "brand", "not a number"),
    (["add", "--date", "20260302", "brand.posts=1"], "date", "YYYY-MM-DD"),
    (["add", "--date", "2026-W10-1", "brand.posts=1"], "date", "YYYY-MM-DD"),
    (["note", "--date", "2024-01-02", "--", "\u200b\u200d\u2060"], "text", "must not be empty"),
    (["note", "--date", "2024-01-02", "--", "red \x1b[31malert"], "text", "U+001B"),
    (["note", "--date", "2024-01-02", "--", "line\nbreak"], "text", "control characters"),
]


@pytest.mark.parametrize(
    ("argv", "field", "words"), REFUSED, ids=[" ".join(r[0][-2:]) for r in REFUSED]
)
def test_refused_with_the_field_named_and_nothing_written(
    store_path: Path, saved: bytes, argv: list[str], field: str, words: str
) -> None:
    done = run(store_path, *argv)
    assert done.returncode == 2, done.stderr
    assert f"{field}: " in done.stderr and words in done.stderr, done.stderr
    assert store_path.read_bytes() == saved


def test_a_decimal_comma_is_read_as_the_user_means(store_path: Path, saved: bytes) -> None:
    done = run(store_path, *READING, "--brand", "20,97")
    assert done.returncode == 0, done.stderr
    with Store.open(store_path) as store:
        assert store.readings()[0].brand == 20.97


def test_a_negative_zero_is_stored_and_exported_as_zero(store_path: Path, tmp_path: Path) -> None:
    done = run(store_path, "reading", "--date", "2024-01-02", "--brand", "-0", "--find", "8",
               "--engage", "9", "--build", "12")  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert b'"brand":0.0' in store_path.read_bytes() and b":-0" not in store_path.read_bytes()
    assert run(store_path, "export", "csv", str(tmp_path / "out")).returncode == 0
    assert "2024-01-02,29,0,8,9,12" in (tmp_path / "out" / "readings.csv").read_text()


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("date,brand.posts\n20240102,1\n", "'20240102' is not a date in the form YYYY-MM-DD"),
        ("date,brand.posts\n2024-01-02,1_0\n", "column brand.posts: '1_0' is not a number"),
        ("date,text\n2024-01-02,\u200b\n", "column text: must not be empty"),
    ],
)
def test_csv_import_uses_the_same_rules(tmp_path: Path, text: str, words: str) -> None:
    path = tmp_path / "in.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CsvImportError) as caught:
        read_csv(path)
    assert words in str(caught.value)
