"""messages.csv → messages the member sent and replies received, per day.

Only days, counts and, for the length of the read, sender addresses or names are held.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import date
from itertools import chain, islice
from operator import itemgetter

from .archive import TextStream
from .control import TICK_ROWS, Control
from .counts import DayCounts
from .dated_rows import DayJudge
from .dates import SAMPLE_SIZE
from .readers import find_header, rows
from .report import FileReport

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
