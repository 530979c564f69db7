"""The sample data: valid, believable, deterministic, fast."""

from __future__ import annotations

import time
from datetime import date, timedelta

import pytest

from ssi_desktop.core.catalogue import METRIC_KEYS, PILLARS
from ssi_desktop.core.records import (
    ActivityEntry,
    Goal,
    revalidated,
)
from ssi_desktop.core.sample import generate
from ssi_desktop.core.scoring import score
from ssi_desktop.core.validation import today
from ssi_desktop.storage import Store

END = date(2025, 6, 30)


@pytest.fixture(scope="module")
def year():
    return generate(365, end=END)


def test_deterministic_per_seed(year) -> None:
    assert generate(365, end=END) == year
    assert generate(365, end=END, seed=8) != year


def test_one_manual_entry_per_day_ending_on_end(year) -> None:
    days = [e.day for e in year.activity]
    assert days == [END - timedelta(days=364 - i) for i in range(365)]
    assert {e.source for e in year.activity} == {"manual"}


def test_every_record_passes_its_own_validation(year) -> None:
    for record in (*year.activity, *year.profiles, *year.readings, *year.notes):
        assert revalidated(record) == record
    goal = year.goal
    assert Goal.create(goal.total, dict(goal.pillars), goal.by) == goal


def test_never_in_the_future_by_default() -> None:
    data = generate(30)
    assert data.activity[-1].day == today()
    assert all(e.day <= today() for e in data.activity)
    assert all(n.day <= today() for n in data.notes)
    assert generate(5, end=today() + timedelta(days=10)).activity[-1].day == today()


def test_every_metric_is_used_and_consistent(year) -> None:
    for key in METRIC_KEYS:
        assert sum(e.total(key) for e in year.activity) > 0, key
    for e in year.activity:
        assert e.total("build.requests_with_note") <= e.total("build.requests_sent")
        assert e.total("engage.replies_received") <= e.total("engage.messages_sent") + 3


def _actions(entry: ActivityEntry) -> int:
    return sum(entry.counts.values())


def test_weekdays_are_busier_and_holidays_quiet(year) -> None:
    weekdays = [_actions(e) for e in year.activity if e.day.weekday() < 5]
    weekends = [_actions(e) for e in year.activity if e.day.weekday() >= 5]
    assert sum(weekdays) / len(weekdays) > 2.5 * sum(weekends) / len(weekends)
    christmas = [_actions(e) for e in year.activity if e.day.month == 12 and e.day.day >= 24]
    assert max(christmas) < sum(weekdays) / len(weekdays) / 3


def test_profile_and_score_improve_over_time(year) -> None:
    completeness = [s.completeness for s in year.profiles]
    assert completeness == sorted(completeness) and completeness[-1] > completeness[0]
    totals = [r.total for r in year.readings]
    assert totals[-1] > totals[0] + 20
    assert 11 <= len(year.readings) <= 13


def test_readings_follow_the_model(year) -> None:
    table = score(year.activity, year.profiles)
    for r in year.readings:
        row = table.row(r.day)
        for p in PILLARS:
            assert abs(r.pillar(p) - row.pillar(p)) < 2.5
        assert abs(r.total - sum(r.pillar(p) for p in PILLARS)) <= 0.5


def test_notes_and_goal(year) -> None:
    texts = {n.text for n in year.notes}
    assert {"Holiday", "New job", "LinkedIn recalibrated"} <= texts
    assert year.goal.total > year.readings[-1].total
    assert year.goal.by is not None and year.goal.by > END


def test_ten_years_quickly() -> None:
    started = time.perf_counter()
    data = generate(3650, end=END)
    elapsed = time.perf_counter() - started
    assert len(data.activity) == 3650
    assert elapsed < 3.0


def test_stored_in_one_write(store_path, year) -> None:
    store = Store.open(store_path)
    store.add_records(**year.as_records())
    assert store.revision == 1
    again = Store.open(store_path)
    # A day with nothing at all (deep in a holiday) is not stored: the store keeps no zeros.
    stored = {e.day: {k: v for k, v in e.counts.items() if v} for e in again.activity()}
    expected = {
        e.day: {k: v for k, v in e.counts.items() if v}
        for e in year.activity
        if any(e.counts.values())
    }
    assert stored == expected and len(stored) > 350
    assert again.readings() == year.readings
    assert again.goal() == year.goal
