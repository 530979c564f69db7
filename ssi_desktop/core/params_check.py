"""Model parameters read from a file (the store, ``model.json``) checked before any use.

``ModelParams.from_dict`` builds and balances a model; a hand-edited file can still hold a
weight of ``"abc"``, a term that is a list or a missing key, which would fail deep inside the
scoring. Here every such case is one :class:`ValidationError` naming the file's field.
"""

from __future__ import annotations

from typing import Any

from .parameters import ModelParams
from .validation import ValidationError


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def checked_params(raw: Any, field: str = "params") -> ModelParams:
    """``raw`` (a ``ModelParams.to_dict()``) as parameters, or :class:`ValidationError`."""
    try:
        if not isinstance(raw, dict) or not isinstance(raw.get("terms"), list):
            raise ValueError("not a model (no list of terms)")
        if not all(isinstance(term, dict) for term in raw["terms"]):
            raise ValueError("a term is not a table")
        params = ModelParams.from_dict(raw)
        for term in params.terms:
            numbers = (term.weight, term.half_life, term.reference, term.prior)
            if not all(_is_number(n) for n in (*numbers, *term.inputs.values())):
                raise ValueError(f"term {term.name!r}: a weight or a time is not a number")
            texts = (term.name, term.label, term.numerator, term.denominator, term.pillar)
            if not all(isinstance(t, str) for t in texts):
                raise ValueError(f"term {term.name!r}: a name is not text")
        if not all(_is_number(w) for w in params.profile_items.values()):
            raise ValueError("profile_items: a weight is not a number")
    except (ValueError, TypeError, KeyError, AttributeError, ZeroDivisionError) as exc:
        raise ValidationError(field, f"not a valid model ({exc!s:.160})") from None
    return params
