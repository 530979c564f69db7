"""Recalibration jumps: official readings that move while the estimate does not."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from ssi_desktop.core.jumps import detect_jumps
from ssi_desktop.core.records import Reading
from ssi_desktop.core.sample import generate
from ssi_desktop.core.scoring import ScoreTable, score

END = date(2025, 12, 31)
RECALIBRATION = date(2025, 7, 1)


def readings_from(
    table: ScoreTable, days: list[date], factor_after: float | None = None
) -> list[Reading]:
    readings = []
    for day in days:
        row = table.row(day)
        factor = factor_after if factor_after and day >= RECALIBRATION else 1.0
        readings.append(
            Reading.create(
                day,
                brand=round(row.brand * factor, 2),
                find=round(row.find * factor, 2),
                engage=round(row.engage * factor, 2),
                build=round(row.build * factor, 2),
            )
        )
    return readings


@pytest.fixture(scope="module")
def table() -> ScoreTable:
    data = generate(days=365, end=END)
    return score(data.activity, data.profiles)


def monthly(table: ScoreTable) -> list[date]:
    return [table.start + timedelta(days=30 * k) for k in range(1, 12)]


def test_readings_that_follow_the_estimate_flag_nothing(table: ScoreTable) -> None:
    assert detect_jumps(table, readings_from(table, monthly(table))) == []


def test_a_seven_percent_drop_is_flagged_on_the_reading_after_it(table: ScoreTable) -> None:
    days = monthly(table)
    jumps = detect_jumps(table, readings_from(table, days, factor_after=0.93))
    assert len(jumps) == 1
    jump = jumps[0]
    assert jump.day == min(d for d in days if d >= RECALIBRATION)
    before = max(d for d in days if d < RECALIBRATION)
    # The jump rounds the model's own change once (rows round each day: up to 0.01 apart).
    totals = table.totals
    expected_estimate = totals[table.index(jump.day)] - totals[table.index(before)]
    assert jump.estimate_change == pytest.approx(expected_estimate, abs=0.005)
    assert jump.official_change - jump.estimate_change == pytest.approx(
        -0.07 * table.row(jump.day).total, abs=0.1
    )
    assert jump.unexplained == pytest.approx(-0.07 * table.row(jump.day).total, abs=0.3)
    assert "lower than your activity explains" in jump.label and "recalibrated" in jump.label


def test_the_threshold_is_in_points(table: ScoreTable) -> None:
    readings = readings_from(table, monthly(table), factor_after=0.93)
    assert len(detect_jumps(table, readings, threshold=2.0)) == 1
    assert detect_jumps(table, readings, threshold=8.0) == []
    smaller = readings_from(table, monthly(table), factor_after=0.97)  # about 1.7 points
    assert detect_jumps(table, smaller) == []
    assert len(detect_jumps(table, smaller, threshold=1.0)) == 1


def test_readings_outside_the_estimate_are_skipped(table: ScoreTable) -> None:
    outside = Reading.create(table.start - timedelta(days=40), brand=0, find=0, engage=0, build=0.5)
    assert detect_jumps(table, [outside, *readings_from(table, monthly(table))]) == []


def test_noisy_readings_without_a_recalibration_flag_nothing() -> None:
    # The sample's readings scatter half a point per pillar around the estimate.
    for seed in (1, 2, 3, 7):
        data = generate(days=365 * 3, end=END, seed=seed)
        table = score(data.activity, data.profiles)
        assert detect_jumps(table, data.readings) == [], seed


def test_noisy_readings_with_a_recalibration_flag_it() -> None:
    data = generate(days=365 * 3, end=END, seed=2)
    table = score(data.activity, data.profiles)
    cut = date(2024, 6, 1)
    readings = [
        r if r.day < cut else Reading.create(
            r.day, brand=r.brand * 0.93, find=r.find * 0.93, engage=r.engage * 0.93,
            build=r.build * 0.93)
        for r in data.readings
    ]  # fmt: skip
    jumps = detect_jumps(table, readings)
    assert [j.day for j in jumps] == [min(r.day for r in readings if r.day >= cut)]
