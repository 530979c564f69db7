"""Calibration: fit the model's weights to the user's official readings (spec §3.10).

Why only the weights: each pillar is ``25 × Σ share_j × sat_j(day)`` and the saturations do not
depend on the weights, so for a fixed history a pillar is *linear* in its terms' shares. Fitting
the shares of one pillar is then a small constrained least-squares problem::

    minimise  Σ_readings (25·S·v − y)²  +  λ·‖v − v0‖²
    subject to  v ≥ 0,  Σv = 1,  v_j ≤ MAX_TERM_SHARE

with ``S`` the terms' saturations on the reading days, ``y`` the official pillar values and
``v0`` the default shares. The constraints are the model's own bounds, so a calibrated model
keeps every promise of model v1 (bounds, monotonicity, balance) by construction. The penalty
pulls toward the defaults so a handful of readings, or a term the user never records (its
saturation is always 0, the data says nothing about it), cannot produce nonsense.

It is solved by accelerated projected gradient with an exact projection onto the capped
simplex — a few hundred microseconds per pillar, no dependency beyond numpy.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Final

import numpy as np

from .catalogue import PILLAR_MAX, PILLARS
from .parameters import DEFAULT_PARAMS, MAX_TERM_SHARE, ModelParams
from .records import ActivityEntry, ProfileSnapshot, Reading
from .scoring import activity_matrix, profile_completeness, score_arrays, term_saturations

#: Fewer readings than this cannot say anything about four to eight weights per pillar.
MIN_READINGS: Final = 4
#: From this many readings on, the most recent quarter is held back to test the fit.
HOLDOUT_FROM: Final = 8
#: Penalty on ‖v − v0‖², in points², when there are too few readings to choose it: moving one
#: share by 0.1 then costs as much as missing one reading by about 0.45 points.
REGULARISATION: Final = 20.0
#: The penalties tried when there are enough readings: each is judged on readings its fit did
#: not see (see :func:`fit_pillar`), and the one that predicts best is kept. Readings that follow
#: the model closely pick a light penalty; noisy ones pick a heavy one and stay near v1.
REGULARISATION_GRID: Final = (2.0, 5.0, 20.0, 50.0, 200.0, 1000.0)
CV_FOLDS: Final = 4
CALIBRATED_VERSION: Final = "v1-calibrated"

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


class CalibrationCancelled(Exception):
    """The caller asked to stop; nothing was produced."""


class NotEnoughReadings(ValueError):
    def __init__(self, usable: int) -> None:
        super().__init__(
            f"calibration needs at least {MIN_READINGS} official readings dated on or after "
            f"your first recorded activity; there {'is' if usable == 1 else 'are'} {usable}"
        )
        self.usable = usable


@dataclass(frozen=True)
class Calibration:
    """A fitted model and how well it and the model it replaces match the readings."""

    params: ModelParams
    readings_used: int
    first: date
    last: date
    held_back: int
    #: Mean absolute error per pillar (and "total") on every reading used.
    mae_before: dict[str, float]
    mae_after: dict[str, float]
    #: The same on the held-back readings, with a model fitted without them (None if too few).
    holdout_before: dict[str, float] | None
    holdout_after: dict[str, float] | None
    #: The penalty toward v1 each pillar's fit used.
    regularisation: dict[str, float]

    @property
    def generalises(self) -> bool:
        """True unless held-back readings say the fit predicts the total worse than before."""
        if self.holdout_before is None or self.holdout_after is None:
            return True
        return self.holdout_after["total"] <= self.holdout_before["total"]

    def info(self, today: date) -> dict[str, Any]:
        """What ``Store.set_params`` keeps beside the parameters (JSON-ready)."""
        return {
            "date": today.isoformat(),
            "readings_used": self.readings_used,
            "first": self.first.isoformat(),
            "last": self.last.isoformat(),
            "held_back": self.held_back,
            "mae_before": self.mae_before,
            "mae_after": self.mae_after,
            "holdout_before": self.holdout_before,
            "holdout_after": self.holdout_after,
            "regularisation": self.regularisation,
        }


def usable_readings(
    readings: Sequence[Reading],
    activity: Sequence[ActivityEntry],
    profiles: Sequence[ProfileSnapshot],
) -> list[Reading]:
    """Readings the recorded history can explain: none before the first recorded day."""
    recorded = [e.day for e in activity] + [s.day for s in profiles]
    if not recorded:
        return []
    first = min(recorded)
    return sorted((r for r in readings if r.day >= first), key=lambda r: r.day)


def calibrate(
    activity: Sequence[ActivityEntry],
    profiles: Sequence[ProfileSnapshot],
    readings: Sequence[Reading],
    current: ModelParams = DEFAULT_PARAMS,
    *,
    base: ModelParams = DEFAULT_PARAMS,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> Calibration:
    """Fit ``base``'s weights to the readings; errors are compared with ``current``'s.

    Raises :class:`NotEnoughReadings` below :data:`MIN_READINGS` usable readings and
    :class:`CalibrationCancelled` as soon as ``cancelled()`` turns true.
    """
    used = usable_readings(readings, activity, profiles)
    if len(used) < MIN_READINGS:
        raise NotEnoughReadings(len(used))
    steps = 2 * len(PILLARS) + 1
    step = 0

    def advance() -> None:
        nonlocal step
        if cancelled is not None and cancelled():
            raise CalibrationCancelled
        step += 1
        if progress is not None:
            progress(step, steps)

    start = min([e.day for e in activity] + [s.day for s in profiles])
    days = (used[-1].day - start).days + 1
    counts = activity_matrix(activity, start, days)
    completeness = profile_completeness(profiles, start, days, base.profile_items)
    rows = np.asarray([(r.day - start).days for r in used])
    saturations = term_saturations(counts, completeness, base)[rows]
    observed = np.asarray([[r.pillar(p) for p in PILLARS] for r in used])
    before = _pillars(counts, profiles, start, current)[rows]
    advance()

    held = max(2, len(used) // 4) if len(used) >= HOLDOUT_FROM else 0
    train = np.arange(len(used) - held)
    test = np.arange(len(used) - held, len(used))
    weights: dict[str, float] = {}
    penalties: dict[str, float] = {}
    holdout_fit = np.zeros((held, len(PILLARS)))
    for p, pillar in enumerate(PILLARS):
        columns = [j for j, t in enumerate(base.terms) if t.pillar == pillar]
        prior = np.asarray([base.share(base.terms[j]) for j in columns])
        sat = saturations[:, columns]
        if held:
            shares, _ = fit_pillar(sat[train], observed[train, p], prior)
            holdout_fit[:, p] = PILLAR_MAX * sat[test] @ shares
        advance()
        shares, penalties[pillar] = fit_pillar(sat, observed[:, p], prior)
        weights.update({base.terms[j].name: float(v) for j, v in zip(columns, shares, strict=True)})
        advance()
    params = base.with_weights(weights, CALIBRATED_VERSION)
    after = _pillars(counts, profiles, start, params)[rows]
    return Calibration(
        params=params,
        readings_used=len(used),
        first=used[0].day,
        last=used[-1].day,
        held_back=held,
        mae_before=_mae(before, observed),
        mae_after=_mae(after, observed),
        holdout_before=_mae(before[test], observed[test]) if held else None,
        holdout_after=_mae(holdout_fit, observed[test]) if held else None,
        regularisation=penalties,
    )


def fit_pillar(
    saturations: np.ndarray, observed: np.ndarray, prior: np.ndarray
) -> tuple[np.ndarray, float]:
    """One pillar's shares, with the penalty the readings themselves choose (if enough).

    The penalty is chosen by cross-validation over interleaved folds (every fourth reading
    left out in turn), so each candidate is judged on readings spread over the whole period,
    not only on the latest ones, which may sit where every term is saturated and say nothing.
    """
    count = len(observed)
    if count < HOLDOUT_FROM:
        return fit_shares(saturations, observed, prior, REGULARISATION), REGULARISATION
    folds = np.arange(count) % CV_FOLDS
    errors = []
    for penalty in REGULARISATION_GRID:
        error = 0.0
        for fold in range(CV_FOLDS):
            train, test = folds != fold, folds == fold
            shares = fit_shares(saturations[train], observed[train], prior, penalty)
            error += float(np.abs(PILLAR_MAX * saturations[test] @ shares - observed[test]).sum())
        errors.append(error / count)
    # Within 5 % of the best, the heavier penalty wins: it stays closer to v1.
    best = min(errors)
    penalty = max(
        p for p, e in zip(REGULARISATION_GRID, errors, strict=True) if e <= 1.05 * best + 1e-3
    )
    return fit_shares(saturations, observed, prior, penalty), penalty


def _pillars(
    counts: np.ndarray, profiles: Sequence[ProfileSnapshot], start: date, params: ModelParams
) -> np.ndarray:
    """The model's own pillars per day, exactly as ``score`` computes them."""
    completeness = profile_completeness(profiles, start, counts.shape[0], params.profile_items)
    return score_arrays(counts, completeness, params)[0]


