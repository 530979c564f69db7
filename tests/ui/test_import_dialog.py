"""Import and export from the app, driven as a user would: choose, wait, preview, import,
undo; cancel; CSV out and back in."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QMessageBox,
    QProgressDialog,
    QWidget,
)
from pytestqt.qtbot import QtBot

from ssi_desktop.core.linkedin import plan_import
from ssi_desktop.core.parameters import DEFAULT_PARAMS
from ssi_desktop.core.records import (
    ActivityEntry,
    Goal,
    Note,
    ProfileSnapshot,
    Settings,
    TotalsSnapshot,
)
from ssi_desktop.storage import Store
from ssi_desktop.ui import import_dialog
from ssi_desktop.ui.import_dialog import ImportPreviewDialog
from ssi_desktop.ui.store_model import StoreModel
from tests.core import export_builder as xb
from tests.core.linkedin_sample import EXPECTED, ZIP_NAME, files


@pytest.fixture
def model(store_path: Path, qtbot: QtBot) -> Iterator[StoreModel]:
    store = Store.open(store_path)
    yield StoreModel(store)
    store.close()


def linkedin_counts(store: Store) -> dict[str, dict[date, int]]:
    out: dict[str, dict[date, int]] = {}
    for entry in store.activity():
        if entry.source == "linkedin":
            for key, n in entry.counts.items():
                out.setdefault(key, {})[entry.day] = n
    return out


def when_shown(kind: type[QWidget], act: Callable[[QWidget], None]) -> Callable[[], None]:
    """Act on the next modal widget of ``kind`` once it is up (modal dialogs block).

    Returns a function that stops waiting, for a dialog that should never show.
    """
    stopped: list[bool] = []

    def poll() -> None:
        if stopped:
            return
        widget = QApplication.activeModalWidget()
        if isinstance(widget, kind) and widget.isVisible():
            act(widget)
        else:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(20, poll)
    return lambda: stopped.append(True)


def click_button(text: str) -> Callable[[QWidget], None]:
    def act(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        [button] = [b for b in box.buttons() if b.text() == text]
        button.click()

    return act


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    for name in ("information", "warning"):
        monkeypatch.setattr(
            QMessageBox, name, lambda _p, title, text, *a, **k: shown.append(f"{title}: {text}")
        )
    return shown


def test_linkedin_import_preview_apply_undo_redo(
    model: StoreModel,
    tmp_path: Path,
    qtbot: QtBot,
    messages: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    store = model.store
    # What undo must give back exactly: an earlier linkedin count, a typed count, a profile.
    store.add_records(
        activity=[
            ActivityEntry.create(
                date(2025, 8, 2), {"engage.reactions": 9, "brand.posts": 4}, "linkedin"
            ),
            ActivityEntry.create(date(2025, 8, 2), {"engage.comments": 1}),
        ],
        profiles=[ProfileSnapshot.create(date(2025, 6, 1), {"photo": True})],
    )
    before_activity, before_profiles = store.activity(), store.profiles()
    archive = xb.write_zip(tmp_path / ZIP_NAME, files())
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *a, **k: (str(archive), "LinkedIn export (*.zip)")
    )
    when_shown(QMessageBox, click_button("Choose zip file…"))

    def import_from_preview(dialog: QWidget) -> None:
        assert isinstance(dialog, ImportPreviewDialog)
        report = dialog.report.toPlainText()
        assert "Reactions_12345.csv: 3 of 6 rows used" in report
        # Sentences with the catalogue's names, not keys and key=value dumps.
        assert "=" not in report and "engage.reactions" not in report
        assert "from the today" not in report
        assert "the activity of 16 days" in dialog.summary.text()
        dialog.import_button.click()

    QTimer.singleShot(0, lambda: when_shown(ImportPreviewDialog, import_from_preview))
    import_dialog.run_linkedin_import(model, None)

    stored = linkedin_counts(store)
    # The earlier imported 2 August counts were replaced, not added to.
    assert stored == EXPECTED
    assert store.activity_on(date(2025, 8, 2), "manual").counts == {"engage.comments": 1}
    assert store.profiles()[-1].day == date(2025, 7, 20)  # dated by its items, see test_core
    network = [(s.day, s.values["totals.connections"]) for s in store.totals()]
    assert network == [(date(2025, 12, 7), 2), (date(2026, 1, 1), 4), (date(2026, 1, 15), 4)]
    assert messages and messages[-1].startswith(
        f"LinkedIn export imported: 16 days of activity now come from {ZIP_NAME}."
    )

    model.undo_stack.undo()
    assert store.activity() == before_activity
    assert store.profiles() == before_profiles
    assert store.totals() == ()
    with Store.open(store.path) as fresh:  # the undo is on disk too
        assert fresh.activity() == before_activity
        assert fresh.totals() == ()
    model.undo_stack.redo()
    assert linkedin_counts(store) == stored
    assert [(s.day, s.values["totals.connections"]) for s in store.totals()] == network


def test_cancel_while_reading_writes_nothing(
    model: StoreModel, tmp_path: Path, qtbot: QtBot, messages: list[str]
) -> None:
    model.store.set_activity(ActivityEntry.create(date(2025, 1, 1), {"brand.posts": 1}))
    before = model.store.path.read_bytes()
    big = xb.write_zip(
        tmp_path / "big.zip",
        {
            "Reactions.csv": xb.reactions_csv(
                [f"2024-{m:02d}-{d:02d} 10:00:00" for m in range(1, 13) for d in range(1, 29)] * 600
            )
        },
    )
    previewed: list[bool] = []

    def too_late(dialog: QWidget) -> None:  # the read finished before Cancel: fail, not hang
        previewed.append(True)
        assert isinstance(dialog, ImportPreviewDialog)
        dialog.reject()

    when_shown(QProgressDialog, lambda dialog: dialog.cancel())
    stop = when_shown(ImportPreviewDialog, too_late)
    import_dialog.run_linkedin_import(model, None, path=big)
    stop()
    assert previewed == []
    assert model.store.path.read_bytes() == before
    assert model.undo_stack.count() == 0
    assert messages == []


def test_not_an_export_is_said_and_nothing_written(
    model: StoreModel, tmp_path: Path, qtbot: QtBot, messages: list[str]
) -> None:
    holiday = xb.write_zip(tmp_path / "holiday.zip", {"beach.jpg": "x"})
    import_dialog.run_linkedin_import(model, None, path=holiday)
    [message] = messages
    assert message.startswith("Not a LinkedIn export:")
    assert "holds none of the files of a LinkedIn data export" in message
    assert not model.store.path.exists()


def test_damaged_archive_cannot_be_imported(
    model: StoreModel, tmp_path: Path, qtbot: QtBot
) -> None:
    content = files()
    content["Shares.csv"] = xb.shares_csv([f"2025-06-{d:02d} 10:00:00" for d in range(1, 29)] * 300)
    archive = xb.write_zip(tmp_path / ZIP_NAME, content)
    xb.truncate_member(archive, "Shares.csv")
    result = import_dialog.read_with_progress(archive, None)
    assert result is not None
    dialog = ImportPreviewDialog(result, plan_import(model.store, result))
    qtbot.addWidget(dialog)
    assert not dialog.import_button.isEnabled()
    assert "The archive is damaged (Shares.csv)" in dialog.summary.text()


def test_csv_export_then_import_into_another_store_and_undo(
    model: StoreModel,
    tmp_path: Path,
    qtbot: QtBot,
    messages: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    model.store.add_records(
        activity=[ActivityEntry.create(date(2025, 3, 1), {"find.searches": 5})],
        notes=[Note.create(date(2025, 3, 1), "@team offsite")],
        totals=[TotalsSnapshot.create(date(2025, 3, 1), {"totals.connections": 500})],
        goal=Goal.create(70),
    )
    model.store.set_settings(Settings(warm_start=False, sales_navigator=True))
    fitted = DEFAULT_PARAMS.with_weights({DEFAULT_PARAMS.terms[0].name: 0.5}, "fitted")
    model.store.set_params(fitted, {"readings": 4})
    folder = tmp_path / "csv"
    folder.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    import_dialog.run_csv_export(model, None)
    assert messages[-1].startswith("CSV exported: Written to")
    assert "'@team offsite" in (folder / "notes.csv").read_text()

    other = StoreModel(Store.open(tmp_path / "other.json"))
    other.store.add_records(notes=[Note.create(date(2025, 2, 1), "kept")])
    import_dialog.run_csv_import(other, None)
    # The source comes back too: typed counts stay typed counts.
    assert other.store.activity_on(date(2025, 3, 1), "manual").counts == {"find.searches": 5}
    # One forced backup per import, not one from the dialog and another from the importer.
    assert [b.reason for b in other.store.backups()].count("import-csv") == 1
    assert [n.text for _i, n in other.store.notes()] == ["kept", "@team offsite"]
    assert other.store.totals() == model.store.totals()
    assert other.store.settings() == model.store.settings()
    assert other.store.goal() == model.store.goal()
    assert other.store.params() == fitted and other.store.params_info() == {"readings": 4}
    other.undo_stack.undo()
    assert other.store.activity() == ()
    assert [n.text for _i, n in other.store.notes()] == ["kept"]
    assert other.store.totals() == () and other.store.goal() is None
    assert other.store.settings() == Settings() and other.store.params() == DEFAULT_PARAMS
    other.store.close()


def test_csv_import_errors_are_listed_and_nothing_written(
    model: StoreModel, tmp_path: Path, qtbot: QtBot, messages: list[str]
) -> None:
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "activity.csv").write_text("date,brand.posts\n2025-01-01,-1\n")
    import_dialog.run_csv_import(model, None, path=folder)
    assert messages == [
        "Nothing was imported: Fix these rows and import again:\n\n"
        "activity.csv row 2, column brand.posts: must not be negative (-1)"
    ]
    assert not model.store.path.exists()
