"""`make screenshots`: PNGs of every tab and dialog, to review the look in a minute.

Two stores (the first-run sample year and the benchmarks' ten-year store), two themes (light,
dark) and two window sizes (1024×640, the smallest the app promises to be usable at, and
1600×1000). Each store is copied to a scratch folder first, so nothing the script opens is
ever written. Runs offscreen (CI) or under any display.

    python build_scripts/screenshots.py [--out screenshots] [--quick]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZES = ((1024, 640), (1600, 1000))
THEMES = ("light", "dark")


def _stores(scratch: Path, quick: bool) -> Iterator[tuple[str, Path]]:
    from ssi_desktop.core.sample import generate
    from ssi_desktop.storage import Store

    sample = scratch / "sample.json"
    with Store.open(sample) as store:
        store.add_records(**generate(365).as_records())
    yield "sample", sample
    if quick:
        return
    sys.path.insert(0, str(ROOT))
    from benchmarks.data import store_path

    ten = scratch / "ten-years.json"
    shutil.copyfile(store_path(), ten)
    yield "ten-years", ten


def _dialogs(window: object) -> list[tuple[str, Callable[[], object]]]:
    from ssi_desktop.ui.dialogs.backups_dialog import BackupsDialog
    from ssi_desktop.ui.dialogs.calibration_dialog import CalibrationDialog
    from ssi_desktop.ui.dialogs.first_run import FirstRunDialog
    from ssi_desktop.ui.dialogs.goal_dialog import GoalDialog
    from ssi_desktop.ui.dialogs.help_dialog import scoring_dialog, user_guide_dialog
    from ssi_desktop.ui.forms.day_dialog import DayDialog

    model = window.model  # type: ignore[attr-defined]

    def day_form(week: bool) -> object:
        dialog = DayDialog(model, window)
        if week:
            dialog.mode.setCurrentIndex(dialog.mode.findData("week"))
            dialog.fields["brand.posts"].setText("6")
            dialog.fields["engage.comments"].setText("12")
            dialog.fields["engage.comments"].textEdited.emit("12")
        return dialog

    return [
        ("dialog-record-day", lambda: day_form(False)),
        ("dialog-record-week", lambda: day_form(True)),
        ("dialog-goal", lambda: GoalDialog(model, window)),
        ("dialog-calibration", lambda: CalibrationDialog(model, window)),
        ("dialog-backups", lambda: BackupsDialog(model, window)),
        ("dialog-first-run", lambda: FirstRunDialog(model.store.path, window)),
        ("dialog-user-guide", lambda: user_guide_dialog(window)),
        ("dialog-scoring", lambda: scoring_dialog(window)),
    ]


def _shoot(out: Path, quick: bool) -> list[Path]:
    from PySide6.QtWidgets import QApplication

    from ssi_desktop.storage import Store
    from ssi_desktop.ui.main_window import MainWindow
    from ssi_desktop.ui.settings import AppSettings
    from ssi_desktop.ui.store_model import StoreModel
    from ssi_desktop.ui.theme import ThemeController

    app = QApplication.instance() or QApplication([sys.argv[0]])
    written: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp)
        settings = AppSettings(scratch / "settings.ini")
        theme = ThemeController(app, "light")
        for store_name, path in _stores(scratch, quick):
            for mode in THEMES:
                theme.set_mode(mode)
                for width, height in SIZES:
                    window = MainWindow(StoreModel(Store.open(path)), settings, theme)
                    window.resize(width, height)
                    window.show()
                    app.processEvents()
                    prefix = f"{store_name}-{mode}-{width}x{height}"
                    for index in range(window.tabs.count()):
                        window.tabs.setCurrentIndex(index)
                        window.current_tab()
                        for _ in range(3):
                            app.processEvents()
                        target = out / f"{prefix}-{index + 1}-{window.tab_key(index)}.png"
                        window.grab().save(str(target))
                        written.append(target)
                    for days, label in ((30, "30d"), (None, "all")):  # the other ranges
                        window.history_tab.chart.set_range_days(days)
                        app.processEvents()
                        target = out / f"{prefix}-7-history-{label}.png"
                        window.grab().save(str(target))
                        written.append(target)
                    window.history_tab.chart.set_range_days(365)
                    if width == SIZES[0][0]:  # dialogs size themselves: one size is enough
                        for name, make in _dialogs(window):
                            dialog = make()
                            dialog.show()  # type: ignore[attr-defined]
                            for _ in range(3):
                                app.processEvents()
                            target = out / f"{store_name}-{mode}-{name}.png"
                            dialog.grab().save(str(target))  # type: ignore[attr-defined]
                            written.append(target)
                            dialog.done(0)  # type: ignore[attr-defined]
                            dialog.deleteLater()  # type: ignore[attr-defined]
                    window.close()
                    window.model.store.close()
                    window.deleteLater()
                    app.processEvents()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots", help="output folder")
    parser.add_argument("--quick", action="store_true", help="the sample store only")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    args.out.mkdir(parents=True, exist_ok=True)
    written = _shoot(args.out, args.quick)
    print(f"{len(written)} screenshots in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
