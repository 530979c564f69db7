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
    expected_estimate = table.row(jump.day).total - table.row(before).total
    assert jump.estimate_change == pytest.approx(expected_estimate, abs=0.01)
    assert jump.official_change - jump.estimate_change == pytest.approx(
        -0.07 * table.row(jump.day).total, abs=0.1
    )
    assert "lower than your activity explains" in jump.label and "recalibrated" in jump.label


def test_the_threshold_is_in_points(table: ScoreTable) -> None:
    readings = readings_from(table, monthly(table), factor_after=0.93)
    drop = abs(detect_jumps(table, readings)[0].unexplained)
    assert detect_jumps(table, readings, threshold=drop + 0.1) == []
    assert len(detect_jumps(table, readings, threshold=drop - 0.1)) == 1


def test_readings_outside_the_estimate_are_skipped(table: ScoreTable) -> None:
    outside = Reading.create(table.start - timedelta(days=40), brand=0, find=0, engage=0, build=0)
    assert detect_jumps(table, [outside, *readings_from(table, monthly(table))]) == []
