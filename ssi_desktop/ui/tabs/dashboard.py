"""The dashboard: today's estimate, the four pillars, the latest official reading, the goal.

A new store shows what to do first instead of a wall of zeros. The tab never reaches into the
window: it asks for navigation and actions through its signals.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QApplication,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ...core.anchor import anchor_day, prediction
from ...core.catalogue import PILLAR_LABELS, PILLAR_MAX, PILLARS
from ...core.records import Reading
from ...core.scoring import ScoreRow
from ...core.validation import today
from ..formatting import PILLAR_NAMES, change, pillar_points, signed, total_points
from ..lazy_refresh import RefreshWhenShown
from ..store_model import StoreModel
from ..widgets import Card, ColourDot, MutedLabel, PillarBar, tabular_font
from .advice_panel import AdvicePanel, GoalPanel
from .official_summary import anchor_text, reading_parts, versus_text
from .why_moved import WhyMovedPanel

#: Shown instead of a change whose comparison day is before the first day of the history.
NO_CHANGE = "—"


def changes_text(template: str, d7: float | None, d30: float | None, decimals: int) -> str:
    """ "7 d ▲ +0.1   30 d ▲ +2.5" whose parts never break inside ("7 d ▲" / "+0.1"); a
    change that is None (not enough history yet) reads "—"."""
    glued = template.replace(" d {", "\u00a0d\u00a0{")

    def shown(value: float | None) -> str:
        return NO_CHANGE if value is None else change(value, decimals).replace(" ", "\u00a0")

    return glued.format(d7=shown(d7), d30=shown(d30))


def since(now: float, then: ScoreRow | None) -> float | None:
    """The change from ``then``, or None when ``then`` is before the history began."""
    return None if then is None else now - then.total


class PillarCard(Card):
    """One pillar: points out of 25, a bar, and the change over 7 and 30 days."""

    def __init__(self, pillar: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pillar = pillar
        self.set_accent(pillar)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 14, 14, 12)
        layout.setSpacing(6)
        head = QHBoxLayout()
        self.dot = ColourDot(pillar, 12, self)
        self.name = QLabel(self.tr(PILLAR_NAMES[pillar]), self)
        self.name.setFont(tabular_font(self.font(), 1.05, QFont.Weight.DemiBold))
        self.name.setToolTip(self.tr(PILLAR_LABELS[pillar]))
        head.addWidget(self.dot)
        head.addWidget(self.name, 1)
        layout.addLayout(head)
        self.value = QLabel(self)
        self.value.setFont(tabular_font(self.font(), 1.7, QFont.Weight.DemiBold))
        self.value.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.value)
        self.bar = PillarBar(pillar, self)
        self.bar.setRange(0, int(PILLAR_MAX * 100))
        self.bar.setAccessibleName(
            self.tr("{pillar} out of 25").format(pillar=self.tr(PILLAR_NAMES[pillar]))
        )
        layout.addWidget(self.bar)
        self.changes = QLabel(self)
        self.changes.setFont(tabular_font(self.font()))
        # On a narrow window "30 d" moves to a second line instead of widening the card.
        self.changes.setWordWrap(True)
        layout.addWidget(self.changes)

    def show_rows(
        self, now: ScoreRow, week: ScoreRow | None, month: ScoreRow | None, short_tip: str
    ) -> None:
        """``week``/``month`` are None when that day is before the history began."""
        value = now.pillar(self.pillar)
        self.value.setText(
            f"{pillar_points(value)} <span style='font-size:small; font-weight:normal'>"
            f"/ {PILLAR_MAX:g}</span>"
        )
        self.bar.setValue(round(value * 100))
        d7 = None if week is None else value - week.pillar(self.pillar)
        d30 = None if month is None else value - month.pillar(self.pillar)
        self.changes.setText(changes_text(self.tr("7 d {d7}   30 d {d30}"), d7, d30, 2))
        self.changes.setToolTip(short_tip)
        self.setAccessibleName(
            self.tr("{pillar}: {value} of 25; {d7} in 7 days, {d30} in 30 days").format(
                pillar=self.tr(PILLAR_NAMES[self.pillar]),
                value=pillar_points(value),
                d7=NO_CHANGE if d7 is None else signed(d7, 2),
                d30=NO_CHANGE if d30 is None else signed(d30, 2),
            )
        )


class Dashboard(QWidget):
    #: The user asked to record today's activity (the window opens the first pillar tab).
    record_requested = Signal()
    #: The user asked to import their LinkedIn export.
    import_requested = Signal()
    #: The user asked to load the sample year.
    sample_requested = Signal()
    #: The user clicked the sparkline: show the History tab.
    history_requested = Signal()

    def __init__(self, model: StoreModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.stack = QStackedWidget(self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)
        self.stack.addWidget(self._build_content())
        self._empty_page: QWidget | None = None  # built when the store is first empty
        self.refresher = RefreshWhenShown(self, model, self.refresh)
        self.refresh()

    # -- layout ----------------------------------------------------------------------------

    def _build_content(self) -> QWidget:
        from ..charts import Sparkline

        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        page = QWidget()
        # Given to the scroll area while empty: setting a full page lays it all out once more
        # before the window is even shown (benchmarks/: start).
        scroll.setWidget(page)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(12)

        top = QHBoxLayout()
        top.setSpacing(12)
        top.addWidget(self._build_total_card(page), 0)
        grid = QGridLayout()
        grid.setSpacing(12)
        self.cards = {p: PillarCard(p, page) for p in PILLARS}
        for i, pillar in enumerate(PILLARS):
            grid.addWidget(self.cards[pillar], 0, i)
            grid.setColumnStretch(i, 1)
        top.addLayout(grid, 1)
        layout.addLayout(top)

        facts = Card(page)
        facts_row = QHBoxLayout(facts)
        facts_row.setContentsMargins(16, 10, 16, 10)
        facts_row.setSpacing(16)
        title = QLabel(self.tr("Official"), facts)
        title.setFont(tabular_font(self.font(), weight=QFont.Weight.DemiBold))
        self.official_line = QLabel(facts)
        self.official_line.setFont(tabular_font(self.font()))
        self.official_line.setWordWrap(True)
        title.setBuddy(self.official_line)
        facts_row.addWidget(title, 0, Qt.AlignmentFlag.AlignTop)
        facts_row.addWidget(self.official_line, 1)
        layout.addWidget(facts)

        spark_card = Card(page)
        spark_layout = QVBoxLayout(spark_card)
        spark_layout.setContentsMargins(12, 8, 12, 8)
        caption = QHBoxLayout()
        caption.addWidget(QLabel(self.tr("Last 90 days"), spark_card))
        caption.addStretch(1)
        hint = MutedLabel(self.tr("Click for the full history"), spark_card)
        hint.setWordWrap(False)
        caption.addWidget(hint)
        spark_layout.addLayout(caption)
        self.sparkline = Sparkline(self.model, spark_card)
        self.sparkline.setMinimumHeight(160)
        self.sparkline.setToolTip(
            self.tr("The estimate over the last 90 days; click for the History tab")
        )
        self.sparkline.clicked.connect(self.history_requested)
        spark_layout.addWidget(self.sparkline, 1)

        # Goal progress and the next best actions: model-driven, recomputed only when shown.
        # They sit beside the chart, so the actions are in view without scrolling at 1280×800.
        self.goal_panel = GoalPanel(self.model, page)
        self.advice_panel = AdvicePanel(self.model, page)
        side = QVBoxLayout()
        side.setSpacing(12)
        side.addWidget(self.goal_panel)
        side.addWidget(self.advice_panel, 1)
        bottom = QHBoxLayout()
        bottom.setSpacing(12)
        bottom.addWidget(spark_card, 3)
        bottom.addLayout(side, 2)
        layout.addLayout(bottom, 1)
        self.why = WhyMovedPanel(self.model, PILLARS, page)
        layout.addWidget(self.why)

        return scroll

    def _build_total_card(self, parent: QWidget) -> Card:
        card = Card(parent)
        layout = QVBoxLayout(card)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(4)
        caption = QLabel(self.tr("Estimated SSI today"), card)
        caption.setToolTip(
            self.tr(
                "SSI Desktop's estimate from the activity you recorded. "
                "Help ▸ How the score is estimated explains it."
            )
        )
        layout.addWidget(caption)
        self.total = QLabel(card)
        self.total.setFont(tabular_font(self.font(), 3.2, QFont.Weight.Bold))
        self.total.setTextFormat(Qt.TextFormat.RichText)
        self.total.setAccessibleName(self.tr("Estimated SSI today"))
        layout.addWidget(self.total)
        self.total_changes = QLabel(card)
        self.total_changes.setFont(tabular_font(self.font()))
        layout.addWidget(self.total_changes)
        self.versus_official = MutedLabel("", card)
        self.versus_official.setFont(tabular_font(self.font()))
        layout.addWidget(self.versus_official)
        layout.addStretch(1)
        return card

    def _build_empty(self) -> QWidget:
        page = QWidget(self)
        outer = QVBoxLayout(page)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        card = Card(page)
        card.setMinimumWidth(680)
        card.setMaximumWidth(760)
        layout = QVBoxLayout(card)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(12)
        heading = QHBoxLayout()
        heading.setSpacing(14)
        icon = QApplication.windowIcon()
        if not icon.isNull():
            logo = QLabel(card)
            logo.setPixmap(icon.pixmap(48, 48))
            heading.addWidget(logo)
        title = QLabel(self.tr("Nothing recorded yet"), card)
        title.setFont(tabular_font(self.font(), 1.6, QFont.Weight.DemiBold))
        heading.addWidget(title, 1)
        layout.addLayout(heading)
        text = QLabel(
            self.tr(
                "SSI Desktop estimates your LinkedIn Social Selling Index from what you do on "
                "LinkedIn, day by day, and shows which of the four pillars to work on. "
                "Start in one of these ways:"
            ),
            card,
        )
        text.setWordWrap(True)
        layout.addWidget(text)
        self.record_button = QPushButton(self.tr("Record today's activity"), card)
        self.record_button.setToolTip(self.tr("One form for every activity of today (Ctrl+D)"))
        self.import_button = QPushButton(self.tr("Import your LinkedIn export…"), card)
        self.import_button.setToolTip(
            self.tr(
                "Read the archive LinkedIn sends you (Settings ▸ Data privacy ▸ Get a copy of your "
                "data)"
            )
        )
        self.sample_button = QPushButton(
            self.tr("Open sample data (a year of example activity)"), card
        )
        self.sample_button.setToolTip(
            self.tr(
                "Fill this store with a year of invented activity to explore the app; Undo "
                "removes it"
            )
        )
        self.record_button.setDefault(True)
        choices = QGridLayout()
        choices.setHorizontalSpacing(14)
        choices.setVerticalSpacing(10)
        choices.setColumnStretch(1, 1)
        self._import_hint = MutedLabel(self.tr("Fill in your past from LinkedIn's own data."))
        for row_index, (button, hint) in enumerate(
            (
                (self.record_button, MutedLabel(self.tr("Type in what you did today."))),
                (self.import_button, self._import_hint),
                (self.sample_button, MutedLabel(self.tr("Look around first, with invented data."))),
            )
        ):
            button.setMinimumWidth(320)
            button.setMinimumHeight(34)
            hint.setParent(card)
            choices.addWidget(button, row_index, 0)
            choices.addWidget(hint, row_index, 1)
        layout.addLayout(choices)
        where = MutedLabel(
            self.tr("Everything stays on this computer, in {path}.").format(
                path=self.model.store.path
            ),
            card,
        )
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(where)
        self.record_button.clicked.connect(self.record_requested)
        self.import_button.clicked.connect(self.import_requested)
        self.sample_button.clicked.connect(self.sample_requested)
        row.addWidget(card, 1)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        return page

    # -- behaviour -------------------------------------------------------------------------

    def is_empty_state(self) -> bool:
        return self._empty_page is not None and self.stack.currentWidget() is self._empty_page

    def refresh(self) -> None:
        store = self.model.store
        if store.is_empty():
            if self._empty_page is None:
                self._empty_page = self._build_empty()
                self.stack.addWidget(self._empty_page)
            self.stack.setCurrentWidget(self._empty_page)
            return
        self.stack.setCurrentIndex(0)
        table = self.model.scores()
        day = today()
        now = table.row(day)
        # Days before the first record or reading score 0: a change from one would be the
        # whole score, not a change. Those read "—" until the history is long enough.
        week, month = (
            table.row(then) if then >= table.start else None
            for then in (day - timedelta(days=7), day - timedelta(days=30))
        )
        short_tip = (
            ""
            if month is not None
            else self.tr("Not enough history yet: your records begin on {day}.").format(
                day=table.start.isoformat()
            )
        )
        self.total.setText(total_points(now.total))
        self.total_changes.setText(
            changes_text(
                self.tr("7 d {d7}   30 d {d30}"), since(now.total, week), since(now.total, month), 1
            )
        )
        self.total_changes.setToolTip(short_tip)
        for card in self.cards.values():
            card.show_rows(now, week, month, short_tip)
        readings = store.readings()
        latest = readings[-1] if readings else None
        self._show_official(latest, now)

    def _show_official(self, reading: Reading | None, now: ScoreRow) -> None:
        if reading is None:
            self.versus_official.setText(self.tr("No official reading yet"))
            self.official_line.setText(
                self.tr(
                    "None yet. Copy your score from linkedin.com/sales/ssi into the Readings "
                    "tab to compare."
                )
            )
            return
        table = self.model.scores()
        estimate_then = prediction(table, reading.day).total
        self.versus_official.setText(versus_text(reading, now.total, today()))
        parts = reading_parts(reading, estimate_then, today())
        if anchor_day(table, today()) == reading.day:  # the latest reading is the anchor
            parts.append(anchor_text(reading, today()))
        self.official_line.setText(" · ".join(parts))

    def displayed_total(self) -> str:
        return self.total.text()
