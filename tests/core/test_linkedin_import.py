"""The LinkedIn export importer, on exports built in code (tests/core/export_builder.py)."""

from __future__ import annotations

import zipfile
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ssi_desktop.core.linkedin import (
    ImportCancelled,
    ImportRefused,
    NotAnExport,
    apply_import,
    read_export,
)
from ssi_desktop.core.linkedin.dates import DAY_FIRST, MONTH_FIRST, detect_format
from ssi_desktop.core.records import ActivityEntry, ProfileSnapshot
from ssi_desktop.storage import Store
from tests.core import export_builder as xb
from tests.core.linkedin_sample import EXPECTED, EXPECTED_CHECKLIST, ZIP_NAME, files


def nonzero(counts: dict[str, dict[date, int]]) -> dict[str, dict[date, int]]:
    return {k: v for k, v in counts.items() if v}


def stored_linkedin(store: Store) -> dict[str, dict[date, int]]:
    out: dict[str, dict[date, int]] = {}
    for entry in store.activity():
        if entry.source == "linkedin":
            for key, n in entry.counts.items():
                out.setdefault(key, {})[entry.day] = n
    return out


@pytest.fixture
def sample_zip(tmp_path: Path) -> Path:
    return xb.write_zip(tmp_path / ZIP_NAME, files())


def test_zip_gives_exact_per_day_counts_and_checklist(sample_zip: Path) -> None:
    result = read_export(sample_zip)
    assert nonzero(result.counts) == EXPECTED
    assert result.checklist == EXPECTED_CHECKLIST
    assert result.export_day == date(2026, 1, 15)
    assert result.export_day_origin == "file name"
    assert result.articles == 1


def test_unpacked_folder_reads_the_same(tmp_path: Path) -> None:
    folder = xb.write_folder(tmp_path / "export", files())
    result = read_export(folder)
    assert nonzero(result.counts) == EXPECTED
    assert result.checklist == EXPECTED_CHECKLIST
    # No date in a folder's name: the newest date seen stands in for the export's date.
    assert result.export_day == date(2026, 1, 1)
    assert result.export_day_origin == "newest date in the export"


def test_report_names_each_file_with_rows_and_skip_reasons(sample_zip: Path) -> None:
    result = read_export(sample_zip)
    by_name = {f.name: f for f in result.files}
    assert "guide_messages.csv" not in by_name and "Ad_Targeting.csv" not in by_name
    reactions = by_name["Reactions_12345.csv"]
    assert (reactions.rows_read, reactions.rows_used) == (6, 3)
    assert dict(reactions.skipped) == {
        "date before 2003-05-05": 1,
        "date in the future": 1,
        "unreadable date": 1,
    }
    assert dict(by_name["messages.csv"].skipped) == {"draft": 1}
    assert by_name["Invitations.csv"].date_format == MONTH_FIRST.name
    text = "\n".join(result.lines())
    assert "Reactions_12345.csv: 6 rows read, 3 used" in text
    assert "1 skipped: date in the future" in text
    assert "engage.reactions: 2 days, 4 in all" in text
    assert "Articles: 1 HTML file not counted" in text


def test_unreadable_file_is_reported_and_counts_for_nothing(tmp_path: Path) -> None:
    content = files()
    content["Votes.csv"] = "Something,Else\r\n1,2\r\n"
    content["Comments.csv"] = xb.comments_csv(["2025-08-01 10:00:00"], old_header=True)
    result = read_export(xb.write_zip(tmp_path / ZIP_NAME, content))
    votes = next(f for f in result.files if f.name == "Votes.csv")
    assert votes.error == "no header row with 'date' found"
    assert not votes.damaged
    assert "  Votes.csv: NOT READ — no header row with 'date' found" in result.lines()
    # Votes no longer add to reactions; the old "Comment" header still reads.
    assert result.counts["engage.reactions"] == {date(2025, 8, 2): 3}
    assert result.counts["engage.comments"] == {date(2025, 8, 1): 1}


def test_headers_matched_by_name_whatever_their_case_and_order(tmp_path: Path) -> None:
    content = {
        "Shares.csv": "visibility,DATE,sharelink\r\nPUBLIC,2025-03-01 10:00:00,x\r\n",
        "SEARCHQUERIES.CSV": "Search Query,time\r\nsales,2025-03-02 10:00:00 UTC\r\n",
    }
    result = read_export(xb.write_zip(tmp_path / "x.zip", content))
    assert nonzero(result.counts) == {
        "brand.posts": {date(2025, 3, 1): 1},
        "find.searches": {date(2025, 3, 2): 1},
    }


