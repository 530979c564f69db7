"""Start to first painted chart, and peak memory, of the app against a bare chart window.

Each run is a fresh process (``drive_window``); the clock starts in this process just before
the spawn, so interpreter start-up and every import count, on both sides alike.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from .data import scratch_copy
from .results import Row, missing
from .timing import interleaved, median

REPO = Path(__file__).resolve().parent.parent
START = "start to first painted main window with charts"
START_TARGET = "≤ 1.3 × floor"
MAX_START_RATIO = 1.3
MEMORY = "peak memory with the store open"
MEMORY_TARGET = "≤ floor + 60 MB"
MEMORY_MARGIN_MB = 60.0


def isolated_env(home: Path) -> dict[str, str]:
    """Headless, and with the app's settings and logs kept out of the user's own folders."""
    env = dict(os.environ)
    env.update(
        {
            "QT_QPA_PLATFORM": "offscreen",
            "HOME": str(home),
            "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_DATA_HOME": str(home / "data"),
            "XDG_CACHE_HOME": str(home / "cache"),
            "XDG_STATE_HOME": str(home / "state"),
            "QT_API": "pyside6",
            "PYQTGRAPH_QT_LIB": "PySide6",
        }
    )
    env.pop("SSI_DESKTOP_DATA", None)
    # Compiled bytecode, as a user has it (pip and PyInstaller install it compiled): with
    # PYTHONDONTWRITEBYTECODE set (a development shell may set it) every measured process
    # compiled the app's sources again, ≈ 40 ms of CPU the floor's libraries never pay.
    # The untimed first runs write the cache, outside the source tree.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(home / "pycache")
    return env


class DriveFailed(RuntimeError):
    pass


def drive(side: str, target: Path, env: dict[str, str]) -> dict[str, float]:
    """One fresh process; its ``seconds`` from spawn to the first chart painted."""
    begin = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.drive_window", side, str(target)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    lines = done.stdout.strip().splitlines()
    report = json.loads(lines[-1]) if lines else {}
    if "painted" not in report:
        why = report.get("error") or done.stderr.strip().splitlines()[-1:] or ["no output"]
        raise DriveFailed(f"{side}: {why}")
    if done.returncode != 0:
        # Measured, but the process then died (seen: a binding's refcount bug at exit).
        fatal = [line for line in done.stderr.splitlines() if "error" in line.lower()]
        report["died"] = fatal[-1] if fatal else f"exit code {done.returncode}"
    report["seconds"] = report["painted"] - begin
    return report


def measure(store: Path, points: Path, repeats: int, label: str, home: Path) -> list[Row]:
    env = isolated_env(home)
    # The app may write beside its store (lock, backups): it gets a copy, never the original.
    store = scratch_copy(store, "start.json")
    memory: dict[str, list[float]] = {"app": [], "bare": []}
    cpu: dict[str, list[float]] = {"app": [], "bare": []}
    inside: dict[str, list[float]] = {"app": [], "bare": []}
    deaths: set[str] = set()

    def run(side: str, target: Path) -> float:
        report = drive(side, target, env)
        memory[side].append(report["maxrss_mb"])
        cpu[side].append(report["cpu"])
        inside[side].append(report["painted"] - report["started"])
        if "died" in report:
            deaths.add(f"the {side} process died after painting: {report['died']}")
        return report["seconds"]

    try:
        # One untimed run of each first: the disk cache then holds both sides' libraries.
        drive("bare", points, env)
        drive("app", store, env)
        app, bare = interleaved(repeats, lambda: run("app", store), lambda: run("bare", points))
    except (DriveFailed, subprocess.TimeoutExpired) as exc:
        why = f"not measured: {exc}"
        return [missing(START, START_TARGET, why), missing(MEMORY, MEMORY_TARGET, why)]
    start, floor = median(app) * 1000, median(bare) * 1000
    rss, rss_floor = median(memory["app"]), median(memory["bare"])
    cpu_app, cpu_bare = median(cpu["app"]), median(cpu["bare"])
    in_app, in_bare = median(inside["app"]) * 1000, median(inside["bare"]) * 1000
    # CPU seconds move less than the clock when neighbours load the machine: a second view.
    note = "; ".join(
        [
            f"from the process's first line of Python: {in_app:.0f} vs {in_bare:.0f} ms "
            f"({in_app / in_bare:.2f} ×)",
            f"CPU time to first paint {cpu_app:.2f} s vs {cpu_bare:.2f} s "
            f"({cpu_app / cpu_bare:.2f} ×)",
            *sorted(deaths),
        ]
    )
    return [
        Row(
            START,
            start,
            "ms",
            START_TARGET,
            floor=floor,
            met=start <= MAX_START_RATIO * floor,
            note=note,
        ),
        Row(
            f"{MEMORY} ({label})",
            rss,
            "MB",
            MEMORY_TARGET,
            floor=rss_floor,
            met=rss <= rss_floor + MEMORY_MARGIN_MB,
        ),
    ]
