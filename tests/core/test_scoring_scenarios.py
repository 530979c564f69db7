"""Spec §3.3–§3.8 as concrete scenarios a reader can check against docs/scoring.md."""

from __future__ import annotations

import numpy as np
import pytest

from ssi_desktop.core.catalogue import METRIC_INDEX, METRIC_KEYS, METRICS, PILLARS, metrics_for
from tests.core.scoring_helpers import MODERATE, STRONG, brand, one_day, pillars, steady_counts

P = {name: i for i, name in enumerate(PILLARS)}


@pytest.mark.parametrize("key", METRIC_KEYS)
def test_no_single_metric_alone_lifts_its_pillar_above_15(key: str) -> None:
    counts = np.zeros((400, len(METRIC_KEYS)))
    counts[:, METRIC_INDEX[key]] = next(m.max_per_day for m in METRICS if m.key == key)
    assert pillars(counts).max() <= 15


def test_a_complete_profile_alone_stays_under_15_too() -> None:
    assert pillars(np.zeros((10, len(METRIC_KEYS))), 1.0).max() <= 15


@pytest.mark.parametrize("pillar", PILLARS)
def test_sustained_strong_activity_across_a_pillar_reaches_24(pillar: str) -> None:
    keys = {m.key for m in metrics_for(pillar)}
    pace = {k: v for k, v in STRONG.items() if k in keys}
    # Brand's base is the profile: a strong brand means a complete one (docs/scoring.md).
    result = pillars(steady_counts(pace, 365), 1.0 if pillar == "brand" else 0.0)
    assert result[-1, P[pillar]] >= 24


def test_an_article_still_counts_a_quarter_a_year_later() -> None:
    counts = np.zeros((366, len(METRIC_KEYS)))
    counts[0, METRIC_INDEX["brand.articles"]] = 1
    counts[0, METRIC_INDEX["brand.engagement"]] = 200
    series = brand(counts)
    assert series[365] >= 0.25 * series.max()
    # And with a complete profile underneath (the contribution is what the article adds).
    with_profile = brand(counts, 1.0) - brand(np.zeros_like(counts), 1.0)
    assert with_profile[365] >= 0.25 * with_profile.max()


@pytest.mark.parametrize("pace", [MODERATE, STRONG], ids=["moderate", "strong"])
@pytest.mark.parametrize("profile", [0.0, 0.7])
def test_a_four_week_break_barely_hurts(pace: dict[str, float], profile: float) -> None:
    counts = steady_counts(pace, 180 + 28)
    counts[180:] = 0
    totals = pillars(counts, profile).sum(axis=1)
    assert totals[-1] >= 0.85 * totals[179]


@pytest.mark.parametrize("pace", [MODERATE, STRONG], ids=["moderate", "strong"])
def test_a_year_away_halves_find_and_engage(pace: dict[str, float]) -> None:
    counts = steady_counts(pace, 180 + 365)
    counts[180:] = 0
    result = pillars(counts)
    for pillar in ("find", "engage"):
        assert result[-1, P[pillar]] <= 0.5 * result[179, P[pillar]]


def test_engagement_beats_frequency() -> None:
    one_good = brand(one_day(brand__articles=1, brand__engagement=200))
    ten_ignored = brand(one_day(brand__articles=10, brand__engagement=50))
    assert one_good[0] > ten_ignored[0]


def test_a_filtered_search_adds_more_than_a_plain_one() -> None:
    for base in (np.zeros((1, len(METRIC_KEYS))), steady_counts(MODERATE, 60)):
        plain, filtered = base.copy(), base.copy()
        plain[-1, METRIC_INDEX["find.searches"]] += 1
        filtered[-1, METRIC_INDEX["find.filtered_searches"]] += 1
        assert pillars(filtered)[-1, P["find"]] > pillars(plain)[-1, P["find"]]


def test_a_note_on_a_request_never_scores_less() -> None:
    without = pillars(one_day(build__requests_sent=10))[0, P["build"]]
    with_note = pillars(one_day(build__requests_sent=10, build__requests_with_note=10))
    assert with_note[0, P["build"]] >= without


def test_acceptance_is_what_counts() -> None:
    many = pillars(one_day(build__requests_sent=50, build__requests_accepted=40))
    few = pillars(one_day(build__requests_sent=50, build__requests_accepted=5))
    assert many[0, P["build"]] > few[0, P["build"]]


def test_a_complete_profile_alone_gives_at_least_8_brand_points() -> None:
    assert brand(np.zeros((1, len(METRIC_KEYS))), 1.0)[0] >= 8


def test_an_empty_profile_and_no_activity_give_zero() -> None:
    assert pillars(np.zeros((30, len(METRIC_KEYS))), 0.0).max() == 0
