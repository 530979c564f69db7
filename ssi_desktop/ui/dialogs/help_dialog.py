"""Help ▸ User guide (docs/user-guide.md), How the score is estimated (docs/scoring.md),
both rendered, and Help ▸ About."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMessageBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ... import APP_NAME, __version__
from ...paths import log_dir
from ..resources import doc_path


class MarkdownDialog(QDialog):
    """A user doc rendered from Markdown, with working links."""

    def __init__(self, title: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(760, 680)
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(True)
        self.browser.setAccessibleName(title)
        self.browser.document().setDocumentMargin(14)
        path = doc_path(name)
        if path is None:
            self.browser.setPlainText(
                self.tr("The document {name} is not installed with this copy of the app.").format(
                    name=name
                )
            )
        else:
            self.browser.setSearchPaths([str(path.parent)])
            self.browser.document().setBaseUrl(QUrl.fromLocalFile(str(path.parent) + "/"))
            self.browser.setMarkdown(path.read_text(encoding="utf-8"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)


def user_guide_dialog(parent: QWidget | None = None) -> MarkdownDialog:
    title = QCoreApplication.translate("Help", "SSI Desktop user guide")
    return MarkdownDialog(title, "user-guide.md", parent)


def scoring_dialog(parent: QWidget | None = None) -> MarkdownDialog:
    title = QCoreApplication.translate("Help", "How the score is estimated")
    return MarkdownDialog(title, "scoring.md", parent)


def about_text(store_path: Path, parent: QWidget) -> str:
    def link(path: Path) -> str:
        url = QUrl.fromLocalFile(str(path)).toString()
        return f"<a href='{html.escape(url)}'>{html.escape(str(path))}</a>"

    return parent.tr(
        "<h3>{app} {version}</h3>"
        "<p>Track, understand and raise your LinkedIn Social Selling Index. Everything stays "
        "on this computer.</p>"
        "<p><b>Store:</b> {store}<br><b>Log folder:</b> {logs}</p>"
        "<p>The estimate is SSI Desktop's own model, not LinkedIn's: Help ▸ How the score is "
        "estimated explains it.</p>"
    ).format(
        app=APP_NAME,
        version=__version__,
        store=link(store_path.parent) + "/" + html.escape(store_path.name),
        logs=link(log_dir()),
    )


def show_about(store_path: Path, parent: QWidget) -> None:
    box = QMessageBox(parent)
    box.setWindowTitle(parent.tr("About {app}").format(app=APP_NAME))
    box.setIconPixmap(parent.windowIcon().pixmap(64, 64))
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(about_text(store_path, parent))
    box.exec()
