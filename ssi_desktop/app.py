"""QApplication bootstrap: crash log, identity, theme, which store to open, the first run.

``--smoke`` opens the main window on the chosen store without any dialog, renders every tab
(and so every chart), closes it and exits 0; installers and CI use it to prove a build works.
It changes nothing: a missing store stays missing, settings go to a throw-away file.
"""

from __future__ import annotations

import importlib
import os
import sys
import tempfile
import traceback
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from .exit_codes import EXIT_STORE

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from .ui.settings import AppSettings
    from .ui.theme import ThemeController


def choose_store_path(data: str | None, last_store: Path | None) -> Path:
    """--data, else $SSI_DESKTOP_DATA, else the store used last time, else the default."""
    from .paths import ENV_DATA, resolve_store_path

    if data or os.environ.get(ENV_DATA) or last_store is None:
        return resolve_store_path(data)
    return last_store


def main(data: str | None = None, smoke: bool = False) -> int:
    from . import crash_log

    crash_log.install()
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from .paths import _set_identity
    from .ui.collector import collect_between_events
    from .ui.resources import app_icon
    from .ui.settings import AppSettings
    from .ui.theme import ThemeController

    _set_identity()
    if QApplication.instance() is None:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
        )
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    collect_between_events(app)
    app.setWindowIcon(app_icon())
    if smoke:
        with tempfile.TemporaryDirectory() as scratch:
            settings = AppSettings(Path(scratch) / "settings.ini")
            theme = ThemeController(app, settings.theme)
            return _smoke(app, choose_store_path(data, None), Path(scratch), settings, theme)

    from .ui.dialogs.store_opening import open_store
    from .ui.main_window import MainWindow
    from .ui.store_model import StoreModel

    settings = AppSettings()
    theme = ThemeController(app, settings.theme)
    path = choose_store_path(data, settings.last_store)
    store = open_store(path)
    if store is None:
        return EXIT_STORE
    first_run = not store.exists  # also right when recovery switched to another file
    model = StoreModel(store)
    choice = ""
    if first_run:  # only then is the first-run dialog (and the sample generator) loaded
        from .ui.dialogs.first_run import IMPORT, SAMPLE, FirstRunDialog, load_sample

        dialog = FirstRunDialog(store.path)
        dialog.exec()
        choice = dialog.choice
        if choice == SAMPLE:
            load_sample(model)
    window = MainWindow(model, settings, theme)
    window.show()
    if first_run and choice == IMPORT:
        from .ui.dialogs.import_dialog import run_linkedin_import

        QTimer.singleShot(0, lambda: run_linkedin_import(window.model, window))
    code = app.exec()
    if window.model is not None:
        window.model.store.close()
    return code


def _smoke(
    app: QApplication, path: Path, scratch: Path, settings: AppSettings, theme: ThemeController
) -> int:
    from .storage import Store, StoreError
    from .ui.main_window import MainWindow
    from .ui.store_model import StoreModel

    errors: list[BaseException] = []
    previous_hook = sys.excepthook

    def record(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        # Qt reports exceptions raised in slots and event handlers here, not to the caller.
        errors.append(error)
        traceback.print_exception(kind, error, tb)

    sys.excepthook = record
    try:
        try:
            # Read-only: a check of the installed app must never migrate, back up or lock
            # the user's store. A missing one opens as a new, unwritten store in the scratch
            # folder, so not even its folder or a lock file appears where it would be.
            if path.exists():
                store = Store.open(path, read_only=True)
            else:
                store = Store.open(scratch / path.name)
        except StoreError as exc:
            print(f"ssi-desktop: {exc}", file=sys.stderr)
            return EXIT_STORE
        window = MainWindow(StoreModel(store), settings, theme)
        window.show()
        app.processEvents()
        for index in range(window.tabs.count()):
            window.tabs.setCurrentIndex(index)
            app.processEvents()
            tab = window.tabs.widget(index)
            if tab is not None:
                tab.grab()
        window.grab()
        # The Creator import's reader (openpyxl) is loaded on demand: prove it was bundled.
        importlib.import_module("ssi_desktop.core.creator.workbook")
        window.close()
        app.processEvents()
        store.close()
    except Exception:
        traceback.print_exc()
        return 1
    finally:
        sys.excepthook = previous_hook
    if errors:
        return 1
    print(f"smoke ok: {window.tabs.count()} tabs rendered from {path}")
    return 0
