"""Rows of the export's activity files → per-day counts of catalogue metrics.

Each reader streams one file and returns its counts as ``metric → Counter(day → n)``. Only
dates, counts and, transiently, hashed profile addresses are held: no names, e-mails or text.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import date
from itertools import chain, islice
from operator import itemgetter

from ..validation import EARLIEST_DATE, today
from .archive import TextStream
from .control import TICK_ROWS, Control
from .dates import ISO, SAMPLE_SIZE, DateFormat, detect_format
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


class DayJudge:
    """Per-file date checking: the format found in the file's first rows, and a verdict
    (a day, or the reason to skip) cached per distinct day part, so a row costs a slice and
    a dictionary lookup (spec §8: the import stays within a small factor of a csv read)."""

    def __init__(
        self, head: list[list[str]], column: int, report: FileReport, control: Control
    ) -> None:
        self.fmt = detect_format(r[column] for r in head if len(r) > column)
        report.date_format = self.fmt.name if self.fmt else None
        self.key = self.fmt.key if self.fmt else str.strip
        #: This file's verdicts (its span of days comes from them) over the import's,
        #: shared by every file of the same format: ten files of ten years share 3,650 days.
        self.verdicts: dict[str, date | str] = {}
        self._shared = control.verdicts.setdefault(report.date_format or "", {})
        self.latest = today()
        self.iso = self.fmt is not None and self.fmt.name == ISO.name
        self._report = report

    def miss(self, value: str) -> date | str:
        """The verdict for a value whose day part has not been seen yet."""
        clean = self.key(value.strip())
        verdict = self._shared.get(clean)
        if verdict is None:
            verdict = self._shared[clean] = _judge(self.fmt, clean, self.latest)
        if clean == self.key(value):  # a padded value is judged alone, never cached
            self.verdicts[clean] = verdict
        return verdict

    def finish(self) -> None:
        days = [v for v in self.verdicts.values() if isinstance(v, date)]
        if days:
            self._report.saw(min(days))
            self._report.saw(max(days))


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
    judge = DayJudge(head, column, report, control)
    key, lookup, miss = judge.key, judge.verdicts.get, judge.miss
    skipped = report.skipped
    read = 0
    countdown = TICK_ROWS
    try:
        for record in chain(head, records):
            try:
                value = record[column]
            except IndexError:
                if record and any(cell.strip() for cell in record):
                    read += 1
                    skipped["no date"] += 1
                continue
            read += 1
            countdown -= 1
            if not countdown:
                countdown = TICK_ROWS
                control.tick(stream)
            verdict = lookup(key(value)) or miss(value)
            if verdict.__class__ is str:
                skipped[verdict] += 1
            else:
                yield verdict, record  # type: ignore[misc]
    finally:
        report.rows_read += read
        judge.finish()


_BEFORE = f"date before {EARLIEST_DATE.isoformat()}"


def _judge(fmt: DateFormat | None, part: str, latest: date) -> date | str:
    """A day, or the reason a row with this date part is skipped."""
    if not part:
        return "no date"
    day = fmt.parse(part) if fmt else None
    if day is None:
        return "unreadable date"
    if day < EARLIEST_DATE:
        return _BEFORE
    if day > latest:
        return "date in the future"
    return day


def _cell(record: list[str], index: int | None) -> str:
    if index is None or index >= len(record):
        return ""
    return record[index].strip()


def count_days(
    records: Iterator[list[str]],
    column: int,
    report: FileReport,
    control: Control,
    stream: TextStream,
) -> Counter[date]:
    """Rows per day of a file whose rows each count once: the same result as counting what
    :func:`dated` yields, but the per-row work runs in C.

    Rows are taken in bounded chunks; within a chunk the date cells are cut to their day
    part by ``map`` and tallied by ``Counter``, then each distinct part is judged once.
    A chunk with a short or blank row falls back to row by row.
    """
    head = list(islice(records, SAMPLE_SIZE))
    judge = DayJudge(head, column, report, control)
    key = judge.key
    pick = itemgetter(column)
    strip = str.strip
    parts: Counter[str] = Counter()
    source = chain(head, records)
    while chunk := list(islice(source, TICK_ROWS)):
        try:
            parts.update(map(key, map(strip, map(pick, chunk))))
            report.rows_read += len(chunk)
        except IndexError:
            for record in chunk:
                if len(record) > column:
                    parts[key(record[column].strip())] += 1
                    report.rows_read += 1
                elif any(cell.strip() for cell in record):
                    report.rows_read += 1
                    report.skip("no date")
        control.tick(stream)
    per_day: Counter[date] = Counter()
    for part, n in parts.items():
        verdict = judge.verdicts.get(part) or judge.miss(part)
        if isinstance(verdict, str):
            report.skipped[verdict] += n
        else:
            per_day[verdict] += n
    judge.finish()
    report.rows_used += sum(per_day.values())
    return per_day


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


MESSAGE_COLUMNS = {
    "conversation": ("conversation id",),
    "from": ("from",),
    "sender": ("sender profile url",),
    "date": ("date",),
    "draft": ("is message draft",),
}


_YES_START = frozenset("YyTt")
_YES = frozenset(("yes", "true"))


class _Messages:
    """messages.csv read row by row with the least Python per row.

    It is usually the export's biggest file and is read twice (see :class:`MessageOwner`),
    so each row is one C call fetching its cells plus dictionary lookups; this is what keeps
    the whole import within spec §8's 3 × a bare csv read.
    """

    def __init__(self, stream: TextStream, report: FileReport, control: Control) -> None:
        self.records = rows(stream.text)
        columns = find_header(self.records, MESSAGE_COLUMNS, ("date",))
        self.head = list(islice(self.records, SAMPLE_SIZE))
        self.judge = DayJudge(self.head, columns.required("date"), report, control)
        wanted = (columns["conversation"], columns["sender"], columns["from"], columns["draft"])
        # A missing column reads the date cell instead and is then ignored.
        self.flags = tuple(i is not None for i in wanted)
        self.pick = itemgetter(
            columns.required("date"),
            *(columns.required("date") if i is None else i for i in wanted),
        )
        self.report, self.control, self.stream = report, control, stream

    def __iter__(self) -> Iterator[tuple[date, str, str, str]]:
        """(day, conversation, sender, moment) of each dated, non-draft message."""
        has_conversation, has_url, has_name, has_draft = self.flags
        pick, key = self.pick, self.judge.key
        lookup, miss = self.judge.verdicts.get, self.judge.miss
        skipped = self.report.skipped
        iso = self.judge.iso
        read = 0
        countdown = TICK_ROWS
        try:
            for record in chain(self.head, self.records):
                try:
                    when, conversation, url, name, flag = pick(record)
                except IndexError:
                    if record and any(cell.strip() for cell in record):
                        read += 1
                        skipped["incomplete row"] += 1
                    continue
                read += 1
                countdown -= 1
                if not countdown:
                    countdown = TICK_ROWS
                    self.control.tick(self.stream)
                day = lookup(key(when)) or miss(when)
                if day.__class__ is str:
                    skipped[day] += 1
                    continue
                if has_draft and flag[:1] in _YES_START and flag.strip().lower() in _YES:
                    skipped["draft"] += 1
                    continue
                if not has_url or not url:
                    url = f"name:{name.strip().lower()}" if has_name and name.strip() else ""
                yield (
                    day,
                    conversation if has_conversation else "",  # type: ignore[misc]
                    url,
                    when if iso else day.isoformat(),  # type: ignore[union-attr]
                )
        finally:
            self.report.rows_read += read
            self.judge.finish()


class NotNewestFirst(Exception):
    """A conversation in messages.csv is not listed newest first: one pass cannot count it."""


def _owner(conversations_of: Counter[str], owner_name: str) -> str | None:
    """The sender in the most conversations; the Profile.csv name breaks a tie."""
    if not conversations_of:
        return None
    ranked = conversations_of.most_common()
    top = [who for who, n in ranked if n == ranked[0][1]]
    named = [who for who in top if who == f"name:{owner_name.strip().lower()}"]
    return named[0] if named else min(top)


def read_messages_once(
    stream: TextStream, report: FileReport, control: Control, owner_name: str
) -> DayCounts | None:
    """Messages sent and replies received in one pass, holding only per-day counters.

    LinkedIn lists each conversation newest first. Read that way, when a sender's message
    arrives every message already seen in its conversation is later, so what is needed to
    count replies once the member is known is, per conversation and sender, their messages
    per day, the day of their earliest message, and how many messages of others were
    already seen on that day. Raises :class:`NotNewestFirst` on any other order (the caller
    then makes two passes); returns None when no sender can be told apart.
    """
    # Per conversation: [latest moment seen, messages per day, per sender: messages per day,
    # per sender: (day of their earliest message, others' messages already seen that day),
    # per sender: messages seen at the latest moment]. Messages of one moment (sent in the
    # same second) are no reply to each other, as in the two-pass count (``first < when``).
    # Plain dicts and one lookup per conversation: this loop runs once per message.
    conversations: dict[str, list] = {}  # type: ignore[type-arg]
    used = 0
    for day, conversation, who, when in _Messages(stream, report, control):
        used += 1
        state = conversations.get(conversation)
        if state is None:
            state = conversations[conversation] = [when, {}, {}, {}, {}]
        elif when < state[0]:
            state[0] = when
            state[4] = {}
        elif when != state[0]:
            raise NotNewestFirst
        per_day = state[1]
        mine = state[2].get(who)
        if mine is None:
            mine = state[2][who] = {}
        seen = per_day.get(day, 0)
        mine_seen = mine.get(day, 0)
        ties = state[4]
        if who:
            same_moment = sum(ties.values()) - ties.get(who, 0) if ties else 0
            state[3][who] = (day, seen - mine_seen - same_moment)
        ties[who] = ties.get(who, 0) + 1
        per_day[day] = seen + 1
        mine[day] = mine_seen + 1
    report.rows_used += used
    me = _owner(Counter(chain.from_iterable(s[3] for s in conversations.values())), owner_name)
    if me is None:
        return None
    sent: Counter[date] = Counter()
    replies: Counter[date] = Counter()
    for _latest, per_day, by_sender, earliest, _ties in conversations.values():
        if me not in earliest:
            continue
        first_day, others_before = earliest[me]
        mine = by_sender[me]
        sent.update(mine)
        for day, n in per_day.items():
            if day > first_day:
                replies[day] += n - mine.get(day, 0)
        replies[first_day] += others_before
    return {"engage.messages_sent": sent, "engage.replies_received": +replies}


class MessageOwner:
    """Who the member is in messages.csv, and when they first wrote in each conversation.

    The member is the sender found in the most conversations (they are in all of theirs);
    the name from Profile.csv breaks a tie. Learning this takes a first pass over the file:
    holding its rows instead would cost memory in proportion to the file. Sender addresses
    and names live only in this object, for the length of the read.
    """

    def __init__(self, owner_name: str | None) -> None:
        self.owner_name = (owner_name or "").strip().lower()
        self.first_said: dict[str, dict[str, str]] = {}
        self.owner: str | None = None

    def learn(self, stream: TextStream, control: Control) -> None:
        first_said = self.first_said
        for _day, conversation, who, when in _Messages(stream, FileReport("", ""), control):
            if not who:
                continue
            said = first_said.get(conversation)
            if said is None:
                said = first_said[conversation] = {}
            if when < said.get(who, "~"):
                said[who] = when
        self.owner = _owner(Counter(chain.from_iterable(first_said.values())), self.owner_name)


def read_messages(
    stream: TextStream, report: FileReport, control: Control, owner: MessageOwner
) -> DayCounts:
    """Messages the member sent, and replies: messages received in a conversation after the
    member had written in it."""
    me = owner.owner or ""
    mine = {conversation: said[me] for conversation, said in owner.first_said.items() if me in said}
    sent: Counter[date] = Counter()
    replies: Counter[date] = Counter()
    used = 0
    for day, conversation, who, when in _Messages(stream, report, control):
        used += 1
        if who == me:
            sent[day] += 1
        else:
            first = mine.get(conversation)
            if first is not None and first < when:
                replies[day] += 1
    report.rows_used += used
    return {"engage.messages_sent": sent, "engage.replies_received": replies}
