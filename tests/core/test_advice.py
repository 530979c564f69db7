"""Advice (spec §6): actions ranked by a what-if run of the same model, weakest pillar first.

The what-ifs are rebuilt here independently, as records fed to the public ``score``: the
user's history, then thirty days repeating their last four weeks, plus the action's whole
counts on the days a person keeping that pace would do them.
"""

from __future__ import annotations

import math
from collections import defaultdict
from datetime import date, timedelta
from types import MappingProxyType

import pytest

from ssi_desktop.core.actions import OUTCOMES, STEPS, Step
from ssi_desktop.core.advice import advise
from ssi_desktop.core.catalogue import PILLAR_MAX, PILLARS, PROFILE_ITEMS, PROFILE_KEYS
from ssi_desktop.core.parameters import DEFAULT_PARAMS, ModelParams
from ssi_desktop.core.records import ActivityEntry, ProfileSnapshot
from ssi_desktop.core.sample import SampleData, generate
from ssi_desktop.core.scoring import score

END = date(2025, 6, 30)
HORIZON = 30


@pytest.fixture(scope="module")
def sample() -> SampleData:
    return generate(days=365 * 2, end=END)


def daily_totals(activity: tuple[ActivityEntry, ...], last: date) -> dict[date, dict[str, int]]:
    days: dict[date, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for entry in activity:
        if entry.day <= last:
            for key, value in entry.counts.items():
                days[entry.day][key] += value
    return days


def baseline_entries(days: dict[date, dict[str, int]], day: date) -> list[ActivityEntry]:
    """History up to ``day``, then each of the next 30 days copies the day 28 days before."""
    entries = [ActivityEntry(d, MappingProxyType(dict(c))) for d, c in days.items()]
    for k in range(1, HORIZON + 1):
        source = day - timedelta(days=28) + timedelta(days=(k - 1) % 28 + 1)
        if days.get(source):
            entries.append(
                ActivityEntry(day + timedelta(days=k), MappingProxyType(dict(days[source])))
            )
    return entries


def step_entries(step: Step, days: dict[date, dict[str, int]], day: date) -> list[ActivityEntry]:
    """The step as whole counts: day k has floor(k·pace) − floor((k−1)·pace) occurrences."""
    recent = [c for d, c in days.items() if day - timedelta(days=90) < d <= day]
    rates = {}
    for drive in step.drives:
        done = sum(c.get(k, 0) for c in recent for k in drive.per)
        got = sum(c.get(drive.outcome, 0) for c in recent)
        rates[drive.outcome] = min(drive.max_rate, got / done) if done else drive.default_rate
    entries = []
    for k in range(1, HORIZON + 1):
        cumulative = math.floor(k * step.per_day + 1e-9)
        previous = math.floor((k - 1) * step.per_day + 1e-9)
        counts = {key: per * (cumulative - previous) for key, per in step.adds.items()}
        for outcome, rate in rates.items():
            counts[outcome] = counts.get(outcome, 0) + (
                math.floor(rate * cumulative + 1e-9) - math.floor(rate * previous + 1e-9)
            )
        entries.append(ActivityEntry(day + timedelta(days=k), MappingProxyType(counts)))
    return entries


def pillar_at(
    entries: list[ActivityEntry],
    profiles: list[ProfileSnapshot],
    params: ModelParams,
    day: date,
    pillar: str,
) -> float:
    table = score(entries, profiles, params, end=day)
    return float(table.pillars[table.index(day), PILLARS.index(pillar)])


def test_every_gain_is_the_what_if_of_the_same_model(sample: SampleData) -> None:
    advice = advise(sample.activity, sample.profiles, DEFAULT_PARAMS, END)
    days = daily_totals(sample.activity, END)
    baseline = baseline_entries(days, END)
    profiles = list(sample.profiles)
    target = END + timedelta(days=HORIZON)
    for pillar_advice in advice:
        pillar = pillar_advice.pillar
        base = pillar_at(baseline, profiles, DEFAULT_PARAMS, target, pillar)
        recomputed = {}
        for step in STEPS:
            if step.pillar == pillar:
                extra = step_entries(step, days, END)
                recomputed[step.key] = (
                    pillar_at(baseline + extra, profiles, DEFAULT_PARAMS, target, pillar) - base
                )
        for action in pillar_advice.actions:
            if action.key in recomputed:
                assert action.gain == pytest.approx(recomputed[action.key], abs=1e-9)
        assert pillar_advice.actions, pillar
        top = pillar_advice.actions[0]
        assert top.gain == pytest.approx(max([*recomputed.values(), top.gain]), abs=1e-9)
        gains = [a.gain for a in pillar_advice.actions]
        assert gains == sorted(gains, reverse=True)
        assert all(g > 0 for g in gains)


def test_weakest_pillar_comes_first_and_current_is_the_estimate(sample: SampleData) -> None:
    advice = advise(sample.activity, sample.profiles, DEFAULT_PARAMS, END)
    assert sorted(a.pillar for a in advice) == sorted(PILLARS)
    currents = [a.current for a in advice]
    assert currents == sorted(currents)
    row = score(sample.activity, sample.profiles, DEFAULT_PARAMS).row(END)
    for a in advice:
        assert a.current == pytest.approx(row.pillar(a.pillar), abs=0.006)


def test_outcomes_are_never_advised_directly(sample: SampleData) -> None:
    advice = advise(sample.activity, sample.profiles, DEFAULT_PARAMS, END)
    keys = {a.key for p in advice for a in p.actions}
    assert not keys & OUTCOMES
    assert {s.key for s in STEPS}.isdisjoint(OUTCOMES)


def test_labels_say_what_to_do_and_how_often(sample: SampleData) -> None:
    advice = advise(sample.activity, sample.profiles, DEFAULT_PARAMS, END)
    actions = {a.key: a for p in advice for a in p.actions}
    assert actions["find.filtered_searches"].label == "Run 2 filtered searches a day"
    assert actions["find.filtered_searches"].per_day == 2
    assert actions["brand.posts"].per_day == pytest.approx(2 / 7)


def test_each_missing_profile_item_is_an_action_with_its_gain() -> None:
    day = date(2025, 3, 1)
    have = {"photo": True, "headline": True}
    profiles = [ProfileSnapshot.create(day - timedelta(days=100), have)]
    activity = [ActivityEntry.create(day - timedelta(days=50), {"find.searches": 3})]
    advice = {a.pillar: a for a in advise(activity, profiles, DEFAULT_PARAMS, day)}
    profile_actions = {a.key: a for a in advice["brand"].actions if a.key.startswith("profile.")}
    missing = [item for item in PROFILE_ITEMS if not have.get(item.key)]
    assert set(profile_actions) == {f"profile.{item.key}" for item in missing}
    item_weights = DEFAULT_PARAMS.profile_items
    profile_term = next(t for t in DEFAULT_PARAMS.terms if t.kind == "profile")
    for item in missing:
        action = profile_actions[f"profile.{item.key}"]
        expected = (
            PILLAR_MAX
            * DEFAULT_PARAMS.share(profile_term)
            * item_weights[item.key]
            / sum(item_weights.values())
        )
        assert action.gain == pytest.approx(expected, abs=1e-9)
        assert action.per_day is None
        assert item.label.lower() in action.label
    best = max(missing, key=lambda item: item_weights[item.key])
    assert advice["brand"].actions[0].key == f"profile.{best.key}"


def test_a_complete_profile_gets_no_checklist_advice(sample: SampleData) -> None:
    full = ProfileSnapshot.create(END - timedelta(days=5), {k: True for k in PROFILE_KEYS})
    advice = advise(sample.activity, [*sample.profiles, full], DEFAULT_PARAMS, END)
    brand = next(a for a in advice if a.pillar == "brand")
    assert not [a for a in brand.actions if a.key.startswith("profile.")]


def test_an_empty_store_still_gets_a_first_step() -> None:
    advice = advise([], [], DEFAULT_PARAMS, date(2025, 1, 1))
    assert all(a.current == 0 for a in advice)
    assert all(a.actions for a in advice)


def test_activity_after_the_day_is_ignored(sample: SampleData) -> None:
    day = END - timedelta(days=60)
    truncated = tuple(e for e in sample.activity if e.day <= day)
    assert advise(sample.activity, sample.profiles, DEFAULT_PARAMS, day) == advise(
        truncated, sample.profiles, DEFAULT_PARAMS, day
    )
