"""The first run: start empty, explore a sample year, or import the LinkedIn export."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCommandLinkButton,
    QDialog,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ..core.sample import generate
from ..storage import StoreError
from .notes_panel import note_id
from .store_model import StoreModel

EMPTY, SAMPLE, IMPORT = "empty", "sample", "import"


class FirstRunDialog(QDialog):
    """Asks how to start; ``choice`` is EMPTY, SAMPLE or IMPORT (EMPTY if closed)."""

    def __init__(self, store_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choice = EMPTY
        self.setWindowTitle(self.tr("Welcome to SSI Desktop"))
        self.setMinimumWidth(540)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "<h3>Welcome to SSI Desktop</h3><p>It estimates your LinkedIn Social Selling "
                "Index from what you do on LinkedIn and shows which pillar to work on. Everything "
                "stays on this computer, in <tt>{path}</tt>.</p><p>How would you like to start?</p>"
            ).format(path=str(store_path)),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.empty_button = QCommandLinkButton(
            self.tr("Start empty"), self.tr("Record your activity from today on."), self
        )
        self.sample_button = QCommandLinkButton(
            self.tr("Open sample data (a year of example activity)"),
            self.tr("Explore the app with invented data; Edit ▸ Undo removes it."),
            self,
        )
        self.import_button = QCommandLinkButton(
            self.tr("Import LinkedIn export…"),
            self.tr("Fill in your past from the archive LinkedIn sends you."),
            self,
        )
        buttons = (self.empty_button, self.sample_button, self.import_button)
        for button, choice in zip(buttons, (EMPTY, SAMPLE, IMPORT), strict=True):
            button.clicked.connect(lambda _checked=False, c=choice: self._choose(c))
            layout.addWidget(button)
        self.empty_button.setDefault(True)
        self.empty_button.setFocus()

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()


def load_sample(model: StoreModel, days: int = 365) -> bool:
    """Add a sample year to the store as one undoable change (one write each way)."""
    data = generate(days)
    store = model.store
    days_of = {e.day for e in data.activity}
    previous_activity = [e for e in store.activity() if e.source == "manual" and e.day in days_of]
    profile_days = {p.day for p in data.profiles}
    previous_profiles = [p for p in store.profiles() if p.day in profile_days]
    reading_days = {r.day for r in data.readings}
    previous_readings = [r for r in store.readings() if r.day in reading_days]
    previous_goal = store.goal()

    def do() -> None:
        store.add_records(**data.as_records())

    def undo() -> None:
        try:
            with store.batch():
                for entry in data.activity:
                    store.delete_activity(entry.day, "manual")
                for snapshot in data.profiles:
                    store.delete_profile(snapshot.day)
                for reading in data.readings:
                    store.delete_reading(reading.day)
                for note in data.notes:
                    store.delete_note(note_id(store, note))
                store.add_records(
                    activity=previous_activity,
                    profiles=previous_profiles,
                    readings=previous_readings,
                )
                store.set_goal(previous_goal)
        except OSError as exc:  # the batch's own write: report it like every other write
            raise StoreError(
                "write_failed",
                store.path,
                f"Could not save to {store.path}: {exc}. Nothing was changed.",
            ) from exc

    return model.apply(model.tr("Load sample data"), do, undo)
