"""The History chart's industry and network figures: averages beside the total, ranks below."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from ssi_desktop.core.records import ActivityEntry, Reading
from ssi_desktop.core.validation import today
from ssi_desktop.storage import Store
from ssi_desktop.ui.charts import HistoryChart
from ssi_desktop.ui.charts.data import day_x
from ssi_desktop.ui.store_model import StoreModel

DAYS = (today() - timedelta(days=60), today() - timedelta(days=30), today() - timedelta(days=2))


def _chart(qtbot, store_path: Path, readings: list[Reading]) -> HistoryChart:
    store = Store.open(store_path)
    store.add_records(
        activity=[ActivityEntry.create(today() - timedelta(days=i), {"engage.comments": 3})
                  for i in range(70)],
        readings=readings,
    )  # fmt: skip
    chart = HistoryChart(StoreModel(store))
    qtbot.addWidget(chart)
    chart.resize(1000, 700)
    chart.show()
    qtbot.waitExposed(chart)
    return chart


def test_ranks_and_averages_are_drawn_where_readings_give_them(qtbot, store_path: Path) -> None:
    readings = [
        Reading.create(DAYS[0], brand=9, find=8, engage=7, build=6, industry_rank=40,
                       network_rank=55, industry_avg=31, network_avg=28),
        Reading.create(DAYS[1], brand=10, find=8, engage=7, build=6),  # no peer figures
        Reading.create(DAYS[2], brand=12, find=9, engage=8, build=7, industry_rank=22,
                       network_rank=30, industry_avg=32.5, network_avg=29),
    ]  # fmt: skip
    chart = _chart(qtbot, store_path, readings)
    peers = chart.peers
    # One legend row and one rank panel (a merge once built both twice).
    captions = [w for w in chart.findChildren(QLabel) if w.text() == "LinkedIn's figures:"]
    assert len(captions) == 1
    panels = [i for i in chart._view.ci.items if isinstance(i, pg.PlotItem)]
    assert len(panels) == 3  # total, pillars, ranks
    expected_x = [day_x(DAYS[0]), day_x(DAYS[2])]
    for name, values in {"industry_rank": [40, 22], "network_rank": [55, 30],
                         "industry_avg": [31, 32.5], "network_avg": [28, 29]}.items():  # fmt: skip
        x, y = peers.items[name].getData()
        assert list(x) == expected_x and list(y) == values, name
        assert peers.toggles[name].isVisible()
    # The ranks wait to be asked for: the estimate keeps its height.
    assert not peers.rank_panel_shown() and peers.is_visible("industry_avg")
    for name in ("industry_rank", "network_rank"):
        qtbot.mouseClick(peers.toggles[name], Qt.MouseButton.LeftButton)
        assert peers.is_visible(name) and peers.items[name].isVisible()
    assert peers.rank_panel_shown() and peers.rank_plot.getViewBox().yInverted()
    assert peers.rank_plot.getAxis("left").labelText == "Rank, top %"
    assert not chart.plots[1].getAxis("bottom").isVisible()  # the dates move under the ranks
    # The averages share the total's plot (0–100), where the member's total is read.
    assert peers.items["industry_avg"] in chart.plots[0].listDataItems()

    qtbot.mouseClick(peers.toggles["industry_rank"], Qt.MouseButton.LeftButton)
    assert not peers.items["industry_rank"].isVisible() and peers.rank_panel_shown()
    qtbot.mouseClick(peers.toggles["network_rank"], Qt.MouseButton.LeftButton)
    assert not peers.rank_panel_shown()
    assert chart.plots[1].getAxis("bottom").isVisible()
    qtbot.mouseClick(peers.toggles["network_avg"], Qt.MouseButton.LeftButton)
    assert not peers.items["network_avg"].isVisible() and peers.items["industry_avg"].isVisible()
    qtbot.mouseClick(peers.toggles["network_rank"], Qt.MouseButton.LeftButton)
    assert peers.rank_panel_shown()


def test_without_peer_figures_there_is_no_rank_panel_nor_legend(qtbot, store_path: Path) -> None:
    chart = _chart(qtbot, store_path, [Reading.create(DAYS[2], brand=9, find=8, engage=7, build=6)])
    peers = chart.peers
    assert not peers.legend.isVisible() and not peers.rank_panel_shown()
    for item in peers.items.values():
        x, _y = item.getData()
        assert x is None or len(x) == 0
    assert chart.plots[1].getAxis("bottom").isVisible()
