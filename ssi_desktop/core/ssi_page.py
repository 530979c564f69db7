"""LinkedIn's SSI page as a member copies it (select all, copy): the figures of a reading.

LinkedIn renders the page in the member's language, so nothing here matches words; it reads
the page by the shape and order of its lines (domain.md, "What LinkedIn's pages show"):

- the member's pillars are four consecutive rows *value first* ("12.275  Establish your
  professional brand", or the value on its own line above the name), in the order brand,
  find, engage, build; the peers' rows put the name first and are never taken;
- the total is a number, a word or two, then 100 ("23 out of 100", "53 de 100", "47 von 100");
- ranks are percentages ("Top 65%", "Top 12 %", "Primeiros 9%"): the first the industry's,
  the second the network's;
- averages are sentences with a number inside ("… have an average SSI of 31.", "… têm um SSI
  médio de 34"): the first the industry's, the second the network's.

Decimal commas and points, tabs, non-breaking spaces and blank lines are all accepted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from .catalogue import PILLAR_MAX, PILLARS
from .records import Reading, check_not_all_zero

_NUMBER = r"\d+(?:[.,]\d+)?"
#: "23 out of 100": a number, one to three words, then 100.
_TOTAL = re.compile(rf"^({_NUMBER})\s+\S+(?:\s+\S+){{0,2}}\s+100\.?$")
#: "Top 65%", "Top 12 %", "Primeiros 9%", "%9".
_RANK = re.compile(rf"(?<![0-9.,])({_NUMBER})\s*%|%\s*({_NUMBER})")
#: A row whose value comes first: a number, then a name that starts with a letter.
_VALUE_FIRST = re.compile(rf"^({_NUMBER})\s+([^\W\d_].*)$")
_LONE_NUMBER = re.compile(rf"^({_NUMBER})$")
_STARTS_WITH_LETTER = re.compile(r"^[^\W\d_]")
#: A number inside a sentence (not glued to latin letters or digits, not a percentage).
_IN_SENTENCE = re.compile(rf"(?<![0-9A-Za-z.,])({_NUMBER})(?![0-9A-Za-z%])")
#: Spaces LinkedIn puts inside figures and between cells.
_SPACES = re.compile(r"[ \t\u00a0\u2007\u2009\u202f]+")


class NotAnSsiPage(ValueError):
    """The text is not a whole SSI page; the message says what was found in it."""


@dataclass(frozen=True, slots=True)
class PageFigures:
    """What the page showed; ``reading(day)`` checks it as every other door does."""

    pillars: tuple[float, float, float, float]
    total: float | None = None
    industry_rank: float | None = None
    network_rank: float | None = None
    industry_avg: float | None = None
    network_avg: float | None = None

    def fields(self) -> dict[str, float | None]:
        """The Reading's keyword arguments: pillars by name, then the optional figures."""
        return {
            **dict(zip(PILLARS, self.pillars, strict=True)),
            "total": self.total,
            "industry_rank": self.industry_rank,
            "network_rank": self.network_rank,
            "industry_avg": self.industry_avg,
            "network_avg": self.network_avg,
        }

    def reading(self, day: Any) -> Reading:
        """A checked :class:`Reading` of ``day`` (raises ValidationError like the form would)."""
        return Reading.create(day, **self.fields())


def _number(text: str) -> float:
    return float(text.replace(",", "."))


def _lines(text: str) -> list[str]:
    lines = (_SPACES.sub(" ", line).strip() for line in text.splitlines())
    return [line for line in lines if line]


def _joined_totals(lines: list[str]) -> list[str]:
    """Put "23" and "out of 100" back on one line when the copy split them."""
    out: list[str] = []
    for line in lines:
        if out and _LONE_NUMBER.match(out[-1]) and _TOTAL.match(f"{out[-1]} {line}"):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out


def _pillar_runs(lines: list[str]) -> tuple[list[float], set[int]]:
    """The first run of four value-first rows (or the longest run, when none has four), and
    the indexes of the lines it used."""
    best: list[tuple[float, list[int]]] = []
    run: list[tuple[float, list[int]]] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        pair: tuple[float, list[int]] | None = None
        if not _TOTAL.match(line) and not _RANK.search(line):
            same = _VALUE_FIRST.match(line)
            lone = _LONE_NUMBER.match(line)
            if same and _number(same.group(1)) <= PILLAR_MAX:
                pair = (_number(same.group(1)), [i])
            elif (
                lone
                and _number(lone.group(1)) <= PILLAR_MAX
                and i + 1 < len(lines)
                and _STARTS_WITH_LETTER.match(lines[i + 1])
                and not _RANK.search(lines[i + 1])
            ):
                pair = (_number(lone.group(1)), [i, i + 1])
        if pair is None:
            run = []
            i += 1
            continue
        run.append(pair)
        if len(run) > len(best):
            best = list(run)
        if len(run) == len(PILLARS):
            break
        i += len(pair[1])
    used = {index for _value, indexes in best for index in indexes}
    return [value for value, _indexes in best], used


def read_ssi_page(text: str) -> PageFigures:
    """The figures of a copied SSI page.

    Raises :class:`NotAnSsiPage` when fewer than four pillar rows are found, or all four are 0
    (a copy taken before the page had loaded), saying what was found.
    """
    lines = _joined_totals(_lines(text))
    pillars, used = _pillar_runs(lines)
    total: float | None = None
    ranks: list[float] = []
    averages: list[float] = []
    for index, line in enumerate(lines):
        if index in used:
            continue
        if total is None and (match := _TOTAL.match(line)):
            total = _number(match.group(1))
            continue
        if rank := _RANK.search(line):
            ranks.append(_number(rank.group(1) or rank.group(2)))
            continue
        if len(line.split()) >= 4 and not _VALUE_FIRST.match(line):
            found = [_number(n) for n in _IN_SENTENCE.findall(line)]
            found = [n for n in found if n <= 4 * PILLAR_MAX]
            if found:
                averages.append(found[-1])
    if len(pillars) < len(PILLARS):
        raise NotAnSsiPage(_not_a_page(pillars, total, ranks))
    try:
        check_not_all_zero(dict(zip(PILLARS, pillars, strict=True)))
    except ValueError as exc:
        raise NotAnSsiPage(
            f"{exc}. The page had not finished loading when it was copied: "
            "wait for the figures to show, then copy it again."
        ) from None
    return PageFigures(
        (pillars[0], pillars[1], pillars[2], pillars[3]),
        total,
        industry_rank=_nth(ranks, 0),
        network_rank=_nth(ranks, 1),
        industry_avg=_nth(averages, 0),
        network_avg=_nth(averages, 1),
    )


def _nth(values: list[float], index: int) -> float | None:
    return values[index] if index < len(values) else None


def _not_a_page(pillars: list[float], total: float | None, ranks: list[float]) -> str:
    found: list[str] = []
    if pillars:
        values = ", ".join(f"{v:g}" for v in pillars)
        found.append(f"{len(pillars)} of the 4 pillar values ({values})")
    if total is not None:
        found.append(f"the total {total:g}")
    if ranks:
        found.append(f"{len(ranks)} rank{'s' if len(ranks) > 1 else ''}")
    what = ", ".join(found) if found else "no pillar values"
    return (
        f"This is not the whole SSI page: found {what}. Open linkedin.com/sales/ssi, "
        "select all, copy, and paste again."
    )


def reading_from_page(text: str, day: date) -> Reading:
    """The reading a pasted page gives on ``day`` (NotAnSsiPage or ValidationError if not)."""
    return read_ssi_page(text).reading(day)
