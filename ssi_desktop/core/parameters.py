"""The scoring model's parameters, as versioned data ("model v1").

Each pillar is 25 × the weighted average of its terms' saturations (see ``docs/scoring.md``).
A term is one of:

* ``pace``    — an exponential moving average (EMA) of a weighted sum of daily counts, with a
  half-life in days; saturation ``1 − exp(−pace / reference)``. ``reference`` is a daily pace,
  so "2 comments a day" reads as it sounds.
* ``rate``    — EMA(numerator) / (EMA(denominator) + prior), saturating the same way; the prior
  keeps one lucky reply from counting as a 100 % reply rate.
* ``active``  — EMA of "did anything on this day" over the member's own actions.
* ``profile`` — completeness of the latest profile checklist, weighted per item.

Calibration (``calibration.py``) produces a new :class:`ModelParams` with other weights and
keeps the same structure, so bounds and monotonicity proved for v1 hold for calibrated models.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from typing import Any, Final

from .catalogue import METRIC_KEYS, PILLARS, PROFILE_KEYS

#: No single term may carry more than this share of its pillar (spec §3.3: one metric alone
#: never lifts a pillar above 15 of 25).
MAX_TERM_SHARE: Final = 0.6
#: A calibrated pillar's offset stays within ± this many points (spec §3.18).
MAX_OFFSET: Final = 8.0

_OWN_ACTIONS: Final = {
    "brand.posts": 1,
    "brand.articles": 1,
    "find.searches": 1,
    "find.filtered_searches": 1,
    "find.profiles_viewed": 1,
    "find.leads_saved": 1,
    "find.days_active": 1,
    "engage.shares": 1,
    "engage.comments": 1,
    "engage.reactions": 1,
    "engage.group_posts": 1,
    "engage.messages_sent": 1,
    "build.requests_sent": 1,
    "build.requests_with_note": 1,
}

MODEL_V1: Final[dict[str, Any]] = {
    "version": "v1",
    "terms": [
        # brand — the profile is the base; engagement received outweighs publishing volume.
        {
            "name": "profile",
            "pillar": "brand",
            "kind": "profile",
            "weight": 0.34,
            "label": "Profile completeness",
        },
        {
            "name": "engagement",
            "pillar": "brand",
            "kind": "pace",
            "weight": 0.20,
            "inputs": {"brand.engagement": 1},
            "half_life": 240,
            "reference": 1.5,
            "label": "Engagement your content received",
        },
        {
            "name": "articles",
            "pillar": "brand",
            "kind": "pace",
            "weight": 0.10,
            "inputs": {"brand.articles": 1},
            "half_life": 365,
            "reference": 0.05,
            "label": "Articles published",
        },
        {
            "name": "posts",
            "pillar": "brand",
            "kind": "pace",
            "weight": 0.08,
            "inputs": {"brand.posts": 1},
            "half_life": 90,
            "reference": 0.25,
            "label": "Posts published",
        },
        {
            "name": "profile_views",
            "pillar": "brand",
            "kind": "pace",
            "weight": 0.09,
            "inputs": {"brand.profile_views": 1},
            "half_life": 90,
            "reference": 3,
            "label": "Profile views",
        },
        {
            "name": "search_appearances",
            "pillar": "brand",
            "kind": "pace",
            "weight": 0.07,
            "inputs": {"brand.search_appearances": 1},
            "half_life": 90,
            "reference": 6,
            "label": "Search appearances",
        },
        {
            "name": "followers",
            "pillar": "brand",
            "kind": "pace",
            "weight": 0.06,
            "inputs": {"brand.followers": 1},
            "half_life": 365,
            "reference": 0.5,
            "label": "New followers",
        },
        {
            "name": "endorsements",
            "pillar": "brand",
            "kind": "pace",
            "weight": 0.06,
            "inputs": {"brand.endorsements": 1},
            "half_life": 365,
            "reference": 0.1,
            "label": "Endorsements received",
        },
        # find — a filtered search counts three times a plain one, in the same term.
        {
            "name": "searches",
            "pillar": "find",
            "kind": "pace",
            "weight": 0.35,
            "inputs": {"find.searches": 1, "find.filtered_searches": 3},
            "half_life": 60,
            "reference": 3,
            "label": "Searches (filtered count triple)",
        },
        {
            "name": "profiles_viewed",
            "pillar": "find",
            "kind": "pace",
            "weight": 0.30,
            "inputs": {"find.profiles_viewed": 1},
            "half_life": 60,
            "reference": 4,
            "label": "Relevant profiles viewed",
        },
        {
            "name": "leads_saved",
            "pillar": "find",
            "kind": "pace",
            "weight": 0.20,
            "inputs": {"find.leads_saved": 1},
            "half_life": 60,
            "reference": 0.6,
            "label": "Leads and accounts saved",
        },
        {
            "name": "active_days",
            "pillar": "find",
            "kind": "active",
            "weight": 0.15,
            "inputs": _OWN_ACTIONS,
            "half_life": 60,
            "reference": 0.3,
            "label": "Days active on LinkedIn",
        },
        # engage
        {
            "name": "comments",
            "pillar": "engage",
            "kind": "pace",
            "weight": 0.20,
            "inputs": {"engage.comments": 1},
            "half_life": 60,
            "reference": 1,
            "label": "Comments written",
        },
        {
            "name": "shares",
            "pillar": "engage",
            "kind": "pace",
            "weight": 0.15,
            "inputs": {"engage.shares": 1},
            "half_life": 60,
            "reference": 0.3,
            "label": "Posts shared",
        },
        {
            "name": "reactions",
            "pillar": "engage",
            "kind": "pace",
            "weight": 0.12,
            "inputs": {"engage.reactions": 1},
            "half_life": 60,
            "reference": 3,
            "label": "Reactions given",
        },
        {
            "name": "group_posts",
            "pillar": "engage",
            "kind": "pace",
            "weight": 0.10,
            "inputs": {"engage.group_posts": 1},
            "half_life": 60,
            "reference": 0.2,
            "label": "Group activity",
        },
        {
            "name": "messages",
            "pillar": "engage",
            "kind": "pace",
            "weight": 0.18,
            "inputs": {"engage.messages_sent": 1},
            "half_life": 60,
            "reference": 1.5,
            "label": "Messages sent",
        },
        {
            "name": "reply_rate",
            "pillar": "engage",
            "kind": "rate",
            "weight": 0.25,
            "numerator": "engage.replies_received",
            "denominator": "engage.messages_sent",
            "prior": 0.5,
            "half_life": 60,
            "reference": 0.15,
            "label": "Reply rate to your messages",
        },
        # build — a note adds half a request; acceptance counts as volume and as a rate.
        {
            "name": "requests",
            "pillar": "build",
            "kind": "pace",
            "weight": 0.15,
            "inputs": {"build.requests_sent": 1, "build.requests_with_note": 0.5},
            "half_life": 90,
            "reference": 2,
            "label": "Connection requests sent",
        },
        {
            "name": "accepted",
            "pillar": "build",
            "kind": "pace",
            "weight": 0.20,
            "inputs": {"build.requests_accepted": 1},
            "half_life": 90,
            "reference": 1,
            "label": "Requests accepted",
        },
        {
            "name": "acceptance_rate",
            "pillar": "build",
            "kind": "rate",
            "weight": 0.22,
            "numerator": "build.requests_accepted",
            "denominator": "build.requests_sent",
            "prior": 0.5,
            "half_life": 90,
            "reference": 0.2,
            "label": "Acceptance rate of your requests",
        },
        {
            "name": "invitations",
            "pillar": "build",
            "kind": "pace",
            "weight": 0.15,
            "inputs": {"build.invitations_received": 1},
            "half_life": 90,
            "reference": 0.4,
            "label": "Invitations received",
        },
        {
            "name": "senior",
            "pillar": "build",
            "kind": "pace",
            "weight": 0.28,
            "inputs": {"build.senior_connections": 1},
            "half_life": 180,
            "reference": 0.15,
            "label": "Connections with decision makers",
        },
    ],
    "profile_items": {
        "photo": 1.5,
        "banner": 0.5,
        "headline": 1.5,
        "about": 1,
        "current_position": 1.5,
        "past_positions": 1,
        "education": 0.75,
        "skills": 1,
        "media": 0.75,
        "recommendations": 1,
        "custom_url": 0.25,
        "contact_info": 0.25,
    },
}


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

    def metrics(self) -> set[str]:
        """Catalogue keys this term reads."""
        if self.kind == "rate":
            return {self.numerator, self.denominator}
        return set(self.inputs)


@dataclass(frozen=True, slots=True)
class ModelParams:
    version: str
    terms: tuple[Term, ...]
    profile_items: dict[str, float]
    #: Points calibration adds to a pillar whatever the activity (none: 0); see calibration.py.
    offsets: dict[str, float] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ModelParams:
        terms = tuple(Term(**term) for term in data["terms"])
        offsets = {str(k): float(v) for k, v in data.get("offsets", {}).items()}
        params = cls(str(data["version"]), terms, dict(data["profile_items"]), offsets)
        params.check()
        return params

    def offset(self, pillar: str) -> float:
        return self.offsets.get(pillar, 0.0)

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
                entry.update(
                    numerator=term.numerator, denominator=term.denominator, prior=term.prior
                )
            elif term.kind != "profile":
                entry["inputs"] = dict(term.inputs)
            if term.kind != "profile":
                entry.update(half_life=term.half_life, reference=term.reference)
            terms.append(entry)
        out = {"version": self.version, "terms": terms, "profile_items": dict(self.profile_items)}
        if any(self.offsets.values()):  # the defaults' bytes stay those of model v1
            out["offsets"] = dict(self.offsets)
        return out

    def fingerprint(self) -> str:
        return json.dumps(self.to_dict(), sort_keys=True)

    def pillar_terms(self, pillar: str) -> tuple[Term, ...]:
        return tuple(t for t in self.terms if t.pillar == pillar)

    def share(self, term: Term) -> float:
        """The term's share of its pillar (weights are normalised per pillar)."""
        total = sum(t.weight for t in self.pillar_terms(term.pillar))
        return term.weight / total if total > 0 else 0.0

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
        params = ModelParams(version, terms, dict(self.profile_items), chosen)
        params.check()
        return params

    def check(self) -> None:
        """Refuse parameters that would break the model's promises (bounds, balance)."""
        names = [t.name for t in self.terms]
        if len(set(names)) != len(names):
            raise ValueError("term names must be unique")
        for pillar in PILLARS:
            terms = self.pillar_terms(pillar)
            if not terms:
                raise ValueError(f"pillar {pillar} has no terms")
            if sum(t.weight for t in terms) <= 0:
                raise ValueError(f"pillar {pillar} has no weight")
        for term in self.terms:
            if term.pillar not in PILLARS:
                raise ValueError(f"term {term.name}: unknown pillar {term.pillar}")
            if term.kind not in {"pace", "rate", "active", "profile"}:
                raise ValueError(f"term {term.name}: unknown kind {term.kind}")
            if term.weight < 0:
                raise ValueError(f"term {term.name}: negative weight")
            if self.share(term) > MAX_TERM_SHARE + 1e-9:
                raise ValueError(
                    f"term {term.name}: more than {MAX_TERM_SHARE:.0%} of {term.pillar}"
                )
            if term.kind != "profile" and (term.half_life <= 0 or term.reference <= 0):
                raise ValueError(f"term {term.name}: half_life and reference must be > 0")
            unknown = term.metrics() - set(METRIC_KEYS)
            if unknown:
                raise ValueError(f"term {term.name}: unknown metrics {sorted(unknown)}")
            if any(w < 0 for w in term.inputs.values()):
                raise ValueError(f"term {term.name}: negative input weight")
        for pillar, value in self.offsets.items():
            if pillar not in PILLARS or not abs(value) <= MAX_OFFSET:
                raise ValueError(f"offset {pillar}: a pillar's offset is within ±{MAX_OFFSET:g}")
        if set(self.profile_items) != set(PROFILE_KEYS):
            raise ValueError("profile_items must weigh every checklist item")


DEFAULT_PARAMS: Final = ModelParams.from_dict(MODEL_V1)
