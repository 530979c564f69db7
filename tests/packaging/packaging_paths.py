"""Where the repository's build files are, and the project's names, for the packaging tests."""

from __future__ import annotations

import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
BUILD_SCRIPTS = REPO / "build_scripts"
RESOURCES = REPO / "resources"
PROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
NAME = PROJECT["name"]
VERSION = PROJECT["version"]