def test_date_format_is_detected_per_file() -> None:
    fmt = detect_format(["1/2/25, 1:00 AM", "13/2/25, 9:00 PM"])
    assert fmt is not None and fmt.name == DAY_FIRST.name
    assert fmt.day("1/2/25, 1:00 AM") == date(2025, 2, 1)
    fmt = detect_format(["1/2/25, 1:00 AM", "2/13/25, 9:00 PM"])
    assert fmt is not None and fmt.day("1/2/25") == date(2025, 1, 2)
    fmt = detect_format(["07 Dec 2025", "1 Jan 2026"])
    assert fmt is not None and fmt.day("1 Jan 2026") == date(2026, 1, 1)
    fmt = detect_format(["Dec 7, 2025"])
    assert fmt is not None and fmt.day("Dec 7, 2025") == date(2025, 12, 7)
    assert detect_format(["soon", "later"]) is None


def test_path_that_is_not_an_export_is_refused(tmp_path: Path) -> None:
    with pytest.raises(NotAnExport, match="none of the files"):
        read_export(xb.write_zip(tmp_path / "photos.zip", {"a.jpg": "x"}))
    (tmp_path / "notes.txt").write_text("hello")
    with pytest.raises(NotAnExport, match="not a zip file"):
        read_export(tmp_path / "notes.txt")
    with pytest.raises(NotAnExport, match="does not exist"):
        read_export(tmp_path / "missing.zip")


def test_member_names_are_never_used_as_paths(tmp_path: Path) -> None:
    archive = tmp_path / "inner" / "x.zip"
    archive.parent.mkdir()
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("../../escaped/Shares.csv", xb.shares_csv(["2025-03-01 10:00:00"]))
    result = read_export(archive)
    assert result.counts["brand.posts"] == {date(2025, 3, 1): 1}
    assert not (tmp_path / "escaped").exists() and not (tmp_path.parent / "escaped").exists()


def test_counts_over_the_daily_maximum_are_refused_and_reported(tmp_path: Path) -> None:
    rows = [("OUTGOING", "3/1/25, 1:00 AM", "", f"p{i}") for i in range(201)]
    rows.append(("OUTGOING", "3/2/25, 1:00 AM", "", "q"))
    result = read_export(
        xb.write_zip(tmp_path / "x.zip", {"Invitations.csv": xb.invitations_csv(rows)})
    )
    assert result.counts["build.requests_sent"] == {date(2025, 3, 2): 1}
    [refusal] = result.refused
    assert (refusal.day, refusal.key, refusal.count) == (
        date(2025, 3, 1),
        "build.requests_sent",
        201,
    )
    assert (
        "  refused build.requests_sent on 2025-03-01: 201 is more than the most plausible "
        "in a day (200)"
    ) in result.lines()


def test_progress_reaches_the_end_and_cancel_stops(sample_zip: Path) -> None:
    seen: list[tuple[int, int]] = []
    read_export(sample_zip, progress=lambda done, total: seen.append((done, total)))
    assert seen[-1][0] == seen[-1][1] > 0
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    with pytest.raises(ImportCancelled):
        read_export(sample_zip, cancelled=lambda: True)


def test_apply_stores_counts_under_linkedin_and_nothing_personal(
    sample_zip: Path, store_path: Path
) -> None:
    store = Store.open(store_path)
    store.set_activity(ActivityEntry.create(date(2025, 8, 2), {"engage.reactions": 5}))
    summary = apply_import(store, read_export(sample_zip))
    assert stored_linkedin(store) == EXPECTED
    assert store.activity_on(date(2025, 8, 2), "manual").counts == {"engage.reactions": 5}
    assert summary.backup is not None and summary.backup.exists()
    # Every item's own date lies before the export's first day (its first share): the whole
    # checklist is dated there, one snapshot.
    [snapshot] = store.profiles()
    assert snapshot.day == date(2025, 7, 20)
    assert {k for k, v in snapshot.items.items() if v} == set(EXPECTED_CHECKLIST)
    raw = store_path.read_text(encoding="utf-8")
    for personal in ("Jane", "Myself", "linkedin.com/in", "quoted", "Acme", "Sales lead"):
        assert personal not in raw


def test_import_twice_changes_nothing(sample_zip: Path, store_path: Path) -> None:
    store = Store.open(store_path)
    apply_import(store, read_export(sample_zip))
    before = store_path.read_bytes()
    summary = apply_import(store, read_export(sample_zip))
    assert summary.days_changed == summary.days_removed == 0
    assert store_path.read_bytes() == before


