"""The Qt binding must survive a long session: PySide6 6.12.0 aborted after a few thousand
signal emits or void calls (it dropped references to True and None), so pyproject excludes it.
This runs a long session's worth of calls in a child process and checks it lives."""

from __future__ import annotations

import os
import subprocess
import sys

LONG_SESSION = """
import sys
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
class Source(QObject):
    changed = Signal()
source, label = Source(), QLabel()
before = sys.getrefcount(None), sys.getrefcount(True)
for _ in range(20000):
    label.setText("x")
    source.changed.emit()
app.processEvents()
drift = sys.getrefcount(None) - before[0], sys.getrefcount(True) - before[1]
print(max(abs(d) for d in drift))
"""


def test_twenty_thousand_calls_leave_reference_counts_alone() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", LONG_SESSION], capture_output=True,
                            text=True, env=env, timeout=120)  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    assert int(result.stdout.strip()) < 100
