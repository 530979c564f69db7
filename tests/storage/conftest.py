"""Real small filesystems for the failed-save tests (a full disk, a read-only folder)."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest


def _mount(args: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["mount", *args], capture_output=True, text=True, check=False)


class SmallFs:
    def __init__(self, path: Path) -> None:
        self.path = path

    def remount(self, mode: str) -> None:
        """``mode`` is "ro" or "rw"."""
        done = _mount(["-o", f"remount,{mode}", str(self.path)])
        assert done.returncode == 0, done.stderr


@pytest.fixture
def small_fs(tmp_path: Path) -> Iterator[SmallFs]:
    """A 64 KiB tmpfs: really fills up and really goes read-only (root ignores chmod)."""
    if shutil.which("mount") is None:
        pytest.skip("no mount command: cannot make a small filesystem")
    folder = tmp_path / "fs"
    folder.mkdir()
    done = _mount(["-t", "tmpfs", "-o", "size=64k", "tmpfs", str(folder)])
    if done.returncode != 0:
        pytest.skip(f"mounting a small tmpfs is not allowed here: {done.stderr.strip()}")
    try:
        yield SmallFs(folder)
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)
