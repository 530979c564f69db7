"""The numerical core of calibration: one pillar's offset, references and shares.

A pillar is ``clip(25 · Σ v_j · sat_j + b, 0, 25)``: shares ``v`` on the capped simplex,
saturations ``sat_j = 1 − exp(−level_j / (s_j · reference_j))`` and an offset ``b``. For a fixed
history the levels do not depend on any of these, so the saturations at the reading days are
computed once, and a reference scaled by ``s`` gives ``1 − (1 − sat)^(1/s)`` without another
pass over the days. For fixed scales the pillar is linear in ``(v, b)``: that part is an exact
small quadratic programme (the offset eliminated in closed form, the shares by an active-set
method); the scales (log-scaled, within bounds) are found by projected gradient on what that
programme leaves, whose gradient is the partial derivative at its optimum.

The penalty pulls every parameter toward its default: ``λ·(‖v − v0‖² + U·‖log s‖² + (b/B)²)``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

import numpy as np

from .catalogue import PILLAR_MAX
from .parameters import MAX_OFFSET, MAX_TERM_SHARE

#: A reference may shrink to this fraction of its default, or grow to the second.
SCALE_BOUNDS: Final = (0.4, 2.5)
#: Penalty weight of a scale against a share: a reference ×2 costs about what moving a share
#: by 0.12 costs.
SCALE_PENALTY: Final = 0.03
#: Penalty scale of the offset: 5 points cost what moving a share by 0.1 costs.
OFFSET_SCALE: Final = 50.0
#: Projected-gradient iterations on the scales; each solves the small programme once or twice.
#: Choosing the penalty needs only the ranking of a few candidates: fewer steps do.
SCALE_STEPS: Final = 40
SCALE_STEPS_QUICK: Final = 6
#: Fits that leave out readings hidden by the clip to [0, 25] (see fit_pillar_parameters).
CENSORING_PASSES: Final = 3
#: A reading this close to 0 or 25 is at the bound (LinkedIn shows two decimals).
_AT_BOUND: Final = 0.005
#: Saturations are kept this far below 1, so a scaled reference still has a gradient.
_ALMOST_ONE: Final = 1.0 - 1e-12


@dataclass(frozen=True)
class PillarFit:
    """One pillar's fitted parameters: shares of all its terms, scales of the fitted ones."""

    shares: np.ndarray
    scales: np.ndarray
    offset: float

    def predict(self, saturations: np.ndarray, scaled: np.ndarray) -> np.ndarray:
        sat = rescale(saturations, self.scales, scaled)
        predicted: np.ndarray = np.clip(
            PILLAR_MAX * sat @ self.shares + self.offset, 0.0, PILLAR_MAX
        )
        return predicted


def rescale(saturations: np.ndarray, scales: np.ndarray, scaled: np.ndarray) -> np.ndarray:
    """Saturations with the ``scaled`` terms' references multiplied by ``scales``."""
    out = saturations.copy()
    if scaled.any():
        sat = np.minimum(saturations[:, scaled], _ALMOST_ONE)
        out[:, scaled] = -np.expm1(np.log1p(-sat) / scales[scaled])
    return out


def fit_pillar_parameters(
    saturations: np.ndarray,
    observed: np.ndarray,
    prior: np.ndarray,
    free: np.ndarray,
    scaled: np.ndarray,
    regularisation: float,
    steps: int = SCALE_STEPS,
) -> PillarFit:
    """The penalised least-squares fit of one pillar.

    ``free`` marks the terms whose shares may move (the others keep their default share
    exactly), ``scaled`` those whose references may move. A reading of 0 (or 25) only says
    "0 or less" (or "25 or more"): where the fit already predicts beyond that bound, the
    reading agrees with it and is left out of the next pass, instead of pulling the fit toward
    a level LinkedIn's clip hides.
    """
    keep = np.ones(len(observed), dtype=bool)
    for _ in range(CENSORING_PASSES):
        fit = _fit_once(saturations[keep], observed[keep], prior, free, scaled, regularisation,
                        steps)  # fmt: skip
        raw = PILLAR_MAX * rescale(saturations, fit.scales, scaled) @ fit.shares + fit.offset
        hidden = ((observed <= _AT_BOUND) & (raw <= 0.0)) | (
            (observed >= PILLAR_MAX - _AT_BOUND) & (raw >= PILLAR_MAX)
        )
        if np.array_equal(~hidden, keep) or hidden.all():
            break
        keep = ~hidden
    return fit


