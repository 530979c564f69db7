"""Hostile LinkedIn archives: time and peak memory of the import on each (issue 16, case 8).

Each archive is built here (in a temporary folder; the large ones take a few seconds to
compress) and read by ``read_export`` in its own process, which reports its wall time, its
peak resident memory and how the import ended. The promise: every case ends with a message
naming the file, in under a minute and 300 MB.

Run: ``python -m benchmarks.hostile_archives`` (exit 1 if any case breaks the promise).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import warnings
import zipfile
from collections.abc import Callable
from pathlib import Path

MAX_SECONDS = 60.0
MAX_MB = 300.0
GIB = 1024**3
HEADER = b"Date,ShareLink,ShareCommentary\n"

_CHILD = """
import json, resource, sys, time
start = time.perf_counter()
from ssi_desktop.core.linkedin import NotAnExport, read_export
try:
    result = read_export(sys.argv[1])
    outcome = "; ".join(line for f in result.files if f.error for line in f.lines())
    outcome = outcome or "read: " + ", ".join(f.name for f in result.files)
except NotAnExport as exc:
    outcome = f"refused: {exc}"
seconds = time.perf_counter() - start
# VmHWM is this program's own peak; ru_maxrss keeps the forking parent's (a test run that
# built a bundle before would be counted).
try:
    with open("/proc/self/status") as status:
        peak = next(int(l.split()[1]) for l in status if l.startswith("VmHWM:")) / 1024
except OSError:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": seconds, "mb": peak, "outcome": outcome}))
"""


def _stream_member(path: Path, name: str, head: bytes, filler: bytes, size: int) -> Path:
    """A zip whose ``name`` is ``head`` then ``filler`` repeated up to ``size`` bytes."""
    archive = zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1)
    with archive, archive.open(name, "w", force_zip64=True) as member:
        member.write(head)
        block = filler * (8 * 1024 * 1024 // len(filler))
        written = len(head)
        while written < size:
            piece = block[: size - written]
            member.write(piece)
            written += len(piece)
    return path


def long_line_of_tiny_fields(folder: Path) -> Path:
    """A few hundred KiB zipped: one line of 300 MB of commas (millions of empty cells)."""
    return _stream_member(folder / "long-line.zip", "Shares.csv", HEADER, b",", 300 * 1024**2)


def two_gib_without_a_newline(folder: Path) -> Path:
    return _stream_member(folder / "no-newline.zip", "Shares.csv", HEADER, b"a", 2 * GIB)


def one_and_a_half_gib_of_newlines(folder: Path) -> Path:
    return _stream_member(folder / "newlines.zip", "Shares.csv", HEADER, b"\n", 3 * GIB // 2)


def under_the_cap_without_a_newline(folder: Path) -> Path:
    return _stream_member(folder / "no-newline-500.zip", "Shares.csv", HEADER, b"a", 500 * 2**20)


def under_the_size_cap_of_newlines(folder: Path) -> Path:
    return _stream_member(folder / "newlines-500.zip", "Shares.csv", HEADER, b"\n", 500 * 2**20)


def two_members_of_one_name(folder: Path) -> Path:
    path = folder / "twice.zip"
    with zipfile.ZipFile(path, "w") as archive, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        archive.writestr("Shares.csv", HEADER + b"2024-01-02 10:00:00,x,y\n")
        archive.writestr("Shares.csv", HEADER + b"2024-01-03 10:00:00,x,y\n" * 5)
    return path


def folder_with_dev_zero(folder: Path) -> Path:
    path = folder / "export-dev-zero"
    path.mkdir()
    (path / "Shares.csv").symlink_to("/dev/zero")
    return path


def folder_with_a_fifo(folder: Path) -> Path:
    path = folder / "export-fifo"
    path.mkdir()
    (path / "Shares.csv").write_bytes(HEADER + b"2024-01-02 10:00:00,x,y\n")
    os.mkfifo(path / "Connections.csv")
    return path


CASES: dict[str, Callable[[Path], Path]] = {
    "one line of 300 MB of tiny fields": long_line_of_tiny_fields,
    "Shares.csv inflating to 2 GiB without a newline": two_gib_without_a_newline,
    "Shares.csv of 1.5 GiB of newlines": one_and_a_half_gib_of_newlines,
    "Shares.csv of 500 MiB without a newline (under the size cap)": under_the_cap_without_a_newline,
    "Shares.csv of 500 MiB of newlines (under the size cap)": under_the_size_cap_of_newlines,
    "two members named Shares.csv": two_members_of_one_name,
    "unpacked folder, Shares.csv linked to /dev/zero": folder_with_dev_zero,
    "unpacked folder, Connections.csv a FIFO": folder_with_a_fifo,
}


def run_case(build: Callable[[Path], Path]) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as folder:
        path = build(Path(folder))
        packed = path.stat().st_size if path.is_file() else 0
        done = subprocess.run(
            [sys.executable, "-c", _CHILD, str(path)],
            capture_output=True,
            text=True,
            timeout=MAX_SECONDS * 2,
            check=False,
        )
    if done.returncode != 0:
        return {"seconds": -1.0, "mb": -1.0, "outcome": f"CRASHED: {done.stderr[-300:]}"}
    figures: dict[str, object] = json.loads(done.stdout)
    figures["packed_kib"] = packed / 1024
    return figures


def main() -> int:
    broken = 0
    for label, build in CASES.items():
        figures = run_case(build)
        seconds, mb = float(figures["seconds"]), float(figures["mb"])  # type: ignore[arg-type]
        ok = 0 <= seconds < MAX_SECONDS and 0 <= mb < MAX_MB
        broken += not ok
        packed = float(figures.get("packed_kib", 0))  # type: ignore[arg-type]
        size = f" ({packed:,.0f} KiB zipped)" if packed else ""
        print(f"{'ok ' if ok else 'BAD'} {label}{size}: {seconds:.2f} s, {mb:.0f} MB peak")
        print(f"      {figures['outcome']}")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
