"""The dashboard's latest reading: its age when old, and the member against the averages."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from ssi_desktop.core.records import ActivityEntry, Reading
from ssi_desktop.core.validation import today
from ssi_desktop.ui.tabs.official_summary import age
from tests.ui.app_helpers import open_window, reopen


def _dashboard_with(qtbot, store_path: Path, reading: Reading):
    store = reopen(store_path)
    store.add_records(
        activity=[ActivityEntry.create(today(), {"engage.comments": 2})], readings=[reading]
    )
    store.close()
    return open_window(qtbot, store_path).dashboard


def test_an_old_reading_is_named_by_its_age(qtbot, store_path: Path) -> None:
    old = Reading.create(today() - timedelta(days=22), brand=20, find=11, engage=12, build=10)
    dashboard = _dashboard_with(qtbot, store_path, old)
    assert dashboard.official_line.text().startswith("53, 3 weeks ago (")
    assert "(53, 3 weeks ago)" in dashboard.versus_official.text()  # estimate − official


def test_a_recent_reading_is_dated_and_compared_with_the_averages(qtbot, store_path: Path) -> None:
    recent = Reading.create(
        today() - timedelta(days=14), brand=20, find=11, engage=12, build=10,
        industry_rank=9, network_rank=12, industry_avg=34, network_avg=55.5,
    )  # fmt: skip
    dashboard = _dashboard_with(qtbot, store_path, recent)
    line = dashboard.official_line.text()
    assert "ago" not in line and line.startswith("53 on ")
    assert "industry top 9 %" in line and "network top 12 %" in line
    assert "industry average 34 (you ▲ +19.0)" in line
    assert "network average 55.5 (you ▼ −2.5)" in line


@pytest.mark.parametrize(
    ("days", "text"),
    [(15, "2 weeks ago"), (59, "8 weeks ago"), (60, "2 months ago"), (364, "12 months ago"),
     (365, "1 year ago"), (800, "2 years ago")],
)  # fmt: skip
def test_ages(days: int, text: str) -> None:
    assert age(today() - timedelta(days=days), today()) == text
