"""Python's cycle collector runs from the event loop, never in the middle of a paint.

With automatic collection on, a chart that only a reference cycle still held was deleted by
a collection that happened to start inside Qt's paint of that chart: a segfault in
``QPainter::restore`` in about one full test run in five (``ssi_desktop/ui/collector.py``).
"""

from __future__ import annotations

import gc
import subprocess
import sys
import weakref
from pathlib import Path

from ssi_desktop.ui.collector import INTERVAL_S, collect_between_events


class _Node:
    def __init__(self) -> None:
        self.me = self  # a cycle: only the collector frees it


def test_cycles_are_collected_from_the_event_loop(qtbot, qapp) -> None:
    collector = collect_between_events(qapp)
    assert collect_between_events(qapp) is collector  # one per application
    assert not gc.isenabled()
    assert collector.timer.isActive()
    probe = _Node()
    alive = weakref.ref(probe)
    del probe
    # Enough allocations to pass the threshold, none of which collect on their own.
    junk = [_Node() for _ in range(gc.get_threshold()[0] * 3)]
    del junk
    assert alive() is not None
    qtbot.waitUntil(lambda: alive() is None, timeout=int(INTERVAL_S * 1000 * 4))


def test_the_app_turns_automatic_collection_off(tmp_path: Path) -> None:
    code = (
        "import gc, sys\n"
        "from ssi_desktop import app\n"
        f"code = app.main(data={str(tmp_path / 'store.json')!r}, smoke=True)\n"
        "print('exit', code, 'automatic', gc.isenabled())\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    assert "exit 0 automatic False" in done.stdout, done.stderr
