"""``recorded_inputs`` skips days whose keys are all known: it must still find every key."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from ssi_desktop.core.catalogue import METRIC_KEYS
from ssi_desktop.core.coverage import recorded_inputs
from ssi_desktop.core.records import ActivityEntry

_days = st.lists(
    st.dictionaries(st.sampled_from(METRIC_KEYS[:8]), st.integers(0, 1), max_size=4), max_size=30
)


@given(_days)
def test_every_key_counted_above_zero_on_some_day_is_recorded(days: list[dict[str, int]]) -> None:
    entries = [
        ActivityEntry.create(date(2025, 1, 1) + timedelta(days=i), counts)
        for i, counts in enumerate(days)
    ]
    expected = {key for counts in days for key, value in counts.items() if value > 0}
    assert recorded_inputs(entries) == expected
