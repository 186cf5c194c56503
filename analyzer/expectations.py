"""Known facts about a story, checked against an :class:`Analysis`: ``corroborate check`` and its tests.

An expectations file (TOML, or JSON with the same keys) lists conflicts that
must be reported, confirmation delays, claims that must be found and claims
that must not. Speakers match with the rules of :mod:`analyzer.resolve`
(surnames, acronyms, spelling variants, user alias groups); values within
0.5 % of the figure or of one of the bounds its words state.

>>> from analyzer.models import Analysis, Claim
>>> analysis = Analysis(documents=(), claims=(Claim("c1", "d1", 3000.0, "", 0, 0, speaker="Tomas Vell"),))
>>> run_check(analysis, Expectations((ClaimExpectation("Vell", 3000), AbsentExpectation("Vell", 5000)))).passed
True
>>> evaluate(ClaimExpectation("Vell", 5000, doc="d1"), analysis).message
'expected a claim of Vell 5,000 in d1; found Tomas Vell 3,000 in d1'
"""

from __future__ import annotations

import json
import logging
import math
import re
import tomllib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from rapidfuzz import fuzz, process

from analyzer.corroborate.conflicts import format_figure, format_number
from analyzer.corroborate.quantities import match_quantity
from analyzer.errors import ExpectationError
from analyzer.models import CONFLICT_KINDS, STANCES, Analysis, Claim, Conflict, ConflictMember, Quantity
from analyzer.resolve import Mention, resolve_speakers

if TYPE_CHECKING:
    from rich.table import Table

LOGGER = logging.getLogger(__name__)

__all__ = [
    "AbsentExpectation",
    "CheckReport",
    "ClaimExpectation",
    "ConflictExpectation",
    "DelayExpectation",
    "Expectations",
    "ExpectedFigure",
    "Outcome",
    "check_table",
    "check_text",
    "evaluate",
    "load_expectations",
    "names_match",
    "run_check",
    "value_matches",
]

RELATIVE_TOLERANCE = 0.005  # an expected figure and a reported one agree within 0.5 %
TOP_QUANTITIES = 3  # quantities whose words best match an expectation's words that are searched
Aliases = Sequence[Sequence[str]]

# ---------------------------------------------------------------- the records


@dataclass(frozen=True, slots=True)
class ExpectedFigure:
    """One (speaker, value) an expectation names."""

    speaker: str
    value: float

    def describe(self) -> str:
        return f"{self.speaker} {format_number(self.value)}"


@dataclass(frozen=True, slots=True)
class ConflictExpectation:
    """A conflict on a quantity (given by words) holding every figure, of ``kind`` when given.

    >>> ConflictExpectation("boats lost", (ExpectedFigure("Navy", 4), ExpectedFigure("Rebels", 9))).describe()
    'conflict on boats lost: Navy 4 vs Rebels 9'
    """

    quantity: str
    figures: tuple[ExpectedFigure, ...]
    kind: str | None = None
    line: int = 0
    table: ClassVar[str] = "conflict"

    def describe(self) -> str:
        figures = " vs ".join(f.describe() for f in self.figures)
        return f"{self.kind or 'conflict'} on {self.quantity}: {figures}"


@dataclass(frozen=True, slots=True)
class DelayExpectation:
    """``then`` confirmed ``days`` (± ``tolerance``) after ``first`` first asserted; any delay when None.

    >>> DelayExpectation("Ana Ruiz", "Tomas Vell", 10).describe()
    'Tomas Vell confirms 10 ± 1 days after Ana Ruiz'
    """

    first: str
    then: str
    days: int | None = None
    tolerance: int = 1
    quantity: str | None = None
    line: int = 0
    table: ClassVar[str] = "delay"

    def describe(self) -> str:
        when = "after" if self.days is None else f"{self.days} ± {self.tolerance} days after"
        on = f" on {self.quantity}" if self.quantity else ""
        return f"{self.then} confirms {when} {self.first}{on}"


