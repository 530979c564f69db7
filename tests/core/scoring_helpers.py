"""Shared builders for the scoring tests: activity at a steady pace, as whole daily counts."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np

from ssi_desktop.core.catalogue import METRIC_INDEX, PILLARS
from ssi_desktop.core.parameters import DEFAULT_PARAMS
from ssi_desktop.core.scoring import score_arrays

#: A typical active member: a couple of posts a week, a few searches and comments a day.
MODERATE = {
    "brand.posts": 0.3, "brand.articles": 1 / 60, "brand.engagement": 6,
    "brand.profile_views": 3, "brand.search_appearances": 6, "brand.followers": 0.5,
    "brand.endorsements": 0.1,
    "find.searches": 2, "find.filtered_searches": 1, "find.profiles_viewed": 4,
    "find.leads_saved": 0.5,
    "engage.shares": 0.3, "engage.comments": 1, "engage.reactions": 3,
    "engage.group_posts": 0.2, "engage.messages_sent": 2, "engage.replies_received": 0.7,
    "build.requests_sent": 2, "build.requests_with_note": 1, "build.requests_accepted": 1,
    "build.invitations_received": 0.4, "build.senior_connections": 0.15,
}  # fmt: skip

#: A strong social seller doing every pillar's work every day.
STRONG = {
    "brand.posts": 1, "brand.articles": 0.25, "brand.engagement": 30,
    "brand.profile_views": 20, "brand.search_appearances": 40, "brand.followers": 3,
    "brand.endorsements": 1,
    "find.searches": 10, "find.filtered_searches": 5, "find.profiles_viewed": 20,
    "find.leads_saved": 3,
    "engage.shares": 2, "engage.comments": 5, "engage.reactions": 15, "engage.group_posts": 1,
    "engage.messages_sent": 10, "engage.replies_received": 5,
    "build.requests_sent": 10, "build.requests_with_note": 8, "build.requests_accepted": 6,
    "build.invitations_received": 2, "build.senior_connections": 1,
}  # fmt: skip


def steady_counts(pace: dict[str, float], days: int) -> np.ndarray:
    """Whole counts per day whose running total follows ``pace`` per day exactly."""
    counts = np.zeros((days, len(METRIC_INDEX)))
    steps = np.arange(days + 1)
    for key, rate in pace.items():
        counts[:, METRIC_INDEX[key]] = np.diff(np.floor(steps * rate + 1e-9))
    return counts


def pillars(counts: np.ndarray, completeness: float = 0.0) -> np.ndarray:
    result, _ = score_arrays(counts, np.full(counts.shape[0], completeness), DEFAULT_PARAMS)
    return result


def brand(counts: np.ndarray, completeness: float = 0.0) -> np.ndarray:
    return pillars(counts, completeness)[:, PILLARS.index("brand")]


def one_day(**counts: int) -> np.ndarray:
    matrix = np.zeros((1, len(METRIC_INDEX)))
    for key, value in counts.items():
        matrix[0, METRIC_INDEX[key.replace("__", ".")]] = value
    return matrix


def days_from(start: date, n: int) -> list[date]:
    return [start + timedelta(days=i) for i in range(n)]
