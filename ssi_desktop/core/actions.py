"""What the advice may suggest: one realistic step per thing the user does, kept as data.

Advice (``advice.py``) asks the model what each step would add; this module only says what a
step *is*. A step is a pace someone could keep up on top of what they already do — one more
filtered search a day, two more requests with a note a week — not the pace that would max a
term out.

Outcomes are metrics the user does not do: engagement received, profile views, search
appearances, followers, endorsements, accepted requests, replies and invitations received.
They are never advised directly ("get more followers" is not an action). Where an action
drives an outcome the model counts, the step carries it along at the user's own recent
conversion (replies per message sent, acceptances per request, engagement per post), so
sending more requests is judged with the acceptances it brings, not as a falling acceptance
rate. The rest only move when the user's profile and content do, which the advice covers
through the checklist and through posts and articles.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final

#: Metrics that measure what others do; advised only through the actions that drive them.
OUTCOMES: Final = frozenset(
    {
        "brand.engagement",
        "brand.profile_views",
        "brand.search_appearances",
        "brand.followers",
        "brand.endorsements",
        "build.requests_accepted",
        "build.invitations_received",
        "engage.replies_received",
    }
)


@dataclass(frozen=True, slots=True)
class Drive:
    """An outcome an action brings, at the user's rate ``outcome / Σ per`` over recent days.

    ``default_rate`` applies when the user has no history to measure it on; ``max_rate`` keeps
    one lucky week from promising the moon.
    """

    outcome: str
    per: tuple[str, ...]
    default_rate: float
    max_rate: float


@dataclass(frozen=True, slots=True)
class Step:
    key: str
    pillar: str
    #: Plain-language action with ``{n}`` for the count, per ``period``.
    label: str
    count: float
    period: int  # days: 1 = a day, 7 = a week, 30 = a month
    #: Every metric the step adds per occurrence (a request with a note is also a request).
    adds: dict[str, float]
    drives: tuple[Drive, ...] = field(default_factory=tuple)

    @property
    def per_day(self) -> float:
        return self.count / self.period


_ENGAGEMENT = Drive("brand.engagement", ("brand.posts", "brand.articles"), 5.0, 500.0)
_ACCEPTED = Drive("build.requests_accepted", ("build.requests_sent",), 0.3, 1.0)
_REPLIES = Drive("engage.replies_received", ("engage.messages_sent",), 0.3, 1.0)

STEPS: Final[tuple[Step, ...]] = (
    Step(
        "brand.posts", "brand", "Publish {n} posts a week", 2, 7, {"brand.posts": 1}, (_ENGAGEMENT,)
    ),
    Step(
        "brand.articles",
        "brand",
        "Publish {n} article a month",
        1,
        30,
        {"brand.articles": 1},
        (_ENGAGEMENT,),
    ),
    Step("find.searches", "find", "Run {n} people searches a day", 3, 1, {"find.searches": 1}),
    Step(
        "find.filtered_searches",
        "find",
        "Run {n} filtered searches a day",
        2,
        1,
        {"find.filtered_searches": 1},
    ),
    Step(
        "find.profiles_viewed",
        "find",
        "View {n} relevant profiles a day",
        5,
        1,
        {"find.profiles_viewed": 1},
    ),
    Step("find.leads_saved", "find", "Save {n} lead a day", 1, 1, {"find.leads_saved": 1}),
    Step("engage.comments", "engage", "Write {n} comments a day", 2, 1, {"engage.comments": 1}),
    Step("engage.shares", "engage", "Share {n} posts of others a week", 3, 7, {"engage.shares": 1}),
    Step("engage.reactions", "engage", "React to {n} posts a day", 5, 1, {"engage.reactions": 1}),
    Step(
        "engage.group_posts",
        "engage",
        "Post or comment in a group {n} times a week",
        2,
        7,
        {"engage.group_posts": 1},
    ),
    Step(
        "engage.messages_sent",
        "engage",
        "Send {n} messages a day",
        2,
        1,
        {"engage.messages_sent": 1},
        (_REPLIES,),
    ),
    Step(
        "build.requests_sent",
        "build",
        "Send {n} connection requests a day",
        2,
        1,
        {"build.requests_sent": 1},
        (_ACCEPTED,),
    ),
    Step(
        "build.requests_with_note",
        "build",
        "Send {n} connection requests with a personal note a day",
        2,
        1,
        {"build.requests_sent": 1, "build.requests_with_note": 1},
        (_ACCEPTED,),
    ),
    Step(
        "build.senior_connections",
        "build",
        "Connect with {n} decision makers a week",
        2,
        7,
        {
            "build.requests_sent": 1,
            "build.requests_with_note": 1,
            "build.requests_accepted": 1,
            "build.senior_connections": 1,
        },
    ),
)
