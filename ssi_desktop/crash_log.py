"""Nothing crashes silently (spec §7.9): errors go to a log file the user can send us.

:func:`install` (called first thing by the app) sends the ``ssi_desktop`` loggers to a
rotating log in the user's log folder, logs every uncaught exception (main thread and other
threads) and, when the desktop app is running, shows a dialog that says where the log is.
Python's own fatal errors (a crash inside Qt, a segfault) cannot run Python code, so
``faulthandler`` writes them to ``faults.log`` beside it; the next start moves that report
into the main log, so one file tells the whole story.
"""

from __future__ import annotations

import contextlib
import faulthandler
import logging
import os
import sys
import threading
from pathlib import Path
from types import TracebackType
from typing import IO

from .paths import log_dir

LOG_NAME = "ssi-desktop.log"
FAULT_NAME = "faults.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 3

logger = logging.getLogger("ssi_desktop")

#: Logs hold store paths and error details: owner-only, whatever the umask (spec §7.10).
FILE_MODE = 0o600
FOLDER_MODE = 0o700


def _private(path: Path) -> IO[str]:
    """Open ``path`` for appending, created owner-only (an existing file is made so too)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, FILE_MODE)
    with contextlib.suppress(OSError):
        os.chmod(path, FILE_MODE)
    return open(fd, "a", encoding="utf-8")


class _PrivateRotatingHandler(logging.FileHandler):
    """The log, owner-only: past ``max_bytes`` it moves to ``.1`` (``.1`` to ``.2`` …, the
    oldest of ``backup_count`` dropped) and a new 0600 file starts.

    ``logging.handlers.RotatingFileHandler`` does the same, but loading its module (sockets,
    queues) cost ≈ 4 ms of every start (benchmarks/: start).
    """

    def __init__(self, path: Path, max_bytes: int = MAX_BYTES, backup_count: int = BACKUP_COUNT):
        super().__init__(path, encoding="utf-8")
        self.max_bytes = max_bytes
        self.backup_count = backup_count

    def _open(self) -> IO[str]:  # type: ignore[override]
        return _private(Path(self.baseFilename))

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if self.stream is not None and self.stream.tell() >= self.max_bytes:
                self._rotate()
        except OSError:
            self.handleError(record)
        super().emit(record)

    def _rotate(self) -> None:
        if self.stream is not None:
            self.stream.close()
        self.stream = None  # reopened by the next emit
        base = self.baseFilename
        for i in range(self.backup_count - 1, 0, -1):
            if os.path.exists(f"{base}.{i}"):
                os.replace(f"{base}.{i}", f"{base}.{i + 1}")
        os.replace(base, f"{base}.1")


_log_path: Path | None = None
_fault_file: IO[str] | None = None
_showing_dialog = False


def install() -> Path:
    """Start logging and catching crashes; returns the log file. Calling it again is a no-op."""
    global _log_path, _fault_file
    if _log_path is not None:
        return _log_path
    folder = log_dir()
    missing = [p for p in (folder, *folder.parents) if not p.exists()]
    folder.mkdir(parents=True, exist_ok=True, mode=FOLDER_MODE)
    for created in missing:  # parents are made by the umask: the data folder is one of them
        with contextlib.suppress(OSError):
            os.chmod(created, FOLDER_MODE)
    path = folder / LOG_NAME
    handler = _PrivateRotatingHandler(path)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)

    faults = folder / FAULT_NAME
    if faults.exists() and faults.stat().st_size:
        report = faults.read_text(encoding="utf-8", errors="replace")
        logger.critical("The previous run stopped with a fatal error:\n%s", report.rstrip())
    _fault_file = _private(faults)
    _fault_file.truncate(0)
    faulthandler.enable(file=_fault_file, all_threads=True)

    previous_hook = sys.excepthook

    def excepthook(
        kind: type[BaseException], error: BaseException, trace: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            previous_hook(kind, error, trace)
            return
        logger.critical("Uncaught exception", exc_info=(kind, error, trace))
        previous_hook(kind, error, trace)
        _show_dialog(error, path)

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        logger.critical(
            "Uncaught exception in thread %s",
            args.thread.name if args.thread else "?",
            exc_info=args.exc_value,
        )

    sys.excepthook = excepthook
    threading.excepthook = thread_hook
    _log_path = path
    logger.info("SSI Desktop started; Python %s", sys.version.split()[0])
    return path


def _show_dialog(error: BaseException, path: Path) -> None:
    """Tell the user, if the desktop app is up; never from the command line."""
    global _showing_dialog
    widgets = sys.modules.get("PySide6.QtWidgets")
    if widgets is None or _showing_dialog:
        return
    app = widgets.QApplication.instance()
    if not isinstance(app, widgets.QApplication):
        return
    from PySide6.QtCore import QCoreApplication

    def tr(text: str) -> str:
        return QCoreApplication.translate("crash_log", text)

    _showing_dialog = True
    try:
        widgets.QMessageBox.critical(
            app.activeWindow(),
            tr("SSI Desktop — something went wrong"),
            tr(
                "An unexpected error happened: {error}\n\nWhat you had saved is safe. The "
                "details were written to:\n{path}\n\nPlease include that file if you report "
                "the problem."
            ).format(error=f"{type(error).__name__}: {error}", path=path),
        )
    except Exception:
        logger.exception("Could not show the error dialog")
    finally:
        _showing_dialog = False
