"""The Readings tab: official readings with the total check, the table, notes."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import Qt

from ssi_desktop.core.anchor import prediction
from ssi_desktop.core.records import ActivityEntry, Note, Reading
from ssi_desktop.core.validation import today
from ssi_desktop.ui.formatting import signed
from tests.ui.app_helpers import click_and_wait, open_window, reopen, type_into

DAY = today() - timedelta(days=3)
PILLARS_TYPED = {"brand": "12.5", "find": "10.25", "engage": "9", "build": "11.75"}  # sum 43.5


def _fill_pillars(qtbot, form) -> None:
    for pillar, text in PILLARS_TYPED.items():
        type_into(qtbot, form.pillars[pillar], text)


def test_total_far_from_the_sum_is_refused_on_the_total_field(qtbot, store_path: Path) -> None:
    reopen(store_path).add_note(Note.create(DAY, "Holiday"))
    before = store_path.read_bytes()
    window = open_window(qtbot, store_path)
    window.show_tab("readings")
    form = window.readings_tab.form
    form.show_day(DAY)
    _fill_pillars(qtbot, form)
    assert "43.50" in form.sum_hint.text()
    type_into(qtbot, form.total, "45")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert store_path.read_bytes() == before
    total = form.fields["total"]
    assert total.widget.property("invalid") is True
    assert "differs from the sum of the pillars (43.5) by more than 0.5" in total.error.text()
    assert window.focusWidget() is form.total
    assert form.total.text() == "45" and form.pillars["find"].value() == 10.25

    type_into(qtbot, form.total, "44")  # within LinkedIn's rounding
    assert not total.error.isVisible()
    click_and_wait(qtbot, form.save_button, window.model)
    (reading,) = reopen(store_path).readings()
    assert reading.day == DAY and reading.total == 44 and reading.find == 10.25
    assert reading.industry_rank is None  # empty means none


def test_empty_total_is_the_sum_and_optional_fields_are_checked(qtbot, store_path: Path) -> None:
    window = open_window(qtbot, store_path)
    window.show_tab("readings")
    form = window.readings_tab.form
    _fill_pillars(qtbot, form)
    type_into(qtbot, form.optional["industry_rank"], "top")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert not store_path.exists()
    assert "'top' is not a number" in form.fields["industry_rank"].error.text()
    type_into(qtbot, form.optional["industry_rank"], "4")
    type_into(qtbot, form.optional["network_avg"], "31,5")
    click_and_wait(qtbot, form.save_button, window.model)
    (reading,) = reopen(store_path).readings()
    assert reading.total == 43.5 and reading.industry_rank == 4 and reading.network_avg == 31.5
    assert reading.network_rank is None


def test_table_shows_the_estimate_and_deletes_undoably(qtbot, store_path: Path) -> None:
    store = reopen(store_path)
    store.add_records(
        activity=[
            ActivityEntry.create(DAY - timedelta(days=i), {"engage.comments": 3}) for i in range(30)
        ],
        readings=[
            Reading.create(DAY, brand=5, find=5, engage=5, build=5, total=20),
            Reading.create(DAY - timedelta(days=20), brand=4, find=4, engage=4, build=4),
        ],
    )
    window = open_window(qtbot, store_path)
    window.show_tab("readings")
    tab = window.readings_tab
    table = tab.table_model
    assert table.rowCount() == 2
    estimate = prediction(window.model.scores(), DAY).total
    headers = [table.headerData(c, Qt.Orientation.Horizontal) for c in range(table.columnCount())]
    assert table.data(table.index(0, 0)).endswith(DAY.isoformat())  # newest first
    assert table.data(table.index(0, headers.index("Predicted"))) == f"{estimate:.1f}"
    difference = table.data(table.index(0, headers.index("Predicted −\nofficial")))
    assert difference == signed(estimate - 20, 1)  # + when the prediction is above LinkedIn's
    # The dashboard says the same, with the same sign (one convention everywhere).
    window.show_tab("dashboard")
    assert f"predicted − official {difference}" in window.dashboard.official_line.text()

    tab.table.selectRow(0)
    with qtbot.waitSignal(window.model.changed):
        qtbot.mouseClick(tab.delete_button, Qt.MouseButton.LeftButton)
    assert [r.day for r in reopen(store_path).readings()] == [DAY - timedelta(days=20)]
    window.undo_action.trigger()
    assert [r.total for r in reopen(store_path).readings()] == [16, 20]

    # Edit loads the reading into the form; saving changes replaces that day's reading.
    tab.table.selectRow(0)
    qtbot.mouseClick(tab.edit_button, Qt.MouseButton.LeftButton)
    assert tab.form.day() == DAY and tab.form.pillars["brand"].value() == 5
    type_into(qtbot, tab.form.pillars["brand"], "6")
    tab.form.total.selectAll()
    qtbot.keyClick(tab.form.total, Qt.Key.Key_Delete)
    assert tab.form.total.text() == ""
    click_and_wait(qtbot, tab.form.save_button, window.model)
    assert [r.total for r in reopen(store_path).readings()] == [16, 21]
    window.undo_action.trigger()
    assert [r.total for r in reopen(store_path).readings()] == [16, 20]


def test_notes_add_delete_undo(qtbot, store_path: Path) -> None:
    window = open_window(qtbot, store_path)
    window.show_tab("readings")
    notes = window.readings_tab.notes
    qtbot.mouseClick(notes.add_button, Qt.MouseButton.LeftButton)
    assert "must not be empty" in notes.fields["text"].error.text()
    assert not store_path.exists()
    notes.day_picker.set_day(DAY)
    type_into(qtbot, notes.text, "New job")
    with qtbot.waitSignal(window.model.changed):
        qtbot.keyClick(notes.text, Qt.Key.Key_Return)
    assert [n for _id, n in reopen(store_path).notes()] == [Note.create(DAY, "New job")]
    assert notes.list.count() == 1 and notes.text.text() == ""

    notes.list.setCurrentRow(0)
    with qtbot.waitSignal(window.model.changed):
        qtbot.mouseClick(notes.delete_button, Qt.MouseButton.LeftButton)
    assert reopen(store_path).notes() == ()
    window.undo_action.trigger()  # the note comes back (with a new id)
    assert [n.text for _id, n in reopen(store_path).notes()] == ["New job"]
    window.undo_action.trigger()  # and the add is undone too
    assert reopen(store_path).notes() == ()
    window.redo_action.trigger()
    window.redo_action.trigger()
    assert reopen(store_path).notes() == ()
    assert window.undo_action.isEnabled()


def test_the_notes_list_follows_the_store_while_a_note_is_being_typed(
    qtbot, store_path: Path
) -> None:
    reopen(store_path).add_records(notes=[Note.create(DAY, "Holiday"), Note.create(DAY, "New job")])
    window = open_window(qtbot, store_path)
    window.show_tab("readings")
    notes = window.readings_tab.notes
    type_into(qtbot, notes.text, "half-typed")
    notes.list.setCurrentRow(0)
    with qtbot.waitSignal(window.model.changed):
        qtbot.mouseClick(notes.delete_button, Qt.MouseButton.LeftButton)
    assert notes.list.count() == 1 == len(reopen(store_path).notes())
    assert notes.text.text() == "half-typed"  # what the user typed stays
    window.undo_action.trigger()
    assert notes.list.count() == 2


def test_difference_column_is_the_prediction_error(qtbot, store_path: Path) -> None:
    """The estimate shown for a reading is the one the app showed before it was typed in."""
    earlier = DAY - timedelta(days=30)
    reopen(store_path).add_records(
        activity=[
            ActivityEntry.create(DAY - timedelta(days=i), {"engage.comments": 2 + i % 3})
            for i in range(60)
        ],
        readings=[Reading.create(earlier, brand=14, find=9, engage=11, build=13)],
    )
    window = open_window(qtbot, store_path)
    window.show_tab("readings")
    shown_before = window.model.scores().row(DAY).total  # anchored to the earlier reading
    form = window.readings_tab.form
    form.show_day(DAY)
    _fill_pillars(qtbot, form)
    click_and_wait(qtbot, form.save_button, window.model)

    table = window.readings_tab.table_model
    headers = [table.headerData(c, Qt.Orientation.Horizontal) for c in range(table.columnCount())]
    predicted, difference = headers.index("Predicted"), headers.index("Predicted −\nofficial")
    assert window.model.scores().row(DAY).total == 43.5  # the estimate now stands on it
    assert table.data(table.index(0, predicted)) == f"{shown_before:.1f}"
    assert table.data(table.index(0, difference)) == signed(shown_before - 43.5, 1)
    assert abs(43.5 - shown_before) > 0.5  # a real error, not the anchored day's 0
    # The first reading was predicted by the model alone.
    raw = window.model.scores().raw().row(earlier).total
    assert table.data(table.index(1, predicted)) == f"{raw:.1f}"
