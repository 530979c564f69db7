"""Rows of the export's activity files → per-day counts of catalogue metrics.

Each reader streams one file and returns its counts as ``metric → Counter(day → n)``. Only
dates, counts and, transiently, hashed profile addresses are held: no names, e-mails or text.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from datetime import date
from itertools import chain, islice

from ..validation import EARLIEST_DATE, today
from .archive import TextStream
from .control import TICK_ROWS, Control
from .dates import SAMPLE_SIZE, detect_format, moment
from .readers import Columns, find_header, rows
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


def dated(
    records: Iterator[list[str]],
    column: int,
    report: FileReport,
    control: Control,
    stream: TextStream,
) -> Iterator[tuple[date, list[str]]]:
    """Rows with a readable, plausible date; the others are counted in ``report`` by reason.

    The first rows are buffered (a bounded sample) to detect the file's date format.
    """
    head = list(islice(records, SAMPLE_SIZE))
    fmt = detect_format(r[column] for r in head if len(r) > column)
    report.date_format = fmt.name if fmt else None
    earliest, latest = EARLIEST_DATE, today()
    before = f"date before {EARLIEST_DATE.isoformat()}"
    for record in chain(head, records):
        if not record or (len(record) == 1 and not record[0].strip()):
            continue
        report.rows_read += 1
        if not report.rows_read % TICK_ROWS:
            control.tick(stream)
        if len(record) <= column or not record[column].strip():
            report.skip("no date")
            continue
        day = fmt.day(record[column]) if fmt else None
        if day is None:
            report.skip("unreadable date")
        elif day < earliest:
            report.skip(before)
        elif day > latest:
            report.skip("date in the future")
        else:
            report.saw(day)
            yield day, record


def _cell(record: list[str], index: int | None) -> str:
    if index is None or index >= len(record):
        return ""
    return record[index].strip()


def read_simple(kind: str, stream: TextStream, report: FileReport, control: Control) -> DayCounts:
    metric, date_names = SIMPLE[kind]
    records = rows(stream.text, backslash_escapes=kind == "comments")
    wanted = {"date": date_names, "status": ("endorsement status", "status")}
    columns = find_header(records, wanted, ("date",))
    status = columns["status"] if kind == "endorsements" else None
    per_day: Counter[date] = Counter()
    for day, record in dated(records, columns["date"], report, control, stream):
        if status is not None and _cell(record, status).lower() in _NOT_ACCEPTED:
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
    direction, message, invitee = columns["direction"], columns["message"], columns["invitee"]
    sent: Counter[date] = Counter()
    noted: Counter[date] = Counter()
    received: Counter[date] = Counter()
    for day, record in dated(records, columns["date"], report, control, stream):
        way = _cell(record, direction).upper()
        if way == "OUTGOING":
            sent[day] += 1
            if _cell(record, message):
                noted[day] += 1
            url = _cell(record, invitee)
            if url:
                outgoing.add(profile_key(url))
        elif way == "INCOMING":
            received[day] += 1
        else:
            report.skip("direction neither OUTGOING nor INCOMING")
            continue
        report.rows_used += 1
    return {
        "build.requests_sent": sent,
        "build.requests_with_note": noted,
        "build.invitations_received": received,
    }


CONNECTION_COLUMNS = {
    "date": ("connected on", "connected_on", "date"),
    "url": ("url", "profile url"),
    "position": ("position", "title"),
}


def read_connections(
    stream: TextStream, report: FileReport, control: Control, outgoing: set[int] | None
) -> DayCounts:
    """Senior connections, and acceptances of the member's own requests.

    A connection whose profile the member invited (an OUTGOING invitation) is an acceptance,
    counted on the day they connected. Without Invitations.csv acceptances are unknown, so
    ``build.requests_accepted`` is not returned at all (rather than claimed to be zero).
    """
    records = rows(stream.text)
    columns = find_header(records, CONNECTION_COLUMNS, ("date",))
    url, position = columns["url"], columns["position"]
    accepted: Counter[date] = Counter()
    senior: Counter[date] = Counter()
    for day, record in dated(records, columns["date"], report, control, stream):
        report.rows_used += 1
        if SENIOR.search(_cell(record, position)):
            senior[day] += 1
        if outgoing:
            address = _cell(record, url)
            if address and profile_key(address) in outgoing:
                accepted[day] += 1
    result: DayCounts = {"build.senior_connections": senior}
    if outgoing is not None:
        result["build.requests_accepted"] = accepted
    return result


MESSAGE_COLUMNS = {
    "conversation": ("conversation id",),
    "from": ("from",),
    "sender": ("sender profile url",),
    "date": ("date",),
    "draft": ("is message draft",),
}


class MessageOwner:
    """Who the member is in messages.csv, and when they first wrote in each conversation.

    The member is the sender found in the most conversations (they are in all of theirs);
    the name from Profile.csv breaks a tie or stands in when the file has no sender URLs.
    """

    def __init__(self, owner_name: str | None) -> None:
        self.owner_name = (owner_name or "").strip().lower()
        self.first_said: dict[str, dict[str, str]] = {}
        self.owner: str | None = None

    def learn(self, stream: TextStream, control: Control) -> None:
        records = rows(stream.text)
        columns = find_header(records, MESSAGE_COLUMNS, ("date",))
        scratch = FileReport("", "")
        conv, when = columns["conversation"], columns["date"]
        for day, record in dated(records, when, scratch, control, stream):
            if _is_draft(record, columns):
                continue
            who = _sender(record, columns)
            if not who:
                continue
            said = self.first_said.setdefault(_cell(record, conv), {})
            stamp = moment(record[when], day)
            if who not in said or stamp < said[who]:
                said[who] = stamp
        reach: Counter[str] = Counter()
        for said in self.first_said.values():
            reach.update(said.keys())
        if not reach:
            return
        ranked = reach.most_common()
        top = [who for who, n in ranked if n == ranked[0][1]]
        named = [who for who in top if who == f"name:{self.owner_name}"]
        self.owner = named[0] if named else min(top)


def _sender(record: list[str], columns: Columns) -> str:
    url = _cell(record, columns["sender"])
    if url:
        return f"url:{profile_key(url)}"
    name = _cell(record, columns["from"])
    return f"name:{name.lower()}" if name else ""


def _is_draft(record: list[str], columns: Columns) -> bool:
    return _cell(record, columns["draft"]).lower() in {"yes", "true"}


def read_messages(
    stream: TextStream, report: FileReport, control: Control, owner: MessageOwner
) -> DayCounts:
    """Messages the member sent, and replies: messages received in a conversation after the
    member had written in it."""
    records = rows(stream.text)
    columns = find_header(records, MESSAGE_COLUMNS, ("date",))
    conv, when = columns["conversation"], columns["date"]
    sent: Counter[date] = Counter()
    replies: Counter[date] = Counter()
    for day, record in dated(records, when, report, control, stream):
        if _is_draft(record, columns):
            report.skip("draft")
            continue
        who = _sender(record, columns)
        if who == owner.owner:
            sent[day] += 1
        else:
            first = owner.first_said.get(_cell(record, conv), {}).get(owner.owner or "")
            if first is not None and first < moment(record[when], day):
                replies[day] += 1
        report.rows_used += 1
    return {"engage.messages_sent": sent, "engage.replies_received": replies}
