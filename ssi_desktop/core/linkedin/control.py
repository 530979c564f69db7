"""Progress and cancellation while an export is read (the app's progress dialog drives it)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from .archive import TextStream

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]

#: Rows between two progress reports / cancel checks: often enough for a smooth bar, rare
#: enough to cost nothing measurable.
TICK_ROWS = 4096


class ImportCancelled(Exception):
    """The user cancelled: nothing was read into the result, nothing is written."""


@dataclass
class Control:
    progress: Progress | None
    cancelled: Cancelled | None
    total: int
    done: int = 0
    #: Date verdicts shared by the files of one import, per date format (see ``DayJudge``).
    verdicts: dict[str, dict[str, date | str]] = field(default_factory=dict)

    def tick(self, stream: TextStream | None = None) -> None:
        if self.cancelled is not None and self.cancelled():
            raise ImportCancelled
        if self.progress is not None:
            position = stream.position() if stream is not None else 0
            self.progress(min(self.done + position, self.total), self.total)

    def finished(self, size: int) -> None:
        self.done += size
        self.tick()
