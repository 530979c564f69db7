"""Many records added as one undoable change: the sample data, a CSV or Creator import.

``undoable_add`` notes what the touched days held before (activity of the same source,
profile snapshots, readings, totals, the goal, the settings, the model) and returns a
(do, undo) pair for ``StoreModel.apply``: ``do`` writes the records, ``undo`` puts every
touched day back as it was and removes the notes ``do`` added, each in one atomic write.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from ..core.parameters import DEFAULT_PARAMS
from ..core.records import (
    ActivityEntry,
    Goal,
    Note,
    ProfileSnapshot,
    Reading,
    Settings,
    TotalsSnapshot,
)
from ..storage import Store

Change = tuple[Callable[[], object], Callable[[], object]]


def undoable_add(
    store: Store,
    *,
    activity: Iterable[ActivityEntry] = (),
    profiles: Iterable[ProfileSnapshot] = (),
    readings: Iterable[Reading] = (),
    notes: Iterable[Note] = (),
    goal: Goal | None = None,
    totals: Iterable[TotalsSnapshot] = (),
    settings: Settings | None = None,
    model: dict[str, Any] | None = None,
    write: Callable[[], object] | None = None,
) -> Change:
    """(do, undo) adding these records; ``write`` replaces the plain ``add_records`` (it must
    write the same records, e.g. the CSV importer, which also backs the store up first)."""
    activity, profiles, readings, notes = (
        tuple(activity), tuple(profiles), tuple(readings), tuple(notes)
    )  # fmt: skip
    keys = {(e.day, e.source) for e in activity}
    before_activity = {(e.day, e.source): e for e in store.activity() if (e.day, e.source) in keys}
    profile_days = {s.day for s in profiles}
    before_profiles = [s for s in store.profiles() if s.day in profile_days]
    reading_days = {r.day for r in readings}
    before_readings = [r for r in store.readings() if r.day in reading_days]
    before_goal = store.goal()
    totals = tuple(totals)
    totals_days = {s.day for s in totals}
    before_totals = [s for s in store.totals() if s.day in totals_days]
    before_settings = store.settings()
    calibrated = store.params() != DEFAULT_PARAMS
    before_model = (store.params(), store.params_info()) if calibrated else (None, None)
    added_notes: list[int] = []

    def do() -> None:
        before = {note_id for note_id, _note in store.notes()}
        if write is None:
            store.add_records(activity=activity, profiles=profiles, readings=readings,
                              notes=notes, goal=goal, totals=totals)  # fmt: skip
        else:
            write()
        # Ids change when a redo re-adds the notes: remember this time's.
        added_notes[:] = [note_id for note_id, _note in store.notes() if note_id not in before]

    def undo() -> None:
        with store.batch():  # one atomic write; a failed save raises StoreError
            for note_id in added_notes:
                store.delete_note(note_id)
            for day in profile_days - {s.day for s in before_profiles}:
                store.delete_profile(day)
            for day in reading_days - {r.day for r in before_readings}:
                store.delete_reading(day)
            for day in totals_days - {s.day for s in before_totals}:
                store.delete_totals(day)
            store.add_records(
                activity=[
                    before_activity.get(key) or ActivityEntry.create(key[0], {}, key[1])
                    for key in sorted(keys)
                ],
                profiles=before_profiles,
                readings=before_readings,
                totals=before_totals,
            )
            if goal is not None:
                store.set_goal(before_goal)
            if settings is not None:
                store.set_settings(before_settings)
            if model is not None:
                store.set_params(*before_model)

    return do, undo
