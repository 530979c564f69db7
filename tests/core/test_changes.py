"""Every change kind, applied to a real store file and undone, gives the file's bytes back.

No Qt here: the app's undo stack only replays these values (``ui.store_model``).
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path
from types import MappingProxyType

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ssi_desktop.core.changes import (
    KEEP_GOAL,
    AddNote,
    AddToDay,
    ApplyImport,
    Batch,
    Change,
    DeleteNote,
    DeleteProfile,
    DeleteReading,
    DeleteTotals,
    PutDay,
    PutProfile,
    PutReading,
    PutTotals,
    SetDay,
    SetGoal,
    SetParams,
    SetSettings,
)
from ssi_desktop.core.parameters import DEFAULT_PARAMS, ModelParams
from ssi_desktop.core.records import (
    ActivityEntry,
    Goal,
    Note,
    ProfileSnapshot,
    Reading,
    Settings,
    TotalsSnapshot,
)
from ssi_desktop.core.sample import generate
from ssi_desktop.core.store_protocol import StoreLike
from ssi_desktop.core.validation import ValidationError
from ssi_desktop.storage import Store

DAY = date(2026, 3, 2)
OTHER = date(2026, 3, 9)  # holds nothing in the seeded store
CALIBRATED = ModelParams.from_dict(DEFAULT_PARAMS.to_dict() | {"version": "test-fit"})


def seed(store: Store) -> None:
    """A store holding something of every kind, the goal, settings and a fitted model."""
    store.add_records(
        activity=[
            ActivityEntry.create(DAY, {"brand.posts": 2, "find.searches": 4}),
            ActivityEntry.create(DAY, {"brand.posts": 1}, "linkedin"),
            ActivityEntry.create(DAY - timedelta(days=1), {"build.requests_sent": 5}),
        ],
        profiles=[ProfileSnapshot.create(DAY, {"photo": "yes"})],
        readings=[Reading.create(DAY, brand=10, find=11, engage=12, build=13)],
        notes=[Note.create(DAY, "holiday"), Note.create(DAY, "new job")],
        goal=Goal.create(60, {"brand": 15}),
        totals=[TotalsSnapshot.create(DAY, {"totals.connections": 500})],
    )
    store.set_settings(Settings.create({"sales_navigator": "yes"}))
    store.set_params(CALIBRATED, {"date": "2026-03-01", "readings_used": 4})


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "store.json") as opened:
        seed(opened)
        yield opened


def _typed_store(store: Store) -> StoreLike:
    return store  # mypy checks here that the real store satisfies the protocol


NOTE = Note.create(OTHER, "recalibrated")
READING = Reading.create(OTHER, brand=5, find=6, engage=7, build=8)

#: One or more of every change kind, on days that hold something and on days that do not.
CHANGES: dict[str, Callable[[Store], Change]] = {
    "set day keys": lambda s: SetDay(DAY, {"brand.posts": 5}),
    "set day to zero": lambda s: SetDay(DAY, {"brand.posts": 0, "find.searches": 0}),
    "set a new day": lambda s: SetDay(OTHER, {"brand.posts": 3}),
    "set day keys of a pillar": lambda s: SetDay(
        DAY, {"brand.posts": 1}, keys=frozenset({"brand.posts", "engage.comments"})
    ),
    "put day": lambda s: PutDay(ActivityEntry.create(DAY, {"find.searches": 9}, "linkedin")),
    "put empty day": lambda s: PutDay(ActivityEntry.create(DAY, {})),
    "add to day": lambda s: AddToDay(ActivityEntry.create(DAY, {"brand.posts": 3})),
    "add to new day": lambda s: AddToDay(ActivityEntry.create(OTHER, {"brand.posts": 3})),
    "put reading": lambda s: PutReading(READING),
    "replace reading": lambda s: PutReading(
        Reading.create(DAY, brand=1, find=2, engage=3, build=4)
    ),
    "delete reading": lambda s: DeleteReading(DAY),
    "delete no reading": lambda s: DeleteReading(OTHER),
    "put profile": lambda s: PutProfile(ProfileSnapshot.create(OTHER, {"banner": "yes"})),
    "replace profile": lambda s: PutProfile(ProfileSnapshot.create(DAY, {"banner": "yes"})),
    "delete profile": lambda s: DeleteProfile(DAY),
    "put totals": lambda s: PutTotals(TotalsSnapshot.create(OTHER, {"totals.connections": 9})),
    "replace totals": lambda s: PutTotals(TotalsSnapshot.create(DAY, {"totals.followers": 9})),
    "delete totals": lambda s: DeleteTotals(DAY),
    "add note": lambda s: AddNote(NOTE),
    "delete first note": lambda s: DeleteNote(s.notes()[0][0]),
    "delete last note": lambda s: DeleteNote(s.notes()[-1][0]),
    "set goal": lambda s: SetGoal(Goal.create(80)),
    "remove goal": lambda s: SetGoal(None),
    "set settings": lambda s: SetSettings(Settings.create({"warm_start": "no"})),
    "default settings": lambda s: SetSettings(None),
    "set params": lambda s: SetParams(
        ModelParams.from_dict(DEFAULT_PARAMS.to_dict() | {"version": "other"}), {"n": 1}
    ),
    "default params": lambda s: SetParams(None),
    "import": lambda s: ApplyImport(
        activity=(
            ActivityEntry.create(DAY, {"find.searches": 2}, "csv"),
            ActivityEntry.create(OTHER, {"find.searches": 2}, "csv"),
            ActivityEntry.create(DAY, {}, "linkedin"),
        ),
        profiles=(ProfileSnapshot.create(OTHER, {"photo": "yes"}),),
        readings=(READING, Reading.create(DAY, brand=2, find=2, engage=2, build=2)),
        totals=(TotalsSnapshot.create(OTHER, {"totals.followers": 3}),),
        notes=(NOTE, NOTE),
        goal=Goal.create(70),
    ),
    "import that removes": lambda s: ApplyImport(
        drop_profiles=(DAY,),
        drop_readings=(DAY, OTHER),
        drop_totals=(DAY,),
        drop_notes=(s.notes()[0][0],),
        goal=None,
    ),
    # A LinkedIn import: the network's history written and a day it no longer holds removed,
    # the checklist dated by its items, in one write (core.linkedin.apply.ImportPlan.change).
    "import that writes and removes totals": lambda s: ApplyImport(
        activity=(ActivityEntry.create(OTHER, {"find.days_active": 1}, "linkedin"),),
        profiles=(
            ProfileSnapshot.create(DAY - timedelta(days=30), {"headline": "yes"}),
            ProfileSnapshot.create(OTHER, {"headline": "yes", "photo": "yes"}),
        ),
        totals=(
            TotalsSnapshot.create(DAY - timedelta(days=30), {"totals.connections": 480}),
            TotalsSnapshot.create(OTHER, {"totals.connections": 510}),
        ),
        drop_totals=(DAY,),
    ),
    "sample data": lambda s: ApplyImport(**generate(30, end=DAY).as_records()),
    "batch": lambda s: Batch(
        (AddToDay(ActivityEntry.create(DAY, {"brand.posts": 1})), AddNote(NOTE))
    ),
}


@pytest.mark.parametrize("name", CHANGES)
def test_a_change_and_its_inverse_give_the_bytes_back(store: Store, name: str) -> None:
    original = store.path.read_bytes()
    change = CHANGES[name](store)

    inverse = change.apply(_typed_store(store))
    after = store.path.read_bytes()
    redo = inverse.apply(store)
    assert store.path.read_bytes() == original
    redo.apply(store)
    assert store.path.read_bytes() == after  # redo is exact too


@pytest.mark.parametrize("name", [n for n in CHANGES if n != "delete no reading"])
def test_every_change_changes_the_file(store: Store, name: str) -> None:
    """So the byte comparison above is not met by a change that writes nothing."""
    original = store.path.read_bytes()
    CHANGES[name](store).apply(store)
    assert store.path.read_bytes() != original


def test_the_store_reads_back_what_a_change_wrote(store: Store) -> None:
    SetDay(DAY, {"brand.posts": 5}).apply(store)
    assert dict(store.activity_on(DAY).counts) == {"brand.posts": 5, "find.searches": 4}
    AddToDay(ActivityEntry.create(DAY, {"brand.posts": 2})).apply(store)
    assert store.activity_on(DAY).total("brand.posts") == 7
    inverse = SetGoal(None).apply(store)
    assert store.goal() is None and inverse == SetGoal(Goal.create(60, {"brand": 15}))


def test_set_day_replaces_only_the_keys_it_names(store: Store) -> None:
    SetDay(DAY, {"brand.posts": 1}, keys=frozenset({"brand.posts", "find.searches"})).apply(store)
    assert dict(store.activity_on(DAY).counts) == {"brand.posts": 1}


def test_bad_input_raises_before_anything_is_written(store: Store) -> None:
    original = store.path.read_bytes()
    with pytest.raises(ValidationError) as caught:
        SetDay(DAY, {"build.requests_with_note": 3}).apply(store)
    assert caught.value.field == "build.requests_with_note"
    with pytest.raises(ValidationError):
        AddToDay(ActivityEntry.create(DAY, {"brand.posts": 60})).apply(store)
    with pytest.raises(ValidationError):
        SetDay(DAY, {"no.such": 1}).apply(store)
    with pytest.raises(ValidationError):
        DeleteNote(999).apply(store)
    assert store.path.read_bytes() == original


def test_an_import_that_leaves_the_goal_keeps_it(store: Store) -> None:
    inverse = ApplyImport(notes=(NOTE,)).apply(store)
    assert isinstance(inverse, ApplyImport) and inverse.goal is KEEP_GOAL
    assert store.goal() == Goal.create(60, {"brand": 15})


# -- any sequence of changes, undone in reverse order ---------------------------------------

_days = st.dates(min_value=DAY - timedelta(days=3), max_value=DAY + timedelta(days=3))
_counts = st.dictionaries(
    st.sampled_from(["brand.posts", "find.searches", "engage.comments"]),
    st.integers(0, 9),
    max_size=3,
)
_pillar = st.floats(0, 25, allow_nan=False).map(lambda x: round(x, 2))
_changes = st.one_of(
    st.builds(SetDay, _days, _counts, st.sampled_from(["manual", "csv", "linkedin"])),
    st.builds(lambda d, c: AddToDay(ActivityEntry.create(d, c)), _days, _counts),
    st.builds(
        lambda d, c: PutDay(ActivityEntry(d, MappingProxyType(c), "linkedin")),
        _days,
        _counts.map(lambda c: {k: v for k, v in sorted(c.items()) if v}),
    ),
    st.builds(
        lambda d, b, f: PutReading(Reading.create(d, brand=b, find=f, engage=1, build=1)),
        _days,
        _pillar,
        _pillar,
    ),
    st.builds(DeleteReading, _days),
    st.builds(
        lambda d, y: PutProfile(ProfileSnapshot.create(d, {"photo": y})), _days, st.booleans()
    ),
    st.builds(DeleteProfile, _days),
    st.builds(
        lambda d, n: PutTotals(TotalsSnapshot.create(d, {"totals.connections": n})),
        _days,
        st.integers(0, 30000),
    ),
    st.builds(DeleteTotals, _days),
    st.builds(lambda d, t: AddNote(Note.create(d, t)), _days, st.sampled_from(["a", "b"])),
    st.builds(lambda i: DeleteNote(i), st.integers(1, 4)),
    st.builds(lambda t: SetGoal(Goal.create(t) if t else None), st.integers(0, 90)),
    st.builds(SetSettings, st.sampled_from([None, Settings(), Settings(False, True)])),
    st.builds(SetParams, st.sampled_from([None, CALIBRATED])),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_changes, min_size=1, max_size=8))
def test_any_sequence_undone_backwards_gives_the_bytes_back(changes: list[Change]) -> None:
    with tempfile.TemporaryDirectory() as folder, Store.open(Path(folder) / "s.json") as store:
        seed(store)
        original = store.path.read_bytes()
        inverses = []
        for change in changes:
            try:
                inverses.append(change.apply(store))
            except ValidationError:
                continue  # e.g. deleting a note that is not there: nothing was written
        for inverse in reversed(inverses):
            inverse.apply(store)
        assert store.path.read_bytes() == original
