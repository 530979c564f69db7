"""The packaged app (``make package`` → ``dist/``) against the same app run from source.

Both sides run ``--data <store> --smoke`` (open the main window, render every tab, exit) and
are timed from spawn to exit. Without a build the rows say so.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from .data import scratch_copy
from .results import Row, missing
from .startup import REPO, isolated_env
from .timing import interleaved, median

DIST = REPO / "dist"
FOLDER = DIST / "ssi-desktop"
START = "packaged app start (--smoke, spawn to exit)"
START_TARGET = "≤ 1.1 × floor (from source)"
MAX_RATIO = 1.1
FOLDER_SIZE = "packaged folder size"
FOLDER_MAX_MB = 170.0
DEB_SIZE = ".deb size"
DEB_MAX_MB = 50.0
MB = 1024 * 1024


def folder_bytes(folder: Path) -> int:
    total = 0
    for root, _dirs, files in os.walk(folder):
        for name in files:
            total += os.lstat(os.path.join(root, name)).st_size
    return total


def _smoke(command: list[str], env: dict[str, str]) -> float:
    begin = time.monotonic()
    done = subprocess.run(command, cwd=REPO, env=env, capture_output=True, timeout=120)
    if done.returncode != 0:
        raise RuntimeError(
            f"{command[0]} --smoke exited {done.returncode}: "
            f"{done.stderr.decode(errors='replace').strip()[-300:]}"
        )
    return time.monotonic() - begin


def measure(store: Path, repeats: int, home: Path, dist: Path = DIST) -> list[Row]:
    folder = dist / "ssi-desktop"
    executable = folder / "ssi-desktop"
    rows: list[Row] = []
    if not executable.exists():
        rows.append(missing(START, START_TARGET, "no build present"))
    else:
        env = isolated_env(home)
        args = ["--data", str(scratch_copy(store, "packaged.json")), "--smoke"]
        packaged = [str(executable), *args]
        source = [sys.executable, "-m", "ssi_desktop", *args]
        try:
            _smoke(packaged, env)  # warm the disk cache for both
            _smoke(source, env)
            built, floor = interleaved(
                repeats, lambda: _smoke(packaged, env), lambda: _smoke(source, env)
            )
        except (RuntimeError, subprocess.TimeoutExpired) as exc:
            rows.append(missing(START, START_TARGET, f"not measured: {exc}"))
        else:
            value, floor_ms = median(built) * 1000, median(floor) * 1000
            rows.append(
                Row(
                    START,
                    value,
                    "ms",
                    START_TARGET,
                    floor=floor_ms,
                    met=value <= MAX_RATIO * floor_ms,
                )
            )
    if folder.is_dir():
        size = folder_bytes(folder) / MB
        rows.append(
            Row(FOLDER_SIZE, size, "MB", f"≤ {FOLDER_MAX_MB:g} MB", met=size <= FOLDER_MAX_MB)
        )
    else:
        rows.append(missing(FOLDER_SIZE, f"≤ {FOLDER_MAX_MB:g} MB", "no build present"))
    debs = sorted(dist.glob("*.deb"), key=lambda p: p.stat().st_mtime)
    if debs:
        size = debs[-1].stat().st_size / MB
        rows.append(
            Row(
                f"{DEB_SIZE} ({debs[-1].name})",
                size,
                "MB",
                f"≤ {DEB_MAX_MB:g} MB",
                met=size <= DEB_MAX_MB,
            )
        )
    else:
        rows.append(missing(DEB_SIZE, f"≤ {DEB_MAX_MB:g} MB", "no .deb present"))
    return rows
