"""``explain`` as a user runs it: a real subprocess on a real store file (spec §3.16, §4)."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from ssi_desktop.core.catalogue import PILLAR_LABELS, PILLARS
from ssi_desktop.core.records import Settings
from ssi_desktop.storage import Store
from tests.core.personas import END, PERSONAS, records

FIRST = END - timedelta(days=30)


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "ssi_desktop", *args], capture_output=True,
                          text=True, env=dict(os.environ), timeout=120)  # fmt: skip


@pytest.fixture
def store(store_path: Path) -> Path:
    data = records(next(p for p in PERSONAS if p.name == "account executive"))
    with Store.open(store_path) as opened:
        opened.add_records(activity=data.activity, profiles=data.profiles, totals=data.totals)
        opened.set_settings(data.settings)
    return store_path


def test_json_terms_add_up_to_each_pillar_and_match_score(store: Path) -> None:
    done = cli("explain", "--data", str(store), "--from", FIRST.isoformat(), "--to",
               END.isoformat(), "--format", "json")  # fmt: skip
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert (data["from"], data["to"]) == (FIRST.isoformat(), END.isoformat())
    rows = json.loads(cli("score", "--data", str(store), "--from", FIRST.isoformat(), "--to",
                          END.isoformat(), "--format", "json").stdout)  # fmt: skip
    assert data["total"] == {"from": rows[0]["total"], "to": rows[-1]["total"],
                             "change": round(rows[-1]["total"] - rows[0]["total"], 2)}  # fmt: skip
    assert [p["pillar"] for p in data["pillars"]] == list(PILLARS)
    moved = 0.0
    for pillar in data["pillars"]:
        name = pillar["pillar"]
        assert (pillar["from"], pillar["to"]) == (rows[0][name], rows[-1][name])
        assert abs(sum(t["change"] for t in pillar["terms"]) - pillar["change"]) <= 0.02
        for term in pillar["terms"]:
            assert term["inputs"] and abs(term["to"] - term["from"] - term["change"]) <= 0.005
        moved += sum(abs(t["change"]) for t in pillar["terms"])
    assert moved > 0  # a month of a real member's life moves something


def test_text_names_the_largest_movers_and_the_missing_inputs(store: Path) -> None:
    done = cli("explain", "--data", str(store), "--from", FIRST.isoformat(), "--to",
               END.isoformat())  # fmt: skip
    assert done.returncode == 0, done.stderr
    for label in PILLAR_LABELS.values():
        assert label in done.stdout
    assert " to " in done.stdout or " from " in done.stdout
    assert any(line.endswith(".") and (" added " in line or " took " in line)
               for line in done.stdout.splitlines())  # fmt: skip
    # The AE has no Sales Navigator and never saves leads: the estimate says it cannot see them.
    assert "Inputs you never recorded" in done.stdout and "Leads saved" in done.stdout


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (("--from", "2025-13-01", "--to", "2025-12-31"), "--from"),
        (("--from", "2025-12-01", "--to", "yesterday"), "--to"),
        (("--from", "2025-12-01", "--to", "2999-01-01"), "--to"),
        (("--from", "2000-01-01", "--to", "2025-12-01"), "--from"),
        (("--from", "2025-12-31", "--to", "2025-12-01"), "--from"),
        (("--from", "2025-12-01"), "--to"),
    ],
)
def test_bad_dates_exit_2_naming_the_field_and_write_nothing(
    store: Path, args: tuple[str, ...], field: str
) -> None:
    before = hashlib.sha256(store.read_bytes()).hexdigest()
    done = cli("explain", "--data", str(store), *args)
    assert done.returncode == 2
    assert field in done.stderr and "Traceback" not in done.stderr
    assert hashlib.sha256(store.read_bytes()).hexdigest() == before


def test_score_reads_the_stores_totals_and_settings(store_path: Path) -> None:
    """Every command scores from everything the model reads: totals and the warm start too."""
    day = END.isoformat()
    with Store.open(store_path) as opened:
        opened.add_records(activity=records(PERSONAS[0]).activity)
    plain = json.loads(cli("score", "--data", str(store_path), "--from", day, "--to", day,
                           "--format", "json").stdout)[0]  # fmt: skip
    data = records(PERSONAS[0])
    with Store.open(store_path) as opened:
        opened.add_records(totals=data.totals)
    networked = json.loads(cli("score", "--data", str(store_path), "--from", day, "--to", day,
                               "--format", "json").stdout)[0]  # fmt: skip
    assert networked["build"] >= plain["build"] + 6  # 500 connections, 60 decision makers
    first = min(e.day for e in data.activity).isoformat()
    warm = json.loads(cli("score", "--data", str(store_path), "--to", first,
                          "--format", "json").stdout)[-1]  # fmt: skip
    with Store.open(store_path) as opened:
        opened.set_settings(Settings(warm_start=False))
    cold = json.loads(cli("score", "--data", str(store_path), "--to", first,
                          "--format", "json").stdout)[-1]  # fmt: skip
    assert cold["find"] < warm["find"]


def test_score_can_compare_with_model_v1(store: Path) -> None:
    day = END.isoformat()

    def row(*extra: str) -> dict:
        done = cli("score", "--data", str(store), "--from", day, "--to", day, "--format", "json",
                   *extra)  # fmt: skip
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout)[0]

    v2, v1 = row(), row("--model", "v1")
    assert row("--model", "v2") == v2
    assert v1 != v2  # v1 has no network: the account executive's 1,500 connections do not count
    assert v1["build"] < v2["build"]
    bad = cli("score", "--data", str(store), "--model", "v3")
    assert bad.returncode == 2 and "--model" in bad.stderr
