"""When the store cannot be opened: say what is wrong and offer a way out (spec §7.3, §7.4).

A damaged file is never opened as an empty store and never overwritten: the user sees what is
wrong and which backups exist, and may restore the newest good backup (the damaged file is
kept beside the store as ``<name>.damaged-<time>.json``), choose another file, or quit. A store
that another SSI Desktop has open can be tried again once that one is closed, or opened
read-only: shown as it is, with every change refused and nothing written.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton, QWidget

from ...storage import Store, StoreError
from ...storage.backups import latest_good, restore_unopened

#: Kinds of refusal a backup can mend; a newer file needs a newer app instead.
RESTORABLE = frozenset({"empty", "corrupt", "not_a_store", "unreadable", "invalid_record"})


#: The file dialogs' filter for store files (opening and creating one).
STORE_FILTER = "SSI Desktop store (*.json);;All files (*)"


def tr(text: str) -> str:
    return QCoreApplication.translate("recovery", text)


def _ask(
    parent: QWidget | None, title: str, text: str, details: str, choices: list[tuple[str, str]]
) -> str:
    """Show a warning with one button per (key, label); the key of the one pressed."""
    box = QMessageBox(
        QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.NoButton, parent
    )
    box.setInformativeText(details)
    buttons: dict[QPushButton, str] = {}
    for key, label in choices:
        role = (
            QMessageBox.ButtonRole.RejectRole
            if key == "quit"
            else QMessageBox.ButtonRole.AcceptRole
        )
        button = box.addButton(label, role)
        buttons[button] = key
        if key == "quit":
            box.setEscapeButton(button)
    box.setDefaultButton(next(iter(buttons)))
    box.exec()
    clicked = box.clickedButton()
    return next((key for button, key in buttons.items() if button is clicked), "quit")


def _restore(parent: QWidget | None, path: Path) -> None:
    good = latest_good(path)
    if good is None:
        return
    try:
        done = restore_unopened(path, good.path)
    except StoreError as exc:
        QMessageBox.warning(parent, tr("The backup was not restored"), str(exc))
        return
    kept = done.aside or done.safety
    QMessageBox.information(
        parent,
        tr("Backup restored"),
        tr(
            "The store was restored from the backup taken {when}. The file it replaced was "
            "kept as {kept}."
        ).format(when=good.taken.astimezone().strftime("%Y-%m-%d %H:%M"), kept=kept),
    )


def open_store_interactively(path: Path, parent: QWidget | None = None) -> Store | None:
    """The store at ``path`` (or another the user picks), or None if the user quits."""
    while True:
        try:
            return Store.open(path)
        except StoreError as exc:
            error = exc
        if error.kind == "locked":
            choice = _ask(
                parent,
                tr("The store is already open"),
                tr("Another SSI Desktop has {name} open. Close it there, then try again.").format(
                    name=path.name
                ),
                str(error),
                [
                    ("retry", tr("Try again")),
                    ("read_only", tr("Open read-only")),
                    ("choose", tr("Choose another file…")),
                    ("quit", tr("Quit")),
                ],
            )
        else:
            good = latest_good(path) if error.kind in RESTORABLE else None
            choices = []
            if good is not None:
                when = good.taken.astimezone().strftime("%Y-%m-%d %H:%M")
                choices.append(
                    ("restore", tr("Restore the latest good backup ({when})").format(when=when))
                )
            choices += [("choose", tr("Choose another file…")), ("quit", tr("Quit"))]
            choice = _ask(
                parent,
                tr("The store cannot be opened"),
                tr("SSI Desktop cannot use {path}. The file has not been changed.").format(
                    path=path
                ),
                str(error),
                choices,
            )
        if choice == "quit":
            return None
        if choice == "read_only":
            try:
                return Store.open(path, read_only=True)
            except StoreError as exc:
                QMessageBox.warning(parent, tr("The store cannot be opened"), str(exc))
        if choice == "restore":
            _restore(parent, path)
        elif choice == "choose":
            chosen, _ = QFileDialog.getOpenFileName(
                parent,
                tr("Open a store"),
                str(path.parent),
                tr(STORE_FILTER),
            )
            if chosen:
                path = Path(chosen)
