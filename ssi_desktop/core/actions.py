"""What the advice may suggest: one realistic step per thing the member does, kept as data.

Advice (``advice.py``) asks the model what each step would add; this module only says what a
step *is*. A step is a pace someone could keep up on top of what they already do — two more
filtered searches a day, two more requests with a note a day — not the pace that would max a
term out.

Outcomes are metrics the member does not do: engagement received, profile views, search
appearances, followers, endorsements, accepted requests, replies and invitations received.
They are never advised directly ("get more followers" is not an action). Where an action
drives an outcome the model counts, the step carries it along at the member's *own* recent
rate (replies per message, acceptances per request, engagement per post), so an SDR whose
requests are accepted 8 % of the time is promised what 8 % brings, not what 40 % would.

Two steps improve a rate instead of adding volume: a personal note on the requests the member
already sends, and messages better aimed at people who already engage with them. They act on
the member's own future volume (carry on as in the last four weeks) and add only the outcomes
the better rate brings. Sales Navigator steps are offered only to members who have it.
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
        "build.senior_connections",
        "engage.replies_received",
    }
)

#: How much more often a request with a personal note is accepted than one without. Sales
#: coaching figures range from about 1.3× to 2×; the lower half keeps the promise modest.
NOTE_UPLIFT: Final = 1.5
#: How much more often a message to someone who already engaged with you is answered.
TARGETING_UPLIFT: Final = 1.5


@dataclass(frozen=True, slots=True)
class Drive:
    """An outcome an action brings, at the member's rate ``outcome / Σ per`` over recent days.

    ``default_rate`` applies when there is no history to measure it on; ``max_rate`` keeps one
    lucky week from promising the moon. ``lift`` multiplies the member's own rate for this
    step (a note on a request). Where part of the past volume already had that lift
    (``lifted`` counts it: requests sent with a note, at :data:`NOTE_UPLIFT`), the member's
    base rate is solved from the mix, so a member who already adds notes is not credited with
    the uplift twice.
    """

    outcome: str
    per: tuple[str, ...]
    noun: str
    default_rate: float
    max_rate: float
    lift: float = 1.0
    lifted: str = ""
    #: The metric the rate is measured on, when not the outcome itself (a new decision maker
    #: in your network is an accepted request: it comes at your acceptance rate).
    measured: str = ""


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
    #: Offered only to members with Sales Navigator (``sales_navigator=yes``).
    sales_navigator: bool = False
    #: A rate-improving step: its occurrences are the member's own future volume of this
    #: metric (less what already has the lift), and its drives add only the better rate's gain.
    improves: str = ""
    #: The label for members with Sales Navigator, where the same step is done there.
    navigator_label: str = ""

    @property
    def per_day(self) -> float:
        return self.count / self.period

    @property
    def inputs(self) -> tuple[str, ...]:
        """The catalogue keys the step changes: what it adds and the outcomes it brings."""
        keys = [*self.adds, *(d.outcome for d in self.drives)]
        return tuple(dict.fromkeys(keys))


_ENGAGEMENT = Drive(
    "brand.engagement", ("brand.posts", "brand.articles"), "reactions and comments", 5.0, 500.0
)
_ACCEPTED = Drive(
    "build.requests_accepted", ("build.requests_sent",), "accepted", 0.3, 1.0,
    lifted="build.requests_with_note",
)  # fmt: skip
_ACCEPTED_NOTE = Drive(
    "build.requests_accepted", ("build.requests_sent",), "accepted", 0.3, 1.0,
    lift=NOTE_UPLIFT, lifted="build.requests_with_note",
)  # fmt: skip
_SENIOR_NOTE = Drive(
    "build.senior_connections", ("build.requests_sent",), "new decision makers", 0.3, 1.0,
    lift=NOTE_UPLIFT, lifted="build.requests_with_note", measured="build.requests_accepted",
)  # fmt: skip
_REPLIES = Drive("engage.replies_received", ("engage.messages_sent",), "replies", 0.3, 1.0)
_REPLIES_TARGETED = Drive(
    "engage.replies_received", ("engage.messages_sent",), "replies", 0.3, 1.0,
    lift=TARGETING_UPLIFT,
)  # fmt: skip

STEPS: Final[tuple[Step, ...]] = (
    Step("brand.posts", "brand", "Publish {n} posts a week", 2, 7, {"brand.posts": 1},
         (_ENGAGEMENT,)),
    Step("brand.articles", "brand", "Publish {n} article a month", 1, 30,
         {"brand.articles": 1}, (_ENGAGEMENT,)),
    Step("find.searches", "find", "Run {n} people searches a day", 3, 1, {"find.searches": 1}),
    Step("find.filtered_searches", "find", "Run {n} people searches with filters a day", 2, 1,
         {"find.filtered_searches": 1},
         navigator_label="Run {n} Sales Navigator searches a day"),
    Step("find.profiles_viewed", "find", "View {n} relevant profiles a day", 5, 1,
         {"find.profiles_viewed": 1}),
    Step("find.leads_saved", "find", "Save {n} lead or account a day in Sales Navigator", 1, 1,
         {"find.leads_saved": 1}, sales_navigator=True),
    Step("engage.comments", "engage", "Write {n} comments a day", 2, 1, {"engage.comments": 1}),
    Step("engage.shares", "engage", "Share {n} posts of others a week", 3, 7,
         {"engage.shares": 1}),
    Step("engage.reactions", "engage", "React to {n} posts a day", 5, 1,
         {"engage.reactions": 1}),
    Step("engage.group_posts", "engage", "Post or comment in a group {n} times a week", 2, 7,
         {"engage.group_posts": 1}),
    Step("engage.messages_sent", "engage", "Send {n} messages a day", 2, 1,
         {"engage.messages_sent": 1}, (_REPLIES,)),
    Step("engage.targeted_messages", "engage",
         "Aim your messages at people who already engage with you", 0, 1, {},
         (_REPLIES_TARGETED,), improves="engage.messages_sent"),
    Step("build.requests_sent", "build", "Send {n} connection requests a day", 2, 1,
         {"build.requests_sent": 1}, (_ACCEPTED,)),
    Step("build.requests_with_note", "build",
         "Send {n} connection requests with a personal note a day", 2, 1,
         {"build.requests_sent": 1, "build.requests_with_note": 1}, (_ACCEPTED_NOTE,)),
    Step("build.add_note", "build", "Add a personal note to the requests you send", 0, 1,
         {"build.requests_with_note": 1}, (_ACCEPTED_NOTE,), improves="build.requests_sent"),
    Step("build.decision_makers", "build",
         "Send {n} requests with a note to decision makers a week", 2, 7,
         {"build.requests_sent": 1, "build.requests_with_note": 1},
         (_ACCEPTED_NOTE, _SENIOR_NOTE)),
)  # fmt: skip
