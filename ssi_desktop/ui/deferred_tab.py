"""A tab whose content is built the first time it is shown or asked for.

Building the four pillar tabs, the readings tab and the History chart took about a third of
the time to the first painted window (``benchmarks/``: start). Only the tab on screen is
needed for that first paint; the others are built when the user opens them (about 60 ms
each) or when code asks for them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Generic, TypeVar

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

W = TypeVar("W", bound=QWidget)


class DeferredTab(QWidget, Generic[W]):
    #: The content was just built (the window then watches its forms for unsaved values).
    built = Signal()

    def __init__(self, build: Callable[[], W], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._build = build
        self._content: W | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def content(self) -> W:
        if self._content is None:
            self._content = self._build()
            self._layout.addWidget(self._content)
            # A child added to a shown layout is shown by a queued event; show it now, so it
            # counts as visible (and redraws on changes) from the first moment.
            self._content.setVisible(True)
            self.built.emit()
        return self._content

    def showEvent(self, event: QShowEvent) -> None:
        self.content()
        super().showEvent(event)


class BuiltOnAccess(Mapping[str, W]):
    """A read-only mapping of deferred tabs that builds each one when it is looked up."""

    def __init__(self, tabs: Mapping[str, DeferredTab[W]]) -> None:
        self._tabs = dict(tabs)

    def __getitem__(self, key: str) -> W:
        return self._tabs[key].content()

    def __iter__(self) -> Iterator[str]:
        return iter(self._tabs)

    def __len__(self) -> int:
        return len(self._tabs)
