"""The app around the tabs: which store opens, the first run, remembered settings, menus,
themes, help, and --smoke in a real subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QMessageBox

from ssi_desktop import app as app_module
from ssi_desktop.core.records import ActivityEntry
from ssi_desktop.core.sample import generate
from ssi_desktop.core.validation import today
from ssi_desktop.storage import Store
from ssi_desktop.ui.dark_style import DarkFusionStyle
from ssi_desktop.ui.dialogs.first_run import EMPTY, IMPORT, SAMPLE, FirstRunDialog
from ssi_desktop.ui.dialogs.help_dialog import about_text, scoring_dialog
from ssi_desktop.ui.main_window import MainWindow
from ssi_desktop.ui.palette import is_dark, muted_text_color, pillar_color
from ssi_desktop.ui.resources import doc_path
from ssi_desktop.ui.settings import AppSettings
from ssi_desktop.ui.store_model import StoreModel
from ssi_desktop.ui.theme import ThemeController
from ssi_desktop.ui.widgets import MutedLabel
from tests.ui.app_helpers import open_window, reopen


def test_store_path_precedence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    last = tmp_path / "last.json"
    assert app_module.choose_store_path(str(tmp_path / "a.json"), last) == tmp_path / "a.json"
    monkeypatch.setenv("SSI_DESKTOP_DATA", str(tmp_path / "env.json"))
    assert app_module.choose_store_path(None, last) == tmp_path / "env.json"
    monkeypatch.delenv("SSI_DESKTOP_DATA")
    assert app_module.choose_store_path(None, last) == last
    assert app_module.choose_store_path(None, None).name == "ssi-desktop.json"


def test_window_remembers_size_tab_and_store(qtbot, store_path: Path) -> None:
    window = open_window(qtbot, store_path)
    assert window.windowTitle() == f"SSI Desktop — {store_path.name}[*]"  # * when unsaved
    window.resize(760, 540)  # inside the offscreen screen (800 × 600)
    size = (window.width(), window.height())
    assert size != (1280, 820)  # not the default size
    window.show_tab("readings")
    window.close()
    settings = AppSettings()
    assert settings.last_store == store_path
    assert settings.last_tab == "readings"
    again = open_window(qtbot, store_path)
    assert again.current_tab() is again.readings_tab
    assert (again.width(), again.height()) == size


def test_opening_another_store_swaps_everything(qtbot, tmp_path: Path) -> None:
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    reopen(second).set_activity(ActivityEntry.create(today(), {"engage.comments": 5}))
    window = open_window(qtbot, first)
    window.show_tab("engage")
    old_model = window.model
    assert window.switch_store(second)
    assert window.model is not old_model
    assert window.windowTitle() == "SSI Desktop — second.json[*]"
    assert window.current_tab() is window.pillar_tabs["engage"]  # same tab as before
    assert window.pillar_tabs["engage"].form.spins["engage.comments"].value() == 5
    assert not window.dashboard.is_empty_state()
    assert AppSettings().last_store == second
    assert not window.undo_action.isEnabled()


def test_a_damaged_store_goes_to_recovery(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    good, bad = tmp_path / "good.json", tmp_path / "bad.json"
    bad.write_text("{not json")
    window = open_window(qtbot, good)
    asked: list[str] = []
    # The recovery question is a QMessageBox; the user closes it, which means Quit.
    monkeypatch.setattr(QMessageBox, "exec", lambda self: asked.append(self.text()) or 0)
    assert not window.switch_store(bad)
    assert asked and "bad.json" in asked[0]
    assert window.model.store.path == good
    assert bad.read_text() == "{not json"


def test_view_menu_range_and_theme(qtbot, store_path: Path) -> None:
    app = QApplication.instance()
    theme = ThemeController(app, "light")
    reopen(store_path).set_activity(ActivityEntry.create(today(), {"brand.posts": 1}))
    from ssi_desktop.storage import Store
    from ssi_desktop.ui.main_window import MainWindow
    from ssi_desktop.ui.store_model import StoreModel

    window = MainWindow(StoreModel(Store.open(store_path)), AppSettings(), theme)
    qtbot.addWidget(window)
    window.show()
    window.range_actions[30].trigger()
    assert window.current_tab() is window.history_tab
    assert window.history_tab.chart.range_days() == 30
    assert AppSettings().range_days == 30
    assert not is_dark()
    help_line = window.pillar_tabs["brand"].form.findChild(MutedLabel)
    assert help_line.palette().color(QPalette.ColorRole.WindowText) == muted_text_color(False)
    window.theme_actions["dark"].trigger()
    try:
        assert is_dark()
        assert AppSettings().theme == "dark"
        style = QApplication.style()  # Fusion, with edges that show (ui/dark_style.py)
        assert isinstance(style, DarkFusionStyle)
        assert style.baseStyle().name().lower() == "fusion"

        # Everything coloured follows: tab marks and muted text take their dark shades.
        def brand_mark() -> str:
            return window.tabs.tabIcon(1).pixmap(12, 12).toImage().pixelColor(6, 6).name()

        qtbot.waitUntil(lambda: brand_mark() == pillar_color("brand", True).name())
        assert help_line.palette().color(QPalette.ColorRole.WindowText) == muted_text_color(True)
    finally:
        window.theme_actions["light"].trigger()
    assert not is_dark()
    assert AppSettings().theme == "light"


def test_help_and_about(qtbot, store_path: Path) -> None:
    window = open_window(qtbot, store_path)
    dialog = scoring_dialog(window)
    qtbot.addWidget(dialog)
    text = dialog.browser.toPlainText()
    path = doc_path("scoring.md")
    assert path is not None  # found in the source tree, as in the bundle
    heading = path.read_text(encoding="utf-8").splitlines()[0].lstrip("# ").strip()
    assert heading in text and "#" not in text.splitlines()[0]  # rendered, not raw
    about = about_text(store_path, window)
    assert str(store_path.name) in about and "Log folder" in about


@pytest.mark.parametrize(("button", "choice"), [("sample_button", SAMPLE),
                                                 ("import_button", IMPORT),
                                                 ("empty_button", EMPTY)])  # fmt: skip
def test_first_run_dialog_offers_three_starts(qtbot, store_path: Path, button: str,
                                             choice: str) -> None:  # fmt: skip
    dialog = FirstRunDialog(store_path)
    qtbot.addWidget(dialog)
    dialog.show()
    assert all(b.isVisible() for b in (dialog.empty_button, dialog.sample_button,
                                       dialog.import_button))  # fmt: skip
    getattr(dialog, button).click()
    assert dialog.choice == choice


def test_first_run_with_sample_through_main(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """app.main on a store that does not exist: the dialog asks, the sample is written."""
    path = tmp_path / "new" / "store.json"
    monkeypatch.setattr(FirstRunDialog, "exec", lambda self: self.sample_button.click() or 1)
    shown: list[object] = []

    def fake_exec() -> int:
        window = next(
            w
            for w in QApplication.topLevelWidgets()
            if type(w).__name__ == "MainWindow" and w.isVisible()
        )
        shown.append(window)
        window.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", staticmethod(fake_exec))
    assert app_module.main(data=str(path)) == 0
    store = reopen(path)
    assert len(store.activity()) > 350 and len(store.readings()) >= 11
    assert shown and not shown[0].dashboard.is_empty_state()


def _smoke(path: Path, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(tmp_path / "home"),
        "XDG_CONFIG_HOME": str(tmp_path / "home" / ".config"),
    }
    return subprocess.run(
        [sys.executable, "-m", "ssi_desktop", "--data", str(path), "--smoke"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def test_smoke_on_an_empty_store_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "none.json"
    done = _smoke(path, tmp_path)
    assert done.returncode == 0, done.stderr
    assert "smoke ok: 7 tabs" in done.stdout
    assert not path.exists()
    assert not (tmp_path / "home" / ".config").exists()  # no settings written either


def test_smoke_on_a_store_in_a_missing_folder_creates_nothing(tmp_path: Path) -> None:
    path = tmp_path / "not" / "yet" / "store.json"
    done = _smoke(path, tmp_path)
    assert done.returncode == 0, done.stderr
    assert f"rendered from {path}" in done.stdout
    assert not (tmp_path / "not").exists()  # no folder, no lock file


def test_smoke_on_a_sample_store(tmp_path: Path) -> None:
    path = tmp_path / "sample.json"
    data = generate(365)
    with reopen(path) as store:  # closed: the subprocess must get the lock
        store.add_records(**data.as_records())
    before = path.read_bytes()
    done = _smoke(path, tmp_path)
    assert done.returncode == 0, done.stderr
    assert path.read_bytes() == before


def test_smoke_on_a_damaged_store_fails_with_3(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text("garbage")
    done = _smoke(path, tmp_path)
    assert done.returncode == 3
    assert "bad.json" in done.stderr


def test_menu_items_open_the_features(
    qtbot, store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each menu item reaches its feature's dialog (the dialogs are tested with their modules)."""
    from PySide6.QtWidgets import QDialog, QFileDialog

    opened: list[str] = []
    monkeypatch.setattr(QDialog, "exec", lambda self: opened.append(type(self).__name__) or 0)
    monkeypatch.setattr(
        QFileDialog,
        "getOpenFileName",
        staticmethod(lambda *a, **k: opened.append("open file") or ("", "")),
    )
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        staticmethod(lambda *a, **k: opened.append("save file") or ("", "")),
    )
    monkeypatch.setattr(
        QFileDialog,
        "getExistingDirectory",
        staticmethod(lambda *a, **k: opened.append("folder") or ""),
    )
    monkeypatch.setattr(QMessageBox, "exec", lambda self: opened.append("question") or 0)
    window = open_window(qtbot, store_path)
    for action in (window.goals_action, window.calibrate_action, window.backups_action):
        assert action.isEnabled()
        action.trigger()
    assert opened[:3] == ["GoalDialog", "CalibrationDialog", "BackupsDialog"]
    for action in (
        window.import_linkedin_action,
        window.import_csv_action,
        window.export_csv_action,
    ):
        assert action.isEnabled()
        before = len(opened)
        action.trigger()
        assert len(opened) > before  # asked for a file; cancelled, nothing written
    assert not store_path.exists()


