"""The scoring model's parameters, as versioned data (model v2, the default, and model v1).

Each pillar is 25 × the weighted average of its terms' saturations (see ``docs/scoring.md``).
A term is one of:

* ``pace``    — an exponential moving average (EMA) of a weighted sum of daily counts, with a
  half-life in days; saturation ``1 − exp(−pace / reference)``. ``reference`` is a daily pace,
  so "2 comments a day" reads as it sounds. v2: one day counts at most ``spike`` × the
  reference, and a ``total`` LinkedIn shows as a rolling window of ``total_days`` is a pace
  too (the larger of the two evidences counts, never their sum).
* ``rate``    — v1: EMA(numerator) / (EMA(denominator) + prior). v2 (``evidence`` > 0): the
  rate numerator ÷ (denominator + 1) over the term's memory, counted in proportion to the
  evidence behind it, ``n / (n + evidence)`` with ``n`` the denominator's count in memory.
* ``active``  — EMA of "did anything on this day" over the member's own actions.
* ``stock``   — v2: a running total (connections, followers): the ``total`` LinkedIn shows,
  interpolated between snapshots, plus the daily ``inputs`` recorded after the last one (or
  those inputs summed from the first record when the member never copied the total).
* ``profile`` — completeness of the latest profile checklist, weighted per item.

Calibration (``calibration.py``) produces a new :class:`ModelParams` with other weights and
keeps the same structure, so the bounds and monotonicity proved for the defaults hold for
calibrated models.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from typing import Any, Final

from .catalogue import METRIC_KEYS, PILLARS, PROFILE_KEYS, TOTAL_KEYS
from .model_v1 import MODEL_V1
from .model_v2 import MODEL_V2

#: No single term may carry more than this share of its pillar (spec §3.3: one metric alone
#: never lifts a pillar above 15 of 25).
MAX_TERM_SHARE: Final = 0.6
#: A calibrated pillar's offset stays within ± this many points (spec §3.18).
MAX_OFFSET: Final = 8.0

KINDS: Final = frozenset({"pace", "rate", "active", "profile", "stock"})

#: Optional term fields written out only when set, so a v1 model's data (and fingerprint)
#: is exactly what v1 wrote.
_OPTIONAL: Final = ("spike", "evidence", "total", "total_days")


@dataclass(frozen=True, slots=True)
class Term:
    name: str
    pillar: str
    kind: str
    weight: float
    label: str
    inputs: dict[str, float] = field(default_factory=dict)
    half_life: float = 0.0
    reference: float = 1.0
    numerator: str = ""
    denominator: str = ""
    prior: float = 0.0
    spike: float = 0.0
    evidence: float = 0.0
    total: str = ""
    total_days: float = 0.0

    def metrics(self) -> set[str]:
        """Daily catalogue keys this term reads."""
        if self.kind == "rate":
            return {self.numerator, self.denominator}
        return set(self.inputs)

    def input_keys(self) -> tuple[str, ...]:
        """Every catalogue key feeding the term: daily metrics, a total, checklist items."""
        if self.kind == "profile":
            return tuple(f"profile.{key}" for key in PROFILE_KEYS)
        daily = sorted(self.metrics(), key=METRIC_KEYS.index)
        return (*daily, self.total) if self.total else tuple(daily)


@dataclass(frozen=True, slots=True)
class ModelParams:
    version: str
    terms: tuple[Term, ...]
    profile_items: dict[str, float]
    #: Days at the start of the records whose pace each EMA starts from (0: start from zero).
    warm_days: int = 0
    #: Points calibration adds to a pillar whatever the activity (none: 0); see calibration.py.
    offsets: dict[str, float] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ModelParams:
        terms = tuple(Term(**term) for term in data["terms"])
        params = cls(
            str(data["version"]),
            terms,
            dict(data["profile_items"]),
            int(data.get("warm_days", 0)),
            {str(k): float(v) for k, v in data.get("offsets", {}).items()},
        )
        params.check()
        return params

    def to_dict(self) -> dict[str, Any]:
        terms = []
        for term in self.terms:
            entry: dict[str, Any] = {
                "name": term.name,
                "pillar": term.pillar,
                "kind": term.kind,
                "weight": term.weight,
                "label": term.label,
            }
            if term.kind == "rate":
                entry.update(numerator=term.numerator, denominator=term.denominator)
                if not term.evidence:
                    entry["prior"] = term.prior
            elif term.kind != "profile":
                entry["inputs"] = dict(term.inputs)
            if term.kind not in {"profile", "stock"}:
                entry["half_life"] = term.half_life
            if term.kind != "profile":
                entry["reference"] = term.reference
            entry.update({name: getattr(term, name) for name in _OPTIONAL if getattr(term, name)})
            terms.append(entry)
        data: dict[str, Any] = {"version": self.version, "terms": terms}
        data["profile_items"] = dict(self.profile_items)
        if self.warm_days:
            data["warm_days"] = self.warm_days
        if any(self.offsets.values()):  # the defaults' bytes stay the shipped model's
            data["offsets"] = dict(self.offsets)
        return data

    def fingerprint(self) -> str:
        return json.dumps(self.to_dict(), sort_keys=True)

    @property
    def family(self) -> str:
        """The model this one is, or was calibrated from: "v1" or "v2"."""
        return "v2" if any(t.kind == "stock" for t in self.terms) else "v1"

    def pillar_terms(self, pillar: str) -> tuple[Term, ...]:
        return tuple(t for t in self.terms if t.pillar == pillar)

    def share(self, term: Term) -> float:
        """The term's share of its pillar (weights are normalised per pillar)."""
        total = sum(t.weight for t in self.pillar_terms(term.pillar))
        return term.weight / total if total > 0 else 0.0

    def offset(self, pillar: str) -> float:
        return self.offsets.get(pillar, 0.0)

    def with_weights(
        self,
        weights: dict[str, float],
        version: str,
        references: dict[str, float] | None = None,
        offsets: dict[str, float] | None = None,
    ) -> ModelParams:
        """A copy with other weights (and references, offsets); terms not named keep theirs."""
        refs = references or {}
        terms = tuple(
            replace(t, weight=float(weights.get(t.name, t.weight)),
                    reference=float(refs.get(t.name, t.reference)))
            for t in self.terms
        )  # fmt: skip
        chosen = dict(self.offsets) if offsets is None else dict(offsets)
        params = replace(self, version=version, terms=terms,
                         profile_items=dict(self.profile_items), offsets=chosen)  # fmt: skip
        params.check()
        return params

    def check(self) -> None:
        """Refuse parameters that would break the model's promises (bounds, balance)."""
        names = [t.name for t in self.terms]
        if len(set(names)) != len(names):
            raise ValueError("term names must be unique")
        if self.warm_days < 0:
            raise ValueError("warm_days must be ≥ 0")
        for pillar in PILLARS:
            terms = self.pillar_terms(pillar)
            if not terms:
                raise ValueError(f"pillar {pillar} has no terms")
            if sum(t.weight for t in terms) <= 0:
                raise ValueError(f"pillar {pillar} has no weight")
        for term in self.terms:
            _check_term(self, term)
        for pillar, value in self.offsets.items():
            if pillar not in PILLARS or not abs(value) <= MAX_OFFSET:
                raise ValueError(f"offset {pillar}: a pillar's offset is within ±{MAX_OFFSET:g}")
        if set(self.profile_items) != set(PROFILE_KEYS):
            raise ValueError("profile_items must weigh every checklist item")


