"""Creator Analytics workbooks built in code, shaped as LinkedIn writes them (domain.md)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from openpyxl import Workbook


def us(day: date) -> str:
    """LinkedIn's text date: M/D/YYYY without leading zeros."""
    return f"{day.month}/{day.day}/{day.year}"


def days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


def write_workbook(
    folder: Path,
    engagement: dict[date, int],
    new_followers: dict[date, int],
    total: int,
    *,
    as_text: bool = True,
    name: str = "Ana",
) -> Path:
    """``AggregateAnalytics_<name>_<start>_<end>.xlsx`` with LinkedIn's five sheets; numbers
    and dates as text unless ``as_text`` is False (real cells, as a re-saved file has)."""
    first, last = min(engagement), max(engagement)

    def cell_day(day: date) -> object:
        return us(day) if as_text else day

    def cell_number(n: int) -> object:
        return str(n) if as_text else n

    book = Workbook()
    discovery = book.active
    assert discovery is not None
    discovery.title = "DISCOVERY"
    discovery.append(["Overall Performance", f"{us(first)} - {us(last)}"])
    discovery.append(["Impressions", "12034"])
    discovery.append(["Members reached", "4410"])
    sheet = book.create_sheet("ENGAGEMENT")
    sheet.append(["Date", "Impressions", "Engagements"])
    for day, n in sorted(engagement.items()):
        sheet.append([cell_day(day), cell_number(n * 40), cell_number(n)])
    posts = book.create_sheet("TOP POSTS")
    posts.append(["Maximum of 50 posts available to include in this list"])
    posts.append([])
    posts.append(["Post URL", "Post Publish Date", "Engagements", None, "Post URL",
                  "Post Publish Date", "Impressions"])  # fmt: skip
    followers = book.create_sheet("FOLLOWERS")
    followers.append([f"Total followers on {us(last)}", cell_number(total)])
    followers.append([])
    followers.append(["Date", "New followers"])
    for day, n in sorted(new_followers.items()):
        followers.append([cell_day(day), cell_number(n)])
    demo = book.create_sheet("DEMOGRAPHICS")
    demo.append(["Top Demographics", "Value", "Percentage"])
    demo.append(["Job titles", "Software Engineer", "< 1%"])
    path = folder / f"AggregateAnalytics_{name}_{first.isoformat()}_{last.isoformat()}.xlsx"
    book.save(path)
    return path
