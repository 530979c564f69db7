"""The store's in-memory records after a write equal what a fresh open of the file reads."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from ssi_desktop.core.records import ActivityEntry
from ssi_desktop.storage import Store

START = date(2025, 1, 1)
edits = st.lists(
    st.tuples(st.integers(0, 20), st.sampled_from(["manual", "linkedin", "csv"]),
              st.integers(0, 3), st.integers(0, 3)),
    min_size=1, max_size=25,
)  # fmt: skip


@settings(max_examples=40, deadline=None)
@given(edits)
def test_single_day_writes_keep_the_cache_equal_to_the_file(tmp_path_factory, changes) -> None:
    path: Path = tmp_path_factory.mktemp("cache") / "store.json"
    with Store.open(path) as store:
        store.set_activities(
            ActivityEntry.create(START + timedelta(days=d), {"find.searches": 1})
            for d in range(0, 20, 3)
        )
        for offset, source, comments, searches in changes:
            store.activity()  # warm the cache, as the app's views do
            entry = ActivityEntry.create(START + timedelta(days=offset),
                                         {"engage.comments": comments, "find.searches": searches},
                                         source)  # fmt: skip
            store.set_activity(entry)
            held = store.activity()
            with Store.open(path, read_only=True) as fresh:
                assert held == fresh.activity()
            assert held == tuple(sorted(held, key=lambda e: (e.day, e.source)))
