"""Spec §7.6: random values at every door; nothing invalid is stored, nothing valid is lost.

The bulk runs the real CLI in-process (``ssi_desktop.cli.main``) for speed, with a few cases
through a real subprocess; the forms' door is the core constructors they call. Each example
is judged by a small oracle written from the spec's rules, not from the code: a refusal must
leave the store file's bytes exactly as they were, an acceptance must read back exactly.
"""

from __future__ import annotations

import contextlib
import io
import subprocess
import sys
import tempfile
import unicodedata
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ssi_desktop.cli import main
from ssi_desktop.core.catalogue import METRICS_BY_KEY, PILLARS
from ssi_desktop.core.records import ActivityEntry, Goal, Note, Reading
from ssi_desktop.core.validation import EARLIEST_DATE, ValidationError, today
from ssi_desktop.storage import Store

SETTINGS = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
KEYS = sorted(METRICS_BY_KEY)
TODAY = today()


def run_cli(*argv: str) -> tuple[int, str]:
    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        try:
            code = main(list(argv))
        except SystemExit as exc:  # argparse refusing a malformed command line
            code = int(exc.code or 0)
    return code, err.getvalue()


def _bytes(path: Path) -> bytes | None:
    return path.read_bytes() if path.exists() else None


def _saved_or_refused(valid: bool, code: int, err: str, store_file: Path, before: bytes) -> bool:
    """The door's verdict: valid input is saved (exit 0); anything else is refused with exit 2
    and the file's bytes untouched. True when the input was saved."""
    if not valid:
        assert code == 2, err
        assert _bytes(store_file) == before
        return False
    assert code == 0, err
    return True


# -- what people might type -----------------------------------------------------------------

valid_days = st.dates(min_value=EARLIEST_DATE, max_value=TODAY)
bad_days = st.one_of(
    st.dates(min_value=date(1990, 1, 1), max_value=EARLIEST_DATE - timedelta(days=1)),
    st.dates(min_value=TODAY + timedelta(days=1), max_value=date(2200, 1, 1)),
)
day_text = st.one_of(
    valid_days.map(date.isoformat),
    bad_days.map(date.isoformat),
    st.sampled_from(
        [
            "",
            "yesterday",
            "2024-02-30",
            "2024/01/01",
            "24-01-01",
            "2024-13-01",
            "20240301",
            "2024-W10-1",
            "２０２４-０１-０１",
        ]
    ),
)
count_text = st.one_of(
    st.integers(min_value=-3, max_value=60).map(str),
    st.sampled_from(
        ["2.5", "-0.5", "abc", "", "1e3", "nan", "inf", "０", " 4 ", "1_0", "١٠", "+3", "-0", "3.0"]
    ),
)


def oracle_day(text: str) -> date | None:
    """Exactly YYYY-MM-DD in ASCII digits, a real day, 2003-05-05 … today."""
    parts = text.strip().split("-")
    if [len(p) for p in parts] != [4, 2, 2] or not all(p.isascii() and p.isdigit() for p in parts):
        return None
    try:
        day = date(*map(int, parts))
    except ValueError:
        return None
    return day if EARLIEST_DATE <= day <= TODAY else None


def oracle_count(text: str) -> int | None:
    """A whole number in ASCII digits (``3.0`` too; a minus sign is read to be refused as
    negative), or None; range checked later."""
    stripped = text.strip()
    whole, _, zeros = stripped.partition(".")
    digits = whole.removeprefix("-")
    if digits.isascii() and digits.isdigit() and set(zeros) <= {"0"}:
        return -1 if whole.startswith("-") else int(digits)
    return None


@pytest.fixture
def store_file() -> Path:
    with tempfile.TemporaryDirectory() as folder:
        yield Path(folder) / "store.json"


@SETTINGS
@given(
    day=day_text,
    pairs=st.lists(
        st.tuples(
            st.one_of(st.sampled_from(KEYS[:6]), st.sampled_from(["posts", "", "x=y"])), count_text
        ),
        min_size=1,
        max_size=3,
    ),
    increment=st.booleans(),
)
def test_add(store_file: Path, day: str, pairs: list[tuple[str, str]], increment: bool) -> None:
    """``add`` sets each key given (``--increment``: adds to it); other keys keep theirs."""
    before = _bytes(store_file)
    if before is None:
        held: dict[str, int] = {}
    else:
        with Store.open(store_file) as store:
            entry = store.activity_on(oracle_day(day)) if oracle_day(day) else None
            held = dict(entry.counts) if entry else {}
    keys = [k for k, _ in pairs]
    values = [oracle_count(v) for _, v in pairs]
    valid = (
        oracle_day(day) is not None
        and len(set(keys)) == len(keys)
        and all(k in METRICS_BY_KEY for k in keys)
        and all(
            v is not None
            and v >= 0
            and held.get(k, 0) * increment + v <= METRICS_BY_KEY[k].max_per_day
            for k, v in zip(keys, values, strict=True)
        )
    )
    flag = ["--increment"] if increment else []
    code, err = run_cli(
        "--data", str(store_file), "add", *flag, f"--date={day}", *(f"{k}={v}" for k, v in pairs)
    )
    if not _saved_or_refused(valid, code, err, store_file, before):
        return
    with Store.open(store_file) as store:
        entry = store.activity_on(oracle_day(day))
        got = dict(entry.counts) if entry else {}  # a day of zeros is not kept
        given = zip(keys, values, strict=True)
        expected = held | {k: held.get(k, 0) * increment + v for k, v in given}
        assert got == {k: v for k, v in expected.items() if v}


