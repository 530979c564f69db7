"""What the main window's menus do beyond the tabs: open or start another store, and open
the features built as their own modules (imports, backups, LinkedIn numbers, settings, goals,
calibration, help).

Kept apart from the window, which connects them; each feature's module is imported when its
menu item is first used, not for the first paint.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog

from .dialogs.store_opening import open_store
from .store_model import StoreModel

if TYPE_CHECKING:
    from .main_window import MainWindow


def _store_folder(window: MainWindow) -> Path:
    return window.model.store.path.parent


def new_store(window: MainWindow) -> None:
    from .dialogs.recovery import STORE_FILTER

    path, _ = QFileDialog.getSaveFileName(
        window,
        window.tr("New store"),
        str(_store_folder(window) / "ssi-desktop.json"),
        window.tr(STORE_FILTER),
    )
    if path:
        switch_store(window, Path(path))


def open_other_store(window: MainWindow) -> None:
    from .dialogs.recovery import STORE_FILTER

    path, _ = QFileDialog.getOpenFileName(
        window, window.tr("Open store"), str(_store_folder(window)), window.tr(STORE_FILTER)
    )
    if path:
        switch_store(window, Path(path))


def switch_store(window: MainWindow, path: Path) -> bool:
    """Open ``path`` (a missing file becomes a new empty store) and show it."""
    if path.expanduser().absolute() == window.model.store.path:
        return True
    if not window.guard.confirm():
        return False
    store = open_store(path, window)
    if store is None:
        return False
    window.set_model(StoreModel(store))
    return True


def import_linkedin(window: MainWindow) -> None:
    from .dialogs.import_dialog import run_linkedin_import

    run_linkedin_import(window.model, window)


def import_creator(window: MainWindow) -> None:
    from .dialogs.creator_import import run_creator_import

    run_creator_import(window.model, window)


def import_csv(window: MainWindow) -> None:
    from .dialogs.import_dialog import run_csv_import

    run_csv_import(window.model, window)


def export_csv(window: MainWindow) -> None:
    from .dialogs.import_dialog import run_csv_export

    run_csv_export(window.model, window)


def backups(window: MainWindow) -> None:
    from .dialogs.backups_dialog import BackupsDialog

    _run_dialog(BackupsDialog(window.model, window))


def show_totals(window: MainWindow) -> None:
    from .dialogs.totals_dialog import TotalsDialog

    _run_dialog(TotalsDialog(window.model, window))


def member_settings(window: MainWindow) -> None:
    from .dialogs.member_settings_dialog import MemberSettingsDialog

    _run_dialog(MemberSettingsDialog(window.model, window))


def goals(window: MainWindow) -> None:
    from .dialogs.goal_dialog import GoalDialog

    _run_dialog(GoalDialog(window.model, window))


def calibrate(window: MainWindow) -> None:
    from .dialogs.calibration_dialog import CalibrationDialog

    _run_dialog(CalibrationDialog(window.model, window))


def _run_dialog(dialog: QDialog) -> None:
    """Modal, then gone: a dialog left as the window's child would keep the model (and
    after a store swap, the old store) alive and listening."""
    try:
        dialog.exec()
    finally:
        dialog.deleteLater()


def show_user_guide(window: MainWindow) -> None:
    from .dialogs.help_dialog import user_guide_dialog

    dialog = user_guide_dialog(window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()


def show_scoring_help(window: MainWindow) -> None:
    from .dialogs.help_dialog import scoring_dialog

    dialog = scoring_dialog(window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
