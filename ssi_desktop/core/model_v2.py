"""Model v2 as data: the default model (spec §3.11–§3.16).

What changed from v1, and why (``docs/scoring.md`` explains every number):

* **Stocks.** The network is a stock, not a flow: Build's connections and decision makers are
  the totals LinkedIn shows (``totals.*``), interpolated between snapshots, or — when the member
  never copied them — the connections their recorded days add up to. Followers in Brand alike.
* **Rolling windows.** Profile viewers in 90 days and search appearances in 7 days are paces
  too; a day uses the larger of the two kinds of evidence, never their sum.
* **Warm start.** Each pace starts at what the member's first four weeks show (``warm_days``).
* **Spikes.** One day counts at most ``spike`` × the reference pace: no single day buys a pillar.
* **Evidence.** A rate counts in proportion to the volume behind it (``evidence``).
* **References.** Engagement's reference is a seller's good week, not a first reaction, so a
  creator and a seller who posts weekly no longer look the same.
"""

from __future__ import annotations

from typing import Any, Final

from .model_v1 import MODEL_V1, OWN_ACTIONS

#: Days at the start of the records that set where each pace begins (warm start).
WARM_DAYS: Final = 28


def _pace(
    name: str,
    pillar: str,
    weight: float,
    label: str,
    inputs: dict[str, float],
    half_life: float,
    reference: float,
    spike: float = 10,
    **extra: Any,
) -> dict[str, Any]:
    return {
        "name": name,
        "pillar": pillar,
        "kind": "pace",
        "weight": weight,
        "label": label,
        "inputs": inputs,
        "half_life": half_life,
        "reference": reference,
        "spike": spike,
        **extra,
    }


MODEL_V2: Final[dict[str, Any]] = {
    "version": "v2",
    "warm_days": WARM_DAYS,
    "terms": [
        # brand — the profile is the base; what people do with your content outweighs volume.
        {
            "name": "profile",
            "pillar": "brand",
            "kind": "profile",
            "weight": 0.34,
            "label": "Profile completeness",
        },
        _pace(
            "engagement",
            "brand",
            0.18,
            "Engagement your content received",
            {"brand.engagement": 1},
            240,
            8,
            spike=25,
        ),
        _pace(
            "articles",
            "brand",
            0.08,
            "Articles published",
            {"brand.articles": 1},
            365,
            0.05,
            spike=25,
        ),
        _pace("posts", "brand", 0.08, "Posts published", {"brand.posts": 1}, 90, 0.3),
        _pace(
            "profile_views",
            "brand",
            0.09,
            "Profile views",
            {"brand.profile_views": 1},
            90,
            5,
            total="totals.profile_viewers_90d",
            total_days=90,
        ),
        _pace(
            "search_appearances",
            "brand",
            0.07,
            "Search appearances",
            {"brand.search_appearances": 1},
            90,
            10,
            total="totals.search_appearances_7d",
            total_days=7,
        ),
        {
            "name": "followers",
            "pillar": "brand",
            "kind": "stock",
            "weight": 0.09,
            "label": "Followers",
            "inputs": {"brand.followers": 1},
            "total": "totals.followers",
            "reference": 600,
        },
        _pace(
            "endorsements",
            "brand",
            0.07,
            "Endorsements received",
            {"brand.endorsements": 1},
            365,
            0.1,
            spike=20,
        ),
        # find — a filtered (or Sales Navigator) search counts three plain ones.
        _pace(
            "searches",
            "find",
            0.33,
            "Searches (filtered count triple)",
            {"find.searches": 1, "find.filtered_searches": 3},
            60,
            5,
        ),
        _pace(
            "profiles_viewed",
            "find",
            0.28,
            "Relevant profiles viewed",
            {"find.profiles_viewed": 1},
            60,
            6,
        ),
        _pace(
            "leads_saved",
            "find",
            0.19,
            "Leads and accounts saved",
            {"find.leads_saved": 1},
            60,
            0.9,
        ),
        {
            "name": "active_days",
            "pillar": "find",
            "kind": "active",
            "weight": 0.20,
            "label": "Days active on LinkedIn",
            "inputs": OWN_ACTIONS,
            "half_life": 60,
            "reference": 0.3,
        },
        # engage
        _pace("comments", "engage", 0.20, "Comments written", {"engage.comments": 1}, 60, 1),
        _pace("shares", "engage", 0.15, "Posts shared", {"engage.shares": 1}, 60, 0.3),
        _pace("reactions", "engage", 0.12, "Reactions given", {"engage.reactions": 1}, 60, 3),
        _pace("group_posts", "engage", 0.10, "Group activity", {"engage.group_posts": 1}, 60, 0.2),
        _pace("messages", "engage", 0.18, "Messages sent", {"engage.messages_sent": 1}, 60, 3),
        {
            "name": "reply_rate",
            "pillar": "engage",
            "kind": "rate",
            "weight": 0.25,
            "label": "Reply rate to your messages",
            "numerator": "engage.replies_received",
            "denominator": "engage.messages_sent",
            "evidence": 30,
            "spike": 20,
            "half_life": 60,
            "reference": 0.2,
        },
        # build — the network is the base; acceptance is what counts of the requests.
        {
            "name": "connections",
            "pillar": "build",
            "kind": "stock",
            "weight": 0.32,
            "label": "Connections",
            "total": "totals.connections",
            "inputs": {"build.requests_accepted": 1, "build.invitations_received": 1},
            "reference": 350,
        },
        {
            "name": "senior",
            "pillar": "build",
            "kind": "stock",
            "weight": 0.26,
            "label": "Connections with decision makers",
            "total": "totals.senior_connections",
            "inputs": {"build.senior_connections": 1},
            "reference": 40,
        },
        _pace(
            "requests",
            "build",
            0.11,
            "Connection requests sent",
            {"build.requests_sent": 1, "build.requests_with_note": 0.5},
            90,
            2,
        ),
        {
            "name": "acceptance_rate",
            "pillar": "build",
            "kind": "rate",
            "weight": 0.17,
            "label": "Acceptance rate of your requests",
            "numerator": "build.requests_accepted",
            "denominator": "build.requests_sent",
            "evidence": 20,
            "spike": 20,
            "half_life": 90,
            "reference": 0.25,
        },
        _pace(
            "invitations",
            "build",
            0.14,
            "Invitations received",
            {"build.invitations_received": 1},
            90,
            0.8,
        ),
    ],
    "profile_items": dict(MODEL_V1["profile_items"]),
}
