"""Figures for one quantity that cannot all hold: disagreements, revisions, scope, denials.

Each figure is read as an interval from the words around it ("at least
10,000" is [10000, inf), "about 3,000" is 3000 +/- 10 %, a bare figure is
+/- 5 %); two figures agree when their intervals meet.

>>> from analyzer.models import Claim
>>> a = Claim("a", "d1", 3000.0, "", 0, 0, qualifier="about", approximate=True)
>>> b = Claim("b", "d2", 3100.0, "", 0, 0)
>>> compatible(a, b), compatible(a, Claim("c", "d3", 12000.0, "", 0, 0))
(True, False)
"""

from __future__ import annotations

import hashlib
import heapq
import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from datetime import date

from analyzer.corroborate.scope_words import increment_word, prior_figure, stated_part, tells_change
from analyzer.models import Claim, Conflict, ConflictMember, Statement

INF = math.inf
_LOWER_BOUND = frozenset({"at least", "more than"})
_UPPER_BOUND = frozenset({"up to", "fewer than"})
UP_TO_SHARE = 0.5  # the least share of an "up to" figure that still agrees with it
_ASSERTING = frozenset({"asserts", "confirms"})

# Words that mark a figure as counting a part of a larger whole. The first set also holds when it is
# only in the sentence; the second ("including", "of them") only inside the item, since in a sentence it
# as often introduces the part that follows the whole ("40 died, including 12 children").
_PARTS = (
    r"(?:first|initial|second|third|latest|advance)\s+(?:tranche|batch|wave|group|contingent|phase|round|"
    r"deployment|shipment|instalment|installment)|special\s+forces|so\s+far|to\s+date"
)
# an item that opens with these counts an increment ("more bodies recovered"), not a comparison ("more
# people than in 2019"); so do an outbreak's or a toll's new cases of a day ("941 new cases")
_INCREMENT = (
    r"(?:more|additional|further|extra)\b(?!.*\bthan\b)"
    r"|new\s+(?:cases?|infections?|deaths?|fatalities|hospitali[sz]ations?|admissions?|patients)\b"
)
_SENTENCE_PARTS = re.compile(rf"\b(?:{_PARTS})\b", re.IGNORECASE)
_ITEM_PARTS = re.compile(
    rf"\b(?:{_PARTS}|elite|(?:in|at)\s+(?:one|a\s+single)\s+(?:city|town|region|province|state|district|"
    r"village|hospital|camp|site)|in\s+the\s+capital|of\s+them|among\s+them|of\s+whom|including|alone|"
    r"part\s+of|elsewhere|in\s+other\s+(?:cities|towns|regions|provinces|states|districts|countries|"
    r"parts\s+of\s+the\s+country))\b"
    rf"|^(?:{_INCREMENT})",  # "four more bodies": an increment, a part of the new total
    re.IGNORECASE,
)
_INCREMENT_RE = re.compile(_INCREMENT, re.IGNORECASE)


def interval(
    claim: Claim, *, relative_tolerance: float = 0.05, approximate_tolerance: float = 0.10
) -> tuple[float, float]:
    """The values a figure's words allow, as a closed interval.

    >>> interval(Claim("a", "d", 10000.0, "", 0, 0, value_low=10000.0, qualifier="at least"))
    (10000.0, inf)
    >>> interval(Claim("a", "d", 500.0, "", 0, 0, qualifier="up to", value_high=500.0))
    (250.0, 500.0)
    >>> interval(Claim("a", "d", 500.0, "", 0, 0, qualifier="fewer than", value_high=500.0))
    (0.0, 500.0)
    >>> interval(Claim("a", "d", 200.0, "", 0, 0))
    (190.0, 210.0)
    """
    value = claim.value
    qualifier = claim.qualifier
    low, high = claim.value_low, claim.value_high
    if qualifier in _LOWER_BOUND:
        return (low if low is not None else value), INF
    if qualifier in _UPPER_BOUND:
        top = high if high is not None else value
        # "up to 200,000", "as many as 200,000": an estimate of the most there were, said of a figure near
        # it; half of it or less is another estimate (organisers' "up to 200,000" and the police's 30,000
        # disagree).
        # "fewer than 900" is a bound and no more.
        return (top * UP_TO_SHARE if qualifier == "up to" else 0.0), top
    if low is not None and high is not None and low != high:
        return min(low, high), max(low, high)
    if low is not None and high is None:
        return low, INF
    if high is not None and low is None:
        return 0.0, high
    spread = abs(value) * (approximate_tolerance if claim.approximate or qualifier else relative_tolerance)
    if qualifier == "nearly":
        return value - spread, value
    return value - spread, value + spread


