"""Five realistic members land in a plausible order at plausible levels (domain.md's averages)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from ssi_desktop.core.catalogue import PILLARS
from ssi_desktop.core.jumps import detect_jumps
from ssi_desktop.core.records import Reading
from ssi_desktop.core.scoring import ScoreRow, score
from tests.core.personas import END, PERSONAS, START, records, year_end


@pytest.fixture(scope="module")
def rows() -> dict[str, ScoreRow]:
    return {p.name: year_end(p) for p in PERSONAS}


def highest(row: ScoreRow, n: int = 1) -> set[str]:
    return set(sorted(PILLARS, key=row.pillar, reverse=True)[:n])


def test_a_passive_member_is_an_ordinary_laggard_carried_by_their_network(rows) -> None:
    passive = rows["passive member"]
    # LinkedIn's averages: 28 for all sales professionals, Build ≈ 15 the highest pillar.
    assert 15 <= passive.total <= 30
    assert highest(passive) == {"build"} and 10 <= passive.build <= 15
    assert passive.engage < 2.5  # "Engage is tiny unless one engages"


def test_an_account_executive_is_above_average_below_the_leaders(rows) -> None:
    assert 45 <= rows["account executive"].total <= 65


def test_a_sales_navigator_power_user_is_a_leader(rows) -> None:
    heavy = rows["Sales Navigator power user"]
    assert 70 <= heavy.total <= 90
    assert heavy.find >= 20


def test_the_order_follows_the_effort(rows) -> None:
    totals = [rows[name].total for name in
              ("passive member", "account executive", "Sales Navigator power user")]  # fmt: skip
    assert totals == sorted(totals)


def test_a_creator_has_the_highest_brand(rows) -> None:
    creator = rows["creator"]
    assert highest(creator) == {"brand"} and creator.brand >= 22
    assert all(creator.brand > row.brand for name, row in rows.items() if name != "creator")


def test_a_recruiter_is_strongest_in_find_and_build(rows) -> None:
    recruiter = rows["recruiter"]
    assert highest(recruiter, 2) == {"find", "build"}
    assert min(recruiter.find, recruiter.build) >= 20


@pytest.mark.parametrize("persona", PERSONAS, ids=lambda p: p.name)
def test_a_member_who_worked_the_same_way_for_years_starts_where_they_are(persona) -> None:
    """Week 1 reads what LinkedIn shows, so steady official readings flag no recalibration."""
    data = records(persona)
    table = score(data.activity, data.profiles, totals=data.totals, settings=data.settings,
                  end=END)  # fmt: skip
    level = table.row(END)
    assert table.row(START + timedelta(days=6)).total >= 0.9 * level.total
    readings = [
        Reading.create(
            day, brand=level.brand, find=level.find, engage=level.engage, build=level.build
        )
        for day in (START + timedelta(days=7 + 30 * k) for k in range(12))
    ]
    assert detect_jumps(table, readings) == []
