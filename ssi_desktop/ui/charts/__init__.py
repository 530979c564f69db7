"""pyqtgraph charts of the estimate: the History tab's chart, a pillar's chart, the sparkline.

pyqtgraph is imported only under ``ssi_desktop.ui``, after PySide6, so it binds to PySide6.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import PySide6.QtCore  # noqa: F401  (first: pyqtgraph binds to the Qt already imported)

if TYPE_CHECKING:
    from .history import HistoryChart
    from .small import PillarChart, Sparkline

__all__ = ["HistoryChart", "PillarChart", "Sparkline"]


def __getattr__(name: str) -> Any:
    # Each chart's module is imported when first asked for: the dashboard's sparkline paints
    # at start-up, the History chart (and its exports) only when its tab is first shown.
    if name == "HistoryChart":
        from .history import HistoryChart

        return HistoryChart
    if name in ("PillarChart", "Sparkline"):
        from . import small

        return getattr(small, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
