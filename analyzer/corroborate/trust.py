"""Source reliability and value confidence: truth discovery with numeric tolerance and copy detection.

Sources assert values for items ("the toll" of a story, a city's population); :func:`estimate_trust`
estimates by turns how often each source is right and how likely each value of each item is:

* **Votes.** A source of accuracy ``A`` casts ``ln(false_values * A / (1 - A))`` for what it asserts
  (Dong, Berti-Equille and Srivastava 2009, "Accu"); a source no better than a guess among
  ``false_values + 1`` values casts nothing.  A source giving k values for one item splits its vote.
* **Numeric tolerance.** A claim lends ``implication * (1 - d / (2 * tol))`` of its vote to the item's
  other values at distance ``d <= tol = max(absolute_tolerance, relative_tolerance * |x|)``, and all of
  it to the values inside the bounds its words state ("at least 10,000" fully supports 11,000).
  A value's confidence is the softmax of its support over the item's values (and, for items with few
  values, the ``false_values`` nobody gave).
* **Accuracy.** A source's accuracy is the mean confidence of the values it stated exactly (or whose
  bounds hold) over all its claims, unchecked ones counted as below, smoothed towards the pooled
  accuracy of sources with about as many claims (powers of two): with one claim a source starts where
  one-claim sources usually are.  It measures agreement, not truth.
* **Unchecked claims.** A claim on an item no other source covers cannot be checked.  Scored by its
  source's own vote it is exactly as likely as that source's accuracy, so it would only repeat the
  record of the source's checked claims; a source that states far more than anyone checks (a bot
  filling thousands of items) would be judged on the few items others cover, where its heavy vote wins
  the very disputes that make its record: it feeds on its own votes.  Instead, as TruthFinder (Yin, Han
  and Yu 2008) scores a fact one source states alone, an unchecked claim of a source of accuracy ``A``
  counts ``1 / (1 + (1 - A) ** dampening)`` right: with ``dampening`` 0.3, TruthFinder's default, 0.5
  at ``A = 0`` to 0.8 at ``A = 0.99``.  A source whose claims are mostly unchecked drifts towards 0.56
  (where that score equals the accuracy) whatever its record on the checked ones; a source checked on
  most of its claims keeps its record.  ``dampening=None`` leaves unchecked claims out.
* **Copies.** Two sources that agree on values few of the item's sources give, item after item, are
  probably one copying the other; each item where they differ counts against it.  This evidence is
  read once from the data (not from the current estimates, so a block of copiers cannot vouch for
  itself).  Where dependent sources agree, the lower-ranked one keeps ``1 - copy_rate * P(copy)`` of
  its vote for each higher-ranked source it agrees with.

Memory is linear in the number of claims: values are paired only within an item and within tolerance,
sources only within items of at most ``max_pair_claims`` claims (so at most ``max_pair_claims / 2``
pairs per claim), never claims x claims.

Determinism: sources, items and values are numbered in sorted order, so the result does not depend on
the order of the observations.  Values of an item are ranked by confidence (to 6 decimals), then by the number of
sources stating them exactly, then numbers before words, smaller numbers (or words in sorted order)
first.  For the copy discount, sources rank by vote, then by their summed probability of dependence
(the original several copy comes before its copies), then by name.

>>> obs = [Observation("a", "toll", 10), Observation("b", "toll", "10"), Observation("c", "toll", 12)]
>>> verdict = estimate_trust(obs).items["toll"]
>>> verdict.value, verdict.support
(10.0, 2)
"""

from __future__ import annotations

import logging
import math
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from analyzer.models import Claim
from analyzer.native import register_records

LOGGER = logging.getLogger(__name__)

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
Value = float | str

_NUMBER = re.compile(r"[+\-\u2212]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:[eE][+\-]?\d{1,3})?|[+\-]?\.\d+")
_SPACE = re.compile(r"\s+")
_EPS = 1e-6
_START_ACCURACY = 0.8
_CONVERGED = 1e-6


@dataclass(frozen=True, slots=True)
class Observation:
    """One source asserting one value for one item; ``low``/``high`` are bounds its words state.

    >>> Observation("ministry", "arrests", 200, low=200.0).low
    200.0
    """

    source: str
    item: str
    value: Value
    low: float | None = None
    high: float | None = None


