"""The goal dialog: saved through the model (undoable), refused field by field."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from ssi_desktop.core.records import Goal
from ssi_desktop.storage import Store
from ssi_desktop.ui.dialogs.goal_dialog import GoalDialog
from ssi_desktop.ui.store_model import StoreModel
from ssi_desktop.ui.widgets import to_qdate


@pytest.fixture
def model(store_path: Path) -> Iterator[StoreModel]:
    store = Store.open(store_path)
    yield StoreModel(store)
    store.close()


def goal_on_disk(path: Path) -> Goal | None:
    with Store.open(path) as store:
        return store.goal()


def test_save_writes_the_goal_and_undo_removes_it(
    qtbot: QtBot, model: StoreModel, store_path: Path
) -> None:
    dialog = GoalDialog(model)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.total_edit, "80")
    qtbot.keyClicks(dialog.fields["find"], "18.5")
    dialog.by_check.setChecked(True)
    dialog.by_edit.setDate(to_qdate(date(2027, 3, 1)))

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    saved = goal_on_disk(store_path)
    assert saved is not None
    assert (saved.total, dict(saved.pillars), saved.by) == (80, {"find": 18.5}, date(2027, 3, 1))
    assert not dialog.isVisible()
    model.undo_stack.undo()
    assert goal_on_disk(store_path) is None


def test_a_bad_field_is_named_under_it_and_nothing_is_written(
    qtbot: QtBot, model: StoreModel, store_path: Path
) -> None:
    model.store.set_goal(Goal.create(60))
    before = store_path.read_bytes()
    dialog = GoalDialog(model)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.total_edit.text() == "60"
    dialog.total_edit.clear()
    qtbot.keyClicks(dialog.total_edit, "70")
    qtbot.keyClicks(dialog.fields["brand"], "30")

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert dialog.isVisible()
    assert dialog.errors["brand"].isVisible()
    assert "outside 0–25" in dialog.errors["brand"].text()
    assert not dialog.errors["total"].isVisible()
    assert dialog.fields["brand"].text() == "30"  # what the user typed stays
    assert dialog.fields["brand"].hasFocus() or not dialog.isActiveWindow()
    assert store_path.read_bytes() == before

    # Pillar targets above the total are the total's problem, and say so under it.
    dialog.fields["brand"].clear()
    qtbot.keyClicks(dialog.fields["brand"], "25")
    assert not dialog.errors["brand"].isVisible()  # editing clears the field's message
    dialog.total_edit.clear()
    qtbot.keyClicks(dialog.total_edit, "20")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "lower than the sum of the pillar targets" in dialog.errors["total"].text()
    assert store_path.read_bytes() == before

    dialog.total_edit.clear()
    qtbot.keyClicks(dialog.total_edit, "lots")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.errors["total"].isVisible()
    assert store_path.read_bytes() == before


def test_remove_goal_is_undoable(qtbot: QtBot, model: StoreModel, store_path: Path) -> None:
    model.store.set_goal(Goal.create(75, {"brand": 20}))
    dialog = GoalDialog(model)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.fields["brand"].text() == "20"
    assert dialog.remove_button is not None

    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)

    assert goal_on_disk(store_path) is None
    model.undo_stack.undo()
    restored = goal_on_disk(store_path)
    assert restored is not None and restored.total == 75 and dict(restored.pillars) == {"brand": 20}
