"""When a name in an expectation and a reported speaker are one actor, and a figure and a value agree."""

from __future__ import annotations

from functools import lru_cache

from analyzer.expectations.records import RELATIVE_TOLERANCE, Aliases
from analyzer.resolve import Mention, resolve_speakers


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
    return same_actor(query, canonical, tuple(tuple(group) for group in aliases))


@lru_cache(maxsize=1 << 14)
def same_actor(query: str, canonical: str, aliases: tuple[tuple[str, ...], ...]) -> bool:
    """:func:`names_match` with the alias groups already as tuples: cached, for evaluating many claims."""
    if folded(query) == folded(canonical):
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


def folded(name: str | None) -> str:
    """A name compared loosely: case and runs of spaces ignored."""
    return " ".join((name or "").casefold().split())


def value_matches(expected: float, value: float, low: float | None = None, high: float | None = None) -> bool:
    """True when ``expected`` is within 0.5 % of the figure or of one of the bounds its words state.

    >>> value_matches(12000, 12050), value_matches(12000, 12100), value_matches(300, 400, 300, 400)
    (True, False, True)
    """
    return any(v is not None and _close(expected, v) for v in (value, low, high))


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= RELATIVE_TOLERANCE * max(abs(a), abs(b))
