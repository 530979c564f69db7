"""Advice (spec §6): actions ranked by the 90-day gain of a what-if run of the same model.

The what-ifs are rebuilt here independently, as records fed to the public ``score``: the
member's history, then ninety days repeating their last four weeks, plus the action's whole
counts on the days a person keeping that pace would do them.
"""

from __future__ import annotations

import math
from collections import defaultdict
from datetime import date, timedelta
from types import MappingProxyType

import numpy as np
import pytest

from ssi_desktop.core.actions import NOTE_UPLIFT, OUTCOMES, STEPS, Step
from ssi_desktop.core.advice import Advice, advise, spread
from ssi_desktop.core.catalogue import PILLAR_MAX, PILLARS, PROFILE_ITEMS, PROFILE_KEYS
from ssi_desktop.core.parameters import DEFAULT_PARAMS, ModelParams
from ssi_desktop.core.records import ActivityEntry, ProfileSnapshot, Settings
from ssi_desktop.core.sample import SampleData, generate
from ssi_desktop.core.scoring import score

END = date(2025, 6, 30)
HORIZON = 90


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
    """The step as whole counts: day k has ceil(k·pace) − ceil((k−1)·pace) occurrences (the
    first of each period on its first day); outcomes follow their running total, floored."""
    recent = [c for d, c in days.items() if day - timedelta(days=90) < d <= day]
    rates = {}
    for drive in step.drives:
        done = sum(c.get(k, 0) for c in recent for k in drive.per)
        got = sum(c.get(drive.measured or drive.outcome, 0) for c in recent)
        rate = got / done if done else drive.default_rate
        if done and drive.lifted:
            noted = sum(c.get(drive.lifted, 0) for c in recent) / done
            rate /= 1 - noted + noted * NOTE_UPLIFT
        rates[drive.outcome] = min(drive.max_rate, rate * drive.lift)
    entries = []
    for k in range(1, HORIZON + 1):
        cumulative = math.ceil(k * step.per_day - 1e-9)
        previous = math.ceil((k - 1) * step.per_day - 1e-9)
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
    actions = {a.key: a for a in advice.actions}
    checked = 0
    for step in STEPS:
        if step.improves or step.sales_navigator or step.key not in actions:
            continue
        extra = step_entries(step, days, END)
        for horizon, gain in ((30, actions[step.key].gain_30), (90, actions[step.key].gain_90)):
            target = END + timedelta(days=horizon)
            base = pillar_at(baseline, profiles, DEFAULT_PARAMS, target, step.pillar)
            after = pillar_at(baseline + extra, profiles, DEFAULT_PARAMS, target, step.pillar)
            assert gain == pytest.approx(after - base, abs=1e-9), (step.key, horizon)
        checked += 1
    assert checked >= 10


def test_actions_are_ranked_by_the_90_day_gain(sample: SampleData) -> None:
    advice = advise(sample.activity, sample.profiles, DEFAULT_PARAMS, END)
    gains = [a.gain_90 for a in advice.actions]
    assert gains == sorted(gains, reverse=True) and all(g > 0 for g in gains)
    assert {a.pillar for a in advice.actions} == set(PILLARS)
    # The 90-day ranking is not the 30-day one: slow terms get their due.
    assert [a.key for a in advice.actions] != [
        a.key for a in sorted(advice.actions, key=lambda a: -a.gain_30)
    ]


def test_the_weakest_pillar_is_named_and_current_is_the_estimate(sample: SampleData) -> None:
    advice = advise(sample.activity, sample.profiles, DEFAULT_PARAMS, END)
    row = score(sample.activity, sample.profiles, DEFAULT_PARAMS).row(END)
    for pillar in PILLARS:
        assert advice.current[pillar] == pytest.approx(row.pillar(pillar), abs=0.006)
    assert advice.weakest == min(PILLARS, key=lambda p: row.pillar(p))


def test_outcomes_are_never_advised_directly(sample: SampleData) -> None:
    advice = advise(sample.activity, sample.profiles, DEFAULT_PARAMS, END)
    keys = {a.key for a in advice.actions}
    assert not keys & OUTCOMES
    assert {s.key for s in STEPS}.isdisjoint(OUTCOMES)


def test_sales_navigator_actions_only_for_members_who_have_it(sample: SampleData) -> None:
    without = advise(sample.activity, sample.profiles, DEFAULT_PARAMS, END)
    assert not [a for a in without.actions if "Sales Navigator" in a.label]
    assert "find.leads_saved" not in {a.key for a in without.actions}
    assert all("find.leads_saved" not in a.inputs for a in without.actions)
    member = Settings.create({"sales_navigator": "yes"})
    having = advise(sample.activity, sample.profiles, DEFAULT_PARAMS, END, member)
    labels = {a.key: a.label for a in having.actions}
    assert "find.leads_saved" in labels
    assert labels["find.filtered_searches"] == "Run 2 Sales Navigator searches a day"


