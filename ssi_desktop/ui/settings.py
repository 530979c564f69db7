"""The app's remembered choices, typed and with their defaults in one place.

Stored with ``QSettings`` in an INI file in the platform's config folder (QStandardPaths
``AppConfigLocation``), the same format on every OS, so a user can read or reset it, and each
test's isolated HOME gets its own file.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QStandardPaths

from ..paths import _set_identity
from .chart_ranges import range_from_key, range_key

#: The themes View ▸ Theme offers: (key, menu label).
THEME_CHOICES: tuple[tuple[str, str], ...] = (
    ("system", "&System"),
    ("light", "&Light"),
    ("dark", "&Dark"),
)
THEMES = tuple(key for key, _label in THEME_CHOICES)


def settings_path() -> Path:
    _set_identity()
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppConfigLocation)
    return Path(folder) / "settings.ini"


class AppSettings:
    """Typed access to the app's settings; every getter returns a valid value."""

    def __init__(self, path: Path | None = None) -> None:
        self._qs = QSettings(str(path or settings_path()), QSettings.Format.IniFormat)

    def sync(self) -> None:
        self._qs.sync()

    @property
    def theme(self) -> str:
        value = str(self._qs.value("view/theme", "system"))
        return value if value in THEMES else "system"

    @theme.setter
    def theme(self, value: str) -> None:
        self._qs.setValue("view/theme", value if value in THEMES else "system")

    @property
    def range_days(self) -> int | None:
        return range_from_key(str(self._qs.value("view/range_days", "")))

    @range_days.setter
    def range_days(self, value: int | None) -> None:
        self._qs.setValue("view/range_days", range_key(value))

    @property
    def full_scale(self) -> bool:
        """Charts on their full 0–100 / 0–25 scales instead of fitted to the data in view."""
        return str(self._qs.value("view/full_scale", "false")).lower() == "true"

    @full_scale.setter
    def full_scale(self, value: bool) -> None:
        self._qs.setValue("view/full_scale", "true" if value else "false")

    @property
    def last_store(self) -> Path | None:
        value = self._qs.value("store/last", "")
        return Path(str(value)) if value else None

    @last_store.setter
    def last_store(self, value: Path | None) -> None:
        self._qs.setValue("store/last", str(value) if value else "")

    @property
    def last_tab(self) -> str:
        return str(self._qs.value("window/last_tab", ""))

    @last_tab.setter
    def last_tab(self, value: str) -> None:
        self._qs.setValue("window/last_tab", value)

    @property
    def geometry(self) -> QByteArray | None:
        value = self._qs.value("window/geometry")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self._qs.setValue("window/geometry", value)

    @property
    def window_state(self) -> QByteArray | None:
        value = self._qs.value("window/state")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    @window_state.setter
    def window_state(self, value: QByteArray) -> None:
        self._qs.setValue("window/state", value)
