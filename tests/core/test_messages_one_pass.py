"""messages.csv in LinkedIn's order (newest first) is counted in one pass, messages sent in
the same second included; the counts are those of the two-pass count of any other order."""

from __future__ import annotations

from pathlib import Path
from tempfile import TemporaryDirectory

from hypothesis import given, settings
from hypothesis import strategies as st

from ssi_desktop.core.linkedin import read_export
from ssi_desktop.core.linkedin.archive import Archive, open_text
from ssi_desktop.core.linkedin.control import Control
from ssi_desktop.core.linkedin.messages import read_messages_once
from ssi_desktop.core.linkedin.report import FileReport
from tests.core import export_builder as xb

messages = st.lists(
    st.tuples(
        st.sampled_from(["c1", "c2", "c3"]),
        st.sampled_from(["me", "ann", "bob"]),
        # Few distinct moments, over two days: many messages share a second.
        st.sampled_from(
            [
                "2025-03-01 10:00:00",
                "2025-03-01 10:00:05",
                "2025-03-02 09:00:00",
                "2025-03-02 09:30:00",
            ]
        ),
    ),
    min_size=1,
    max_size=14,
)


def _zip(folder: Path, rows: list[tuple[str, str, str]], name: str) -> Path:
    text = xb.messages_csv((c, who, when + " UTC", "hi") for c, who, when in rows)
    return xb.write_zip(folder / name, {"messages.csv": text})


@settings(max_examples=150, deadline=None)
@given(rows=messages, data=st.data())
def test_one_pass_with_ties_counts_as_two_passes(rows: list, data: st.DataObject) -> None:
    newest_first = sorted(rows, key=lambda r: r[2], reverse=True)  # ties keep a random order
    shuffled = data.draw(st.permutations(rows))
    with TemporaryDirectory() as folder:
        # The two-pass count, of an order one pass cannot take (or of the same, if it can).
        result = read_export(_zip(Path(folder), list(shuffled), "any.zip"))
        two = {k: dict(v) for k, v in result.counts.items() if k.startswith("engage.")}
        # LinkedIn's order is counted in one pass (NotNewestFirst would fail the test).
        with Archive(_zip(Path(folder), newest_first, "newest.zip")) as archive:
            [member] = archive.members
            stream = open_text(archive, member)
            report = FileReport(member.name, member.kind)
            one = read_messages_once(stream, report, Control(None, None, 1), "")
            stream.close()
    assert one is not None and report.rows_read == len(rows)
    assert {k: {d: n for d, n in v.items() if n} for k, v in one.items()} == {
        k: {d: n for d, n in v.items() if n} for k, v in two.items()
    }
