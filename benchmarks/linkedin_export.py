"""A heavy ten-year LinkedIn export (≈100,000 rows) and the time to import it (spec §8).

``generate_export(dest_dir, seed)`` writes the same archive for the same seed.
``measure_import(zip_path)`` times :func:`read_export` against its floor, a plain stdlib
``csv`` read of the same files, and returns median seconds of both and their ratio (target
≤ 3). Run ``python benchmarks/linkedin_export.py`` to print the figures.
"""

from __future__ import annotations

import csv
import io
import random
import statistics
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

from ssi_desktop.core.linkedin import read_export
from ssi_desktop.core.linkedin.archive import kind_of

#: Fixed so the archive, and hence the figures, never depend on the day they are taken.
EXPORT_DAY = date(2025, 6, 30)
YEARS = 10

#: Rows per file: about 100,000 in all, shaped like a very active member's decade.
ROWS = {
    "messages": 36_000,
    "reactions": 24_000,
    "searches": 10_000,
    "comments": 8_000,
    "invitations": 8_000,
    "connections": 6_000,
    "shares": 3_000,
    "reposts": 2_000,
    "endorsements": 2_000,
    "votes": 1_000,
}


def _moments(rng: random.Random, count: int) -> list[datetime]:
    start = datetime.combine(EXPORT_DAY - timedelta(days=365 * YEARS), datetime.min.time())
    span = 365 * YEARS * 86_400
    return sorted(
        (start + timedelta(seconds=rng.randrange(span)) for _ in range(count)), reverse=True
    )


