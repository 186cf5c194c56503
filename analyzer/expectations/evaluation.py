"""Evaluating expectations against an analysis: each outcome names what was found, or what came closest.

>>> from analyzer.models import Analysis, Claim
>>> analysis = Analysis(documents=(), claims=(Claim("c1", "d1", 3000.0, "", 0, 0, speaker="Tomas Vell"),))
>>> evaluate(ClaimExpectation("Vell", 5000, doc="d1"), analysis).message
'expected a claim of Vell 5,000 in d1; found Tomas Vell 3,000 in d1'
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from rapidfuzz import fuzz, process

from analyzer.corroborate.conflicts import format_figure, format_number
from analyzer.corroborate.quantities import match_quantity
from analyzer.expectations.matching import folded, same_actor, value_matches
from analyzer.expectations.records import (
    TOP_QUANTITIES,
    AbsentExpectation,
    Aliases,
    CheckReport,
    ClaimExpectation,
    ConflictExpectation,
    DelayExpectation,
    Expectation,
    Expectations,
    ExpectedFigure,
    Outcome,
)
from analyzer.models import Analysis, Claim, Conflict, ConflictMember, Quantity


class _Context:
    """An analysis indexed for evaluation, with the alias groups speakers match under."""

    def __init__(self, analysis: Analysis, aliases: Aliases) -> None:
        self.analysis = analysis
        self.aliases = tuple(tuple(g) for g in aliases)
        self.by_id = {c.claim_id: c for c in analysis.claims}
        self.quantities = analysis.quantities or _implied_quantities(analysis)

    def same(self, query: str, speaker: str | None) -> bool:
        return speaker is not None and same_actor(query, speaker, self.aliases)

    def match(self, words: str) -> list[Quantity]:
        wanted = words.strip().casefold()
        exact = [q for q in self.quantities if wanted in (q.key.casefold(), q.label.casefold())]
        return exact or match_quantity(words, self.quantities)[:TOP_QUANTITIES]

    def nearest_labels(self, words: str) -> str:
        labels = sorted({q.label for q in self.quantities})
        found = process.extract(words, labels, scorer=fuzz.token_set_ratio, limit=3)
        return ", ".join(repr(label) for label, _, _ in found) or "none"

    def claim_of(self, member: ConflictMember) -> Claim:
        return self.by_id.get(member.claim_id) or Claim(
            member.claim_id, member.doc_id, member.value, "", 0, 0, speaker=member.speaker,
            asserted_on=member.asserted_on,
        )  # fmt: skip

    def holds(self, claim: Claim, speaker: str, value: float) -> bool:
        return value_matches(value, claim.value, claim.value_low, claim.value_high) and self.same(
            speaker, claim.speaker
        )


def _implied_quantities(analysis: Analysis) -> tuple[Quantity, ...]:
    keys = {c.quantity_key for c in analysis.claims} | {c.quantity_key for c in analysis.conflicts}
    keys |= {t.quantity_key for t in analysis.timelines}
    return tuple(Quantity(k, k.replace("-", " "), None, ()) for k in sorted(keys) if k)


def _found(claim: Claim, *, stance: bool = False) -> str:
    who = claim.speaker or "an unattributed figure of"
    said = f" ({claim.stance})" if stance or claim.stance != "asserts" else ""
    return f"{who} {format_figure(claim)} in {claim.doc_id}{said}"


def _closest(
    ctx: _Context, speaker: str, value: float, pools: Sequence[Iterable[Claim]], doc: str | None = None
) -> Claim | None:
    """The claim nearest to (speaker, value, doc): the same speaker and value anywhere, then the same
    speaker (earlier pools first, nearest value), then the same value from someone else."""
    ranked = []
    for rank, pool in enumerate(pools):
        for c in pool:
            same = ctx.same(speaker, c.speaker)
            near = value_matches(value, c.value, c.value_low, c.value_high)
            if same or near:
                gap = abs(c.value - value) / max(abs(value), 1.0)
                key = (not same, not near, rank, doc is not None and c.doc_id != doc, gap, c.doc_id, c.start)
                ranked.append((key, c))
    return min(ranked, key=lambda kc: kc[0])[1] if ranked else None


def _closest_text(
    ctx: _Context,
    speaker: str,
    value: float,
    pools: Sequence[Iterable[Claim]],
    *,
    keys: set[str] | None = None,
    stance: bool = False,
    doc: str | None = None,
) -> str:
    """The closest claim in words; with ``keys``, the quantity it was filed under when it is another."""
    best = _closest(ctx, speaker, value, pools, doc)
    if best is None:
        return f"no figure from {speaker} and no {format_number(value)} from anyone"
    elsewhere = keys is not None and best.quantity_key not in keys
    return _found(best, stance=stance) + (
        f" (under {best.quantity_key or 'no quantity'})" if elsewhere else ""
    )


def _members(
    ctx: _Context, conflict: Conflict, figures: Sequence[ExpectedFigure]
) -> list[ConflictMember | None]:
    """For each figure, a member of the conflict that holds it, or None."""
    return [
        next((m for m in conflict.members if ctx.holds(ctx.claim_of(m), f.speaker, f.value)), None)
        for f in figures
    ]


def _conflict(exp: ConflictExpectation, ctx: _Context) -> Outcome:
    where = f"in a {exp.kind or ''}{' ' if exp.kind else ''}conflict on {exp.quantity}"
    quantities = ctx.match(exp.quantity)
    if not quantities:
        nearest = ctx.nearest_labels(exp.quantity)
        return Outcome(
            exp, False, f"expected {_listing(exp.figures)} {where}; no quantity matches (nearest: {nearest})"
        )
    keys = {q.key for q in quantities}
    scored = [(c, _members(ctx, c, exp.figures)) for c in ctx.analysis.conflicts if c.quantity_key in keys]
    full = [(c, ms) for c, ms in scored if all(ms)]
    for c, ms in full:
        if exp.kind in (None, c.kind):
            held = ", ".join(f"{m.speaker} {format_number(m.value)} ({m.doc_id})" for m in ms if m)
            return Outcome(exp, True, f"{c.kind} on {c.quantity_key}: {held}")
    if full:
        kinds = " and a ".join(sorted({c.kind for c, _ in full}))
        on = " or ".join(sorted({c.quantity_key for c, _ in full}))
        return Outcome(
            exp, False, f"expected {_listing(exp.figures)} {where}; found them only in a {kinds} on {on}"
        )
    elsewhere = [
        c for c in ctx.analysis.conflicts
        if c.quantity_key not in keys and exp.kind in (None, c.kind) and all(_members(ctx, c, exp.figures))
    ]  # fmt: skip
    if elsewhere:
        other = f"a {elsewhere[0].kind} on {elsewhere[0].quantity_key}, which the words do not match"
        matched = ", ".join(sorted(keys))
        return Outcome(
            exp,
            False,
            f"expected {_listing(exp.figures)} {where}; found them in {other} (they match {matched})",
        )
    best = max(scored, key=lambda cm: sum(m is not None for m in cm[1]), default=None)
    missing = (
        [f for f, m in zip(exp.figures, best[1], strict=True) if m is None] if best else list(exp.figures)
    )
    pools: list[Iterable[Claim]] = [[ctx.claim_of(m) for m in best[0].members]] if best else []
    pools += [[c for c in ctx.analysis.claims if c.quantity_key in keys], ctx.analysis.claims]
    found = [_closest_text(ctx, f.speaker, f.value, pools, keys=keys) for f in missing]
    details = (
        [f"found {found[0]}"]
        if len(found) == 1
        else [f"for {f.describe()}, found {t}" for f, t in zip(missing, found, strict=True)]
    )
    context = (
        f"closest conflict: {best[0].kind} on {best[0].quantity_key}"
        if best
        else f"no conflict on {' or '.join(sorted(keys))}"
    )
    return Outcome(exp, False, f"expected {_listing(missing)} {where}; {'; '.join(details)} ({context})")


def _listing(figures: Sequence[ExpectedFigure]) -> str:
    words = [f.describe() for f in figures]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _claim(exp: ClaimExpectation, ctx: _Context) -> Outcome:
    hits = [
        c for c in ctx.analysis.claims
        if ctx.holds(c, exp.speaker, exp.value) and exp.doc in (None, c.doc_id) and exp.stance in (None, c.stance)
    ]  # fmt: skip
    if hits:
        hits.sort(key=lambda c: (folded(c.speaker) != folded(exp.speaker), c.doc_id, c.start))
        more = f" and {len(hits) - 1} more" if len(hits) > 1 else ""
        return Outcome(exp, True, f"found {_found(hits[0], stance=exp.stance is not None)}{more}")
    claims, said = ctx.analysis.claims, exp.stance is not None
    found = _closest_text(ctx, exp.speaker, exp.value, [claims], stance=said, doc=exp.doc)
    best = _closest(ctx, exp.speaker, exp.value, [claims], exp.doc)
    if exp.doc and best is not None and best.doc_id != exp.doc:
        here = _closest(ctx, exp.speaker, exp.value, [[c for c in claims if c.doc_id == exp.doc]])
        found += f"; and {_found(here, stance=said)}" if here else f" (nothing close in {exp.doc})"
    return Outcome(exp, False, f"expected a {exp.describe()}; found {found}")


def _absent(exp: AbsentExpectation, ctx: _Context) -> Outcome:
    hits = [
        c for c in ctx.analysis.claims if ctx.holds(c, exp.speaker, exp.value) and exp.doc in (None, c.doc_id)
    ]
    if not hits:
        return Outcome(exp, True, "not reported")
    sentence = " ".join(hits[0].sentence.split())
    quote = f": “{sentence[:100]}{'…' if len(sentence) > 100 else ''}”" if sentence else ""
    more = f" (and {len(hits) - 1} more)" if len(hits) > 1 else ""
    return Outcome(exp, False, f"expected {exp.describe()}; found {_found(hits[0])}{quote}{more}")


def _first_dates(ctx: _Context, name: str, keys: set[str] | None) -> dict[str, tuple[date, str]]:
    """Per quantity key, the first date ``name`` asserted or confirmed it, with the name as reported."""
    said: list[tuple[str, str | None, date | None, str]] = [
        (c.quantity_key, c.speaker, c.asserted_on, c.stance) for c in ctx.analysis.claims
    ]
    said += [(s.quantity_key, s.speaker, s.asserted_on, s.stance) for s in ctx.analysis.statements]
    said += [
        (t.quantity_key, e.speaker, e.first_on, e.stance) for t in ctx.analysis.timelines for e in t.events
    ]
    first: dict[str, tuple[date, str]] = {}
    for key, speaker, on, stance in said:
        if on is None or stance not in ("asserts", "confirms") or (keys is not None and key not in keys):
            continue
        if speaker and ctx.same(name, speaker) and (key not in first or on < first[key][0]):
            first[key] = (on, speaker)
    return first


def _delay(exp: DelayExpectation, ctx: _Context) -> Outcome:
    keys: set[str] | None = None
    when = f" {exp.days} ± {exp.tolerance} days" if exp.days is not None else ""
    on = f" on {exp.quantity}" if exp.quantity else ""
    expected = f"expected {exp.then} to confirm{when} after {exp.first}{on}"
    if exp.quantity:
        keys = {q.key for q in ctx.match(exp.quantity)}
        if not keys:
            return Outcome(
                exp, False, f"{expected}; no quantity matches (nearest: {ctx.nearest_labels(exp.quantity)})"
            )

    def fits(days: int) -> bool:
        return days >= 0 if exp.days is None else abs(days - exp.days) <= exp.tolerance

    for d in (d for t in ctx.analysis.timelines for d in t.confirmation_delays):
        if (
            (keys is None or d.quantity_key in keys)
            and fits(d.days_after_first)
            and ctx.same(exp.then, d.speaker)
            and ctx.same(exp.first, d.first_speaker)
        ):
            found = f"{d.speaker} {d.first_on}, {d.days_after_first} days after {d.first_speaker} ({d.quantity_key})"
            return Outcome(exp, True, found)
    firsts, thens = _first_dates(ctx, exp.first, keys), _first_dates(ctx, exp.then, keys)
    pairs = [
        (k, firsts[k], thens[k], (thens[k][0] - firsts[k][0]).days)
        for k in sorted(firsts.keys() & thens.keys())
    ]
    if not pairs:
        return Outcome(exp, False, f"{expected}; {_undated(ctx, exp, firsts, thens, keys)}")
    target = exp.days if exp.days is not None else 0
    key, (d1, n1), (d2, n2), days = min(pairs, key=lambda p: (not fits(p[3]), abs(p[3] - target), p[0]))
    found = f"{n2} {d2}, {days} days after {n1} {d1} ({key})"
    return Outcome(exp, True, found) if fits(days) else Outcome(exp, False, f"{expected}; found {found}")


def _undated(
    ctx: _Context,
    exp: DelayExpectation,
    firsts: dict[str, tuple[date, str]],
    thens: dict[str, tuple[date, str]],
    keys: set[str] | None,
) -> str:
    """Why no delay could be measured: whose dated assertion is missing, and where one is instead."""
    if firsts and thens:
        return f"found no quantity with dated assertions by both {exp.first} and {exp.then}"
    name = exp.then if firsts else exp.first
    elsewhere = _first_dates(ctx, name, None) if keys is not None else {}
    if elsewhere:
        key, (on, _) = min(elsewhere.items(), key=lambda kv: (kv[1][0], kv[0]))
        return f"found no dated assertion by {name} on it (one on {key}, {on})"
    return f"found no dated assertion by {name}"


def evaluate(expectation: Expectation, analysis: Analysis, aliases: Aliases = ()) -> Outcome:
    """Whether one expectation holds in ``analysis``; the message names what was found.

    ``aliases`` are groups of names for one actor (as in :class:`analyzer.settings.Settings`).
    """
    return _evaluate(expectation, _Context(analysis, aliases))


def _evaluate(expectation: Expectation, ctx: _Context) -> Outcome:
    if isinstance(expectation, ConflictExpectation):
        return _conflict(expectation, ctx)
    if isinstance(expectation, DelayExpectation):
        return _delay(expectation, ctx)
    if isinstance(expectation, ClaimExpectation):
        return _claim(expectation, ctx)
    return _absent(expectation, ctx)


def run_check(
    analysis: Analysis, expectations: Expectations | Iterable[Expectation], aliases: Aliases = ()
) -> CheckReport:
    """Evaluate every expectation; the report's ``passed`` is True when all hold."""
    ctx = _Context(analysis, aliases)
    source = expectations.source if isinstance(expectations, Expectations) else ""
    return CheckReport(tuple(_evaluate(e, ctx) for e in expectations), source)


def check_text(report: CheckReport) -> str:
    """The report as plain text: one line per expectation, its message below, a summary last.

    >>> from analyzer.models import Analysis
    >>> print(check_text(run_check(Analysis((), ()), [AbsentExpectation("Tomas Vell", 12, line=4)], ())))
    PASS  line 4  no claim of Tomas Vell 12
          not reported
    1 expectations: 1 passed, 0 failed
    """
    out = []
    for o in report:
        where = f"line {o.expectation.line}  " if o.expectation.line else ""
        out.append(f"{'PASS' if o.passed else 'FAIL'}  {where}{o.expectation.describe()}")
        out.append(f"      {o.message}")
    out.append(report.summary())
    return "\n".join(out)
