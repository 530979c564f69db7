"""One question for the imports: a file, or the folder that holds files (unpacked, or several)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget


@dataclass(frozen=True)
class FileOrFolder:
    """The translated words of the question; the LinkedIn and Creator imports each have theirs."""

    title: str
    text: str
    info: str
    file_button: str
    folder_button: str
    file_caption: str
    file_filter: str
    folder_caption: str


def choose_file_or_folder(parent: QWidget | None, words: FileOrFolder) -> Path | None:
    """Ask which of the two, then show the matching chooser (from Downloads); None if cancelled."""
    box = QMessageBox(parent)
    box.setWindowTitle(words.title)
    box.setIcon(QMessageBox.Icon.Question)
    box.setText(words.text)
    box.setInformativeText(words.info)
    file_button = box.addButton(words.file_button, QMessageBox.ButtonRole.AcceptRole)
    folder_button = box.addButton(words.folder_button, QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(file_button)
    box.exec()
    start = str(Path.home() / "Downloads")
    if box.clickedButton() is file_button:
        name, _filter = QFileDialog.getOpenFileName(
            parent, words.file_caption, start, words.file_filter
        )
        return Path(name) if name else None
    if box.clickedButton() is folder_button:
        name = QFileDialog.getExistingDirectory(parent, words.folder_caption, start)
        return Path(name) if name else None
    return None
