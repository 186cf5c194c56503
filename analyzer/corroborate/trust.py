"""Source reliability and value confidence: truth discovery with numeric tolerance and copy detection.

Every source asserts values for items; :func:`estimate_trust` estimates, by turns, how often each
source is right and how likely each value of each item is to be the true one:

* a value's score is the sum of its sources' votes, ``ln(n * A / (1 - A))`` for a source of accuracy
  ``A`` among ``n`` possible wrong values (Dong, Berti-Equille and Srivastava 2009, "Accu");
* close figures support each other: a claim lends part of its vote to the item's other values within
  its tolerance (``max(absolute_tolerance, relative_tolerance * |x|)``), fading with the distance,
  and all of it to the values inside its own bounds ("at least 10,000" fully supports 11,000);
* a source's accuracy is the mean confidence of what it claimed, on the items another source also
  covers (an item nobody else covers says nothing about who is right), smoothed towards the pooled
  accuracy of sources of the same volume (empirical Bayes): a source with one claim starts where
  one-claim sources usually are;
* copies are discounted: two sources that share many values, above all values that lose, are
  probably one copying the other; the lower-ranked one's vote for a shared value is multiplied by
  ``1 - copy_rate * P(dependent)``.

Memory is linear in the number of claims: value pairs are formed only inside an item, within
tolerance, and source pairs only inside items of at most ``max_pair_claims`` claims.

Determinism: sources, items and values are numbered in sorted order, so the result does not depend
on the order of the observations.  Ties between values are broken by higher confidence, then more
sources asserting the value, then numbers before words, then the smaller number (or the earlier
word in sorted order).

>>> obs = [Observation("a", "toll", 10), Observation("b", "toll", "10"), Observation("c", "toll", 12)]
>>> verdict = estimate_trust(obs).items["toll"]
>>> verdict.value, verdict.support
(10.0, 2)
"""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

LOGGER = logging.getLogger(__name__)

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
Value = float | str

_NUMBER = re.compile(r"[+\-\u2212]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:[eE][+\-]?\d{1,3})?|[+\-]?\.\d+")
_SPACE = re.compile(r"\s+")
_EPS = 1e-6


@dataclass(frozen=True, slots=True)
class Observation:
    """One source asserting one value for one item; ``low``/``high`` are bounds its words state.

    >>> Observation("ministry", "arrests", "at least 200", low=200.0).low
    200.0
    """

    source: str
    item: str
    value: Value
    low: float | None = None
    high: float | None = None


@dataclass(frozen=True, slots=True)
class Candidate:
    """A value asserted for an item: its confidence and the number of sources asserting it."""

    value: Value
    confidence: float
    support: int


@dataclass(frozen=True, slots=True)
class ItemVerdict:
    """The chosen value of an item.

    ``support`` counts the sources whose claims agree with it (the same value, a value within
    tolerance, or bounds that contain it); ``candidates`` are all values asserted, best first.
    """

    value: Value
    confidence: float
    support: int
    candidates: tuple[Candidate, ...]


@dataclass(frozen=True, slots=True)
class TrustResult:
    """Per item its verdict, per source its reliability (estimated accuracy, 0..1)."""

    items: dict[str, ItemVerdict]
    sources: dict[str, float]
    iterations: int
    claims: dict[str, int]


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


@dataclass(frozen=True, slots=True)
class _Index:
    """The observations as arrays; sources, items and values are numbered in sorted order."""

    source_names: list[str]
    item_names: list[str]
    cand_value: list[Value]
    cand_item: IntArray  # candidate -> item, sorted by item
    cand_num: FloatArray  # NaN for words
    claim_source: IntArray
    claim_group: IntArray
    claim_weight: FloatArray  # 1 / values the source gives for the item
    claim_informative: FloatArray  # 1 when another source covers the item
    group_cand: IntArray
    group_low: FloatArray
    group_high: FloatArray


