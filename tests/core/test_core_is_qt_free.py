"""style.md example 1: the core must import, and score, with Qt unavailable."""

from __future__ import annotations

import subprocess
import sys

BLOCK_QT = """
import importlib.abc, sys
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name.split('.')[0] in {'PySide6', 'shiboken6', 'pyqtgraph', 'PyQt5', 'PyQt6'}:
            raise ImportError('Qt is blocked in this test: ' + name)
sys.meta_path.insert(0, Block())
import pkgutil, importlib
import ssi_desktop.core as core
for info in pkgutil.walk_packages(core.__path__, 'ssi_desktop.core.'):
    importlib.import_module(info.name)
from ssi_desktop.core.scoring import score
from ssi_desktop.core.records import ActivityEntry
print(score([ActivityEntry.create('2026-03-02', {'engage.comments': 3})]).rows()[0].total)
assert not any(m.split('.')[0] in {'PySide6', 'pyqtgraph'} for m in sys.modules)
"""


def test_core_imports_and_scores_without_qt() -> None:
    result = subprocess.run([sys.executable, "-c", BLOCK_QT], capture_output=True, text=True,
                            timeout=120)  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert float(result.stdout.strip()) > 0
