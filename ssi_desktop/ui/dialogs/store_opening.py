"""Opening a store from the window: a file that cannot be used goes to the recovery dialog."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from ...storage import Store, StoreError


def open_store(path: Path, parent: QWidget | None = None) -> Store | None:
    """The store at ``path``, or None when the user could not or chose not to open it."""
    try:
        return Store.open(path)
    except StoreError:
        # The recovery dialog loads only when it is needed: not on every start.
        from .recovery import open_store_interactively

        return open_store_interactively(path, parent)
