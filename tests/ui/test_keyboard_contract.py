"""Spec §5's keyboard contract, with real key presses on the real window and file: Ctrl+D,
Ctrl+R, Ctrl+S / Return, one Tab stop for the date, typing replaces, numbers stored exactly
or refused by name; and typed values are never dropped without asking."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from ssi_desktop.core.catalogue import METRICS, PILLARS, metrics_for
from ssi_desktop.core.records import ActivityEntry
from ssi_desktop.core.validation import today
from ssi_desktop.ui.main_window import MainWindow
from tests.ui.app_helpers import open_window, reopen

Ctrl = Qt.KeyboardModifier.ControlModifier
YESTERDAY = today() - timedelta(days=1)


def _active(qtbot, path: Path) -> MainWindow:
    window = open_window(qtbot, path)
    window.raise_()
    window.activateWindow()
    QApplication.processEvents()
    return window


def _focus() -> QWidget:
    QApplication.processEvents()  # a window just shown becomes active
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def _answer(monkeypatch: pytest.MonkeyPatch, button: QMessageBox.StandardButton) -> list[str]:
    asked: list[str] = []

    def question(_parent, title, text, *args, **kwargs):
        asked.append(f"{title}: {text}")
        return button

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    return asked


def _click_into(qtbot, field: QWidget) -> None:
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton, pos=QPoint(field.width() - 8, 8))
    QApplication.processEvents()


def test_ctrl_d_is_one_form_for_the_whole_day_typed_with_tabs(qtbot, store_path: Path) -> None:
    window = _active(qtbot, store_path)
    qtbot.keyClick(window.tabs, Qt.Key.Key_D, Ctrl)
    dialog = window.day_dialog
    assert dialog is not None and dialog.isVisible()
    assert set(dialog.fields) == {m.key for m in METRICS}  # every daily metric, one form
    assert dialog.day() == today()
    first = metrics_for(PILLARS[0])
    assert _focus() is dialog.fields[first[0].key]
    # "2 Tab 5 Tab 12": three fields, the date untouched.
    for text in ("2", "5", "12"):
        qtbot.keyClicks(_focus(), text)
        if text != "12":
            qtbot.keyClick(_focus(), Qt.Key.Key_Tab)
    assert dialog.day() == today()
    with qtbot.waitSignal(window.model.changed):
        qtbot.keyClick(_focus(), Qt.Key.Key_S, Ctrl)
    stored = reopen(store_path).activity_on(today(), "manual")
    assert stored is not None
    assert dict(stored.counts) == {first[0].key: 2, first[1].key: 5, first[2].key: 12}
    assert window.status.text().startswith("Saved · ")
    # Ctrl+D again brings back the same one form.
    qtbot.keyClick(window.tabs, Qt.Key.Key_D, Ctrl)
    assert window.day_dialog is dialog


def test_the_date_is_one_tab_stop(qtbot, store_path: Path) -> None:
    window = _active(qtbot, store_path)
    window.show_tab("find")
    form = window.pillar_tabs["find"].form
    form.day_picker.date_edit.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(form.day_picker.date_edit, Qt.Key.Key_Tab)
    assert _focus() is next(iter(form.spins.values()))


def test_click_into_a_zero_and_type_replaces_it(qtbot, store_path: Path) -> None:
    window = _active(qtbot, store_path)
    window.show_tab("engage")
    form = window.pillar_tabs["engage"].form
    field = form.spins["engage.comments"]
    assert field.text() == "0"
    _click_into(qtbot, field)
    qtbot.keyClicks(field, "2")
    assert field.text() == "2"
    with qtbot.waitSignal(window.model.changed):
        qtbot.keyClick(field, Qt.Key.Key_Return)
    assert reopen(store_path).activity_on(today(), "manual").counts == {"engage.comments": 2}


def test_ctrl_r_reading_in_brand_tab_order_and_exact_decimals(qtbot, store_path: Path) -> None:
    window = _active(qtbot, store_path)
    qtbot.keyClick(window.tabs, Qt.Key.Key_R, Ctrl)
    form = window.readings_tab.form
    assert window.current_tab() is window.readings_tab
    assert _focus() is form.pillars["brand"]
    assert form.pillars["brand"].text() == "0.00"
    _click_into(qtbot, form.pillars["brand"])  # click into "0.00", type: replaced
    qtbot.keyClicks(_focus(), "20.97")
    for pillar, text in zip(PILLARS[1:], ("12.5", "18.25", "21"), strict=True):
        qtbot.keyClick(_focus(), Qt.Key.Key_Tab)
        assert _focus() is form.pillars[pillar]  # Brand → Find → Engage → Build
        qtbot.keyClicks(_focus(), text)
    qtbot.keyClick(_focus(), Qt.Key.Key_Return)
    errors = [f.error.text() for f in form.fields.values() if f.error.text()]
    assert not errors and not form.form_error.text()
    [reading] = reopen(store_path).readings()
    assert (reading.brand, reading.find, reading.engage, reading.build) == (20.97, 12.5, 18.25, 21)


@pytest.mark.parametrize(
    ("typed", "reason"), [("99999999", "more than"), ("-2", "negative"), ("2.5", "whole number")]
)
def test_a_number_is_refused_by_name_never_changed(
    qtbot, store_path: Path, typed: str, reason: str
) -> None:
    reopen(store_path).set_activity(ActivityEntry.create(YESTERDAY, {"brand.posts": 1}))
    before = store_path.read_bytes()
    window = _active(qtbot, store_path)
    window.show_tab("brand")
    form = window.pillar_tabs["brand"].form
    field = form.spins["brand.posts"]
    _click_into(qtbot, field)
    qtbot.keyClicks(field, typed)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    error = form.fields["brand.posts"].error
    assert error.isVisible() and reason in error.text()
    assert field.text() == typed  # what was typed stays, unchanged
    assert store_path.read_bytes() == before  # nothing written
    # The whole-day form names the field in its message too.
    qtbot.keyClick(window.tabs, Qt.Key.Key_D, Ctrl)
    dialog = window.day_dialog
    qtbot.keyClicks(_focus(), typed)
    qtbot.keyClick(_focus(), Qt.Key.Key_Return)
    message = dialog.fields["brand.posts"].property("error_label").text()
    assert "Posts published" in message and reason in message
    assert dialog.fields["brand.posts"].text() == typed
    assert store_path.read_bytes() == before
    dialog.reload()


def test_help_says_on_this_day_for_a_past_day(qtbot, store_path: Path) -> None:
    window = _active(qtbot, store_path)
    window.show_tab("brand")
    form = window.pillar_tabs["brand"].form
    assert "today" in form._help_lines["brand.posts"].text()
    form.show_day(YESTERDAY)
    assert "on this day" in form._help_lines["brand.posts"].text()
    assert "today" not in form._help_lines["brand.posts"].text()


def test_a_week_of_totals_is_spread_over_the_working_days(qtbot, store_path: Path) -> None:
    window = _active(qtbot, store_path)
    dialog = window.record_day()
    monday = today() - timedelta(days=today().weekday() + 14)  # a whole week in the past
    dialog.mode.setCurrentIndex(dialog.mode.findData("week"))
    dialog.day_picker.set_day(monday + timedelta(days=2))
    dialog.focus_first()
    qtbot.keyClicks(_focus(), "12")  # posts: 12 over Mon–Fri
    assert "Mon" in dialog.preview.text()
    with qtbot.waitSignal(window.model.changed):
        qtbot.keyClick(_focus(), Qt.Key.Key_Return)
    store = reopen(store_path)
    got = {
        d: store.activity_on(d, "manual").counts.get("brand.posts")
        for d in (monday + timedelta(days=i) for i in range(7))
        if store.activity_on(d, "manual")
    }
    assert got == {monday + timedelta(days=i): n for i, n in enumerate((3, 3, 2, 2, 2))}
    window.undo_action.trigger()  # one change: one undo takes the whole week back
    assert reopen(store_path).activity() == ()


def _type_unsaved(qtbot, window: MainWindow) -> QWidget:
    window.show_tab("build")
    field = window.pillar_tabs["build"].form.spins["build.requests_sent"]
    _click_into(qtbot, field)
    qtbot.keyClicks(field, "7")
    return field


def test_unsaved_values_mark_the_tab_and_the_window(qtbot, store_path: Path) -> None:
    window = _active(qtbot, store_path)
    _type_unsaved(qtbot, window)
    index = window._tab_keys.index("build")
    assert window.tabs.tabText(index).endswith("•")
    assert window.isWindowModified()
    assert "Saved" not in window.status.text() and "Unsaved" in window.status.text()
    with qtbot.waitSignal(window.model.changed):
        qtbot.keyClick(_focus(), Qt.Key.Key_S, Ctrl)
    assert not window.tabs.tabText(index).endswith("•") and not window.isWindowModified()
    assert window.status.text().startswith("Saved · ")


@pytest.mark.parametrize(
    ("button", "stored", "closed"),
    [
        (QMessageBox.StandardButton.Save, 7, True),
        (QMessageBox.StandardButton.Discard, None, True),
        (QMessageBox.StandardButton.Cancel, None, False),
    ],
)
def test_quitting_with_typed_values_asks(
    qtbot, store_path: Path, monkeypatch, button, stored: int | None, closed: bool
) -> None:
    window = _active(qtbot, store_path)
    field = _type_unsaved(qtbot, window)
    asked = _answer(monkeypatch, button)
    window.close()  # what File ▸ Quit (Ctrl+Q) and the window's close button do
    assert asked and "Build" in asked[0]
    entry = reopen(store_path).activity_on(today(), "manual")
    assert (entry.counts.get("build.requests_sent") if entry else None) == stored
    assert window.isVisible() != closed
    if not closed:
        assert field.text() == "7"  # Cancel: what was typed stays


def test_switching_tab_or_store_asks_first(
    qtbot, store_path: Path, tmp_path: Path, monkeypatch
) -> None:
    window = _active(qtbot, store_path)
    field = _type_unsaved(qtbot, window)
    _answer(monkeypatch, QMessageBox.StandardButton.Cancel)
    qtbot.keyClick(_focus(), Qt.Key.Key_1, Ctrl)  # the dashboard: Cancel stays on Build
    assert window.tab_key(window.tabs.currentIndex()) == "build"
    other = tmp_path / "other.json"
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(other), ""))
    )
    window.open_other_store()
    assert window.model.store.path == store_path and field.text() == "7"
    _answer(monkeypatch, QMessageBox.StandardButton.Save)
    window.open_other_store()
    assert window.model.store.path == other.absolute()
    assert reopen(store_path).activity_on(today(), "manual").counts == {"build.requests_sent": 7}


def test_a_week_day_in_the_future_is_never_written(qtbot, store_path: Path) -> None:
    window = _active(qtbot, store_path)
    dialog = window.record_day()
    dialog.mode.setCurrentIndex(dialog.mode.findData("week"))
    assert all(day <= today() for day in dialog.week())
    assert dialog.week()[0].weekday() == 0 and isinstance(dialog.week()[0], date)
