"""The inline check of activity documents on open gives ``ActivityEntry.create``'s verdicts."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from ssi_desktop.core.catalogue import METRICS
from ssi_desktop.core.validation import ValidationError, today
from ssi_desktop.storage import documents

keys = st.one_of(st.sampled_from([m.key for m in METRICS]), st.sampled_from(["x", "engage.likes"]))
values = st.one_of(
    st.integers(-2, 300), st.booleans(), st.floats(-1, 5), st.sampled_from(["3", None, [1]])
)
dates = st.one_of(
    st.dates().map(str),
    st.sampled_from(["2024-02-30", "20240102", "2003-05-04", "2003-05-05", str(today()), ""]),
    st.integers(),
)
docs = st.fixed_dictionaries(
    {
        "date": dates,
        "source": st.sampled_from(["manual", "linkedin", "csv", "other", 3, [], {}]),
        "counts": st.one_of(st.dictionaries(keys, values, max_size=5), st.just([])),
    }
)


@settings(max_examples=400, deadline=None)
@given(doc=docs)
def test_the_fast_path_accepts_exactly_what_create_accepts(doc: dict[str, Any]) -> None:
    documents._NOW[0] = today()
    fast = documents._sound_activity(doc)
    try:
        slow = documents._created_activity(doc)
    except (ValidationError, documents._Bad):
        slow = None
    if fast is not None:
        assert slow == fast
    elif slow is not None:
        assert slow.day > today()  # only a date within the future slack takes the slow path