def _csv(header: list[str], rows: Iterator[list[str]] | list[list[str]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def _words(rng: random.Random, n: int) -> str:
    return " ".join(
        rng.choice(
            (
                "sales",
                "team",
                "great",
                "insight",
                "thanks",
                "growth",
                "pipeline",
                "hello",
                "meeting",
                "data",
            )
        )
        for _ in range(n)
    )


def _files(rng: random.Random) -> dict[str, bytes]:
    iso = "%Y-%m-%d %H:%M:%S"
    files: dict[str, bytes] = {}
    slugs = [f"person-{i}" for i in range(ROWS["connections"] * 2)]
    files["Connections.csv"] = (
        b'Notes:\r\n"When exporting your connection data, you may notice that some of the '
        b'email addresses are missing."\r\n\r\n'
        + _csv(
            [
                "First Name",
                "Last Name",
                "URL",
                "Email Address",
                "Company",
                "Position",
                "Connected On",
            ],
            [
                [
                    "A",
                    "B",
                    f"https://www.linkedin.com/in/{slugs[i]}",
                    "",
                    "Co",
                    rng.choice(("Engineer", "VP Sales", "Director", "Analyst", "Founder")),
                    m.strftime("%d %b %Y"),
                ]
                for i, m in enumerate(_moments(rng, ROWS["connections"]))
            ],
        )
    )
    files["Invitations.csv"] = _csv(
        ["From", "To", "Sent At", "Message", "Direction", "inviterProfileUrl", "inviteeProfileUrl"],
        [
            [
                "A",
                "B",
                f"{m.month}/{m.day}/{m.year % 100}, {m.strftime('%I:%M %p')}",
                _words(rng, 8) if rng.random() < 0.4 else "",
                "OUTGOING" if rng.random() < 0.75 else "INCOMING",
                "https://www.linkedin.com/in/me",
                f"https://www.linkedin.com/in/{rng.choice(slugs)}",
            ]
            for m in _moments(rng, ROWS["invitations"])
        ],
    )
    # Conversations are mostly one to one, a few are groups of three or four; in each, the
    # member writes about half the messages.
    conversations = [
        (f"2-{rng.getrandbits(64):x}", rng.sample(slugs, 1 if rng.random() < 0.9 else 3))
        for _ in range(ROWS["messages"] // 6)
    ]

    def message(moment: datetime) -> list[str]:
        conversation, people = rng.choice(conversations)
        sender = "me" if rng.random() < 0.5 else rng.choice(people)
        return [
            conversation,
            "",
            "A",
            f"https://www.linkedin.com/in/{sender}",
            "B",
            "",
            moment.strftime(iso) + " UTC",
            "",
            _words(rng, 25),
            "INBOX",
            "",
            "No",
            "No",
        ]

    files["messages.csv"] = _csv(
        [
            "CONVERSATION ID",
            "CONVERSATION TITLE",
            "FROM",
            "SENDER PROFILE URL",
            "TO",
            "RECIPIENT PROFILE URLS",
            "DATE",
            "SUBJECT",
            "CONTENT",
            "FOLDER",
            "ATTACHMENTS",
            "IS MESSAGE DRAFT",
            "IS CONVERSATION DRAFT",
        ],
        [message(m) for m in _moments(rng, ROWS["messages"])],
    )
    files["Shares_48213.csv"] = _csv(
        ["Date", "ShareLink", "ShareCommentary", "SharedUrl", "MediaUrl", "Visibility"],
        [
            [
                m.strftime(iso),
                "https://www.linkedin.com/feed/update/x",
                _words(rng, 40),
                "",
                "",
                "MEMBER_NETWORK",
            ]
            for m in _moments(rng, ROWS["shares"])
        ],
    )
    files["Comments_48213.csv"] = _csv(
        ["Date", "Link", "Message"],
        [
            [m.strftime(iso), "https://www.linkedin.com/feed/update/x", _words(rng, 15)]
            for m in _moments(rng, ROWS["comments"])
        ],
    )
    files["Reactions_48213.csv"] = _csv(
        ["Date", "Type", "Link"],
        [
            [
                m.strftime(iso),
                rng.choice(("LIKE", "PRAISE", "EMPATHY")),
                "https://www.linkedin.com/feed/update/x",
            ]
            for m in _moments(rng, ROWS["reactions"])
        ],
    )
    files["InstantReposts_48213.csv"] = _csv(
        ["Date", "Link"], [[m.strftime(iso), "https://x"] for m in _moments(rng, ROWS["reposts"])]
    )
    files["Votes_48213.csv"] = _csv(
        ["Date", "Link", "OptionText"],
        [[m.strftime(iso), "https://x", "Yes"] for m in _moments(rng, ROWS["votes"])],
    )
    files["SearchQueries.csv"] = _csv(
        ["Time", "Search Query"],
        [[m.strftime(iso) + " UTC", _words(rng, 2)] for m in _moments(rng, ROWS["searches"])],
    )
    files["Endorsement_Received_Info.csv"] = _csv(
        [
            "Endorsement Date",
            "Skill Name",
            "Endorser First Name",
            "Endorser Last Name",
            "Endorser Public Url",
            "Endorsement Status",
        ],
        [
            [m.strftime("%Y/%m/%d %H:%M:%S") + " UTC", "Sales", "A", "B", "", "ACCEPTED"]
            for m in _moments(rng, ROWS["endorsements"])
        ],
    )
    files["Profile.csv"] = _csv(
        [
            "First Name",
            "Last Name",
            "Maiden Name",
            "Address",
            "Birth Date",
            "Headline",
            "Summary",
            "Industry",
            "Zip Code",
            "Geo Location",
            "Twitter Handles",
            "Websites",
            "Instant Messengers",
        ],
        [["Me", "Myself", "", "", "", "Sales lead", "About me", "Software", "", "", "", "", ""]],
    )
    files["Positions.csv"] = _csv(
        ["Company Name", "Title", "Description", "Location", "Started On", "Finished On"],
        [["Co", "Seller", "", "", "Jan 2020", ""], ["Old", "Rep", "", "", "Jan 2015", "Dec 2019"]],
    )
    files["Skills.csv"] = _csv(["Name"], [[f"skill {i}"] for i in range(12)])
    return files


def generate_export(dest_dir: str | Path, seed: int = 1) -> Path:
    """Write the ten-year export as ``Complete_LinkedInDataExport_06-30-2025.zip``."""
    rng = random.Random(seed)
    dest = Path(dest_dir)
    dest.mkdir(parents=True, exist_ok=True)
    path = dest / f"Complete_LinkedInDataExport_{EXPORT_DAY.strftime('%m-%d-%Y')}.zip"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in _files(rng).items():
            info = zipfile.ZipInfo(name, date_time=(2025, 6, 30, 12, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return path


def plain_csv_read(zip_path: Path) -> int:
    """The floor: every export file the importer reads, read once with ``csv.reader``."""
    rows = 0
    with zipfile.ZipFile(zip_path) as archive:
        for name in archive.namelist():
            if kind_of(name) is None:
                continue
            with archive.open(name) as binary:
                text = io.TextIOWrapper(binary, encoding="utf-8-sig", newline="")
                for _row in csv.reader(text):
                    rows += 1
    return rows


def _seconds(action: Callable[[], object]) -> float:
    # CPU time of this process: the machine is shared, and wall time would measure the
    # neighbours as much as the import.
    start = time.process_time()
    action()
    return time.process_time() - start


def measure_import(zip_path: str | Path, repeats: int = 3) -> dict[str, float]:
    """Median CPU seconds of the import (the parse, i.e. the dry run) and of its floor, and
    the ratio. Runs alternate so both see the same machine."""
    path = Path(zip_path)
    rows = plain_csv_read(path)
    used = sum(f.rows_used for f in read_export(path).files)
    floors, imports = [], []
    for _ in range(repeats):
        floors.append(_seconds(lambda: plain_csv_read(path)))
        imports.append(_seconds(lambda: read_export(path)))
    floor, imported = statistics.median(floors), statistics.median(imports)
    return {
        "rows": float(rows),
        "rows_used": float(used),
        "floor_seconds": floor,
        "import_seconds": imported,
        "ratio": imported / floor,
    }


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        path = generate_export(folder)
        figures = measure_import(path, repeats=5)
    print(
        f"LinkedIn export import, {figures['rows']:.0f} CSV rows "
        f"({figures['rows_used']:.0f} used): import {figures['import_seconds']:.3f} s, "
        f"plain csv read {figures['floor_seconds']:.3f} s, ratio {figures['ratio']:.2f} "
        "(target ≤ 3)"
    )
    return 0 if figures["ratio"] <= 3 else 1


if __name__ == "__main__":
    sys.exit(main())
