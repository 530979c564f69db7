"""Redraw a view of the store only while it can be seen.

After a save, every tab, chart and panel hears ``StoreModel.changed``; only the visible ones
need to redraw at once. A hidden one is marked stale and redrawn when it is next shown, so one
save costs one tab's redraw, not ten (``benchmarks/``: the save figure).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

from .store_model import StoreModel


class RefreshWhenShown(QObject):
    """Calls ``refresh`` on store changes while ``widget`` is visible, else when next shown.

    It is the widget's child and the widget keeps a reference to it (an event filter that
    Python collects stops filtering).
    """

    def __init__(self, widget: QWidget, model: StoreModel, refresh: Callable[[], None]) -> None:
        super().__init__(widget)
        self._widget = widget
        self._refresh = refresh
        self.stale = False
        model.changed.connect(self._on_changed)
        widget.installEventFilter(self)

    def _on_changed(self) -> None:
        if self._widget.isVisible():
            self.now()
        else:
            self.stale = True

    def now(self) -> None:
        """Redraw immediately (and forget any pending catch-up)."""
        self.stale = False
        self._refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and self.stale:
            self.now()
        return False
