"""The pillar colours: readable on light and dark windows, and told apart from each other."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtGui import QColor, QPalette

from ssi_desktop.ui.palette import (
    SERIES,
    contrast_ratio,
    is_dark,
    jump_color,
    muted_text_color,
    note_color,
    pillar_color,
)

LIGHT_WINDOWS = ("#ffffff", "#f0f0f0", "#efefef")
DARK_WINDOWS = ("#1e1e1e", "#2b2b2b", "#353535")


@pytest.mark.parametrize("dark, windows", [(False, LIGHT_WINDOWS), (True, DARK_WINDOWS)])
def test_every_colour_stands_out_from_the_window(
    qapp, dark: bool, windows: tuple[str, ...]
) -> None:
    for window in windows:
        bg = QColor(window)
        for name in SERIES:
            assert contrast_ratio(pillar_color(name, dark), bg) >= 3.0, (name, window)
        assert contrast_ratio(muted_text_color(dark), bg) >= 4.5, window
        assert contrast_ratio(note_color(dark), bg) >= 3.0, window
        assert contrast_ratio(jump_color(dark), bg) >= 3.0, window


@pytest.mark.parametrize("dark", [False, True])
def test_total_is_the_strongest_and_neutral(qapp, dark: bool) -> None:
    bg = QColor(DARK_WINDOWS[0] if dark else LIGHT_WINDOWS[0])
    total = pillar_color("total", dark)
    assert total.hsvSaturationF() < 0.05
    for name in SERIES[1:]:
        assert contrast_ratio(total, bg) > contrast_ratio(pillar_color(name, dark), bg)


@pytest.mark.parametrize("dark", [False, True])
def test_pillars_differ_in_hue(qapp, dark: bool) -> None:
    hues = {name: pillar_color(name, dark).hslHue() for name in SERIES[1:]}
    for a, b in itertools.combinations(hues, 2):
        gap = abs(hues[a] - hues[b])
        assert min(gap, 360 - gap) >= 30, (a, b, hues)


def test_a_pillar_keeps_its_hue_across_themes(qapp) -> None:
    for name in SERIES[1:]:
        gap = abs(pillar_color(name, False).hslHue() - pillar_color(name, True).hslHue())
        assert min(gap, 360 - gap) <= 25, name


def test_unknown_series_is_named_in_the_error(qapp) -> None:
    with pytest.raises(ValueError, match="'reach'"):
        pillar_color("reach", False)


def test_is_dark_reads_the_window_colour(qapp) -> None:
    light = QPalette(QColor("#f0f0f0"))
    dark = QPalette(QColor("#2b2b2b"))
    assert not is_dark(light)
    assert is_dark(dark)


def test_contrast_ratio_extremes(qapp) -> None:
    assert contrast_ratio(QColor("black"), QColor("white")) == pytest.approx(21.0)
    assert contrast_ratio(QColor("#777777"), QColor("#777777")) == pytest.approx(1.0)
