"""Builds LinkedIn data exports in code, with the quirks real ones have.

Each ``*_csv`` function returns a file's text the way LinkedIn writes it (header names,
date formats, quoting); ``write_zip`` and ``write_folder`` lay a ``{name: text}`` mapping out
as an archive or an unpacked folder. Tests state their rows explicitly, so every expected
count can be read off the test.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

BOM = "\ufeff"

CONNECTIONS_PREAMBLE = (
    'Notes:\r\n"When exporting your connection data, you may notice that some of the email '
    "addresses are missing. You will only see email addresses for connections who have allowed "
    'their connections to see or download their email address using this setting."\r\n\r\n'
)


def table(header: Sequence[str], rows: Iterable[Sequence[str]], *, quote_all: bool = False) -> str:
    out = io.StringIO()
    writer = csv.writer(
        out, quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL, lineterminator="\r\n"
    )
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def connections_csv(
    rows: Iterable[tuple[str, str, str]], *, preamble: bool = True, bom: bool = False
) -> str:
    """rows: (profile slug, position, Connected On) — e.g. ("jane", "VP Sales", "07 Dec 2025")."""
    body = table(
        ["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"],
        [
            ("Jane", "Doe", f"https://www.linkedin.com/in/{slug}", "", "Acme", position, when)
            for slug, position, when in rows
        ],
    )
    return (BOM if bom else "") + (CONNECTIONS_PREAMBLE if preamble else "") + body


def invitations_csv(rows: Iterable[tuple[str, str, str, str]]) -> str:
    """rows: (direction, Sent At, message, invitee slug)."""
    return table(
        ["From", "To", "Sent At", "Message", "Direction", "inviterProfileUrl", "inviteeProfileUrl"],
        [
            (
                "Me Myself",
                "Someone",
                when,
                message,
                direction,
                "https://www.linkedin.com/in/me",
                f"https://www.linkedin.com/in/{slug}/" if slug else "",
            )
            for direction, when, message, slug in rows
        ],
    )


MESSAGE_HEADER = [
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
]


def messages_csv(rows: Iterable[tuple[str, str, str, str]], *, draft: Sequence[int] = ()) -> str:
    """rows: (conversation, sender slug, DATE, content). Every header and cell is quoted."""
    out = []
    for i, (conversation, sender, when, content) in enumerate(rows):
        name = "Me Myself" if sender == "me" else sender.title()
        out.append(
            (
                conversation,
                "",
                name,
                f"https://www.linkedin.com/in/{sender}",
                "",
                "",
                when,
                "",
                content,
                "INBOX",
                "",
                "Yes" if i in draft else "No",
                "No",
            )
        )
    return table(MESSAGE_HEADER, out, quote_all=True)


def dated_csv(
    header: Sequence[str],
    date_column: str,
    dates: Iterable[str],
    filler: Mapping[str, str] | None = None,
) -> str:
    """A file with one row per date; other columns hold ``filler`` or a placeholder."""
    filler = dict(filler or {})
    return table(
        header,
        [[when if h == date_column else filler.get(h, "x") for h in header] for when in dates],
    )


def shares_csv(dates: Iterable[str]) -> str:
    return dated_csv(
        ["Date", "ShareLink", "ShareCommentary", "SharedUrl", "MediaUrl", "Visibility"],
        "Date",
        dates,
        {"ShareCommentary": 'A post\nover "two" lines'},
    )


def comments_csv(dates: Iterable[str], *, old_header: bool = False) -> str:
    """Backslash-escaped quotes inside the text, as LinkedIn writes them."""
    text_column = "Comment" if old_header else "Message"
    lines = [f"Date,Link,{text_column}"]
    for when in dates:
        lines.append(
            f'{when},https://www.linkedin.com/feed/x,"He said \\"yes\\", then\nleft, \\"ok\\""'
        )
    return "\r\n".join(lines) + "\r\n"


def reactions_csv(dates: Iterable[str]) -> str:
    return dated_csv(["Date", "Type", "Link"], "Date", dates, {"Type": "LIKE"})


def single_date_csv(header: Sequence[str], dates: Iterable[str]) -> str:
    return dated_csv(header, header[0], dates)


def profile_csv(
    *, headline: str = "Sales lead", summary: str = "I help.", websites: str = ""
) -> str:
    return table(
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
        [("Me", "Myself", "", "", "", headline, summary, "Software", "", "", "", websites, "")],
    )


def positions_csv(finished: Sequence[str]) -> str:
    return table(
        ["Company Name", "Title", "Description", "Location", "Started On", "Finished On"],
        [("Acme", "Seller", "", "", "Jan 2020", end) for end in finished],
    )


def names_csv(header: str, count: int) -> str:
    return table([header], [[f"item {i}"] for i in range(count)])


def write_zip(path: Path, files: Mapping[str, str | bytes]) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            data = content.encode("utf-8") if isinstance(content, str) else content
            archive.writestr(name, data)
    return path


def write_folder(path: Path, files: Mapping[str, str | bytes]) -> Path:
    for name, content in files.items():
        target = path / name
        target.parent.mkdir(parents=True, exist_ok=True)
        data = content.encode("utf-8") if isinstance(content, str) else content
        target.write_bytes(data)
    return path


def truncate_member(zip_path: Path, member: str) -> None:
    """Damage one member's compressed bytes in place, as a broken download would."""
    with zipfile.ZipFile(zip_path) as archive:
        info = archive.getinfo(member)
        start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
        size = info.compress_size
    data = bytearray(zip_path.read_bytes())
    for i in range(start + size // 3, start + size):
        data[i] = 0
    zip_path.write_bytes(bytes(data))
