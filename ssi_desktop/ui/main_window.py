"""The main window: composes the tabs, the menus and the status bar; the tabs do the work.

Each tab gets only the StoreModel. Opening another store builds a new model and new tabs, so
nothing can hold on to the old store. Features built as their own modules (import, backups,
goals, calibration) are imported when their menu item is used.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QUndoGroup
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QTabWidget,
    QWidget,
)

from .. import APP_NAME
from ..core.catalogue import PILLARS
from ..storage import Store
from .chart_ranges import RANGES
from .dashboard import Dashboard
from .data_entry import forms_of, record_day, record_reading
from .deferred_tab import BuiltOnAccess, DeferredTab
from .formatting import PILLAR_NAMES
from .help_dialog import scoring_dialog, show_about, user_guide_dialog
from .palette import is_dark, pillar_color
from .recovery import STORE_FILTER
from .settings import THEME_CHOICES, AppSettings
from .store_model import StoreModel
from .store_opening import open_store
from .theme import ThemeController
from .unsaved import UnsavedGuard
from .widgets import colour_dot, error_colour

#: The tabs in order: (key, title). Ctrl+1 … Ctrl+7 follow this order.
TABS: tuple[tuple[str, str], ...] = (
    ("dashboard", "Dashboard"),
    *((p, PILLAR_NAMES[p]) for p in PILLARS),
    ("readings", "Readings"),
    ("history", "History"),
)


if TYPE_CHECKING:
    from .day_dialog import DayDialog
    from .history_tab import HistoryTab
    from .pillar_tab import PillarTab
    from .readings_tab import ReadingsTab


# The tabs' modules load with the tabs themselves: not needed for the first paint.
def _pillar_tab(model: StoreModel, pillar: str) -> PillarTab:
    from .pillar_tab import PillarTab

    return PillarTab(model, pillar)


def _readings_tab(model: StoreModel) -> ReadingsTab:
    from .readings_tab import ReadingsTab

    return ReadingsTab(model)


def _load_sample(model: StoreModel) -> None:
    from .first_run import load_sample

    load_sample(model)


class MainWindow(QMainWindow):
    def __init__(
        self,
        model: StoreModel,
        settings: AppSettings,
        theme: ThemeController | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.theme = theme
        self._model: StoreModel | None = None
        self.undo_group = QUndoGroup(self)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.setUsesScrollButtons(False)
        self.setCentralWidget(self.tabs)
        self.status = QLabel(self)
        self.status.setAccessibleName(self.tr("Save status"))
        self.statusBar().addPermanentWidget(self.status)
        self.guard = UnsavedGuard(self, self.tabs, self.status)
        self.day_dialog: DayDialog | None = None
        self._tab_index = -1
        self._build_menus()
        self.set_model(model)
        # Connected before the last tab is restored, so Save day follows that tab too.
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self._restore_window()

    # -- tabs ------------------------------------------------------------------------------

    @property
    def model(self) -> StoreModel:
        """The model of the store shown (the constructor sets it: never missing after)."""
        assert self._model is not None
        return self._model

    def set_model(self, model: StoreModel) -> None:
        """Show ``model``'s store: new tabs, the same tab as before, the old store closed."""
        old = self._model
        current = self.tab_key(self.tabs.currentIndex()) if old else ""
        self.tabs.blockSignals(True)
        while self.tabs.count():
            widget = self.tabs.widget(0)
            self.tabs.removeTab(0)
            if widget is not None:
                widget.deleteLater()
        self.tabs.blockSignals(False)
        if old is not None:
            self.undo_group.removeStack(old.undo_stack)
            old.store.close()
            old.deleteLater()
        self._model = model
        model.setParent(self)
        self.undo_group.addStack(model.undo_stack)
        self.undo_group.setActiveStack(model.undo_stack)
        model.saved.connect(self._on_saved)
        model.save_failed.connect(self._on_save_failed)

        self.dashboard = Dashboard(model, self)
        # Every other tab is built when first shown or asked for: only the visible one is
        # needed for the first paint (deferred_tab).
        pillar_places = {p: DeferredTab(partial(_pillar_tab, model, p), self) for p in PILLARS}
        self.pillar_tabs = BuiltOnAccess(pillar_places)
        self._readings_place = DeferredTab(lambda: _readings_tab(model), self)
        self._history_place = DeferredTab(self._build_history, self)
        self._tab_keys = [key for key, _title in TABS]
        pages = {"dashboard": self.dashboard, **pillar_places, "readings": self._readings_place,
                 "history": self._history_place}  # fmt: skip
        for key, title in TABS:
            self.tabs.addTab(pages[key], self.tr(title))
        if self.day_dialog is not None:  # it belonged to the old store
            self.day_dialog.deleteLater()
            self.day_dialog = None
        self.guard.reset(self._tab_keys, {key: self.tr(title) for key, title in TABS})
        for key, page in pages.items():
            if isinstance(page, DeferredTab):
                page.built.connect(partial(self._watch_tab, key, page))
        self._colour_tabs()
        self.dashboard.record_requested.connect(lambda: record_day(self))
        self.dashboard.import_requested.connect(self._import_linkedin)
        self.dashboard.sample_requested.connect(lambda: _load_sample(model))
        self.dashboard.history_requested.connect(lambda: self.show_tab("history"))

        title = f"{APP_NAME} — {model.store.path.name}[*]"  # [*]: unsaved values
        if model.store.read_only:  # another SSI Desktop has it: every save is refused
            title += self.tr(" (read-only)")
        self.setWindowTitle(title)
        self.setWindowFilePath(str(model.store.path))
        self.status.clear()
        self.guard.last_saved = ""
        self._tab_index = -1
        self.settings.last_store = model.store.path
        if current:
            self.show_tab(current)
        self._on_tab_changed(self.tabs.currentIndex())

    @property
    def readings_tab(self) -> ReadingsTab:
        return self._readings_place.content()

    @property
    def history_tab(self) -> HistoryTab:
        return self._history_place.content()

    def _build_history(self) -> HistoryTab:
        from .history_tab import HistoryTab

        tab = HistoryTab(self.model)
        tab.set_range_days(self.settings.range_days)
        tab.chart.set_full_scale(self.settings.full_scale)
        # The chart's own buttons and the View menu stay one choice, saved as it is made.
        tab.chart.range_chosen.connect(self._on_range_chosen)
        tab.chart.full_scale_changed.connect(self._on_full_scale)
        tab.chart.exported.connect(lambda text: self.statusBar().showMessage(text, 8000))
        return tab

    def current_tab(self) -> QWidget:
        """The current tab's content (built if it was not yet)."""
        widget = self.tabs.currentWidget()
        return widget.content() if isinstance(widget, DeferredTab) else widget

    def tab_key(self, index: int) -> str:
        return self._tab_keys[index] if 0 <= index < len(self._tab_keys) else ""

    def show_tab(self, key: str) -> None:
        if key in self._tab_keys:
            self.tabs.setCurrentIndex(self._tab_keys.index(key))

    def _colour_tabs(self) -> None:
        dark = is_dark()
        for pillar in PILLARS:
            index = self._tab_keys.index(pillar)
            self.tabs.setTabIcon(index, colour_dot(pillar_color(pillar, dark)))

    def _watch_tab(self, key: str, page: DeferredTab) -> None:
        self.guard.watch(key, forms_of(page.content()))

    def _on_tab_changed(self, index: int) -> None:
        leaving = self.tab_key(self._tab_index)
        if leaving and leaving != self.tab_key(index) and not self.guard.confirm(leaving):
            self.tabs.blockSignals(True)  # Cancel: stay where the typed values are
            self.tabs.setCurrentIndex(self._tab_index)
            self.tabs.blockSignals(False)
            return
        self._tab_index = index
        widget = self.tabs.widget(index)
        content = widget.content() if isinstance(widget, DeferredTab) else widget
        self.save_action.setEnabled(hasattr(content, "save"))

    def record_day(self) -> DayDialog:
        return record_day(self)

    def record_reading(self) -> None:
        record_reading(self)

    # -- menus -----------------------------------------------------------------------------

    def _action(
        self,
        menu: QMenu,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file = bar.addMenu(self.tr("&File"))
        self._action(
            file,
            self.tr("&New store…"),
            self.new_store,
            QKeySequence.StandardKey.New,
            self.tr("Start a new, empty store file"),
        )
        self._action(
            file,
            self.tr("&Open store…"),
            self.open_other_store,
            QKeySequence.StandardKey.Open,
            self.tr("Open another store file"),
        )
        file.addSeparator()
        self.import_linkedin_action = self._action(
            file,
            self.tr("&Import LinkedIn export…"),
            self._import_linkedin,
            None,
            self.tr("Read the archive LinkedIn sends you"),
        )
        self.import_creator_action = self._action(
            file,
            self.tr("Import Creator &Analytics…"),
            self._import_creator,
            None,
            self.tr("Read the workbooks LinkedIn's Analytics → Export gives you"),
        )
        self.import_csv_action = self._action(
            file,
            self.tr("Import &CSV…"),
            self._import_csv,
            None,
            self.tr("Read daily counts from a CSV file"),
        )
        self.export_csv_action = self._action(
            file,
            self.tr("&Export CSV…"),
            self._export_csv,
            None,
            self.tr("Write your recorded days to a CSV file"),
        )
        file.addSeparator()
        self.backups_action = self._action(
            file,
            self.tr("&Backups…"),
            self._backups,
            None,
            self.tr("See and restore earlier copies of the store"),
        )
        file.addSeparator()
        self._action(file, self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)

        edit = bar.addMenu(self.tr("&Edit"))
        self.undo_action = self.undo_group.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_group.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        edit.addAction(self.undo_action)
        edit.addAction(self.redo_action)
        edit.addSeparator()
        self.save_action = self._action(
            edit,
            self.tr("&Save day"),
            self.save_current,
            QKeySequence.StandardKey.Save,
            self.tr("Save the form of the current tab"),
        )
        self._action(
            edit,
            self.tr("Record a &day…"),
            self.record_day,
            "Ctrl+D",
            self.tr("One form for every activity of the day, or a week's totals"),
        )
        self._action(
            edit,
            self.tr("Record an official &reading"),
            self.record_reading,
            "Ctrl+R",
            self.tr("Type the four pillars LinkedIn shows on its SSI page"),
        )
        self.totals_action = self._action(
            edit,
            self.tr("LinkedIn &numbers…"),
            self.show_totals,
            None,
            self.tr("Record the totals LinkedIn shows: connections, followers, profile viewers"),
        )
        edit.addSeparator()
        self.goals_action = self._action(
            edit, self.tr("&Goals…"), self._goals, None, self.tr("Set a target score and date")
        )
        self.calibrate_action = self._action(
            edit,
            self.tr("&Calibrate model…"),
            self._calibrate,
            None,
            self.tr("Fit the model to your official readings"),
        )
        edit.addSeparator()
        self.member_settings_action = self._action(
            edit,
            self.tr("Se&ttings…"),
            self._member_settings,
            QKeySequence.StandardKey.Preferences,
            self.tr("Warm start and Sales Navigator: what the estimate assumes about you"),
        )

        view = bar.addMenu(self.tr("&View"))
        range_menu = view.addMenu(self.tr("&Range"))
        self.range_group = QActionGroup(self)
        self.range_actions: dict[int | None, QAction] = {}
        for chart_range in RANGES:
            days = chart_range.days
            action = self._action(
                range_menu, chart_range.menu_text(), partial(self.set_range_days, days)
            )
            action.setCheckable(True)
            action.setChecked(days == self.settings.range_days)
            self.range_group.addAction(action)
            self.range_actions[days] = action
        self.full_scale_action = self._action(
            view,
            self.tr("&Full scale"),
            lambda: self.set_full_scale(self.full_scale_action.isChecked()),
            None,
            self.tr("Charts on the full 0–100 and 0–25 scales instead of fitted to the data"),
        )
        self.full_scale_action.setCheckable(True)
        self.full_scale_action.setChecked(self.settings.full_scale)
        theme_menu = view.addMenu(self.tr("&Theme"))
        self.theme_group = QActionGroup(self)
        self.theme_actions: dict[str, QAction] = {}
        for mode, text in THEME_CHOICES:
            action = self._action(theme_menu, self.tr(text), partial(self.set_theme, mode))
            action.setCheckable(True)
            action.setChecked(mode == self.settings.theme)
            self.theme_group.addAction(action)
            self.theme_actions[mode] = action
        view.addSeparator()
        for number, (key, title) in enumerate(TABS, start=1):
            self._action(view, self.tr(title), partial(self.show_tab, key), f"Ctrl+{number}")

        help_menu = bar.addMenu(self.tr("&Help"))
        self._action(
            help_menu,
            self.tr("&User guide"),
            self.show_user_guide,
            QKeySequence.StandardKey.HelpContents,
            self.tr("How to record, read the charts and undo, in a few minutes"),
        )
        self._action(help_menu, self.tr("How the score is &estimated"), self.show_scoring_help)
        self._action(help_menu, self.tr("&About SSI Desktop"), self.show_about)

    # -- actions ---------------------------------------------------------------------------

    def save_current(self) -> bool:
        tab = self.current_tab()
        save = getattr(tab, "save", None)
        return bool(save()) if save else False

    def set_range_days(self, days: int | None) -> None:
        self.history_tab.set_range_days(days)  # range_chosen saves it and ticks the menu
        self.show_tab("history")

    def _on_range_chosen(self, days: int | None) -> None:
        self.settings.range_days = days
        self.settings.sync()
        self.range_actions[days].setChecked(True)

    def set_full_scale(self, on: bool) -> None:
        self.history_tab.chart.set_full_scale(on)
        self._on_full_scale(on)

    def _on_full_scale(self, on: bool) -> None:
        self.settings.full_scale = on
        self.settings.sync()
        self.full_scale_action.setChecked(on)

    def set_theme(self, mode: str) -> None:
        self.settings.theme = mode
        self.theme_actions[mode].setChecked(True)
        if self.theme is not None:
            self.theme.set_mode(mode)

    def new_store(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("New store"),
            str(self._store_folder() / "ssi-desktop.json"),
            self.tr(STORE_FILTER),
        )
        if path:
            self.switch_store(Path(path))

    def open_other_store(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open store"), str(self._store_folder()), self.tr(STORE_FILTER)
        )
        if path:
            self.switch_store(Path(path))

    def switch_store(self, path: Path) -> bool:
        """Open ``path`` (a missing file becomes a new empty store) and show it."""
        if path.expanduser().absolute() == self.model.store.path:
            return True
        if not self.guard.confirm():
            return False
        store: Store | None = open_store(path, self)
        if store is None:
            return False
        self.set_model(StoreModel(store))
        return True

    def _store_folder(self) -> Path:
        return self._model.store.path.parent if self._model else Path.home()

    def _import_linkedin(self) -> None:
        from .import_dialog import run_linkedin_import

        run_linkedin_import(self.model, self)

    def _import_creator(self) -> None:
        from .creator_import import run_creator_import

        run_creator_import(self.model, self)

    def _import_csv(self) -> None:
        from .import_dialog import run_csv_import

        run_csv_import(self.model, self)

    def _export_csv(self) -> None:
        from .import_dialog import run_csv_export

        run_csv_export(self.model, self)

    def _backups(self) -> None:
        from .backups_dialog import BackupsDialog

        self._run_dialog(BackupsDialog(self.model, self))

    def show_totals(self) -> None:
        from .totals_dialog import TotalsDialog

        self._run_dialog(TotalsDialog(self.model, self))

    def _member_settings(self) -> None:
        from .member_settings_dialog import MemberSettingsDialog

        self._run_dialog(MemberSettingsDialog(self.model, self))

    def _goals(self) -> None:
        from .goal_dialog import GoalDialog

        self._run_dialog(GoalDialog(self.model, self))

    def _calibrate(self) -> None:
        from .calibration_dialog import CalibrationDialog

        self._run_dialog(CalibrationDialog(self.model, self))

    @staticmethod
    def _run_dialog(dialog: QDialog) -> None:
        """Modal, then gone: a dialog left as the window's child would keep the model (and
        after a store swap, the old store) alive and listening."""
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()

    def show_user_guide(self) -> None:
        dialog = user_guide_dialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()

    def show_scoring_help(self) -> None:
        dialog = scoring_dialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()

    def show_about(self) -> None:
        show_about(self.model.store.path, self)

    # -- status and window state -----------------------------------------------------------

    def _on_saved(self, message: str) -> None:
        self.status.setStyleSheet("")
        self.guard.last_saved = message
        self.guard.update()  # "Saved", unless other typed values still wait
        self.status.setToolTip(str(self.model.store.path) if self._model else "")

    def _on_save_failed(self, message: str) -> None:
        self.status.setStyleSheet(f"color: {error_colour()}; font-weight: bold;")
        self.status.setText(self.tr("⚠ Not saved: {reason}").format(reason=message))
        self.status.setToolTip(message)

    def _restore_window(self) -> None:
        geometry = self.settings.geometry
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1280, 820)
        state = self.settings.window_state
        if state is not None:
            self.restoreState(state)
        if self.settings.last_tab:
            self.show_tab(self.settings.last_tab)

    def remember_window(self) -> None:
        self.settings.geometry = self.saveGeometry()
        self.settings.window_state = self.saveState()
        self.settings.last_tab = self.tab_key(self.tabs.currentIndex())
        if self._model is not None:
            self.settings.last_store = self.model.store.path
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.guard.confirm():  # Cancel: typed values stay, and so does the window
            event.ignore()
            return
        self.remember_window()
        super().closeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        # PaletteChange follows the application's change, once the new palette is in place.
        if event.type() == QEvent.Type.PaletteChange and self._model is not None:
            self._colour_tabs()
        super().changeEvent(event)
