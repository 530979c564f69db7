"""One wording for what the estimate holds beyond the model's parts: the anchor to an official
reading and calibration's offset. The pillar breakdown and Why it moved both name them."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication

from ..formatting import short_date


def _tr(text: str) -> str:
    return QCoreApplication.translate("BeyondParts", text)


def reading_label(reading: date, today: date) -> str:
    """ "Official reading of 1 Dec": the anchor's line, named by its reading's day."""
    return _tr("Official reading of {day}").format(day=short_date(reading, today))


def offset_label() -> str:
    return _tr("Calibration offset")


def anchor_tip() -> str:
    return _tr(
        "The estimate equals LinkedIn's figure on the day of your official reading, then "
        "moves with what you record: this is what that holds beyond the model's parts."
    )


def offset_tip() -> str:
    return _tr("What calibration to your readings adds to the model's parts.")
