"""Five members as they would record a year (spec issue 12), through the public API.

Each works weekdays (weekends at a fifth), copies the totals LinkedIn shows at the start and
once a quarter (growing with what they record), and has a steady profile. Counts are Poisson
draws with a fixed seed, so a persona is the same every run. ``python -m tests.core.personas``
prints the table in ``docs/scoring.md``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

from ssi_desktop.core.catalogue import PILLARS, PROFILE_KEYS
from ssi_desktop.core.records import ActivityEntry, ProfileSnapshot, Settings, TotalsSnapshot
from ssi_desktop.core.scoring import ScoreRow, score

START = date(2025, 1, 1)
DAYS = 365
END = START + timedelta(days=DAYS - 1)


@dataclass(frozen=True)
class Persona:
    name: str
    #: Mean counts per working day.
    weekday: dict[str, float]
    #: Totals on the first day: connections, senior, followers, viewers 90 d, appearances 7 d.
    network: tuple[int, int, int, int, int]
    profile_items: int = len(PROFILE_KEYS)
    sales_navigator: bool = False


PERSONAS: tuple[Persona, ...] = (
    Persona(
        "passive member",
        {"engage.reactions": 0.6, "find.days_active": 0.6, "build.invitations_received": 0.15},
        (500, 60, 510, 25, 12),
    ),
    Persona(
        "account executive",
        {
            "brand.posts": 0.2,
            "brand.engagement": 5,
            "brand.endorsements": 0.05,
            "find.searches": 2,
            "find.filtered_searches": 0.5,
            "find.profiles_viewed": 5,
            "find.days_active": 1,
            "engage.comments": 1,
            "engage.reactions": 4,
            "engage.shares": 0.2,
            "engage.messages_sent": 5,
            "engage.replies_received": 2,
            "build.requests_sent": 3,
            "build.requests_with_note": 2,
            "build.requests_accepted": 1.5,
            "build.invitations_received": 0.5,
            "build.senior_connections": 0.4,
        },
        (1500, 350, 1600, 150, 60),
        profile_items=10,
    ),
    Persona(
        "Sales Navigator power user",
        {
            "brand.posts": 0.4,
            "brand.engagement": 15,
            "brand.endorsements": 0.1,
            "find.searches": 3,
            "find.filtered_searches": 10,
            "find.profiles_viewed": 30,
            "find.leads_saved": 6,
            "find.days_active": 1,
            "engage.comments": 2,
            "engage.reactions": 8,
            "engage.shares": 0.4,
            "engage.group_posts": 0.2,
            "engage.messages_sent": 15,
            "engage.replies_received": 5,
            "build.requests_sent": 10,
            "build.requests_with_note": 8,
            "build.requests_accepted": 5,
            "build.invitations_received": 2,
            "build.senior_connections": 1.5,
        },
        (4000, 1200, 4500, 600, 250),
        sales_navigator=True,
    ),
    Persona(
        "creator",
        {
            "brand.posts": 1.2,
            "brand.articles": 0.1,
            "brand.engagement": 400,
            "brand.endorsements": 0.3,
            "find.searches": 1,
            "find.profiles_viewed": 5,
            "find.days_active": 1,
            "engage.comments": 8,
            "engage.reactions": 20,
            "engage.shares": 0.2,
            "engage.messages_sent": 4,
            "engage.replies_received": 3,
            "build.requests_sent": 1,
            "build.requests_accepted": 0.8,
            "build.invitations_received": 8,
            "build.senior_connections": 0.5,
        },
        (8000, 900, 40000, 3000, 900),
    ),
    Persona(
        "recruiter",
        {
            "brand.posts": 0.2,
            "brand.engagement": 3,
            "find.searches": 2,
            "find.filtered_searches": 15,
            "find.profiles_viewed": 50,
            "find.leads_saved": 8,
            "find.days_active": 1,
            "engage.comments": 0.5,
            "engage.reactions": 3,
            "engage.shares": 1,
            "engage.messages_sent": 25,
            "engage.replies_received": 8,
            "build.requests_sent": 15,
            "build.requests_with_note": 10,
            "build.requests_accepted": 8,
            "build.invitations_received": 3,
            "build.senior_connections": 1,
        },
        (6000, 700, 6000, 800, 400),
        sales_navigator=True,
    ),
)

#: The share of a working day's activity done on a Saturday or Sunday.
WEEKEND = 0.2
#: Days between two copies of the totals.
TOTALS_EVERY = 91


@dataclass(frozen=True)
class Records:
    activity: list[ActivityEntry]
    profiles: list[ProfileSnapshot]
    totals: list[TotalsSnapshot]
    settings: Settings


def records(persona: Persona, seed: int = 12) -> Records:
    rng = np.random.default_rng(seed)
    activity = []
    grown = np.zeros(3)  # connections, senior, followers recorded since the first day
    totals = []
    for i in range(DAYS):
        day = START + timedelta(days=i)
        factor = WEEKEND if day.weekday() >= 5 else 1.0
        counts = {k: int(rng.poisson(v * factor)) for k, v in persona.weekday.items()}
        counts["find.days_active"] = min(1, counts.get("find.days_active", 0))
        counts["build.requests_with_note"] = min(
            counts.get("build.requests_with_note", 0), counts.get("build.requests_sent", 0)
        )
        if i % TOTALS_EVERY == 0:
            totals.append(_totals(persona, day, grown))
        activity.append(ActivityEntry.create(day, {k: v for k, v in counts.items() if v}))
        grown += [
            counts.get("build.requests_accepted", 0) + counts.get("build.invitations_received", 0),
            counts.get("build.senior_connections", 0),
            counts.get("brand.followers", 0) + 0.5 * counts.get("build.invitations_received", 0),
        ]
    done = PROFILE_KEYS[: persona.profile_items]
    profile = ProfileSnapshot.create(START, {k: k in done for k in PROFILE_KEYS})
    settings = Settings(sales_navigator=persona.sales_navigator)
    return Records(activity, [profile], totals, settings)


def _totals(persona: Persona, day: date, grown: np.ndarray) -> TotalsSnapshot:
    connections, senior, followers, viewers, appearances = persona.network
    return TotalsSnapshot.create(
        day,
        {
            "totals.connections": connections + int(grown[0]),
            "totals.senior_connections": senior + int(grown[1]),
            "totals.followers": followers + int(grown[2]),
            "totals.profile_viewers_90d": viewers,
            "totals.search_appearances_7d": appearances,
        },
    )


def year_end(persona: Persona) -> ScoreRow:
    data = records(persona)
    table = score(data.activity, data.profiles, totals=data.totals, settings=data.settings,
                  end=END)  # fmt: skip
    return table.row(END)


def table_lines() -> list[str]:
    lines = ["| persona | total | " + " | ".join(PILLARS) + " |", "|---|---|---|---|---|---|"]
    for persona in PERSONAS:
        row = year_end(persona)
        values = " | ".join(f"{row.pillar(p):.1f}" for p in PILLARS)
        lines.append(f"| {persona.name} | {row.total:.1f} | {values} |")
    return lines


if __name__ == "__main__":
    print("\n".join(table_lines()))
