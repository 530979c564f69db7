"""Sizes: usable at 1024×640 without sideways scrolling, and the next best actions in view
without scrolling at 1280×800 (the dashboard of the sample year)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QScrollArea, QTableView

from ssi_desktop.core.sample import generate
from ssi_desktop.storage import Store
from ssi_desktop.ui.main_window import MainWindow
from ssi_desktop.ui.settings import AppSettings
from ssi_desktop.ui.store_model import StoreModel

from .app_helpers import open_window


@pytest.fixture
def sample(store_path: Path) -> Path:
    with Store.open(store_path) as store:
        store.add_records(**generate(365).as_records())
    return store_path


def _settle(qtbot) -> None:
    for _ in range(3):
        QApplication.processEvents()
    qtbot.wait(20)


def test_no_tab_scrolls_sideways_at_1024_by_640(qtbot, sample: Path) -> None:
    window = open_window(qtbot, sample)
    window.resize(1024, 640)
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        tab = window.current_tab()
        _settle(qtbot)
        assert window.width() == 1024, window.tab_key(index)  # no tab forces the window wider
        assert tab.width() <= window.width()
        for area in tab.findChildren(QScrollArea):
            if area.isVisible():
                assert not area.horizontalScrollBar().isVisible(), window.tab_key(index)
        for area in tab.findChildren(QAbstractScrollArea):
            # Nothing is wider than the tab that shows it.
            if area.isVisible():
                right = area.mapTo(tab, QPoint(area.width(), 0)).x()
                assert right <= tab.width() + 1, (window.tab_key(index), type(area).__name__)


def test_the_next_best_actions_are_in_view_at_1280_by_800(qtbot, sample: Path) -> None:
    window = open_window(qtbot, sample)
    window.resize(1280, 800)
    window.show_tab("dashboard")
    dashboard = window.dashboard
    qtbot.waitUntil(lambda: bool(dashboard.advice_panel.advice))
    _settle(qtbot)
    scroll = dashboard.findChild(QScrollArea)
    assert not scroll.horizontalScrollBar().isVisible()
    viewport = scroll.viewport()
    panel = dashboard.advice_panel
    # The weakest pillar's heading and its two actions are inside the visible viewport.
    first_rows = [panel.grid.itemAt(i).widget() for i in range(min(6, panel.grid.count()))]
    for widget in [panel, *first_rows]:
        bottom = widget.mapTo(viewport, QPoint(0, widget.height())).y()
        top = widget.mapTo(viewport, QPoint(0, 0)).y()
        assert top >= 0 and (bottom <= viewport.height() or widget is panel)
    assert panel.mapTo(viewport, QPoint(0, 0)).y() < viewport.height() - 150


def test_no_table_title_is_cut_at_1024_by_640(qtbot, sample: Path) -> None:
    window = open_window(qtbot, sample)
    window.resize(1024, 640)
    checked = 0
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        _settle(qtbot)
        for table in window.current_tab().findChildren(QTableView):
            header, model = table.horizontalHeader(), table.model()
            metrics = header.fontMetrics()
            for section in range(model.columnCount()):
                title = model.headerData(section, Qt.Orientation.Horizontal)
                widest = max(metrics.horizontalAdvance(line) for line in title.splitlines())
                where = f"{window.tab_key(index)}: {title!r}"
                assert header.sectionSize(section) >= widest, where
                tip = model.headerData(
                    section, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole
                )
                if section and tip is not None:  # the full title, on one line
                    assert title.replace("\n", " ") in tip, where
                checked += 1
        assert window.width() == 1024  # a wide table scrolls inside itself
    assert checked > 30


@pytest.mark.parametrize("size", [(1024, 640), (1100, 760), (1600, 1000)])
def test_nothing_on_the_dashboard_moves_when_goal_and_advice_arrive(
    qtbot, sample: Path, size: tuple[int, int]
) -> None:
    # The goal and advice compute after the window's first paint (start-up): their room is
    # held from that first paint on, so the chart and "why it moved" stay where they were.
    window = MainWindow(StoreModel(Store.open(sample)), AppSettings())
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    QApplication.processEvents()  # the first paint; the panels' computing is still queued
    dashboard = window.dashboard
    assert dashboard.goal_panel.progress is None and dashboard.advice_panel.advice is None
    panels = ("goal_panel", "advice_panel", "why", "sparkline")
    first = {name: getattr(dashboard, name).geometry() for name in panels}
    qtbot.waitUntil(lambda: dashboard.goal_panel.progress is not None)
    assert dashboard.advice_panel.advice is not None
    _settle(qtbot)
    assert {name: getattr(dashboard, name).geometry() for name in panels} == first
