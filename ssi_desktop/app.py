"""QApplication bootstrap: identity, paths, the main window."""

from __future__ import annotations

import sys


def main(data: str | None = None, smoke: bool = False) -> int:
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    from .paths import _set_identity, resolve_store_path

    _set_identity()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle(f"SSI Desktop — {resolve_store_path(data).name}")
    window.setCentralWidget(QLabel("SSI Desktop"))
    window.resize(1100, 760)
    window.show()
    if smoke:
        app.processEvents()
        return 0
    return app.exec()
