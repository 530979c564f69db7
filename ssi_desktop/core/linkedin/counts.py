"""Rows of the export's activity files → per-day counts of catalogue metrics: the files of one
dated row per action, Invitations and Connections (messages.csv: :mod:`.messages`).

Each reader streams one file and returns its counts as ``metric → Counter(day → n)``. Only
dates, counts and, transiently, hashed profile addresses are held: no names, e-mails or text.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from datetime import date
from operator import itemgetter

from .archive import TextStream
from .control import Control
from .dated_rows import count_days, dated
from .readers import find_header, rows
from .report import FileReport

DayCounts = dict[str, Counter[date]]

#: Files with one dated row per action: kind → (metric, names of the date column).
SIMPLE: dict[str, tuple[str, tuple[str, ...]]] = {
    "shares": ("brand.posts", ("date", "shared date")),
    "comments": ("engage.comments", ("date",)),
    "reactions": ("engage.reactions", ("date",)),
    "reposts": ("engage.shares", ("date",)),
    # A poll vote is a one-click reaction to someone's post: it counts as one.
    "votes": ("engage.reactions", ("date",)),
    "searches": ("find.searches", ("time", "date", "search date")),
    "endorsements": ("brand.endorsements", ("endorsement date", "date")),
}

#: Titles of decision makers, for ``build.senior_connections``.
SENIOR = re.compile(
    r"\b(chief|ceo|cto|cfo|coo|cmo|cio|cro|vp|svp|evp|vice[- ]president|"
    r"president|director|head of|founder|co-?founder|owner|partner|"
    r"managing director|general manager|board)\b",
    re.IGNORECASE,
)

_NOT_ACCEPTED = {"rejected", "hidden", "pending", "deleted"}


def profile_key(url: str) -> int:
    """A profile address reduced to its ``/in/<name>`` part and hashed.

    Invitations and Connections spell the same profile with or without ``www``, a trailing
    slash or a query; only the hash is kept, so no address outlives the read.
    """
    text = url.strip().lower().split("?", 1)[0].rstrip("/")
    _, found, tail = text.partition("/in/")
    return hash(tail if found else text)


def _cell(record: list[str], index: int | None) -> str:
    if index is None or index >= len(record):
        return ""
    return record[index].strip()


def read_simple(kind: str, stream: TextStream, report: FileReport, control: Control) -> DayCounts:
    metric, date_names = SIMPLE[kind]
    records = rows(stream.text, backslash_escapes=kind == "comments")
    wanted = {"date": date_names, "status": ("endorsement status", "status")}
    columns = find_header(records, wanted, ("date",))
    if kind != "endorsements" or columns["status"] is None:
        return {metric: count_days(records, columns.required("date"), report, control, stream)}
    status = columns["status"]
    per_day: Counter[date] = Counter()
    for day, record in dated(records, columns.required("date"), report, control, stream):
        if _cell(record, status).lower() in _NOT_ACCEPTED:
            report.skip("endorsement not accepted")
            continue
        per_day[day] += 1
        report.rows_used += 1
    return {metric: per_day}


INVITATION_COLUMNS = {
    "date": ("sent at", "sent on", "date"),
    "direction": ("direction",),
    "message": ("message",),
    "invitee": ("inviteeprofileurl", "invitee profile url"),
}


def read_invitations(
    stream: TextStream, report: FileReport, control: Control, outgoing: set[int]
) -> DayCounts:
    """Requests sent (with a note when Message is not empty) and invitations received.

    Fills ``outgoing`` with the hashed profiles invited, to spot acceptances in Connections.
    """
    records = rows(stream.text)
    columns = find_header(records, INVITATION_COLUMNS, ("date", "direction"))
    pick, (has_message, has_invitee) = _picker(
        columns.required("direction"), columns["message"], columns["invitee"]
    )
    sent: Counter[date] = Counter()
    noted: Counter[date] = Counter()
    received: Counter[date] = Counter()
    used = 0
    for day, record in dated(records, columns.required("date"), report, control, stream):
        try:
            way, message, invitee = pick(record)
        except IndexError:
            report.skip("incomplete row")
            continue
        way = way.strip().upper()
        if way == "OUTGOING":
            sent[day] += 1
            if has_message and message.strip():
                noted[day] += 1
            if has_invitee and invitee.strip():
                outgoing.add(profile_key(invitee))
        elif way == "INCOMING":
            received[day] += 1
        else:
            report.skip("direction neither OUTGOING nor INCOMING")
            continue
        used += 1
    report.rows_used += used
    return {
        "build.requests_sent": sent,
        "build.requests_with_note": noted,
        "build.invitations_received": received,
    }


def _picker(
    first: int, *others: int | None
) -> tuple[Callable[[list[str]], tuple[str, ...]], tuple[bool, ...]]:
    """One C call fetching several cells of a row, and which of ``others`` the file has (a
    missing column reads the ``first`` cell, to be ignored by its flag)."""
    return (
        itemgetter(first, *(first if i is None else i for i in others)),
        tuple(i is not None for i in others),
    )


CONNECTION_COLUMNS = {
    "date": ("connected on", "connected_on", "date"),
    "url": ("url", "profile url"),
    "position": ("position", "title"),
}


def read_connections(
    stream: TextStream,
    report: FileReport,
    control: Control,
    outgoing: set[int] | None,
    joined: Counter[date] | None = None,
) -> DayCounts:
    """Senior connections, and acceptances of the member's own requests.

    A connection whose profile the member invited (an OUTGOING invitation) is an acceptance,
    counted on the day they connected. Without Invitations.csv acceptances are unknown, so
    ``build.requests_accepted`` is not returned at all (rather than claimed to be zero).
    ``joined`` receives every dated connection per day, a hidden one (only a date) included.
    """
    records = rows(stream.text)
    columns = find_header(records, CONNECTION_COLUMNS, ("date",))
    date_column = columns.required("date")
    pick, (has_url, has_position) = _picker(date_column, columns["url"], columns["position"])
    accepted: Counter[date] = Counter()
    senior: Counter[date] = Counter()
    is_senior: dict[str, bool] = {}  # titles repeat: each is matched once
    used = 0
    for day, record in dated(records, date_column, report, control, stream):
        if joined is not None:
            joined[day] += 1
        try:
            _when, address, title = pick(record)
        except IndexError:
            if joined is not None:  # its date alone still makes it a connection
                used += 1
                continue
            report.skip("incomplete row")
            continue
        used += 1
        if has_position:
            verdict = is_senior.get(title)
            if verdict is None:
                verdict = is_senior[title] = SENIOR.search(title) is not None
            if verdict:
                senior[day] += 1
        if outgoing and has_url and address and profile_key(address) in outgoing:
            accepted[day] += 1
    report.rows_used += used
    # Without a Position column decision makers are unknown, not zero.
    result: DayCounts = {"build.senior_connections": senior} if has_position else {}
    if outgoing is not None:
        result["build.requests_accepted"] = accepted
    return result
