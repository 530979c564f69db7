"""The estimate: turn recorded activity into one SSI row per day.

Pure and deterministic: the same entries and parameters give the same rows, byte for byte.
The work is a handful of numpy operations over a (days × metrics) matrix, so ten years
recompute in a few milliseconds (``benchmarks/``). The model is explained in
``docs/scoring.md``; its parameters live in ``parameters.py``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import chain
from operator import attrgetter, methodcaller
from typing import Final

import numpy as np

from .catalogue import METRIC_INDEX, PILLAR_MAX, PILLARS
from .parameters import DEFAULT_PARAMS, ModelParams, Term
from .records import ActivityEntry, ProfileSnapshot, Settings, TotalsSnapshot
from .series import TotalsSeries, warm_seed
from .validation import today

#: The member's settings when the caller has none (all catalogue defaults: warm start on).
DEFAULT_SETTINGS: Final = Settings()

#: Days per block in the EMA; keeps d**-i well inside float64 for half-lives ≥ 1 day.
_EMA_BLOCK = 256

_DAY = attrgetter("day")
_COUNTS = attrgetter("counts")
_VALUES = methodcaller("values")


def activity_matrix(entries: Iterable[ActivityEntry], start: date, days: int) -> np.ndarray:
    """Daily counts summed over entries and sources: shape (days, metrics).

    Flattened into (row, column, value) arrays and summed with one ``bincount``: ten years of
    entries take a few milliseconds instead of a Python loop per count. The flattening uses
    ``map`` and ``chain`` rather than generator expressions: the loops then run in C, which
    takes ten years from 5.2 to 4.6 ms (``benchmarks/``).
    """
    entries = list(entries)
    width = len(METRIC_INDEX)
    counts = list(map(_COUNTS, entries))
    lengths = list(map(len, counts))
    size = sum(lengths)
    days_in = np.fromiter(map(date.toordinal, map(_DAY, entries)), np.int64, count=len(entries))
    cols = np.fromiter(map(METRIC_INDEX.__getitem__, chain.from_iterable(counts)), np.int64,
                       count=size)  # fmt: skip
    values = np.fromiter(chain.from_iterable(map(_VALUES, counts)), np.float64, count=size)
    rows = np.repeat(days_in - start.toordinal(), lengths)
    keep = (rows >= 0) & (rows < days)
    flat = np.bincount(rows[keep] * width + cols[keep], weights=values[keep],
                       minlength=days * width)  # fmt: skip
    # bincount of nothing is an integer array; the model adds fractions to these counts.
    return flat.astype(np.float64, copy=False).reshape(days, width)


def profile_completeness(
    snapshots: Iterable[ProfileSnapshot], start: date, days: int, item_weights: dict[str, float]
) -> np.ndarray:
    """Weighted checklist completeness per day; the latest snapshot on or before a day applies.

    A snapshot dated before ``start`` still applies from ``start`` on.
    """
    series = np.zeros(days, dtype=np.float64)
    total_weight = sum(item_weights.values())
    origin = start.toordinal()
    for snap in sorted(snapshots, key=lambda s: s.day):
        value = sum(w for key, w in item_weights.items() if snap.items.get(key)) / total_weight
        series[max(0, snap.day.toordinal() - origin) :] = value
    return series


def ema(
    series: np.ndarray, half_lives: np.ndarray, initial: np.ndarray | None = None
) -> np.ndarray:
    """Exponential moving average down the rows, one half-life per column.

    ``x[t] = d·x[t−1] + (1−d)·u[t]`` with ``d = 2^(−1/half_life)`` and ``x[−1] = initial``
    (zero by default), computed per block as a scaled cumulative sum instead of a Python loop
    over days.
    """
    days = series.shape[0]
    out = np.empty_like(series)
    decay = np.power(2.0, -1.0 / half_lives)
    carry = np.zeros(series.shape[1]) if initial is None else initial
    # The powers are the same for every block: computed once, they halve the EMA's time.
    steps = np.arange(min(days, _EMA_BLOCK), dtype=np.float64)[:, None]
    grow = np.power(decay, -steps)  # d^-i
    shrink = np.power(decay, steps)  # d^i
    for begin in range(0, days, _EMA_BLOCK):
        block = series[begin : begin + _EMA_BLOCK]
        n = block.shape[0]
        summed = np.cumsum(block * grow[:n], axis=0)
        out[begin : begin + n] = shrink[:n] * (decay * carry + (1 - decay) * summed)
        carry = out[begin + n - 1]
    return out


def saturation(level: np.ndarray, reference: float | np.ndarray) -> np.ndarray:
    return -np.expm1(-level / reference)


@dataclass(frozen=True)
class WarmStart:
    """Where the member's records begin (a row) and how many days there set each pace."""

    first: int = 0
    days: int = 0