def _build_index(observations: Iterable[Observation]) -> _Index:
    cache: dict[Value, Value] = {}
    rows: set[tuple[str, str, Value, float, float]] = set()
    for obs in observations:
        key = cache.get(obs.value)
        if key is None:
            key = cache[obs.value] = parse_value(obs.value)
        numeric = isinstance(key, float)
        low = obs.low if numeric and obs.low is not None else -math.inf
        high = obs.high if numeric and obs.high is not None else math.inf
        rows.add((obs.source, obs.item, key, float(low), float(high)))
    source_names = sorted({r[0] for r in rows})
    item_names = sorted({r[1] for r in rows})
    src_id = {name: i for i, name in enumerate(source_names)}
    item_id = {name: i for i, name in enumerate(item_names)}

    def order(value: Value) -> tuple[int, float, str]:
        return (0, value, "") if isinstance(value, float) else (1, 0.0, value)

    cands = sorted({(item_id[r[1]], order(r[2])) for r in rows})
    cand_id = {c: i for i, c in enumerate(cands)}
    groups = sorted({(cand_id[(item_id[r[1]], order(r[2]))], r[3], r[4]) for r in rows})
    group_id = {g: i for i, g in enumerate(groups)}
    claims = sorted(
        (group_id[(cand_id[(item_id[r[1]], order(r[2]))], r[3], r[4])], src_id[r[0]]) for r in rows
    )
    claim_group = np.array([c[0] for c in claims], dtype=np.int64)
    claim_source = np.array([c[1] for c in claims], dtype=np.int64)
    group_cand = np.array([g[0] for g in groups], dtype=np.int64)
    cand_item = np.array([c[0] for c in cands], dtype=np.int64)
    claim_item = cand_item[group_cand[claim_group]]
    # a source giving k values (or k bounds) for one item has 1/k of a vote on each
    pair_code = claim_item * len(source_names) + claim_source
    _, inverse, counts = np.unique(pair_code, return_inverse=True, return_counts=True)
    per_item_sources = np.bincount(np.unique(pair_code) // len(source_names), minlength=len(item_names))
    return _Index(
        source_names=source_names,
        item_names=item_names,
        cand_value=[c[1][1] if c[1][0] == 0 else c[1][2] for c in cands],
        cand_item=cand_item,
        cand_num=np.array([c[1][1] if c[1][0] == 0 else math.nan for c in cands], dtype=np.float64),
        claim_source=claim_source,
        claim_group=claim_group,
        claim_weight=1.0 / counts[inverse].astype(np.float64),
        claim_informative=(
            (per_item_sources[claim_item] > 1)
            if INFORM == "sources"
            else (np.bincount(cand_item, minlength=len(item_names))[claim_item] > 1)
        ).astype(np.float64),
        group_cand=group_cand,
        group_low=np.array([g[1] for g in groups], dtype=np.float64),
        group_high=np.array([g[2] for g in groups], dtype=np.float64),
    )


@dataclass(frozen=True, slots=True)
class _Support:
    """Sparse (group, candidate, weight) triples: how much a claim group supports each value."""

    group: IntArray
    cand: IntArray
    weight: FloatArray


def _tolerance(x: FloatArray, relative: float, absolute: float) -> FloatArray:
    return np.maximum(absolute, relative * np.abs(x))


def _support(
    index: _Index, relative: float, absolute: float, implication: float, max_neighbours: int
) -> _Support:
    """Each group supports its own value fully, close values by a fading share, values in its bounds fully."""
    n_groups, n_cand = len(index.group_cand), len(index.cand_item)
    own = index.group_cand
    x = index.cand_num[own]
    tol = _tolerance(x, relative, absolute)
    bounded = np.isfinite(index.group_low) | np.isfinite(index.group_high)
    parts_g: list[IntArray] = [np.arange(n_groups, dtype=np.int64)]
    parts_v: list[IntArray] = [own]
    parts_w: list[FloatArray] = [np.ones(n_groups)]
    plain = np.flatnonzero(~bounded & np.isfinite(x))
    for step in (1, -1) if implication > 0 else ():
        active = plain
        for k in range(1, max_neighbours + 1):
            nb = own[active] + step * k
            ok = (nb >= 0) & (nb < n_cand)
            g, nb = active[ok], nb[ok]
            ok = index.cand_item[nb] == index.cand_item[own[g]]
            g, nb = g[ok], nb[ok]
            dist = np.abs(index.cand_num[nb] - x[g])
            ok = dist <= tol[g]  # NaN (words) compares False; values are sorted, so farther ones fail too
            if not ok.any():
                break
            active, nb, dist = g[ok], nb[ok], dist[ok]
            parts_g.append(active)
            parts_v.append(nb)
            parts_w.append(implication * (1.0 - dist / (2.0 * tol[active])))
    starts = np.searchsorted(index.cand_item, np.arange(len(index.item_names) + 1))
    for g in np.flatnonzero(bounded):
        item = index.cand_item[own[g]]
        vs = np.arange(starts[item], starts[item + 1])
        values = index.cand_num[vs]
        inside = (values >= index.group_low[g]) & (values <= index.group_high[g])
        dist = np.abs(values - x[g])
        near = np.where(dist <= tol[g], implication * (1.0 - dist / (2.0 * tol[g])), 0.0)
        weight = np.where(inside, 1.0, near)
        weight[vs == own[g]] = 0.0  # already counted
        keep = weight > 0
        parts_g.append(np.full(int(keep.sum()), g, dtype=np.int64))
        parts_v.append(vs[keep])
        parts_w.append(weight[keep])
    return _Support(np.concatenate(parts_g), np.concatenate(parts_v), np.concatenate(parts_w))


@dataclass(frozen=True, slots=True)
class _Pairs:
    """Source pairs that cover common items: how much they share, and where they agree."""

    first: IntArray  # source of each pair (first < second)
    second: IntArray
    shared: FloatArray  # items both cover (a source with k values on an item counts 1/k per value)
    same: FloatArray  # of which with the same value
    agree_pair: IntArray  # per agreeing claim pair: its source pair,
    agree_a: IntArray  # the two claims,
    agree_b: IntArray
    agree_cand: IntArray  # and the value they share
    agree_weight: FloatArray


def _segment_pairs(keys: IntArray, cap: int) -> tuple[IntArray, IntArray]:
    """All index pairs (i < j) inside runs of equal ``keys`` (sorted), for runs of at most ``cap``."""
    bounds = np.flatnonzero(np.diff(keys)) + 1
    starts = np.concatenate(([0], bounds)).astype(np.int64)
    sizes = np.diff(np.concatenate((starts, [len(keys)])))
    firsts: list[IntArray] = [np.zeros(0, dtype=np.int64)]
    seconds: list[IntArray] = [np.zeros(0, dtype=np.int64)]
    for size in np.unique(sizes[(sizes >= 2) & (sizes <= cap)]):
        rows = starts[sizes == size][:, None] + np.arange(size)
        i, j = np.triu_indices(int(size), 1)
        firsts.append(rows[:, i].ravel())
        seconds.append(rows[:, j].ravel())
    return np.concatenate(firsts), np.concatenate(seconds)


def _pairs(index: _Index, cap: int) -> _Pairs:
    n_src = len(index.source_names)
    claim_cand = index.group_cand[index.claim_group]
    claim_item = index.cand_item[claim_cand]
    src, weight = index.claim_source, index.claim_weight

    def code(a: IntArray, b: IntArray) -> tuple[IntArray, IntArray, FloatArray]:
        keep = src[a] != src[b]
        a, b = a[keep], b[keep]
        return a, b, np.minimum(src[a], src[b]) * n_src + np.maximum(src[a], src[b])

    a, b, codes = code(*_segment_pairs(claim_item, cap))
    pair_codes, inverse = np.unique(codes, return_inverse=True)
    shared = np.bincount(inverse, weight[a] * weight[b], len(pair_codes))
    del a, b, codes, inverse
    big_item = np.bincount(claim_item)[claim_item] > cap
    sa, sb, scodes = code(*_segment_pairs(np.where(big_item, -1 - np.arange(len(src)), claim_cand), cap))
    spair = np.searchsorted(pair_codes, scodes)
    sweight = weight[sa] * weight[sb]
    return _Pairs(
        first=pair_codes // n_src,
        second=pair_codes % n_src,
        shared=shared,
        same=np.bincount(spair, sweight, len(pair_codes)),
        agree_pair=spair,
        agree_a=sa,
        agree_b=sb,
        agree_cand=claim_cand[sa],
        agree_weight=sweight,
    )


@dataclass(frozen=True, slots=True)
class _Params:
    domain_size: float
    prior_strength: float
    copy_rate: float
    copy_prior: float
    copy_detection: bool


def _softmax_by_item(score: FloatArray, cand_item: IntArray, n_items: int, unseen: FloatArray) -> FloatArray:
    """Per item, exp(score) normalised over its values plus ``unseen`` values of score 0."""
    top = np.full(n_items, -np.inf)
    np.maximum.at(top, cand_item, score)
    top = np.maximum(top, 0.0)
    e = np.exp(score - top[cand_item])
    total = np.bincount(cand_item, e, n_items) + unseen * np.exp(-top)
    return np.asarray(e / total[cand_item], dtype=np.float64)


def _dependence(pairs: _Pairs, accuracy: FloatArray, prob: FloatArray, p: _Params) -> FloatArray:
    """Posterior probability that each source pair is dependent (one copies the other)."""
    a1, a2 = accuracy[pairs.first], accuracy[pairs.second]
    c, n = p.copy_rate, p.domain_size
    pt = a1 * a2
    pf = (1 - a1) * (1 - a2) / n
    mean = (a1 + a2) / 2
    agree_true = np.bincount(pairs.agree_pair, pairs.agree_weight * prob[pairs.agree_cand], len(pt))
    agree_false = np.maximum(pairs.same - agree_true, 0.0)
    differ = np.maximum(pairs.shared - pairs.same, 0.0)
    logit = (
        math.log(p.copy_prior / (1 - p.copy_prior))
        + agree_true * np.log((c * mean + (1 - c) * pt) / pt)
        + agree_false * np.log((c * (1 - mean) + (1 - c) * pf) / pf)
        + differ * math.log(1 - c)
    )
    return np.asarray(1.0 / (1.0 + np.exp(-np.clip(logit, -50, 50))), dtype=np.float64)


def _copy_discount(index: _Index, pairs: _Pairs, dep: FloatArray, vote: FloatArray, c: float) -> FloatArray:
    """Per claim, the factor its vote keeps: the lower-ranked of two agreeing dependent sources loses."""
    sa, sb = index.claim_source[pairs.agree_a], index.claim_source[pairs.agree_b]
    va, vb = vote[sa], vote[sb]
    later = np.where((va > vb) | ((va == vb) & (sa < sb)), pairs.agree_b, pairs.agree_a)
    loss = np.log1p(-c * dep[pairs.agree_pair] * (1 - 1e-9))
    return np.asarray(np.exp(np.bincount(later, loss, len(index.claim_source))), dtype=np.float64)


@dataclass(frozen=True, slots=True)
class _State:
    accuracy: FloatArray
    score: FloatArray
    prob: FloatArray
    iterations: int


def _volume_prior(index: _Index, acc_sum: FloatArray, count: FloatArray, strength: float) -> FloatArray:
    """Per source, the pooled accuracy of the sources with about as many claims (powers of two)."""
    volume = np.bincount(index.claim_source, minlength=len(index.source_names))
    bucket = np.floor(np.log2(np.maximum(volume, 1))).astype(np.int64)
    overall = (acc_sum.sum() + 1.0) / (count.sum() + 2.0)
    pooled = (np.bincount(bucket, acc_sum) + strength * overall) / (np.bincount(bucket, count) + strength)
    return np.asarray(pooled[bucket], dtype=np.float64)


LOO = False
INFORM = 'sources'
LOO_UNSEEN = 0.0
GAMMA = 1.0
AMAX = 1 - _EPS


@dataclass(frozen=True, slots=True)
class _Expanded:
    """Support triples per claim: (claim, candidate, weight)."""

    claim: IntArray
    cand: IntArray
    weight: FloatArray


def _expand(index: _Index, support: _Support) -> _Expanded:
    order = np.argsort(support.group, kind="stable")
    sg, sv, sw = support.group[order], support.cand[order], support.weight[order]
    n_groups = len(index.group_cand)
    starts = np.searchsorted(sg, np.arange(n_groups))
    sizes = np.bincount(sg, minlength=n_groups)
    per_claim = sizes[index.claim_group]
    claim = np.repeat(np.arange(len(index.claim_group)), per_claim)
    offset = np.arange(len(claim)) - np.repeat(np.cumsum(per_claim) - per_claim, per_claim)
    pos = starts[index.claim_group][claim] + offset
    return _Expanded(claim, sv[pos], sw[pos])


def _loo_accuracy(
    index: _Index, ex: _Expanded, score: FloatArray, claim_vote: FloatArray, unseen: FloatArray
) -> FloatArray:
    """Per claim, how well the other sources' votes support it: its own vote left out."""
    n_items = len(index.item_names)
    top = np.full(n_items, -np.inf)
    np.maximum.at(top, index.cand_item, score)
    top = np.maximum(top, 0.0)
    e = np.exp(score - top[index.cand_item])
    total = np.bincount(index.cand_item, e, n_items) + unseen * np.exp(-top)
    own = np.exp(-ex.weight * claim_vote[ex.claim])
    e_without = e[ex.cand] * own
    n_claims = len(index.claim_group)
    claim_item = index.cand_item[index.group_cand[index.claim_group]]
    total_without = total[claim_item] - np.bincount(ex.claim, e[ex.cand] - e_without, n_claims)
    agree = np.bincount(ex.claim, ex.weight * e_without, n_claims)
    return np.asarray(np.clip(agree / np.maximum(total_without, 1e-300), 0.0, 1.0), dtype=np.float64)


def _iterate(index: _Index, support: _Support, pairs: _Pairs | None, p: _Params, iterations: int) -> _State:
    n_src, n_items, n_cand = len(index.source_names), len(index.item_names), len(index.cand_item)
    n_groups = len(index.group_cand)
    unseen = np.maximum(p.domain_size + 1 - np.bincount(index.cand_item, minlength=n_items), 0.0)
    evidence = index.claim_weight * index.claim_informative
    expanded = _expand(index, support)
    count = np.bincount(index.claim_source, evidence, n_src)
    accuracy = np.full(n_src, 0.8)
    discount = np.ones(len(index.claim_source))
    score = prob = np.zeros(n_cand)
    done = 0
    for done in range(1, iterations + 1):
        clipped = np.clip(accuracy, _EPS, 1 - _EPS)
        vote = np.maximum(math.log(p.domain_size) + np.log(clipped / (1 - clipped)), 0.0)
        claim_vote = index.claim_weight * vote[index.claim_source] * discount
        group_vote = np.bincount(index.claim_group, claim_vote, n_groups)
        score = GAMMA * np.bincount(support.cand, support.weight * group_vote[support.group], n_cand)
        prob = _softmax_by_item(score, index.cand_item, n_items, unseen)
        if LOO:
            claim_acc = _loo_accuracy(index, expanded, score, claim_vote, unseen * LOO_UNSEEN)
        else:
            claim_acc = np.bincount(support.group, support.weight * prob[support.cand], n_groups)[
                index.claim_group
            ]
        acc_sum = np.bincount(index.claim_source, evidence * claim_acc, n_src)
        prior = _volume_prior(index, acc_sum, count, p.prior_strength)
        new = np.clip((p.prior_strength * prior + acc_sum) / (p.prior_strength + count), _EPS, AMAX)
        if pairs is not None and len(pairs.first):
            dep = _dependence(pairs, new, prob, p)
            discount = _copy_discount(index, pairs, dep, new, p.copy_rate)
        change = float(np.max(np.abs(new - accuracy))) if n_src else 0.0
        accuracy = new
        if change < 1e-7:
            break
    return _State(accuracy, score, prob, done)


def _verdicts(index: _Index, support: _Support, state: _State) -> dict[str, ItemVerdict]:
    n_cand = len(index.cand_item)
    claim_cand = index.group_cand[index.claim_group]
    n_src = len(index.source_names)
    exact = np.bincount(np.unique(claim_cand * n_src + index.claim_source) // n_src, minlength=n_cand)
    # rank values: confidence, then sources, then numbers before words and by value (the index order)
    order = np.lexsort((np.arange(n_cand), -exact, -state.prob, index.cand_item))
    best = order[np.concatenate(([0], np.flatnonzero(np.diff(index.cand_item[order])) + 1))]
    # sources agreeing with the chosen value: its own, close ones, bounds containing it
    chosen = np.zeros(n_cand, dtype=bool)
    chosen[best] = True
    group_of_claim = index.claim_group
    agreeing = support.group[chosen[support.cand]]
    agree_cand = support.cand[chosen[support.cand]]
    per_group: dict[int, list[int]] = {}
    for g, v in zip(agreeing.tolist(), agree_cand.tolist(), strict=True):
        per_group.setdefault(g, []).append(v)
    agreeing_sources: dict[int, set[int]] = {}
    for g, s in zip(group_of_claim.tolist(), index.claim_source.tolist(), strict=True):
        for v in per_group.get(g, ()):
            agreeing_sources.setdefault(v, set()).add(s)
    items: dict[str, ItemVerdict] = {}
    start = 0
    item_of = index.cand_item[order].tolist()
    prob, values, exact_l = state.prob.tolist(), index.cand_value, exact.tolist()
    order_l = order.tolist()
    for end in [*(np.flatnonzero(np.diff(index.cand_item[order])) + 1).tolist(), n_cand]:
        ranked = order_l[start:end]
        top = ranked[0]
        items[index.item_names[item_of[start]]] = ItemVerdict(
            value=values[top],
            confidence=round(prob[top], 6),
            support=len(agreeing_sources.get(top, ())),
            candidates=tuple(Candidate(values[v], round(prob[v], 6), exact_l[v]) for v in ranked),
        )
        start = end
    return items


def estimate_trust(
    observations: Iterable[Observation],
    *,
    relative_tolerance: float = 0.01,
    absolute_tolerance: float = 1.0,
    implication: float = 0.5,
    iterations: int = 30,
    copy_detection: bool = True,
    domain_size: float = 10.0,
    prior_strength: float = 2.0,
    copy_rate: float = 0.8,
    copy_prior: float = 0.1,
    max_pair_claims: int = 100,
    max_neighbours: int = 64,
) -> TrustResult:
    """Estimate each source's reliability and the confidence of each value of each item.

    >>> obs = [Observation(s, f"q{i}", v) for i in range(3) for s, v in (("a", 5), ("b", 5), ("c", 9))]
    >>> result = estimate_trust(obs)
    >>> result.items["q0"].value, result.sources["a"] > result.sources["c"]
    (5.0, True)
    """
    index = _build_index(observations)
    support = _support(index, relative_tolerance, absolute_tolerance, implication, max_neighbours)
    pairs = _pairs(index, max_pair_claims) if copy_detection else None
    params = _Params(domain_size, prior_strength, copy_rate, copy_prior, copy_detection)
    state = _iterate(index, support, pairs, params, iterations)
    LOGGER.debug("trust: %d claims, %d iterations", len(index.claim_source), state.iterations)
    claims = np.bincount(index.claim_source, minlength=len(index.source_names)).tolist()
    return TrustResult(
        items=_verdicts(index, support, state),
        sources={
            name: round(float(a), 6) for name, a in zip(index.source_names, state.accuracy, strict=True)
        },
        iterations=state.iterations,
        claims=dict(zip(index.source_names, claims, strict=True)),
    )
