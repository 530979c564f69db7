"""Spec §7.6: every bad input is refused by the core with a message naming the field."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from ssi_desktop.core.records import (
    ActivityEntry,
    Goal,
    Note,
    ProfileSnapshot,
    Reading,
    TotalsSnapshot,
)
from ssi_desktop.core.validation import ValidationError

DAY = "2026-03-02"


@pytest.mark.parametrize(
    ("counts", "field", "words"),
    [
        ({"engage.comments": -1}, "engage.comments", "negative"),
        ({"engage.comments": 2.5}, "engage.comments", "whole number"),
        ({"engage.comments": "2.5"}, "engage.comments", "whole number"),
        ({"engage.comments": "lots"}, "engage.comments", "not a number"),
        ({"build.requests_sent": 201}, "build.requests_sent", "most plausible"),
        ({"engage.likes": 1}, "engage.likes", "not a known metric"),
        ({"engage.comments": True}, "engage.comments", "whole number"),
    ],
)
def test_bad_counts(counts: dict, field: str, words: str) -> None:
    with pytest.raises(ValidationError) as error:
        ActivityEntry.create(DAY, counts)
    assert error.value.field == field and words in error.value.reason


@pytest.mark.parametrize(
    ("day", "words"),
    [("2003-05-04", "before LinkedIn"), ((date.today() + timedelta(days=1)).isoformat(),
                                          "future"), ("02/03/2026", "YYYY-MM-DD")],
)  # fmt: skip
def test_bad_dates(day: str, words: str) -> None:
    with pytest.raises(ValidationError) as error:
        ActivityEntry.create(day, {"engage.comments": 1})
    assert error.value.field == "date" and words in error.value.reason


def test_good_counts_are_cleaned() -> None:
    entry = ActivityEntry.create("2003-05-05", {"engage.comments": "3", "find.searches": 4.0})
    assert dict(entry.counts) == {"engage.comments": 3, "find.searches": 4}
    assert entry.day == date(2003, 5, 5)


def test_merging_past_the_daily_maximum_is_refused() -> None:
    entry = ActivityEntry.create(DAY, {"build.requests_sent": 150})
    with pytest.raises(ValidationError, match=r"build\.requests_sent"):
        entry.merged(entry)


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"brand": 26, "find": 1, "engage": 1, "build": 1}, "brand"),
        ({"brand": -0.1, "find": 1, "engage": 1, "build": 1}, "brand"),
        ({"brand": 10, "find": 10, "engage": 10, "build": 10, "total": 41}, "total"),
        ({"brand": 10, "find": "x", "engage": 10, "build": 10}, "find"),
        ({"brand": 10, "find": 1, "engage": 1, "build": 1, "industry_rank": 101},
         "industry_rank"),
        ({"brand": 10, "find": 1, "engage": 1, "build": 1, "network_avg": 120}, "network_avg"),
    ],
)  # fmt: skip
def test_bad_readings(kwargs: dict, field: str) -> None:
    with pytest.raises(ValidationError) as error:
        Reading.create(DAY, **kwargs)
    assert error.value.field == field


def test_reading_total_within_half_a_point_and_default_sum() -> None:
    assert Reading.create(DAY, brand=20.97, find=6.38, engage=10.25, build=15, total=53).total == 53
    assert Reading.create(DAY, brand=1, find=2, engage=3, build=4).total == 10


def test_profile_items() -> None:
    snap = ProfileSnapshot.create(DAY, {"photo": "yes", "headline": "no"})
    assert snap.items["photo"] is True and snap.items["about"] is False
    assert snap.completeness == pytest.approx(1 / 12)
    with pytest.raises(ValidationError, match="selfie"):
        ProfileSnapshot.create(DAY, {"selfie": "yes"})
    with pytest.raises(ValidationError, match="photo: must be yes or no"):
        ProfileSnapshot.create(DAY, {"photo": "maybe"})


def test_notes_and_goals() -> None:
    assert Note.create(DAY, "  new   job ").text == "new job"
    with pytest.raises(ValidationError, match="text: must not be empty"):
        Note.create(DAY, "   ")
    goal = Goal.create("80", {"find": 20, "brand": None}, by="2030-01-01")
    assert goal.total == 80 and dict(goal.pillars) == {"find": 20} and goal.by == date(2030, 1, 1)
    with pytest.raises(ValidationError, match="total"):
        Goal.create(101)
    with pytest.raises(ValidationError, match="total: is lower"):
        Goal.create(30, {"brand": 20, "find": 20})


def test_four_zeros_are_refused_naming_the_pillars() -> None:
    with pytest.raises(ValidationError) as error:
        Reading.create(DAY, brand=0, find="0", engage=0.0, build="0,0")
    assert error.value.field == "brand, find, engage, build"
    assert "failed copy" in error.value.reason
    assert Reading.create(DAY, brand=0, find=0, engage=0, build=0.01).total == 0.01


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("1,204", 1204), ("12.480", 12480), ("1'204", 1204), ("1\u202f204\u202f000", 1204000),
     ("1 204", 1204), ("804", 804)],
)  # fmt: skip
def test_a_total_is_taken_as_linkedin_prints_it(typed: str, stored: int) -> None:
    snapshot = TotalsSnapshot.create("2026-03-01", {"totals.followers": typed})
    assert snapshot.values["totals.followers"] == stored


@pytest.mark.parametrize("typed", ["1,20", "1,204.5", "1,204 000", "12,48", "1_204", "-1,204"])
def test_a_total_with_separators_that_are_not_thousands_is_refused(typed: str) -> None:
    with pytest.raises(ValidationError) as caught:
        TotalsSnapshot.create("2026-03-01", {"totals.followers": typed})
    assert caught.value.field == "totals.followers"


def test_a_total_over_its_maximum_is_not_called_a_day() -> None:
    with pytest.raises(ValidationError) as caught:
        TotalsSnapshot.create("2026-03-01", {"totals.connections": 30_001})
    assert "in a day" not in caught.value.reason and "30000" in caught.value.reason