def compatible(
    a: Claim, b: Claim, *, relative_tolerance: float = 0.05, approximate_tolerance: float = 0.10
) -> bool:
    """True when the two figures can both hold (their intervals meet, same unit and period).

    >>> at_least = Claim("a", "d", 10000.0, "", 0, 0, value_low=10000.0, qualifier="at least")
    >>> compatible(at_least, Claim("b", "d", 11000.0, "", 0, 0))
    True
    """
    if a.unit != b.unit or a.per != b.per:
        return False
    tol = {"relative_tolerance": relative_tolerance, "approximate_tolerance": approximate_tolerance}
    a_low, a_high = interval(a, **tol)
    b_low, b_high = interval(b, **tol)
    return a_low <= b_high and b_low <= a_high


def format_number(value: float) -> str:
    """A figure as a journalist writes it.

    >>> format_number(12000.0), format_number(42.35), format_number(1.5e6)
    ('12,000', '42.35', '1,500,000')
    """
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def format_figure(claim: Claim) -> str:
    """The figure with its qualifier, range and unit: ``about 3,000``, ``18,000-20,000``, ``42.5%``.

    >>> format_figure(Claim("a", "d", 1200.0, "", 0, 0, qualifier="more than", per="day"))
    'more than 1,200 a day'
    """
    low, high = claim.value_low, claim.value_high
    if low is not None and high is not None and low != high:
        text = f"{format_number(low)}-{format_number(high)}"
    else:
        text = format_number(claim.value)
    if claim.qualifier:
        text = f"{claim.qualifier} {text}"
    elif claim.approximate:
        text = f"about {text}"
    if claim.unit == "%":
        text += "%"
    elif claim.unit:
        text += f" {claim.unit}"
    if claim.per:
        text += f" a {claim.per}"
    return text


def when(claim: Claim) -> date | None:
    """The date a figure belongs to: when it was said, else when it was published."""
    return claim.asserted_on or claim.published


def said_order(claim: Claim) -> tuple[str, bool, int, str]:
    """Where a claim stands among the figures of its day: by page and place, but the figure a change
    starts from first ("rose to 52 from 40": 40, then 52)."""
    return (claim.doc_id, not prior_figure(claim.sentence, claim.value), claim.start, claim.claim_id)


def _date_key(claim: Claim) -> tuple[int, date, str, str, bool, int, str]:
    """Date order; on one day, each speaker's figures in the order said: by page and place, but the
    figure a change starts from first ("rose to 52 from 40": 40, then 52)."""
    day = when(claim)
    return (0 if day else 1, day or date.min, claim.speaker or "", *said_order(claim))


def _said(claim: Claim) -> str:
    if claim.asserted_on:
        return f"on {claim.asserted_on.isoformat()}"
    if claim.published:
        return f"(reported {claim.published.isoformat()})"
    return "(undated)"


def _who(claim: Claim) -> str:
    return claim.speaker or "an unattributed source"


def _conflict_id(kind: str, key: str, ids: Iterable[str]) -> str:
    digest = hashlib.blake2b("\x1f".join((kind, key, *sorted(ids))).encode(), digest_size=5).hexdigest()
    return f"c-{digest}"


def _member(claim: Claim) -> ConflictMember:
    return ConflictMember(claim.claim_id, claim.doc_id, claim.speaker, claim.value, claim.asserted_on)


