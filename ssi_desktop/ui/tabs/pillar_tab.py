"""One tab per pillar: the day form on the left, the pillar's history on the right.

Everything pillar-specific comes from the catalogue, so the four tabs are one class.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...core.catalogue import PILLAR_LABELS, PILLAR_MAX, SOURCE_LABELS
from ...core.changes import PutDay
from ...core.records import ActivityEntry
from ...core.validation import today
from ..formatting import PILLAR_NAMES, pillar_points
from ..forms.activity_form import ActivityForm
from ..forms.profile_form import ProfileForm
from ..record_tab import RecordTab
from ..store_model import StoreModel
from ..widgets import ColourDot, MutedLabel, tabular_font
from .activity_table import ActivityTableModel
from .pillar_breakdown import PillarBreakdown
from .why_moved import WhyMovedPanel

#: The pillars fed by totals, and what their tab says about them.
TOTALS_PILLARS = {
    "brand": "Followers, profile viewers and search appearances are totals LinkedIn shows.",
    "build": "Your connections and the decision makers among them count too.",
}


class PillarTab(RecordTab):
    form: ActivityForm

    def __init__(self, model: StoreModel, pillar: str, parent: QWidget | None = None) -> None:
        super().__init__(model, parent)
        self.pillar = pillar
        self.form = ActivityForm(model, pillar, self)
        self.profile_form = ProfileForm(model, self) if pillar == "brand" else None
        self.table_model = ActivityTableModel(self.form.metrics, self)
        self.breakdown = PillarBreakdown(model, pillar, self)
        self.why = WhyMovedPanel(model, (pillar,), self)

        outer = QVBoxLayout(self)
        outer.addLayout(self._build_header())
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self._build_left())
        splitter.addWidget(self._build_right())
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([400, 800])
        self.splitter = splitter
        outer.addWidget(splitter, 1)

        self.form.saved.connect(self._select_saved_day)
        self.refresh()

    # -- layout ----------------------------------------------------------------------------

    def _build_header(self) -> QHBoxLayout:
        header = QHBoxLayout()
        self.dot = ColourDot(self.pillar, 14, self)
        self.title = QLabel(self.tr(PILLAR_LABELS[self.pillar]), self)
        title_font = QFont(self.title.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.3)
        title_font.setWeight(QFont.Weight.DemiBold)
        self.title.setFont(title_font)
        self.estimate = QLabel(self)
        self.estimate.setFont(tabular_font(self.font(), 1.3, QFont.Weight.DemiBold))
        self.estimate.setToolTip(self.tr("Today's estimate for this pillar"))
        header.addWidget(self.dot)
        header.addWidget(self.title)
        header.addStretch(1)
        caption = MutedLabel(self.tr("Estimated today"), self)
        caption.setWordWrap(False)
        header.addWidget(caption)
        header.addWidget(self.estimate)
        return header

    def _build_left(self) -> QWidget:
        column = QWidget(self)
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 0, 8, 0)
        day_box = QGroupBox(self.tr("Activity of the day"), column)
        day_layout = QVBoxLayout(day_box)
        day_layout.addWidget(self.form)
        layout.addWidget(day_box)
        if self.pillar in TOTALS_PILLARS:
            layout.addLayout(self._build_totals_link(column))
        if self.profile_form is not None:
            profile_box = QGroupBox(self.tr("Profile checklist"), column)
            profile_layout = QVBoxLayout(profile_box)
            profile_layout.addWidget(
                MutedLabel(
                    self.tr(
                        "Tick what your LinkedIn profile has. A complete profile is the base of "
                        "the brand pillar."
                    ),
                    profile_box,
                )
            )
            profile_layout.addWidget(self.profile_form)
            layout.addWidget(profile_box)
        layout.addWidget(self.breakdown)
        layout.addWidget(self.why)
        layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidget(column)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(column.sizeHint().width() + 24)
        return scroll

    def _build_totals_link(self, column: QWidget) -> QHBoxLayout:
        """The way to the totals this pillar uses (the LinkedIn numbers window)."""
        row = QHBoxLayout()
        row.addWidget(MutedLabel(self.tr(TOTALS_PILLARS[self.pillar]), column), 1)
        self.totals_button = QPushButton(self.tr("LinkedIn numbers…"), column)
        self.totals_button.setToolTip(self.tr("Record the totals LinkedIn shows"))
        self.totals_button.clicked.connect(self._show_totals)
        row.addWidget(self.totals_button)
        return row

    def _show_totals(self) -> None:
        from ..dialogs.totals_dialog import TotalsDialog

        dialog = TotalsDialog(self.model, self.window())
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()

    def _build_right(self) -> QWidget:
        from ..charts import PillarChart

        right = QSplitter(Qt.Orientation.Vertical, self)
        right.setChildrenCollapsible(False)
        table_panel = QWidget(right)
        layout = QVBoxLayout(table_panel)
        layout.setContentsMargins(8, 0, 0, 0)
        caption = QHBoxLayout()
        caption.addWidget(QLabel(self.tr("Recorded days"), table_panel))
        self._add_row_buttons(
            caption,
            table_panel,
            self.tr("Load the selected day into the form (Enter)"),
            self.tr("Delete this pillar's counts of the selected day (Del); Undo brings them back"),
        )
        layout.addLayout(caption)

        self.table = self._make_table(self.table_model, self.tr("Recorded days"), table_panel)
        # The counts share the spare width; the date and the source take what they need.
        header = self.table.horizontalHeader()
        # Measured once from the longest texts: sizing to contents would read every row (ten
        # years of them) on each change.
        metrics = QFontMetrics(tabular_font(self.table.font()))
        padding = 3 * metrics.averageCharWidth()
        widths = {
            0: metrics.horizontalAdvance("Wed 2026-12-31"),
            self.table_model.columnCount() - 1: max(
                metrics.horizontalAdvance(self.tr(label)) for label in SOURCE_LABELS.values()
            ),
        }
        for column, width in widths.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, width + padding)
        layout.addWidget(self.table, 1)
        self.empty_hint = MutedLabel(
            self.tr(
                "No days recorded for this pillar yet. Fill in the form and press Save, or "
                "import your LinkedIn export (File menu)."
            ),
            table_panel,
        )
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.empty_hint)
        right.addWidget(table_panel)

        self.chart = PillarChart(self.model, self.pillar, right)
        self.chart.setMinimumHeight(200)
        right.addWidget(self.chart)
        # Table and chart share the height equally, on every pillar tab alike.
        right.setStretchFactor(0, 1)
        right.setStretchFactor(1, 1)
        right.setSizes([1, 1])

        self._connect_table()
        return right

    # -- behaviour -------------------------------------------------------------------------

    def refresh(self) -> None:
        selected = self.selected_entry()
        self.table_model.set_entries(self.model.store.activity())
        has_rows = self.table_model.rowCount() > 0
        self.table.setVisible(has_rows)
        self.empty_hint.setVisible(not has_rows)
        if selected is not None:
            self._select(selected.day, selected.source)
        self._update_buttons()
        self.breakdown.refresh()
        value = self.model.scores().row(today()).pillar(self.pillar)
        self.estimate.setText(
            self.tr("{value} / {max}").format(value=pillar_points(value), max=f"{PILLAR_MAX:g}")
        )

    def selected_entry(self) -> ActivityEntry | None:
        row = self.selected_row()
        return None if row is None else self.table_model.entry(row)

    def _select(self, day: date, source: str) -> None:
        row = self.table_model.row_of(day, source)
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.table_model.index(row, 0))

    def _select_saved_day(self) -> None:
        self._select(self.form.day(), "manual")

    def _edit_row(self, row: int) -> None:
        self.table.selectRow(row)
        self.form.show_day(self.table_model.entry(row).day)
        first = next(iter(self.form.spins.values()))
        first.setFocus()
        first.selectAll()

    def delete_selected(self) -> bool:
        """Remove this pillar's counts of the selected day and source; other pillars' stay."""
        entry = self.selected_entry()
        if entry is None:
            return False
        keys = {m.key for m in self.form.metrics}
        remaining = ActivityEntry.create(
            entry.day, {k: v for k, v in entry.counts.items() if k not in keys}, entry.source
        )
        label = self.tr("Delete {pillar} of {date} ({source})").format(
            pillar=self.tr(PILLAR_NAMES[self.pillar]),
            date=entry.day.isoformat(),
            source=self.tr(SOURCE_LABELS[entry.source]),
        )
        return self.model.push(label, PutDay(remaining))