@dataclass
class Trace:
    """What a full run of :func:`term_saturations` carries from one day to the next, kept so
    that a change from a later row on can be scored from that row (:func:`saturations_from`)
    instead of from the first day: advice's what-ifs change only the future, and ten years
    of history need not run again for each of them."""

    #: Every EMA column's level on every day.
    levels: np.ndarray = field(default_factory=lambda: np.zeros((0, 0)))
    #: Per stock term (by its index in ``params.terms``): its stock and its daily flows.
    stocks: dict[int, tuple[np.ndarray, np.ndarray]] = field(default_factory=dict)


def term_saturations(
    counts: np.ndarray,
    completeness: np.ndarray,
    params: ModelParams,
    totals: TotalsSeries | None = None,
    warm: WarmStart | None = None,
    trace: Trace | None = None,
) -> np.ndarray:
    """Each term's saturation in [0, 1] per day: shape (days, terms).

    ``totals`` default to none copied; ``warm`` defaults to the model's own warm start from
    the first row (``WarmStart(0, 0)`` starts every pace from nothing). A ``trace`` is filled
    with what :func:`saturations_from` needs to continue from any later row.
    """
    days = counts.shape[0]
    series = totals if totals is not None else TotalsSeries.empty(days)
    if warm is None:
        warm = WarmStart(0, min(params.warm_days, days))
    columns, half_lives = _ema_columns(counts, params)
    levels = _levels(columns, half_lives, warm, days)

    def stock(j: int, term: Term, flows: np.ndarray) -> np.ndarray:
        assert term.total is not None
        level = series.stock(term.total, flows)
        if trace is not None:
            trace.stocks[j] = (level, flows)
        return level

    if trace is not None:
        trace.levels = levels
    return _combine(params, levels, counts, completeness, stock, series.rolling)


def saturations_from(
    trace: Trace,
    row: int,
    counts: np.ndarray,
    completeness: np.ndarray,
    params: ModelParams,
    totals: TotalsSeries,
) -> np.ndarray:
    """:func:`term_saturations` of rows ``row`` on, for a history whose rows before ``row`` are
    those the ``trace`` was taken on (``counts`` and ``completeness`` hold rows ``row`` on).

    Every part of the model is causal: a row depends on the rows before it only through the
    EMA levels, which carry on from the trace's row before, and through the stocks, which
    after the last copied total grow by the daily flows, so they move by what the flows moved
    from ``row`` on. The caller checks that the warm start's window and every copied total lie
    before ``row`` (``Projection``); the result then equals the full run's up to float
    rounding (``tests/core/test_projection.py``).
    """
    days = counts.shape[0]
    columns, half_lives = _ema_columns(counts, params)
    if columns:
        levels = ema(np.column_stack(columns), half_lives, trace.levels[row - 1])
    else:
        levels = np.zeros((days, 0))

    def stock(j: int, _term: Term, flows: np.ndarray) -> np.ndarray:
        level, before = trace.stocks[j]
        moved: np.ndarray = level[row : row + days] + np.cumsum(flows - before[row : row + days])
        return moved

    def rolling(key: str, window: float) -> np.ndarray:
        return totals.rolling(key, window)[row : row + days]

    return _combine(params, levels, counts, completeness, stock, rolling)


def _ema_columns(counts: np.ndarray, params: ModelParams) -> tuple[list[np.ndarray], np.ndarray]:
    """One EMA column per pace/active term and two or three per rate term, with their
    half-lives: all EMAs run in one pass."""
    columns: list[np.ndarray] = []
    half_lives: list[float] = []
    for term in params.terms:
        if term.kind == "pace":
            columns.append(_capped(counts @ _input_vector(term), term.spike * term.reference))
        elif term.kind == "active":
            columns.append((counts @ _input_vector(term) > 0).astype(np.float64))
        elif term.kind == "rate":
            denominator = counts[:, METRIC_INDEX[term.denominator]]
            columns += [counts[:, METRIC_INDEX[term.numerator]], denominator]
            if term.evidence:
                columns.append(_capped(denominator, term.spike))
        else:
            continue
        half_lives += [term.half_life] * (len(columns) - len(half_lives))
    return columns, np.asarray(half_lives)


