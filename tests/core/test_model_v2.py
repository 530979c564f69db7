"""Spec §3.11–§3.14 with the figures product.md gives, on records built through the public API."""

from __future__ import annotations

from datetime import timedelta

import numpy as np
import pytest

from ssi_desktop.core.parameters import DEFAULT_PARAMS, MODELS, ModelParams
from ssi_desktop.core.records import ActivityEntry, Settings
from ssi_desktop.core.scoring import score
from ssi_desktop.core.validation import today
from tests.core.model_v2_helpers import (
    START,
    complete_profile,
    day_after,
    pillar_series,
    steady_entries,
    totals,
    weekly_entries,
    with_extra,
)
from tests.core.scoring_helpers import MODERATE

YEAR_END = day_after(START, 364)


def test_v2_is_the_default_and_v1_stays_selectable() -> None:
    assert DEFAULT_PARAMS.version == "v2" and DEFAULT_PARAMS.family == "v2"
    assert MODELS["v1"].family == "v1" and MODELS["v1"].warm_days == 0
    # Both survive their own data format, so a stored model of either kind loads.
    for params in MODELS.values():
        assert ModelParams.from_dict(params.to_dict()) == params


# -- §3.11 the network counts ---------------------------------------------------------------


def test_a_passive_member_with_a_network_scores_15_to_40_with_build_at_least_6() -> None:
    reactions = weekly_entries({"engage.reactions": 3}, 52)
    table = score(
        reactions,
        [complete_profile()],
        totals=[totals(START, connections=500, senior_connections=60)],
        end=YEAR_END,
    )
    row = table.row(YEAR_END)
    assert 15 <= row.total <= 40
    assert row.build >= 6
    assert row.build == max(row.brand, row.find, row.engage, row.build)


def test_a_network_without_activity_keeps_build_for_two_years() -> None:
    end = day_after(START, 2 * 365)
    table = score([], totals=[totals(START, connections=900, senior_connections=150)], end=end)
    build = pillar_series(table, "build")
    assert build.min() >= 6
    assert build[-1] >= 0.8 * build.max()


def test_totals_are_interpolated_and_held_before_the_first_snapshot() -> None:
    snaps = [
        totals(day_after(START, 100), connections=300),
        totals(day_after(START, 200), connections=500),
    ]
    table = score([], totals=snaps, start=START, end=day_after(START, 300))
    single = score([], totals=[totals(START, connections=400)], end=day_after(START, 300))
    build = pillar_series(table, "build")
    assert build[0] == build[100]  # before the first: the first
    assert build[150] == pytest.approx(pillar_series(single, "build")[150])  # halfway: 400
    assert build[300] == build[200]  # after the last: the last, no daily input recorded


def test_daily_connections_are_never_counted_twice_with_a_total() -> None:
    day = day_after(START, 60)
    accepted = steady_entries({"build.requests_accepted": 1}, 60)
    snapshot = [totals(day, connections=400)]
    stock = next(j for j, t in enumerate(DEFAULT_PARAMS.terms) if t.name == "connections")
    with_daily = score(accepted, totals=snapshot, end=day)
    without = score([], totals=snapshot, end=day)
    # The total already holds every connection made before it.
    assert with_daily.term_points[-1, stock] == without.term_points[-1, stock]
    # After the snapshot, each connection recorded adds to it.
    after = steady_entries({"build.requests_accepted": 2}, 30, day_after(day, 1))
    grown = score([*accepted, *after], totals=snapshot, end=day_after(day, 30))
    assert grown.term_points[-1, stock] > without.term_points[-1, stock]


def test_a_rolling_window_total_is_not_read_as_daily_views() -> None:
    """Typing LinkedIn's 90-day viewers as a total is a pace of viewers/90 a day."""
    day = day_after(START, 30)
    as_total = score([], totals=[totals(day, profile_viewers_90d=270)], end=day).row(day)
    as_daily = score(steady_entries({"brand.profile_views": 3}, 31), end=day).row(day)
    assert as_total.brand == pytest.approx(as_daily.brand, abs=0.05)
    # Recorded both ways, the better evidence counts, never both.
    both = score(
        steady_entries({"brand.profile_views": 3}, 31),
        totals=[totals(day, profile_viewers_90d=270)],
        end=day,
    ).row(day)
    assert both.brand == pytest.approx(max(as_total.brand, as_daily.brand), abs=0.05)


# -- §3.12 warm start -----------------------------------------------------------------------


def test_steady_activity_starts_warm() -> None:
    table = score(steady_entries(MODERATE, 181), [complete_profile()])
    assert table.totals[6] >= 0.85 * table.totals[180]


def test_warm_start_off_starts_from_nothing() -> None:
    cold = score(
        steady_entries(MODERATE, 181), [complete_profile()], settings=Settings(warm_start=False)
    )
    warm = score(steady_entries(MODERATE, 181), [complete_profile()])
    assert cold.totals[6] < 0.5 * cold.totals[180]
    assert np.all(cold.totals <= warm.totals + 1e-9)


def test_one_exceptional_first_week_day_does_not_set_the_start() -> None:
    base = steady_entries(MODERATE, 60)
    viral = with_extra(base, day_after(START, 3), {"brand.engagement": 2000, "brand.posts": 1})
    before = pillar_series(score(base, end=day_after(START, 59)), "brand")
    after = pillar_series(score(viral, end=day_after(START, 59)), "brand")
    assert after[0] - before[0] <= 0.5


