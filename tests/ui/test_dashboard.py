"""The dashboard: the empty state that teaches, the sample year, the figures it shows."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from ssi_desktop.core.anchor import prediction
from ssi_desktop.core.catalogue import PILLARS
from ssi_desktop.core.records import ActivityEntry, Goal, Reading
from ssi_desktop.core.validation import today
from ssi_desktop.ui.formatting import change, short_date, signed
from tests.ui.app_helpers import open_window, reopen


def test_empty_store_teaches_and_record_today_opens_the_form(qtbot, store_path: Path) -> None:
    window = open_window(qtbot, store_path)
    dashboard = window.dashboard
    assert dashboard.is_empty_state()
    assert dashboard.record_button.isVisible() and dashboard.sample_button.isVisible()
    qtbot.mouseClick(dashboard.record_button, Qt.MouseButton.LeftButton)
    # The whole-day form (Ctrl+D's), on today, the cursor in its first field.
    dialog = window.day_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.day() == today()
    assert dialog.focusWidget() is dialog.first_field()
    qtbot.keyClicks(dialog.focusWidget(), "2")
    with qtbot.waitSignal(window.model.changed):
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    assert reopen(store_path).activity_on(today(), "manual").counts == {"brand.posts": 2}


def test_sample_data_fills_the_store_in_one_undoable_change(qtbot, store_path: Path) -> None:
    window = open_window(qtbot, store_path)
    with qtbot.waitSignal(window.model.changed, timeout=10000):
        qtbot.mouseClick(window.dashboard.sample_button, Qt.MouseButton.LeftButton)
    store = reopen(store_path)
    days = {e.day for e in store.activity()}
    assert len(days) > 350 and max(days) == today() and min(days) >= today() - timedelta(365)
    assert len(store.readings()) >= 11 and store.profiles() and store.notes()
    assert store.goal() is not None
    assert not window.dashboard.is_empty_state()
    assert float(window.dashboard.displayed_total()) > 40

    window.undo_action.trigger()
    store = reopen(store_path)
    assert store.is_empty() and store.goal() is None
    assert window.dashboard.is_empty_state()
    window.redo_action.trigger()
    assert len(reopen(store_path).readings()) >= 11


def test_figures_official_reading_and_goal(qtbot, store_path: Path) -> None:
    day = today() - timedelta(days=10)
    store = reopen(store_path)
    store.add_records(
        activity=[
            ActivityEntry.create(
                today() - timedelta(days=i),
                {
                    "engage.comments": 4,
                    "find.searches": 5,
                    "build.requests_sent": 3,
                    "brand.posts": 1,
                },
            )
            for i in range(60)
        ],
        readings=[
            Reading.create(
                day, brand=9, find=8, engage=7, build=6, total=30, industry_rank=12, network_rank=8
            )
        ],
        goal=Goal.create(80, {"find": 20}, by=today() + timedelta(days=90)),
    )
    window = open_window(qtbot, store_path)
    dashboard = window.dashboard
    table = window.model.scores()
    now = table.row(today())
    week = table.row(today() - timedelta(days=7))
    assert dashboard.displayed_total() == f"{now.total:.1f}"
    assert change(now.total - week.total, 1) in dashboard.total_changes.text().replace("\xa0", " ")
    for pillar in PILLARS:
        card = dashboard.cards[pillar]
        assert card.value.text().startswith(f"{now.pillar(pillar):.2f}")
        assert card.bar.value() == round(now.pillar(pillar) * 100)
        assert "7 d " in card.changes.text().replace(
            "\xa0", " "
        ) and "30 d " in card.changes.text().replace("\xa0", " ")
        assert card.accessibleName().startswith(pillar.capitalize())
    official = dashboard.official_line.text()
    assert "30" in official and "industry top 12 %" in official and "network top 8 %" in official
    # The estimate predicted for the reading's day before the reading anchored it.
    assert f"predicted {prediction(table, day).total:.1f}" in official
    assert f"estimate anchored to your official 30 of {short_date(day, today())}" in official
    assert f"Estimate − official {signed(now.total - 30, 1)}" in dashboard.versus_official.text()
    # The goal and advice panels (ui.tabs.advice_panel) live on the dashboard and fill when shown.
    goal_panel, advice_panel = dashboard.goal_panel, dashboard.advice_panel
    qtbot.waitUntil(lambda: goal_panel.progress is not None and bool(advice_panel.advice))
    assert goal_panel.isVisible() and advice_panel.isVisible()
    assert goal_panel.progress.target == 80
    assert goal_panel.progress.current == now.total
    assert f"{now.total:.1f} of 80" == goal_panel.bar.format()
    assert "Find" in goal_panel.parts.text() and "/ 20" in goal_panel.parts.text()
    weakest = min(PILLARS, key=now.pillar)
    assert advice_panel.advice is not None and advice_panel.advice.weakest == weakest
    labels = [w.text() for w in advice_panel.findChildren(QLabel)]
    top = advice_panel.advice.actions[0]
    assert any(top.label in text for text in labels)
    assert max(a.gain_90 for a in advice_panel.advice.actions) == top.gain_90


def test_sparkline_click_opens_history(qtbot, store_path: Path) -> None:
    reopen(store_path).set_activity(ActivityEntry.create(today(), {"brand.posts": 1}))
    window = open_window(qtbot, store_path)
    sparkline = window.dashboard.sparkline
    qtbot.mouseClick(sparkline, Qt.MouseButton.LeftButton, pos=sparkline.rect().center())
    assert window.current_tab() is window.history_tab


def test_a_newcomer_sees_no_change_before_their_history_began(qtbot, store_path: Path) -> None:
    # One reading yesterday and two days of activity: 7 and 30 days ago come before the
    # history, where every score is 0 by construction, so no change is shown from there.
    yesterday = today() - timedelta(days=1)
    reopen(store_path).add_records(
        activity=[
            ActivityEntry.create(day, {"engage.comments": 5, "brand.posts": 1})
            for day in (yesterday, today())
        ],
        readings=[Reading.create(yesterday, brand=14, find=12, engage=15, build=11, total=52)],
    )
    window = open_window(qtbot, store_path)
    dashboard = window.dashboard
    assert window.model.scores().start == yesterday
    total_text = dashboard.total_changes.text().replace("\xa0", " ")
    assert total_text == "7 d —   30 d —"
    assert "not enough history" in dashboard.total_changes.toolTip().lower()
    assert yesterday.isoformat() in dashboard.total_changes.toolTip()
    for pillar in PILLARS:
        card = dashboard.cards[pillar]
        assert card.changes.text().replace("\xa0", " ") == "7 d —   30 d —"
        assert "not enough history" in card.changes.toolTip().lower()
        assert "— in 7 days, — in 30 days" in card.accessibleName()
    # Why it moved explains the days there are: from the first record, not from zero.
    why = dashboard.why
    assert f"since the first record, {yesterday.isoformat()}" in why.headline.text()
    explanation = window.model.explanation(why.days())
    assert explanation.first == yesterday
    assert explanation.before == window.model.scores().row(yesterday).total


def test_a_change_shows_once_the_history_reaches_back_far_enough(qtbot, store_path: Path) -> None:
    # 8 days of history: the 7-day change is real, the 30-day one is not yet.
    reopen(store_path).add_records(
        activity=[
            ActivityEntry.create(today() - timedelta(days=i), {"engage.comments": 5})
            for i in range(8)
        ]
    )
    window = open_window(qtbot, store_path)
    dashboard = window.dashboard
    table = window.model.scores()
    now, week = table.row(today()), table.row(today() - timedelta(days=7))
    expected = f"7 d {change(now.total - week.total, 1)}   30 d —"
    assert dashboard.total_changes.text().replace("\xa0", " ") == expected
    assert dashboard.total_changes.toolTip()
    assert "since the first record" in dashboard.why.headline.text()
