"""Import of LinkedIn's member data export ("Get a copy of your data"), Qt-free.

``read_export`` reads the zip or folder into per-day counts and a profile checklist (the dry
run); ``apply_import`` writes them to the store under source ``"linkedin"`` in one atomic
write. See ``docs/import.md`` for which file feeds which metric.
"""

from __future__ import annotations

from .apply import (
    ApplySummary,
    ImportPlan,
    ImportRefused,
    apply_import,
    apply_plan,
    check_applicable,
    plan_import,
)
from .archive import NotAnExport
from .control import ImportCancelled
from .importer import read_export
from .report import FileReport, ImportResult, Refusal

__all__ = [
    "ApplySummary",
    "FileReport",
    "ImportCancelled",
    "ImportPlan",
    "ImportRefused",
    "ImportResult",
    "NotAnExport",
    "Refusal",
    "apply_import",
    "apply_plan",
    "check_applicable",
    "plan_import",
    "read_export",
]
