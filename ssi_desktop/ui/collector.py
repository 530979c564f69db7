"""Python's cycle collector runs between events, never in the middle of one.

A window is a web of Python wrappers and Qt objects. Left to itself, Python's collector runs
at whatever allocation crosses its threshold, and can then delete a Qt object (a chart nobody
refers to any more, and everything it holds) while Qt is painting or laying it out; Qt then
crashes in C++ (seen in the test suite: a segfault in ``QPainter::restore`` while a chart was
painted, 1 run in 5, gone with automatic collection off). pyqtgraph's
:class:`~pyqtgraph.util.garbage_collector.GarbageCollector` turns automatic collection off and
collects on a timer instead, from the event loop, where no paint or layout is under way.
"""

from __future__ import annotations

from pyqtgraph.util.garbage_collector import GarbageCollector
from PySide6.QtCore import QObject

#: Seconds between checks; a collection runs only when enough objects were allocated since.
INTERVAL_S = 1.0


def collect_between_events(owner: QObject) -> GarbageCollector:
    """Start collecting from the event loop; the collector lives as long as ``owner``."""
    collector: GarbageCollector | None = getattr(owner, "_ssi_collector", None)
    if collector is None:
        collector = GarbageCollector(interval=INTERVAL_S)
        collector.timer.setParent(owner)
        owner._ssi_collector = collector  # type: ignore[attr-defined]
    return collector
