"""The Qt desktop app. Nothing here computes a score or writes the file itself: widgets call
``StoreModel`` (which calls the store) and read scores from it (which calls core scoring)."""

from __future__ import annotations

import sys


def _survive_pyside_6_12_0_refcounts() -> None:
    """Work around PySide6 6.12.0 losing references to ``None`` and ``True``.

    That release returns ``None`` from void methods (``setText``, ``processEvents``, …) and
    ``True`` from ``Signal.emit()`` without a new reference. On Python 3.11, where those
    objects are not yet immortal, every such call lowers their reference count by one, and
    after some thousands of calls (one busy minute of the app, or a test run) the interpreter
    aborts with "none_dealloc" or "bool_dealloc". 6.11.3 is not affected. Until the project
    requires a fixed release, lift their counts far out of reach, which is what Python 3.12
    does for them anyway.
    """
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    import PySide6

    if PySide6.__version__ != "6.12.0":
        return
    import ctypes

    for value in (None, True, False):
        ctypes.c_ssize_t.from_address(id(value)).value += 1 << 40


_survive_pyside_6_12_0_refcounts()
