"""Files the app reads beside its code: icons and the user docs shown in Help.

From a source checkout they are in the repository (``resources/``, ``docs/``); in a PyInstaller
bundle the spec copies them to the same relative places under ``sys._MEIPASS``. Every lookup
goes through :func:`find_resource`, so the packager has one place to match.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtGui import QIcon

ICON_SIZES = (16, 32, 48, 128, 256, 512)


def _roots() -> list[Path]:
    roots = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        roots.append(Path(bundle))
    roots.append(Path(__file__).resolve().parents[2])  # the repository
    return roots


def find_resource(relative: str) -> Path | None:
    """The first existing ``relative`` path under the bundle or the repository, else None."""
    for root in _roots():
        candidate = root / relative
        if candidate.is_file():
            return candidate
    return None


def doc_path(name: str) -> Path | None:
    """A user doc such as ``scoring.md``."""
    return find_resource(f"docs/{name}")


def app_icon() -> QIcon:
    """The app icon in every size shipped; a null icon when none is (a bare source tree)."""
    icon = QIcon()
    for size in ICON_SIZES:
        path = find_resource(f"resources/icons/ssi-desktop-{size}.png")
        if path is not None:
            icon.addFile(str(path))
    return icon
