"""Hostile LinkedIn archives are refused with a message naming the file, quickly and in
little memory (issue 16, case 8). The multi-gigabyte cases are in ``benchmarks/hostile.py``
(time and peak memory of each, in its own process); these are the small ones, built here."""

from __future__ import annotations

import os
import struct
import subprocess
import sys
import warnings
import zipfile
from pathlib import Path

import pytest

from benchmarks import hostile_archives as hostile
from ssi_desktop.core.linkedin import NotAnExport, read_export
from ssi_desktop.core.linkedin.archive import MAX_LINE, MAX_MEMBER_BYTES, MAX_MEMBERS
from tests.core.export_builder import shares_csv, write_folder, write_zip

SHARES = shares_csv(["2024-01-02 10:00:00"])


def cli_import(path: Path, store: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ssi_desktop", "--data", str(store), "import", "linkedin",
         str(path)],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip


def test_two_members_of_one_name_are_refused(tmp_path: Path, store_path: Path) -> None:
    path = tmp_path / "export.zip"
    with zipfile.ZipFile(path, "w") as archive, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns of the duplicate we mean to write
        archive.writestr("Shares.csv", SHARES)
        archive.writestr("Shares.csv", shares_csv(["2024-01-03 10:00:00"] * 5))
    done = cli_import(path, store_path)
    assert done.returncode == 2, done.stderr
    assert "holds Shares.csv twice under the same name" in done.stderr
    assert not store_path.exists()


def test_more_members_than_any_export_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "export.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("Shares.csv", SHARES)
        for number in range(MAX_MEMBERS):
            archive.writestr(f"Articles/Articles/a{number}.html", b"")
    with pytest.raises(NotAnExport, match=f"holds {MAX_MEMBERS + 1:,} files"):
        read_export(path)


def test_a_member_that_inflates_past_the_limit_is_refused_unread(tmp_path: Path) -> None:
    """The central directory says what a member inflates to; zipfile never reads past it."""
    path = write_zip(tmp_path / "export.zip", {"Shares.csv": SHARES})
    raw = bytearray(path.read_bytes())
    central = raw.index(b"PK\x01\x02")
    struct.pack_into("<I", raw, central + 24, MAX_MEMBER_BYTES + 1)
    path.write_bytes(bytes(raw))
    with pytest.raises(NotAnExport, match=r"Shares\.csv in .* is 512 MB, more than any"):
        read_export(path)


def test_a_line_longer_than_any_export_line_is_refused_naming_the_file(tmp_path: Path) -> None:
    # One line of tiny fields: a few KB zipped, millions of cells if it were parsed.
    line = "," * (MAX_LINE + 10) + "\n"
    path = write_zip(tmp_path / "export.zip", {"Shares.csv": SHARES + line, "Comments.csv": ""})
    assert path.stat().st_size < 64 * 1024
    result = read_export(path)
    shares = next(f for f in result.files if f.name == "Shares.csv")
    assert shares.error is not None and f"longer than {MAX_LINE:,} bytes" in shares.error
    assert any("Shares.csv: NOT READ" in line for line in result.lines())


@pytest.mark.skipif(os.name != "posix", reason="FIFOs and /dev/zero are POSIX")
@pytest.mark.parametrize("kind", ["fifo", "dev-zero", "dangling"])
def test_an_unpacked_folder_with_a_file_that_is_not_a_file(
    tmp_path: Path, store_path: Path, kind: str
) -> None:
    folder = write_folder(tmp_path / "export", {"Shares.csv": SHARES})
    odd = folder / "Connections.csv"
    if kind == "fifo":
        os.mkfifo(odd)
    elif kind == "dev-zero":
        odd.symlink_to("/dev/zero")
    else:
        odd.symlink_to(folder / "gone.csv")
    done = cli_import(folder, store_path)  # the 60 s timeout fails the test if it hangs
    assert done.returncode == 2, done.stderr
    assert "Connections.csv in" in done.stderr and "is not a regular file" in done.stderr
    assert not store_path.exists()


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix", reason="peak memory from resource, FIFOs")
@pytest.mark.parametrize("label", list(hostile.CASES), ids=list(hostile.CASES))
def test_each_hostile_archive_of_the_issue_in_a_minute_and_300_mb(label: str) -> None:
    """The multi-gigabyte archives themselves, each read in its own process."""
    figures = hostile.run_case(hostile.CASES[label])
    assert 0 <= float(figures["seconds"]) < hostile.MAX_SECONDS, figures  # type: ignore[arg-type]
    assert 0 <= float(figures["mb"]) < hostile.MAX_MB, figures  # type: ignore[arg-type]
    outcome = str(figures["outcome"])
    assert "Shares.csv" in outcome or "Connections.csv" in outcome, outcome