def _combine(
    params: ModelParams,
    levels: np.ndarray,
    counts: np.ndarray,
    completeness: np.ndarray,
    stock: Callable[[int, Term, np.ndarray], np.ndarray],
    rolling: Callable[[str, float], np.ndarray],
) -> np.ndarray:
    """Each term's saturation from the EMA levels, the profile, the stocks and the totals."""
    out = np.empty((counts.shape[0], len(params.terms)), dtype=np.float64)
    col = 0
    for j, term in enumerate(params.terms):
        if term.kind == "profile":
            out[:, j] = completeness
        elif term.kind == "stock":
            out[:, j] = saturation(stock(j, term, counts @ _input_vector(term)), term.reference)
        elif term.kind == "rate" and term.evidence:
            # Counts held in memory: the pace times the EMA's total weight 1 / (1 − d).
            memory = 1.0 / -np.expm1(-np.log(2.0) / term.half_life)
            replies, sent, evidence = (levels[:, col + i] * memory for i in range(3))
            weight = evidence / (evidence + term.evidence)
            out[:, j] = weight * saturation(replies / (sent + 1.0), term.reference)
            col += 3
        elif term.kind == "rate":
            level = levels[:, col] / (levels[:, col + 1] + term.prior)
            out[:, j] = saturation(level, term.reference)
            col += 2
        else:
            level = levels[:, col]
            if term.total:
                # The better of two evidences of one thing, never their sum.
                level = np.maximum(level, rolling(term.total, term.total_days))
            out[:, j] = saturation(level, term.reference)
            col += 1
    return np.clip(out, 0.0, 1.0)


def _capped(series: np.ndarray, cap: float) -> np.ndarray:
    """No day counts more than ``cap`` (0: no cap, as in model v1)."""
    return np.minimum(series, cap) if cap > 0 else series


def _levels(
    columns: list[np.ndarray], half_lives: np.ndarray, warm: WarmStart, days: int
) -> np.ndarray:
    """The EMAs of every column; from the warm start's row on, each starts at its seed."""
    if not columns:
        return np.zeros((days, 0))
    series = np.column_stack(columns)
    if warm.days <= 0 or warm.first >= days:
        return ema(series, half_lives)
    # No activity is recorded before the first row of records, so nothing is lost here.
    before = ema(series[: warm.first], half_lives)
    carry = before[-1] if warm.first else np.zeros(series.shape[1])
    seed = warm_seed(series, warm.first, warm.days)
    after = ema(series[warm.first :], half_lives, carry + seed)
    return np.vstack([before, after]) if warm.first else after


def _input_vector(term: Term) -> np.ndarray:
    vector = np.zeros(len(METRIC_INDEX))
    for key, weight in term.inputs.items():
        vector[METRIC_INDEX[key]] = weight
    return vector


def term_points_matrix(params: ModelParams) -> np.ndarray:
    """Points per unit saturation for each term, laid out per pillar: shape (terms, pillars)."""
    matrix = np.zeros((len(params.terms), len(PILLARS)))
    for j, term in enumerate(params.terms):
        matrix[j, PILLARS.index(term.pillar)] = PILLAR_MAX * params.share(term)
    return matrix


@dataclass(frozen=True)
class ScoreRow:
    day: date
    total: float
    brand: float
    find: float
    engage: float
    build: float

    def as_dict(self) -> dict[str, float | str]:
        return {
            "date": self.day.isoformat(),
            "total": self.total,
            "brand": self.brand,
            "find": self.find,
            "engage": self.engage,
            "build": self.build,
        }

    def pillar(self, name: str) -> float:
        return float(getattr(self, name))


@dataclass(frozen=True)
class ScoreTable:
    """The estimate for every day from ``start``: pillar points and each term's share.

    An anchored table (``anchor.py``) also keeps the model's own pillars and the days of the
    official readings it is anchored to; :meth:`raw` gives the model alone.
    """

    start: date
    pillars: np.ndarray  # (days, 4)
    term_points: np.ndarray  # (days, terms): points each term adds to its pillar
    params: ModelParams
    raw_pillars: np.ndarray | None = None  # (days, 4) before anchoring; None: not anchored
    anchors: np.ndarray | None = None  # (days, 4) the anchor that holds each day
    anchor_days: tuple[date, ...] = ()  # the readings anchored to, in date order

    def raw(self) -> ScoreTable:
        """The model alone, without the anchor to official readings."""
        if self.raw_pillars is None:
            return self
        return ScoreTable(self.start, self.raw_pillars, self.term_points, self.params)

    @property
    def days(self) -> int:
        return int(self.pillars.shape[0])

    @property
    def end(self) -> date:
        return self.start + timedelta(days=self.days - 1)

    @property
    def totals(self) -> np.ndarray:
        summed: np.ndarray = self.pillars.sum(axis=1)
        return summed

    def index(self, day: date) -> int:
        return day.toordinal() - self.start.toordinal()

    def dates(self) -> list[date]:
        return [self.start + timedelta(days=i) for i in range(self.days)]

    def row(self, day: date) -> ScoreRow:
        i = self.index(day)
        if not 0 <= i < self.days:
            return score_row(day, np.zeros(len(PILLARS)))
        return score_row(day, self.pillars[i])

    def rows(self, first: date | None = None, last: date | None = None) -> list[ScoreRow]:
        first = first or self.start
        last = last or self.end
        return [self.row(first + timedelta(days=i)) for i in range((last - first).days + 1)]


