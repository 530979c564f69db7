"""Activity writes go straight to the table through a (date, source) index: checked against
a plain dict model over random sequences, with failed writes mixed in, then read back."""

from __future__ import annotations

import errno
import os
import tempfile
from datetime import date, timedelta
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from ssi_desktop.core.catalogue import SOURCES
from ssi_desktop.core.records import ActivityEntry
from ssi_desktop.storage import Store, StoreError

DAYS = [date(2024, 1, 1) + timedelta(days=i) for i in range(6)]

op = st.one_of(
    st.tuples(st.just("set"), st.sampled_from(DAYS), st.sampled_from(SOURCES), st.integers(0, 3)),
    st.tuples(st.just("delete"), st.sampled_from(DAYS), st.sampled_from(SOURCES), st.just(0)),
    st.tuples(st.just("bulk"), st.sampled_from(DAYS), st.sampled_from(SOURCES), st.integers(0, 3)),
    st.tuples(st.just("fail"), st.sampled_from(DAYS), st.sampled_from(SOURCES), st.integers(1, 3)),
)


def _entry(day: date, source: str, n: int) -> ActivityEntry:
    return ActivityEntry.create(day, {"brand.posts": n, "find.searches": 0}, source)


@settings(max_examples=40, deadline=None)
@given(ops=st.lists(op, max_size=25))
# A deleted day's id, given back after a failed write re-read the table, must not be given
# to another day too.
@example(
    ops=[
        ("set", DAYS[2], "manual", 1),
        ("delete", DAYS[2], "manual", 0),
        ("fail", DAYS[0], "manual", 1),
        ("bulk", DAYS[2], "manual", 1),
    ]
)
def test_writes_match_a_dict_model_and_survive_a_reopen(ops) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "store.json"
        model: dict[tuple[date, str], int] = {}
        store = Store.open(path)
        for kind, day, source, n in ops:
            if kind == "set":
                store.set_activity(_entry(day, source, n))
                model[(day, source)] = n
            elif kind == "delete":
                store.delete_activity(day, source)
                model.pop((day, source), None)
            elif kind == "bulk":  # two days in one write
                other = DAYS[(DAYS.index(day) + 1) % len(DAYS)]
                store.add_records(activity=[_entry(day, source, n), _entry(other, source, n)])
                model[(day, source)] = model[(other, source)] = n
            else:  # a write that fails at the rename: nothing of it may stay
                real = os.replace

                def broken(*args, **kwargs):
                    raise OSError(errno.EIO, "I/O error")

                os.replace = broken
                try:
                    store.set_activity(_entry(day, source, n + 10))
                except StoreError:
                    pass
                finally:
                    os.replace = real
            expected = {k: v for k, v in model.items() if v}
            held = {(e.day, e.source): e.counts["brand.posts"] for e in store.activity()}
            assert held == expected
            for (d, s), v in expected.items():
                assert store.activity_on(d, s).counts["brand.posts"] == v
        store.close()
        with Store.open(path) as again:
            held = {(e.day, e.source): e.counts["brand.posts"] for e in again.activity()}
            assert held == {k: v for k, v in model.items() if v}