@dataclass(frozen=True, slots=True)
class ClaimExpectation:
    """A claim of ``speaker`` with ``value`` (in ``doc``, with ``stance``, when given)."""

    speaker: str
    value: float
    doc: str | None = None
    stance: str | None = None
    line: int = 0
    table: ClassVar[str] = "claim"

    def describe(self) -> str:
        return f"claim of {_claim_words(self.speaker, self.value, self.doc, self.stance)}"


@dataclass(frozen=True, slots=True)
class AbsentExpectation:
    """No claim of ``speaker`` with ``value`` (in ``doc`` when given)."""

    speaker: str
    value: float
    doc: str | None = None
    line: int = 0
    table: ClassVar[str] = "absent"

    def describe(self) -> str:
        return f"no claim of {_claim_words(self.speaker, self.value, self.doc, None)}"


Expectation = ConflictExpectation | DelayExpectation | ClaimExpectation | AbsentExpectation


@dataclass(frozen=True, slots=True)
class Expectations:
    """The expectations of one file, in file order."""

    items: tuple[Expectation, ...]
    source: str = ""

    def __iter__(self) -> Iterator[Expectation]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)


@dataclass(frozen=True, slots=True)
class Outcome:
    """Whether one expectation holds, and what was found (the closest thing, when it fails)."""

    expectation: Expectation
    passed: bool
    message: str


@dataclass(frozen=True, slots=True)
class CheckReport:
    """The outcomes of a file of expectations against one analysis."""

    outcomes: tuple[Outcome, ...]
    source: str = ""

    @property
    def passed(self) -> bool:
        return all(o.passed for o in self.outcomes)

    @property
    def failures(self) -> tuple[Outcome, ...]:
        return tuple(o for o in self.outcomes if not o.passed)

    def __iter__(self) -> Iterator[Outcome]:
        return iter(self.outcomes)

    def __len__(self) -> int:
        return len(self.outcomes)


def _claim_words(speaker: str, value: float, doc: str | None, stance: str | None) -> str:
    text = f"{speaker} {format_number(value)}"
    return text + (f" in {doc}" if doc else "") + (f" ({stance})" if stance else "")


# ---------------------------------------------------------------- reading a file

# table -> (required keys, optional keys); "number" is an int or float (not a bool)
_SCHEMA: dict[str, tuple[dict[str, str], dict[str, str]]] = {
    "conflict": ({"quantity": "string", "figures": "list"}, {"kind": "string"}),
    "delay": (
        {"first": "string", "then": "string"},
        {"days": "integer", "tolerance": "integer", "quantity": "string"},
    ),
    "claim": ({"speaker": "string", "value": "number"}, {"doc": "string", "stance": "string"}),
    "absent": ({"speaker": "string", "value": "number"}, {"doc": "string"}),
}
_FIGURE_KEYS = {"speaker": "string", "value": "number"}
_TOML_HEADER = re.compile(r"^[ \t]*\[\[[ \t]*([A-Za-z0-9_-]+)[ \t]*\]\]", re.MULTILINE)
_TOML_LINE = re.compile(r"at line (\d+)(?:, column (\d+))?")
_JSON_GAP = re.compile(r"[\s,]*")
_JSON_COLON = re.compile(r"\s*:\s*")


@dataclass(frozen=True, slots=True)
class _Entry:
    """One table of the file before it is checked: its name, keys, and the lines it spans."""

    table: str
    data: Any
    line: int
    end: int  # first line after the table


