"""Owner-only files whatever the umask, and stale locks whose PID now runs something else
(issue 16, cases 11 and 12); every case in a real process."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from ssi_desktop.storage import Store
from ssi_desktop.storage.lock import lock_path

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX modes and signals")

_HOLD = """
import os, sys, time
os.umask(0)
from ssi_desktop import crash_log
from ssi_desktop.core.records import ActivityEntry
from ssi_desktop.storage import Store
crash_log.install()
store = Store.open(sys.argv[1])
store.set_activity(ActivityEntry.create("2024-01-01", {"brand.posts": 1}))
print("ready", flush=True)
time.sleep(60)
"""


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _hold(path: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "SSI_DESKTOP_DATA": str(path)}
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLD, str(path)], stdout=subprocess.PIPE, text=True, env=env
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
    return holder


def test_store_lock_logs_and_folders_are_owner_only_with_umask_000(tmp_path: Path) -> None:
    path = tmp_path / "new" / "data" / "store.json"
    holder = _hold(path)
    try:
        for folder in (tmp_path / "new", path.parent, path.parent / "logs"):
            assert _mode(folder) == 0o700, folder
        for file in (path, lock_path(path), path.parent / "logs" / "ssi-desktop.log",
                     path.parent / "logs" / "faults.log"):  # fmt: skip
            assert _mode(file) == 0o600, file
    finally:
        holder.kill()
        holder.wait()


def test_a_stale_lock_whose_pid_runs_another_python_is_taken_over(tmp_path: Path) -> None:
    """The holder is killed; its PID in the lock file is then swapped for a live Python
    process that is not SSI Desktop (same program name, so Qt alone would wait forever)."""
    path = tmp_path / "store.json"
    holder = _hold(path)
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        lines = lock_path(path).read_text().split("\n")
        lines[0] = str(other.pid)
        lock_path(path).write_text("\n".join(lines))
        with Store.open(path) as store:
            assert len(store.activity()) == 1
    finally:
        other.kill()
        other.wait()


def test_a_live_holder_still_keeps_its_lock(tmp_path: Path) -> None:
    from ssi_desktop.storage import StoreError

    path = tmp_path / "store.json"
    holder = _hold(path)
    try:
        with pytest.raises(StoreError) as caught:
            Store.open(path)
        assert caught.value.kind == "locked"
    finally:
        holder.kill()
        holder.wait()