def _check_term(params: ModelParams, term: Term) -> None:
    name = f"term {term.name}"
    if term.pillar not in PILLARS:
        raise ValueError(f"{name}: unknown pillar {term.pillar}")
    if term.kind not in KINDS:
        raise ValueError(f"{name}: unknown kind {term.kind}")
    if term.weight < 0:
        raise ValueError(f"{name}: negative weight")
    if params.share(term) > MAX_TERM_SHARE + 1e-9:
        raise ValueError(f"{name}: more than {MAX_TERM_SHARE:.0%} of {term.pillar}")
    if term.kind not in {"profile", "stock"} and term.half_life <= 0:
        raise ValueError(f"{name}: half_life must be > 0")
    if term.kind != "profile" and term.reference <= 0:
        raise ValueError(f"{name}: reference must be > 0")
    if min(term.spike, term.evidence, term.total_days, term.prior) < 0:
        raise ValueError(f"{name}: spike, evidence, total_days and prior must be ≥ 0")
    unknown = term.metrics() - set(METRIC_KEYS)
    if unknown:
        raise ValueError(f"{name}: unknown metrics {sorted(unknown)}")
    if any(w < 0 for w in term.inputs.values()):
        raise ValueError(f"{name}: negative input weight")
    if term.total and term.total not in TOTAL_KEYS:
        raise ValueError(f"{name}: unknown total {term.total}")
    if term.kind == "stock" and not term.total:
        raise ValueError(f"{name}: a stock needs its total")
    if term.kind == "pace" and term.total and term.total_days <= 0:
        raise ValueError(f"{name}: a rolling-window total needs total_days > 0")


#: Every shipped model by version; ``DEFAULT_PARAMS`` is the one a new store uses.
MODELS: Final = {data["version"]: ModelParams.from_dict(data) for data in (MODEL_V1, MODEL_V2)}
DEFAULT_PARAMS: Final = MODELS["v2"]