def test_overlapping_older_and_newer_exports_never_count_a_day_twice(
    tmp_path: Path, store_path: Path
) -> None:
    older = xb.write_zip(
        tmp_path / "Basic_LinkedInDataExport_03-10-2025.zip",
        {
            "Shares.csv": xb.shares_csv(
                ["2025-03-01 10:00:00", "2025-03-05 10:00:00", "2025-03-05 11:00:00"]
            )
        },
    )
    # The newer export still holds 5 March, no longer holds the 1 March post (deleted), and
    # adds 20 March.
    newer = xb.write_zip(
        tmp_path / "Basic_LinkedInDataExport_03-25-2025.zip",
        {
            "Shares.csv": xb.shares_csv(
                ["2025-03-05 10:00:00", "2025-03-05 11:00:00", "2025-03-20 09:00:00"]
            )
        },
    )
    store = Store.open(store_path)
    apply_import(store, read_export(older))
    apply_import(store, read_export(newer))
    assert stored_linkedin(store) == {
        "brand.posts": {date(2025, 3, 1): 1, date(2025, 3, 5): 2, date(2025, 3, 20): 1}
    }
    # Importing the older one again afterwards replaces only what it covers, the same way.
    apply_import(store, read_export(older))
    assert stored_linkedin(store)["brand.posts"][date(2025, 3, 5)] == 2


def test_newer_export_drops_a_day_it_no_longer_has_within_its_range(
    tmp_path: Path, store_path: Path
) -> None:
    first = xb.write_zip(
        tmp_path / "a.zip",
        {"Shares.csv": xb.shares_csv(["2025-03-01 10:00:00", "2025-03-05 10:00:00"])},
    )
    second = xb.write_zip(
        tmp_path / "b.zip",
        {"Shares.csv": xb.shares_csv(["2025-03-01 10:00:00", "2025-03-09 10:00:00"])},
    )
    store = Store.open(store_path)
    apply_import(store, read_export(first))
    summary = apply_import(store, read_export(second))
    assert stored_linkedin(store) == {"brand.posts": {date(2025, 3, 1): 1, date(2025, 3, 9): 1}}
    assert (summary.days_changed, summary.days_removed) == (1, 1)


def test_metrics_the_export_does_not_cover_keep_their_imported_values(
    tmp_path: Path, store_path: Path
) -> None:
    store = Store.open(store_path)
    apply_import(store, read_export(xb.write_zip(tmp_path / "a.zip", files())))
    only_shares = xb.write_zip(
        tmp_path / "Basic_LinkedInDataExport_08-01-2025.zip",
        {"Shares.csv": xb.shares_csv(["2025-07-20 10:00:00"])},
    )
    apply_import(store, read_export(only_shares))
    stored = stored_linkedin(store)
    assert stored["brand.posts"] == {date(2025, 7, 20): 1}
    assert stored["engage.reactions"] == EXPECTED["engage.reactions"]


def test_damaged_archive_is_refused_and_the_store_is_byte_identical(
    tmp_path: Path, store_path: Path
) -> None:
    store = Store.open(store_path)
    store.set_activity(ActivityEntry.create(date(2025, 1, 1), {"brand.posts": 1}))
    store.put_profile(ProfileSnapshot.create(date(2025, 1, 1), {"photo": True}))
    content = files()
    content["Reactions_12345.csv"] = xb.reactions_csv(
        [f"2025-06-{d:02d} 10:00:00" for d in range(1, 29)] * 400
    )
    damaged = xb.write_zip(tmp_path / ZIP_NAME, content)
    xb.truncate_member(damaged, "Reactions_12345.csv")
    before = store_path.read_bytes()
    backups = sorted((store_path.parent / "backups").glob("*"))
    result = read_export(damaged)
    [broken] = result.damaged
    assert broken.name == "Reactions_12345.csv" and "damaged" in (broken.error or "")
    with pytest.raises(ImportRefused, match=r"damaged \(Reactions_12345.csv\)"):
        apply_import(store, result)
    assert store_path.read_bytes() == before
    assert sorted((store_path.parent / "backups").glob("*")) == backups


def test_checklist_carries_over_what_the_export_cannot_tell(
    sample_zip: Path, store_path: Path
) -> None:
    store = Store.open(store_path)
    store.put_profile(
        ProfileSnapshot.create(
            date(2025, 6, 1), {"photo": True, "custom_url": True, "skills": False}
        )
    )
    apply_import(store, read_export(sample_zip))
    latest = store.profiles()[-1]
    assert latest.day == date(2025, 7, 20)
    assert latest.items["photo"] and latest.items["custom_url"] and latest.items["skills"]
    assert not latest.items["banner"]