def _make(kind: str, key: str, claims: Iterable[Claim], explanation: str) -> Conflict:
    ordered = sorted(set(claims), key=_date_key)
    members = tuple(_member(c) for c in ordered)
    return Conflict(_conflict_id(kind, key, (m.claim_id for m in members)), key, kind, members, explanation)


def _distinct_figures(claims: Iterable[Claim]) -> list[Claim]:
    """One claim per (speaker, figure): the earliest one that states it."""
    best: dict[tuple[str | None, float, float | None, float | None, str | None], Claim] = {}
    for claim in claims:
        figure = (claim.speaker, claim.value, claim.value_low, claim.value_high, claim.qualifier)
        if figure not in best or _date_key(claim) < _date_key(best[figure]):
            best[figure] = claim
    return sorted(best.values(), key=_date_key)


def _listing(claims: Sequence[Claim], limit: int = 6) -> str:
    parts = [f"{_who(c)} {format_figure(c)} {_said(c)}" for c in claims[:limit]]
    if len(claims) > limit:
        parts.append(f"and {len(claims) - limit} more")
    return "; ".join(parts)


class _Checker:
    """compatible() with the tolerances fixed, and the incompatibility test between speakers."""

    def __init__(self, relative_tolerance: float, approximate_tolerance: float) -> None:
        self.tol = {"relative_tolerance": relative_tolerance, "approximate_tolerance": approximate_tolerance}

    def ok(self, a: Claim, b: Claim) -> bool:
        return compatible(a, b, **self.tol)


def _same_speaker(a: Claim, b: Claim) -> bool:
    return a.speaker is not None and a.speaker == b.speaker


def _disagreement(key: str, figures: list[Claim], check: _Checker) -> Conflict | None:
    members = _disagreeing(figures, check)
    if not members:
        return None
    explanation = f"Figures for {key} disagree: {_listing(members)}."
    return _make("disagreement", key, members, explanation)


def _disagreeing(figures: list[Claim], check: _Checker) -> list[Claim]:
    """The figures some other speaker's figure cannot hold with, in their order.

    The same as testing every pair, without testing every pair: a figure disagrees with another
    speaker's figure of another unit or period, or with one whose interval ends below its own or
    starts above it, and for that it is enough to know, per unit and period, the two lowest upper
    ends and the two highest lower ends held by different speakers. The figures a page gives in its
    own voice (no speaker) are that page's: they disagree with other speakers and other pages, not
    with one another ("300 fires are burning ... 19 of them out of control").
    """
    spans = [interval(c, **check.tol) for c in figures]
    keys: list[object] = [c.speaker if c.speaker is not None else ("page", c.doc_id) for c in figures]
    dims = [(c.unit, c.per) for c in figures]
    per_dim: Counter[tuple[str | None, str | None]] = Counter(dims)
    per_key: Counter[object] = Counter(keys)
    per_key_dim: Counter[tuple[object, tuple[str | None, str | None]]] = Counter(zip(keys, dims, strict=True))
    lowest_high: dict[tuple[str | None, str | None], dict[object, float]] = defaultdict(dict)
    highest_low: dict[tuple[str | None, str | None], dict[object, float]] = defaultdict(dict)
    for (low, high), k, dim in zip(spans, keys, dims, strict=True):
        lows, highs = highest_low[dim], lowest_high[dim]
        lows[k] = max(low, lows.get(k, -INF))
        highs[k] = min(high, highs.get(k, INF))
    best_high = {dim: _two(highs, lambda v: v) for dim, highs in lowest_high.items()}
    best_low = {dim: _two(lows, lambda v: -v) for dim, lows in highest_low.items()}
    total = len(figures)
    members = []
    for c, (low, high), k, dim in zip(figures, spans, keys, dims, strict=True):
        elsewhere = (total - per_dim[dim]) - (per_key[k] - per_key_dim[(k, dim)])
        if elsewhere > 0 or _other(best_high[dim], k, INF) < low or _other(best_low[dim], k, -INF) > high:
            members.append(c)
    return members


