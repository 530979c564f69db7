"""WCAG contrast of the themes' palettes: text at least 4.5:1 against what it sits on, field
borders and check boxes at least 3:1 (the level for the parts of a control), and the dark
theme really draws its field borders and check boxes in that colour."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QCheckBox, QLineEdit, QSpinBox, QStyleFactory

from ssi_desktop.ui.dark_style import EDGE, DarkFusionStyle
from ssi_desktop.ui.palette import contrast_ratio, muted_text_color
from ssi_desktop.ui.theme import ThemeController, dark_palette, light_palette
from ssi_desktop.ui.widgets import ERROR_COLOURS

Role = QPalette.ColorRole


def _palettes() -> list[tuple[str, QPalette, bool]]:
    fusion = QStyleFactory.create("Fusion")
    return [("light", light_palette(fusion), False), ("dark", dark_palette(), True)]


@pytest.mark.parametrize("index", [0, 1])
def test_text_reads_on_every_surface(qapp, index: int) -> None:
    name, palette, dark = _palettes()[index]
    pairs = [
        (Role.WindowText, Role.Window),
        (Role.Text, Role.Base),
        (Role.Text, Role.AlternateBase),
        (Role.ButtonText, Role.Button),
        (Role.HighlightedText, Role.Highlight),
        (Role.ToolTipText, Role.ToolTipBase),
        (Role.PlaceholderText, Role.Base),
    ]
    for text, ground in pairs:
        ratio = contrast_ratio(palette.color(text), palette.color(ground))
        assert ratio >= 4.5, (name, text.name, ground.name, round(ratio, 2))
    for ground in (Role.Window, Role.Base):
        assert contrast_ratio(muted_text_color(dark), palette.color(ground)) >= 4.5
        error = QColor(ERROR_COLOURS[1 if dark else 0])
        assert contrast_ratio(error, palette.color(ground)) >= 4.5, (name, ground.name)


def test_dark_borders_and_boxes_stand_out(qapp) -> None:
    palette = dark_palette()
    for ground in (Role.Window, Role.Base, Role.Button, Role.AlternateBase):
        ratio = contrast_ratio(QColor(EDGE), palette.color(ground))
        assert ratio >= 3.0, (ground.name, round(ratio, 2))


def _edge_pixels(widget) -> set[str]:
    image = widget.grab().toImage()
    return {image.pixelColor(x, y).name() for x in range(image.width()) for y in (0, 1, 2)} | {
        image.pixelColor(x, image.height() // 2).name() for x in range(min(24, image.width()))
    }


def test_the_dark_theme_draws_edges_in_the_edge_colour(qtbot) -> None:
    app = QApplication.instance()
    theme = ThemeController(app, "dark")
    try:
        assert isinstance(app.style(), DarkFusionStyle)
        for widget in (QLineEdit(), QSpinBox(), QCheckBox("Custom URL")):
            qtbot.addWidget(widget)
            widget.resize(160, 28)
            widget.show()
            qtbot.waitExposed(widget)
            seen = [QColor(c) for c in _edge_pixels(widget)]
            # Antialiasing blends the 1-pixel edge: accept a colour close to it.
            assert any(contrast_ratio(c, QColor(EDGE)) < 1.15 for c in seen), type(widget)
    finally:
        theme.set_mode("light")
