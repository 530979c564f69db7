"""The command line as a user (or a script) runs it: a real subprocess on a real store file."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from ssi_desktop.core.catalogue import METRIC_KEYS


def cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "-m", "ssi_desktop", *args], capture_output=True,
                          text=True, env=full_env, timeout=120)  # fmt: skip


def test_add_then_score_prints_one_row_per_day(store_path: Path) -> None:
    added = cli("add", "--data", str(store_path), "--date", "2026-03-02", "engage.comments=3")
    assert added.returncode == 0, added.stderr
    out = cli("score", "--data", str(store_path), "--from", "2026-03-01", "--to", "2026-03-05",
              "--format", "csv")  # fmt: skip
    assert out.returncode == 0, out.stderr
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    assert [r["date"] for r in rows] == [f"2026-03-0{d}" for d in range(1, 6)]
    assert list(rows[0]) == ["date", "total", "brand", "find", "engage", "build"]
    assert float(rows[0]["total"]) == 0 and float(rows[1]["engage"]) > 0
    for r in rows:
        pillars = sum(float(r[p]) for p in ("brand", "find", "engage", "build"))
        assert abs(float(r["total"]) - pillars) <= 0.01


def test_score_json_and_the_same_store_gives_the_same_bytes(store_path: Path) -> None:
    cli("--data", str(store_path), "add", "--date", "2026-01-10", "find.searches=4",
        "build.requests_sent=3", "build.requests_accepted=2")  # fmt: skip
    first = cli("score", "--data", str(store_path), "--format", "json", "--to", "2026-02-01")
    again = cli("score", "--data", str(store_path), "--format", "json", "--to", "2026-02-01")
    assert first.stdout == again.stdout
    rows = json.loads(first.stdout)
    assert rows[0]["date"] == "2026-01-10" and rows[-1]["date"] == "2026-02-01"
    assert set(rows[0]) == {"date", "total", "brand", "find", "engage", "build"}


def test_data_from_the_environment(tmp_path: Path) -> None:
    path = tmp_path / "env.json"
    assert cli("note", "--date", "2026-02-01", "new", "job",
               env={"SSI_DESKTOP_DATA": str(path)}).returncode == 0  # fmt: skip
    assert json.loads(path.read_text())["notes"]["1"]["text"] == "new job"


def test_add_sets_the_keys_it_names_and_records_a_note(store_path: Path) -> None:
    d = str(store_path)
    assert cli("add", "--data", d, "--date", "2026-03-02", "engage.comments=3", "find.searches=4",
               "--note", "conference").returncode == 0  # fmt: skip
    evening = cli("add", "--data", d, "--date", "2026-03-02", "engage.comments=5", "--note", "x")
    assert evening.returncode == 0 and "engage.comments=5, find.searches=4" in evening.stdout
    data = json.loads(store_path.read_text())
    assert next(iter(data["activity"].values()))["counts"] == {
        "engage.comments": 5,
        "find.searches": 4,
    }
    assert [n["text"] for n in data["notes"].values()] == ["conference", "x"]


def test_add_increment_adds_to_the_day(store_path: Path) -> None:
    for _ in range(2):
        assert cli("add", "--increment", "--data", str(store_path), "--date", "2026-03-02",
                   "engage.comments=3").returncode == 0  # fmt: skip
    data = json.loads(store_path.read_text())
    assert next(iter(data["activity"].values()))["counts"] == {"engage.comments": 6}
    help_text = cli("add", "--help").stdout
    assert "--increment" in help_text and "leaves 5" in help_text


def test_profile_reading_goal(store_path: Path) -> None:
    d = str(store_path)
    profile = cli("profile", "--data", d, "--date", "2026-01-01", "photo=yes", "about=no")
    assert profile.returncode == 0
    assert cli("reading", "--data", d, "--date", "2026-01-02", "--brand", "20.97", "--find",
               "6.38", "--engage", "10.25", "--build", "15", "--total", "53",
               "--industry-rank", "9").returncode == 0  # fmt: skip
    goal = cli("goal", "--data", d, "--total", "80", "--find", "20", "--by", "2027-03-01")
    assert goal.returncode == 0
    data = json.loads(store_path.read_text())
    assert next(iter(data["profile"].values()))["items"]["photo"] is True
    reading = next(iter(data["readings"].values()))
    assert reading["total"] == 53 and reading["industry_rank"] == 9
    assert next(iter(data["goal"].values())) == {"total": 80.0, "pillars": {"find": 20.0},
                                              "by": "2027-03-01"}  # fmt: skip


def test_metrics_lists_the_catalogue_as_json() -> None:
    out = cli("metrics", "--format", "json")
    metrics = json.loads(out.stdout)
    assert [m["key"] for m in metrics] == list(METRIC_KEYS)
    assert set(metrics[0]) == {"key", "pillar", "label", "help", "max_per_day"}


def test_version() -> None:
    out = cli("--version")
    assert out.returncode == 0 and out.stdout.startswith("ssi-desktop ")


TOMORROW = (date.today() + timedelta(days=1)).isoformat()
BAD_INPUTS = [
    (["add", "--date", "2026-03-02", "engage.comments=-1"], "engage.comments"),
    (["add", "--date", "2026-03-02", "engage.comments=1.5"], "engage.comments"),
    (["add", "--date", "2026-03-02", "build.requests_sent=999"], "build.requests_sent"),
    (["add", "--date", "2003-05-04", "engage.comments=1"], "date"),
    (["add", "--date", TOMORROW, "engage.comments=1"], "date"),
    (["add", "--date", "2026-03-02", "engage.likes=1"], "engage.likes"),
    (["add", "--date", "2026-03-02", "engage.comments"], "engage.comments"),
    (["reading", "--date", "2026-03-02", "--brand", "26", "--find", "1", "--engage", "1",
      "--build", "1"], "brand"),
    (["reading", "--date", "2026-03-02", "--brand", "10", "--find", "10", "--engage", "10",
      "--build", "10", "--total", "41"], "total"),
    (["profile", "--date", "2026-03-02", "selfie=yes"], "selfie"),
    (["note", "--date", TOMORROW, "later"], "date"),
    (["goal", "--total", "120"], "total"),
    (["score", "--from", "2026-13-01"], "--from"),
]  # fmt: skip


@pytest.mark.parametrize(("args", "field"), BAD_INPUTS)
def test_bad_input_exits_2_names_the_field_and_writes_nothing(
    store_path: Path, args: list[str], field: str
) -> None:
    assert cli("add", "--data", str(store_path), "--date", "2026-03-01",
               "find.searches=1").returncode == 0  # fmt: skip
    before = store_path.read_bytes()
    out = cli(*args, "--data", str(store_path))
    assert out.returncode == 2, out.stderr
    assert field in out.stderr
    assert store_path.read_bytes() == before


def test_bad_input_on_a_new_store_creates_no_file(store_path: Path) -> None:
    out = cli("add", "--data", str(store_path), "--date", "2026-03-02", "engage.comments=-1")
    assert out.returncode == 2 and not store_path.exists()


@pytest.mark.parametrize(
    ("content", "words"),
    [(b"", "empty"), (b'{"meta": {"1": {"app": "ssi-desktop", "sch', "damaged"),
     (b"\x00\xffgarbage", "damaged"), (b'{"_default": {}}', "not an SSI Desktop store"),
     (b'{"meta": {"1": {"app": "ssi-desktop", "schema": 999}}}', "newer")],
)  # fmt: skip
def test_unusable_store_exits_3_and_is_left_as_it_was(
    store_path: Path, content: bytes, words: str
) -> None:
    store_path.write_bytes(content)
    for args in (["score"], ["add", "--date", "2026-03-02", "engage.comments=1"], ["check"]):
        out = cli(*args, "--data", str(store_path))
        assert out.returncode == 3, (args, out.stderr)
        assert words in out.stderr and str(store_path) in out.stderr
        assert store_path.read_bytes() == content


def test_check_reports_a_sound_store(store_path: Path) -> None:
    cli("add", "--data", str(store_path), "--date", "2026-03-02", "engage.comments=1")
    out = cli("check", "--data", str(store_path))
    assert out.returncode == 0 and "1 activity" in out.stdout and out.stdout.strip().endswith("ok")


def test_check_finds_a_hand_edited_bad_value(store_path: Path) -> None:
    cli("add", "--data", str(store_path), "--date", "2026-03-02", "engage.comments=1")
    data = json.loads(store_path.read_text())
    next(iter(data["activity"].values()))["counts"]["engage.comments"] = -5
    store_path.write_text(json.dumps(data))
    out = cli("check", "--data", str(store_path))
    assert out.returncode == 3 and "engage.comments" in out.stderr


def test_an_unknown_option_without_a_command_is_usage_error_2() -> None:
    out = cli("--data", "x.json", "--bogus")
    assert out.returncode == 2 and "--bogus" in out.stderr


def test_a_failed_save_exits_3_with_the_reason_and_no_traceback(store_path: Path) -> None:
    assert (
        cli("add", "--data", str(store_path), "--date", "2026-03-01", "find.searches=1").returncode
        == 0
    )
    before = store_path.read_bytes()
    folder = store_path.parent
    # Root ignores permissions: make the folder immutable instead, so the save really fails.
    if subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode != 0:
        pytest.skip("chattr cannot make the folder unwritable here")
    try:
        out = cli("add", "--data", str(store_path), "--date", "2026-03-02", "engage.comments=1",
                  "--note", "conference")  # fmt: skip
    finally:
        subprocess.run(["chattr", "-i", str(folder)], check=True)
    assert out.returncode == 3, out.stderr
    assert "Traceback" not in out.stderr and "Could not save" in out.stderr
    assert store_path.read_bytes() == before


def test_more_requests_with_a_note_than_sent_is_refused(store_path: Path) -> None:
    assert (
        cli(
            "add", "--data", str(store_path), "--date", "2026-03-01", "build.requests_sent=2"
        ).returncode
        == 0
    )
    before = store_path.read_bytes()
    out = cli("add", "--data", str(store_path), "--date", "2026-03-01",
              "build.requests_with_note=3")  # fmt: skip
    assert out.returncode == 2 and "build.requests_with_note" in out.stderr
    assert store_path.read_bytes() == before


def test_output_cut_short_by_a_pipe_is_not_an_error(store_path: Path) -> None:
    cli("add", "--data", str(store_path), "--date", "2010-01-01", "find.searches=1")
    command = [sys.executable, "-m", "ssi_desktop", "score", "--data", str(store_path)]
    reader = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert reader.stdout is not None and reader.stdout.readline().startswith(b"date,")
    reader.stdout.close()
    _, err = reader.communicate(timeout=60)
    assert reader.returncode == 0 and b"Traceback" not in err