def test_a_read_only_store_says_so_in_the_title(qtbot, store_path: Path) -> None:
    reopen(store_path).set_activity(ActivityEntry.create(today(), {"brand.posts": 1}))
    window = MainWindow(StoreModel(Store.open(store_path, read_only=True)), AppSettings())
    qtbot.addWidget(window)
    assert window.windowTitle() == f"SSI Desktop — {store_path.name}[*] (read-only)"


def test_save_day_follows_the_tab_restored_at_start(qtbot, store_path: Path) -> None:
    first = open_window(qtbot, store_path)
    first.show_tab("find")
    first.close()  # remembers the tab
    again = open_window(qtbot, store_path)
    assert again.tab_key(again.tabs.currentIndex()) == "find"
    assert again.save_action.isEnabled()


def test_feature_dialogs_are_deleted_after_use(qtbot, store_path: Path, monkeypatch) -> None:
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QDialog

    monkeypatch.setattr(QDialog, "exec", lambda self: 0)
    window = open_window(qtbot, store_path)
    for _ in range(3):
        window.goals_action.trigger()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert window.findChildren(QDialog) == []


def test_smoke_never_migrates_or_locks_the_users_store(tmp_path: Path) -> None:
    from tests.storage.test_migrations import _write_v1
    from tests.store_holder import held_elsewhere

    old = tmp_path / "old.json"
    before = _write_v1(old)
    done = _smoke(old, tmp_path)
    assert done.returncode == 0, done.stderr
    assert old.read_bytes() == before  # not migrated, no backup, no previous version
    assert [p.name for p in tmp_path.iterdir()] == ["old.json"]

    current = tmp_path / "current.json"
    with reopen(current) as store:
        store.add_records(**generate(30).as_records())
    with held_elsewhere(current):  # the app has this store open meanwhile
        done = _smoke(current, tmp_path)
    assert done.returncode == 0, done.stderr
