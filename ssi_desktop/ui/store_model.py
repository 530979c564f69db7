"""The app's one handle on the store: undoable changes, change signals and cached scores.

Every change goes through :meth:`StoreModel.push` as a value of ``core.changes``: applying it
writes once and returns its inverse, which the undo stack keeps; undoing applies that inverse
and keeps the next one for redo. A change whose write fails is not pushed, the store is left as
it was, and ``save_failed`` says why, so the form that asked can keep what the user typed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from ..core.anchor import estimate
from ..core.coverage import PillarCoverage, coverage
from ..core.explain import Explanation, explain
from ..core.scoring import ScoreTable
from ..core.validation import ValidationError, today
from ..storage import Store, StoreError

if TYPE_CHECKING:
    # Annotations only: the change layer loads with the first form or dialog that builds one.
    from ..core.changes import Change

T = TypeVar("T")


class _ChangeCommand(QUndoCommand):
    """One undo step: holds the change that the next undo (or redo) applies."""

    def __init__(self, model: StoreModel, label: str, inverse: Change) -> None:
        super().__init__(label)
        self._model = model
        self._next = inverse
        self._first = True

    def redo(self) -> None:
        if self._first:  # already applied by push(); QUndoStack.push calls redo() once more
            self._first = False
            return
        self._step(self._model.tr("Redone"))

    def undo(self) -> None:
        self._step(self._model.tr("Undone"))

    def _step(self, verb: str) -> None:
        try:
            inverse = self._model._run(self._next.apply, verb, self.text())
        except ValidationError as exc:  # a record edited by hand since: refuse, keep the rest
            self._model.save_failed.emit(str(exc))
            inverse = None
        if inverse is None:
            self.setObsolete(True)  # Qt drops it: the stack never claims what disk lacks
        else:
            self._next = inverse


class StoreModel(QObject):
    #: The store's content changed (a change, an undo or a redo was written).
    changed = Signal()
    #: A change was written: the status bar shows this message.
    saved = Signal(str)
    #: A write failed; nothing changed on disk. The message says why.
    save_failed = Signal(str)

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.undo_stack = QUndoStack(self)
        self._derived: dict[str, object] = {}
        self._derived_revision = -1

    def push(self, label: str, change: Change, *, backup: str | None = None) -> bool:
        """Apply ``change`` now and make it undoable as ``label``; False if not saved.

        ``backup`` names a backup taken first (an import, a calibration). Bad input raises
        :class:`ValidationError` before anything is written; a failed write emits
        ``save_failed`` and returns False.
        """

        def first(store: Store) -> Change:
            if backup is not None:
                store.backup(backup)
            return change.apply(store)

        inverse = self._run(first, self.tr("Saved"), label)
        if inverse is None:
            return False
        self.undo_stack.push(_ChangeCommand(self, label, inverse))
        return True

    def _run(self, apply: Callable[[Store], Change], verb: str, label: str) -> Change | None:
        """Apply; on success the status bar says what was done ("Undone · 10:42 — …")."""
        try:
            inverse = apply(self.store)
        except StoreError as exc:
            self.save_failed.emit(str(exc))
            self.changed.emit()  # the store dropped its unsaved copy; views re-read
            return None
        self.saved.emit(
            self.tr("{verb} · {time} — {what}").format(
                verb=verb, time=datetime.now().strftime("%H:%M"), what=label
            )
        )
        self.changed.emit()
        return inverse

    def derived(self, name: str, build: Callable[[], T]) -> T:
        """A value computed from the store once per store revision, shared by every view.

        Six charts, the dashboard and the tabs all read the same scores after a save: each is
        computed once, not once per reader.
        """
        if self._derived_revision != self.store.revision:
            self._derived.clear()
            self._derived_revision = self.store.revision
        if name not in self._derived:
            self._derived[name] = build()
        return self._derived[name]  # type: ignore[return-value]

    def scores(self) -> ScoreTable:
        """The estimate for every day up to today, anchored to the official readings
        (``table.raw()`` is the model alone), recomputed only after a change."""
        store = self.store
        return self.derived(
            "scores",
            lambda: estimate(
                store.activity(),
                store.profiles(),
                store.params(),
                totals=store.totals(),
                settings=store.settings(),
                readings=store.readings(),
            ),
        )

    def explanation(self, days: int) -> Explanation:
        """Why the estimate moved over the last ``days`` days, term by term (spec §3.16).

        A history shorter than that is explained from its first day: before it every term is
        0 by construction, and a change from there would only repeat today's score."""
        end = today()

        def build() -> Explanation:
            table = self.scores()
            return explain(table, max(end - timedelta(days=days), min(table.start, end)), end)

        return self.derived(f"explain-{days}", build)

    def coverage(self) -> dict[str, PillarCoverage]:
        """Per pillar, the inputs the member records and those never recorded (spec §3.15)."""
        store = self.store
        return self.derived(
            "coverage",
            lambda: coverage(store.activity(), store.profiles(), store.totals(), store.params()),
        )
