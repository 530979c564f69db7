"""Spec §3.15 (coverage) and §3.16 (every change is the exact sum of its terms' changes)."""

from __future__ import annotations

import math
from datetime import timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ssi_desktop.core.catalogue import METRIC_KEYS, METRICS, PILLARS, TOTAL_KEYS
from ssi_desktop.core.coverage import PROFILE_INPUT, coverage, input_label, pillar_inputs
from ssi_desktop.core.explain import explain
from ssi_desktop.core.records import ActivityEntry
from ssi_desktop.core.scoring import score
from tests.core.model_v2_helpers import START, complete_profile, day_after, steady_entries, totals
from tests.core.personas import END, PERSONAS, records
from tests.core.scoring_helpers import MODERATE

MAX = {m.key: m.max_per_day for m in METRICS}


@pytest.mark.parametrize("persona", PERSONAS, ids=lambda p: p.name)
@pytest.mark.parametrize("days", [1, 7, 30, 200])
def test_terms_add_up_to_each_pillar_to_the_cent(persona, days: int) -> None:
    data = records(persona)
    table = score(data.activity, data.profiles, totals=data.totals, settings=data.settings,
                  end=END)  # fmt: skip
    first = END - timedelta(days=days)
    result = explain(table, first, END)
    for pillar in result.pillars:
        assert pillar.before == table.row(first).pillar(pillar.pillar)
        assert pillar.after == table.row(END).pillar(pillar.pillar)
        assert math.fsum(t.change for t in pillar.terms) == pytest.approx(pillar.change, abs=1e-9)
        assert math.fsum(t.after for t in pillar.terms) == pytest.approx(pillar.after, abs=1e-9)
    assert result.after == table.row(END).total
    assert result.change == pytest.approx(math.fsum(p.change for p in result.pillars), abs=1e-9)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 40), st.sampled_from(METRIC_KEYS), st.integers(0, 500)),
                min_size=1, max_size=30),
       st.integers(0, 40), st.integers(0, 40))  # fmt: skip
def test_any_store_explains_to_the_cent(cells, a: int, b: int) -> None:
    entries = [ActivityEntry.create(day_after(START, d), {k: min(v, MAX[k])}, "csv")
               for d, k, v in cells]  # fmt: skip
    table = score(entries, [complete_profile()], totals=[totals(START, connections=321)],
                  end=day_after(START, 40))  # fmt: skip
    first, last = sorted((day_after(START, a), day_after(START, b)))
    for pillar in explain(table, first, last).pillars:
        assert abs(math.fsum(t.change for t in pillar.terms) - pillar.change) <= 1e-9
        assert all(t.before >= 0 and t.after >= 0 for t in pillar.terms)


def test_terms_name_their_inputs_and_the_movers_are_the_largest_changes() -> None:
    entries = steady_entries(MODERATE, 60)
    burst = steady_entries({"build.requests_sent": 10, "build.requests_accepted": 8}, 30,
                           day_after(START, 60))  # fmt: skip
    table = score([*entries, *burst], end=day_after(START, 89))
    result = explain(table, day_after(START, 59), day_after(START, 89))
    build = result.pillar("build")
    assert build.change > 0
    by_name = {t.term: t for t in build.terms}
    assert by_name["connections"].inputs == (
        "build.requests_accepted",
        "build.invitations_received",
        "totals.connections",
    )
    assert by_name["acceptance_rate"].inputs == ("build.requests_sent", "build.requests_accepted")
    movers = build.movers(2)
    assert movers and all(abs(m.change) >= abs(t.change) for m in movers for t in build.terms
                          if t not in movers)  # fmt: skip
    assert result.movers(1)[0][1] == max((t for p in result.pillars for t in p.terms),
                                         key=lambda t: abs(t.change))  # fmt: skip


def test_a_day_outside_the_records_explains_from_zero() -> None:
    table = score(steady_entries(MODERATE, 10), end=day_after(START, 9))
    result = explain(table, START - timedelta(days=5), day_after(START, 9))
    assert result.before == 0 and result.after == table.row(day_after(START, 9)).total


def test_the_json_has_exactly_the_spec_keys() -> None:
    table = score(steady_entries(MODERATE, 10), end=day_after(START, 9))
    data = explain(table, START, day_after(START, 9)).as_dict()
    assert set(data) == {"from", "to", "total", "pillars"}
    assert set(data["total"]) == {"from", "to", "change"}
    assert [p["pillar"] for p in data["pillars"]] == list(PILLARS)
    for pillar in data["pillars"]:
        assert set(pillar) == {"pillar", "from", "to", "change", "terms"}
        for term in pillar["terms"]:
            assert set(term) == {"term", "inputs", "from", "to", "change"}


# -- §3.15 coverage -------------------------------------------------------------------------


def test_coverage_lists_what_is_recorded_and_what_is_not() -> None:
    entries = steady_entries({"engage.comments": 1, "find.searches": 2}, 20)
    result = coverage(entries)
    assert result["engage"].recorded == ("engage.comments",)
    assert "engage.replies_received" in result["engage"].missing
    assert result["find"].recorded == ("find.searches",)
    assert result["brand"].recorded == () and PROFILE_INPUT in result["brand"].missing
    # 2 of all the inputs: the estimate says so.
    assert sum(len(c.recorded) for c in result.values()) == 2
    assert sum(c.inputs for c in result.values()) == len(METRIC_KEYS) + len(TOTAL_KEYS) + 1


def test_zeros_are_not_recording_and_a_total_covers_its_daily_twin() -> None:
    zeros = [ActivityEntry.create(START, {"brand.followers": 0, "build.senior_connections": 0})]
    result = coverage(zeros, [complete_profile()],
                      [totals(START, followers=100, senior_connections=5)])  # fmt: skip
    assert {PROFILE_INPUT, "totals.followers", "brand.followers"} <= set(result["brand"].recorded)
    assert {"totals.senior_connections", "build.senior_connections"} <= set(
        result["build"].recorded
    )
    # Accepted requests also feed the acceptance rate: the connections total does not cover it.
    assert "build.requests_accepted" in result["build"].missing


def test_every_input_has_a_label_and_a_pillar() -> None:
    everything = [k for p in PILLARS for k in pillar_inputs(p)]
    assert len(everything) == len(set(everything))
    assert all(input_label(k) for k in everything)
    assert input_label("profile.custom_url") == "Profile: custom url"