def _two(values: dict[object, float], order: Callable[[float], float]) -> list[tuple[object, float]]:
    """The two best (speaker, value) pairs of distinct speakers."""
    return heapq.nsmallest(2, values.items(), key=lambda kv: order(kv[1]))


def _other(best: list[tuple[object, float]], key: object, default: float) -> float:
    """The best value held by a speaker other than ``key``."""
    for k, value in best:
        if k != key:
            return value
    return default


# a whole given as a figure, in digits or words: "12 of the 33 trapped miners", "of the thirty-three"
_OF_FIGURE_RE = re.compile(
    r"\bof\s+(?:the|its|their|our|these|those)\s+(?:\d|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
    r"|hundred|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|ten|three|four"
    r"|five|six|seven|eight|nine)\b)",
    re.IGNORECASE,
)


def _said_at_once(a: Claim, b: Claim) -> bool:
    """Two figures one page gives of one speaker on one day, said at once rather than one after the other:
    in one sentence that tells of no change (:func:`tells_change`): "116 seats for one party, 63 for
    another"; or the later in a sentence of its own that tells of none, for another item than the
    earlier's: "26 foreigners died. Five were from Iran." (a breakdown). The same item said again is a
    revision: "40 people were killed ... 52 people were killed"."""
    if not (a.sentence and b.sentence and a.doc_id == b.doc_id and a.asserted_on == b.asserted_on):
        return False
    if a.sentence == b.sentence:
        return not tells_change(a.sentence)
    return not tells_change(b.sentence) and " ".join((a.item or "").lower().split()) != " ".join(
        (b.item or "").lower().split()
    )


def _revisions(key: str, figures: list[Claim], check: _Checker) -> list[Conflict]:
    """Each speaker's figures that replace one another, in date order.

    A figure its sentence gives as a part of another of the quantity ("297 arrests, 212 of them in the
    capital") revises nothing: the speaker said both at once. A part whose whole counts something else
    ("12 of the 33 trapped miners were rescued", among figures of miners rescued) is a figure like any.
    Nor does a figure revise the one before it when one sentence that tells of no change gives both
    (:func:`_said_at_once`): "116 seats for one party, 63 for another" is a list, not a count lowered
    from 116 to 63; the list's first figure stays, to be revised by a later sentence.
    """
    in_sentence = Counter((c.doc_id, c.sentence) for c in figures)
    candidates: list[Claim] = []
    for claim in figures:
        if (
            claim.speaker is None
            or (claim.item and _INCREMENT_RE.match(claim.item))
            or increment_word(claim.sentence, claim.value)
        ):
            continue  # "four more bodies were recovered", "another 40,000": an increment revises no total
        if stated_part(claim.sentence, claim.value, claim.value_low, claim.value_high) is None or (
            in_sentence[(claim.doc_id, claim.sentence)] == 1 and _OF_FIGURE_RE.search(claim.sentence)
        ):
            candidates.append(claim)
    by_speaker: dict[str, list[Claim]] = defaultdict(list)
    for claim in candidates:
        by_speaker[claim.speaker or ""].append(claim)
    conflicts = []
    for speaker in sorted(by_speaker):
        steps: list[Claim] = []
        for claim in by_speaker[speaker]:  # already in date order
            if steps and _said_at_once(steps[-1], claim):
                continue  # a list: "116 seats for one party, 63 for another" lowers nothing from 116 to 63
            if not steps or not check.ok(steps[-1], claim):
                steps.append(claim)
        if len(steps) < 2:
            continue
        said = ", then ".join(f"{format_figure(c)} {_said(c)}" for c in steps)
        change = steps[-1].value - steps[0].value
        direction = "upward" if change > 0 else "downward"
        explanation = f"{speaker} said {said}: a revision {direction} by {format_number(abs(change))}."
        conflicts.append(_make("revision", key, steps, explanation))
    return conflicts


