"""The calibration dialog: fit the model to the official readings, see what changed, apply.

The report says per pillar, in words, the offset calibration found, its largest moves and
anything at a bound, then the errors before and after (on all readings and on held-back ones).

The fit (``core.calibration``) runs in a worker thread on a snapshot of the records, with
progress and Cancel (spec §5). Nothing is written until Apply: a cancelled or closed fit leaves
the store as it was. Apply and Reset go through ``StoreModel.push``, after a backup (§7.2),
so Edit ▸ Undo puts the previous model back.
"""

from __future__ import annotations

import html
import threading
from typing import Any

from PySide6.QtCore import Qt, QThread, Signal, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.calibration import (
    MIN_READINGS,
    Calibration,
    CalibrationCancelled,
    calibrate,
    usable_readings,
)
from ...core.catalogue import PILLARS
from ...core.changes import SetParams
from ...core.parameters import DEFAULT_PARAMS, ModelParams
from ...core.validation import today
from ...storage import StoreError
from ..formatting import PILLAR_NAMES
from ..store_model import StoreModel
from ..widgets import ErrorLabel, MutedLabel, tabular_font


class _FitThread(QThread):
    progressed = Signal(int, int)
    fitted = Signal(object)  # Calibration
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, records: dict[str, Any], parent: QWidget) -> None:
        super().__init__(parent)
        self._records = records
        # A plain Event, not requestInterruption(): the fit polls it from the worker thread,
        # and pure Python there keeps the thread clear of Qt object calls.
        self._stop = threading.Event()

    def stop(self) -> None:
        self._stop.set()

    def _progress(self, done: int, total: int) -> None:
        self.progressed.emit(done, total)

    def run(self) -> None:
        try:
            result = calibrate(**self._records, progress=self._progress,
                               cancelled=self._stop.is_set)  # fmt: skip
        except CalibrationCancelled:
            self.cancelled.emit()
        except ValueError as exc:
            self.failed.emit(str(exc))
        else:
            self.fitted.emit(result)


