"""`ssi-desktop add` and the app's day form mean the same: both set the counts given.

A running count saved at noon and again in the evening leaves the evening's count, whether it
was typed into the Engage tab or given to the command line.
"""

from __future__ import annotations

import subprocess
import sys
from datetime import timedelta
from pathlib import Path

from ssi_desktop.core.validation import today
from tests.ui.app_helpers import click_and_wait, open_window, reopen, type_into

DAY = today() - timedelta(days=1)
#: What the member saves during the day: noon, then evening.
SAVES = [{"engage.comments": 3}, {"engage.comments": 5, "engage.shares": 2}]


def _cli(store: Path, *args: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "ssi_desktop", "--data", str(store), *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr


def _counts(store: Path) -> dict[str, int]:
    with reopen(store) as opened:
        entry = opened.activity_on(DAY)
        return dict(entry.counts) if entry else {}


def test_the_cli_and_the_form_store_the_same_counts(qtbot, tmp_path: Path) -> None:
    by_cli, by_form = tmp_path / "cli.json", tmp_path / "form.json"
    for store in (by_cli, by_form):  # another pillar's count of the day, which both keep
        _cli(store, "add", "--date", DAY.isoformat(), "find.searches=4")

    for save in SAVES:
        _cli(by_cli, "add", "--date", DAY.isoformat(), *(f"{k}={v}" for k, v in save.items()))

    window = open_window(qtbot, by_form)
    window.show_tab("engage")
    form = window.pillar_tabs["engage"].form
    form.show_day(DAY)
    for save in SAVES:
        for key, value in save.items():
            type_into(qtbot, form.spins[key], str(value))
        click_and_wait(qtbot, form.save_button, window.model)
    window.model.store.close()

    expected = {"find.searches": 4, "engage.comments": 5, "engage.shares": 2}
    assert _counts(by_cli) == _counts(by_form) == expected


def test_increment_is_the_explicit_way_to_add(tmp_path: Path) -> None:
    store = tmp_path / "store.json"
    for count in (3, 5):
        _cli(store, "add", "--increment", "--date", DAY.isoformat(), f"engage.comments={count}")
    assert _counts(store) == {"engage.comments": 8}
