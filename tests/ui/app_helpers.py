"""Helpers for the desktop app's tests: open the real window on a real store, type like a user."""

from __future__ import annotations

import contextlib
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractSpinBox, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from ssi_desktop.storage import Store
from ssi_desktop.ui.main_window import MainWindow
from ssi_desktop.ui.settings import AppSettings
from ssi_desktop.ui.store_model import StoreModel


def open_window(qtbot: QtBot, path: Path) -> MainWindow:
    window = MainWindow(StoreModel(Store.open(path)), AppSettings())
    # A test may end with typed, unsaved values on purpose; closing would then ask (and wait
    # for an answer no one gives): drop them first, as Discard would.
    qtbot.addWidget(window, before_close_func=discard_unsaved)
    window.show()
    window.activateWindow()
    qtbot.waitActive(window)
    return window


def discard_unsaved(window: MainWindow) -> None:
    for _key, form in window.guard.dirty():
        form.reload()


def reopen(path: Path) -> Store:
    """The file as a fresh process would read it."""
    return Store.open(path)


def type_into(qtbot: QtBot, widget: QAbstractSpinBox | QLineEdit, text: str) -> None:
    """Select what the field holds and type ``text`` over it, key by key."""
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClicks(widget, text)


def click_and_wait(qtbot: QtBot, button: QPushButton, model: StoreModel) -> None:
    with qtbot.waitSignal(model.changed, timeout=5000):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


@contextlib.contextmanager
def unwritable(folder: Path) -> Iterator[None]:
    """Make ``folder`` refuse new files for real: 0500 for a normal user; as root (who ignores
    permissions) the immutable attribute. Skips where neither works."""
    if os.geteuid() != 0:
        folder.chmod(0o500)
        undo = ["chmod", "700", str(folder)]
    else:
        done = subprocess.run(["chattr", "+i", str(folder)], capture_output=True, check=False)
        if done.returncode != 0:
            pytest.skip("cannot make a folder unwritable here (no chattr)")
        undo = ["chattr", "-i", str(folder)]
    try:
        probe = folder / ".probe"
        try:
            probe.touch()
        except OSError:
            pass
        else:
            probe.unlink()
            pytest.skip("the folder stayed writable")
        yield
    finally:
        subprocess.run(undo, check=True)
