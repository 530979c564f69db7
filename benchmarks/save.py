"""Saving one day's entry: durable on disk, scores recomputed, the chart on screen redrawn.

The figure goes through the app's own path (``StoreModel.push`` → ``PutDay`` →
``Store.set_activity``, one atomic write; ``changed`` → the history chart reloads
``StoreModel.scores()`` and replots) and stops when the chart's view has painted again. The
floor writes the same store's data the plainest durable way: stdlib ``json`` dump, write,
fsync, ``os.replace``.
"""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QEventLoop, QObject
from PySide6.QtWidgets import QApplication, QGraphicsView, QWidget

from ssi_desktop.core.catalogue import METRIC_KEYS
from ssi_desktop.core.changes import PutDay
from ssi_desktop.core.records import ActivityEntry
from ssi_desktop.core.validation import today
from ssi_desktop.storage import Store
from ssi_desktop.ui.store_model import StoreModel

from .data import scratch_copy
from .results import Row, missing
from .startup import REPO
from .timing import interleaved, median

FIGURE = "save one day's entry (durable, recomputed, chart redrawn)"
TARGET = "≤ 3 × floor and < 100 ms"
ABSOLUTE_MS = 100.0
MAX_RATIO = 3.0
#: The tab whose form saves the day in the figure (its chart must repaint).
SAVE_TAB = "engage"
#: A redraw that has not happened by then is reported, not waited for forever.
PAINT_TIMEOUT_S = 5.0


class ChartPaints(QObject):
    """Counts paint events of the chart views inside one widget."""

    def __init__(self, root: QWidget) -> None:
        super().__init__()
        self.root = root
        self.count = 0

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            view = obj.parent()
            if isinstance(view, QGraphicsView) and self.root.isAncestorOf(view):
                self.count += 1
        return False

    def wait_for_more_than(self, count: int) -> bool:
        deadline = time.perf_counter() + PAINT_TIMEOUT_S
        app = QApplication.instance()
        while self.count <= count:
            if time.perf_counter() > deadline:
                return False
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
        return True


def _write_plain(path: Path, data: Any) -> None:
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "wb") as handle:
        handle.write(raw)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)


def measure(store_path: Path, repeats: int, env: dict[str, str]) -> list[Row]:
    """Runs :func:`measure_here` in a fresh process: a crash there becomes the row's note."""
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.save", str(store_path), str(repeats)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        fatal = [line for line in done.stderr.splitlines() if "error" in line.lower()][-1:]
        why = fatal[0] if fatal else f"exit code {done.returncode}"
        return [missing(FIGURE, TARGET, f"not measured: the measuring process died ({why})")]
    return [Row(**row) for row in json.loads(lines[-1])]


def _view(model: StoreModel, scratch: Path) -> tuple[QWidget, str]:
    """The whole main window on the tab where a day is saved."""
    from ssi_desktop.ui.main_window import MainWindow
    from ssi_desktop.ui.settings import AppSettings

    window = MainWindow(model, AppSettings(scratch / "settings.ini"))
    window.resize(1100, 760)
    window.show_tab(SAVE_TAB)
    return window, f"the main window open on its {SAVE_TAB} tab"


def measure_here(store_path: Path, repeats: int) -> list[Row]:
    app = QApplication.instance() or QApplication([])
    path = scratch_copy(store_path, "save.json")
    floor_path = scratch_copy(store_path, "save-floor.json")
    floor_data = json.loads(floor_path.read_bytes())
    store = Store.open(path, create=False)
    model = StoreModel(store)
    view, shown = _view(model, path.parent)
    paints = ChartPaints(view)
    app.installEventFilter(paints)
    view.show()
    paints.wait_for_more_than(0)

    day = today()
    # Two different entries for today, saved in turn, so every save changes the file.
    versions = [
        ActivityEntry.create(day, {key: (i + n) % 4 for i, key in enumerate(METRIC_KEYS)})
        for n in (1, 2)
    ]
    turn = [0]
    redraw_missed = [0]
    cpu: dict[str, list[float]] = {"save": [], "plain": []}

    def save() -> float:
        entry = versions[turn[0] % 2]
        turn[0] += 1
        before = paints.count
        begin, cpu_begin = time.perf_counter(), time.process_time()
        model.push("Save today", PutDay(entry))
        model.scores()
        if not paints.wait_for_more_than(before):
            redraw_missed[0] += 1
        cpu["save"].append(time.process_time() - cpu_begin)
        return time.perf_counter() - begin

    def plain() -> float:
        begin, cpu_begin = time.perf_counter(), time.process_time()
        _write_plain(floor_path, floor_data)
        cpu["plain"].append(time.process_time() - cpu_begin)
        return time.perf_counter() - begin

    save()  # first save pays one-off costs (undo stack, first replot) outside the figure
    figure, floor = interleaved(repeats, save, plain)
    app.removeEventFilter(paints)
    view.close()
    store.close()
    value, floor_ms = median(figure) * 1000, median(floor) * 1000
    cpu_save, cpu_plain = median(cpu["save"][1:]) * 1000, median(cpu["plain"]) * 1000
    row = Row(
        FIGURE,
        value,
        "ms",
        TARGET,
        floor=floor_ms,
        met=value < ABSOLUTE_MS and value <= MAX_RATIO * floor_ms,
        note=f"measured with {shown}; CPU time per save {cpu_save:.1f} ms vs {cpu_plain:.1f} ms"
        + (f"; {redraw_missed[0]} redraws not seen" if redraw_missed[0] else ""),
    )
    return [row]


if __name__ == "__main__":
    rows = measure_here(Path(sys.argv[1]), int(sys.argv[2]))
    print(json.dumps([dataclasses.asdict(row) for row in rows]))
