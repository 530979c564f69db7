"""The metric catalogue: the single source of truth for every input SSI Desktop records.

Forms, CSV columns, the CLI's ``metrics`` listing, validation and the docs are all generated
from the tuples below, so adding a metric is a one-line change here (plus its scoring term in
``parameters.py`` if it should count).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

PILLARS: Final = ("brand", "find", "engage", "build")

PILLAR_LABELS: Final = {
    "brand": "Establish your professional brand",
    "find": "Find the right people",
    "engage": "Engage with insights",
    "build": "Build relationships",
}

PILLAR_MAX: Final = 25.0


@dataclass(frozen=True, slots=True)
class Metric:
    key: str
    pillar: str
    label: str
    help: str
    max_per_day: int


METRICS: Final[tuple[Metric, ...]] = (
    Metric("brand.posts", "brand", "Posts published", "Posts you published today.", 50),
    Metric(
        "brand.articles",
        "brand",
        "Articles published",
        "Long-form articles you published today.",
        10,
    ),
    Metric(
        "brand.engagement",
        "brand",
        "Engagement received",
        "Reactions, comments and reposts your content received today.",
        100_000,
    ),
    Metric(
        "brand.profile_views",
        "brand",
        "Profile views",
        "Times people viewed your profile today.",
        10_000,
    ),
    Metric(
        "brand.search_appearances",
        "brand",
        "Search appearances",
        "Times you appeared in LinkedIn search results today.",
        100_000,
    ),
    Metric(
        "brand.followers", "brand", "New followers", "People who started following you.", 10_000
    ),
    Metric(
        "brand.endorsements",
        "brand",
        "Endorsements received",
        "Skill endorsements you received today.",
        1_000,
    ),
    Metric(
        "find.searches",
        "find",
        "People searches",
        "People searches you ran without filters.",
        1_000,
    ),
    Metric(
        "find.filtered_searches",
        "find",
        "Filtered searches",
        "Searches with filters, or in Sales Navigator.",
        1_000,
    ),
    Metric(
        "find.profiles_viewed",
        "find",
        "Profiles viewed",
        "Profiles of relevant people you viewed.",
        5_000,
    ),
    Metric("find.leads_saved", "find", "Leads saved", "Leads or accounts you saved.", 1_000),
    # LinkedIn counts "days active" in Find; the export's Logins.csv gives them (spec §3.17).
    Metric(
        "find.days_active",
        "find",
        "Active on LinkedIn",
        "1 if you used LinkedIn on this day, 0 if not.",
        1,
    ),
    Metric(
        "engage.shares",
        "engage",
        "Shares",
        "Posts or articles of others that you shared or reposted.",
        500,
    ),
    Metric(
        "engage.comments",
        "engage",
        "Comments written",
        "Comments you wrote on others' posts.",
        1_000,
    ),
    Metric(
        "engage.reactions",
        "engage",
        "Reactions given",
        "Reactions you gave (like, celebrate, insightful …).",
        5_000,
    ),
    Metric(
        "engage.group_posts",
        "engage",
        "Group posts",
        "Posts and comments you wrote in groups.",
        500,
    ),
    Metric("engage.messages_sent", "engage", "Messages sent", "Messages you sent.", 2_000),
    Metric(
        "engage.replies_received",
        "engage",
        "Replies received",
        "Replies you received to your messages.",
        2_000,
    ),
    Metric(
        "build.requests_sent",
        "build",
        "Connection requests sent",
        "Connection requests you sent.",
        200,
    ),
    Metric(
        "build.requests_with_note",
        "build",
        "Requests with a note",
        "Of the requests you sent, how many carried a personal note.",
        200,
    ),
    Metric(
        "build.requests_accepted",
        "build",
        "Requests accepted",
        "Of your connection requests, how many were accepted today.",
        1_000,
    ),
    Metric(
        "build.invitations_received",
        "build",
        "Invitations received",
        "Connection invitations you received.",
        1_000,
    ),
    Metric(
        "build.senior_connections",
        "build",
        "Senior connections",
        "New connections with decision makers (director, VP, C-level, owner).",
        500,
    ),
)

METRIC_KEYS: Final[tuple[str, ...]] = tuple(m.key for m in METRICS)
METRIC_INDEX: Final[dict[str, int]] = {key: i for i, key in enumerate(METRIC_KEYS)}
METRICS_BY_KEY: Final[dict[str, Metric]] = {m.key: m for m in METRICS}


def metrics_for(pillar: str) -> tuple[Metric, ...]:
    """The catalogue's metrics of one pillar, in catalogue order."""
    return tuple(m for m in METRICS if m.pillar == pillar)


