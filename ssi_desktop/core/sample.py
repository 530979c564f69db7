"""Example data: a believable member's LinkedIn life, for first runs, demos and benchmarks.

The member works weekdays, rests at weekends, takes a summer holiday and the days around New
Year off, has a few quiet weeks, changes job two thirds of the way through (and then searches
and connects more), and slowly fills in their profile. Official readings are the model's own
score on the day plus a little noise, so the charts show readings hugging the estimate the way
a calibrated model would.

Deterministic per seed: the same arguments always give the same records.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import numpy as np

from .catalogue import METRIC_KEYS, PILLAR_MAX, PILLARS, PROFILE_KEYS
from .changes import ApplyImport
from .records import ActivityEntry, Goal, Note, ProfileSnapshot, Reading
from .scoring import ScoreTable, score
from .validation import EARLIEST_DATE, today


@dataclass(frozen=True)
class SampleData:
    activity: tuple[ActivityEntry, ...]
    profiles: tuple[ProfileSnapshot, ...]
    readings: tuple[Reading, ...]
    notes: tuple[Note, ...]
    goal: Goal

    def as_records(self) -> dict[str, Any]:
        """Keyword arguments for ``Store.add_records``: all of it in one write."""
        return {"activity": self.activity, "profiles": self.profiles,
                "readings": self.readings, "notes": self.notes, "goal": self.goal}  # fmt: skip

    def change(self) -> ApplyImport:
        """All of it as one change (the app's "Load sample data", undoable)."""
        return ApplyImport(**self.as_records())


#: Mean counts on an ordinary weekday at full stride. Metrics derived from others
#: (notes on requests, replies, acceptances, senior connections) are drawn from these below.
_WEEKDAY_MEANS: dict[str, float] = {
    "brand.posts": 0.35,
    "brand.articles": 0.03,
    "brand.engagement": 14.0,
    "brand.profile_views": 7.0,
    "brand.search_appearances": 16.0,
    "brand.followers": 0.9,
    "brand.endorsements": 0.15,
    "find.searches": 3.0,
    "find.filtered_searches": 1.4,
    "find.profiles_viewed": 9.0,
    "find.leads_saved": 1.1,
    "engage.shares": 0.6,
    "engage.comments": 2.4,
    "engage.reactions": 11.0,
    "engage.group_posts": 0.3,
    "engage.messages_sent": 4.0,
    "build.requests_sent": 3.2,
    "build.invitations_received": 0.8,
}

#: Activity on each weekday (Monday first) relative to an ordinary weekday.
_WEEKDAY_FACTOR = np.array([1.0, 1.1, 1.05, 1.0, 0.8, 0.25, 0.15])

#: Pillars whose activity grows after the new job (prospecting and networking).
_NEW_JOB_BOOST = {"find": 1.35, "build": 1.3}

#: The order in which the member completes their profile; the first four are there at the start.
_PROFILE_ORDER = (
    "photo",
    "headline",
    "current_position",
    "education",
    "skills",
    "past_positions",
    "about",
    "custom_url",
    "banner",
    "contact_info",
    "recommendations",
    "media",
)
_PROFILE_AT_START = 4


def generate(days: int = 365, *, end: date | None = None, seed: int = 7) -> SampleData:
    """``days`` days of example records ending on ``end`` (today by default)."""
    if days < 1:
        raise ValueError("days must be at least 1")
    last = min(end or today(), today())
    first = max(last - timedelta(days=days - 1), EARLIEST_DATE)
    days = (last - first).days + 1
    rng = np.random.default_rng(seed)
    dates = [first + timedelta(days=i) for i in range(days)]
    new_job = dates[int(days * 0.65)]

    stride = _stride(dates, new_job, rng)
    counts = _draw_counts(dates, stride, new_job, rng)
    activity = tuple(
        ActivityEntry.create(day, {key: int(counts[key][i]) for key in METRIC_KEYS})
        for i, day in enumerate(dates)
    )
    profiles = _profiles(dates, rng)
    notes = _notes(dates, new_job, rng)
    table = score(activity, profiles, start=first, end=last)
    readings = _readings(table, dates, rng)
    now = table.row(last)
    # A goal a little out of reach: the next multiple of five, plus ten.
    goal = Goal.create(
        float(min(95, max(40, math.ceil(now.total / 5) * 5 + 10))),
        {"engage": round(min(PILLAR_MAX, now.engage + 3), 1)},
        by=last + timedelta(days=180),
    )
    return SampleData(activity, profiles, readings, notes, goal)


def _stride(dates: list[date], new_job: date, rng: np.random.Generator) -> np.ndarray:
    """How active the member is each day relative to an ordinary weekday at full stride."""
    n = len(dates)
    progress = np.linspace(0.0, 1.0, n)
    # A slow habit: from a quarter of full stride to four fifths of it.
    growth = 0.25 + 0.55 / (1.0 + np.exp(-6.0 * (progress - 0.45)))
    weekday = _WEEKDAY_FACTOR[[d.weekday() for d in dates]]
    # Busy and slack weeks: one lognormal factor per week.
    weeks = np.array([(d - dates[0]).days // 7 for d in dates])
    weekly = rng.lognormal(0.0, 0.25, weeks[-1] + 1)[weeks]
    stride = growth * weekday * weekly
    for i, day in enumerate(dates):
        if _on_holiday(day):
            stride[i] *= 0.04
    # A few quiet weeks a year (illness, crunch time): a fifth of the usual activity.
    for week in rng.choice(weeks[-1] + 1, size=max(1, n // 120), replace=False):
        stride[weeks == week] *= 0.2
    return np.asarray(stride, dtype=float)


def _on_holiday(day: date) -> bool:
    """The summer holiday (two weeks from the first Monday of August) and New Year."""
    august = date(day.year, 8, 1)
    start = august + timedelta(days=(7 - august.weekday()) % 7)
    summer = start <= day < start + timedelta(days=14)
    new_year = (day.month == 12 and day.day >= 24) or (day.month == 1 and day.day <= 1)
    return summer or new_year


def _draw_counts(
    dates: list[date], stride: np.ndarray, new_job: date, rng: np.random.Generator
) -> dict[str, np.ndarray]:
    after_job = np.array([d >= new_job for d in dates])
    counts: dict[str, np.ndarray] = {}
    for key, mean in _WEEKDAY_MEANS.items():
        boost = np.where(after_job, _NEW_JOB_BOOST.get(key.split(".")[0], 1.0), 1.0)
        counts[key] = rng.poisson(mean * stride * boost)
    # Engagement received follows publishing: a post brings reactions for days.
    echo = np.convolve(counts["brand.posts"] * 25.0, np.full(5, 0.2))[: len(dates)]
    counts["brand.engagement"] = counts["brand.engagement"] + rng.poisson(echo)
    sent = counts["build.requests_sent"]
    counts["build.requests_with_note"] = rng.binomial(sent, 0.6)
    # Acceptances trail requests by a few days; invitations one accepts are not counted here.
    recent = np.convolve(sent, np.full(4, 0.25))[: len(dates)]
    counts["build.requests_accepted"] = rng.poisson(recent * 0.55)
    counts["build.senior_connections"] = rng.binomial(
        counts["build.requests_accepted"] + counts["build.invitations_received"], 0.3
    )
    # A day is active when the member did anything of their own on it.
    own = sum(counts[k] for k in _WEEKDAY_MEANS if k != "build.invitations_received")
    counts["find.days_active"] = np.asarray(own > 0).astype(np.int64)
    counts["engage.replies_received"] = rng.binomial(
        counts["engage.messages_sent"], 0.45
    ) + rng.poisson(0.2 * stride)
    return counts


def _profiles(dates: list[date], rng: np.random.Generator) -> tuple[ProfileSnapshot, ...]:
    """The checklist at the start, then one more item done every so often."""
    remaining = len(_PROFILE_ORDER) - _PROFILE_AT_START - 1  # "media" never gets done
    span = len(dates)
    steps = sorted(rng.choice(np.arange(1, span), size=min(remaining, span - 1), replace=False))
    done = set(_PROFILE_ORDER[:_PROFILE_AT_START])
    snapshots = [ProfileSnapshot.create(dates[0], {k: k in done for k in PROFILE_KEYS})]
    for offset, item in zip(steps, _PROFILE_ORDER[_PROFILE_AT_START:], strict=False):
        done.add(item)
        snapshots.append(
            ProfileSnapshot.create(dates[int(offset)], {k: k in done for k in PROFILE_KEYS})
        )
    return tuple(snapshots)


def _notes(dates: list[date], new_job: date, rng: np.random.Generator) -> tuple[Note, ...]:
    first, last = dates[0], dates[-1]
    notes = [Note.create(new_job, "New job")]
    holidays = sorted({d for d in dates if _on_holiday(d) and not _on_holiday(d - timedelta(1))})
    notes += [Note.create(d, "Holiday") for d in holidays]
    recalibrated = dates[
        int(rng.integers(len(dates) // 5, max(len(dates) // 5 + 1, len(dates) // 2)))
    ]
    notes.append(Note.create(recalibrated, "LinkedIn recalibrated"))
    return tuple(sorted((n for n in notes if first <= n.day <= last), key=lambda n: n.day))


def _readings(
    table: ScoreTable, dates: list[date], rng: np.random.Generator
) -> tuple[Reading, ...]:
    """One official reading a month (the member looks on a random day), the first after a month
    of history so the estimate has something to go on."""
    readings: list[Reading] = []
    day = dates[0] + timedelta(days=30)
    while day <= dates[-1]:
        row = table.row(day)
        pillars = {
            p: round(min(PILLAR_MAX, max(0.0, row.pillar(p) + rng.normal(0, 0.5))), 2)
            for p in PILLARS
        }
        total = float(round(round(sum(pillars.values()), 4)))
        readings.append(
            Reading.create(
                day,
                **pillars,
                total=total,
                industry_rank=float(min(100, max(1, round(100 * math.exp(-total / 17))))),
                network_rank=float(min(100, max(1, round(100 * math.exp(-total / 22))))),
                industry_avg=round(24 + rng.normal(0, 0.4), 1),
                network_avg=round(29 + rng.normal(0, 0.4), 1),
            )
        )
        day += timedelta(days=int(rng.integers(27, 34)))
    return tuple(readings)
