"""The things a user records: activity, profile snapshots, official readings, notes, goals.

Every type is built through its ``create`` class method, which is where every rule of
product spec §7.6 lives. Instances are frozen, so anything holding one holds valid data.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType
from typing import Any

from .catalogue import (
    METRICS_BY_KEY,
    PILLAR_MAX,
    PILLARS,
    PROFILE_KEYS,
    SETTING_KEYS,
    SETTINGS,
    SOURCES,
    TOTAL_KEYS,
    TOTALS_BY_KEY,
)
from .validation import (
    ValidationError,
    check_count,
    check_date,
    check_optional_number,
    check_pillar_value,
    check_text,
    check_total,
)

#: The largest difference tolerated between an official total and the sum of its pillars
#: (LinkedIn rounds each pillar and the total separately).
TOTAL_TOLERANCE = 0.5


def _frozen(mapping: Mapping[str, Any]) -> Mapping[str, Any]:
    return MappingProxyType(dict(sorted(mapping.items())))


@dataclass(frozen=True, slots=True)
class ActivityEntry:
    """Counts of catalogue metrics for one day from one source."""

    day: date
    counts: Mapping[str, int]
    source: str = "manual"

    @classmethod
    def create(cls, day: Any, counts: Mapping[str, Any], source: str = "manual") -> ActivityEntry:
        checked_day = check_date("date", day)
        if source not in SOURCES:
            raise ValidationError("source", f"must be one of {', '.join(SOURCES)}")
        checked: dict[str, int] = {}
        for key, value in counts.items():
            metric = METRICS_BY_KEY.get(key)
            if metric is None:
                raise ValidationError(key, "is not a known metric (see `ssi-desktop metrics`)")
            checked[key] = check_count(key, value, metric.max_per_day)
        return cls(checked_day, _frozen(checked), source)

    def total(self, key: str) -> int:
        return int(self.counts.get(key, 0))

    def merged(self, other: ActivityEntry) -> ActivityEntry:
        """This entry plus another of the same day; the sum must still be a plausible day."""
        summed = dict(self.counts)
        for key, value in other.counts.items():
            summed[key] = summed.get(key, 0) + value
        return ActivityEntry.create(self.day, summed, self.source)


@dataclass(frozen=True, slots=True)
class ProfileSnapshot:
    """The profile checklist as it stood from ``day`` on (until the next snapshot)."""

    day: date
    items: Mapping[str, bool]

    @classmethod
    def create(cls, day: Any, items: Mapping[str, Any]) -> ProfileSnapshot:
        checked_day = check_date("date", day)
        checked: dict[str, bool] = {}
        for key, value in items.items():
            if key not in PROFILE_KEYS:
                raise ValidationError(
                    key, f"is not a profile checklist item ({', '.join(PROFILE_KEYS)})"
                )
            checked[key] = parse_yes_no(key, value)
        return cls(checked_day, _frozen({k: checked.get(k, False) for k in PROFILE_KEYS}))

    @property
    def completeness(self) -> float:
        return sum(self.items.values()) / len(PROFILE_KEYS)


@dataclass(frozen=True, slots=True)
class TotalsSnapshot:
    """Totals LinkedIn showed on ``day`` (spec §2): only the keys the member copied.

    Between two snapshots a total is interpolated, before the first it is the first
    (:func:`ssi_desktop.core.scoring` reads them that way); a key absent from a snapshot says
    nothing about that total on that day.
    """

    day: date
    values: Mapping[str, int]

    @classmethod
    def create(cls, day: Any, values: Mapping[str, Any]) -> TotalsSnapshot:
        checked_day = check_date("date", day)
        checked: dict[str, int] = {}
        for key, value in values.items():
            if key not in TOTALS_BY_KEY:
                raise ValidationError(key, f"is not a total ({', '.join(TOTAL_KEYS)})")
            checked[key] = check_total(key, value, TOTALS_BY_KEY[key].maximum)
        if not checked:
            raise ValidationError("totals", "give at least one total (KEY=N)")
        for key, number in checked.items():
            parent = TOTALS_BY_KEY[key].parent
            if parent is not None and parent in checked and number > checked[parent]:
                raise ValidationError(
                    key, f"{number} is more than {parent} ({checked[parent]}) on the same day"
                )
        return cls(checked_day, _frozen({k: checked[k] for k in TOTAL_KEYS if k in checked}))


@dataclass(frozen=True, slots=True)
class Settings:
    """The member's settings (spec §4 ``settings``); every key has its catalogue default."""

    warm_start: bool = True
    sales_navigator: bool = False

    @classmethod
    def create(cls, values: Mapping[str, Any], base: Settings | None = None) -> Settings:
        """``base`` (the defaults when ``None``) with ``values`` applied, each checked."""
        merged = (base or cls()).as_dict()
        for key, value in values.items():
            if key not in SETTING_KEYS:
                raise ValidationError(key, f"is not a setting ({', '.join(SETTING_KEYS)})")
            merged[key] = parse_yes_no(key, value)
        return cls(**merged)

    def as_dict(self) -> dict[str, bool]:
        return {s.key: bool(getattr(self, s.key)) for s in SETTINGS}