def _fit_once(
    saturations: np.ndarray,
    observed: np.ndarray,
    prior: np.ndarray,
    free: np.ndarray,
    scaled: np.ndarray,
    regularisation: float,
    steps: int,
) -> PillarFit:
    log_low, log_high = np.log(SCALE_BOUNDS[0]), np.log(SCALE_BOUNDS[1])
    logs = np.zeros(len(prior))

    def solve(logs: np.ndarray) -> tuple[float, np.ndarray, np.ndarray, float]:
        sat = rescale(saturations, np.exp(logs), scaled)
        shares, offset = fit_shares_and_offset(sat, observed, prior, free, regularisation)
        residual = PILLAR_MAX * sat @ shares + offset - observed
        value = float(residual @ residual) + regularisation * (
            float(((shares - prior) ** 2).sum())
            + SCALE_PENALTY * float((logs**2).sum())
            + (offset / OFFSET_SCALE) ** 2
        )
        # d sat'/d log s = (1 − sat)^(1/s) · ln(1 − sat) / s  (≤ 0: a larger reference fills less)
        base = np.minimum(saturations, _ALMOST_ONE)
        derivative = np.exp(np.log1p(-base) / np.exp(logs)) * np.log1p(-base) / np.exp(logs)
        gradient = 2.0 * PILLAR_MAX * shares * (residual @ derivative)
        gradient += 2.0 * regularisation * SCALE_PENALTY * logs
        gradient[~scaled] = 0.0
        return value, gradient, shares, offset

    value, gradient, shares, offset = solve(logs)
    step = 0.1
    for _ in range(steps if scaled.any() else 0):
        while step > 1e-6:
            trial = np.clip(logs - step * gradient, log_low, log_high)
            result = solve(trial)
            if result[0] <= value - 1e-4 * float(gradient @ (logs - trial)):
                break
            step /= 4.0
        else:
            break
        moved = float(np.abs(trial - logs).max())
        logs = trial
        value, gradient, shares, offset = result
        step *= 2.0
        if moved < 1e-4:
            break
    return PillarFit(shares, np.exp(logs), offset)


def fit_shares_and_offset(
    saturations: np.ndarray,
    observed: np.ndarray,
    prior: np.ndarray,
    free: np.ndarray,
    regularisation: float,
) -> tuple[np.ndarray, float]:
    """Shares and offset minimising ‖25·S·v + b − y‖² + λ(‖v − v0‖² + (b/B)²).

    Only ``free`` shares move, on the simplex part the fixed ones leave, each within the cap.
    The offset has a closed form for given shares, ``b = Σ(y − 25·S·v) / (n + κ)`` with
    ``κ = λ/B²``; substituted, the shares' problem keeps its form with a centred design. An
    offset beyond ±MAX_OFFSET is clipped to the bound and the shares refitted with it fixed.
    """
    shares = prior.copy()
    design = PILLAR_MAX * saturations
    target = observed - design[:, ~free] @ prior[~free]
    count = len(observed)
    kappa = regularisation / OFFSET_SCALE**2
    centre = 1.0 / (count + kappa)
    mass = float(prior[free].sum())
    if free.any() and mass > 0:
        # v_free = mass · w with w on the simplex (sum 1, cap MAX/mass).
        columns = design[:, free] * mass
        column_sums = columns.sum(axis=0)
        hessian = columns.T @ columns - centre * np.outer(column_sums, column_sums)
        hessian += regularisation * mass**2 * np.eye(int(free.sum()))
        start = prior[free] / mass
        linear = columns.T @ target - centre * column_sums * target.sum()
        linear += regularisation * mass**2 * start
        cap = min(1.0, MAX_TERM_SHARE / mass)
        weights = solve_on_simplex(hessian, linear, start, cap)
        shares[free] = mass * weights
    offset = centre * float((target - design[:, free] @ shares[free]).sum())
    if abs(offset) > MAX_OFFSET:
        offset = float(np.clip(offset, -MAX_OFFSET, MAX_OFFSET))
        if free.any() and mass > 0:
            shares[free] = mass * fit_shares(
                saturations[:, free] * mass,
                target - offset,
                start,
                regularisation * mass**2,
                cap,
            )
    return shares, offset


def fit_shares(
    saturations: np.ndarray,
    observed: np.ndarray,
    prior: np.ndarray,
    regularisation: float,
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
    return solve_on_simplex(hessian, linear, prior, cap)


def solve_on_simplex(
    hessian: np.ndarray, linear: np.ndarray, start: np.ndarray, cap: float
) -> np.ndarray:
    """``v`` minimising ½vᵀHv − lᵀv on the capped simplex (H positive definite)."""
    prior = start
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
        for j in map(int, np.flatnonzero(free)):
            if step[j] < 0 and -shares[j] / step[j] < alpha:
                alpha, blocking = -shares[j] / step[j], j
            elif step[j] > 0 and (cap - shares[j]) / step[j] < alpha:
                alpha, blocking = (cap - shares[j]) / step[j], j
        shares = shares + alpha * step
        if blocking >= 0:
            if step[blocking] < 0:
                shares[blocking], at_zero[blocking] = 0.0, True
            else:
                shares[blocking], at_cap[blocking] = cap, True
    fitted: np.ndarray = np.clip(shares, 0.0, cap)
    return fitted


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

    ``v = clip(point − τ, 0, cap)`` for the τ where the sum is 1. The sum is piecewise linear
    and falling in τ, with its breaks at ``point`` and ``point − cap``: it is evaluated at every
    break at once, and τ interpolated exactly on the segment that crosses 1. A last rescale of
    the free entries makes the sum 1 to the last bit the cap allows.
    """
    breaks = np.sort(np.concatenate([point, point - cap, [point.min() - 1.0]]))
    sums = np.clip(point[None, :] - breaks[:, None], 0.0, cap).sum(axis=1)
    above = int(np.flatnonzero(sums >= 1.0)[-1])
    if above == len(breaks) - 1:
        tau = float(breaks[above])
    else:
        low, high = sums[above], sums[above + 1]
        fraction = 0.0 if low == high else (low - 1.0) / (low - high)
        tau = float(breaks[above] + fraction * (breaks[above + 1] - breaks[above]))
    result = np.clip(point - tau, 0.0, cap)
    free = (result > 0) & (result < cap)
    if free.any():
        result[free] += (1.0 - result.sum()) / free.sum()
        result = np.clip(result, 0.0, cap)
    return result