def _mae(estimate: np.ndarray, observed: np.ndarray) -> dict[str, float]:
    errors = np.abs(estimate - observed).mean(axis=0)
    out = {pillar: round(float(e), 3) for pillar, e in zip(PILLARS, errors, strict=True)}
    out["total"] = round(float(np.abs(estimate.sum(axis=1) - observed.sum(axis=1)).mean()), 3)
    return out


def fit_shares(
    saturations: np.ndarray,
    observed: np.ndarray,
    prior: np.ndarray,
    regularisation: float = REGULARISATION,
    cap: float = MAX_TERM_SHARE,
) -> np.ndarray:
    """Shares ``v`` minimising ‖25·S·v − y‖² + λ‖v − v0‖² on the capped simplex.

    A primal active-set method (Nocedal & Wright, algorithm 16.3): every iterate is feasible,
    each step solves the equality-constrained problem on the terms not held at 0 or at the
    cap, and a bound is released only when its multiplier says the optimum lies inside. The
    objective is strictly convex (λ > 0), so the answer is the one optimum, found exactly in
    a handful of small solves.
    """
    design = PILLAR_MAX * saturations
    hessian = design.T @ design + regularisation * np.eye(len(prior))
    linear = design.T @ observed + regularisation * prior
    shares = project_capped_simplex(prior, cap)
    at_zero = shares <= 0.0
    at_cap = shares >= cap
    for _ in range(20 * len(prior) + 20):
        gradient = hessian @ shares - linear
        free = ~(at_zero | at_cap)
        step, nu = _equality_step(hessian, gradient, free)
        if np.abs(step).max() <= 1e-13:
            multipliers = np.where(at_zero, gradient + nu, -(gradient + nu))
            multipliers[free] = 0.0
            worst = int(np.argmin(multipliers))
            if multipliers[worst] >= -1e-10:
                break
            at_zero[worst] = at_cap[worst] = False
            continue
        alpha, blocking = 1.0, -1
        for j in np.flatnonzero(free):
            if step[j] < 0 and -shares[j] / step[j] < alpha:
                alpha, blocking = -shares[j] / step[j], int(j)
            elif step[j] > 0 and (cap - shares[j]) / step[j] < alpha:
                alpha, blocking = (cap - shares[j]) / step[j], int(j)
        shares = shares + alpha * step
        if blocking >= 0:
            if step[blocking] < 0:
                shares[blocking], at_zero[blocking] = 0.0, True
            else:
                shares[blocking], at_cap[blocking] = cap, True
    clipped: np.ndarray = np.clip(shares, 0.0, cap)
    return clipped


