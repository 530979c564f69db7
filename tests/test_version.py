"""One version everywhere: the package, pyproject.toml (the installers read it) and --version."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import ssi_desktop

PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"


def test_package_version_is_pyprojects() -> None:
    project = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]
    assert ssi_desktop.__version__ == project["version"]


def test_version_flag_prints_it() -> None:
    done = subprocess.run([sys.executable, "-m", "ssi_desktop", "--version"], capture_output=True,
                          text=True, timeout=60)  # fmt: skip
    assert done.stdout.strip() == f"ssi-desktop {ssi_desktop.__version__}"