class CalibrationDialog(QDialog):
    def __init__(self, model: StoreModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self._thread: _FitThread | None = None
        self._cancel_requested = False
        self.calibration: Calibration | None = None
        self.setWindowTitle(self.tr("Calibrate the model"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        layout.addWidget(MutedLabel(self.tr(
            "Calibration fits the model to the official readings you copied from LinkedIn: per "
            "pillar a steady offset, and how much each input you record counts and how soon "
            "it fills up, within the model's bounds. Inputs you never record keep their "
            "weight. Your records are not changed, and Edit ▸ Undo or “Reset to defaults” "
            "returns to the model in use."),
            self))  # fmt: skip
        self.model_line = QLabel(self)
        self.model_line.setWordWrap(True)
        layout.addWidget(self.model_line)
        self.readings_line = QLabel(self)
        self.readings_line.setWordWrap(True)
        layout.addWidget(self.readings_line)

        running = QHBoxLayout()
        self.progress = QProgressBar(self)
        self.progress.setAccessibleName(self.tr("Calibration progress"))
        running.addWidget(self.progress, 1)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setToolTip(self.tr("Stop the fit; nothing is changed"))
        self.cancel_button.clicked.connect(self.cancel)
        running.addWidget(self.cancel_button)
        self.running = QWidget(self)
        self.running.setLayout(running)
        running.setContentsMargins(0, 0, 0, 0)
        self.running.hide()
        layout.addWidget(self.running)

        self.changes = QLabel(self)
        self.changes.setWordWrap(True)
        self.changes.setTextFormat(Qt.TextFormat.RichText)
        self.changes.setAccessibleName(self.tr("What calibration changed"))
        self.changes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.changes.hide()
        layout.addWidget(self.changes)
        self.table = QTableWidget(len(PILLARS) + 1, 4, self)
        self.table.setAccessibleName(
            self.tr("How far the estimate is from your readings, on average, per pillar")
        )
        self.table.setHorizontalHeaderLabels([
            self.tr("Off by now"), self.tr("Calibrated"), self.tr("Latest, now"),
            self.tr("Latest, calibrated")])  # fmt: skip
        self.table.setVerticalHeaderLabels([PILLAR_NAMES[p] for p in PILLARS] + [self.tr("Total")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFont(tabular_font(self.font()))
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.hide()
        layout.addWidget(self.table)
        self.verdict = QLabel(self)
        self.verdict.setWordWrap(True)
        layout.addWidget(self.verdict)
        self.error = ErrorLabel(self)
        layout.addWidget(self.error)
        layout.addStretch(1)

        self.buttons = QDialogButtonBox(self)
        self.calibrate_button = self.buttons.addButton(
            self.tr("Calibrate"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.apply_button = self.buttons.addButton(
            self.tr("Apply"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.reset_button = self.buttons.addButton(
            self.tr("Reset to defaults"), QDialogButtonBox.ButtonRole.ResetRole
        )
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.calibrate_button.setToolTip(self.tr("Fit the model to your readings (nothing is "
                                                 "saved until Apply)"))  # fmt: skip
        self.apply_button.setToolTip(self.tr("Use the fitted model (undoable)"))
        self.reset_button.setToolTip(self.tr("Return to the default model v2 (undoable)"))
        self.calibrate_button.clicked.connect(self.start)
        self.apply_button.clicked.connect(self.apply)
        self.reset_button.clicked.connect(self.reset)
        self.close_button.clicked.connect(self.reject)
        layout.addWidget(self.buttons)
        model.save_failed.connect(self._on_save_failed)
        self._describe_store()

    # -- what is there -----------------------------------------------------------------------

    def _calibrated(self) -> bool:
        return self._model.store.params().fingerprint() != DEFAULT_PARAMS.fingerprint()

    def _describe_store(self) -> None:
        store = self._model.store
        info = store.params_info()
        if self._calibrated() and info:
            self.model_line.setText(
                self.tr("Model in use: calibrated on {date} from {count} readings.").format(
                    date=info.get("date", "?"), count=info.get("readings_used", "?")
                )
            )
        else:
            self.model_line.setText(self.tr("Model in use: the defaults (model v2)."))
        usable = usable_readings(store.readings(), store.activity(), store.profiles(),
                                 store.totals(), store.settings())  # fmt: skip
        if len(usable) < MIN_READINGS:
            self.readings_line.setText(
                self.tr(
                    "Calibration needs at least {needed} official readings dated on or after "
                    "your first recorded activity; there are {count}. Record them in the "
                    "Readings tab."
                ).format(needed=MIN_READINGS, count=len(usable))
            )
        else:
            self.readings_line.setText(self.tr(
                "{count} official readings can be used ({first} to {last}).").format(
                count=len(usable), first=usable[0].day.isoformat(),
                last=usable[-1].day.isoformat()))  # fmt: skip
        self.calibrate_button.setEnabled(len(usable) >= MIN_READINGS)
        self.apply_button.setEnabled(False)
        self.reset_button.setEnabled(self._calibrated())

    # -- the fit -----------------------------------------------------------------------------

    def start(self) -> None:
        """Fit in a worker thread on a snapshot of the records."""
        if self._thread is not None:
            return
        store = self._model.store
        records = {"activity": store.activity(), "profiles": store.profiles(),
                   "readings": store.readings(), "current": store.params(),
                   "totals": store.totals(), "settings": store.settings()}  # fmt: skip
        self.calibration = None
        self._cancel_requested = False
        self.error.clear()
        self.verdict.clear()
        self.changes.hide()
        self.table.hide()
        self.apply_button.setEnabled(False)
        self.calibrate_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.running.show()
        self._thread = thread = _FitThread(records, self)
        thread.progressed.connect(self._on_progress)
        thread.fitted.connect(self._on_fitted)
        thread.failed.connect(self._on_failed)
        thread.cancelled.connect(self._on_cancelled)
        thread.finished.connect(self._on_finished)
        thread.start()

    def cancel(self) -> None:
        if self._thread is not None:
            self._cancel_requested = True
            self._thread.stop()

    def is_running(self) -> bool:
        return self._thread is not None

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    @Slot(object)
    def _on_fitted(self, result: Calibration) -> None:
        if self._cancel_requested:  # finished before it saw the request: still cancelled
            self._on_cancelled()
            return
        self.calibration = result
        self._show_result(result)
        self.apply_button.setEnabled(True)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self.error.show_error(message)

    @Slot()
    def _on_cancelled(self) -> None:
        self.verdict.setText(self.tr("Cancelled. Nothing was changed."))

    @Slot()
    def _on_finished(self) -> None:
        self._thread = None
        self.running.hide()
        self.calibrate_button.setEnabled(True)

    def _show_result(self, result: Calibration) -> None:
        self._show_changes(result)
        columns = [result.mae_before, result.mae_after, result.holdout_before,
                   result.holdout_after]  # fmt: skip
        for row, name in enumerate((*PILLARS, "total")):
            for column, values in enumerate(columns):
                text = f"{values[name]:.2f}" if values is not None else "—"
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        # Tall enough for every row, so the table never scrolls and nothing overlaps it.
        self.table.resizeRowsToContents()
        header = self.table.horizontalHeader().sizeHint().height()
        rows = self.table.verticalHeader().length()
        self.table.setFixedHeight(header + rows + 2 * self.table.frameWidth())
        self.table.show()
        before, after = result.mae_before["total"], result.mae_after["total"]
        lines = [
            self.tr(
                "On your {count} official readings, the estimate is now off by {before:.2f} "
                "points on average; calibrated, it would be off by {after:.2f}."
            ).format(count=result.readings_used, before=before, after=after)
        ]
        if result.holdout_before is None or result.holdout_after is None:
            lines.append(self.tr(
                "Once you have 8 readings, the latest ones are also kept aside, to check that "
                "the calibration predicts readings it has not seen."))  # fmt: skip
        elif result.generalises:
            lines.append(self.tr(
                "Your latest {held} readings were kept aside and predicted without them: off by "
                "{before:.2f} now, {after:.2f} calibrated. The calibration generalises to new "
                "readings.").format(
                held=result.held_back, before=result.holdout_before["total"],
                after=result.holdout_after["total"]))  # fmt: skip
        else:
            lines.append(self.tr(
                "⚠ Your latest {held} readings were kept aside and predicted without them: the "
                "calibration does no better on them ({before:.2f} now, {after:.2f} calibrated). "
                "The defaults may serve you as well.").format(
                held=result.held_back, before=result.holdout_before["total"],
                after=result.holdout_after["total"]))  # fmt: skip
        self.verdict.setText("\n".join(lines))
        # Grow to fit the table, at the width the user sees (adjustSize would re-wrap the text).
        layout = self.layout()
        assert layout is not None  # built in __init__
        self.resize(self.width(), max(self.height(), layout.totalHeightForWidth(self.width())))

    def _show_changes(self, result: Calibration) -> None:
        """Per pillar, in words: the offset, the largest moves and anything at a bound."""
        parts = []
        for pillar in PILLARS:
            change = result.changes[pillar]
            lines = [html.escape(change.summary)]
            lines += [html.escape(text) for text in change.changes]
            lines += [self.tr("At a bound: {what}").format(what=html.escape(text))
                      for text in change.at_bound]  # fmt: skip
            parts.append(f"<p style='margin:0 0 6px 0'><b>{PILLAR_NAMES[pillar]}</b> — "
                         + "<br>&nbsp;&nbsp;".join(lines) + "</p>")  # fmt: skip
        self.changes.setText("".join(parts))
        self.changes.show()

    # -- writing -----------------------------------------------------------------------------

    def apply(self) -> bool:
        if self.calibration is None:
            return False
        result = self.calibration
        info = result.info(today())
        if self._change(self.tr("Calibrate the model"), result.params, info):
            self.accept()
            return True
        return False

    def reset(self) -> bool:
        if self._change(self.tr("Reset the model to defaults"), None, {}):
            self.accept()
            return True
        return False

    def _change(self, label: str, params: ModelParams | None, info: dict[str, Any]) -> bool:
        try:
            self._model.store.backup("calibration")
        except (OSError, StoreError) as exc:
            self.error.show_error(self.tr("No backup could be made, so nothing was changed: "
                                          "{reason}").format(reason=exc))  # fmt: skip
            return False
        return self._model.push(label, SetParams(params, info))

    def _on_save_failed(self, message: str) -> None:
        if self.isVisible():
            self.error.show_error(self.tr("Not saved: {reason}").format(reason=message))

    # -- closing -----------------------------------------------------------------------------

    def done(self, result: int) -> None:
        """Closing while fitting cancels the fit and waits for the thread to stop."""
        if self._thread is not None:
            self.cancel()
            self._thread.wait()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._thread is not None:
            self.cancel()
            self._thread.wait()
        super().closeEvent(event)
