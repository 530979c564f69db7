"""Opening an unusable store in the app: what the user is told and what each choice does.

The real message boxes run; a timer plays the user, pressing the buttons by their labels.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from ssi_desktop.core.records import ActivityEntry
from ssi_desktop.storage import Store
from ssi_desktop.ui.dialogs.recovery import open_store_interactively
from tests.store_holder import held_elsewhere


class User:
    """Answers each message box in turn by pressing the button whose label starts so."""

    def __init__(self, answers: list[str | tuple[str, Callable[[], None]]]) -> None:
        self.answers = list(answers)
        self.seen: list[dict[str, object]] = []
        self._timer = QTimer()
        self._timer.timeout.connect(self._look)
        self._timer.start(20)

    def _look(self) -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or not box.isVisible() or not self.answers:
            return
        answer = self.answers.pop(0)
        label, before = (answer, None) if isinstance(answer, str) else answer
        buttons = [b.text().replace("&", "") for b in box.buttons()]
        self.seen.append({"text": box.text(), "details": box.informativeText(), "buttons": buttons})
        if before is not None:
            before()
        for button in box.buttons():
            if button.text().replace("&", "").startswith(label):
                button.click()
                return
        box.reject()
        raise AssertionError(f"no {label!r} button among {buttons}")

    def stop(self) -> None:
        self._timer.stop()


@pytest.fixture
def user(qapp):
    made: list[User] = []

    def answering(*answers) -> User:
        made.append(User(list(answers)))
        return made[-1]

    yield answering
    for u in made:
        u.stop()


def _store_with_backup(path: Path) -> bytes:
    with Store.open(path) as store:
        store.set_activity(ActivityEntry.create("2024-08-01", {"brand.posts": 1}))
        store.backup("manual")
    return path.read_bytes()


def test_restore_the_latest_good_backup_keeps_the_damaged_file(store_path: Path, user) -> None:
    good = _store_with_backup(store_path)
    damaged = good[: len(good) // 2]
    store_path.write_bytes(damaged)
    u = user("Restore the latest good backup", "OK")
    store = open_store_interactively(store_path)
    assert store is not None
    with store:
        assert [e.day.isoformat() for e in store.activity()] == ["2024-08-01"]
    first = u.seen[0]
    assert "cannot use" in first["text"] and "has not been changed" in first["text"]
    assert "damaged or truncated" in first["details"] and "backup(s) exist" in first["details"]
    assert first["buttons"][1:] == ["Choose another file…", "Quit"]
    aside = list(store_path.parent.glob("store.json.damaged-*.json"))
    assert len(aside) == 1 and aside[0].read_bytes() == damaged
    assert str(aside[0]) in u.seen[1]["text"]  # the user is told where it went
    assert store_path.read_bytes() == good


def test_no_backup_means_no_restore_offer_and_quit_leaves_the_file(store_path: Path, user) -> None:
    store_path.write_bytes(b"\x00garbage\xff")
    u = user("Quit")
    assert open_store_interactively(store_path) is None
    assert u.seen[0]["buttons"] == ["Choose another file…", "Quit"]
    assert "No backups were found" in u.seen[0]["details"]
    assert store_path.read_bytes() == b"\x00garbage\xff"
    assert list(store_path.parent.glob("*.damaged-*")) == []


def test_a_newer_file_is_not_offered_a_restore(store_path: Path, user) -> None:
    _store_with_backup(store_path)
    data = json.loads(store_path.read_bytes())
    data["meta"]["1"]["schema"] = 99
    store_path.write_text(json.dumps(data))
    before = store_path.read_bytes()
    u = user("Quit")
    assert open_store_interactively(store_path) is None
    assert "newer SSI Desktop" in u.seen[0]["details"]
    assert not any(b.startswith("Restore") for b in u.seen[0]["buttons"])
    assert store_path.read_bytes() == before


def test_choose_another_file(store_path: Path, tmp_path: Path, user, monkeypatch) -> None:
    store_path.write_bytes(b"")
    other = tmp_path / "other.json"
    _store_with_backup(other)
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(other), ""))
    )
    user("Choose another file")
    store = open_store_interactively(store_path)
    assert store is not None and store.path == other
    store.close()
    assert store_path.read_bytes() == b""


def test_a_store_open_elsewhere_can_be_tried_again(store_path: Path, user) -> None:
    _store_with_backup(store_path)
    with held_elsewhere(store_path) as holder:

        def close_the_other() -> None:
            holder.kill()
            holder.wait()

        u = user("Try again", ("Try again", close_the_other))
        store = open_store_interactively(store_path)
        assert store is not None
        store.close()
        assert len(u.seen) == 2
        assert "Another SSI Desktop has store.json open" in u.seen[0]["text"]
        assert f"process {holder.pid}" in u.seen[0]["details"]


def test_a_store_open_elsewhere_can_be_viewed_read_only(store_path: Path, user) -> None:
    _store_with_backup(store_path)
    with held_elsewhere(store_path):
        before = store_path.read_bytes()
        u = user("Open read-only")
        store = open_store_interactively(store_path)
        assert store is not None and store.read_only
        assert [e.day.isoformat() for e in store.activity()] == ["2024-08-01"]
        assert u.seen[0]["buttons"] == [
            "Try again",
            "Open read-only",
            "Choose another file…",
            "Quit",
        ]
        store.close()
        assert store_path.read_bytes() == before


def test_a_store_with_an_invalid_record_is_offered_a_restore(store_path: Path, user) -> None:
    """Valid JSON, an invalid record (issue 16): refused like a damaged file, the record and
    the field named, and restoring the newest good backup brings the store back."""
    good = _store_with_backup(store_path)
    document = json.loads(good)
    document["activity"]["1"]["counts"]["brand.posts"] = "lots"
    invalid = json.dumps(document).encode()
    store_path.write_bytes(invalid)
    u = user("Restore the latest good backup", "OK")
    store = open_store_interactively(store_path)
    assert store is not None
    with store:
        assert [e.day.isoformat() for e in store.activity()] == ["2024-08-01"]
    details = str(u.seen[0]["details"])
    assert "activity record '1' (2024-08-01): brand.posts: must be a whole number" in details
    assert store_path.read_bytes() == good
    aside = list(store_path.parent.glob("store.json.damaged-*.json"))
    assert len(aside) == 1 and aside[0].read_bytes() == invalid
