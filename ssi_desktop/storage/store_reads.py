"""The store's reads: frozen core records from memory, each list built once per revision."""

from __future__ import annotations

from datetime import date
from typing import Any

from ..core.parameters import DEFAULT_PARAMS, ModelParams
from ..core.records import (
    ActivityEntry,
    Goal,
    Note,
    ProfileSnapshot,
    Reading,
    Settings,
    TotalsSnapshot,
)
from .record_docs import activity_of, goal_of, note_of, profile_of, reading_of, totals_of
from .store_base import StoreBase


class ReadsMixin(StoreBase):
    def activity(self) -> tuple[ActivityEntry, ...]:
        """Every activity entry, every source, sorted by day then source."""

        def build() -> tuple[ActivityEntry, ...]:
            entries = map(activity_of, self._docs("activity"))
            return tuple(sorted(entries, key=lambda e: (e.day, e.source)))

        return self._cached("activity", build)

    def activity_on(self, day: date, source: str = "manual") -> ActivityEntry | None:
        by_day: dict[tuple[date, str], ActivityEntry] = self._cached(
            "activity_by_day", lambda: {(e.day, e.source): e for e in self.activity()}
        )
        return by_day.get((day, source))

    def profiles(self) -> tuple[ProfileSnapshot, ...]:
        def build() -> tuple[ProfileSnapshot, ...]:
            return tuple(sorted(map(profile_of, self._docs("profile")), key=lambda s: s.day))

        return self._cached("profile", build)

    def readings(self) -> tuple[Reading, ...]:
        def build() -> tuple[Reading, ...]:
            return tuple(sorted(map(reading_of, self._docs("readings")), key=lambda r: r.day))

        return self._cached("readings", build)

    def totals(self) -> tuple[TotalsSnapshot, ...]:
        """Every totals snapshot, sorted by day."""

        def build() -> tuple[TotalsSnapshot, ...]:
            return tuple(sorted(map(totals_of, self._docs("totals")), key=lambda s: s.day))

        return self._cached("totals", build)

    def settings(self) -> Settings:
        """The member's settings; the defaults where none were saved."""
        return self.saved_settings() or Settings()

    def saved_settings(self) -> Settings | None:
        """The settings saved, None while the defaults apply (what an undo goes back to)."""
        docs = self._docs("settings")
        return Settings(**docs[0]) if docs else None

    def notes(self) -> tuple[tuple[int, Note], ...]:
        """(id, note) pairs sorted by day; the id is what :meth:`delete_note` takes."""

        def build() -> tuple[tuple[int, Note], ...]:
            notes = [
                (int(doc_id), note_of(d)) for doc_id, d in self._tables().get("notes", {}).items()
            ]
            return tuple(sorted(notes, key=lambda n: (n[1].day, n[0])))

        return self._cached("notes", build)

    def goal(self) -> Goal | None:
        docs = self._docs("goal")
        return goal_of(docs[0]) if docs else None

    def params(self) -> ModelParams:
        """The model in use: calibrated parameters if any, else model v1."""

        def build() -> ModelParams:
            docs = self._docs("params")
            return ModelParams.from_dict(docs[0]["params"]) if docs else DEFAULT_PARAMS

        return self._cached("params", build)

    def saved_params(self) -> tuple[ModelParams, dict[str, Any]] | None:
        """The calibrated parameters and their info, None while model v1 is in use."""
        docs = self._docs("params")
        return (self.params(), self.params_info()) if docs else None

    def params_info(self) -> dict[str, Any]:
        docs = self._docs("params")
        return dict(docs[0].get("info") or {}) if docs else {}

    def meta(self) -> dict[str, Any]:
        return dict(self._docs("meta")[0])

    def is_empty(self) -> bool:
        tables = self._tables()
        return not any(
            tables.get(t) for t in ("activity", "profile", "readings", "notes", "totals")
        )
