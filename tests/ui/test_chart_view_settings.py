"""The History chart's range and scale: chart, View menu and saved setting always agree, across
a restart; the vertical scales fit the values in view, with Full scale as the way back."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt

from ssi_desktop.core.records import ActivityEntry, Goal
from ssi_desktop.core.validation import today
from ssi_desktop.storage import Store
from ssi_desktop.ui.charts.yfit import fitted_range
from ssi_desktop.ui.main_window import MainWindow
from ssi_desktop.ui.settings import AppSettings
from ssi_desktop.ui.store_model import StoreModel

from .app_helpers import open_window

DAYS = 200


@pytest.fixture
def filled(store_path: Path) -> Path:
    start = today() - timedelta(days=DAYS - 1)
    with Store.open(store_path) as store:
        store.add_records(
            activity=[
                ActivityEntry.create(
                    start + timedelta(days=i),
                    {"brand.posts": 1, "find.searches": 2, "engage.comments": 3},
                )
                for i in range(DAYS)
            ],
            goal=Goal.create(20),
        )
    return store_path


def _button(window: MainWindow, text: str):
    chart = window.history_tab.chart
    return next(b for b in chart.findChildren(type(chart._scale_button)) if b.text() == text)


def _restart(qtbot, window: MainWindow, path: Path) -> MainWindow:
    window.close()
    window.model.store.close()
    return open_window(qtbot, path)


def test_clicking_a_range_button_ticks_the_menu_and_survives_a_restart(qtbot, filled) -> None:
    window = open_window(qtbot, filled)
    window.show_tab("history")
    qtbot.mouseClick(_button(window, "30 d"), Qt.MouseButton.LeftButton)
    assert window.range_actions[30].isChecked()
    assert not window.range_actions[365].isChecked()
    assert AppSettings().range_days == 30

    window = _restart(qtbot, window, filled)
    assert window.range_actions[30].isChecked()
    window.show_tab("history")
    chart = window.history_tab.chart
    assert chart.range_days() == 30
    assert chart.visible_range() == (today() - timedelta(days=29), today())
    assert _button(window, "30 d").isChecked()

    window.range_actions[None].trigger()  # the menu moves the buttons and the setting too
    assert _button(window, "All").isChecked() and not _button(window, "30 d").isChecked()
    assert AppSettings().range_days is None


def test_scales_fit_the_data_in_view_and_full_scale_is_remembered(qtbot, filled) -> None:
    window = open_window(qtbot, filled)
    window.show_tab("history")
    chart = window.history_tab.chart
    chart.set_range_days(90)
    x, total = chart.series_data("total")
    in_view = total[x >= x[-90]]
    (t0, t1), (p0, p1) = chart.y_ranges()
    assert t0 <= in_view.min() and in_view.max() <= t1 and t1 >= 20  # the data and the goal
    assert t1 - t0 < 20  # fitted, not 0–100
    assert p1 - p0 <= 10  # not 0–25

    qtbot.mouseClick(_button(window, "Full scale"), Qt.MouseButton.LeftButton)
    assert chart.y_ranges() == ((0, 100), (0, 25))
    assert window.full_scale_action.isChecked() and AppSettings().full_scale

    window = _restart(qtbot, window, filled)
    window.show_tab("history")
    assert window.history_tab.chart.y_ranges() == ((0, 100), (0, 25))
    window.full_scale_action.trigger()
    assert not AppSettings().full_scale
    assert (
        window.history_tab.chart.y_ranges()[0][1] - window.history_tab.chart.y_ranges()[0][0] < 20
    )


@pytest.mark.parametrize(
    ("values", "top", "inside"),
    [
        ([76.0, 82.0], 100.0, (70.0, 90.0)),
        ([12.1, 12.4], 25.0, (10.0, 14.0)),
        ([99.5], 100.0, (90.0, 100.0)),
    ],
)
def test_a_fitted_scale_holds_the_values_within_the_bounds(values, top, inside) -> None:
    low, high, step = fitted_range(np.array(values), top, 4.0 if top == 100 else 1.5)
    assert inside[0] <= low <= min(values) and max(values) <= high <= min(top, inside[1])
    assert high - low < top / 2
    assert (low / step).is_integer() and (high / step).is_integer()


def test_a_new_window_uses_the_saved_range(qtbot, filled) -> None:
    settings = AppSettings()
    settings.range_days = 90
    settings.sync()
    window = MainWindow(StoreModel(Store.open(filled)), AppSettings())
    qtbot.addWidget(window)
    assert window.range_actions[90].isChecked()
    assert window.history_tab.chart.range_days() == 90
