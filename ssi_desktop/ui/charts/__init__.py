"""pyqtgraph charts of the estimate: the History tab's chart, a pillar's chart, the sparkline.

pyqtgraph is imported only under ``ssi_desktop.ui``, after PySide6, so it binds to PySide6.
"""

from __future__ import annotations

import PySide6.QtCore  # noqa: F401  (first: pyqtgraph binds to the Qt already imported)

from .history import HistoryChart
from .small import PillarChart, Sparkline

__all__ = ["HistoryChart", "PillarChart", "Sparkline"]
