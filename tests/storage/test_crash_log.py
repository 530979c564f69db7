"""Spec §7.9: an uncaught error is logged to the user's log folder and shown, never silent.

Each case runs in its own interpreter, as the app does, so the real hooks are installed.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

IN_THE_APP = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from ssi_desktop import crash_log

app = QApplication([])
QMessageBox.critical = staticmethod(
    lambda parent, title, text, *rest: print("DIALOG", title, "|", text, flush=True))
path = crash_log.install()
assert crash_log.install() == path

def broken_slot():
    raise RuntimeError("boom in a slot")

QTimer.singleShot(0, broken_slot)
QTimer.singleShot(100, app.quit)
app.exec()
print("STILL RUNNING", path, flush=True)
"""

ON_THE_COMMAND_LINE = """
from ssi_desktop import crash_log
crash_log.install()
raise ValueError("boom on the command line")
"""

SEGFAULT = """
import faulthandler
from ssi_desktop import crash_log
crash_log.install()
faulthandler._sigsegv()
"""


def _run(code: str, folder: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SSI_DESKTOP_DATA": str(folder / "store.json")}
    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )


def _log(folder: Path) -> str:
    return (folder / "logs" / "ssi-desktop.log").read_text(encoding="utf-8")


def test_an_error_in_the_app_is_logged_shown_and_survived(tmp_path: Path) -> None:
    done = _run(IN_THE_APP, tmp_path)
    log_file = tmp_path / "logs" / "ssi-desktop.log"
    assert "STILL RUNNING" in done.stdout, done.stderr
    assert "DIALOG SSI Desktop — something went wrong | An unexpected error" in done.stdout
    assert str(log_file) in done.stdout  # the dialog says where the log is
    log = _log(tmp_path)
    assert "Uncaught exception" in log and "RuntimeError: boom in a slot" in log
    assert "in broken_slot" in log  # the traceback, not just the message


def test_an_error_on_the_command_line_is_logged_without_a_dialog(tmp_path: Path) -> None:
    done = _run(ON_THE_COMMAND_LINE, tmp_path)
    assert done.returncode == 1
    assert "ValueError: boom on the command line" in done.stderr  # still on the terminal
    assert "ValueError: boom on the command line" in _log(tmp_path)
    assert "DIALOG" not in done.stdout


@pytest.mark.skipif(sys.platform == "win32", reason="SIGSEGV")
def test_a_hard_crash_reaches_the_log_on_the_next_start(tmp_path: Path) -> None:
    crashed = _run(SEGFAULT, tmp_path)
    assert crashed.returncode != 0
    assert "Segmentation fault" in (tmp_path / "logs" / "faults.log").read_text()
    _run("from ssi_desktop import crash_log; crash_log.install()", tmp_path)
    log = _log(tmp_path)
    assert "The previous run stopped with a fatal error" in log
    assert "Fatal Python error: Segmentation fault" in log
    assert (tmp_path / "logs" / "faults.log").read_text() == ""


ROTATING = """
import logging, sys
from ssi_desktop import crash_log
crash_log.install()
handler = next(h for h in crash_log.logger.handlers if h.baseFilename.endswith("ssi-desktop.log"))
handler.max_bytes = 2_000
for i in range(200):
    crash_log.logger.warning("line %03d %s", i, "x" * 60)
print("LAST", i)
"""


def test_the_log_rotates_keeping_three_owner_only_files(tmp_path: Path) -> None:
    done = _run(ROTATING, tmp_path)
    assert "LAST 199" in done.stdout, done.stderr
    logs = tmp_path / "logs"
    names = sorted(p.name for p in logs.iterdir() if p.name.startswith("ssi-desktop.log"))
    # The current file and three older ones; the oldest lines were dropped.
    assert names == [f"ssi-desktop.log{s}" for s in ("", ".1", ".2", ".3")]
    for path in logs.iterdir():
        if sys.platform != "win32":
            assert path.stat().st_mode & 0o777 == 0o600, path
    newest = _log(tmp_path)
    assert "line 199" in newest and "line 000" not in newest
    sizes = [(logs / n).stat().st_size for n in names[1:]]
    assert all(2_000 <= size < 2_200 for size in sizes), sizes
    # Nothing in between was lost: the rotated files and the current one hold the last lines.
    kept = "".join((logs / n).read_text() for n in reversed(names))
    numbers = [int(line.split("line ")[1][:3]) for line in kept.splitlines() if "line " in line]
    assert numbers == list(range(numbers[0], 200))
