"""The dashboard's advice and goal panels.

:class:`AdvicePanel` shows the next best actions (``core.advice``), weakest pillar first, each
with the points it would add in 30 days. Advice runs the model a few dozen times (tens of
milliseconds on ten years), so it is recomputed only when the store changed *and* the panel
is visible, and at most once per burst of changes. :class:`GoalPanel` shows how far the
estimate is from the goal and when the current pace gets there (``core.goals``).
"""

from __future__ import annotations

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

from ..core.advice import PillarAdvice, advise
from ..core.catalogue import PILLAR_LABELS, PILLAR_MAX
from ..core.goals import GoalProgress, goal_progress
from ..core.validation import today
from .formatting import PILLAR_NAMES, pillar_points, signed, total_points
from .goal_dialog import GoalDialog
from .store_model import StoreModel
from .widgets import ColourDot, MutedLabel, tabular_font

#: Actions listed per pillar on the dashboard (``ssi-desktop advise`` lists more).
ACTIONS_PER_PILLAR = 2
#: The horizon the gains are computed for, in days.
HORIZON = 30


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
        self._shown_revision = self._model.store.revision
        self.rebuild()

    def rebuild(self) -> None:
        raise NotImplementedError


class AdvicePanel(_LazyPanel):
    def __init__(self, model: StoreModel, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Next best actions"), model, parent)
        self.setAccessibleName(self.tr("Next best actions"))
        layout = QVBoxLayout(self)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(16)
        self.grid.setVerticalSpacing(4)
        self.grid.setColumnStretch(1, 1)
        layout.addLayout(self.grid)
        self.caption = MutedLabel(self.tr(
            "Points each action would add to its pillar in {days} days, on top of your pace "
            "of the last four weeks, by the same model as the estimate.").format(days=HORIZON),
            self)  # fmt: skip
        layout.addWidget(self.caption)
        layout.addStretch(1)
        self.advice: list[PillarAdvice] = []

    def rebuild(self) -> None:
        store = self._model.store
        self.advice = advise(store.activity(), store.profiles(), store.params(), today(),
                             HORIZON)  # fmt: skip
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        figures = tabular_font(self.font())
        row = 0
        for position, pillar in enumerate(self.advice):
            if not pillar.actions:
                continue
            name = PILLAR_NAMES[pillar.pillar]
            heading = QLabel(self)
            heading.setText(
                self.tr("<b>{name}</b> {weakest}").format(
                    name=name, weakest=self.tr("(weakest)") if position == 0 else ""
                )
            )
            heading.setToolTip(PILLAR_LABELS[pillar.pillar])
            icon = ColourDot(pillar.pillar, 12, self)  # repaints in the current theme
            head = QHBoxLayout()
            head.setSpacing(6)
            head.addWidget(icon)
            head.addWidget(heading)
            head.addStretch(1)
            holder = QWidget(self)
            holder.setLayout(head)
            head.setContentsMargins(0, 6 if row else 0, 0, 0)
            self.grid.addWidget(holder, row, 0, 1, 2)
            now = QLabel(
                self.tr("{value} / {max:g}").format(
                    value=pillar_points(pillar.current), max=PILLAR_MAX
                ),
                self,
            )
            now.setFont(figures)
            now.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom)
            self.grid.addWidget(now, row, 2)
            row += 1
            for action in pillar.actions[:ACTIONS_PER_PILLAR]:
                label = QLabel(action.label, self)
                label.setWordWrap(True)
                label.setIndent(18)
                gain = QLabel(
                    self.tr("→ {gain} in {days} days").format(
                        gain=signed(action.gain, 2), days=HORIZON
                    ),
                    self,
                )
                gain.setFont(figures)
                gain.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                gain.setAccessibleName(
                    self.tr("{action}: {gain} points in {days} days").format(
                        action=action.label, gain=signed(action.gain, 2), days=HORIZON
                    )
                )
                self.grid.addWidget(label, row, 0, 1, 2)
                self.grid.addWidget(gain, row, 2)
                row += 1
        if row == 0:
            empty = MutedLabel(self.tr(
                "Every pillar is as high as the catalogue's actions can take it in "
                "{days} days. Keep your pace.").format(days=HORIZON), self)  # fmt: skip
            self.grid.addWidget(empty, 0, 0, 1, 3)


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

    def rebuild(self) -> None:
        goal = self._model.store.goal()
        if goal is None:
            self.progress = None
            self.bar.hide()
            self.parts.hide()
            self.button.setText(self.tr("Set a goal…"))
            self.message.setText(self.tr(
                "No goal yet. Set one to see how far you are and, at your current pace, "
                "when you will reach it."))  # fmt: skip
            return
        self.progress = progress = goal_progress(self._model.scores(), goal, today())
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
        if progress.slope_per_day is not None:
            self.message.setToolTip(self.tr(
                "Pace: {slope} points a week, the trend of the estimate over the last 90 days."
            ).format(slope=signed(progress.slope_per_day * 7, 2)))  # fmt: skip
        self.parts.setVisible(bool(progress.parts))
        self.parts.setText("   ".join(
            self.tr("{name} {current} / {target:g}{mark}").format(
                name=PILLAR_NAMES[part.name], current=pillar_points(part.current),
                target=part.target, mark=" ✓" if part.reached else "")
            for part in progress.parts))  # fmt: skip

    def open_dialog(self) -> GoalDialog:
        """Open the goal dialog (window-modal, so the dashboard keeps painting behind it)."""
        self.dialog = GoalDialog(self._model, self.window())
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.open()
        return self.dialog
