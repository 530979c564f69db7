"""The dashboard's advice and goal panels on a real store."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from ssi_desktop.core.advice import advise
from ssi_desktop.core.anchor import anchor_vector, anchored_advice, estimate
from ssi_desktop.core.changes import PutDay
from ssi_desktop.core.goals import goal_progress
from ssi_desktop.core.records import ActivityEntry, Goal
from ssi_desktop.core.sample import generate
from ssi_desktop.core.scoring import ScoreTable
from ssi_desktop.core.validation import today
from ssi_desktop.storage import Store
from ssi_desktop.ui.store_model import StoreModel
from ssi_desktop.ui.tabs.advice_panel import AdvicePanel, GoalPanel


@pytest.fixture
def model(store_path: Path) -> Iterator[StoreModel]:
    data = generate(days=365)
    store = Store.open(store_path)
    store.add_records(activity=data.activity, profiles=data.profiles, readings=data.readings)
    yield StoreModel(store)
    store.close()


def _estimate(store: Store) -> ScoreTable:
    """The anchored estimate, computed here from the store (not through the panel's model)."""
    return estimate(store.activity(), store.profiles(), store.params(), readings=store.readings())


def texts(panel: AdvicePanel) -> list[str]:
    return [w.text() for w in panel.findChildren(QLabel) if w.isVisible() and w.text()]


def shown_weakest(panel: AdvicePanel) -> bool:
    return panel.advice is not None and any("Weakest pillar" in t for t in texts(panel))


def test_advice_lists_the_best_actions_first_with_both_gains(
    qtbot: QtBot, model: StoreModel
) -> None:
    panel = AdvicePanel(model)
    qtbot.addWidget(panel)
    panel.show()

    # Labels added to a shown layout become visible on a queued event: wait for them all.
    def shown_actions() -> bool:
        shown = [t for t in texts(panel) if t.endswith(")") and " (" in t and "Weakest" not in t]
        return shown_weakest(panel) and len(shown) == min(6, len(panel.advice.actions))

    qtbot.waitUntil(shown_actions)

    store = model.store
    expected = anchored_advice(
        advise(store.activity(), store.profiles(), store.params(), today()), _estimate(store)
    )
    assert panel.advice == expected
    shown = texts(panel)
    assert any(expected.weakest.capitalize() in t for t in shown if "Weakest pillar" in t)
    labels = [t for t in shown if t.endswith(")") and " (" in t and "Weakest" not in t]
    best = expected.actions[:6]
    assert labels == [f"{a.label} ({a.pillar.capitalize()})" for a in best]
    for action in best:
        assert (
            f"{action.gain_30:+.2f}".replace("-", "−") in shown or f"{action.gain_30:+.2f}" in shown
        )
        assert f"{action.gain_90:+.2f}" in shown
    assert "30 days" in shown and "90 days" in shown
    # No Sales Navigator action for a member without it.
    assert not [t for t in shown if "Sales Navigator" in t]


def test_advice_refreshes_after_a_change(qtbot: QtBot, model: StoreModel) -> None:
    panel = AdvicePanel(model)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitUntil(lambda: shown_weakest(panel))
    assert panel.advice is not None
    before = panel.advice
    # Today's official reading pins today's levels (the anchor): the change shows in the
    # actions' gains, and the levels stay those of the anchored estimate.
    entry = ActivityEntry.create(today(), {"find.filtered_searches": 40, "find.leads_saved": 20})

    with qtbot.waitSignal(model.changed):
        model.push("add", PutDay(entry))
    qtbot.waitUntil(lambda: panel.advice is not None and panel.advice != before)
    assert panel.advice.actions != before.actions
    row = _estimate(model.store).row(today())
    assert panel.advice.current == {p: row.pillar(p) for p in row.as_dict() if p in before.current}


def test_hidden_panel_does_not_recompute(qtbot: QtBot, model: StoreModel) -> None:
    panel = AdvicePanel(model)
    qtbot.addWidget(panel)
    model.changed.emit()
    qtbot.wait(20)
    assert panel.advice is None
    panel.show()
    qtbot.waitUntil(lambda: shown_weakest(panel))


def test_goal_panel_says_when_the_pace_levels_off_below_the_goal(
    qtbot: QtBot, model: StoreModel
) -> None:
    model.store.set_goal(Goal.create(99))
    panel = GoalPanel(model)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitUntil(lambda: panel.progress is not None)
    text = panel.message.text()
    assert "levels off at" in text and "does not reach it" in text
    assert "What would close the gap: " in text


def test_goal_panel_without_a_goal_offers_one_and_shows_progress_after(
    qtbot: QtBot, model: StoreModel, store_path: Path
) -> None:
    panel = GoalPanel(model)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitUntil(lambda: panel.button.text() == "Set a goal…")
    assert not panel.bar.isVisible()
    assert "No goal yet" in panel.message.text()

    qtbot.mouseClick(panel.button, Qt.MouseButton.LeftButton)
    dialog = panel.dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.total_edit, "95")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: panel.progress is not None)
    store = model.store
    expected = goal_progress(
        store.activity(),
        store.profiles(),
        store.params(),
        Goal.create(95),
        today(),
        anchored_advice(
            advise(store.activity(), store.profiles(), store.params(), today()), _estimate(store)
        ),
        anchor=anchor_vector(_estimate(store), today()),
    )
    assert panel.message.text() == expected.message
    assert panel.bar.isVisible()
    assert panel.bar.maximum() == 950
    assert panel.bar.value() == round(expected.current * 10)
    assert panel.button.text() == "Change goal…"
    with Store.open(store_path) as reopened:
        assert reopened.goal().total == 95


def test_goal_panel_shows_pillar_targets(qtbot: QtBot, model: StoreModel) -> None:
    model.store.set_goal(Goal.create(90, {"find": 22}, by=today() + timedelta(days=60)))
    panel = GoalPanel(model)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitUntil(lambda: panel.progress is not None)
    assert "Find" in panel.parts.text() and "/ 22" in panel.parts.text()
    assert panel.message.text().startswith("Goal 90 by ")
