"""The dashboard's advice and goal panels.

:class:`AdvicePanel` shows the next best actions (``core.advice``), best 90-day gain first,
each with the points it would add in 30 and in 90 days, and names the weakest pillar. Advice
runs the model a few dozen times (tens of milliseconds on ten years), so it is recomputed
only when the store changed *and* the panel is visible, at most once per burst of changes,
and shared with the goal panel. :class:`GoalPanel` shows how far the estimate is from the
goal and when carrying on as in the last four weeks gets there (``core.goals``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ...core.anchor import anchor_vector, anchored_advice
from ...core.catalogue import PILLAR_LABELS, PILLAR_MAX
from ...core.validation import today
from ..formatting import PILLAR_NAMES, pillar_points, signed, total_points
from ..store_model import StoreModel
from ..widgets import ColourDot, MutedLabel, tabular_font

if TYPE_CHECKING:
    from ...core.advice import Advice
    from ...core.goals import GoalProgress
    from ..dialogs.goal_dialog import GoalDialog

#: Actions listed on the dashboard (``ssi-desktop advise`` lists more).
ACTIONS_SHOWN = 6


def shared_advice(model: StoreModel) -> Advice:
    """Today's advice, computed once per store revision for both panels; its levels are the
    anchored estimate's (the gains are differences, the same either way)."""
    # Imported here: advice is computed after the window's first paint, never before it.
    from ...core.advice import advise

    store = model.store
    return model.derived(
        "advice",
        lambda: anchored_advice(
            advise(
                store.activity(),
                store.profiles(),
                store.params(),
                today(),
                store.settings(),
                store.totals(),
            ),
            model.scores(),
        ),
    )


class _LazyPanel(QGroupBox):
    """Recomputes on ``model.changed`` only while shown, and once per burst of changes."""

    def __init__(self, title: str, model: StoreModel, parent: QWidget | None) -> None:
        super().__init__(title, parent)
        self._model = model
        self._shown_revision = -1
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.refresh)
        model.changed.connect(self._schedule)

    def _schedule(self) -> None:
        if self.isVisible():
            self._timer.start()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        # Out of date when (re)shown: recompute once the panel has been painted, so the
        # window's first paint does not wait for the what-if runs (benchmarks/: start).
        if self._shown_revision != self._model.store.revision and not self._timer.isActive():
            self._timer.start()

    def refresh(self) -> None:
        if self._shown_revision == -1:
            # The first content replaces placeholders that held its room at the first
            # paint: keep at least that room, so nothing below the panel moves up or down.
            self.setMinimumHeight(self.height())
        self._shown_revision = self._model.store.revision
        self.rebuild()

    def rebuild(self) -> None:
        raise NotImplementedError


class AdvicePanel(_LazyPanel):
    def __init__(self, model: StoreModel, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Next best actions"), model, parent)
        self.setAccessibleName(self.tr("Next best actions"))
        layout = QVBoxLayout(self)
        self.weakest = QLabel(self)
        self.weakest.setWordWrap(True)
        layout.addWidget(self.weakest)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(16)
        self.grid.setVerticalSpacing(4)
        self.grid.setColumnStretch(1, 1)
        layout.addLayout(self.grid)
        self.caption = MutedLabel(self.tr(
            "Points each action would add to its pillar in 30 and in 90 days, on top of your "
            "pace of the last four weeks, by the same model as the estimate; best 90-day gain "
            "first."), self)  # fmt: skip
        layout.addWidget(self.caption)
        layout.addStretch(1)
        self.advice: Advice | None = None
        # Until the advice is computed (after the first paint): the room of its rows (a head
        # row and each action on up to two lines), empty.
        self.weakest.setText(" ")
        for row in range(ACTIONS_SHOWN + 1):
            self.grid.addWidget(QLabel(" " if row == 0 else " \n ", self), row, 1)

    def rebuild(self) -> None:
        self.advice = advice = shared_advice(self._model)
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        figures = tabular_font(self.font())
        weakest = advice.weakest
        self.weakest.setText(self.tr("Weakest pillar: <b>{name}</b> ({value} / {max:g})").format(
            name=PILLAR_NAMES[weakest], value=pillar_points(advice.current[weakest]),
            max=PILLAR_MAX))  # fmt: skip
        self.weakest.setToolTip(PILLAR_LABELS[weakest])
        if not advice.actions:
            empty = MutedLabel(self.tr(
                "Every pillar is as high as the catalogue's actions can take it in 90 days. "
                "Keep your pace."), self)  # fmt: skip
            self.grid.addWidget(empty, 0, 0, 1, 4)
            return
        for column, text in ((2, self.tr("30 days")), (3, self.tr("90 days"))):
            head = MutedLabel(text, self)
            head.setWordWrap(False)
            head.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom)
            self.grid.addWidget(head, 0, column)
        for row, action in enumerate(advice.actions[:ACTIONS_SHOWN], start=1):
            dot = ColourDot(action.pillar, 10, self)  # repaints in the current theme
            dot.setToolTip(PILLAR_NAMES[action.pillar])
            self.grid.addWidget(dot, row, 0, Qt.AlignmentFlag.AlignTop)
            label = QLabel(self.tr("{action} ({pillar})").format(
                action=action.label, pillar=PILLAR_NAMES[action.pillar]), self)  # fmt: skip
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
            if action.outcomes:
                label.setToolTip(action.outcomes)
            self.grid.addWidget(label, row, 1)
            for column, gain in ((2, action.gain_30), (3, action.gain_90)):
                value = QLabel(signed(gain, 2), self)
                value.setFont(figures)
                value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
                self.grid.addWidget(value, row, column)
            label.setAccessibleName(self.tr(
                "{action}: {gain30} points in 30 days, {gain90} in 90 days").format(
                action=action.label, gain30=signed(action.gain_30, 2),
                gain90=signed(action.gain_90, 2)))  # fmt: skip


