"""The pillar tabs driven as a user would: pick a day, type counts, save, edit, delete."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from ssi_desktop.core.catalogue import PILLARS, metrics_for
from ssi_desktop.core.records import ActivityEntry, Reading
from ssi_desktop.core.validation import today
from ssi_desktop.ui.formatting import MINUS, short_date, total_points
from tests.ui.app_helpers import click_and_wait, open_window, reopen, type_into, unwritable

YESTERDAY = today() - timedelta(days=1)


def _typed_values(pillar: str) -> dict[str, int]:
    values = {m.key: min(2 + i, m.max_per_day) for i, m in enumerate(metrics_for(pillar))}
    if pillar == "build":
        values["build.requests_sent"] = 9
        values["build.requests_with_note"] = 4
    return values


@pytest.mark.parametrize("pillar", PILLARS)
def test_typing_a_day_saves_it_and_moves_the_dashboard(
    qtbot, store_path: Path, pillar: str
) -> None:
    window = open_window(qtbot, store_path)
    assert window.dashboard.is_empty_state()
    window.show_tab(pillar)
    tab = window.pillar_tabs[pillar]
    qtbot.mouseClick(tab.form.day_picker.previous_button, Qt.MouseButton.LeftButton)
    assert tab.form.day() == YESTERDAY
    values = _typed_values(pillar)
    for key, value in values.items():
        type_into(qtbot, tab.form.spins[key], str(value))
    click_and_wait(qtbot, tab.form.save_button, window.model)

    stored = reopen(store_path).activity_on(YESTERDAY, "manual")
    assert stored is not None and dict(stored.counts) == values
    # The hidden dashboard catches up when the user looks at it, without a restart.
    window.show_tab("dashboard")
    assert not window.dashboard.is_empty_state()
    expected = window.model.scores().row(today()).total
    assert expected > 0
    assert window.dashboard.displayed_total() == total_points(expected)
    assert "Saved" in window.status.text()
    # The saved day is listed and selected in the pillar's table.
    assert tab.selected_entry() is not None and tab.selected_entry().day == YESTERDAY


def test_the_form_is_the_editor_and_keeps_other_pillars(qtbot, store_path: Path) -> None:
    store = reopen(store_path)
    store.set_activity(ActivityEntry.create(YESTERDAY, {"brand.posts": 3, "find.searches": 7}))
    store.set_activity(ActivityEntry.create(YESTERDAY, {"brand.posts": 5}, "linkedin"))
    window = open_window(qtbot, store_path)
    window.show_tab("brand")
    form = window.pillar_tabs["brand"].form
    form.show_day(YESTERDAY)
    assert form.spins["brand.posts"].value() == 3  # the typed value, not the imported one
    assert form.imported_note.isVisible() and "LinkedIn export" in form.imported_note.text()

    type_into(qtbot, form.spins["brand.posts"], "4")
    click_and_wait(qtbot, form.save_button, window.model)
    again = reopen(store_path)
    assert dict(again.activity_on(YESTERDAY, "manual").counts) == {
        "brand.posts": 4,
        "find.searches": 7,
    }
    assert dict(again.activity_on(YESTERDAY, "linkedin").counts) == {"brand.posts": 5}

    # Another day shows empty fields; coming back shows the saved value.
    qtbot.mouseClick(form.day_picker.next_button, Qt.MouseButton.LeftButton)
    assert form.spins["brand.posts"].value() == 0
    qtbot.mouseClick(form.day_picker.previous_button, Qt.MouseButton.LeftButton)
    assert form.spins["brand.posts"].value() == 4


def test_day_picker_limits(qtbot, store_path: Path) -> None:
    window = open_window(qtbot, store_path)
    picker = window.pillar_tabs["find"].form.day_picker
    assert picker.day() == today()
    assert not picker.next_button.isEnabled()
    picker.set_day(today() + timedelta(days=3))
    assert picker.day() == today()
    picker.date_edit.setFocus()
    assert picker.date_edit.maximumDate().toPython() == today()
    assert picker.date_edit.minimumDate().toPython().isoformat() == "2003-05-05"


def test_more_notes_than_requests_is_refused_and_nothing_is_written(
    qtbot, store_path: Path
) -> None:
    reopen(store_path).set_activity(ActivityEntry.create(YESTERDAY, {"brand.posts": 1}))
    before = store_path.read_bytes()
    window = open_window(qtbot, store_path)
    window.show_tab("build")
    form = window.pillar_tabs["build"].form
    form.show_day(YESTERDAY)
    type_into(qtbot, form.spins["build.requests_sent"], "3")
    type_into(qtbot, form.spins["build.requests_with_note"], "5")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)

    assert store_path.read_bytes() == before
    assert form.spins["build.requests_sent"].value() == 3
    assert form.spins["build.requests_with_note"].value() == 5
    field = form.fields["build.requests_with_note"]
    assert field.widget.property("invalid") is True
    assert field.error.isVisible()
    assert "5 is more than the connection requests sent (3)" in field.error.text()
    assert window.focusWidget() is form.spins["build.requests_with_note"]
    assert window.model.undo_stack.count() == 0

    # Fixing the field clears its error, and the save goes through.
    type_into(qtbot, form.spins["build.requests_with_note"], "2")
    assert not field.error.isVisible() and not field.widget.property("invalid")
    click_and_wait(qtbot, form.save_button, window.model)
    assert reopen(store_path).activity_on(YESTERDAY).total("build.requests_with_note") == 2


def test_a_failed_save_keeps_what_was_typed(qtbot, tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "store.json"
    reopen(path).set_activity(ActivityEntry.create(YESTERDAY, {"brand.posts": 1}))
    before = path.read_bytes()
    window = open_window(qtbot, path)
    window.show_tab("brand")
    form = window.pillar_tabs["brand"].form
    type_into(qtbot, form.spins["brand.posts"], "6")
    type_into(qtbot, form.spins["brand.articles"], "1")
    with unwritable(folder):
        with qtbot.waitSignal(window.model.save_failed):
            qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
        assert path.read_bytes() == before
        assert form.spins["brand.posts"].value() == 6
        assert form.spins["brand.articles"].value() == 1
        assert form.form_error.isVisible() and "Nothing was changed" in form.form_error.text()
        assert window.status.text().startswith("⚠ Not saved")
        assert window.model.undo_stack.count() == 0
    # The app stays usable: once the folder takes files again, the same values save.
    click_and_wait(qtbot, form.save_button, window.model)
    assert reopen(path).activity_on(today()).total("brand.posts") == 6
    assert "Saved" in window.status.text()


def test_table_edit_delete_and_undo(qtbot, store_path: Path) -> None:
    store = reopen(store_path)
    store.add_records(
        activity=[
            ActivityEntry.create(YESTERDAY, {"engage.comments": 4, "brand.posts": 2}),
            ActivityEntry.create(YESTERDAY - timedelta(days=1), {"engage.comments": 1}, "csv"),
        ]
    )
    window = open_window(qtbot, store_path)
    window.show_tab("engage")
    tab = window.pillar_tabs["engage"]
    assert tab.table_model.rowCount() == 2
    assert (
        tab.table_model.data(tab.table_model.index(1, tab.table_model.columnCount() - 1)) == "CSV"
    )

    # Double-click (a press, then the double-click) loads the day into the form.
    rect = tab.table.visualRect(tab.table_model.index(0, 0))
    qtbot.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert tab.form.day() == YESTERDAY
    assert tab.form.spins["engage.comments"].value() == 4

    # Delete removes this pillar's counts of the day, not the other pillars'.
    tab.table.selectRow(0)
    with qtbot.waitSignal(window.model.changed):
        qtbot.mouseClick(tab.delete_button, Qt.MouseButton.LeftButton)
    assert dict(reopen(store_path).activity_on(YESTERDAY).counts) == {"brand.posts": 2}
    assert tab.table_model.rowCount() == 1
    window.undo_action.trigger()
    assert dict(reopen(store_path).activity_on(YESTERDAY).counts) == {
        "brand.posts": 2,
        "engage.comments": 4,
    }
    assert tab.table_model.rowCount() == 2


def test_profile_checklist(qtbot, store_path: Path) -> None:
    window = open_window(qtbot, store_path)
    window.show_tab("brand")
    form = window.pillar_tabs["brand"].profile_form
    assert form is not None
    assert window.pillar_tabs["find"].profile_form is None
    assert "nothing recorded yet" in form.status.text()
    for key in ("photo", "headline", "about"):
        form.boxes[key].click()
    assert "3 of 12 done" in form.status.text()
    click_and_wait(qtbot, form.save_button, window.model)
    snapshots = reopen(store_path).profiles()
    assert len(snapshots) == 1 and snapshots[0].day == today()
    assert {k for k, v in snapshots[0].items.items() if v} == {"photo", "headline", "about"}
    assert "as recorded on" in form.status.text()
    assert (
        window.pillar_tabs["brand"]
        .estimate.text()
        .startswith(f"{window.model.scores().row(today()).brand:.2f}")
    )
    assert window.model.scores().row(today()).brand > 0

    window.undo_action.trigger()
    assert reopen(store_path).profiles() == ()
    assert not form.boxes["photo"].isChecked()


def test_hidden_tabs_catch_up_when_shown(qtbot, store_path: Path) -> None:
    window = open_window(qtbot, store_path)
    window.show_tab("find")
    form = window.pillar_tabs["find"].form
    type_into(qtbot, form.spins["find.searches"], "3")
    click_and_wait(qtbot, form.save_button, window.model)
    window.show_tab("dashboard")
    window.undo_action.trigger()  # changes the store while the Find tab is hidden
    assert reopen(store_path).activity() == ()
    window.show_tab("find")
    tab = window.pillar_tabs["find"]
    assert tab.table_model.rowCount() == 0 and tab.empty_hint.isVisible()
    assert tab.estimate.text().startswith("0.00")


def test_breakdown_adds_up_to_the_pillar(qtbot, store_path: Path) -> None:
    window = open_window(qtbot, store_path)
    window.show_tab("engage")
    tab = window.pillar_tabs["engage"]
    shown = [value.text() for _label, _bar, value in tab.breakdown.rows.values()]
    assert shown and all(text.startswith("0.00 / ") for text in shown)
    type_into(qtbot, tab.form.spins["engage.comments"], "6")
    type_into(qtbot, tab.form.spins["engage.messages_sent"], "4")
    type_into(qtbot, tab.form.spins["engage.replies_received"], "2")
    click_and_wait(qtbot, tab.form.save_button, window.model)
    points = [float(value.text().split(" / ")[0]) for _l, _b, value in tab.breakdown.rows.values()]
    most = [float(value.text().split(" / ")[1]) for _l, _b, value in tab.breakdown.rows.values()]
    engage = window.model.scores().row(today()).engage
    assert engage > 0 and abs(sum(points) - engage) < 0.02 * len(points)
    assert abs(sum(most) - 25) < 0.02 * len(most)
    assert tab.estimate.text() == f"{engage:.2f} / 25"


def test_with_an_official_reading_the_breakdown_still_adds_up(qtbot, store_path: Path) -> None:
    # Two weeks of comments, then LinkedIn's figure: the estimate is held to it, and the
    # breakdown says so on a line of its own (it once showed only the model's parts).
    reopen(store_path).add_records(
        activity=[
            ActivityEntry.create(today() - timedelta(days=i), {"engage.comments": 3})
            for i in range(14)
        ],
        readings=[
            Reading.create(today() - timedelta(days=1), brand=10, find=11, engage=17.5, build=12)
        ],
    )
    window = open_window(qtbot, store_path)
    window.show_tab("engage")
    tab = window.pillar_tabs["engage"]
    parts = [float(v.text().split(" / ")[0]) for _l, _b, v in tab.breakdown.rows.values()]
    label, value = tab.breakdown.beyond["anchor"]
    assert label.isVisible() and value.isVisible()
    assert label.text() == "Official reading of " + short_date(today() - timedelta(days=1), today())
    held = float(value.text().replace(MINUS, "-").replace("±", ""))
    engage = window.model.scores().row(today()).engage
    assert held > 0  # three comments a day is far below an official 17.5
    assert abs(sum(parts) + held - engage) < 0.02 * (len(parts) + 1)
    assert not tab.breakdown.beyond["offset"][0].isVisible()  # not calibrated: no line
    # The dashboard's words name the same reading the same way, never "Your …".
    movers = [term.term for _pillar, term in window.model.explanation(30).movers(3)]
    assert "anchor" in movers
    why = window.dashboard.why.words.text()
    assert "Official reading of " + short_date(today() - timedelta(days=1), today()) in why
    assert "Your official" not in why


def test_unsaved_typing_survives_other_changes(qtbot, store_path: Path) -> None:
    window = open_window(qtbot, store_path)
    window.show_tab("readings")
    notes = window.readings_tab.notes
    type_into(qtbot, notes.text, "Conference")
    click_and_wait(qtbot, notes.add_button, window.model)
    window.show_tab("brand")
    form = window.pillar_tabs["brand"].form
    type_into(qtbot, form.spins["brand.posts"], "2")
    assert form.dirty
    window.undo_action.trigger()  # undoing the note changes the store under the form
    assert reopen(store_path).notes() == ()
    assert form.spins["brand.posts"].value() == 2 and form.dirty
    qtbot.mouseClick(form.revert_button, Qt.MouseButton.LeftButton)
    assert form.spins["brand.posts"].value() == 0 and not form.dirty


@pytest.mark.parametrize("answer", ["Save", "Discard", "Cancel"])
def test_changing_day_with_unsaved_values_asks(
    qtbot, store_path: Path, monkeypatch, answer: str
) -> None:
    from PySide6.QtWidgets import QMessageBox

    asked: list[str] = []

    def question(parent, title, text, *args):
        asked.append(text)
        return getattr(QMessageBox.StandardButton, answer)

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    reopen(store_path).set_activity(ActivityEntry.create(YESTERDAY, {"find.searches": 1}))
    window = open_window(qtbot, store_path)
    window.show_tab("find")
    form = window.pillar_tabs["find"].form
    type_into(qtbot, form.spins["find.searches"], "7")
    qtbot.mouseClick(form.day_picker.previous_button, Qt.MouseButton.LeftButton)
    assert asked == [
        f"Save what you typed for {today().isoformat()} before showing {YESTERDAY.isoformat()}?"
    ]
    saved = reopen(store_path).activity_on(today())
    if answer == "Save":
        assert saved is not None and saved.total("find.searches") == 7
        assert form.day() == YESTERDAY and form.spins["find.searches"].value() == 1
    elif answer == "Discard":
        assert saved is None
        assert form.day() == YESTERDAY and form.spins["find.searches"].value() == 1
    else:
        assert saved is None
        assert form.day() == today() and form.spins["find.searches"].value() == 7
        assert form.dirty
