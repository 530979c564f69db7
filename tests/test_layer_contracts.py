"""The import contracts of ``make lint`` (pyproject ``[tool.importlinter]``) really bite.

lint-imports runs in a subprocess on a copy of the package: as it is (every contract kept),
and with one Qt import slipped into core (the core contract broken, the exit code non-zero).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def _lint_copy(tmp_path: Path, inject: dict[str, str]) -> subprocess.CompletedProcess[str]:
    shutil.copytree(
        ROOT / "ssi_desktop", tmp_path / "ssi_desktop", ignore=shutil.ignore_patterns("__pycache__")
    )
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    for relative, line in inject.items():
        module = tmp_path / "ssi_desktop" / relative
        module.write_text(module.read_text() + f"\n{line}\n")
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_the_package_keeps_every_contract(tmp_path: Path) -> None:
    done = _lint_copy(tmp_path, {})
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 broken" in done.stdout


@pytest.mark.parametrize(
    ("module", "line", "contract"),
    [
        ("core/records.py", "from PySide6 import QtCore", "core is Qt-free"),
        ("core/csv_io.py", "from ..storage import Store", "core is Qt-free"),
        ("storage/store.py", "from ..ui import store_model", "storage imports no ui"),
        ("cli/records.py", "from .. import app", "the command line imports no ui or app"),
        ("app.py", "from .cli import common", "the app and ui import no command line"),
        ("ui/forms/profile_form.py", "from ..dialogs import goal_dialog", "ui: shell above"),
        ("ui/charts/small.py", "from ..tabs import dashboard", "ui: shell above"),
        ("ui/dialogs/goal_dialog.py", "from ..tabs import dashboard", "ui: shell above"),
        ("ui/tabs/pillar_tab.py", "from .. import main_window", "ui: shell above"),
    ],
)
def test_a_forbidden_import_breaks_its_contract(
    tmp_path: Path, module: str, line: str, contract: str
) -> None:
    done = _lint_copy(tmp_path, {module: line})
    assert done.returncode != 0
    broken = done.stdout.split("Broken contracts", 1)[-1]
    assert contract in broken, done.stdout
