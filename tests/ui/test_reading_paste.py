"""Pasting LinkedIn's SSI page into the reading form: real clipboard, real key presses."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ssi_desktop.core.records import Note
from ssi_desktop.core.validation import today
from tests.core.ssi_pages import ENGLISH, HALF, JUNK, PORTUGUESE
from tests.ui.app_helpers import click_and_wait, open_window, reopen, type_into

DAY = today() - timedelta(days=2)


def _readings_form(qtbot, store_path: Path):
    reopen(store_path).add_note(Note.create(DAY, "before"))  # the file exists: bytes compared
    window = open_window(qtbot, store_path)
    window.show_tab("readings")
    form = window.readings_tab.form
    form.show_day(DAY)
    return window, form


def test_ctrl_v_fills_the_form_for_review_and_save_stores_it(qtbot, store_path: Path) -> None:
    window, form = _readings_form(qtbot, store_path)
    before = store_path.read_bytes()
    QApplication.clipboard().setText(ENGLISH)
    form.pillars["brand"].setFocus()
    qtbot.keyClick(form.pillars["brand"], Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert [form.pillars[p].value() for p in ("brand", "find", "engage", "build")] == [
        12.275,
        6,
        3.1,
        1.948,
    ]
    assert form.total.text() == "23"
    assert {k: e.text() for k, e in form.optional.items()} == {
        "industry_rank": "65", "network_rank": "71", "industry_avg": "31", "network_avg": "30"
    }  # fmt: skip
    assert "check the figures" in form.status.text()
    assert form.dirty
    assert store_path.read_bytes() == before  # nothing saved until Save
    click_and_wait(qtbot, form.save_button, window.model)
    (reading,) = reopen(store_path).readings()
    assert (reading.day, reading.total, reading.brand, reading.build) == (DAY, 23, 12.275, 1.948)
    assert (reading.industry_rank, reading.network_avg) == (65, 30)


def test_ctrl_v_from_a_text_field_and_the_button_take_the_page(qtbot, store_path: Path) -> None:
    _window, form = _readings_form(qtbot, store_path)
    QApplication.clipboard().setText(PORTUGUESE)
    form.optional["network_avg"].setFocus()
    qtbot.keyClick(form.optional["network_avg"], Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert form.optional["network_avg"].text() == "28.5"
    assert form.pillars["brand"].value() == 20.998
    type_into(qtbot, form.total, "1")  # the member changes a field, then pastes again
    qtbot.mouseClick(form.paste_button, Qt.MouseButton.LeftButton)
    assert form.total.text() == "53"


def test_a_single_figure_pastes_into_the_field_as_usual(qtbot, store_path: Path) -> None:
    _window, form = _readings_form(qtbot, store_path)
    QApplication.clipboard().setText("31.5")
    form.optional["industry_avg"].setFocus()
    qtbot.keyClick(form.optional["industry_avg"], Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert form.optional["industry_avg"].text() == "31.5"
    assert form.pillars["brand"].value() == 0
    assert not form.form_error.text()


def test_refusals_say_what_was_found_and_keep_the_form(qtbot, store_path: Path) -> None:
    _window, form = _readings_form(qtbot, store_path)
    before = store_path.read_bytes()
    type_into(qtbot, form.pillars["find"], "7")
    QApplication.clipboard().setText(HALF)
    form.pillars["find"].setFocus()
    qtbot.keyClick(form.pillars["find"], Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert "found 2 of the 4 pillar values (12.275, 6), the total 23" in form.form_error.text()
    assert form.form_error.isVisible()
    assert form.pillars["find"].value() == 7 and form.total.text() == ""
    QApplication.clipboard().setText(JUNK)
    qtbot.mouseClick(form.paste_button, Qt.MouseButton.LeftButton)
    assert "found no pillar values" in form.form_error.text()
    assert store_path.read_bytes() == before


def test_four_zeros_typed_in_the_form_are_refused(qtbot, store_path: Path) -> None:
    _window, form = _readings_form(qtbot, store_path)
    before = store_path.read_bytes()
    form.pillars["brand"].setFocus()
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert "all four are 0" in form.form_error.text()
    assert store_path.read_bytes() == before