def test_few_skills_do_not_tick_skills(tmp_path: Path) -> None:
    result = read_export(xb.write_zip(tmp_path / "x.zip", {"Skills.csv": xb.names_csv("Name", 4)}))
    assert result.checklist == {"skills": False}
    assert "gives the profile checklist: fewer than 5 skills" in "\n".join(result.lines())


def test_messages_in_any_order_count_the_same(tmp_path: Path) -> None:
    """LinkedIn lists conversations newest first and one pass suffices; any other order
    (here oldest first, and shuffled) takes two passes and must give the same counts."""
    lines = files()["messages.csv"].split("\r\n")
    header, body = lines[0], [line for line in lines[1:] if line]
    # The sample has one multi-line message: rejoin it so rows can be reordered.
    joined: list[str] = []
    for line in body:
        if joined and joined[-1].count('"') % 2:
            joined[-1] += "\r\n" + line
        else:
            joined.append(line)
    expected = {k: v for k, v in EXPECTED.items() if k.startswith("engage.")}
    for order in (joined[::-1], joined[3:] + joined[:3]):
        text = "\r\n".join([header, *order]) + "\r\n"
        result = read_export(xb.write_zip(tmp_path / "m.zip", {"messages.csv": text}))
        counts = {k: v for k, v in nonzero(result.counts).items() if k.startswith("engage.")}
        assert counts == {
            k: expected[k] for k in ("engage.messages_sent", "engage.replies_received")
        }
        [report] = result.files
        assert (report.rows_read, report.rows_used) == (8, 7)


def test_unreadable_member_is_reported_and_the_rest_imported(tmp_path: Path) -> None:
    archive = xb.write_zip(
        tmp_path / "x.zip",
        {
            "Shares.csv": xb.shares_csv(["2025-03-01 10:00:00"]),
            "Votes.csv": xb.single_date_csv(["Date", "Link"], ["x"]),
        },
    )
    # Mark Votes.csv as encrypted, as a password-protected zip would: zipfile refuses it.
    data = bytearray(archive.read_bytes())
    with zipfile.ZipFile(archive) as zf:
        info = zf.getinfo("Votes.csv")
    for offset in (info.header_offset + 6, data.rfind(b"PK\x01\x02") + 8):
        data[offset] |= 0x01
    archive.write_bytes(bytes(data))
    result = read_export(archive)
    votes = next(f for f in result.files if f.name == "Votes.csv")
    assert votes.error is not None and "encrypted" in votes.error
    assert not result.damaged
    assert result.counts["brand.posts"] == {date(2025, 3, 1): 1}


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    older=st.lists(st.integers(0, 40), max_size=30),
    newer=st.lists(st.integers(20, 60), min_size=1, max_size=30),
)
def test_any_two_overlapping_exports_never_count_a_day_twice(
    tmp_path_factory: pytest.TempPathFactory, older: list[int], newer: list[int]
) -> None:
    """Days are offsets from 1 March 2025. After importing an older export (dated day 40)
    and then a newer one (dated day 60), a day holds the newer export's count if the newer
    export speaks for it (from its first post on), else the older one's — never a sum."""
    start = date(2025, 3, 1)
    folder = tmp_path_factory.mktemp("exports")

    def export(name: str, offsets: list[int]) -> Path:
        stamps = [f"{(start + timedelta(days=o)).isoformat()} 10:00:00" for o in offsets]
        return xb.write_zip(folder / name, {"Shares.csv": xb.shares_csv(stamps)})

    first = export("Basic_LinkedInDataExport_04-10-2025.zip", older)  # day 40
    second = export("Basic_LinkedInDataExport_04-30-2025.zip", newer)  # day 60
    store = Store.open(folder / "store.json")
    apply_import(store, read_export(first))
    apply_import(store, read_export(second))
    once = (folder / "store.json").read_bytes()
    apply_import(store, read_export(second))
    assert (folder / "store.json").read_bytes() == once
    expected: dict[date, int] = {}
    for offsets, keep in ((older, lambda o: o < min(newer)), (newer, lambda o: True)):
        for o in offsets:
            if keep(o):
                day = start + timedelta(days=o)
                expected[day] = expected.get(day, 0) + 1
    assert stored_linkedin(store).get("brand.posts", {}) == expected
    store.close()


def test_a_file_name_dated_before_linkedin_is_not_the_export_day(tmp_path: Path) -> None:
    archive = xb.write_zip(
        tmp_path / "Basic_LinkedInDataExport_01-01-2001.zip",
        {"Shares.csv": xb.shares_csv(["2025-03-01 10:00:00"])},
    )
    result = read_export(archive)
    assert result.export_day == date(2025, 3, 1)
    assert result.export_day_origin == "newest date in the export"