def part_marker(claim: Claim) -> str | None:
    """The words that mark a claim's figure as a part of a whole ("first tranche", "so far"), if any.

    Besides its item's words, a figure its sentence gives as a part of another ("297 arrests, 212 of
    them in the capital"; "including 42,000 in the capital") is a part.

    >>> part_marker(Claim("a", "d", 3000.0, "", 0, 0, item="troops in the first tranche"))
    'first tranche'
    >>> part_marker(Claim("a", "d", 212.0, "It counted 297 arrests, 212 of them in the capital.", 0, 0))
    'of them'
    """
    text = claim.item or ""
    match = _ITEM_PARTS.search(text)
    if match is None and len(text.split()) <= 2:
        match = _SENTENCE_PARTS.search(claim.sentence)
    if match is not None:
        return match.group(0).lower()
    return stated_part(claim.sentence, claim.value, claim.value_low, claim.value_high) or increment_word(
        claim.sentence, claim.value
    )


class _ByValue:
    """Figures sorted by value, per unit and period, to ask in log time whether any figure above (or
    below) a given one's value cannot hold with it: the same answer as testing each of them."""

    def __init__(self, claims: Sequence[Claim], check: _Checker) -> None:
        self.check = check
        grouped: dict[tuple[str | None, str | None], list[tuple[float, float, float]]] = defaultdict(list)
        for c in claims:
            grouped[(c.unit, c.per)].append((c.value, *interval(c, **check.tol)))
        self.dims: dict[tuple[str | None, str | None], _Sorted] = {}
        for dim, rows in grouped.items():
            rows.sort()
            self.dims[dim] = _Sorted(rows)

    def clash(self, claim: Claim, *, above: bool) -> bool:
        low, high = interval(claim, **self.check.tol)
        dim = (claim.unit, claim.per)
        for other, rows in self.dims.items():
            i = bisect_right(rows.values, claim.value) if above else bisect_left(rows.values, claim.value)
            if (above and i == len(rows.values)) or (not above and i == 0):
                continue  # nothing above (below) in this unit and period
            if other != dim:
                return True
            lowest_high, highest_low = rows.after(i) if above else rows.before(i)
            if lowest_high < low or highest_low > high:
                return True
        return False


class _Sorted:
    """(value, low, high) rows sorted by value, with running extremes of the bounds from each end."""

    def __init__(self, rows: list[tuple[float, float, float]]) -> None:
        self.values = [v for v, _, _ in rows]
        n = len(rows)
        self.suffix = [(INF, -INF)] * (n + 1)  # (lowest high, highest low) of rows[i:]
        for i in range(n - 1, -1, -1):
            _, low, high = rows[i]
            lh, hl = self.suffix[i + 1]
            self.suffix[i] = (min(lh, high), max(hl, low))
        self.prefix = [(INF, -INF)] * (n + 1)  # the same of rows[:i]
        for i, (_, low, high) in enumerate(rows):
            lh, hl = self.prefix[i]
            self.prefix[i + 1] = (min(lh, high), max(hl, low))

    def after(self, i: int) -> tuple[float, float]:
        return self.suffix[i]

    def before(self, i: int) -> tuple[float, float]:
        return self.prefix[i]


def _scope(key: str, figures: list[Claim], check: _Checker) -> Conflict | None:
    parts = {c.claim_id: m for c in figures if (m := part_marker(c))}
    wholes = [c for c in figures if c.claim_id not in parts]
    above = _ByValue(wholes, check)
    small = [c for c in figures if c.claim_id in parts and above.clash(c, above=True)]
    if not small:
        return None
    below = _ByValue(small, check)
    large = [w for w in wholes if below.clash(w, above=False)]
    described = ", ".join(f'{_who(c)}\'s {format_figure(c)} ("{parts[c.claim_id]}")' for c in small)
    low, high = min(w.value for w in large), max(w.value for w in large)
    whole = format_number(low) if low == high else f"{format_number(low)}-{format_number(high)}"
    explanation = (
        f"{described} count a part of what others put at {whole}: a difference of scope, not of fact."
    )
    if len(small) == 1:
        explanation = explanation.replace(" count a part", " counts a part", 1)
    return _make("scope", key, [*small, *large], explanation)


