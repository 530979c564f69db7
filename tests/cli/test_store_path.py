"""``--data`` must name a store (issue 16, cases 3, 10 and the mistyped path of 11)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from ssi_desktop.core.records import ActivityEntry
from ssi_desktop.storage import Store
from ssi_desktop.storage.backups import list_backups
from tests.store_holder import held_elsewhere


def run(*argv: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ssi_desktop", *argv],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env=env,
    )


def _saved_twice(path: Path) -> None:
    with Store.open(path) as store:
        store.set_activity(ActivityEntry.create("2024-01-01", {"brand.posts": 1}))
        store.set_activity(ActivityEntry.create("2024-01-02", {"brand.posts": 2}))


def test_an_empty_data_is_refused_and_the_default_store_untouched(tmp_path: Path) -> None:
    home = Path.home()
    for where in (
        ["--data", ""],
        ["add", "--date", "2024-01-01", "brand.posts=1", "--data", ""],
        ["--data", " ", "--smoke"],
    ):
        argv = where if where[0] != "--data" else [*where, "score"]
        done = run(*argv)
        assert done.returncode == 2, done.stderr
        assert "--data: is empty" in done.stderr
    assert not any(p.name == "ssi-desktop.json" for p in home.rglob("*"))


def test_a_previous_version_or_a_backup_is_never_opened_as_a_store(tmp_path: Path) -> None:
    store_path = tmp_path / "store.json"
    _saved_twice(store_path)
    previous = tmp_path / "store.json.prev"
    backup = next(b.path for b in list_backups(store_path) if b.reason == "daily")
    assert backup.parent.name == "backups"
    with held_elsewhere(store_path):  # even while the app holds the store's lock
        for target in (previous, backup):
            before = target.read_bytes()
            done = run("add", "--date", "2024-01-03", "brand.posts=3", "--data", str(target))
            assert done.returncode == 2, done.stderr
            assert "not a store" in done.stderr and "backups" in done.stderr
            assert target.read_bytes() == before


@pytest.mark.parametrize(
    "argv",
    [["score"], ["check"], ["advise"], ["export", "csv", "OUT"]],
    ids=["score", "check", "advise", "export"],
)
def test_reading_commands_on_a_missing_store_say_so(tmp_path: Path, argv: list[str]) -> None:
    missing = tmp_path / "typo" / "stroe.json"
    argv = [str(tmp_path / "out") if a == "OUT" else a for a in argv]
    done = run(*argv, "--data", str(missing))
    assert done.returncode == 3, done.stderr
    assert f"{missing} does not exist" in done.stderr and "Nothing was created" in done.stderr
    assert not (tmp_path / "typo").exists() and not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("option", "value", "words"),
    [
        ("--from", "0001-01-01", "before LinkedIn existed"),
        ("--to", "9999-12-31", "is in the future"),
        ("--from", "20260302", "not a date in the form YYYY-MM-DD"),
    ],
)
def test_the_score_range_is_bounded(store_path: Path, option: str, value: str, words: str) -> None:
    _saved_twice(store_path)
    done = run("score", option, value, "--data", str(store_path))
    assert done.returncode == 2, done.stderr
    assert f"{option}: " in done.stderr and words in done.stderr