@dataclass(frozen=True, slots=True)
class ProfileItem:
    key: str
    label: str
    help: str


PROFILE_ITEMS: Final[tuple[ProfileItem, ...]] = (
    ProfileItem("photo", "Profile photo", "A clear, professional photo."),
    ProfileItem("banner", "Background banner", "A custom background image."),
    ProfileItem("headline", "Headline", "A headline that says what you do and for whom."),
    ProfileItem("about", "About section", "A summary in your own words."),
    ProfileItem(
        "current_position", "Current position", "Your current job with dates and a description."
    ),
    ProfileItem("past_positions", "Past positions", "Earlier jobs with dates and descriptions."),
    ProfileItem("education", "Education", "Schools and degrees."),
    ProfileItem("skills", "Skills", "At least five skills."),
    ProfileItem("media", "Media", "Video, documents or links in your featured section."),
    ProfileItem("recommendations", "Recommendations", "At least one recommendation received."),
    ProfileItem("custom_url", "Custom URL", "A personalised public profile address."),
    ProfileItem("contact_info", "Contact info", "Ways to reach you besides LinkedIn."),
)

PROFILE_KEYS: Final[tuple[str, ...]] = tuple(item.key for item in PROFILE_ITEMS)


@dataclass(frozen=True, slots=True)
class Total:
    """A number LinkedIn shows as a running total or a rolling window (spec §2, kind ``total``).

    Recorded as dated snapshots, never split into days; ``parent`` is the total it may not
    exceed (decision makers are a part of all connections).
    """

    key: str
    label: str
    help: str
    maximum: int
    parent: str | None = None


TOTALS: Final[tuple[Total, ...]] = (
    Total(
        "totals.connections",
        "Connections",
        "Your connections, in all, as your profile shows them.",
        30_000,
    ),
    Total(
        "totals.senior_connections",
        "Decision makers among them",
        "Of your connections, VPs, directors, heads of, C-level, owners, founders, partners.",
        30_000,
        parent="totals.connections",
    ),
    Total(
        "totals.followers",
        "Followers",
        "Your followers, in all.",
        100_000_000,
    ),
    Total(
        "totals.profile_viewers_90d",
        "Profile viewers (90 days)",
        '"Who viewed your profile": viewers in the past 90 days.',
        10_000_000,
    ),
    Total(
        "totals.search_appearances_7d",
        "Search appearances (7 days)",
        "Search appearances in the past 7 days.",
        10_000_000,
    ),
)

TOTAL_KEYS: Final[tuple[str, ...]] = tuple(t.key for t in TOTALS)
TOTALS_BY_KEY: Final[dict[str, Total]] = {t.key: t for t in TOTALS}


@dataclass(frozen=True, slots=True)
class Setting:
    """A yes/no choice of the member's that changes what the model and advice assume."""

    key: str
    label: str
    help: str
    default: bool


SETTINGS: Final[tuple[Setting, ...]] = (
    Setting(
        "warm_start",
        "Warm start",
        "You were already active on LinkedIn before your first record: the estimate starts "
        "from what your first weeks show instead of from nothing.",
        True,
    ),
    Setting(
        "sales_navigator",
        "Sales Navigator",
        "You have Sales Navigator: its searches, leads and accounts count and may be advised.",
        False,
    ),
)

SETTING_KEYS: Final[tuple[str, ...]] = tuple(s.key for s in SETTINGS)

#: Sources of activity counts. Imported counts live apart from typed ones so a re-import
#: replaces its own earlier counts instead of adding to what the user typed.
SOURCES: Final = ("manual", "linkedin", "csv", "creator")
SOURCE_LABELS: Final = {
    "manual": "Manual",
    "linkedin": "LinkedIn export",
    "csv": "CSV",
    "creator": "Creator Analytics",
}