def load_expectations(path: str | Path) -> Expectations:
    """Read a TOML or JSON expectations file; raise :class:`ExpectationError` with ``line N: reason``.

    >>> import tempfile, pathlib
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "known.toml"
    >>> _ = f.write_text('# known\\n[[claim]]\\nspeaker = "Tomas Vell"\\nvalue = 3000\\n')
    >>> load_expectations(f).items
    (ClaimExpectation(speaker='Tomas Vell', value=3000.0, doc=None, stance=None, line=2),)
    """
    source = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ExpectationError(source, "no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ExpectationError(source, f"cannot read: {exc}") from None
    as_json = Path(path).suffix.lower() == ".json" or (
        Path(path).suffix.lower() != ".toml" and text.lstrip().startswith("{")
    )
    entries = _json_entries(text, source) if as_json else _toml_entries(text, source)
    lines = text.splitlines()
    items = [_build(entry, lines, source) for entry in entries]
    items.sort(key=lambda e: e.line)
    LOGGER.debug("%s: %d expectations", source, len(items))
    return Expectations(tuple(items), source)


def _toml_entries(text: str, source: str) -> list[_Entry]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = _TOML_LINE.search(str(exc))
        where = f"line {found.group(1)}" if found else "line 1"
        reason = _TOML_LINE.sub("", str(exc)).replace("()", "").strip().rstrip(".")
        column = f" (column {found.group(2)})" if found and found.group(2) else ""
        raise ExpectationError(source, f"{where}: invalid TOML: {reason}{column}") from None
    headers: dict[str, list[int]] = {}
    starts: list[int] = []
    for m in _TOML_HEADER.finditer(text):
        line = text.count("\n", 0, m.start()) + 1
        headers.setdefault(m.group(1), []).append(line)
        starts.append(line)
    total = text.count("\n") + 2
    entries = []
    for name, value in data.items():
        line = _key_line(text, name)
        if name not in _SCHEMA or not isinstance(value, list):
            _unknown_or_shape(name, source, line)
        for i, item in enumerate(value):
            start = headers.get(name, [])[i] if i < len(headers.get(name, [])) else line
            end = min((s for s in starts if s > start), default=total)
            entries.append(_Entry(name, item, start, end))
    return entries


def _key_line(text: str, name: str) -> int:
    """The line where a top-level name first appears as a table header or a key."""
    pattern = re.compile(rf'^[ \t]*(?:\[\[?[ \t]*{re.escape(name)}\b|"?{re.escape(name)}"?[ \t]*[=:])', re.M)
    m = pattern.search(text)
    return text.count("\n", 0, m.start()) + 1 if m else 1


def _unknown_or_shape(name: str, source: str, line: int) -> None:
    if name not in _SCHEMA:
        raise ExpectationError(source, f"line {line}: unknown table {name!r} (expected one of {_known()})")
    raise ExpectationError(source, f"line {line}: {name!r} must be a list of tables ([[{name}]])")


def _known() -> str:
    return ", ".join(_SCHEMA)


def _json_entries(text: str, source: str) -> list[_Entry]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ExpectationError(source, f"line {exc.lineno}: invalid JSON: {exc.msg}") from None
    if not isinstance(data, dict):
        raise ExpectationError(source, f"line 1: expected an object with the lists {_known()}")
    decoder = json.JSONDecoder()
    idx = _skip(_JSON_GAP, text, 0) + 1  # past "{"
    entries: list[_Entry] = []

    def line_at(pos: int) -> int:
        return text.count("\n", 0, pos) + 1

    while True:
        idx = _skip(_JSON_GAP, text, idx)
        if text[idx] == "}":
            return entries
        key_line = line_at(idx)
        name, idx = decoder.raw_decode(text, idx)
        idx = _skip(_JSON_COLON, text, idx)
        if name not in _SCHEMA or text[idx] != "[":
            _unknown_or_shape(name, source, key_line)
        idx += 1
        while True:
            idx = _skip(_JSON_GAP, text, idx)
            if text[idx] == "]":
                idx += 1
                break
            start = idx
            item, idx = decoder.raw_decode(text, idx)
            entries.append(_Entry(name, item, line_at(start), line_at(idx) + 1))


def _skip(pattern: re.Pattern[str], text: str, idx: int) -> int:
    m = pattern.match(text, idx)
    return m.end() if m else idx


def _build(entry: _Entry, lines: Sequence[str], source: str) -> Expectation:
    name, data = entry.table, entry.data
    if name not in _SCHEMA:
        _unknown_or_shape(name, source, entry.line)
    if not isinstance(data, dict):
        raise ExpectationError(source, f"line {entry.line}: each {name} must be a table of keys")
    required, optional = _SCHEMA[name]

    span = range(entry.line, min(entry.end, len(lines) + 1))

    def fail(key: str | None, reason: str, item: int = 0) -> ExpectationError:
        """The error, at the line of ``key`` (of its ``item``-th inline table when given) or of the table."""
        line = entry.line
        if key is not None:
            pattern = re.compile(rf'^\s*"?{re.escape(key)}"?\s*[=:]')
            line = next((n for n in span if pattern.match(lines[n - 1])), entry.line)
            braces = 0
            for n in range(line, span.stop) if item else ():
                braces += lines[n - 1].count("{")
                if braces >= item:
                    line = n
                    break
        return ExpectationError(source, f"line {line}: [[{name}]] {reason}")

    for key in data:
        if key not in required and key not in optional:
            raise fail(key, f"has an unknown key {key!r} (known: {', '.join([*required, *optional])})")
    for key in required:
        if key not in data:
            raise fail(None, f"is missing the key {key!r}")
    for key, value in data.items():
        kind = required.get(key) or optional[key]
        if not _is(kind, value):
            raise fail(key, f"{key!r} must be {_article(kind)}, not {value!r}")
    if data.get("kind") is not None and data["kind"] not in CONFLICT_KINDS:
        raise fail("kind", f"'kind' must be one of {', '.join(CONFLICT_KINDS)}, not {data['kind']!r}")
    if data.get("stance") is not None and data["stance"] not in STANCES:
        raise fail("stance", f"'stance' must be one of {', '.join(STANCES)}, not {data['stance']!r}")
    if data.get("tolerance", 0) < 0:
        raise fail("tolerance", "'tolerance' must not be negative")
    line = entry.line
    if name == "conflict":
        return ConflictExpectation(data["quantity"], _figures(data["figures"], fail), data.get("kind"), line)
    if name == "delay":
        return DelayExpectation(
            data["first"],
            data["then"],
            data.get("days"),
            data.get("tolerance", 1),
            data.get("quantity"),
            line,
        )
    if name == "claim":
        return ClaimExpectation(
            data["speaker"], float(data["value"]), data.get("doc"), data.get("stance"), line
        )
    return AbsentExpectation(data["speaker"], float(data["value"]), data.get("doc"), line)


def _figures(raw: list[Any], fail: Callable[..., ExpectationError]) -> tuple[ExpectedFigure, ...]:
    if not raw:
        raise fail("figures", "'figures' must list at least one { speaker, value }")
    figures = []
    for i, fig in enumerate(raw, 1):
        if not isinstance(fig, dict) or set(fig) != set(_FIGURE_KEYS):
            raise fail("figures", f'figure {i} must be {{ speaker = "...", value = number }}, not {fig!r}', i)
        for key, kind in _FIGURE_KEYS.items():
            if not _is(kind, fig[key]):
                raise fail("figures", f"figure {i}: {key!r} must be {_article(kind)}, not {fig[key]!r}", i)
        figures.append(ExpectedFigure(fig["speaker"], float(fig["value"])))
    return tuple(figures)


def _is(kind: str, value: Any) -> bool:
    if kind == "string":
        return isinstance(value, str) and bool(value.strip())
    if kind == "list":
        return isinstance(value, list)
    if kind == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    # a number: and a finite one ("inf" and "nan" are no figure anyone reported)
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _article(kind: str) -> str:
    return {"string": "a non-empty string", "list": "a list", "integer": "a whole number"}.get(
        kind, "a number"
    )


# ---------------------------------------------------------------- matching names and values


def names_match(query: str, canonical: str, aliases: Aliases = ()) -> bool:
    """True when ``query`` names the same actor as ``canonical`` under the resolver's rules.

    The two names go through :func:`analyzer.resolve.resolve_speakers` as if written in one
    article (surname after full name, acronym of an expansion, spelling variants, titles,
    user ``aliases`` groups); they match when they resolve to one canonical name.

    >>> names_match("NIS", "National Intelligence Service (South Korea)")
    True
    >>> names_match("Vell", "Tomas Vell"), names_match("Ministry of Health", "Ministry of Finance")
    (True, False)
    >>> names_match("harbour office", "Tomas Vell", aliases=[["Tomas Vell", "harbour office"]])
    True
    """
    return _names_match(query, canonical, tuple(tuple(group) for group in aliases))


@lru_cache(maxsize=1 << 14)
def _names_match(query: str, canonical: str, aliases: tuple[tuple[str, ...], ...]) -> bool:
    if _folded(query) == _folded(canonical):
        return True
    names = resolve_speakers([Mention("?", canonical, 0), Mention("?", query, 1)], aliases=aliases)
    if names.get(("?", canonical)) == names.get(("?", query)):
        return True
    return bool(aliases) and _resolved(query, aliases) == _resolved(canonical, aliases)


@lru_cache(maxsize=1 << 12)
def _resolved(name: str, aliases: tuple[tuple[str, ...], ...]) -> str:
    """The name as a corpus that also wrote every alias group's canonical name would resolve it.

    A lone surname ("Vell") then finds the full name of a group ("Tomas Vell") as it would in an
    article corpus where that full name appears.
    """
    mentions = [Mention("?", name, 0), *(Mention("~aliases", g[0], i) for i, g in enumerate(aliases) if g)]
    return resolve_speakers(mentions, aliases=aliases).get(("?", name), name)


def _folded(name: str | None) -> str:
    return " ".join((name or "").casefold().split())


def value_matches(expected: float, value: float, low: float | None = None, high: float | None = None) -> bool:
    """True when ``expected`` is within 0.5 % of the figure or of one of the bounds its words state.

    >>> value_matches(12000, 12050), value_matches(12000, 12100), value_matches(300, 400, 300, 400)
    (True, False, True)
    """
    return any(v is not None and _close(expected, v) for v in (value, low, high))


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= RELATIVE_TOLERANCE * max(abs(a), abs(b))


# ---------------------------------------------------------------- evaluating


class _Context:
    """An analysis indexed for evaluation, with the alias groups speakers match under."""

    def __init__(self, analysis: Analysis, aliases: Aliases) -> None:
        self.analysis = analysis
        self.aliases = tuple(tuple(g) for g in aliases)
        self.by_id = {c.claim_id: c for c in analysis.claims}
        self.quantities = analysis.quantities or _implied_quantities(analysis)

    def same(self, query: str, speaker: str | None) -> bool:
        return speaker is not None and _names_match(query, speaker, self.aliases)

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
        hits.sort(key=lambda c: (_folded(c.speaker) != _folded(exp.speaker), c.doc_id, c.start))
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


# ---------------------------------------------------------------- rendering


def _summary(report: CheckReport) -> str:
    failed = len(report.failures)
    return f"{len(report)} expectations: {len(report) - failed} passed, {failed} failed"


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
    out.append(_summary(report))
    return "\n".join(out)


def check_table(report: CheckReport) -> Table:
    """The report as a rich table (rich is imported here, when a terminal asks for it)."""
    from rich.table import Table
    from rich.text import Text

    table = Table(title=report.source or None, caption=_summary(report), show_lines=False)
    table.add_column("line", justify="right", style="dim")
    table.add_column("expectation")
    table.add_column("result")
    table.add_column("found", overflow="fold")
    for o in report:
        result = Text("pass", style="green") if o.passed else Text("FAIL", style="bold red")
        table.add_row(str(o.expectation.line or ""), o.expectation.describe(), result, o.message)
    return table
