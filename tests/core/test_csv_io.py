"""CSV export and import: headers, validation messages, formula neutralising, round trip."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from ssi_desktop.core.catalogue import METRIC_KEYS, PROFILE_KEYS
from ssi_desktop.core.csv_export import export_csv, export_store
from ssi_desktop.core.csv_io import (
    CsvImportError,
    apply_csv,
    neutralise,
    read_csv,
    restore,
)
from ssi_desktop.core.records import ActivityEntry, Note, ProfileSnapshot, Reading
from ssi_desktop.storage import Store
from ssi_desktop.storage.atomic import write_atomic


def filled_store(path: Path) -> Store:
    store = Store.open(path)
    store.add_records(
        activity=[
            ActivityEntry.create(date(2025, 5, 1), {"brand.posts": 2, "find.searches": 3}),
            ActivityEntry.create(date(2025, 5, 1), {"brand.posts": 1}, "linkedin"),
            ActivityEntry.create(date(2025, 5, 3), {"engage.comments": 7}, "csv"),
        ],
        profiles=[ProfileSnapshot.create(date(2025, 5, 1), {"photo": True, "skills": True})],
        readings=[
            Reading.create(
                date(2025, 5, 2), brand=10.5, find=8, engage=9.25, build=12, industry_rank=4
            )
        ],
        notes=[
            Note.create(date(2025, 5, 2), '=HYPERLINK("http://x")'),
            Note.create(date(2025, 5, 3), 'New job, "great"'),
        ],
    )
    return store


def test_export_writes_the_documented_files(tmp_path: Path, store_path: Path) -> None:
    store = filled_store(store_path)
    export_store(tmp_path / "out", store, write_atomic)
    activity = (tmp_path / "out" / "activity.csv").read_text().splitlines()
    assert activity[0] == ",".join(["date", "source", *METRIC_KEYS])
    rows = [dict(zip(activity[0].split(","), r.split(","), strict=True)) for r in activity[1:]]
    # One row per day and source: what was typed and what LinkedIn brought stay apart.
    assert [(r["date"], r["source"], r["brand.posts"]) for r in rows] == [
        ("2025-05-01", "linkedin", "1"),
        ("2025-05-01", "manual", "2"),
        ("2025-05-03", "csv", "0"),
    ]
    assert rows[1]["find.searches"] == "3"
    readings = (tmp_path / "out" / "readings.csv").read_text().splitlines()
    assert readings == [
        "date,total,brand,find,engage,build,industry_rank,network_rank,industry_avg,network_avg",
        "2025-05-02,39.75,10.5,8,9.25,12,4,,,",
    ]
    notes = (tmp_path / "out" / "notes.csv").read_text().splitlines()
    assert notes[1] == '2025-05-02,"\'=HYPERLINK(""http://x"")"'
    profile = (tmp_path / "out" / "profile.csv").read_text().splitlines()
    assert profile[0] == ",".join(["date", *PROFILE_KEYS])
    assert profile[1].startswith("2025-05-01,yes,no,")


@pytest.mark.parametrize(
    "text", ["=1+1", "+3", "-2", "@SUM(A1)", "'=x", "''+y", "plain", "'quoted", ""]
)
def test_neutralise_round_trips(text: str) -> None:
    assert restore(neutralise(text)) == text
    assert not neutralise(text).startswith(("=", "+", "-", "@"))


def test_round_trip_into_an_empty_store_keeps_everything(tmp_path: Path) -> None:
    store = filled_store(tmp_path / "a.json")
    export_store(tmp_path / "out", store, write_atomic)
    other = Store.open(tmp_path / "b.json")
    apply_csv(other, read_csv(tmp_path / "out"))
    assert [(n.day, n.text) for _i, n in other.notes()] == [
        (n.day, n.text) for _i, n in store.notes()
    ]
    assert other.readings() == store.readings()
    assert other.profiles() == store.profiles()
    assert other.activity() == store.activity()
    # Importing the same folder again adds nothing.
    before = [(n.day, n.text) for _i, n in other.notes()]
    apply_csv(other, read_csv(tmp_path / "out"))
    assert [(n.day, n.text) for _i, n in other.notes()] == before


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_errors_name_file_row_and_column_and_nothing_is_written(
    tmp_path: Path, store_path: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    rows = ["date,find.searches"] + [f"2025-01-{d:02d},1" for d in range(1, 13)]
    rows.append("2025-01-13,-2")
    write(folder / "activity.csv", "\n".join(rows) + "\n")
    write(folder / "readings.csv", "date,brand,find,engage,build\n2025-01-01,30,1,1,1\n")
    write(folder / "notes.csv", "date,text\n2025-01-01,fine\n")
    with pytest.raises(CsvImportError) as caught:
        read_csv(folder)
    assert caught.value.errors == [
        "activity.csv row 14, column find.searches: must not be negative (-2)",
        "readings.csv row 2, column brand: 30 is outside 0–25",
    ]
    assert not store_path.exists()


def test_header_problems_are_named(tmp_path: Path) -> None:
    bad = write(tmp_path / "a.csv", "date,brand.posts,brand.nope\n2025-01-01,1,2\n")
    with pytest.raises(CsvImportError, match=r"a.csv row 1, column brand.nope: is not a known"):
        read_csv(bad)
    other = write(tmp_path / "b.csv", "when,what\n1,2\n")
    with pytest.raises(CsvImportError, match=r"b\.csv row 1: header not recognised"):
        read_csv(other)
    twice = write(tmp_path / "c.csv", "date,brand.posts\n2025-01-01,1\n2025-01-01,2\n")
    with pytest.raises(
        CsvImportError, match=r"c\.csv row 3, column date: 2025-01-01 is already in c\.csv row 2"
    ):
        read_csv(twice)
    future = write(tmp_path / "d.csv", "date,text\n2999-01-01,hi\n")
    with pytest.raises(CsvImportError, match=r"d\.csv row 2, column date: 2999-01-01 is in the "):
        read_csv(future)


def test_single_file_with_bom_and_columns_in_any_order(tmp_path: Path, store_path: Path) -> None:
    path = write(tmp_path / "mine.csv", "\ufeffengage.comments,DATE,brand.posts\n4,2025-02-01,\n")
    store = Store.open(store_path)
    store.set_activity(ActivityEntry.create(date(2025, 2, 1), {"brand.posts": 1}))
    apply_csv(store, read_csv(path))
    assert store.activity_on(date(2025, 2, 1), "csv").counts == {"engage.comments": 4}
    assert store.activity_on(date(2025, 2, 1), "manual").counts == {"brand.posts": 1}


def test_one_day_in_two_files_of_a_folder_is_refused_not_merged_away(tmp_path: Path) -> None:
    folder = tmp_path / "csv"
    folder.mkdir()
    write(folder / "a.csv", "date,build.requests_sent\n2025-01-01,3\n")
    write(folder / "b.csv", "date,build.requests_sent\n2025-01-01,4\n")
    with pytest.raises(
        CsvImportError, match=r"b\.csv row 2, column date: 2025-01-01 is already in a\.csv row 2"
    ):
        read_csv(folder)


def test_a_row_with_more_requests_with_a_note_than_sent_is_refused(tmp_path: Path) -> None:
    bad = write(tmp_path / "a.csv",
                "date,build.requests_sent,build.requests_with_note\n2025-01-01,1,2\n")  # fmt: skip
    with pytest.raises(CsvImportError, match=r"a\.csv row 2, column build\.requests_with_note"):
        read_csv(bad)


def test_readings_keep_every_decimal_through_export_and_import(tmp_path: Path) -> None:
    reading = Reading.create(date(2025, 1, 1), brand=12.34567, find=6.38, engage=10.25, build=3.3)
    export_csv(
        tmp_path, activity=(), profiles=(), readings=(reading,), notes=(), write=write_atomic
    )
    assert read_csv(tmp_path / "readings.csv").readings == [reading]
