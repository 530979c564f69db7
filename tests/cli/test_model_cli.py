"""``calibrate`` and ``advise`` as a user runs them: a real subprocess on a real store file."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

from ssi_desktop.core.catalogue import PILLAR_LABELS, PILLARS
from ssi_desktop.core.parameters import DEFAULT_PARAMS
from ssi_desktop.core.records import Goal, Reading, Settings
from ssi_desktop.core.sample import generate
from ssi_desktop.storage import Store
from tests.core.test_calibration import model_readings, perturbed_params

END = date(2025, 12, 31)


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "ssi_desktop", *args], capture_output=True,
                          text=True, env=dict(os.environ), timeout=120)  # fmt: skip


def make_store(path: Path, readings: list[Reading] | None = None, goal: Goal | None = None) -> None:
    data = generate(days=365 * 2, end=END)
    with Store.open(path) as store:
        store.add_records(activity=data.activity, profiles=data.profiles,
                          readings=data.readings if readings is None else readings,
                          goal=goal)  # fmt: skip


def test_calibrate_fits_reports_and_reset_restores_the_default_bytes(store_path: Path) -> None:
    data = generate(days=365 * 2, end=END)
    readings = model_readings(data, perturbed_params(3), 30)
    make_store(store_path, readings)
    before = cli("score", "--data", str(store_path), "--format", "csv", "--to", END.isoformat())
    assert before.returncode == 0, before.stderr

    fitted = cli("calibrate", "--data", str(store_path))

    assert fitted.returncode == 0, fitted.stderr
    assert f"Calibrated on {len(readings)} official readings" in fitted.stdout
    for pillar in PILLARS:
        line = re.search(rf"^\s+{pillar}\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)$",
                         fitted.stdout, re.M)  # fmt: skip
        assert line, fitted.stdout
        mae_before, mae_after = float(line[1]), float(line[2])
        assert mae_after <= 0.5 * mae_before
    backups = list((store_path.parent / "backups").glob("*calibration*.json"))
    assert len(backups) == 1
    with Store.open(store_path) as store:
        info = store.params_info()
        assert store.params().version == f"{DEFAULT_PARAMS.version}-calibrated"
    assert info["readings_used"] == len(readings)
    assert info["held_back"] == len(readings) // 4
    assert set(info["mae_after"]) == {*PILLARS, "total"}
    calibrated = cli("score", "--data", str(store_path), "--format", "csv", "--to",
                     END.isoformat())  # fmt: skip
    assert calibrated.stdout != before.stdout

    reset = cli("calibrate", "--reset", "--data", str(store_path))

    assert reset.returncode == 0, reset.stderr
    after = cli("score", "--data", str(store_path), "--format", "csv", "--to", END.isoformat())
    assert after.stdout == before.stdout
    with Store.open(store_path) as store:
        assert store.params_info() == {}


def test_too_few_readings_exit_2_and_write_nothing(store_path: Path) -> None:
    make_store(store_path, [Reading.create(END, brand=10, find=10, engage=10, build=10)])
    original = store_path.read_bytes()

    result = cli("calibrate", "--data", str(store_path))

    assert result.returncode == 2
    assert "at least 4 official readings" in result.stderr and "there is 1" in result.stderr
    assert "ssi-desktop reading" in result.stderr
    assert store_path.read_bytes() == original
    assert not (store_path.parent / "backups").exists()


def test_advise_ranks_actions_weakest_pillar_first_with_goal_and_jumps(store_path: Path) -> None:
    data = generate(days=365 * 2, end=END)
    readings = list(data.readings)
    # LinkedIn's unannounced recalibration: every reading from the last three months 7 % lower.
    cut = date(2025, 10, 1)
    readings = [r if r.day < cut else Reading.create(
        r.day, brand=r.brand * 0.93, find=r.find * 0.93, engage=r.engage * 0.93,
        build=r.build * 0.93) for r in readings]  # fmt: skip
    make_store(store_path, readings, Goal.create(95, by="2026-06-30"))

    result = cli("advise", "--date", END.isoformat(), "--data", str(store_path))

    assert result.returncode == 0, result.stderr
    weakest = re.match(r"Weakest pillar: (.+) \(([\d.]+) / 25\)$", result.stdout.splitlines()[0])
    assert weakest and weakest[1] in PILLAR_LABELS.values()
    pillars = dict(re.findall(r"(\w+) ([\d.]+)", result.stdout.splitlines()[1].split(": ", 1)[1]))
    assert float(weakest[2]) == min(float(v) for v in pillars.values())
    gains = re.findall(r"^  (\w+)\s+.+?\s+\+([\d.]+)\s+\+([\d.]+)$", result.stdout, re.M)
    assert len(gains) == 10
    assert [float(g90) for _, _, g90 in gains] == sorted(
        (float(g) for *_, g in gains), reverse=True
    )
    assert "Sales Navigator" not in result.stdout
    # The sample member's pace levels off below 95: said plainly, with what would help.
    assert "Goal 95 by 30 Jun 2026" in result.stdout
    assert "levels off at" in result.stdout and "does not reach it" in result.stdout
    assert "What would close the gap: " in result.stdout
    assert "Possible recalibrations by LinkedIn:" in result.stdout
    flagged = re.findall(r"^  (\d{4}-\d\d-\d\d): Official SSI", result.stdout, re.M)
    assert flagged and min(flagged) >= cut.isoformat()


def test_advise_json_is_ranked_by_the_90_day_gain_and_follows_the_settings(
    store_path: Path,
) -> None:
    make_store(store_path)
    args = ("advise", "--date", END.isoformat(), "--format", "json", "--data", str(store_path))
    plain = json.loads(cli(*args).stdout)
    actions = plain["actions"]
    assert actions and set(actions[0]) >= {"pillar", "action", "inputs", "gain_30", "gain_90"}
    assert [a["gain_90"] for a in actions] == sorted((a["gain_90"] for a in actions), reverse=True)
    assert plain["weakest"] == min(plain["pillars"], key=plain["pillars"].get)
    assert not [a for a in actions if "find.leads_saved" in a["inputs"]]
    with Store.open(store_path) as store:
        store.set_settings(Settings.create({"sales_navigator": "yes"}))
    having = json.loads(cli(*args).stdout)["actions"]
    assert [a for a in having if "find.leads_saved" in a["inputs"]]
    assert "Run 2 Sales Navigator searches a day" in {a["action"] for a in having}


def test_calibrate_json_says_per_pillar_what_changed(store_path: Path) -> None:
    data = generate(days=365 * 2, end=END)
    table_readings = model_readings(data, perturbed_params(3), 14)
    shifted = [Reading.create(r.day, brand=min(25, r.brand + 5), find=r.find, engage=r.engage,
                              build=r.build) for r in table_readings]  # fmt: skip
    make_store(store_path, shifted)
    result = cli("calibrate", "--format", "json", "--data", str(store_path))
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    brand = report["pillars"]["brand"]
    assert set(brand) >= {"offset", "mae_before", "mae_after", "mae_heldout_before",
                          "mae_heldout_after", "changes", "at_bound"}  # fmt: skip
    assert abs(brand["offset"] - 5) <= 2
    assert "more Brand points than your recorded activity explains" in brand["summary"]
    assert brand["mae_heldout_after"] <= 0.5 * brand["mae_heldout_before"]
    assert set(report["pillars"]) == set(PILLARS)


def test_advise_refuses_a_bad_date(store_path: Path) -> None:
    make_store(store_path)
    result = cli("advise", "--date", "2025-13-01", "--data", str(store_path))
    assert result.returncode == 2
    assert "--date" in result.stderr


def test_calibrate_on_the_sample_records_what_it_did(store_path: Path) -> None:
    make_store(store_path)
    result = cli("calibrate", "--data", str(store_path))
    assert result.returncode == 0, result.stderr
    assert "held-back before" in result.stdout
    with Store.open(store_path) as store:
        info = store.params_info()
    json.dumps(info)
    assert info["readings_used"] == len(generate(days=365 * 2, end=END).readings)