pillar_text = st.one_of(
    st.decimals(min_value=-5, max_value=30, places=1).map(str),
    st.sampled_from(["", "abc", "nan", "inf", "-inf", "12,5", "20,97", "1,000", "1.000,5", "1_0"]),
)


def oracle_number(text: str) -> float | None:
    """ASCII digits with at most one separator (. or ,); ``1,000`` (comma, three digits) is
    ambiguous and refused."""
    stripped = text.strip()
    unsigned = stripped.removeprefix("-")
    whole, _sep, fraction = unsigned.replace(",", ".").partition(".")
    if not (whole or fraction) or not (whole + fraction).isdigit() or not unsigned.isascii():
        return None
    if "," in unsigned and len(fraction) == 3 and 1 <= len(whole) <= 3:
        return None
    return float(stripped.replace(",", ".")) + 0.0


@SETTINGS
@given(
    day=day_text,
    pillars=st.lists(pillar_text, min_size=4, max_size=4),
    total_shift=st.one_of(st.none(), st.sampled_from([0.0, 0.3, -0.4, 0.7, -3.0, 50.0])),
)
def test_reading(store_file: Path, day: str, pillars: list[str], total_shift) -> None:
    before = _bytes(store_file)
    numbers = [oracle_number(p) for p in pillars]
    in_range = all(n is not None and 0 <= n <= 25 for n in numbers)
    total = None if total_shift is None or not in_range else sum(numbers) + total_shift
    valid = (
        oracle_day(day) is not None
        and in_range
        and any(numbers)  # four zeros are a failed copy of the page, not a score
        and (total is None or (0 <= total <= 100 and abs(total_shift) <= 0.5))
    )
    args = ["--data", str(store_file), "reading", f"--date={day}"]
    args += [f"--{p}={v}" for p, v in zip(PILLARS, pillars, strict=True)]
    if total is not None:
        args.append(f"--total={total:.4f}")
    code, err = run_cli(*args)
    if not _saved_or_refused(valid, code, err, store_file, before):
        return
    with Store.open(store_file) as store:
        [reading] = [r for r in store.readings() if r.day == oracle_day(day)]
        assert [reading.pillar(p) for p in PILLARS] == numbers


@SETTINGS
@given(
    day=day_text,
    text=st.text(st.characters(blacklist_categories=("Cs",)), max_size=230).filter(
        lambda t: not t.startswith("-")
    ),
)
def test_note(store_file: Path, day: str, text: str) -> None:
    before = _bytes(store_file)
    clean = " ".join(text.split())
    visible = [c for c in clean if unicodedata.category(c) not in ("Cf", "Zs")]
    controls = any(unicodedata.category(c) == "Cc" for c in text)
    valid = oracle_day(day) is not None and bool(visible) and len(clean) <= 200 and not controls
    code, err = run_cli("--data", str(store_file), "note", f"--date={day}", "--", text)
    if not _saved_or_refused(valid, code, err, store_file, before):
        return
    with Store.open(store_file) as store:
        assert clean in [n.text for _, n in store.notes() if n.day == oracle_day(day)]


@SETTINGS
@given(
    total=pillar_text.map(
        lambda t: t if t in ("", "abc") else str(oracle_number(t) * 4 if oracle_number(t) else t)
    ),
    brand=st.one_of(st.none(), pillar_text),
)
def test_goal(store_file: Path, total: str, brand: str | None) -> None:
    before = _bytes(store_file)
    t, b = oracle_number(total), None if brand is None else oracle_number(brand)
    valid = (
        t is not None
        and 0 <= t <= 100
        and (brand is None or (b is not None and 0 <= b <= 25 and b <= t + 0.5))
    )
    args = ["--data", str(store_file), "goal", f"--total={total}"]
    if brand is not None:
        args.append(f"--brand={brand}")
    code, err = run_cli(*args)
    if not _saved_or_refused(valid, code, err, store_file, before):
        return
    with Store.open(store_file) as store:
        goal = store.goal()
        assert goal is not None and goal.total == t
        assert goal.pillars.get("brand") == b


