"""The main window's menu bar: File, Edit, View and Help, with their shortcuts and tips.

The window keeps the actions other code ticks or enables (``save_action``, the range and
theme groups …); what each item does lives in the window or in :mod:`.window_actions`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu

from . import window_actions as act
from .chart_ranges import RANGES
from .settings import THEME_CHOICES

if TYPE_CHECKING:
    from .main_window import MainWindow


def _action(
    window: MainWindow,
    menu: QMenu,
    text: str,
    slot: Callable[[], object],
    shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    tip: str = "",
) -> QAction:
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    if tip:
        action.setStatusTip(tip)
        action.setToolTip(tip)
    action.triggered.connect(lambda _checked=False: slot())
    menu.addAction(action)
    return action


def build_menus(window: MainWindow, tabs: Iterable[tuple[str, str]]) -> None:
    """The menu bar; ``tabs`` (key, title) get Ctrl+1, Ctrl+2 … in the View menu."""
    _file_menu(window)
    _edit_menu(window)
    _view_menu(window, tabs)
    _help_menu(window)


def _file_menu(w: MainWindow) -> None:
    file = w.menuBar().addMenu(w.tr("&File"))
    new, open_ = QKeySequence.StandardKey.New, QKeySequence.StandardKey.Open
    _action(w, file, w.tr("&New store…"), w.new_store, new, w.tr("Start a new, empty store file"))
    _action(
        w, file, w.tr("&Open store…"), w.open_other_store, open_, w.tr("Open another store file")
    )
    file.addSeparator()
    w.import_linkedin_action = _action(
        w,
        file,
        w.tr("&Import LinkedIn export…"),
        partial(act.import_linkedin, w),
        None,
        w.tr("Read the archive LinkedIn sends you"),
    )
    w.import_creator_action = _action(
        w,
        file,
        w.tr("Import Creator &Analytics…"),
        partial(act.import_creator, w),
        None,
        w.tr("Read the workbooks LinkedIn's Analytics → Export gives you"),
    )
    w.import_csv_action = _action(
        w,
        file,
        w.tr("Import &CSV…"),
        partial(act.import_csv, w),
        None,
        w.tr("Read daily counts from a CSV file"),
    )
    w.export_csv_action = _action(
        w,
        file,
        w.tr("&Export CSV…"),
        partial(act.export_csv, w),
        None,
        w.tr("Write your recorded days to a CSV file"),
    )
    file.addSeparator()
    w.backups_action = _action(
        w,
        file,
        w.tr("&Backups…"),
        partial(act.backups, w),
        None,
        w.tr("See and restore earlier copies of the store"),
    )
    file.addSeparator()
    _action(w, file, w.tr("&Quit"), w.close, QKeySequence.StandardKey.Quit)


def _edit_menu(w: MainWindow) -> None:
    edit = w.menuBar().addMenu(w.tr("&Edit"))
    w.undo_action = w.undo_group.createUndoAction(w, w.tr("&Undo"))
    w.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
    w.redo_action = w.undo_group.createRedoAction(w, w.tr("&Redo"))
    w.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    edit.addAction(w.undo_action)
    edit.addAction(w.redo_action)
    edit.addSeparator()
    w.save_action = _action(
        w,
        edit,
        w.tr("&Save day"),
        w.save_current,
        QKeySequence.StandardKey.Save,
        w.tr("Save the form of the current tab"),
    )
    _action(
        w,
        edit,
        w.tr("Record a &day…"),
        w.record_day,
        "Ctrl+D",
        w.tr("One form for every activity of the day, or a week's totals"),
    )
    _action(
        w,
        edit,
        w.tr("Record an official &reading"),
        w.record_reading,
        "Ctrl+R",
        w.tr("Type the four pillars LinkedIn shows on its SSI page"),
    )
    w.totals_action = _action(
        w,
        edit,
        w.tr("LinkedIn &numbers…"),
        w.show_totals,
        None,
        w.tr("Record the totals LinkedIn shows: connections, followers, profile viewers"),
    )
    edit.addSeparator()
    w.goals_action = _action(
        w, edit, w.tr("&Goals…"), partial(act.goals, w), None, w.tr("Set a target score and date")
    )
    w.calibrate_action = _action(
        w,
        edit,
        w.tr("&Calibrate model…"),
        partial(act.calibrate, w),
        None,
        w.tr("Fit the model to your official readings"),
    )
    edit.addSeparator()
    w.member_settings_action = _action(
        w,
        edit,
        w.tr("Se&ttings…"),
        partial(act.member_settings, w),
        QKeySequence.StandardKey.Preferences,
        w.tr("Warm start and Sales Navigator: what the estimate assumes about you"),
    )


def _view_menu(w: MainWindow, tabs: Iterable[tuple[str, str]]) -> None:
    view = w.menuBar().addMenu(w.tr("&View"))
    range_menu = view.addMenu(w.tr("&Range"))
    w.range_group = QActionGroup(w)
    w.range_actions = {}
    for chart_range in RANGES:
        days = chart_range.days
        action = _action(w, range_menu, chart_range.menu_text(), partial(w.set_range_days, days))
        action.setCheckable(True)
        action.setChecked(days == w.settings.range_days)
        w.range_group.addAction(action)
        w.range_actions[days] = action
    w.full_scale_action = _action(
        w,
        view,
        w.tr("&Full scale"),
        lambda: w.set_full_scale(w.full_scale_action.isChecked()),
        None,
        w.tr("Charts on the full 0–100 and 0–25 scales instead of fitted to the data"),
    )
    w.full_scale_action.setCheckable(True)
    w.full_scale_action.setChecked(w.settings.full_scale)
    theme_menu = view.addMenu(w.tr("&Theme"))
    w.theme_group = QActionGroup(w)
    w.theme_actions = {}
    for mode, text in THEME_CHOICES:
        action = _action(w, theme_menu, w.tr(text), partial(w.set_theme, mode))
        action.setCheckable(True)
        action.setChecked(mode == w.settings.theme)
        w.theme_group.addAction(action)
        w.theme_actions[mode] = action
    view.addSeparator()
    for number, (key, title) in enumerate(tabs, start=1):
        _action(w, view, w.tr(title), partial(w.show_tab, key), f"Ctrl+{number}")


def _help_menu(w: MainWindow) -> None:
    help_menu = w.menuBar().addMenu(w.tr("&Help"))
    _action(
        w,
        help_menu,
        w.tr("&User guide"),
        w.show_user_guide,
        QKeySequence.StandardKey.HelpContents,
        w.tr("How to record, read the charts and undo, in a few minutes"),
    )
    _action(w, help_menu, w.tr("How the score is &estimated"), w.show_scoring_help)
    _action(w, help_menu, w.tr("&About SSI Desktop"), w.show_about)
