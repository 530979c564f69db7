"""Reading LinkedIn's SSI page as copied, in several languages, by shape and order."""

from __future__ import annotations

from datetime import date

import pytest

from ssi_desktop.core.records import Reading
from ssi_desktop.core.ssi_page import NotAnSsiPage, read_ssi_page, reading_from_page
from ssi_desktop.core.validation import ValidationError

from .ssi_pages import ENGLISH, FRENCH, GERMAN, HALF, JUNK, PORTUGUESE, ZEROS

DAY = date(2025, 3, 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (ENGLISH, dict(brand=12.275, find=6, engage=3.1, build=1.948, total=23,
                       industry_rank=65, network_rank=71, industry_avg=31, network_avg=30)),
        (PORTUGUESE, dict(brand=20.998, find=6.4, engage=10.25, build=15, total=53,
                          industry_rank=9, network_rank=12, industry_avg=34, network_avg=28.5)),
        (GERMAN, dict(brand=14.5, find=10, engage=11.25, build=11.3, total=47,
                      industry_rank=12, network_rank=20, industry_avg=29, network_avg=33)),
        (FRENCH, dict(brand=19.5, find=17, engage=16.75, build=18, total=71,
                      industry_rank=5, network_rank=8, industry_avg=27, network_avg=35)),
    ],
    ids=["english-with-peers", "portuguese", "german", "french"],
)  # fmt: skip
def test_each_language_gives_exactly_the_figures_shown(text: str, expected: dict) -> None:
    assert reading_from_page(text, DAY) == Reading.create(DAY, **expected)


def test_crlf_and_a_total_split_over_two_lines() -> None:
    text = ENGLISH.replace("23 out of 100", "23\nout of 100").replace("\n", "\r\n")
    figures = read_ssi_page(text)
    assert figures.total == 23
    assert figures.pillars == (12.275, 6, 3.1, 1.948)


def test_a_page_without_ranks_or_averages_leaves_them_empty() -> None:
    text = "\n".join(ENGLISH.splitlines()[5:12])
    reading = reading_from_page(text, DAY)
    assert (reading.total, reading.industry_rank, reading.network_avg) == (23, None, None)


def test_only_the_peers_rows_are_not_a_page() -> None:
    peers = "\n".join(ENGLISH.splitlines()[15:])
    with pytest.raises(NotAnSsiPage, match="found no pillar values"):
        read_ssi_page(peers)


def test_junk_is_refused_saying_nothing_was_found() -> None:
    with pytest.raises(NotAnSsiPage, match="found no pillar values"):
        read_ssi_page(JUNK)
    with pytest.raises(NotAnSsiPage, match="found no pillar values"):
        read_ssi_page("")


def test_half_a_page_is_refused_saying_what_was_found() -> None:
    with pytest.raises(NotAnSsiPage) as error:
        read_ssi_page(HALF)
    message = str(error.value)
    assert "2 of the 4 pillar values (12.275, 6)" in message
    assert "the total 23" in message
    assert "2 ranks" in message


def test_four_zeros_are_a_failed_copy() -> None:
    with pytest.raises(NotAnSsiPage, match="all four are 0"):
        read_ssi_page(ZEROS)


def test_a_total_far_from_the_pillars_is_refused_by_the_reading_checks() -> None:
    with pytest.raises(ValidationError) as error:
        reading_from_page(ENGLISH.replace("23 out of 100", "40 out of 100"), DAY)
    assert error.value.field == "total"
