"""Opening a store from the window: a file that cannot be used goes to the recovery dialog."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from ..storage import Store, StoreError


def module_available(name: str) -> bool:
    """True when ``ssi_desktop.ui.<name>`` is installed (features built as separate modules)."""
    return importlib.util.find_spec(f"ssi_desktop.ui.{name}") is not None


def open_store(path: Path, parent: QWidget | None = None) -> Store | None:
    """The store at ``path``, or None when the user could not or chose not to open it."""
    try:
        return Store.open(path)
    except StoreError as exc:
        if module_available("recovery"):
            from .recovery import open_store_interactively

            return open_store_interactively(path, parent)
        QMessageBox.critical(
            parent, QCoreApplication.translate("StoreOpening", "Cannot open the store"), str(exc)
        )
        return None