def score_row(day: date, pillars: np.ndarray) -> ScoreRow:
    # Pillars are rounded first and the total is their sum, so the row adds up exactly.
    rounded = [round(float(p), 2) + 0.0 for p in pillars]
    return ScoreRow(day, round(math.fsum(rounded), 2), *rounded)


def score_arrays(
    counts: np.ndarray,
    completeness: np.ndarray,
    params: ModelParams = DEFAULT_PARAMS,
    totals: TotalsSeries | None = None,
    warm: WarmStart | None = None,
    trace: Trace | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """(pillars, term points) for a counts matrix: the model itself, with no dates."""
    return pillars_of(term_saturations(counts, completeness, params, totals, warm, trace), params)


def pillars_of(saturations: np.ndarray, params: ModelParams) -> tuple[np.ndarray, np.ndarray]:
    """(pillars, term points) from the terms' saturations: what :func:`score_arrays` returns."""
    points = term_points_matrix(params)
    term_points = saturations * points.sum(axis=1)
    offsets = np.asarray([params.offset(p) for p in PILLARS])  # calibration's (§3.18)
    pillars = np.clip(saturations @ points + offsets, 0.0, PILLAR_MAX)
    return pillars, term_points


@dataclass(frozen=True)
class ModelInputs:
    """What the model reads for a history, as arrays whose row 0 is ``start``.

    ``counts`` (and the other arrays) may hold more rows than ``days``, the rows asked for:
    the warm start always reads the first weeks of activity.
    """

    start: date
    days: int
    counts: np.ndarray
    completeness: np.ndarray
    totals: TotalsSeries
    warm: WarmStart


def model_inputs(
    activity: Iterable[ActivityEntry],
    profiles: Iterable[ProfileSnapshot] = (),
    params: ModelParams = DEFAULT_PARAMS,
    *,
    totals: Iterable[TotalsSnapshot] = (),
    settings: Settings = DEFAULT_SETTINGS,
    start: date | None = None,
    end: date | None = None,
) -> ModelInputs:
    """The arrays :func:`score` feeds to :func:`score_arrays` (what-ifs and calibration
    reuse them)."""
    entries = list(activity)
    snapshots = list(profiles)
    copied = list(totals)
    recorded = [e.day for e in entries] + [s.day for s in snapshots] + [t.day for t in copied]
    first = min([*recorded, start] if start else recorded, default=None)
    if first is None:
        first = end or today()
    last = end or max([*recorded, today()])
    days = max(0, (last - first).days + 1)
    warm = WarmStart()
    if entries and settings.warm_start and params.warm_days:
        anchor = min(e.day for e in entries)
        warm = WarmStart((anchor - first).days, min(params.warm_days, (today() - anchor).days + 1))
    computed = max(days, warm.first + warm.days)
    counts = activity_matrix(entries, first, computed)
    completeness = profile_completeness(snapshots, first, computed, params.profile_items)
    series = TotalsSeries.build(copied, first, computed)
    return ModelInputs(first, days, counts, completeness, series, warm)


def score(
    activity: Iterable[ActivityEntry],
    profiles: Iterable[ProfileSnapshot] = (),
    params: ModelParams = DEFAULT_PARAMS,
    *,
    totals: Iterable[TotalsSnapshot] = (),
    settings: Settings = DEFAULT_SETTINGS,
    start: date | None = None,
    end: date | None = None,
) -> ScoreTable:
    """Score every day from the first recorded day (or ``start``) to ``end``.

    History before ``start`` still counts: the table starts at whichever comes first, so a
    row never depends on the range asked for. Nor on ``end``: the warm start always reads
    the first weeks of activity, as many of them as the calendar has had (spec §3.12).
    """
    got = model_inputs(activity, profiles, params, totals=totals, settings=settings,
                       start=start, end=end)  # fmt: skip
    pillars, term_points = score_arrays(got.counts, got.completeness, params, got.totals, got.warm)
    return ScoreTable(got.start, pillars[: got.days], term_points[: got.days], params)
