"""Ctrl+D: one form for the whole day, or for a whole week's totals.

Every daily metric of the catalogue, grouped by pillar, with one Save (Ctrl+S or Return) and
the cursor in the first field. In week mode the fields take the week's totals, which are
spread over its days as the member chooses (``core.week``), previewed, and written as one
undoable change. Closing with typed, unsaved values asks first.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.catalogue import METRICS_BY_KEY, PILLAR_LABELS, PILLARS, metrics_for
from ...core.changes import Change, SetDay
from ...core.validation import ValidationError, today
from ...core.week import EVERY_DAY, ONE_DAY, WORKING_DAYS, week_change, week_of
from ..formatting import PILLAR_NAMES, on_this_day
from ..number_field import NumberField
from ..store_model import StoreModel
from ..widgets import ColourDot, DayPicker, ErrorLabel, MutedLabel, set_invalid


class DayDialog(QDialog):
    #: A day or a week was saved; the argument is the change's label.
    saved = Signal(str)
    #: The form now holds typed, unsaved values (True) or not (False).
    dirty_changed = Signal(bool)

    def __init__(self, model: StoreModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.setWindowTitle(self.tr("Record a day"))
        self.fields: dict[str, NumberField] = {}
        self._dirty = False
        self._loading = False
        layout = QVBoxLayout(self)

        top = QHBoxLayout()
        self.mode = QComboBox(self)
        self.mode.addItem(self.tr("One day"), "day")
        self.mode.addItem(self.tr("A whole week (totals)"), "week")
        self.mode.setToolTip(self.tr("Type one day's counts, or a week's totals to spread"))
        self.mode.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # the fields keep the Tab order
        self.day_picker = DayPicker(self, shortcuts=False)
        top.addWidget(self.mode)
        top.addWidget(self.day_picker, 1)
        layout.addLayout(top)
        self.week_line = QHBoxLayout()
        self.spread = QComboBox(self)
        self.spread.addItem(self.tr("spread evenly over the working days"), WORKING_DAYS)
        self.spread.addItem(self.tr("spread evenly over every day"), EVERY_DAY)
        self.spread.addItem(self.tr("all on one day:"), ONE_DAY)
        self.one_day = QComboBox(self)
        self.week_label = QLabel(self)
        self.week_line.addWidget(self.week_label)
        self.week_line.addWidget(self.spread)
        self.week_line.addWidget(self.one_day)
        self.week_line.addStretch(1)
        layout.addLayout(self.week_line)

        groups = QGridLayout()
        groups.setSpacing(8)
        for index, pillar in enumerate(PILLARS):
            groups.addWidget(self._pillar_group(pillar), index // 2, index % 2)
        layout.addLayout(groups)
        self.help_line = MutedLabel("", self)
        layout.addWidget(self.help_line)
        self.preview = MutedLabel("", self)
        self.preview.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.preview)
        self.form_error = ErrorLabel(self)
        layout.addWidget(self.form_error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setDefault(True)
        self.save_button.setToolTip(self.tr("Save these values (Ctrl+S or Return)"))
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.clicked.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        save_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        save_key.activated.connect(self.save)

        self.mode.currentIndexChanged.connect(self._on_mode)
        self.spread.currentIndexChanged.connect(self._on_spread)
        self.one_day.currentIndexChanged.connect(self._update_preview)
        self.day_picker.day_changed.connect(self._on_day_changed)
        self._shown_day = self.day_picker.day()
        self._on_mode()

    def _pillar_group(self, pillar: str) -> QGroupBox:
        box = QGroupBox(self.tr(PILLAR_NAMES[pillar]), self)
        box.setToolTip(self.tr(PILLAR_LABELS[pillar]))
        grid = QGridLayout(box)
        grid.setVerticalSpacing(2)
        grid.addWidget(ColourDot(pillar, 10, box), 0, 0)
        grid.addWidget(MutedLabel(self.tr(PILLAR_LABELS[pillar]), box), 0, 1, 1, 2)
        for row, metric in enumerate(metrics_for(pillar), start=1):
            field = NumberField(metric.key, 0, box)
            field.setAccessibleName(self.tr(metric.label))
            field.setMinimumWidth(72)
            label = QLabel(self.tr(metric.label), box)
            label.setBuddy(field)
            error = ErrorLabel(box)
            field.setProperty("error_label", error)
            field.textEdited.connect(lambda _t, key=metric.key: self._edited(key))
            field.installEventFilter(self)
            grid.addWidget(label, 2 * row - 1, 0, 1, 2)
            grid.addWidget(field, 2 * row - 1, 2)
            grid.addWidget(error, 2 * row, 0, 1, 3)
            self.fields[metric.key] = field
        grid.setColumnStretch(1, 1)
        return box

    # -- state -----------------------------------------------------------------------------

    def week_mode(self) -> bool:
        return self.mode.currentData() == "week"

    @property
    def dirty(self) -> bool:
        return self._dirty

    def _set_dirty(self, dirty: bool) -> None:
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirty_changed.emit(dirty)

    def day(self) -> date:
        return self.day_picker.day()

    def week(self) -> tuple[date, ...]:
        return week_of(self.day(), today())

    def first_field(self) -> NumberField:
        return self.fields[next(iter(self.fields))]

    def focus_first(self) -> None:
        self.first_field().setFocus(Qt.FocusReason.TabFocusReason)
        self.first_field().selectAll()

    def load(self) -> None:
        """The day's typed counts (day mode) or empty totals (week mode: empty = untouched)."""
        self._loading = True
        try:
            entry = None if self.week_mode() else self.model.store.activity_on(self.day(), "manual")
            for key, field in self.fields.items():
                if self.week_mode():
                    field.clear()
                    field.setPlaceholderText(self.tr("leave as is"))
                else:
                    field.setValue(entry.total(key) if entry else 0)
                    field.setPlaceholderText("")
                self._clear_error(key)
        finally:
            self._loading = False
        self._set_dirty(False)
        self.form_error.clear()
        self._update_week_line()
        self._update_preview()

    def reload(self) -> None:
        """Drop what was typed and show the store again."""
        self.load()

    def _edited(self, key: str) -> None:
        if self._loading:
            return
        self._set_dirty(True)
        self._clear_error(key)
        self._update_preview()

    def _clear_error(self, key: str) -> None:
        field = self.fields[key]
        set_invalid(field, False)
        field.property("error_label").clear()

    def _on_mode(self) -> None:
        week = self.week_mode()
        self.setWindowTitle(self.tr("Record a week") if week else self.tr("Record a day"))
        for i in range(self.week_line.count()):
            item = self.week_line.itemAt(i)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.setVisible(week)
        self._on_spread()
        self.load()

    def _on_spread(self) -> None:
        self.one_day.setVisible(self.week_mode() and self.spread.currentData() == ONE_DAY)
        self._update_preview()

    def _on_day_changed(self, day: date) -> None:
        if day != self._shown_day and self._dirty and not self.ask_to_keep(self._shown_day):
            self.day_picker.blockSignals(True)
            self.day_picker.set_day(self._shown_day)
            self.day_picker.blockSignals(False)
            return
        self._shown_day = day
        self.load()

    def _update_week_line(self) -> None:
        week = self.week()
        self.week_label.setText(
            self.tr("Week of {first} to {last},").format(
                first=week[0].strftime("%a %d %b"), last=week[-1].strftime("%a %d %b")
            )
        )
        self.one_day.blockSignals(True)
        self.one_day.clear()
        for day in week:
            self.one_day.addItem(day.strftime("%a %d %b"), day)
        self.one_day.setCurrentIndex(len(week) - 1)
        self.one_day.blockSignals(False)

    def _typed_totals(self) -> dict[str, str]:
        return {k: f.text().strip() for k, f in self.fields.items() if f.text().strip()}

    def _update_preview(self) -> None:
        if not self.week_mode():
            self.preview.setText("")
            return
        totals = self._typed_totals()
        if not totals:
            self.preview.setText(self.tr("Type a week's totals; empty fields stay as they are."))
            return
        try:
            _change, split = week_change(
                self.model.store, self.week(), totals, self.spread.currentData(),
                self.one_day.currentData(),
            )  # fmt: skip
        except ValidationError as exc:
            self.preview.setText(self.tr("Preview: {reason}").format(reason=str(exc)))
            return
        rows = []
        for day, counts in split.items():
            parts = ", ".join(
                f"{n} {self.tr(METRICS_BY_KEY[k].label).lower()}" for k, n in counts.items() if n
            )
            rows.append(f"<b>{day.strftime('%a %d')}</b>: {parts or '–'}")
        self.preview.setText(self.tr("Preview — ") + " · ".join(rows))

    # -- saving ----------------------------------------------------------------------------

    def save(self) -> bool:
        """Validate and write as one undoable change; False (with the reason) otherwise."""
        self.form_error.clear()
        try:
            label, change = self._change()
            ok = self.model.push(label, change)
        except ValidationError as exc:
            self._show_error(exc)
            return False
        if not ok:
            self.form_error.show_error(self.tr("Not saved: the file could not be written."))
            return False
        self.saved.emit(label)
        self.load()
        return True

    def _change(self) -> tuple[str, Change]:
        if self.week_mode():
            week = self.week()
            change, _split = week_change(
                self.model.store, week, self._typed_totals(), self.spread.currentData(),
                self.one_day.currentData(),
            )  # fmt: skip
            return self.tr("Record the week of {day}").format(day=week[0].isoformat()), change
        values = {key: field.text_value() for key, field in self.fields.items()}
        label = self.tr("Save the day {day}").format(day=self.day().isoformat())
        return label, SetDay(self.day(), values, "manual")

    def _show_error(self, exc: ValidationError) -> None:
        field = self.fields.get(exc.field)
        if field is None:
            self.form_error.show_error(str(exc))
            return
        set_invalid(field, True)
        label = self.tr(METRICS_BY_KEY[exc.field].label)
        field.property("error_label").show_error(f"{label}: {exc.reason}")
        field.setFocus()

    # -- unsaved values ----------------------------------------------------------------------

    def ask_to_keep(self, day: date) -> bool:
        """Unsaved values: Save (True when saved), Discard (True), Cancel (False)."""
        answer = QMessageBox.question(
            self,
            self.tr("Unsaved values"),
            self.tr("Save what you typed for {day}?").format(day=day.isoformat()),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def reject(self) -> None:
        # Escape, Cancel and the window's close button all come here (QDialog.closeEvent).
        if self._dirty and not self.ask_to_keep(self._shown_day):
            return
        self._set_dirty(False)
        super().reject()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.save()
            return
        super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The focused field's help, under the form ("on this day" for a past day).
        if event.type() == QEvent.Type.FocusIn and isinstance(watched, NumberField):
            text = self.tr(METRICS_BY_KEY[watched.key].help)
            self.help_line.setText(text if self.day() == today() else on_this_day(text))
        return super().eventFilter(watched, event)