def parse_yes_no(name: str, value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in {"yes", "y", "true", "1"}:
        return True
    if text in {"no", "n", "false", "0", ""}:
        return False
    raise ValidationError(name, f"must be yes or no, not {value!r}")


def check_not_all_zero(pillars: Mapping[str, float]) -> None:
    """Refuse four zeros: LinkedIn never shows them, a copy of a page still loading does."""
    if pillars and not any(pillars.values()):
        raise ValidationError(
            ", ".join(pillars), "all four are 0: a failed copy of the page, not a score"
        )


@dataclass(frozen=True, slots=True)
class Reading:
    """A copy of LinkedIn's own SSI page on one day."""

    day: date
    brand: float
    find: float
    engage: float
    build: float
    total: float
    industry_rank: float | None = None
    network_rank: float | None = None
    industry_avg: float | None = None
    network_avg: float | None = None

    @classmethod
    def create(
        cls,
        day: Any,
        *,
        brand: Any,
        find: Any,
        engage: Any,
        build: Any,
        total: Any = None,
        industry_rank: Any = None,
        network_rank: Any = None,
        industry_avg: Any = None,
        network_avg: Any = None,
    ) -> Reading:
        checked_day = check_date("date", day)
        pillars = {
            name: check_pillar_value(name, value)
            for name, value in zip(PILLARS, (brand, find, engage, build), strict=True)
        }
        check_not_all_zero(pillars)
        pillar_sum = round(sum(pillars.values()), 4)
        if total is None or (isinstance(total, str) and not total.strip()):
            checked_total = pillar_sum
        else:
            checked_total = check_pillar_value("total", total, upper=4 * PILLAR_MAX)
            if abs(checked_total - pillar_sum) > TOTAL_TOLERANCE:
                raise ValidationError(
                    "total",
                    f"{checked_total:g} differs from the sum of the pillars "
                    f"({pillar_sum:g}) by more than {TOTAL_TOLERANCE}",
                )
        return cls(
            checked_day,
            total=checked_total,
            **pillars,
            industry_rank=check_optional_number("industry_rank", industry_rank, 0, 100),
            network_rank=check_optional_number("network_rank", network_rank, 0, 100),
            industry_avg=check_optional_number("industry_avg", industry_avg, 0, 4 * PILLAR_MAX),
            network_avg=check_optional_number("network_avg", network_avg, 0, 4 * PILLAR_MAX),
        )

    def pillar(self, name: str) -> float:
        return float(getattr(self, name))


@dataclass(frozen=True, slots=True)
class Note:
    """A dated line of text shown on the charts (holiday, new job, recalibration)."""

    day: date
    text: str

    @classmethod
    def create(cls, day: Any, text: Any) -> Note:
        return cls(check_date("date", day), check_text("text", text, max_length=200))


@dataclass(frozen=True, slots=True)
class Goal:
    """A target total, optional per-pillar targets and an optional target date."""

    total: float
    pillars: Mapping[str, float] = field(default_factory=dict)
    by: date | None = None

    @classmethod
    def create(cls, total: Any, pillars: Mapping[str, Any] | None = None, by: Any = None) -> Goal:
        checked_total = check_pillar_value("total", total, upper=4 * PILLAR_MAX)
        checked: dict[str, float] = {}
        for name, value in (pillars or {}).items():
            if name not in PILLARS:
                raise ValidationError(name, f"is not a pillar ({', '.join(PILLARS)})")
            if value is None:
                continue
            checked[name] = check_pillar_value(name, value)
        if checked and sum(checked.values()) > checked_total + TOTAL_TOLERANCE:
            raise ValidationError("total", "is lower than the sum of the pillar targets")
        # A target date may lie in the future, unlike every recorded date.
        by_day = None if by in (None, "") else check_date("by", by, allow_future=True)
        return cls(checked_total, _frozen(checked), by_day)


def revalidated(
    record: ActivityEntry | ProfileSnapshot | Reading | Note | TotalsSnapshot,
) -> object:
    """``record`` built anew through its ``create``: the same checks as when it was typed.

    Raises :class:`ValidationError` for a record that no longer passes (a hand-edited file).
    """
    if isinstance(record, ActivityEntry):
        return ActivityEntry.create(record.day, dict(record.counts), record.source)
    if isinstance(record, ProfileSnapshot):
        return ProfileSnapshot.create(record.day, dict(record.items))
    if isinstance(record, Reading):
        fields = ("brand", "find", "engage", "build", "total", "industry_rank", "network_rank",
                  "industry_avg", "network_avg")  # fmt: skip
        return Reading.create(record.day, **{f: getattr(record, f) for f in fields})
    if isinstance(record, TotalsSnapshot):
        return TotalsSnapshot.create(record.day, dict(record.values))
    return Note.create(record.day, record.text)