@dataclass(frozen=True, slots=True)
class Candidate:
    """A value asserted for an item: its confidence and how many sources state it exactly."""

    value: Value
    confidence: float
    support: int


@dataclass(frozen=True, slots=True)
class ItemVerdict:
    """The chosen value of an item.

    ``support`` counts the sources whose claims agree with it: the same value, a value within
    tolerance, or bounds that contain it.  ``candidates`` are all values asserted, best first.
    """

    value: Value
    confidence: float
    support: int
    candidates: tuple[Candidate, ...]


@dataclass(frozen=True, slots=True)
class TrustResult:
    """Per item its verdict; per source its reliability (estimated accuracy, 0..1) and distinct claims.

    ``copies`` lists the source pairs judged dependent (probability at least 0.5), most likely first.
    Confidences and reliabilities are rounded to 6 decimals.
    """

    items: dict[str, ItemVerdict]
    sources: dict[str, float]
    claims: dict[str, int]
    copies: tuple[tuple[str, str, float], ...]
    iterations: int


def parse_value(value: Value) -> Value:
    """A number when the text is one (``"1,234"``, ``"10.0"``, ``"-3"``), else lower-cased stripped text.

    >>> parse_value("1,234"), parse_value(" 10.00 "), parse_value(" N/A ")
    (1234.0, 10.0, 'n/a')
    """
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int | float):
        number = float(value)
        return number if math.isfinite(number) else str(value).lower()
    text = _SPACE.sub(" ", value.strip())
    if _NUMBER.fullmatch(text):
        return float(text.replace(",", "").replace("\u2212", "-"))
    return text.lower()


def claim_observations(
    claims: Iterable[Claim], *, source: str = "speaker", approximate_tolerance: float = 0.10
) -> list[Observation]:
    """Observations from extracted claims: who (``speaker`` or ``outlet``) asserted what for which quantity.

    Denials and hedges assert nothing and are left out, as are claims without that source or
    quantity.  Stated bounds carry over; an approximate figure ("about 3,000") is taken as bounded
    by ``approximate_tolerance`` either side.

    >>> c = Claim("c1", "d1", 3000.0, "About 3,000 fled, police said.", 6, 11, speaker="police",
    ...           quantity_key="fled", approximate=True)
    >>> claim_observations([c])
    [Observation(source='police', item='fled', value=3000.0, low=2700.0, high=3300.0)]
    """
    if source not in ("speaker", "outlet"):
        raise ValueError(f"source must be 'speaker' or 'outlet', got {source!r}")
    out = []
    for claim in claims:
        who = claim.speaker if source == "speaker" else claim.outlet
        if not who or not claim.quantity_key or claim.stance in ("denies", "hedges"):
            continue
        low, high = claim.value_low, claim.value_high
        if claim.approximate and low is None and high is None:
            spread = abs(claim.value) * approximate_tolerance
            low, high = claim.value - spread, claim.value + spread
        out.append(Observation(who, claim.quantity_key, claim.value, low=low, high=high))
    return out


@dataclass(frozen=True, slots=True)
class _Index:
    """The observations as arrays; sources, items and values are numbered in sorted order.

    A group is one (value, bounds) of an item; claims are (group, source), sorted.
    """

    source_names: list[str]
    item_names: list[str]
    cand_value: list[Value]
    cand_item: IntArray  # candidate -> item; candidates sorted by item, numbers first, ascending
    cand_num: FloatArray  # NaN for words
    claim_source: IntArray
    claim_group: IntArray
    claim_weight: FloatArray  # 1 / (claims the source makes on the item)
    claim_informative: FloatArray  # 1 when another source covers the item
    group_cand: IntArray
    group_low: FloatArray
    group_high: FloatArray


def _sum(keys: IntArray, weights: FloatArray, size: int) -> FloatArray:
    """Per key in ``range(size)``, the sum of its weights."""
    return np.asarray(np.bincount(keys, weights, size), dtype=np.float64)


def _order(value: Value) -> tuple[int, float, str]:
    return (0, value, "") if isinstance(value, float) else (1, 0.0, value)


