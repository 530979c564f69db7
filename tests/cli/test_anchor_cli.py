"""Anchoring to official readings as a user meets it: a real CLI subprocess on a real file."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

from ssi_desktop.core.validation import today
from ssi_desktop.storage import Store

PROFILE = ("photo", "banner", "headline", "about", "past_positions", "education", "skills")


def cli(store: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "ssi_desktop", "--data", str(store), *args]
    done = subprocess.run(command, capture_output=True, text=True, env=dict(os.environ),
                          timeout=120)  # fmt: skip
    assert done.returncode == 0, done.stderr
    return done


def totals(output: str) -> dict[str, float]:
    return {row["date"]: float(row["total"]) for row in csv.DictReader(io.StringIO(output))}


def newcomer(store: Path) -> None:
    """Issue 12's newcomer: their official 53 of yesterday, a 7-item profile, a light day."""
    yesterday = (today() - timedelta(days=1)).isoformat()
    cli(store, "reading", "--date", yesterday, "--brand", "20.97", "--find", "6.38",
        "--engage", "10.25", "--build", "15", "--total", "53")  # fmt: skip
    cli(store, "profile", "--date", today().isoformat(), *(f"{item}=yes" for item in PROFILE))
    cli(store, "add", "--date", today().isoformat(), "find.days_active=1", "engage.comments=2",
        "engage.reactions=5", "find.searches=1")  # fmt: skip


def test_a_newcomer_reads_their_official_53_not_a_ramp_from_zero(store_path: Path) -> None:
    newcomer(store_path)
    shown = totals(cli(store_path, "score").stdout)
    yesterday, now = (today() - timedelta(days=1)).isoformat(), today().isoformat()
    assert list(shown) == [yesterday, now]
    assert abs(shown[yesterday] - 53) <= 0.5 and abs(shown[now] - 53) <= 0.5
    raw = totals(cli(store_path, "score", "--raw").stdout)
    assert raw[now] < 15  # the model alone: what the member read before anchoring


def test_raw_is_the_model_alone_byte_for_byte(store_path: Path, tmp_path: Path) -> None:
    newcomer(store_path)
    cli(store_path, "add", "--date", (today() - timedelta(days=9)).isoformat(), "brand.posts=1")
    # The same store without its readings: what `score` printed before anchoring existed.
    without = tmp_path / "without.json"
    shutil.copy(store_path, without)
    with Store.open(without) as opened:
        for reading in opened.readings():
            opened.delete_reading(reading.day)
    for fmt in ("csv", "json"):
        raw = cli(store_path, "score", "--raw", "--format", fmt).stdout
        assert raw == cli(without, "score", "--format", fmt).stdout
        assert raw != cli(store_path, "score", "--format", fmt).stdout


def test_explain_across_the_reading_day_names_the_reading_and_adds_up(store_path: Path) -> None:
    newcomer(store_path)
    first = (today() - timedelta(days=3)).isoformat()
    data = json.loads(cli(store_path, "explain", "--from", first, "--to", today().isoformat(),
                          "--format", "json").stdout)  # fmt: skip
    rows = json.loads(cli(store_path, "score", "--from", first, "--format", "json").stdout)
    for pillar in data["pillars"]:
        assert (pillar["from"], pillar["to"]) == (rows[0][pillar["pillar"]],
                                                  rows[-1][pillar["pillar"]])  # fmt: skip
        assert abs(sum(t["change"] for t in pillar["terms"]) - pillar["change"]) <= 0.02
        (anchor,) = [t for t in pillar["terms"] if t["term"] == "anchor"]
        assert anchor["inputs"] == [] and anchor["from"] == 0 and anchor["change"] > 0
    text = cli(store_path, "explain", "--from", first, "--to", today().isoformat()).stdout
    yesterday = today() - timedelta(days=1)
    assert f"Your official reading of {yesterday.day} {yesterday:%b %Y}" in text
