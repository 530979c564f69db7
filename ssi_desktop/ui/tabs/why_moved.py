"""Why it moved: a pillar's change over 7 or 30 days split by the model's terms (spec §3.16),
the biggest movers in words, and which inputs feed the estimate at all (§3.15).

On a pillar tab it lists every term of that pillar; on the dashboard one line per pillar with
its biggest mover. The numbers are the model's own (``StoreModel.explanation``): the terms'
changes add up to the pillar's change to the cent.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ...core.catalogue import PILLAR_LABELS, PILLARS
from ...core.coverage import PillarCoverage, input_label
from ...core.explain import PillarChange, TermChange
from ...core.validation import today
from ..formatting import PILLAR_NAMES, change, pillar_points
from ..lazy_refresh import RefreshWhenShown
from ..store_model import StoreModel
from ..widgets import ColourDot, MutedLabel, tabular_font
from .beyond_parts import anchor_tip, offset_label, offset_tip, reading_label

#: The periods offered, in days.
PERIODS = (7, 30)
#: Movers named in words.
MOVERS = 3


class WhyMovedPanel(QGroupBox):
    """For one pillar (a pillar tab) or all four (the dashboard)."""

    def __init__(
        self, model: StoreModel, pillars: tuple[str, ...] = PILLARS, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("Why it moved"), parent)
        self.model = model
        self.pillars = pillars
        layout = QVBoxLayout(self)
        head = QHBoxLayout()
        self.headline = QLabel(self)
        self.headline.setFont(tabular_font(self.font()))
        self.headline.setWordWrap(True)
        self.period = QComboBox(self)
        for days in PERIODS:
            self.period.addItem(self.tr("Last {days} days").format(days=days), days)
        self.period.setCurrentIndex(len(PERIODS) - 1)
        self.period.setAccessibleName(self.tr("Period of the change"))
        self.period.currentIndexChanged.connect(self.refresh)
        head.addWidget(self.headline, 1)
        head.addWidget(self.period, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(head)
        self.words = QLabel(self)
        self.words.setWordWrap(True)
        layout.addWidget(self.words)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(12)
        self.grid.setVerticalSpacing(4)
        self.grid.setColumnStretch(1 if len(pillars) == 1 else 2, 1)
        layout.addLayout(self.grid)
        self.coverage_line = MutedLabel("", self)
        self.coverage_line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.coverage_line)
        self._rows: list[tuple[QLabel, QLabel, QLabel]] = []
        self._anchored_to: date | None = None
        self.refresher = RefreshWhenShown(self, model, self.refresh)
        self.refresh()

    def row_texts(self) -> list[tuple[str, str, str]]:
        """What each visible row says: (name, detail, change)."""
        return [
            (label.text(), info.text(), value.text())
            for label, info, value in self._rows
            if not label.isHidden()
        ]

    def days(self) -> int:
        return int(self.period.currentData())

    def term_label(self, term: TermChange) -> str:
        """A term's name in the user's language; the anchor's names its reading's day."""
        if term.term == "anchor" and self._anchored_to is not None:
            return reading_label(self._anchored_to, today())
        if term.term == "offset":
            return offset_label()
        return self.tr(term.label)

    def _term_tip(self, term: TermChange) -> str:
        if term.term == "anchor":
            return anchor_tip()
        if term.term == "offset":
            return offset_tip()
        return self.tr("Fed by: {inputs}").format(
            inputs=", ".join(self.tr(input_label(k)) for k in term.inputs)
        )

    def refresh(self) -> None:
        result = self.model.explanation(self.days())
        self._anchored_to = result.anchored_to
        changes = [result.pillar(p) for p in self.pillars]
        if len(self.pillars) == 1:
            self._show_pillar(changes[0])
            # A calibrated model of another version may have fewer terms.
            for i, widgets in enumerate(self._rows):
                for widget in widgets:
                    widget.setVisible(i < len(changes[0].terms))
        else:
            self._show_pillars(changes)
            self.headline.setText(
                self.tr("Estimated SSI {before} → {after}   {change}").format(
                    before=pillar_points(result.before),
                    after=pillar_points(result.after),
                    change=change(result.change, 2),
                )
            )
        if result.first > result.last - timedelta(days=self.days()):
            # A newcomer's period starts on the first day of the history (StoreModel).
            self.headline.setText(
                self.tr("{headline}   since the first record, {day}").format(
                    headline=self.headline.text(), day=result.first.isoformat()
                )
            )
        if len(self.pillars) == 1:
            movers = [(self.pillars[0], t) for t in changes[0].movers(MOVERS)]
        else:
            movers = result.movers(MOVERS)
        self.words.setText(self._in_words(movers))
        self.coverage_line.setText(self._coverage_text(self.model.coverage()))

    # -- one pillar: every term ------------------------------------------------------------

    def _show_pillar(self, pillar: PillarChange) -> None:
        self.headline.setText(
            self.tr("{pillar} {before} → {after}   {change}").format(
                pillar=self.tr(PILLAR_NAMES[pillar.pillar]),
                before=pillar_points(pillar.before),
                after=pillar_points(pillar.after),
                change=change(pillar.change, 2),
            )
        )
        for row, term in enumerate(pillar.terms):
            self._add_row(
                row,
                None,
                self.term_label(term),
                self.tr("{before} → {after}").format(
                    before=pillar_points(term.before), after=pillar_points(term.after)
                ),
                change(term.change, 2),
                self._term_tip(term),
            )

    # -- all pillars: one line each, with its biggest mover --------------------------------

    def _show_pillars(self, pillars: list[PillarChange]) -> None:
        for row, pillar in enumerate(pillars):
            top = pillar.movers(1)
            mover = (
                self.tr("mostly {term} ({change})").format(
                    term=self.term_label(top[0]), change=change(top[0].change, 2)
                )
                if top
                else self.tr("no term moved")
            )
            self._add_row(
                row,
                pillar.pillar,
                self.tr(PILLAR_NAMES[pillar.pillar]),
                mover,
                change(pillar.change, 2),
                self.tr(PILLAR_LABELS[pillar.pillar]),
            )

    def _add_row(
        self, row: int, series: str | None, name: str, detail: str, moved: str, tip: str
    ) -> None:
        """Show one row, reusing its widgets: a refresh after a save changes only texts."""
        if row == len(self._rows):
            self._rows.append(self._new_row(row, series))
        label, info, value = self._rows[row]
        label.setText(name)
        label.setToolTip(tip)
        info.setText(detail)
        value.setText(moved)
        value.setAccessibleName(self.tr("{name}: {change}").format(name=name, change=moved))

    def _new_row(self, row: int, series: str | None) -> tuple[QLabel, QLabel, QLabel]:
        label = QLabel(self)
        info = MutedLabel("", self)
        info.setWordWrap(False)
        info.setFont(tabular_font(self.font()))
        value = QLabel(self)
        value.setFont(tabular_font(self.font()))
        value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if series is None:
            # One pillar reads "term   before → after   change".
            self.grid.addWidget(label, row, 0)
            self.grid.addWidget(info, row, 1)
            self.grid.addWidget(value, row, 2)
        else:
            # The dashboard reads "● pillar   change   mostly …".
            head = QHBoxLayout()
            head.setSpacing(6)
            head.addWidget(ColourDot(series, 10, self))
            head.addWidget(label, 1)
            self.grid.addLayout(head, row, 0)
            self.grid.addWidget(value, row, 1)
            self.grid.addWidget(info, row, 2)
        return label, info, value

    # -- words -----------------------------------------------------------------------------

    def _in_words(self, movers: list[tuple[str, TermChange]]) -> str:
        if not movers:
            return self.tr("Nothing moved in the last {days} days.").format(days=self.days())
        parts = []
        for pillar, term in movers:
            if len(self.pillars) == 1:
                up, down = self.tr("{term} added {points}"), self.tr("{term} took {points}")
            else:
                up = self.tr("{term} added {points} to {pillar}")
                down = self.tr("{term} took {points} from {pillar}")
            text = up if term.change > 0 else down
            parts.append(
                text.format(
                    term=self.term_label(term),
                    points=pillar_points(abs(term.change)),
                    pillar=self.tr(PILLAR_NAMES[pillar]),
                )
            )
        return self.tr("Biggest moves: {moves}.").format(moves="; ".join(parts))

    def _coverage_text(self, covered: dict[str, PillarCoverage]) -> str:
        shown = [covered[p] for p in self.pillars]
        recorded = sum(len(c.recorded) for c in shown)
        total = sum(c.inputs for c in shown)
        missing = [
            self.tr(input_label(k))
            + ("" if len(self.pillars) == 1 else f" ({self.tr(PILLAR_NAMES[c.pillar])})")
            for c in shown
            for k in c.missing
        ]
        text = self.tr("The estimate reads {recorded} of {total} inputs you could record.").format(
            recorded=recorded, total=total
        )
        if missing:
            text += " " + self.tr("Never recorded: {inputs}.").format(inputs=", ".join(missing))
        return text
