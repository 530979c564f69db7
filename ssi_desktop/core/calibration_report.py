"""What calibration changed, in words (spec §3.18): per pillar the offset, the largest share
and reference moves, and anything that ended at a bound."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Final

from .calibration_fit import SCALE_BOUNDS
from .parameters import MAX_OFFSET, MAX_TERM_SHARE, ModelParams

#: Moves named per pillar, largest first.
LARGEST: Final = 3
#: Smaller moves are not worth a line: a share by under 2 points of percentage, a reference by
#: under 10 %, an offset under half a point.
MIN_SHARE_MOVE: Final = 0.02
MIN_SCALE_MOVE: Final = math.log(1.1)
MIN_OFFSET: Final = 0.5


@dataclass(frozen=True)
class PillarChanges:
    offset: float
    #: The offset in a sentence ("LinkedIn gives you about 6 more Brand points …").
    summary: str
    changes: tuple[str, ...]
    at_bound: tuple[str, ...]


def describe(base: ModelParams, fitted: ModelParams, pillar: str) -> PillarChanges:
    name = pillar.capitalize()
    offset = fitted.offset(pillar)
    if abs(offset) < MIN_OFFSET:
        summary = f"Your recorded activity explains your {name} points: no steady difference."
    elif offset > 0:
        summary = (
            f"LinkedIn gives you about {offset:.0f} more {name} points than your recorded "
            "activity explains."
        )
    else:
        summary = (
            f"LinkedIn gives you about {-offset:.0f} fewer {name} points than your recorded "
            "activity would earn."
        )
    moves: list[tuple[float, str]] = []
    bounds: list[str] = []
    if abs(offset) >= MAX_OFFSET - 1e-6:
        bounds.append(f"offset at its limit of {offset:+.0f} points")
    low, high = SCALE_BOUNDS
    for old, new in zip(base.pillar_terms(pillar), fitted.pillar_terms(pillar), strict=True):
        before, after = base.share(old), fitted.share(new)
        if abs(after - before) >= MIN_SHARE_MOVE:
            moves.append((abs(after - before) / 0.1,
                          f"{new.label}: share {before:.0%} → {after:.0%}"))  # fmt: skip
        if after >= MAX_TERM_SHARE - 1e-6:
            bounds.append(f"{new.label}: share at its cap of {MAX_TERM_SHARE:.0%}")
        elif after <= 1e-6 < before:
            bounds.append(f"{new.label}: share down to 0")
        if new.kind == "profile" or old.reference <= 0:
            continue
        scale = new.reference / old.reference
        if abs(math.log(scale)) >= MIN_SCALE_MOVE:
            fills = "more" if scale > 1 else "less"
            moves.append((abs(math.log(scale)) / math.log(2.0),
                          f"{new.label}: needs {abs(scale - 1):.0%} {fills} to fill up "
                          f"(reference {old.reference:g} → {new.reference:.3g})"))  # fmt: skip
        if scale <= low * (1 + 1e-6) or scale >= high * (1 - 1e-6):
            bounds.append(f"{new.label}: reference at its limit (×{scale:.1f})")
    moves.sort(key=lambda m: -m[0])
    return PillarChanges(offset, summary, tuple(text for _, text in moves[:LARGEST]), tuple(bounds))
