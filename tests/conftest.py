"""Test-wide set-up: headless Qt, and no test ever touches the real user's data."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")


@pytest.fixture(scope="session", autouse=True)
def _collect_between_events(qapp: object) -> None:
    """As in the app (``ssi_desktop.app``): Python's cycle collector runs from the event loop,
    never while Qt paints a widget that only a reference cycle still holds."""
    from ssi_desktop.ui.collector import collect_between_events

    collect_between_events(qapp)  # type: ignore[arg-type]


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local/share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.delenv("SSI_DESKTOP_DATA", raising=False)


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "store.json"