# -- §3.13 no single day buys a pillar ------------------------------------------------------


@pytest.mark.parametrize("history", [{}, MODERATE], ids=["no-history", "moderate"])
def test_a_viral_day_raises_brand_by_at_most_2_5_then_1_5_a_year_later(history: dict) -> None:
    viral_day = day_after(START, 120)
    base = steady_entries(history, 120) if history else []
    profile = [complete_profile()]
    end = day_after(viral_day, 365)
    plain = pillar_series(score(base, profile, start=START, end=end), "brand")
    viral = pillar_series(
        score(with_extra(base, viral_day, {"brand.engagement": 2000, "brand.posts": 1}), profile,
              start=START, end=end), "brand")  # fmt: skip
    assert viral[120] - plain[120] <= 2.5
    assert viral[-1] - plain[-1] <= 1.5
    assert viral[120] > plain[120]  # it counts, a little


@pytest.mark.parametrize("history", [{}, MODERATE], ids=["no-history", "moderate"])
def test_one_afternoon_of_prospecting_raises_find_by_at_most_5(history: dict) -> None:
    day = day_after(START, 120)
    base = steady_entries(history, 120) if history else []
    burst = {"find.filtered_searches": 50, "find.leads_saved": 50, "find.profiles_viewed": 200}
    plain = pillar_series(score(base, start=START, end=day), "find")
    busy = pillar_series(score(with_extra(base, day, burst), start=START, end=day), "find")
    assert 0 < busy[-1] - plain[-1] <= 5


# -- §3.14 rates need evidence --------------------------------------------------------------


def test_one_answered_message_a_week_gives_engage_at_most_2_5() -> None:
    weekly = weekly_entries({"engage.messages_sent": 1, "engage.replies_received": 1}, 52)
    engage = pillar_series(score(weekly, end=YEAR_END), "engage")
    comments = pillar_series(
        score(steady_entries({"engage.comments": 2}, 365), end=YEAR_END), "engage"
    )
    assert engage.max() <= 2.5
    assert comments[-1] > engage.max()


def test_a_real_acceptance_rate_on_a_handful_of_requests_reads_as_itself() -> None:
    """Three requests a week, two accepted: the rate counts, weighed by its small evidence."""
    entries = weekly_entries({"build.requests_sent": 3, "build.requests_accepted": 2}, 26)
    table = score(entries, end=day_after(START, 181))
    rate = next(j for j, t in enumerate(DEFAULT_PARAMS.terms) if t.name == "acceptance_rate")
    share = DEFAULT_PARAMS.share(DEFAULT_PARAMS.terms[rate]) * 25
    assert table.term_points[-1, rate] >= 0.5 * share


def test_more_evidence_at_the_same_rate_never_lowers() -> None:
    few = weekly_entries({"build.requests_sent": 2, "build.requests_accepted": 1}, 26)
    many = weekly_entries({"build.requests_sent": 20, "build.requests_accepted": 10}, 26)
    end = day_after(START, 181)
    assert np.all(
        pillar_series(score(many, end=end), "build") >= pillar_series(score(few, end=end), "build")
    )


def test_an_entry_of_zeros_before_the_records_does_not_change_them_without_warm_start() -> None:
    entries = steady_entries(MODERATE, 60, day_after(START, 30))
    earlier = [ActivityEntry.create(START, {"engage.comments": 1}), *entries]
    cold = Settings(warm_start=False)
    a = score(entries, settings=cold, start=START, end=day_after(START, 89))
    b = score(earlier, settings=cold, start=START, end=day_after(START, 89))
    assert np.all(b.pillars >= a.pillars - 1e-9)


def test_rows_do_not_depend_on_the_range_asked_for() -> None:
    entries = steady_entries(MODERATE, 40)
    full = score(entries, [complete_profile()], totals=[totals(START, connections=200)])
    short = score(entries, [complete_profile()], totals=[totals(START, connections=200)],
                  end=day_after(START, 5))  # fmt: skip
    early = score(entries, [complete_profile()], totals=[totals(START, connections=200)],
                  start=START - timedelta(days=30), end=day_after(START, 10))  # fmt: skip
    for i in range(6):
        day = day_after(START, i)
        assert full.row(day) == short.row(day) == early.row(day)


def test_a_newcomer_reads_their_level_from_their_second_day() -> None:
    """Someone who copies their network and profile and types two days of activity reads a
    plausible level at once (v1 read 3.3 for a member whose official score was 53); a single
    day, even the first, never sets the start (§3.13)."""
    day = today()
    counts = {
        "engage.comments": 2,
        "engage.reactions": 5,
        "find.searches": 3,
        "find.profiles_viewed": 6,
        "build.requests_sent": 2,
        "brand.engagement": 6,
    }
    network = [totals(day, connections=800, senior_connections=120, followers=850)]
    profile = [complete_profile(day - timedelta(days=1))]
    two = [ActivityEntry.create(day - timedelta(days=i), counts) for i in (0, 1)]
    assert score(two, profile, totals=network).row(day).total >= 40
    viral = [ActivityEntry.create(day, {"brand.engagement": 2000, "brand.posts": 1})]
    quiet = [ActivityEntry.create(day, {"brand.posts": 1})]
    raised = (
        score(viral, profile, totals=network).row(day).brand
        - score(quiet, profile, totals=network).row(day).brand
    )
    assert 0 < raised <= 2.5
