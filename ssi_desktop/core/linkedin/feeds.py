"""What one export file fed, in a sentence a member understands (spec §3.17).

"Connections.csv gives your network's size on 1,204 days: 1,204 connections, 312 of them
decision makers"; "Logins.csv gives 210 days active". The report puts each sentence under its
file.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from ..catalogue import METRICS_BY_KEY, PROFILE_ITEMS
from ..records import TotalsSnapshot
from .counts import DayCounts
from .history import CONNECTIONS, SENIOR
from .profile import MIN_SKILLS

_LABELS = {item.key: item.label.lower() for item in PROFILE_ITEMS}
#: Which checklist items each profile file tells.
_ITEMS_OF = {
    "profile": ("headline", "about", "contact_info"),
    "positions": ("current_position", "past_positions"),
    "education": ("education",),
    "skills": ("skills",),
    "recommendations": ("recommendations",),
    "media": ("media",),
}


def _days(n: int) -> str:
    return f"{n:,} day" if n == 1 else f"{n:,} days"


def activity_sentence(counts: DayCounts) -> str:
    """ "posts published: 120 on 98 days; …" — one clause per metric the file counted."""
    clauses = []
    for key, per_day in counts.items():
        days = sum(1 for n in per_day.values() if n)
        if not days:
            continue
        if key == "find.days_active":
            clauses.append(f"{_days(days)} active on LinkedIn")
            continue
        label = METRICS_BY_KEY[key].label.lower()
        clauses.append(f"{label}: {sum(per_day.values()):,} on {_days(days)}")
    return "; ".join(clauses)


def network_sentence(network: tuple[TotalsSnapshot, ...]) -> str:
    first, last = network[0], network[-1]
    span = (last.day - first.day).days + 1
    text = (
        f"your network's size on {_days(span)} ({first.day.isoformat()} to "
        f"{last.day.isoformat()}): {last.values[CONNECTIONS]:,} connections"
    )
    if SENIOR in last.values:
        text += f", {last.values[SENIOR]:,} of them decision makers"
    return text


def profile_sentence(kind: str, days: Mapping[str, date], checklist: Mapping[str, bool]) -> str:
    """ "current position since 2019-03-01, past positions since 2021-06-01" or what it lacks."""
    clauses = []
    for item in _ITEMS_OF[kind]:
        if item not in checklist:
            continue
        if item in days:
            clauses.append(f"{_LABELS[item]} since {days[item].isoformat()}")
        elif item == "skills":
            clauses.append(f"fewer than {MIN_SKILLS} skills")
        else:
            clauses.append(f"no {_LABELS[item]}")
    return "the profile checklist: " + ", ".join(clauses) if clauses else ""
