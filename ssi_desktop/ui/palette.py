"""The app's colours: one per pillar, the same on every card, tab icon, chart line and badge.

The pillar hues come from the Okabe–Ito set, which stays distinguishable for the common kinds
of colour blindness. Each hue has a light-background and a dark-background shade, both with at
least 3:1 contrast against the window colour (the WCAG level for lines and markers), so a pillar
keeps its identity when the user switches theme. The total is neutral and the strongest: near
black on light backgrounds, near white on dark ones.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette

#: Series in the order the charts draw and list them: total first, then the pillars.
SERIES = ("total", "brand", "find", "engage", "build")

# (light background, dark background); the dark shades are the lighter Okabe–Ito relatives.
_SHADES: dict[str, tuple[str, str]] = {
    "total": ("#1a1a1a", "#f2f2f2"),
    "brand": ("#0072b2", "#56b4e9"),  # blue / sky blue
    "find": ("#c75400", "#e69f00"),  # vermillion / orange
    "engage": ("#007a5a", "#2fc79a"),  # bluish green
    "build": ("#a8467f", "#e394c3"),  # reddish purple
}
_MUTED = ("#5f6368", "#a6a6a6")
_NOTE = ("#7a5c00", "#e8c85a")
_JUMP = ("#6b6b6b", "#b0b0b0")


def _pick(pair: tuple[str, str], dark: bool) -> QColor:
    return QColor(pair[1] if dark else pair[0])


def pillar_color(name: str, dark: bool) -> QColor:
    """The colour of "total" or a pillar ("brand", "find", "engage", "build")."""
    try:
        return _pick(_SHADES[name], dark)
    except KeyError:
        raise ValueError(f"unknown series {name!r}; expected one of {', '.join(SERIES)}") from None


def is_dark(palette: QPalette | None = None) -> bool:
    """True when the window colour of ``palette`` (default: the application's) is dark."""
    if palette is None:
        palette = QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightnessF() < 0.5


def muted_text_color(dark: bool) -> QColor:
    """Secondary text (help lines, axis captions, empty states): readable, quieter than text."""
    return _pick(_MUTED, dark)


def note_color(dark: bool) -> QColor:
    """Vertical note markers on charts: a warm tone no pillar uses."""
    return _pick(_NOTE, dark)


def jump_color(dark: bool) -> QColor:
    """Recalibration markers: grey, since they are about the model, not the user's activity."""
    return _pick(_JUMP, dark)


def contrast_ratio(a: QColor, b: QColor) -> float:
    """WCAG 2 contrast ratio of two colours, from 1 (same) to 21 (black on white)."""

    def luminance(c: QColor) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

        return (
            0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())
        )

    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)
