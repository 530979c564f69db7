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

from ...core.sample import generate
from ..store_model import StoreModel

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
    return model.push(model.tr("Load sample data"), generate(days).change())
