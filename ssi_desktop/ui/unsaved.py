"""Nothing typed is lost: the window knows which forms hold unsaved values, says so, and asks.

A form with typed, unsaved values puts a "•" in its tab's title, marks the window modified
(the "*" of the title), and the status bar says what waits instead of "Saved". Leaving that
tab, opening another store or quitting asks first: Save, Discard or Cancel.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from PySide6.QtCore import QObject, Signal, SignalInstance
from PySide6.QtWidgets import QLabel, QMessageBox, QTabWidget, QWidget

DIRTY_MARK = " •"


class _Form(Protocol):
    dirty_changed: SignalInstance

    @property
    def dirty(self) -> bool: ...

    def save(self) -> bool: ...

    def reload(self) -> None: ...


class UnsavedGuard(QObject):
    """Watches the forms of each tab (by tab key) and the Ctrl+D dialog."""

    #: Whether anything is unsaved changed.
    changed = Signal(bool)

    def __init__(self, window: QWidget, tabs: QTabWidget, status: QLabel) -> None:
        super().__init__(window)
        self._window = window
        self._tabs = tabs
        self._status = status
        self._forms: list[tuple[str, _Form]] = []
        self._titles: dict[str, str] = {}
        self._keys: list[str] = []
        self.last_saved = ""

    def reset(self, keys: list[str], titles: dict[str, str]) -> None:
        """A new store: new tabs, no forms watched yet."""
        self._forms = []
        self._keys = keys
        self._titles = titles
        self.update()

    def watch(self, key: str, forms: Sequence[_Form]) -> None:
        for form in forms:
            self._forms.append((key, form))
            form.dirty_changed.connect(lambda _dirty: self.update())

    def unwatch(self, form: _Form) -> None:
        self._forms = [(k, f) for k, f in self._forms if f is not form]
        self.update()

    def dirty(self, key: str | None = None) -> list[tuple[str, _Form]]:
        return [(k, f) for k, f in self._forms if f.dirty and (key is None or k == key)]

    def update(self) -> None:
        dirty_keys = {k for k, _f in self.dirty()}
        for index, key in enumerate(self._keys):
            title = self._titles.get(key, key)
            self._tabs.setTabText(index, title + (DIRTY_MARK if key in dirty_keys else ""))
        self._window.setWindowModified(bool(dirty_keys))
        if dirty_keys:
            where = ", ".join(self._titles.get(k, k) for k in dirty_keys)
            self._status.setText(self.tr("● Unsaved values in {where} — Ctrl+S saves").format(
                where=where))  # fmt: skip
        else:
            self._status.setText(self.last_saved)
        self.changed.emit(bool(dirty_keys))

    def confirm(self, key: str | None = None) -> bool:
        """Ask about the unsaved values (of tab ``key``, or all): True when it may go on."""
        dirty = self.dirty(key)
        if not dirty:
            return True
        where = ", ".join(dict.fromkeys(self._titles.get(k, k) for k, _f in dirty))
        answer = QMessageBox.question(
            self._window,
            self.tr("Unsaved values"),
            self.tr("You typed values in {where} that are not saved. Save them?").format(
                where=where
            ),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return all(form.save() for _k, form in dirty)
        if answer == QMessageBox.StandardButton.Discard:
            for _k, form in dirty:
                form.reload()
            return True
        return False
