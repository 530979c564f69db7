"""Run in a fresh process: show a window, report when its first chart is on screen.

``python -m benchmarks.drive_window app <store>`` opens the real app on ``<store>``;
``python -m benchmarks.drive_window bare <points.npy>`` opens the floor: a bare PySide6 +
pyqtgraph window plotting the same series in a tab widget. Both print one JSON line:
``painted`` (``time.monotonic()`` just after the first chart view finished painting: the
parent subtracts its own clock reading from just before it spawned this process, which on
Linux is the same clock), ``cpu`` (the process's CPU seconds by then: steadier than the clock
on a busy machine) and ``maxrss_mb`` (the process's peak resident memory).

Both sides are measured by the same code, so only what they show differs. Nothing here
imports pyqtgraph or the app before the side being measured asks for it.
"""

from __future__ import annotations

import json
import resource
import sys
import time

STARTED = time.monotonic()

from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: E402
from PySide6.QtGui import QPaintEvent  # noqa: E402
from PySide6.QtWidgets import QApplication, QGraphicsView  # noqa: E402

#: Give up (and report failure) if no chart has painted by then.
TIMEOUT_MS = 30_000


class FirstChartPaint(QObject):
    """Quits the event loop once a chart view has painted, after that paint completes."""

    def __init__(self, app: QApplication) -> None:
        super().__init__()
        self.app = app
        self.painted: float | None = None
        self.cpu = 0.0
        self._armed = True

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        # isinstance, not ``event.type() == QEvent.Type.Paint``: that makes a Python enum of
        # every event, ≈ 1 µs each, and the app's window sees thousands of events before its
        # first paint where the floor's sees hundreds; the watcher must weigh alike on both.
        if self._armed and isinstance(event, QPaintEvent):
            view = obj.parent()
            if isinstance(view, QGraphicsView) and view.isVisible():
                self._armed = False
                # Zero-delay timer: runs once this paint (and the rest of the flush) is done.
                QTimer.singleShot(0, self._done)
        return False

    def _done(self) -> None:
        self.painted = time.monotonic()
        self.cpu = time.process_time()
        self.app.quit()


def _bare_window(points_path: str) -> object:
    """The floor: the least a window showing those series in a tab can do."""
    import numpy as np
    import pyqtgraph as pg
    from PySide6.QtWidgets import QMainWindow, QTabWidget

    series = np.load(points_path)  # row 0: x (epoch seconds), rows 1..: the series
    window = QMainWindow()
    tabs = QTabWidget()
    plot = pg.PlotWidget(axisItems={"bottom": pg.DateAxisItem()})
    for i, values in enumerate(series[1:]):
        plot.plot(series[0], values, pen=pg.intColor(i))
    tabs.addTab(plot, "History")
    window.setCentralWidget(tabs)
    window.resize(1100, 760)
    window.show()
    return window


def main(argv: list[str]) -> int:
    side, target = argv[0], argv[1]
    app = QApplication.instance() or QApplication(sys.argv[:1])
    watcher = FirstChartPaint(app)
    app.installEventFilter(watcher)
    QTimer.singleShot(TIMEOUT_MS, app.quit)
    if side == "bare":
        window = _bare_window(target)  # noqa: F841 (kept alive while the loop runs)
        app.exec()
    else:
        # The way the ``ssi-desktop`` command starts it: the command line, then the app.
        from ssi_desktop.entry import main as entry_main

        entry_main(["--data", target])
    if watcher.painted is None:
        print(json.dumps({"error": "no chart painted"}))
        return 1
    maxrss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    report = {"started": STARTED, "painted": watcher.painted, "cpu": watcher.cpu,
              "maxrss_mb": maxrss_kb / 1024}  # fmt: skip
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
