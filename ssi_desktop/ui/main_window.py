"""The main window: composes the tabs, the menus and the status bar; the tabs do the work.

Each tab gets only the StoreModel. Opening another store builds a new model and new tabs, so
nothing can hold on to the old store. The menu bar is built by :mod:`.window_menus`; what its
items do beyond the tabs (another store, imports, backups, goals, calibration, help) is in
:mod:`.window_actions`, whose feature modules are imported when their menu item is used.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QUndoGroup
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QTabWidget,
    QWidget,
)

from .. import APP_NAME
from ..core.catalogue import PILLARS
from . import window_actions as act
from .data_entry import forms_of, record_day, record_reading
from .deferred_tab import BuiltOnAccess, DeferredTab
from .formatting import PILLAR_NAMES
from .palette import is_dark, pillar_color
from .settings import AppSettings
from .store_model import StoreModel
from .tabs.dashboard import Dashboard
from .theme import ThemeController
from .unsaved import UnsavedGuard
from .widgets import colour_dot, error_colour
from .window_menus import build_menus

#: The tabs in order: (key, title). Ctrl+1 … Ctrl+7 follow this order.
TABS: tuple[tuple[str, str], ...] = (
    ("dashboard", "Dashboard"),
    *((p, PILLAR_NAMES[p]) for p in PILLARS),
    ("readings", "Readings"),
    ("history", "History"),
)


if TYPE_CHECKING:
    from .forms.day_dialog import DayDialog
    from .tabs.history_tab import HistoryTab
    from .tabs.pillar_tab import PillarTab
    from .tabs.readings_tab import ReadingsTab


# The tabs' modules load with the tabs themselves: not needed for the first paint.
def _pillar_tab(model: StoreModel, pillar: str) -> PillarTab:
    from .tabs.pillar_tab import PillarTab

    return PillarTab(model, pillar)


def _readings_tab(model: StoreModel) -> ReadingsTab:
    from .tabs.readings_tab import ReadingsTab

    return ReadingsTab(model)


def _load_sample(model: StoreModel) -> None:
    from .dialogs.first_run import load_sample

    load_sample(model)


class MainWindow(QMainWindow):
    # Made by window_menus.build_menus; kept here to be ticked, enabled and tested.
    import_linkedin_action: QAction
    import_creator_action: QAction
    import_csv_action: QAction
    export_csv_action: QAction
    backups_action: QAction
    undo_action: QAction
    redo_action: QAction
    save_action: QAction
    totals_action: QAction
    goals_action: QAction
    calibrate_action: QAction
    member_settings_action: QAction
    range_group: QActionGroup
    range_actions: dict[int | None, QAction]
    full_scale_action: QAction
    theme_group: QActionGroup
    theme_actions: dict[str, QAction]

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
        build_menus(self, TABS)
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
        self.dashboard.import_requested.connect(partial(act.import_linkedin, self))
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
        from .tabs.history_tab import HistoryTab

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
        act.new_store(self)

    def open_other_store(self) -> None:
        act.open_other_store(self)

    def switch_store(self, path: Path) -> bool:
        """Open ``path`` (a missing file becomes a new empty store) and show it."""
        return act.switch_store(self, path)

    def show_totals(self) -> None:
        act.show_totals(self)

    def show_user_guide(self) -> None:
        act.show_user_guide(self)

    def show_scoring_help(self) -> None:
        act.show_scoring_help(self)

    def show_about(self) -> None:
        from .dialogs.help_dialog import show_about

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
