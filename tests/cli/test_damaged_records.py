"""Valid JSON, invalid records: refused like a damaged file, never a traceback (issue 16,
cases 4 and 6). Each case is fed to ``score``, ``add``, ``check`` and ``--smoke`` in real
processes: exit 3, a message naming the record and the field, the file's bytes unchanged."""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ssi_desktop.cli import main
from ssi_desktop.core.records import ActivityEntry, Goal, Note, ProfileSnapshot, Reading
from ssi_desktop.storage import Store, StoreError

Doc = dict[str, Any]


def _valid_store(path: Path) -> Doc:
    with Store.open(path) as store:
        store.add_records(
            activity=[ActivityEntry.create("2024-01-02", {"brand.posts": 2, "engage.comments": 3})],
            profiles=[ProfileSnapshot.create("2024-01-02", {"photo": True})],
            readings=[Reading.create("2024-01-03", brand=10, find=8, engage=9, build=12)],
            notes=[Note.create("2024-01-03", "New job")],
            goal=Goal.create(60),
        )
        store.set_params(store.params(), {"fitted": 1})
    document: Doc = json.loads(path.read_text())
    return document


def _set(table: str, field: str | None, value: Any) -> Callable[[Doc], None]:
    def change(doc: Doc) -> None:
        record = next(iter(doc[table].values()))
        if field is None:
            record.clear()
            record.update(value)
        elif value is _DELETE:
            del record[field]
        else:
            record[field] = value

    return change


_DELETE = object()


def _counts(value: Any) -> Callable[[Doc], None]:
    return lambda doc: next(iter(doc["activity"].values()))["counts"].update(value)


def _rename_activity_id(doc: Doc) -> None:
    doc["activity"]["x1"] = doc["activity"].pop("1")


def _pillarless(doc: Doc) -> None:
    reading = next(iter(doc["readings"].values()))
    for pillar in ("brand", "find", "engage", "build"):
        del reading[pillar]


#: (name, change to the parsed document, or raw bytes; words the message must hold)
CASES: list[tuple[str, Callable[[Doc], None] | bytes, str]] = [
    ("activity without its date", _set("activity", "date", _DELETE), "date: is missing"),
    ("a date like 2026-13-45", _set("activity", "date", "2026-13-45"), "'2026-13-45'"),
    ("a count as a string", _counts({"brand.posts": "2"}), "brand.posts: must be a whole number"),
    ("a negative count", _counts({"brand.posts": -2}), "brand.posts: must not be negative"),
    ("an unknown metric", _counts({"engage.likes": 1}), "engage.likes: is not a known metric"),
    ("a document id that is not a number", _rename_activity_id, "'x1' (2024-01-02): the record id"),
    ("a reading without pillars", _pillarless, "record '1' (2024-01-03): brand: is missing"),
    ("a reading with NaN", b"NaN", "NaN is not a number JSON allows"),
    ("a note whose text is a number", _set("notes", "text", 42), "text: must be text"),
    ("a goal of abc", _set("goal", "total", "abc"), "goal record '1': total: must be a number"),
    ("garbage model parameters", _set("params", "params", {"terms": 3}), "params: not a valid"),
    ("a profile whose items are a list", _set("profile", "items", ["photo"]), "items: must be"),
    ("an integer of 5,000 digits", b"BIGINT", "Exceeds the limit"),
    ("100,000 nested brackets", b"NESTED", "nested too deeply"),
    ("a key twice", b"TWICE", "the key 'brand.posts' appears twice"),
    ("settings that are not yes/no", lambda d: d.update(settings={"1": {"warm_start": "maybe"}}),
     "warm_start: must be true or false"),
    ("totals senior above connections",
     lambda d: d.update(totals={"1": {"date": "2024-01-02", "values": {
         "totals.connections": 10, "totals.senior_connections": 11}}}),
     "totals.senior_connections: 11 is more than"),
]  # fmt: skip


def _damaged_bytes(valid: bytes, doc: Doc, change: Callable[[Doc], None] | bytes) -> bytes:
    if isinstance(change, bytes):
        text = valid.decode()
        if change == b"NaN":
            return text.replace('"brand":10', '"brand":NaN').encode()
        if change == b"BIGINT":
            return text.replace('"brand.posts":2', '"brand.posts":' + "9" * 5000).encode()
        if change == b"TWICE":
            return text.replace('"brand.posts":2', '"brand.posts":2,"brand.posts":1').encode()
        return text.replace(
            '"goal":{', '"goal":{"x":' + "[" * 100_000 + "]" * 100_000 + ","
        ).encode()
    change(doc)
    return json.dumps(doc).encode()


