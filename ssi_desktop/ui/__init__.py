"""The Qt desktop app. Nothing here computes a score or writes the file itself: widgets call
``StoreModel`` (which calls the store) and read scores from it (which calls core scoring)."""

from __future__ import annotations

import sys


def _survive_pyside_6_12_0_emit() -> None:
    """Work around PySide6 6.12.0 dropping a reference to ``True`` on every ``Signal.emit()``.

    That release returns ``True`` from ``emit`` without a new reference. On Python 3.11 (where
    ``True`` is not yet immortal) every emit lowers its reference count by one, and after a few
    thousand emits (a charting session's mouse moves are enough) the interpreter aborts with
    "bool_dealloc: deallocating True or False". 6.11.3 is not affected. Until the project
    requires a fixed release, lift the count of both booleans far out of reach, which is what
    Python 3.12 does for them anyway.
    """
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    import PySide6

    if PySide6.__version__ != "6.12.0":
        return
    import ctypes

    for value in (True, False):
        ctypes.c_ssize_t.from_address(id(value)).value += 1 << 40


_survive_pyside_6_12_0_emit()