def sdr(accepted_of_25: int, with_note: int = 0, sent: int = 1) -> list[ActivityEntry]:
    """75 days of ``sent`` requests a day, ``accepted_of_25`` in every 25 accepted."""
    entries = []
    for k in range(75):
        counts = {"build.requests_sent": sent, "find.searches": 2, "engage.comments": 1}
        if with_note:
            counts["build.requests_with_note"] = with_note
        if k % 25 < accepted_of_25:
            counts["build.requests_accepted"] = sent
        entries.append(ActivityEntry.create(END - timedelta(days=74 - k), counts))
    return entries


def build_actions(advice: Advice) -> dict[str, float]:
    return {a.key: a.gain_90 for a in advice.actions if a.pillar == "build"}


def test_a_request_is_promised_what_the_members_own_acceptance_brings() -> None:
    low = advise(sdr(accepted_of_25=2), [], DEFAULT_PARAMS, END)  # an SDR at 8 %
    high = advise(sdr(accepted_of_25=10), [], DEFAULT_PARAMS, END)  # 40 %
    for key in ("build.requests_sent", "build.requests_with_note"):
        assert build_actions(low).get(key, 0.0) < build_actions(high)[key], key
    said = {(a.key, a.outcomes) for a in [*low.actions, *high.actions]}
    assert ("build.requests_sent", "about 1.1 accepted a week (your rate: 8%)") in said
    assert ("build.requests_sent", "about 5.6 accepted a week (your rate: 40%)") in said


def test_a_note_raises_the_gain_of_a_request_and_adding_one_is_an_action() -> None:
    advice = advise(sdr(accepted_of_25=5), [], DEFAULT_PARAMS, END)
    gains = build_actions(advice)
    assert gains["build.requests_with_note"] > gains["build.requests_sent"]
    add_note = next(a for a in advice.actions if a.key == "build.add_note")
    assert add_note.gain_90 > 0
    assert "20% → 30%" in add_note.outcomes
    # A member whose every request already carries a note has nothing to add.
    noted = advise(sdr(accepted_of_25=5, with_note=1), [], DEFAULT_PARAMS, END)
    assert "build.add_note" not in {a.key for a in noted.actions}


def test_better_targeted_messages_raise_the_reply_rate() -> None:
    entries = [
        ActivityEntry.create(
            END - timedelta(days=k),
            {"engage.messages_sent": 4, "engage.replies_received": 1 if k % 2 else 0},
        )
        for k in range(90)
    ]
    advice = advise(entries, [], DEFAULT_PARAMS, END)
    targeted = next(a for a in advice.actions if a.key == "engage.targeted_messages")
    assert targeted.gain_90 > 0 and "more replies" in targeted.outcomes


def test_each_missing_profile_item_is_an_action_with_its_gain() -> None:
    day = date(2025, 3, 1)
    have = {"photo": True, "headline": True}
    profiles = [ProfileSnapshot.create(day - timedelta(days=100), have)]
    activity = [ActivityEntry.create(day - timedelta(days=50), {"find.searches": 3})]
    advice = advise(activity, profiles, DEFAULT_PARAMS, day)
    profile_actions = {a.key: a for a in advice.actions if a.key.startswith("profile.")}
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
        assert action.gain_30 == pytest.approx(expected, abs=1e-9)
        assert action.gain_90 == pytest.approx(expected, abs=1e-9)
        assert action.per_day is None
        assert item.label.lower() in action.label
    best = max(missing, key=lambda item: item_weights[item.key])
    ranked = [a.key for a in advice.actions if a.key.startswith("profile.")]
    assert ranked[0] == f"profile.{best.key}"


def test_a_complete_profile_gets_no_checklist_advice(sample: SampleData) -> None:
    full = ProfileSnapshot.create(END - timedelta(days=5), {k: True for k in PROFILE_KEYS})
    advice = advise(sample.activity, [*sample.profiles, full], DEFAULT_PARAMS, END)
    assert not [a for a in advice.actions if a.key.startswith("profile.")]


def test_an_empty_store_still_gets_a_first_step() -> None:
    advice = advise([], [], DEFAULT_PARAMS, date(2025, 1, 1))
    assert all(v == 0 for v in advice.current.values())
    assert {a.pillar for a in advice.actions} == set(PILLARS)


def test_activity_after_the_day_is_ignored(sample: SampleData) -> None:
    day = END - timedelta(days=60)
    truncated = tuple(e for e in sample.activity if e.day <= day)
    assert advise(sample.activity, sample.profiles, DEFAULT_PARAMS, day) == advise(
        truncated, sample.profiles, DEFAULT_PARAMS, day
    )


def test_a_monthly_step_starts_now_so_30_days_see_it() -> None:
    # "1 article a month" is written on days 1, 31 and 61, not on days 30, 60 and 90, where
    # the 30-day gain would see nothing of it and rank it last for no reason but arithmetic.
    assert list(np.flatnonzero(spread(1 / 30, 90)) + 1) == [1, 31, 61]
    assert list(np.flatnonzero(spread(2 / 7, 14)) + 1) == [1, 4, 8, 11]
    advice = advise(sdr(accepted_of_25=5), [], DEFAULT_PARAMS, END)
    article = next(a for a in advice.actions if a.key == "brand.articles")
    assert article.gain_30 > 0.25 * article.gain_90 > 0