# -- the forms' door: the core constructors, with values of any Python type ------------------

anything = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=True),
    st.text(max_size=12),
    st.dates(),
    st.lists(st.integers(), max_size=2),
)


@SETTINGS
@given(
    day=st.one_of(anything, valid_days),
    counts=st.dictionaries(
        st.one_of(st.sampled_from(KEYS), st.text(max_size=5)), anything, max_size=3
    ),
)
def test_activity_form_values(store_file: Path, day, counts) -> None:
    try:
        entry = ActivityEntry.create(day, counts)
    except ValidationError as exc:
        # Names the field (for an unknown key, the key as given) and says why.
        assert exc.reason and str(exc) == f"{exc.field}: {exc.reason}"
        return
    for key, value in entry.counts.items():
        assert type(value) is int and 0 <= value <= METRICS_BY_KEY[key].max_per_day
    assert EARLIEST_DATE <= entry.day <= TODAY
    with Store.open(store_file) as store:
        store.set_activity(entry)
    with Store.open(store_file) as store:
        stored = store.activity_on(entry.day)
        expected = {k: v for k, v in entry.counts.items() if v}
        assert (dict(stored.counts) if stored else {}) == expected


@SETTINGS
@given(
    day=st.one_of(anything, valid_days),
    values=st.lists(anything, min_size=5, max_size=5),
    text=anything,
)
def test_reading_note_goal_form_values(store_file: Path, day, values, text) -> None:
    with Store.open(store_file) as store:
        try:
            reading = Reading.create(
                day,
                brand=values[0],
                find=values[1],
                engage=values[2],
                build=values[3],
                total=values[4],
            )
        except ValidationError as exc:
            assert exc.field and exc.reason
        else:
            assert all(0 <= reading.pillar(p) <= 25 for p in PILLARS)
            assert any(reading.pillar(p) for p in PILLARS)
            assert abs(reading.total - sum(reading.pillar(p) for p in PILLARS)) <= 0.5 + 1e-9
            store.put_reading(reading)
            assert reading in store.readings()
        try:
            note = Note.create(day, text)
        except ValidationError as exc:
            assert exc.field and exc.reason
        else:
            assert 0 < len(note.text) <= 200
            note_id = store.add_note(note)
            assert (note_id, note) in store.notes()
        try:
            goal = Goal.create(values[0], {"brand": values[1]}, by=day)
        except ValidationError as exc:
            assert exc.field and exc.reason
        else:
            assert 0 <= goal.total <= 100
            store.set_goal(goal)
            assert store.goal() == goal


# -- a few through the real command line ----------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["add", "--date", "2024-01-01", "brand.posts=-1"], "brand.posts: must not be negative"),
        (["add", "--date", "2024-01-01", "brand.posts=1.5"], "brand.posts: must be a whole"),
        (["add", "--date", "2003-05-04", "brand.posts=1"], "date: 2003-05-04 is before"),
        (["add", "--date", "2024-01-01", "nope=1"], "nope: is not a known metric"),
        (
            [
                "reading",
                "--date",
                "2024-01-01",
                "--brand",
                "26",
                "--find",
                "1",
                "--engage",
                "1",
                "--build",
                "1",
            ],
            "brand: 26 is outside 0–25",
        ),
        (
            [
                "reading",
                "--date",
                "2024-01-01",
                "--brand",
                "10",
                "--find",
                "10",
                "--engage",
                "10",
                "--build",
                "10",
                "--total",
                "41",
            ],
            "total: 41 differs",
        ),
    ],
)
def test_the_real_cli_refuses_and_writes_nothing(store_path: Path, argv, words) -> None:
    run_cli("--data", str(store_path), "add", "--date", "2024-01-02", "brand.posts=2")
    before = store_path.read_bytes()
    done = subprocess.run(
        [sys.executable, "-m", "ssi_desktop", *argv, "--data", str(store_path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert words in done.stderr
    assert store_path.read_bytes() == before


def test_undecodable_bytes_on_the_command_line_are_never_stored(store_path: Path) -> None:
    """Bytes that are not UTF-8 reach Python as lone surrogates; they must not crash a save."""
    run_cli("--data", str(store_path), "add", "--date", "2024-01-02", "brand.posts=2")
    before = store_path.read_bytes()
    done = subprocess.run(
        [
            sys.executable.encode(),
            b"-m",
            b"ssi_desktop",
            b"note",
            b"--date",
            b"2024-01-02",
            b"caf\xff",
            b"--data",
            str(store_path).encode(),
        ],
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2 and b"Traceback" not in done.stderr
    assert b"not valid" in done.stderr
    assert store_path.read_bytes() == before


def test_undecodable_bytes_are_bad_input() -> None:
    with pytest.raises(ValidationError):
        Note.create("2024-01-02", "caf\udcff")
