"""Creator Analytics workbooks into a real store: exact days, overlaps, totals, idempotence."""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path

import pytest

from ssi_desktop.core.creator import (
    NotCreatorAnalytics,
    apply_creator,
    plan_creator,
    read_creator,
)
from ssi_desktop.core.records import ActivityEntry, TotalsSnapshot
from ssi_desktop.core.validation import ValidationError
from ssi_desktop.storage import Store

from .creator_builder import days, write_workbook

JAN = days(date(2025, 1, 1), date(2025, 1, 31))
JAN_FEB = days(date(2025, 1, 16), date(2025, 2, 14))  # overlaps January's second half


def _engagement(span: list[date], plus: int) -> dict[date, int]:
    return {d: (d.day * 3 + plus) % 17 for d in span}


def _followers(span: list[date], plus: int) -> dict[date, int]:
    return {d: (d.day + plus) % 4 for d in span}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Two monthly exports whose windows overlap for 16 days, with different figures there
    (the later export's numbers are the ones LinkedIn revised)."""
    out = tmp_path / "exports"
    out.mkdir()
    write_workbook(out, _engagement(JAN, 0), _followers(JAN, 0), 1200)
    write_workbook(out, _engagement(JAN_FEB, 5), _followers(JAN_FEB, 1), 1234)
    (out / "notes.txt").write_text("not a workbook, not read")
    return out


def _creator_counts(store: Store) -> dict[date, dict[str, int]]:
    return {e.day: dict(e.counts) for e in store.activity() if e.source == "creator"}


def test_overlapping_windows_give_each_day_once_the_newer_figure(
    folder: Path, store_path: Path
) -> None:
    with Store.open(store_path) as store:
        store.set_activity(ActivityEntry.create(date(2025, 1, 20), {"brand.engagement": 7}))
        store.put_totals(TotalsSnapshot.create(date(2025, 2, 14), {"totals.connections": 500}))
        data = read_creator(folder)
        summary = apply_creator(store, plan_creator(store, data))
        assert summary.backup is not None and summary.backup.exists()
        stored = _creator_counts(store)
        newer_e, newer_f = _engagement(JAN_FEB, 5), _followers(JAN_FEB, 1)
        older_e, older_f = _engagement(JAN, 0), _followers(JAN, 0)
        for day in days(date(2025, 1, 1), date(2025, 2, 14)):
            engagement = newer_e.get(day, older_e.get(day, 0))
            followers = newer_f.get(day, older_f.get(day, 0))
            expected = {"brand.engagement": engagement, "brand.followers": followers}
            assert stored.get(day, {}) == {k: n for k, n in expected.items() if n}, day
        # What the member typed stays apart and untouched.
        assert store.activity_on(date(2025, 1, 20)).counts == {"brand.engagement": 7}
        totals = {s.day: dict(s.values) for s in store.totals()}
        assert totals == {
            date(2025, 1, 31): {"totals.followers": 1200},
            date(2025, 2, 14): {"totals.followers": 1234, "totals.connections": 500},
        }


def test_importing_again_changes_nothing(folder: Path, store_path: Path) -> None:
    with Store.open(store_path) as store:
        apply_creator(store, plan_creator(store, read_creator(folder)))
    before = store_path.read_bytes()
    with Store.open(store_path) as store:
        plan = plan_creator(store, read_creator(folder))
        assert plan.is_empty()
        assert apply_creator(store, plan).backup is None
    assert store_path.read_bytes() == before


def test_the_report_says_which_days_and_totals(folder: Path, store_path: Path) -> None:
    data = read_creator(folder)
    lines = data.lines()
    engagement = sum({**_engagement(JAN, 0), **_engagement(JAN_FEB, 5)}.values())
    assert (
        f"Engagement received: {engagement:,} over 45 days, from 1 Jan 2025 to 14 Feb 2025."
        in lines
    )
    assert "Total followers: 1,234 on 14 Feb 2025." in lines
    assert lines[0].startswith(
        "AggregateAnalytics_Ana_2025-01-01_2025-01-31.xlsx: engagement on 31 days"
    )
    with Store.open(store_path) as store:
        summary = plan_creator(store, data).summary()
    assert summary.startswith("This import sets 45 days of activity from 1 Jan 2025 to 14 Feb")
    assert "the follower total on 31 Jan 2025, 14 Feb 2025" in summary


def test_real_numbers_and_dates_read_the_same_as_text(tmp_path: Path) -> None:
    span = days(date(2025, 3, 1), date(2025, 3, 10))
    write_workbook(tmp_path, _engagement(span, 2), _followers(span, 0), 88, as_text=False)
    data = read_creator(tmp_path)
    assert data.counts["brand.engagement"] == _engagement(span, 2)
    assert data.totals == {date(2025, 3, 10): 88}


def test_one_workbook_given_by_its_path(tmp_path: Path) -> None:
    span = days(date(2025, 3, 1), date(2025, 3, 3))
    path = write_workbook(tmp_path, {d: 9 for d in span}, {d: 1 for d in span}, 40)
    data = read_creator(path)
    assert data.counts == {"brand.engagement": {d: 9 for d in span},
                           "brand.followers": {d: 1 for d in span}}  # fmt: skip


def test_damaged_and_foreign_files_are_refused(tmp_path: Path) -> None:
    text = tmp_path / "AggregateAnalytics_x.xlsx"
    text.write_text("Date,Engagements\n1/1/2025,3\n")
    with pytest.raises(NotCreatorAnalytics, match="not an Excel workbook"):
        read_creator(text)
    other_zip = tmp_path / "other.xlsx"
    with zipfile.ZipFile(other_zip, "w") as archive:
        archive.writestr("hello.txt", "hi")
    with pytest.raises(NotCreatorAnalytics, match="not an Excel workbook"):
        read_creator(other_zip)
    from openpyxl import Workbook

    book = Workbook()
    book.active.title = "Budget"
    book.save(tmp_path / "budget.xlsx")
    with pytest.raises(NotCreatorAnalytics, match="no ENGAGEMENT or FOLLOWERS sheet"):
        read_creator(tmp_path / "budget.xlsx")
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(NotCreatorAnalytics, match="holds no Creator Analytics workbooks"):
        read_creator(empty)


def test_a_bad_cell_names_file_sheet_and_row(tmp_path: Path) -> None:
    span = days(date(2025, 3, 1), date(2025, 3, 3))
    path = write_workbook(tmp_path, {d: 2 for d in span}, {d: 1 for d in span}, 40)
    from openpyxl import load_workbook

    book = load_workbook(path)
    book["ENGAGEMENT"]["C3"] = "2.5"
    book["FOLLOWERS"]["A5"] = "13/45/2025"
    book.save(path)
    with pytest.raises(ValidationError) as error:
        read_creator(path)
    assert error.value.field == f"{path.name}, ENGAGEMENT row 3"
    assert "whole number" in error.value.reason
