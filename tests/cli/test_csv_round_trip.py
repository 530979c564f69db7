"""Export then import gives back the same estimate for every valid store (issue 16, case 5):
days whose sources add up past a daily maximum, a calibrated model, repeated notes, totals,
settings and the goal. Generated stores go through the real command line's export and
import; ``score --format json`` must give the same bytes."""

from __future__ import annotations

import contextlib
import io
import shutil
import tempfile
from datetime import date, timedelta
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from ssi_desktop.cli import main
from ssi_desktop.core.catalogue import METRICS, PROFILE_KEYS, SOURCES, TOTAL_KEYS
from ssi_desktop.core.parameters import DEFAULT_PARAMS
from ssi_desktop.core.records import (
    ActivityEntry,
    Goal,
    Note,
    ProfileSnapshot,
    Reading,
    Settings,
    TotalsSnapshot,
)
from ssi_desktop.storage import Store

START = date(2024, 1, 1)
days = st.integers(0, 40).map(lambda n: START + timedelta(days=n))


def run(*argv: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    assert code == 0, (argv, err.getvalue())
    return code, out.getvalue()


@st.composite
def entries(draw: st.DrawFn) -> ActivityEntry:
    metrics = draw(st.lists(st.sampled_from(METRICS), min_size=1, max_size=4, unique=True))
    counts = {m.key: draw(st.integers(0, m.max_per_day)) for m in metrics}
    return ActivityEntry.create(draw(days), counts, draw(st.sampled_from(SOURCES)))


@st.composite
def readings(draw: st.DrawFn) -> Reading:
    pillars = {p: draw(st.floats(0, 25).map(lambda x: round(x, 2))) for p in
               ("brand", "find", "engage", "build")}  # fmt: skip
    pillars["brand"] = max(pillars["brand"], 0.5)  # four zeros are a failed copy, refused
    rank = draw(st.one_of(st.none(), st.integers(1, 100)))
    return Reading.create(draw(days), industry_rank=rank, **pillars)


@st.composite
def totals(draw: st.DrawFn) -> TotalsSnapshot:
    keys = draw(st.lists(st.sampled_from(TOTAL_KEYS), min_size=1, unique=True))
    values = {k: draw(st.integers(0, 30)) for k in keys}
    if "totals.connections" in values:
        values["totals.connections"] += 30  # above any senior count
    return TotalsSnapshot.create(draw(days), values)


note_texts = st.sampled_from(["New job", "=SUM(A1)", "-holiday", "Same", "'+x", "Ünïcode ✓"])


@st.composite
def stores(draw: st.DrawFn) -> dict[str, object]:
    weights = {t.name: draw(st.floats(0.5, 2.0)) for t in DEFAULT_PARAMS.terms}
    return {
        "activity": draw(st.lists(entries(), max_size=12)),
        "readings": draw(st.lists(readings(), max_size=3)),
        "notes": [
            Note.create(d, t) for d, t in draw(st.lists(st.tuples(days, note_texts), max_size=5))
        ],
        "profiles": [
            ProfileSnapshot.create(draw(days), {k: draw(st.booleans()) for k in PROFILE_KEYS[:4]})
        ],
        "totals": draw(st.lists(totals(), max_size=3)),
        "settings": Settings(draw(st.booleans()), draw(st.booleans())),
        "goal": draw(st.one_of(st.none(), st.just(Goal.create(70, {"brand": 20}, "2030-01-01")))),
        "params": draw(st.one_of(st.none(), st.just(weights))),
    }


def _fill(path: Path, content: dict[str, object]) -> None:
    with Store.open(path) as store:
        for entry in content["activity"]:  # type: ignore[attr-defined]
            store.set_activity(entry)  # one source's day replaces that source's day
        store.add_records(
            readings=content["readings"],  # type: ignore[arg-type]
            notes=content["notes"],  # type: ignore[arg-type]
            profiles=content["profiles"],  # type: ignore[arg-type]
            totals=content["totals"],  # type: ignore[arg-type]
            goal=content["goal"],  # type: ignore[arg-type]
        )
        store.set_settings(content["settings"])  # type: ignore[arg-type]
        if content["params"] is not None:
            fitted = DEFAULT_PARAMS.with_weights(content["params"], "fitted")  # type: ignore[arg-type]
            store.set_params(fitted, {"readings": 3})


def _snapshot(path: Path) -> tuple[object, ...]:
    with Store.open(path) as store:
        return (
            store.activity(),
            store.readings(),
            sorted((n.day, n.text) for _i, n in store.notes()),
            store.profiles(),
            store.totals(),
            store.settings(),
            store.goal(),
            store.params(),
            store.params_info(),
        )


@settings(max_examples=25, deadline=None)
@given(content=stores())
def test_export_then_import_gives_the_same_store_and_scores(content: dict[str, object]) -> None:
    folder = Path(tempfile.mkdtemp())
    try:
        first, second, out = folder / "a.json", folder / "b.json", folder / "out"
        _fill(first, content)
        run("--data", str(first), "export", "csv", str(out))
        run("--data", str(second), "import", "csv", str(out))
        assert _snapshot(second) == _snapshot(first)
        score_a = run("--data", str(first), "score", "--format", "json")[1]
        score_b = run("--data", str(second), "score", "--format", "json")[1]
        assert score_a == score_b
        # Importing the same files again changes nothing (notes included).
        run("--data", str(second), "import", "csv", str(out))
        assert _snapshot(second) == _snapshot(first)
    finally:
        shutil.rmtree(folder)


def test_a_day_whose_sources_add_up_past_the_maximum_comes_back(tmp_path: Path) -> None:
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    with Store.open(first) as store:
        store.set_activity(ActivityEntry.create("2024-01-02", {"build.requests_sent": 200}))
        store.set_activity(
            ActivityEntry.create("2024-01-02", {"build.requests_sent": 150}, "linkedin")
        )
    run("--data", str(first), "export", "csv", str(tmp_path / "out"))
    run("--data", str(second), "import", "csv", str(tmp_path / "out"))
    assert _snapshot(second) == _snapshot(first)