class GoalPanel(_LazyPanel):
    def __init__(self, model: StoreModel, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Goal"), model, parent)
        self.setAccessibleName(self.tr("Goal progress"))
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.bar = QProgressBar(self)
        self.bar.setTextVisible(True)
        self.bar.setAccessibleName(self.tr("Progress toward the goal"))
        self.bar.setFont(tabular_font(self.font()))
        top.addWidget(self.bar, 1)
        self.button = QPushButton(self)
        self.button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.button.clicked.connect(self.open_dialog)
        top.addWidget(self.button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addLayout(top)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)
        self.parts = MutedLabel("", self)
        self.parts.setFont(tabular_font(self.font()))
        layout.addWidget(self.parts)
        self.progress: GoalProgress | None = None
        self.dialog: GoalDialog | None = None
        # Until the goal is computed (after the first paint): the room of a goal's bar and
        # button, its message on up to six lines and the pillar targets, empty.
        self.bar.setFormat("")
        self.button.setText(self.tr("Change goal…"))
        self.message.setText(" \n \n \n \n \n ")
        self.parts.setText(" ")

    def rebuild(self) -> None:
        goal = self._model.store.goal()
        if goal is None:
            self.progress = None
            self.bar.hide()
            self.parts.hide()
            self.button.setText(self.tr("Set a goal…"))
            self.message.setText(self.tr(
                "No goal yet. Set one to see how far you are and, carrying on as in the last "
                "four weeks, when you will reach it."))  # fmt: skip
            return
        from ...core.goals import goal_progress  # after the first paint, as the advice

        store = self._model.store
        self.progress = progress = goal_progress(
            store.activity(),
            store.profiles(),
            store.params(),
            goal,
            today(),
            shared_advice(self._model),
            store.settings(),
            store.totals(),
            anchor_vector(self._model.scores(), today()),
        )
        self.button.setText(self.tr("Change goal…"))
        self.bar.show()
        self.bar.setRange(0, round(progress.target * 10))
        self.bar.setValue(min(round(progress.current * 10), self.bar.maximum()))
        self.bar.setFormat(
            self.tr("{current} of {target:g}").format(
                current=total_points(progress.current), target=progress.target
            )
        )
        self.message.setText(progress.message)
        self.message.setToolTip(
            self.tr("The model's own projection of carrying on as in the last four weeks.")
        )
        self.parts.setVisible(bool(progress.parts))
        self.parts.setText("   ".join(
            self.tr("{name} {current} / {target:g}{mark}").format(
                name=PILLAR_NAMES[part.name], current=pillar_points(part.current),
                target=part.target, mark=" ✓" if part.reached else "")
            for part in progress.parts))  # fmt: skip

    def open_dialog(self) -> GoalDialog:
        """Open the goal dialog (window-modal, so the dashboard keeps painting behind it)."""
        # Imported on first use: it (and the change layer) is not needed to paint the window.
        from ..dialogs.goal_dialog import GoalDialog

        self.dialog = GoalDialog(self._model, self.window())
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.open()
        return self.dialog
