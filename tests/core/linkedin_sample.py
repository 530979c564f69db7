"""A small complete export shared by the LinkedIn import tests, with its exact expected counts."""

from __future__ import annotations

from datetime import date

from tests.core import export_builder as xb

ZIP_NAME = "Complete_LinkedInDataExport_01-15-2026.zip"


def files() -> dict[str, str]:
    return {
        "Connections.csv": xb.connections_csv(
            [
                ("ann", "VP Sales", "07 Dec 2025"),
                ("bob", "Engineer", "07 Dec 2025"),
                ("cat", "Co-Founder", "1 Jan 2026"),
                ("dan", "Intern", "1 Jan 2026"),
            ],
            bom=True,
        ),
        "Invitations.csv": xb.invitations_csv(
            [
                ("OUTGOING", "12/1/25, 1:12 AM", "Hi Ann", "ann"),
                ("OUTGOING", "12/1/25, 3:40 PM", "", "cat"),
                ("OUTGOING", "12/2/25, 9:00 AM", "A note", "zed"),
                ("INCOMING", "12/5/25, 10:00 AM", "", "bob"),
            ]
        ),
        "messages.csv": xb.messages_csv(
            [
                ("B", "bob", "2025-11-04 08:00:00 UTC", "thanks"),
                ("A", "ann", "2025-11-02 11:00:00 UTC", "again"),
                ("A", "ann", "2025-11-02 09:00:00 UTC", 'reply, "quoted"\nsecond line'),
                ("A", "me", "2025-11-01 10:00:00 UTC", "hi"),
                ("B", "me", "2025-11-03 09:00:00 UTC", "hello"),
                ("B", "bob", "2025-11-03 08:00:00 UTC", "first"),
                ("C", "cat", "2025-11-05 08:00:00 UTC", "cold"),
                ("D", "me", "2025-11-06 08:00:00 UTC", "draft"),
            ],
            draft=[7],
        ),
        "guide_messages.csv": xb.messages_csv([("G", "me", "2025-11-01 10:00:00 UTC", "x")]),
        "Shares/Shares_12345.csv": xb.shares_csv(
            ["2025-07-20 10:25:25", "2025-07-20 18:00:00", "2025-07-21 08:00:00"]
        ),
        "Comments.csv": xb.comments_csv(["2025-08-01 10:00:00", "2025-08-01 11:00:00"]),
        "Reactions_12345.csv": xb.reactions_csv(
            [
                "2025-08-02 12:00:00",
                "2025-08-02 13:00:00",
                "2025-08-02 14:00:00",
                "2002-01-01 00:00:00",
                "2099-01-01 00:00:00",
                "not a date",
            ]
        ),
        "InstantReposts_12345.csv": xb.single_date_csv(["Date", "Link"], ["2025-08-03 10:00:00"]),
        "Votes.csv": xb.single_date_csv(["Date", "Link", "OptionText"], ["2025-08-03 11:00:00"]),
        "SearchQueries.csv": xb.single_date_csv(
            ["Time", "Search Query"], ["2025/08/04 10:00:00 UTC", "2025/08/04 11:00:00 UTC"]
        ),
        "Endorsement_Received_Info.csv": xb.table(
            [
                "Endorsement Date",
                "Skill Name",
                "Endorser First Name",
                "Endorser Last Name",
                "Endorser Public Url",
                "Endorsement Status",
            ],
            [
                ("2025/08/05 10:00:00 UTC", "Sales", "A", "B", "", "ACCEPTED"),
                ("2025/08/05 11:00:00 UTC", "Sales", "C", "D", "", "REJECTED"),
            ],
        ),
        "Profile.csv": xb.profile_csv(websites="[COMPANY:https://example.com]"),
        "Positions.csv": xb.positions_csv(["", "Dec 2019"]),
        "Education.csv": xb.table(
            ["School Name", "Start Date", "End Date", "Notes", "Degree Name", "Activities"],
            [("Uni", "", "", "", "", "")],
        ),
        "Skills.csv": xb.names_csv("Name", 6),
        "Recommendations_Received.csv": xb.table(
            ["First Name", "Last Name", "Company", "Job Title", "Text", "Creation Date", "Status"],
            [("A", "B", "C", "D", "Great", "01/05/24, 10:00 AM", "VISIBLE")],
        ),
        "Rich Media.csv": xb.table(
            ["Date/Time", "Media Description", "Media Link"],
            [("You uploaded a photo on April 12, 2025 at 8:03 AM (GMT)", "", "https://x")],
        ),
        "Articles/Articles/2024-my-article.html": "<html><title>Mine</title></html>",
        "Ad_Targeting.csv": "Member Age\r\n25 to 34\r\n",
    }


EXPECTED: dict[str, dict[date, int]] = {
    "build.requests_sent": {date(2025, 12, 1): 2, date(2025, 12, 2): 1},
    "build.requests_with_note": {date(2025, 12, 1): 1, date(2025, 12, 2): 1},
    "build.invitations_received": {date(2025, 12, 5): 1},
    "build.requests_accepted": {date(2025, 12, 7): 1, date(2026, 1, 1): 1},
    "build.senior_connections": {date(2025, 12, 7): 1, date(2026, 1, 1): 1},
    "engage.messages_sent": {date(2025, 11, 1): 1, date(2025, 11, 3): 1},
    "engage.replies_received": {date(2025, 11, 2): 2, date(2025, 11, 4): 1},
    "brand.posts": {date(2025, 7, 20): 2, date(2025, 7, 21): 1},
    "engage.comments": {date(2025, 8, 1): 2},
    "engage.reactions": {date(2025, 8, 2): 3, date(2025, 8, 3): 1},
    "engage.shares": {date(2025, 8, 3): 1},
    "find.searches": {date(2025, 8, 4): 2},
    "brand.endorsements": {date(2025, 8, 5): 1},
}

EXPECTED_CHECKLIST = {
    "headline": True,
    "about": True,
    "contact_info": True,
    "current_position": True,
    "past_positions": True,
    "education": True,
    "skills": True,
    "recommendations": True,
    "media": True,
}
