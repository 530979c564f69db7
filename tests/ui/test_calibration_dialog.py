"""The calibration dialog, driven as a user would: fit, apply, undo, reset, cancel."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from ssi_desktop.core.calibration import calibrate
from ssi_desktop.core.catalogue import PILLARS
from ssi_desktop.core.parameters import DEFAULT_PARAMS
from ssi_desktop.core.records import Reading
from ssi_desktop.core.sample import generate
from ssi_desktop.storage import Store
from ssi_desktop.ui.dialogs.calibration_dialog import CalibrationDialog
from ssi_desktop.ui.store_model import StoreModel
from tests.core.test_calibration import model_readings, perturbed_params

END = date(2025, 12, 31)


@pytest.fixture
def model(store_path: Path, qtbot: QtBot) -> Iterator[StoreModel]:
    data = generate(days=365 * 2, end=END)
    store = Store.open(store_path)
    store.add_records(activity=data.activity, profiles=data.profiles,
                      readings=model_readings(data, perturbed_params(2), 30))  # fmt: skip
    yield StoreModel(store)
    store.close()


def on_disk(path: Path) -> tuple[str, dict]:
    with Store.open(path) as store:
        return store.params().version, store.params_info()


def fit(qtbot: QtBot, dialog: CalibrationDialog) -> None:
    qtbot.mouseClick(dialog.calibrate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.is_running(), timeout=20_000)


def test_fit_shows_the_errors_and_apply_is_saved_and_undoable(
    qtbot: QtBot, model: StoreModel, store_path: Path
) -> None:
    dialog = CalibrationDialog(model)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.apply_button.isEnabled()
    assert "official readings can be used" in dialog.readings_line.text()

    fit(qtbot, dialog)

    store = model.store
    expected = calibrate(store.activity(), store.profiles(), store.readings())
    assert dialog.table.isVisible()
    for row, name in enumerate((*PILLARS, "total")):
        assert dialog.table.item(row, 0).text() == f"{expected.mae_before[name]:.2f}"
        assert dialog.table.item(row, 1).text() == f"{expected.mae_after[name]:.2f}"
        assert dialog.table.item(row, 3).text() == f"{expected.holdout_after[name]:.2f}"
    assert "generalises" in dialog.verdict.text()
    # What changed, in words, per pillar: the offset's sentence and the largest moves.
    assert dialog.changes.isVisible()
    words = dialog.changes.text()
    for pillar in PILLARS:
        assert expected.changes[pillar].summary in words
        for text in expected.changes[pillar].changes:
            assert text in words
    assert on_disk(store_path) == (DEFAULT_PARAMS.version, {})  # nothing written before Apply

    with qtbot.waitSignal(model.changed):
        qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)

    version, info = on_disk(store_path)
    assert version == f"{DEFAULT_PARAMS.version}-calibrated"
    assert info["readings_used"] == expected.readings_used
    assert info["mae_after"] == expected.mae_after
    assert list((store_path.parent / "backups").glob("*calibration*"))
    assert not dialog.isVisible()

    model.undo_stack.undo()
    assert on_disk(store_path) == (DEFAULT_PARAMS.version, {})
    model.undo_stack.redo()
    assert on_disk(store_path)[0] == f"{DEFAULT_PARAMS.version}-calibrated"


def test_reset_returns_to_the_defaults_and_undo_brings_the_fit_back(
    qtbot: QtBot, model: StoreModel, store_path: Path
) -> None:
    store = model.store
    fitted = calibrate(store.activity(), store.profiles(), store.readings())
    store.set_params(fitted.params, fitted.info(END))
    dialog = CalibrationDialog(model)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "calibrated on 2025-12-31" in dialog.model_line.text()
    assert dialog.reset_button.isEnabled()

    qtbot.mouseClick(dialog.reset_button, Qt.MouseButton.LeftButton)

    assert on_disk(store_path) == (DEFAULT_PARAMS.version, {})
    assert model.store.params().fingerprint() == DEFAULT_PARAMS.fingerprint()
    model.undo_stack.undo()
    version, info = on_disk(store_path)
    assert version == f"{DEFAULT_PARAMS.version}-calibrated" and info["date"] == "2025-12-31"


def test_cancel_writes_nothing(qtbot: QtBot, model: StoreModel, store_path: Path) -> None:
    original = store_path.read_bytes()
    dialog = CalibrationDialog(model)
    qtbot.addWidget(dialog)
    dialog.show()

    qtbot.mouseClick(dialog.calibrate_button, Qt.MouseButton.LeftButton)
    assert dialog.running.isVisible() and dialog.is_running()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.is_running(), timeout=20_000)

    assert "Cancelled" in dialog.verdict.text()
    assert dialog.calibration is None
    assert not dialog.apply_button.isEnabled()
    assert not dialog.table.isVisible()
    dialog.close()
    assert store_path.read_bytes() == original
    assert not (store_path.parent / "backups").exists()
    assert model.undo_stack.count() == 0


def test_too_few_readings_disable_the_fit_and_say_why(qtbot: QtBot, store_path: Path) -> None:
    data = generate(days=200, end=END)
    with Store.open(store_path) as store:
        store.add_records(
            activity=data.activity,
            readings=[Reading.create(END, brand=9, find=9, engage=9, build=9)],
        )
    store = Store.open(store_path)
    dialog = CalibrationDialog(StoreModel(store))
    qtbot.addWidget(dialog)
    assert not dialog.calibrate_button.isEnabled()
    assert "at least 4 official readings" in dialog.readings_line.text()
    assert "there are 1" in dialog.readings_line.text()
    store.close()
