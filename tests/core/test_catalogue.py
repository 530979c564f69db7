"""The catalogue is the contract: keys, pillars and limits as spec §2 lists them."""

from __future__ import annotations

from ssi_desktop.core.catalogue import (
    METRIC_KEYS,
    METRICS,
    PILLARS,
    PROFILE_KEYS,
    metrics_for,
)
from ssi_desktop.core.parameters import DEFAULT_PARAMS

SPEC_KEYS = [
    "brand.posts",
    "brand.articles",
    "brand.engagement",
    "brand.profile_views",
    "brand.search_appearances",
    "brand.followers",
    "brand.endorsements",
    "find.searches",
    "find.filtered_searches",
    "find.profiles_viewed",
    "find.leads_saved",
    "find.days_active",
    "engage.shares",
    "engage.comments",
    "engage.reactions",
    "engage.group_posts",
    "engage.messages_sent",
    "engage.replies_received",
    "build.requests_sent",
    "build.requests_with_note",
    "build.requests_accepted",
    "build.invitations_received",
    "build.senior_connections",
]

SPEC_PROFILE = [
    "photo",
    "banner",
    "headline",
    "about",
    "current_position",
    "past_positions",
    "education",
    "skills",
    "media",
    "recommendations",
    "custom_url",
    "contact_info",
]


def test_every_spec_key_in_order_and_nothing_else() -> None:
    assert list(METRIC_KEYS) == SPEC_KEYS


def test_each_metric_is_complete() -> None:
    for metric in METRICS:
        assert metric.pillar == metric.key.split(".")[0]
        assert metric.label and metric.help.endswith(".")
        assert metric.max_per_day > 0


def test_pillars_partition_the_catalogue() -> None:
    assert sum(len(metrics_for(p)) for p in PILLARS) == len(METRICS)


def test_profile_checklist_items() -> None:
    assert list(PROFILE_KEYS) == SPEC_PROFILE


def test_every_metric_feeds_the_model() -> None:
    used = set().union(*(term.metrics() for term in DEFAULT_PARAMS.terms))
    assert used == set(METRIC_KEYS)
