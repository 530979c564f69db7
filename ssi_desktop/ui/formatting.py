"""How numbers and dates read on screen: one place, so every view says them the same way."""

from __future__ import annotations

from datetime import date

#: U+2212 MINUS SIGN: as wide as "+" in tabular fonts, so signed columns line up.
MINUS = "\u2212"
UP, DOWN, FLAT = "▲", "▼", "▶"

#: Short pillar names for cards, columns and tabs (the catalogue holds the long ones).
PILLAR_NAMES = {"brand": "Brand", "find": "Find", "engage": "Engage", "build": "Build"}


def signed(value: float, decimals: int) -> str:
    """``+1.4`` / ``−0.3`` / ``±0.0``: the sign is always written."""
    rounded = round(value, decimals)
    text = f"{abs(rounded):.{decimals}f}"
    if rounded > 0:
        return "+" + text
    if rounded < 0:
        return MINUS + text
    return "±" + text


def change(value: float, decimals: int) -> str:
    """A change with an arrow and a sign, so colour never carries the meaning alone."""
    rounded = round(value, decimals)
    arrow = UP if rounded > 0 else DOWN if rounded < 0 else FLAT
    return f"{arrow} {signed(value, decimals)}"


def estimate_gap(estimate: float, official: float) -> str:
    """Estimate − official, the one sign convention of the app: + when the estimate is above
    LinkedIn's figure, − below (the Readings table and the dashboard say the same)."""
    return signed(estimate - official, 1)


def pillar_points(value: float) -> str:
    return f"{value:.2f}"


def total_points(value: float) -> str:
    return f"{value:.1f}"


def short_date(day: date, today: date) -> str:
    """ "12 Nov" this year, "12 Nov 2024" otherwise."""
    text = f"{day.day} {day.strftime('%b')}"
    return text if day.year == today.year else f"{text} {day.year}"


def count(value: int) -> str:
    return f"{value:,}".replace(",", "\u2009")  # thin space: readable, never a decimal mark


def two_lines(text: str, longer_than: int = 12) -> str:
    """Break a long column title at the space nearest its middle, so columns stay narrow."""
    if len(text) <= longer_than or " " not in text:
        return text
    middle = len(text) / 2
    cut = min((i for i, ch in enumerate(text) if ch == " "), key=lambda i: abs(i - middle))
    return text[:cut] + "\n" + text[cut + 1 :]


def on_this_day(help_text: str) -> str:
    """A metric's help for a day other than today: "… published today." → "… on this day."."""
    return help_text.replace(" today", " on this day").replace("Today", "On this day")