def _equality_step(
    hessian: np.ndarray, gradient: np.ndarray, free: np.ndarray
) -> tuple[np.ndarray, float]:
    """The step on the free terms that keeps Σv and solves the KKT system, and its ν."""
    index = np.flatnonzero(free)
    size = len(index)
    kkt = np.zeros((size + 1, size + 1))
    kkt[:size, :size] = hessian[np.ix_(index, index)]
    kkt[:size, size] = kkt[size, :size] = 1.0
    solution = np.linalg.solve(kkt, np.concatenate([-gradient[index], [0.0]]))
    step = np.zeros_like(gradient)
    step[index] = solution[:size]
    return step, float(solution[size])


def project_capped_simplex(point: np.ndarray, cap: float) -> np.ndarray:
    """The nearest ``v`` with 0 ≤ v ≤ cap and Σv = 1 (needs cap·len ≥ 1).

    ``v = clip(point − τ, 0, cap)`` for the τ where the sum is 1; the sum falls monotonically
    in τ, so bisection finds τ to machine precision, and one last exact rescale of the free
    entries makes the sum 1 to the last bit the cap allows.
    """
    low = float(point.min()) - 1.0
    high = float(point.max())
    for _ in range(100):
        middle = (low + high) / 2.0
        if np.clip(point - middle, 0.0, cap).sum() > 1.0:
            low = middle
        else:
            high = middle
    result = np.clip(point - (low + high) / 2.0, 0.0, cap)
    free = (result > 0) & (result < cap)
    if free.any():
        result[free] += (1.0 - result.sum()) / free.sum()
        result = np.clip(result, 0.0, cap)
    return result
