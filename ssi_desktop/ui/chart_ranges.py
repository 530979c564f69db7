"""The History chart's ranges, declared once: its buttons, View ▸ Range and the saved setting.

Kept free of pyqtgraph so the settings and the menus can use it before any chart is built.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication


@dataclass(frozen=True)
class ChartRange:
    days: int | None  # None: the whole history
    key: str  # how the setting stores it
    button: str  # the chart's button
    menu: str  # View ▸ Range
    tip: str

    def button_text(self) -> str:
        return QCoreApplication.translate("ChartRange", self.button)

    def menu_text(self) -> str:
        return QCoreApplication.translate("ChartRange", self.menu)

    def tip_text(self) -> str:
        return QCoreApplication.translate("ChartRange", self.tip)


RANGES: tuple[ChartRange, ...] = (
    ChartRange(30, "30", "30 d", "&30 days", "Show the last 30 days"),
    ChartRange(90, "90", "90 d", "&90 days", "Show the last 90 days"),
    ChartRange(365, "365", "1 y", "1 &year", "Show the last year"),
    ChartRange(None, "all", "All", "&All", "Show the whole history"),
)
RANGE_DAYS: tuple[int | None, ...] = tuple(r.days for r in RANGES)
DEFAULT_RANGE = 365
#: The longest range with a length: how far back the chart may always pan.
LONGEST_DAYS = max(d for d in RANGE_DAYS if d is not None)


def range_from_key(key: str) -> int | None:
    """The days a stored setting names; the default when it names none."""
    for chart_range in RANGES:
        if chart_range.key == key:
            return chart_range.days
    return DEFAULT_RANGE


def range_key(days: int | None) -> str:
    for chart_range in RANGES:
        if chart_range.days == days:
            return chart_range.key
    raise ValueError(f"no chart range of {days!r} days; expected one of {RANGE_DAYS}")