def _ranks(ids: dict[str, int] | dict[Value, int], key: Any = None) -> tuple[list[Any], IntArray]:
    """The keys in sorted order, and per first-seen id its rank in that order."""
    names = sorted(ids, key=key)
    rank = np.empty(len(names), dtype=np.int64)
    rank[[ids[name] for name in names]] = np.arange(len(names))  # type: ignore[index]
    return names, rank


def _run_ids(*keys: IntArray | FloatArray) -> IntArray:
    """Per row of rows sorted by ``keys``, the number of the distinct run of equal keys it belongs to."""
    change = np.zeros(len(keys[0]), dtype=bool)
    for k in keys:
        change[1:] |= k[1:] != k[:-1]
    return np.asarray(np.cumsum(change), dtype=np.int64)


def _firsts(run: IntArray) -> npt.NDArray[np.bool_]:
    return np.asarray(np.diff(run, prepend=-1) > 0, dtype=np.bool_)


def _build_index(observations: Iterable[Observation]) -> _Index:
    sources: dict[str, int] = {}
    items: dict[str, int] = {}
    keys: dict[Value, int] = {}
    parsed: dict[Value, int] = {}
    rows: list[tuple[int, int, int, float, float]] = []
    for obs in observations:
        k = parsed.get(obs.value)
        if k is None:
            k = parsed[obs.value] = keys.setdefault(parse_value(obs.value), len(keys))
        lo = -math.inf if obs.low is None else float(obs.low)
        hi = math.inf if obs.high is None else float(obs.high)
        s = sources.setdefault(obs.source, len(sources))
        rows.append((s, items.setdefault(obs.item, len(items)), k, lo, hi))
    source_names, src_rank = _ranks(sources)
    item_names, item_rank = _ranks(items)
    values, value_rank = _ranks(keys, key=_order)
    table = np.array(rows, dtype=np.float64).reshape(-1, 5)
    src = src_rank[table[:, 0].astype(np.int64)]
    item = item_rank[table[:, 1].astype(np.int64)]
    val = value_rank[table[:, 2].astype(np.int64)]
    numeric = np.array([isinstance(v, float) for v in values], dtype=bool)[val]  # words have no bounds
    low = np.where(numeric, table[:, 3], -math.inf)
    high = np.where(numeric, table[:, 4], math.inf)
    # sorted by item, value, bounds, source: distinct rows are the claims
    order = np.lexsort((src, high, low, val, item))
    src, item, val, low, high = src[order], item[order], val[order], low[order], high[order]
    keep = _firsts(_run_ids(src, high, low, val, item))
    src, item, val, low, high = src[keep], item[keep], val[keep], low[keep], high[keep]
    claim_cand = _run_ids(val, item)  # candidates: distinct (item, value)
    claim_group = _run_ids(high, low, val, item)  # groups: distinct (item, value, bounds)
    head, ghead = _firsts(claim_cand), _firsts(claim_group)
    n_src, n_items = len(source_names), len(item_names)
    source_item, inverse, counts = np.unique(item * n_src + src, return_inverse=True, return_counts=True)
    sources_per_item = np.bincount(source_item // max(n_src, 1), minlength=n_items)
    cand_values = [values[v] for v in val[head].tolist()]
    return _Index(
        source_names=source_names,
        item_names=item_names,
        cand_value=cand_values,
        cand_item=item[head],
        cand_num=np.array([v if isinstance(v, float) else math.nan for v in cand_values], dtype=np.float64),
        claim_source=src,
        claim_group=claim_group,
        claim_weight=1.0 / counts[inverse].astype(np.float64),
        claim_informative=(sources_per_item[item] > 1).astype(np.float64),
        group_cand=claim_cand[ghead],
        group_low=low[ghead],
        group_high=high[ghead],
    )


@dataclass(frozen=True, slots=True)
class _Support:
    """Sparse (group, candidate, weight) triples: how much a claim group supports a value.

    Weight 1 for the group's own value and values inside its bounds, less for values within tolerance.
    """

    group: IntArray
    cand: IntArray
    weight: FloatArray


def _near_weight(dist: FloatArray, tol: FloatArray, implication: float) -> FloatArray:
    return np.asarray(implication * (1.0 - dist / (2.0 * tol)), dtype=np.float64)


Part = tuple[IntArray, IntArray, FloatArray]


def _bounded_support(index: _Index, bounded: list[int], tol: FloatArray, implication: float) -> list[Part]:
    """Groups with stated bounds support every value inside them fully, close ones as usual."""
    starts = np.searchsorted(index.cand_item, np.arange(len(index.item_names) + 1))
    parts: list[Part] = []
    for group in bounded:
        own = int(index.group_cand[group])
        item = int(index.cand_item[own])
        vs = np.arange(int(starts[item]), int(starts[item + 1]), dtype=np.int64)
        values = index.cand_num[vs]
        dist = np.abs(values - index.cand_num[own])
        near = np.where(
            dist <= tol[group], _near_weight(dist, np.full(len(vs), tol[group]), implication), 0.0
        )
        within = (values >= index.group_low[group]) & (values <= index.group_high[group])
        weight = np.where(within, 1.0, near)
        keep = (weight > 0) & (vs != own)
        parts.append((np.full(int(keep.sum()), group, dtype=np.int64), vs[keep], weight[keep]))
    return parts


def _support(index: _Index, relative: float, absolute: float, implication: float, reach: int) -> _Support:
    n_groups, n_cand = len(index.group_cand), len(index.cand_item)
    own = index.group_cand
    x = index.cand_num[own]
    tol = np.maximum(absolute, relative * np.abs(x))
    bounded = np.isfinite(index.group_low) | np.isfinite(index.group_high)
    parts: list[Part] = [(np.arange(n_groups, dtype=np.int64), own, np.ones(n_groups))]
    plain = np.flatnonzero(~bounded & np.isfinite(x))
    for step in (1, -1) if implication > 0 else ():
        active = plain
        for k in range(1, reach + 1):  # candidates are sorted by value within an item
            nb = own[active] + step * k
            inside = (nb >= 0) & (nb < n_cand)
            g, nb = active[inside], nb[inside]
            same = index.cand_item[nb] == index.cand_item[own[g]]
            g, nb = g[same], nb[same]
            dist = np.abs(index.cand_num[nb] - x[g])
            close = dist <= tol[g]  # NaN (words) compares False; farther neighbours fail too
            if not close.any():
                break
            active, nb, dist = g[close], nb[close], dist[close]
            parts.append((active, nb, _near_weight(dist, tol[active], implication)))
    parts.extend(_bounded_support(index, np.flatnonzero(bounded).tolist(), tol, implication))
    return _Support(
        np.concatenate([p[0] for p in parts]),
        np.concatenate([p[1] for p in parts]),
        np.concatenate([p[2] for p in parts]),
    )


@dataclass(frozen=True, slots=True)
class _Copies:
    """Source pairs covering common items, their probability of dependence, and where they agree."""

    first: IntArray
    second: IntArray
    dependence: FloatArray
    agree_pair: IntArray  # per agreeing claim pair: its source pair and the two claims
    agree_a: IntArray
    agree_b: IntArray
    hub: FloatArray  # per source, the sum of its pairs' probabilities of dependence


def _segment_pairs(keys: IntArray, cap: int) -> tuple[IntArray, IntArray]:
    """All index pairs (i < j) inside runs of equal ``keys``, for runs of 2 to ``cap`` elements."""
    starts = np.concatenate(([0], np.flatnonzero(np.diff(keys)) + 1)).astype(np.int64)
    sizes = np.diff(np.concatenate((starts, [len(keys)])))
    firsts, seconds = [np.zeros(0, dtype=np.int64)], [np.zeros(0, dtype=np.int64)]
    for size in np.unique(sizes[(sizes >= 2) & (sizes <= cap)]).tolist():
        rows = starts[sizes == size][:, None] + np.arange(size)
        i, j = np.triu_indices(size, 1)
        firsts.append(rows[:, i].ravel())
        seconds.append(rows[:, j].ravel())
    return np.concatenate(firsts), np.concatenate(seconds)


def _copies(index: _Index, copy_rate: float, copy_prior: float, cap: int) -> _Copies:
    """Read from the data how likely each pair of sources is to copy one another.

    Agreeing on a value that a share ``f`` of the item's sources give (the pair included, smoothed by
    one source's worth towards how often two sources agree at all) is ``c / f + 1 - c`` times more
    likely for a copier (copy rate ``c``) than by chance; differing is ``1 - c`` times as likely.
    """
    n_src = len(index.source_names)
    src, weight = index.claim_source, index.claim_weight
    claim_cand = index.group_cand[index.claim_group]
    claim_item = index.cand_item[claim_cand]
    a, b = _segment_pairs(claim_item, cap)  # claims are sorted by item (through group and value)
    keep = src[a] != src[b]
    a, b = a[keep], b[keep]
    codes = np.minimum(src[a], src[b]) * n_src + np.maximum(src[a], src[b])
    pair_codes, pair = np.unique(codes, return_inverse=True)
    w = weight[a] * weight[b]
    agree = claim_cand[a] == claim_cand[b]
    chance = float(w[agree].sum() / max(float(w.sum()), _EPS))  # how often two sources agree at all
    held = _sum(claim_cand, weight, len(index.cand_item))[claim_cand[a]]
    covered = _sum(claim_item, weight, len(index.item_names))[claim_item[a]]
    share = np.clip((held + chance) / (covered + 1.0), _EPS, 1.0)
    llr = np.where(agree, np.log(copy_rate / share + 1 - copy_rate), math.log(1 - copy_rate))
    evidence = math.log(copy_prior / (1 - copy_prior)) + _sum(pair, w * llr, len(pair_codes))
    dependence = 1.0 / (1.0 + np.exp(-np.clip(evidence, -50.0, 50.0)))
    first, second = pair_codes // max(n_src, 1), pair_codes % max(n_src, 1)
    hub = np.round(_sum(first, dependence, n_src) + _sum(second, dependence, n_src), 9)
    return _Copies(
        first=first,
        second=second,
        dependence=dependence,
        hub=hub,
        agree_pair=pair[agree],
        agree_a=a[agree],
        agree_b=b[agree],
    )


def _copy_discount(index: _Index, copies: _Copies, vote: FloatArray, copy_rate: float) -> FloatArray:
    """Per claim, the share of its vote it keeps: the lower-ranked of two agreeing dependent sources loses.

    Sources rank by vote, then by how much dependence they share with others (the original that
    several copy comes before its copies), then by name.
    """
    sa, sb = index.claim_source[copies.agree_a], index.claim_source[copies.agree_b]
    va, vb = vote[sa], vote[sb]
    ma, mb = copies.hub[sa], copies.hub[sb]
    a_first = (va > vb) | ((va == vb) & ((ma > mb) | ((ma == mb) & (sa < sb))))
    later = np.where(a_first, copies.agree_b, copies.agree_a)
    loss = np.log1p(-copy_rate * copies.dependence[copies.agree_pair])
    return np.asarray(np.exp(_sum(later, loss, len(index.claim_source))), dtype=np.float64)


@dataclass(frozen=True, slots=True)
class _Params:
    false_values: float
    prior_strength: float
    copy_rate: float
    dampening: float | None


@dataclass(frozen=True, slots=True)
class _State:
    accuracy: FloatArray
    prob: FloatArray
    iterations: int


def _softmax_by_item(score: FloatArray, cand_item: IntArray, unseen: FloatArray) -> FloatArray:
    """Per item, exp(score) normalised over its values plus ``unseen`` values of score 0."""
    top = np.zeros(len(unseen))
    np.maximum.at(top, cand_item, score)
    e = np.exp(score - top[cand_item])
    total = _sum(cand_item, e, len(unseen)) + unseen * np.exp(-top)
    return np.asarray(e / total[cand_item], dtype=np.float64)


def _volume_prior(volume: IntArray, acc_sum: FloatArray, count: FloatArray, strength: float) -> FloatArray:
    """Per source, the pooled accuracy of the sources with about as many claims (powers of two)."""
    bucket = np.floor(np.log2(np.maximum(volume, 1))).astype(np.int64)
    overall = (float(acc_sum.sum()) + 1.0) / (float(count.sum()) + 2.0)
    n = int(bucket.max(initial=0)) + 1
    pooled = (_sum(bucket, acc_sum, n) + strength * overall) / (_sum(bucket, count, n) + strength)
    return np.asarray(pooled[bucket], dtype=np.float64)


def _probabilities(
    index: _Index, support: _Support, copies: _Copies | None, p: _Params, accuracy: FloatArray
) -> FloatArray:
    """The confidence of every value given the sources' accuracies."""
    n_items = len(index.item_names)
    vote = np.maximum(math.log(p.false_values) + np.log(accuracy / (1 - accuracy)), 0.0)
    claim_vote = index.claim_weight * vote[index.claim_source]
    if copies is not None and len(copies.agree_a):
        claim_vote = claim_vote * _copy_discount(index, copies, vote, p.copy_rate)
    group_vote = _sum(index.claim_group, claim_vote, len(index.group_cand))
    score = _sum(support.cand, support.weight * group_vote[support.group], len(index.cand_item))
    values = np.bincount(index.cand_item, minlength=n_items)
    unseen = np.maximum(p.false_values + 1 - values, 0.0)
    return _softmax_by_item(score, index.cand_item, unseen)


def _unchecked_confidence(accuracy: FloatArray, dampening: float) -> FloatArray:
    """TruthFinder's confidence in a fact one source of trust ``accuracy`` states alone: 0.5 to 1.

    >>> _unchecked_confidence(np.array([0.0, 0.6, 0.99, 1.0]), 0.3).round(2).tolist()
    [0.5, 0.57, 0.8, 1.0]
    """
    return np.asarray(1.0 / (1.0 + (1.0 - accuracy) ** dampening), dtype=np.float64)


def _iterate(index: _Index, support: _Support, copies: _Copies | None, p: _Params, iterations: int) -> _State:
    n_src, n_groups = len(index.source_names), len(index.group_cand)
    exact = support.weight * (support.weight >= 1.0)  # own value, or inside the stated bounds
    evidence = index.claim_weight * index.claim_informative
    count = _sum(index.claim_source, evidence, n_src)
    unchecked = _sum(index.claim_source, index.claim_weight - evidence, n_src)
    if p.dampening is None:
        unchecked[:] = 0.0
    volume = np.bincount(index.claim_source, minlength=n_src)
    accuracy = np.full(n_src, _START_ACCURACY)
    prob = _probabilities(index, support, copies, p, accuracy)
    done = 0
    for step in range(1, iterations + 1):
        done = step
        right = _sum(support.group, exact * prob[support.cand], n_groups)[index.claim_group]
        acc_sum = _sum(index.claim_source, evidence * right, n_src)
        prior = _volume_prior(volume, acc_sum, count, p.prior_strength)
        alone = 0.0 if p.dampening is None else unchecked * _unchecked_confidence(accuracy, p.dampening)
        new = (p.prior_strength * prior + acc_sum + alone) / (p.prior_strength + count + unchecked)
        new = np.clip(new, _EPS, 1 - _EPS)
        change = float(np.max(np.abs(new - accuracy), initial=0.0))
        accuracy = new
        prob = _probabilities(index, support, copies, p, accuracy)
        if change < _CONVERGED:
            break
    return _State(accuracy, prob, done)


def _agreeing_sources(index: _Index, support: _Support, best: IntArray) -> IntArray:
    """Per candidate in ``best``, the number of distinct sources whose claims support it."""
    n_cand, n_src = len(index.cand_item), len(index.source_names)
    chosen = np.zeros(n_cand, dtype=bool)
    chosen[best] = True
    pick = chosen[support.cand]
    groups, cands = support.group[pick], support.cand[pick]
    starts = np.searchsorted(index.claim_group, np.arange(len(index.group_cand) + 1))
    sizes = (starts[1:] - starts[:-1])[groups]
    claim = np.repeat(starts[:-1][groups], sizes) + (
        np.arange(int(sizes.sum())) - np.repeat(np.cumsum(sizes) - sizes, sizes)
    )
    codes = np.unique(np.repeat(cands, sizes) * n_src + index.claim_source[claim])
    return np.bincount(codes // max(n_src, 1), minlength=n_cand)


def _verdicts(index: _Index, support: _Support, prob: FloatArray) -> dict[str, ItemVerdict]:
    n_cand, n_src = len(index.cand_item), len(index.source_names)
    claim_cand = index.group_cand[index.claim_group]
    exact = np.bincount(np.unique(claim_cand * n_src + index.claim_source) // max(n_src, 1), minlength=n_cand)
    conf = np.round(prob, 6)
    order = np.lexsort((np.arange(n_cand), -exact, -conf, index.cand_item))
    bounds = np.flatnonzero(np.diff(index.cand_item[order])) + 1
    best = order[np.concatenate(([0], bounds))] if n_cand else order
    agreeing = _agreeing_sources(index, support, best)
    values, conf_l, exact_l = index.cand_value, conf.tolist(), exact.tolist()
    items: dict[str, ItemVerdict] = {}
    for ranked in np.split(order, bounds) if n_cand else ():
        ids = ranked.tolist()
        top = ids[0]
        items[index.item_names[int(index.cand_item[top])]] = ItemVerdict(
            value=values[top],
            confidence=conf_l[top],
            support=int(agreeing[top]),
            candidates=tuple(Candidate(values[v], conf_l[v], exact_l[v]) for v in ids),
        )
    return items


def estimate_trust(
    observations: Iterable[Observation],
    *,
    relative_tolerance: float = 0.05,
    absolute_tolerance: float = 1.0,
    implication: float = 0.3,
    iterations: int = 50,
    copy_detection: bool = True,
    false_values: float = 2.0,
    prior_strength: float = 5.0,
    copy_rate: float = 0.8,
    copy_prior: float = 0.1,
    max_pair_claims: int = 100,
    max_neighbours: int = 64,
    dampening: float | None = 0.3,
) -> TrustResult:
    """Estimate each source's reliability and the confidence of each value of each item.

    ``implication`` (0 to below 1) is the share of a claim's vote lent to a value next to its own,
    fading linearly to half of that at the tolerance and to nothing beyond; ``false_values`` is how many
    wrong values a careless source picks among (a source whose accuracy is below
    ``1 / (false_values + 1)`` gets no vote); ``prior_strength`` is how many claims' worth of
    evidence the volume prior weighs; ``copy_rate`` is the share of its values a copier copies and
    ``copy_prior`` the prior probability that two sources are dependent; ``dampening`` (0 to 1, or
    None) sets how much a claim nobody else can check counts towards its source's accuracy (see the
    module docstring).

    >>> obs = [Observation(s, f"q{i}", v) for i in range(3) for s, v in (("a", 5), ("b", 5), ("c", 9))]
    >>> result = estimate_trust(obs)
    >>> result.items["q0"].value, result.sources["a"] > result.sources["c"]
    (5.0, True)
    """
    if not 0 <= implication < 1:
        raise ValueError(f"implication must be in [0, 1), got {implication}")
    if not (0 < copy_rate < 1 and 0 < copy_prior < 1 and false_values > 0 and prior_strength > 0):
        raise ValueError("copy_rate and copy_prior must be in (0, 1); false_values, prior_strength > 0")
    if dampening is not None and not 0 <= dampening <= 1:
        raise ValueError(f"dampening must be in [0, 1] or None, got {dampening}")
    index = _build_index(observations)
    support = _support(index, relative_tolerance, absolute_tolerance, implication, max_neighbours)
    copies = _copies(index, copy_rate, copy_prior, max_pair_claims) if copy_detection else None
    params = _Params(false_values, prior_strength, copy_rate, dampening)
    state = _iterate(index, support, copies, params, iterations)
    LOGGER.debug("trust: %d claims, %d iterations", len(index.claim_source), state.iterations)
    names = index.source_names
    pairs: list[tuple[str, str, float]] = []
    if copies is not None:
        for k in np.flatnonzero(copies.dependence >= 0.5).tolist():
            dep = round(float(copies.dependence[k]), 6)
            pairs.append((names[int(copies.first[k])], names[int(copies.second[k])], dep))
    pairs.sort(key=lambda t: (-t[2], t[0], t[1]))
    claims = np.bincount(index.claim_source, minlength=len(names)).tolist()
    return TrustResult(
        items=_verdicts(index, support, state.prob),
        sources={n: round(float(a), 6) for n, a in zip(names, state.accuracy, strict=True)},
        claims=dict(zip(names, claims, strict=True)),
        copies=tuple(pairs),
        iterations=state.iterations,
    )


register_records(sys.modules[__name__])  # its frozen records pickle and copy when compiled (`make native`)
