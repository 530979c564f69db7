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
from ssi_desktop.core.records import Goal, Reading
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
        assert store.params().version == "v1-calibrated"
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
    headers = re.findall(r"^(.+?)(?: \(weakest\))?: ([\d.]+) / 25$", result.stdout, re.M)
    assert [label for label, _ in headers] != []
    assert sorted(label for label, _ in headers) == sorted(PILLAR_LABELS.values())
    values = [float(v) for _, v in headers]
    assert values == sorted(values)
    assert "(weakest)" in result.stdout.splitlines()[0]
    gains = [float(g) for g in re.findall(r"→ \+([\d.]+) in 30 days", result.stdout)]
    assert gains
    assert "Goal 95 by 30 Jun 2026" in result.stdout
    assert "Possible recalibrations by LinkedIn:" in result.stdout
    flagged = re.findall(r"^  (\d{4}-\d\d-\d\d): Official SSI", result.stdout, re.M)
    assert flagged and min(flagged) >= cut.isoformat()


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
