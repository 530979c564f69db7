"""The profile checklist as the export shows it, and when each item appeared.

The export tells headline, about, contact info, positions, education, skills, recommendations
and media. It cannot tell photo, banner or custom URL: those are left out here and carried
over from the store's snapshots when the import is applied. Positions, education,
recommendations and media carry their own dates (:mod:`.profile_dates`), so an imported year
shows the profile the member had then (spec §3.17).
"""

from __future__ import annotations

from datetime import date

from .archive import TextStream
from .profile_dates import ItemDates
from .readers import find_header, rows
from .report import FileReport

#: The catalogue's help says "at least five skills"; LinkedIn's own profile-strength meter
#: asks for five too.
MIN_SKILLS = 5

PROFILE_COLUMNS = {
    "first": ("first name",),
    "last": ("last name",),
    "headline": ("headline",),
    "summary": ("summary",),
    "websites": ("websites",),
    "messengers": ("instant messengers",),
    "twitter": ("twitter handles",),
}

#: The column that proves a row is the file we think it is, per kind.
ANCHOR: dict[str, dict[str, tuple[str, ...]]] = {
    "positions": {
        "started": ("started on", "start date"),
        "finished": ("finished on", "end date"),
        "title": ("title",),
        "company": ("company name", "company"),
    },
    "education": {
        "school": ("school name", "school"),
        "started": ("start date",),
        "finished": ("end date",),
    },
    "skills": {"name": ("name", "skill")},
    "recommendations": {"status": ("status",), "text": ("text",), "when": ("creation date",)},
    "media": {"link": ("media link", "link"), "when": ("date/time", "date")},
}
_REQUIRED = {
    "positions": ("company",),
    "education": ("school",),
    "skills": ("name",),
    "recommendations": ("text",),
    "media": ("link",),
}


def _cell(record: list[str], index: int | None) -> str:
    if index is None or index >= len(record):
        return ""
    return record[index].strip()


def read_profile(stream: TextStream, report: FileReport) -> tuple[dict[str, bool], str]:
    """Checklist items from Profile.csv, and the member's name (only to spot them in
    messages.csv; never stored)."""
    records = rows(stream.text)
    columns = find_header(records, PROFILE_COLUMNS, ("headline",))
    items: dict[str, bool] = {}
    name = ""
    for record in records:
        if not any(cell.strip() for cell in record):
            continue
        report.rows_read += 1
        report.rows_used += 1
        items["headline"] = bool(_cell(record, columns["headline"]))
        items["about"] = bool(_cell(record, columns["summary"]))
        items["contact_info"] = any(
            _cell(record, columns[k]) for k in ("websites", "messengers", "twitter")
        )
        name = f"{_cell(record, columns['first'])} {_cell(record, columns['last'])}".strip()
        break
    return items, name


def read_checklist_file(
    kind: str, stream: TextStream, report: FileReport
) -> tuple[dict[str, bool], dict[str, date]]:
    """Positions, Education, Skills, Recommendations_Received or Rich_Media → checklist items,
    and the first day each item that is there was on the profile, where its rows tell it."""
    records = rows(stream.text)
    columns = find_header(records, ANCHOR[kind], _REQUIRED[kind])
    used = 0
    current = past = False
    item = {"education": "education", "recommendations": "recommendations", "media": "media"}
    dates = ItemDates()
    for record in records:
        if not any(cell.strip() for cell in record):
            continue
        report.rows_read += 1
        if kind == "recommendations" and _cell(record, columns["status"]).upper() == "HIDDEN":
            report.skip("recommendation hidden from the profile")
            continue
        if kind == "positions":
            # Every job was a current position from the month it started; a finished one
            # became a past position when it ended.
            started, finished = (
                _cell(record, columns["started"]),
                _cell(record, columns["finished"]),
            )
            dates.add("current_position", started)
            if finished:
                past = True
                dates.add("past_positions", finished)
            else:
                current = True
        elif kind == "education":
            dates.add(
                "education", _cell(record, columns["started"]) or _cell(record, columns["finished"])
            )
        elif kind in ("recommendations", "media"):
            dates.add(item[kind], _cell(record, columns["when"]))
        used += 1
    report.rows_used = used
    if kind == "positions":
        items = {"current_position": current, "past_positions": past}
    elif kind == "skills":
        items = {"skills": used >= MIN_SKILLS}
    else:
        items = {item[kind]: used > 0}
    return items, dates.first_days(items)
