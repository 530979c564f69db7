"""Spec §3.17: the import feeds the model's real inputs — the network's history from
Connections.csv, days active from Logins.csv, the profile checklist dated by its items."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

from ssi_desktop.core.linkedin import apply_import, plan_import, read_export
from ssi_desktop.core.records import ActivityEntry, ProfileSnapshot, TotalsSnapshot, revalidated
from ssi_desktop.storage import Store
from tests.core import export_builder as xb

ZIP = "Basic_LinkedInDataExport_03-01-2026.zip"
EXPORT_DAY = date(2026, 3, 1)


def connections(rows: list[tuple[str, str, str]]) -> str:
    return xb.connections_csv(rows)


def hidden_rows(days: list[str]) -> str:
    """Connections whose owners hid them: every column empty but the date."""
    return "".join(f',,,,,,"{day}"\r\n' for day in days)


NETWORK_ROWS = [
    ("a", "VP Sales", "03 Jan 2026"),
    ("b", "Software Engineer", "03 Jan 2026"),
    ("c", "Head of Marketing", "10 Jan 2026"),
    ("d", "Directory Assistant", "10 Jan 2026"),  # "director" as a word only
    ("e", "chief revenue officer", "2 Feb 2026"),
    ("f", "Owner", "2 Feb 2026"),
    ("g", "Headhunter", "2 Feb 2026"),  # not "head of"
    ("h", "Co-Founder & CEO", "15 Feb 2026"),
    ("i", "Partner", "15 Feb 2026"),
    ("j", "Account Executive", "15 Feb 2026"),
]


def network_export(tmp_path: Path, name: str = ZIP, extra_hidden: list[str] | None = None) -> Path:
    text = connections(NETWORK_ROWS) + hidden_rows(extra_hidden or ["10 Jan 2026", "20 Feb 2026"])
    return xb.write_zip(tmp_path / name, {"Connections.csv": text})


def network(snapshots: tuple[TotalsSnapshot, ...]) -> list[tuple[date, int, int]]:
    return [
        (s.day, s.values["totals.connections"], s.values["totals.senior_connections"])
        for s in snapshots
    ]


EXPECTED_NETWORK = [
    (date(2026, 1, 3), 2, 1),
    (date(2026, 1, 10), 5, 2),  # two named and one hidden connection
    (date(2026, 2, 2), 8, 4),
    (date(2026, 2, 15), 11, 6),
    (date(2026, 2, 20), 12, 6),  # a hidden one alone
    (date(2026, 3, 1), 12, 6),  # the export's day
]


def test_connections_give_the_network_on_every_past_day(tmp_path: Path) -> None:
    result = read_export(network_export(tmp_path))
    assert network(result.network) == EXPECTED_NETWORK
    # Built without create for speed: each is exactly what create makes of it.
    assert all(revalidated(s) == s for s in result.network)
    # New decision makers per day are still counted as before.
    assert result.counts["build.senior_connections"] == {
        date(2026, 1, 3): 1,
        date(2026, 1, 10): 1,
        date(2026, 2, 2): 2,
        date(2026, 2, 15): 2,
    }
    [report] = result.files
    assert report.rows_used == 12
    assert (
        "gives your network's size on 58 days (2026-01-03 to 2026-03-01): 12 connections, "
        "6 of them decision makers" in "\n".join(result.lines())
    )


def test_without_a_position_column_decision_makers_are_not_claimed(tmp_path: Path) -> None:
    text = xb.table(["First Name", "Connected On"], [("A", "03 Jan 2026"), ("B", "04 Jan 2026")])
    result = read_export(xb.write_zip(tmp_path / ZIP, {"Connections.csv": text}))
    assert [(s.day, dict(s.values)) for s in result.network] == [
        (date(2026, 1, 3), {"totals.connections": 1}),
        (date(2026, 1, 4), {"totals.connections": 2}),
        (date(2026, 3, 1), {"totals.connections": 2}),
    ]
    assert "build.senior_connections" not in result.counts


def test_import_writes_the_network_keeps_other_totals_and_twice_changes_nothing(
    tmp_path: Path, store_path: Path
) -> None:
    store = Store.open(store_path)
    store.put_totals(TotalsSnapshot.create(date(2026, 2, 2), {"totals.followers": 70}))
    # A typed connections total inside the export's span: the export's exact count replaces it.
    store.put_totals(TotalsSnapshot.create(date(2026, 1, 20), {"totals.connections": 4}))
    # Outside the span: the export does not speak for that day.
    store.put_totals(TotalsSnapshot.create(date(2025, 6, 1), {"totals.connections": 1}))
    archive = network_export(tmp_path)
    summary = apply_import(store, read_export(archive))
    assert summary.totals_changed == 7  # six snapshots written, one removed
    by_day = {s.day: dict(s.values) for s in store.totals()}
    assert by_day[date(2026, 2, 2)] == {
        "totals.connections": 8,
        "totals.senior_connections": 4,
        "totals.followers": 70,
    }
    assert date(2026, 1, 20) not in by_day
    assert by_day[date(2025, 6, 1)] == {"totals.connections": 1}
    assert network([s for s in store.totals() if s.day >= date(2026, 1, 1)]) == EXPECTED_NETWORK

    before = store_path.read_bytes()
    again = apply_import(store, read_export(archive))
    assert again.totals_changed == 0 and again.backup is None
    assert store_path.read_bytes() == before


def test_an_import_that_writes_and_removes_totals_is_one_change_undone_byte_for_byte(
    tmp_path: Path, store_path: Path
) -> None:
    store = Store.open(store_path)
    # A store already holding activity and a checklist (undoing the first record of a kind
    # leaves its table behind empty: the bytes differ there, the records do not).
    store.set_activity(ActivityEntry.create(date(2026, 1, 5), {"brand.posts": 1}))
    store.put_profile(ProfileSnapshot.create(date(2026, 1, 5), {"photo": True}))
    store.put_totals(TotalsSnapshot.create(date(2026, 2, 2), {"totals.followers": 70}))
    store.put_totals(TotalsSnapshot.create(date(2026, 1, 20), {"totals.connections": 4}))
    plan = plan_import(store, read_export(network_export(tmp_path)))
    assert plan.totals and plan.totals_removed == (date(2026, 1, 20),)
    before = store_path.read_bytes()

    inverse = plan.change().apply(store)
    written = store_path.read_bytes()
    assert date(2026, 1, 20) not in {s.day for s in store.totals()}
    redo = inverse.apply(store)
    assert store_path.read_bytes() == before
    redo.apply(store)
    assert store_path.read_bytes() == written


def test_a_newer_export_replaces_the_older_network(tmp_path: Path, store_path: Path) -> None:
    store = Store.open(store_path)
    apply_import(store, read_export(network_export(tmp_path)))
    # The newer export no longer has the hidden 20 Feb connection (it was removed).
    newer = network_export(tmp_path, "Basic_LinkedInDataExport_03-05-2026.zip", ["10 Jan 2026"])
    apply_import(store, read_export(newer))
    assert network(store.totals()) == [
        *EXPECTED_NETWORK[:4],
        (date(2026, 3, 5), 11, 6),
    ]


def test_dry_run_shows_the_network_and_writes_nothing(tmp_path: Path, store_path: Path) -> None:
    archive = network_export(tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "ssi_desktop", "--data", str(store_path), "import", "linkedin",
         str(archive), "--dry-run"],
        capture_output=True, text=True, env=dict(os.environ), timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "Connections.csv: 12 rows read, 12 used" in done.stdout
    assert "your network's size on 58 days" in done.stdout
    assert "6 network snapshots" in done.stdout
    assert "Nothing was written." in done.stdout
    assert not store_path.exists()


LOGINS = xb.table(
    ["Login Date", "IP Address", "User Agent", "Login Type"],
    [
        ("2026-01-05 08:00:00 UTC", "203.0.113.7", "Mozilla/5.0 (X11) Firefox", "WEB"),
        ("2026-01-05 19:30:00 UTC", "203.0.113.8", "Mozilla/5.0 (X11) Firefox", "WEB"),
        ("2026-01-05 21:00:00 UTC", "198.51.100.2", "LinkedIn/9.1 iOS", "MOBILE"),
        ("2026-01-07 08:00:00 UTC", "203.0.113.7", "Mozilla/5.0 (X11) Firefox", "WEB"),
        ("2026-02-11 08:00:00 UTC", "203.0.113.7", "Mozilla/5.0 (X11) Firefox", "WEB"),
    ],
)


def test_logins_give_one_active_day_per_day_and_nothing_else(
    tmp_path: Path, store_path: Path
) -> None:
    archive = xb.write_zip(tmp_path / ZIP, {"Logins.csv": LOGINS})
    result = read_export(archive)
    assert result.counts["find.days_active"] == {
        date(2026, 1, 5): 1,
        date(2026, 1, 7): 1,
        date(2026, 2, 11): 1,
    }
    assert result.refused == []
    assert "Logins.csv: 5 rows read, 5 used" in result.lines()[3]
    assert "gives 3 days active on LinkedIn" in "\n".join(result.lines())
    store = Store.open(store_path)
    apply_import(store, result)
    raw = store_path.read_text(encoding="utf-8")
    for private in ("203.0.113", "198.51.100", "Mozilla", "iOS", "WEB", "MOBILE"):
        assert private not in raw
    assert [(e.day, dict(e.counts)) for e in store.activity()] == [
        (date(2026, 1, 5), {"find.days_active": 1}),
        (date(2026, 1, 7), {"find.days_active": 1}),
        (date(2026, 2, 11), {"find.days_active": 1}),
    ]


def profile_export(tmp_path: Path) -> Path:
    return xb.write_zip(
        tmp_path / "Basic_LinkedInDataExport_07-01-2025.zip",
        {
            # The account's first trace: nothing on the profile can be older.
            "Connections.csv": connections([("a", "Engineer", "01 Jun 2014")]),
            "Profile.csv": xb.profile_csv(summary=""),
            "Positions.csv": xb.table(
                ["Company Name", "Title", "Description", "Location", "Started On", "Finished On"],
                [
                    ("Acme", "Seller", "", "", "Mar 2019", ""),
                    ("Beta", "Junior", "", "", "Jan 2015", "Feb 2019"),
                ],
            ),
            "Education.csv": xb.table(
                ["School Name", "Start Date", "End Date", "Notes", "Degree Name", "Activities"],
                [("Uni", "2008", "2012", "", "", "")],
            ),
            "Skills.csv": xb.names_csv("Name", 5),
            "Recommendations_Received.csv": xb.table(
                [
                    "First Name",
                    "Last Name",
                    "Company",
                    "Job Title",
                    "Text",
                    "Creation Date",
                    "Status",
                ],
                [
                    ("A", "B", "C", "D", "Great", "06/14/21, 10:00 AM", "VISIBLE"),
                    ("E", "F", "G", "H", "Good", "02/01/23, 10:00 AM", "VISIBLE"),
                ],
            ),
        },
    )


YES = {"photo": False, "banner": False, "about": False, "media": False, "custom_url": False}


def checklist(**items: bool) -> dict[str, bool]:
    base = {
        "headline": True,
        "contact_info": False,
        "education": True,
        "skills": True,
        "current_position": False,
        "past_positions": False,
        "recommendations": False,
        **YES,
    }
    return {**base, **items}


def test_the_profile_is_dated_by_its_items_own_dates(tmp_path: Path, store_path: Path) -> None:
    result = read_export(profile_export(tmp_path))
    assert result.profile_days == {
        "headline": date(2014, 6, 1),  # no date of its own: the account's first day
        "education": date(2014, 6, 1),  # 2008, before the account
        "skills": date(2014, 6, 1),
        "current_position": date(2015, 1, 1),  # the first job was current from Jan 2015
        "past_positions": date(2019, 2, 1),
        "recommendations": date(2021, 6, 14),
    }
    text = "\n".join(result.lines())
    assert "gives the profile checklist: current position since 2015-01-01, past positions since " \
        "2019-02-01" in text  # fmt: skip
    assert "gives the profile checklist: recommendations since 2021-06-14" in text
    store = Store.open(store_path)
    store.put_profile(ProfileSnapshot.create(date(2016, 1, 1), {"photo": True}))
    apply_import(store, result)
    assert [(s.day, dict(s.items)) for s in store.profiles()] == [
        (date(2014, 6, 1), checklist()),
        (date(2015, 1, 1), checklist(current_position=True)),
        # The member's own snapshot stays; imported days after it carry its photo.
        (date(2016, 1, 1), {key: key == "photo" for key in checklist()}),
        (date(2019, 2, 1), checklist(current_position=True, past_positions=True, photo=True)),
        (
            date(2021, 6, 14),
            checklist(current_position=True, past_positions=True, recommendations=True, photo=True),
        ),
    ]
    before = store_path.read_bytes()
    again = apply_import(store, read_export(profile_export(tmp_path)))
    assert again.profile_days == () and store_path.read_bytes() == before
