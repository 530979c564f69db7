"""No archive can make the import print a traceback (issue 16): generated damaged exports —
garbled cells, stray quotes and NULs, undecodable bytes, long fields, members under any of
the names we read (twice, too), flipped and cut bytes of a real zip — through the real
command line, which must end with exit 0, 2 or 3 and leave a refused store as it was."""

from __future__ import annotations

import contextlib
import io
import tempfile
import warnings
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ssi_desktop.cli import main
from tests.core import export_builder as xb
from tests.core.test_linkedin_import import files

NAMES = ["Shares.csv", "Comments.csv", "Reactions.csv", "messages.csv", "Connections.csv",
         "Invitations.csv", "Profile.csv", "Skills.csv", "Positions.csv", "SearchQueries.csv",
         "Votes.csv", "InstantReposts.csv", "Endorsement_Received_Info.csv"]  # fmt: skip

cells = st.one_of(
    st.text(max_size=30),
    st.sampled_from(
        [
            "",
            '"',
            '""',
            "\x00",
            "2025-03-01 10:00:00 UTC",
            "01 Mar 2025",
            "2025/03/01",
            "-1",
            "9" * 40,
            "\\",
            "\r",
            "\n",
            ",,,,",
        ]
    ),
)
rows = st.lists(st.lists(cells, max_size=8), max_size=12)
contents = st.one_of(
    rows.map(lambda r: "\r\n".join(",".join(row) for row in r)),
    st.binary(max_size=300),
    st.sampled_from(list(files().values())),
)


def _run(path: Path, store: Path) -> int:
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        return main(["--data", str(store), "import", "linkedin", str(path)])


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    members=st.lists(st.tuples(st.sampled_from(NAMES), contents), min_size=1, max_size=6),
    damage=st.one_of(st.none(), st.tuples(st.floats(0, 1), st.integers(0, 255), st.booleans())),
)
def test_no_generated_archive_gets_a_traceback(members: list, damage: tuple | None) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path, store = Path(folder) / "export.zip", Path(folder) / "store.json"
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive, warnings.catch_warnings():
            warnings.simplefilter("ignore")  # duplicate names are part of the family
            for name, content in members:
                archive.writestr(name, content.encode("utf-8", "surrogatepass")
                                 if isinstance(content, str) else content)  # fmt: skip
        if damage is not None:
            where, value, cut = damage
            raw = bytearray(path.read_bytes())
            at = int(where * (len(raw) - 1))
            raw = raw[:at] if cut else raw[:at] + bytes([value]) + raw[at + 1 :]
            path.write_bytes(bytes(raw))
        code = _run(path, store)
        assert code in (0, 2, 3)
        if code != 0:
            assert not store.exists()


@settings(max_examples=30, deadline=None)
@given(members=st.lists(st.tuples(st.sampled_from(NAMES), contents), min_size=1, max_size=5))
def test_no_generated_folder_gets_a_traceback(members: list) -> None:
    with tempfile.TemporaryDirectory() as folder:
        export, store = Path(folder) / "export", Path(folder) / "store.json"
        xb.write_folder(export, {name: content for name, content in members})
        assert _run(export, store) in (0, 2, 3)


def test_a_member_packed_with_a_method_zipfile_cannot_read_is_refused(tmp_path: Path) -> None:
    """zipfile raises NotImplementedError (not BadZipFile) for an unknown compression method
    or a newer zip version; hypothesis once generated one that ended in a traceback."""
    path = tmp_path / "export.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("Comments.csv", files()["Comments.csv"])
    raw = bytearray(path.read_bytes())
    # Compression method 99 (AES) in the local header (offset 8) and the central directory
    # entry (offset 10 after its signature).
    raw[8:10] = (99).to_bytes(2, "little")
    central = raw.index(b"PK\x01\x02")
    raw[central + 10 : central + 12] = (99).to_bytes(2, "little")
    path.write_bytes(bytes(raw))
    store = tmp_path / "store.json"
    assert _run(path, store) == 2
    assert not store.exists()


def test_a_zip_whose_directory_names_an_unknown_version_is_refused(tmp_path: Path) -> None:
    """ZipFile() itself raises NotImplementedError for a central directory entry that asks
    for a zip version it cannot read (hypothesis found one by flipping a byte)."""
    path = tmp_path / "export.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("Comments.csv", files()["Comments.csv"])
    raw = bytearray(path.read_bytes())
    central = raw.index(b"PK\x01\x02")
    raw[central + 6] = 205  # "version needed to extract": 20.5
    path.write_bytes(bytes(raw))
    store = tmp_path / "store.json"
    assert _run(path, store) == 2
    assert not store.exists()
