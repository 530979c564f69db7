"""Light and dark: follow the system's colour scheme, or the user's choice in View ▸ Theme.

Qt 6 reports the system scheme (``QStyleHints.colorScheme``) and signals when it changes. A
dark window uses the Fusion style with a dark palette, which looks the same on every OS; the
light one keeps the platform's own style unless the user forced light on a dark system.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyleFactory

_DARK = {
    QPalette.ColorRole.Window: "#202124",
    QPalette.ColorRole.WindowText: "#e8eaed",
    QPalette.ColorRole.Base: "#17181a",
    QPalette.ColorRole.AlternateBase: "#232528",
    QPalette.ColorRole.ToolTipBase: "#2d2f31",
    QPalette.ColorRole.ToolTipText: "#e8eaed",
    QPalette.ColorRole.PlaceholderText: "#9aa0a6",
    QPalette.ColorRole.Text: "#e8eaed",
    QPalette.ColorRole.Button: "#2d2f33",
    QPalette.ColorRole.ButtonText: "#e8eaed",
    QPalette.ColorRole.BrightText: "#ff8a80",
    QPalette.ColorRole.Light: "#4a4e53",
    QPalette.ColorRole.Midlight: "#3a3d41",
    QPalette.ColorRole.Mid: "#44474c",
    QPalette.ColorRole.Dark: "#141517",
    QPalette.ColorRole.Shadow: "#000000",
    QPalette.ColorRole.Highlight: "#3b73c4",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.Link: "#8ab4f8",
    QPalette.ColorRole.LinkVisited: "#c58af9",
}
_DARK_DISABLED = {
    QPalette.ColorRole.WindowText: "#6f7378",
    QPalette.ColorRole.Text: "#6f7378",
    QPalette.ColorRole.ButtonText: "#6f7378",
    QPalette.ColorRole.Button: "#26282b",
    QPalette.ColorRole.Highlight: "#3a3d41",
}


_FUSION_HIGHLIGHT = "#1f6aa5"


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in _DARK.items():
        palette.setColor(role, QColor(colour))
    for role, colour in _DARK_DISABLED.items():
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(colour))
    return palette


def light_palette(style: QStyle) -> QPalette:
    """The style's own light palette; under Fusion with a selection dark enough for white text
    (Fusion's #308cc6 gives 3.7:1, below the 4.5:1 text needs)."""
    palette = style.standardPalette()
    if style.name().lower() == "fusion":
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            palette.setColor(group, QPalette.ColorRole.Highlight, QColor(_FUSION_HIGHLIGHT))
    return palette


class ThemeController(QObject):
    """Applies "system", "light" or "dark" to the application and follows system changes."""

    def __init__(self, app: QApplication, mode: str = "system") -> None:
        super().__init__(app)
        self._app = app
        style = app.style()
        self._native_style = style.name() if style is not None else "Fusion"
        self.mode = mode
        app.styleHints().colorSchemeChanged.connect(lambda _scheme: self.apply())
        self.set_mode(mode)

    def system_is_dark(self) -> bool:
        return self._app.styleHints().colorScheme() == Qt.ColorScheme.Dark

    def set_mode(self, mode: str) -> None:
        self.mode = mode
        hints = self._app.styleHints()
        # Lets native parts (title bars, file dialogs) follow a forced choice (Qt 6.8 and later).
        if hasattr(hints, "unsetColorScheme"):
            if mode == "system":
                hints.unsetColorScheme()
            else:
                scheme = Qt.ColorScheme.Dark if mode == "dark" else Qt.ColorScheme.Light
                hints.setColorScheme(scheme)
        self.apply()

    def is_dark(self) -> bool:
        return self.mode == "dark" or (self.mode == "system" and self.system_is_dark())

    def apply(self) -> None:
        if self.is_dark():
            if not _is_dark_style(self._app.style()):
                from .dark_style import DarkFusionStyle  # loaded only for a dark window

                self._app.setStyle(DarkFusionStyle())
            self._app.setPalette(dark_palette())
        elif self.mode == "light" and self.system_is_dark():
            # A native style may stay dark on a dark system; Fusion's light palette will not.
            style = self._set_style("Fusion")
            self._app.setPalette(light_palette(style))
        else:
            style = self._set_style(self._native_style)
            self._app.setPalette(light_palette(style))

    def _set_style(self, name: str) -> QStyle:
        current = self._app.style()
        if current is None or _is_dark_style(current) or current.name().lower() != name.lower():
            style = QStyleFactory.create(name) or QStyleFactory.create("Fusion")
            self._app.setStyle(style)
        return self._app.style()


def _is_dark_style(style: QStyle | None) -> bool:
    """Whether ``style`` is the dark Fusion style (never, if its module was never needed)."""
    module = sys.modules.get(f"{__package__}.dark_style")
    return module is not None and isinstance(style, module.DarkFusionStyle)