def _denials(
    key: str, claims: list[Claim], statements: list[Statement], figures: list[Claim], check: _Checker
) -> list[Conflict]:
    conflicts = []
    for denial in sorted((c for c in claims if c.stance == "denies"), key=_date_key):
        asserted = [c for c in figures if not _same_speaker(c, denial) and check.ok(c, denial)]
        if asserted:
            explanation = (
                f"{_who(denial)} denied {format_figure(denial)} {_said(denial)}, which "
                f"{_listing(asserted, limit=3)} asserted."
            )
            conflicts.append(_make("denial", key, [denial, *asserted], explanation))
    for statement in sorted(statements, key=lambda s: (s.asserted_on or date.max, s.statement_id)):
        if statement.stance != "denies":
            continue
        asserted = [c for c in figures if c.speaker != statement.speaker]
        if not asserted:
            continue
        said = f"on {statement.asserted_on.isoformat()}" if statement.asserted_on else "(undated)"
        explanation = (
            f"{statement.speaker} denied {key} {said}, which {_listing(asserted, limit=3)} asserted."
        )
        # A denial with no figure denies the quantity itself: it enters as a figure of 0.
        member = ConflictMember(
            statement.statement_id, statement.doc_id, statement.speaker, 0.0, statement.asserted_on
        )
        dated = [(_date_key(c), _member(c)) for c in set(asserted)]
        day = statement.asserted_on or statement.published
        order = (0 if day else 1, day or date.min, statement.speaker, statement.doc_id, True, statement.start)
        dated.append(((*order, statement.statement_id), member))
        members = tuple(m for _, m in sorted(dated, key=lambda km: km[0]))
        ids = [m.claim_id for m in members]
        conflicts.append(Conflict(_conflict_id("denial", key, ids), key, "denial", members, explanation))
    return conflicts


def find_conflicts(
    claims: Sequence[Claim],
    statements: Sequence[Statement] = (),
    *,
    relative_tolerance: float = 0.05,
    approximate_tolerance: float = 0.10,
) -> tuple[Conflict, ...]:
    """Per quantity: one disagreement, the revisions of each speaker, one scope conflict, the denials.

    Claims must carry their ``quantity_key`` (claims with an empty key are
    skipped). Hedged and denied figures are not asserted, so only denials use them.

    >>> a = Claim("a", "d1", 100.0, "", 0, 0, speaker="Police", quantity_key="k")
    >>> b = Claim("b", "d2", 400.0, "", 0, 0, speaker="Organisers", quantity_key="k")
    >>> [c.kind for c in find_conflicts([a, b])]
    ['disagreement']
    """
    check = _Checker(relative_tolerance, approximate_tolerance)
    by_key: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.quantity_key:
            by_key[claim.quantity_key].append(claim)
    statements_by_key: dict[str, list[Statement]] = defaultdict(list)
    for statement in statements:
        if statement.quantity_key:
            statements_by_key[statement.quantity_key].append(statement)
    found: list[Conflict] = []
    for key in sorted(by_key.keys() | statements_by_key.keys()):
        group = by_key.get(key, [])
        figures = _distinct_figures(c for c in group if c.stance in _ASSERTING)
        for conflict in (_disagreement(key, figures, check), _scope(key, figures, check)):
            if conflict is not None:
                found.append(conflict)
        found.extend(_revisions(key, figures, check))
        found.extend(_denials(key, group, statements_by_key.get(key, []), figures, check))
    order = {kind: i for i, kind in enumerate(("disagreement", "revision", "scope", "denial"))}
    return tuple(sorted(found, key=lambda c: (c.quantity_key, order[c.kind], c.conflict_id)))