COMMANDS: list[list[str]] = [
    ["score"],
    ["add", "--date", "2024-01-05", "brand.posts=1"],
    ["check"],
    ["--smoke"],
]


@pytest.mark.parametrize(("name", "change", "words"), CASES, ids=[c[0] for c in CASES])
def test_each_damaged_record_is_refused_by_every_command(
    tmp_path: Path, name: str, change: Callable[[Doc], None] | bytes, words: str
) -> None:
    path = tmp_path / "store.json"
    doc = _valid_store(path)
    valid = path.read_bytes()
    assert b'"brand":10' in valid and b'"brand.posts":2' in valid and b'"goal":{' in valid
    damaged = _damaged_bytes(valid, doc, change)
    path.write_bytes(damaged)
    (path.parent / "store.json.prev").unlink()  # only the damaged file: no restore shortcut
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}

    def start(argv: list[str]) -> subprocess.Popen[str]:
        return subprocess.Popen(
            [sys.executable, "-m", "ssi_desktop", "--data", str(path), *argv],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )

    # --smoke opens read-only (no lock) alongside; the others one after another, as each
    # takes the store's lock.
    smoke = start(COMMANDS[-1])
    for argv in COMMANDS:
        run = smoke if argv == COMMANDS[-1] else start(argv)
        out, err = run.communicate(timeout=120)
        assert run.returncode == 3, (argv, out, err)
        assert "Traceback" not in err, (argv, err)
        assert words in err, (argv, err)
        assert path.read_bytes() == damaged, argv
    with pytest.raises(StoreError) as caught:
        Store.open(path)
    assert words in str(caught.value)


def test_check_lists_every_invalid_record(tmp_path: Path) -> None:
    path = tmp_path / "store.json"
    doc = _valid_store(path)
    doc["activity"]["7"] = {"date": "2024-02-30", "source": "manual", "counts": {}}
    doc["notes"]["9"] = {"date": "2024-01-01", "text": "\x1b[31mred"}
    doc["readings"]["1"]["brand"] = 26
    damaged = json.dumps(doc).encode()
    path.write_bytes(damaged)
    done = subprocess.run(
        [sys.executable, "-m", "ssi_desktop", "check", "--data", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 3
    assert "3 invalid record(s)" in done.stderr
    assert "activity record '7' (2024-02-30): date" in done.stderr
    assert "notes record '9' (2024-01-01): text: must not contain control characters" in done.stderr
    assert "readings record '1' (2024-01-03): brand: 26 is outside 0–25" in done.stderr
    assert path.read_bytes() == damaged


# -- a generated family of damaged documents -------------------------------------------------

json_values = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(min_value=-(10**30), max_value=10**30),
        st.floats(allow_nan=False, allow_infinity=False),
        st.text(max_size=12),
        st.sampled_from(["2024-01-02", "2024-02-30", "manual", "brand.posts", "20240102"]),
    ),
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=6,
)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _paths(value, (*prefix, index))
    return found


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_no_damaged_document_gets_a_traceback(tmp_path: Path, data: st.DataObject) -> None:
    path = tmp_path / "generated.json"
    path.unlink(missing_ok=True)
    for leftover in tmp_path.glob("generated.json*"):
        leftover.unlink()
    doc = _valid_store(path)
    for _ in range(data.draw(st.integers(1, 3))):
        where = data.draw(st.sampled_from(_paths(doc)[1:]))
        parent = doc
        for key in where[:-1]:
            parent = parent[key]
        if data.draw(st.booleans()) and isinstance(parent, dict):
            del parent[where[-1]]
        else:
            parent[where[-1]] = data.draw(json_values)
        if "meta" not in doc or not isinstance(doc["meta"], dict):
            break
    damaged = json.dumps(doc).encode()
    path.write_bytes(damaged)
    for argv in (["score"], ["check"], ["add", "--date", "2024-01-05", "brand.posts=1"]):
        err = io.StringIO()
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
            code = main(["--data", str(path), *argv])
        assert code in (0, 2, 3), (argv, err.getvalue())
        if code == 3:
            assert path.read_bytes() == damaged
        assert "Traceback" not in err.getvalue()
