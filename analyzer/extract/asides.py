"""Claims a sentence speaks of rather than makes: an aside about the figure before it ("40 died, a figure
the army denied") and a claim named as a noun with its source ("denied a union claim that ...").
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass

from analyzer.extract.cues import Attribution
from analyzer.extract.tokens import CAPITALISED_STOPWORDS, MONTHS, WEEKDAYS, phrase_before, tokenize
from analyzer.extract.vocab import AGENT_NOUNS, CONFIRM_RE, DENY_RE
from analyzer.native import register_records
from analyzer.patterns import guarded

__all__ = ["FigureAside", "NominalClaim", "figure_asides", "nominal_claims"]

# ", a figure the ministry denied", ", a figure first given by X": an aside that credits the figure before it
_FIGURE_ASIDE_RE = re.compile(
    r",\s+(?:a|the)\s+(?:figure|number|claim|toll|tally|count|estimate|total)\s+(?:that\s+|which\s+)?"
    r"(?:(?:first|also|later|originally|previously|earlier|since)\s+)?",
    re.IGNORECASE,
)
_NEGATION_RE = re.compile(r"\b(?:not|never|no\s+longer)\b|n['’]t\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class FigureAside:
    """A cue in an aside about the figure before it, and the stance the aside's speaker takes on it."""

    attribution: Attribution
    start: int  # where the aside opens (its comma): the figure it is about ends before
    stance: str


_CLAIM_NOUNS = r"(?:report|claim|estimate|allegation|assertion|assessment|suggestion)s?"
_CLAIM_NOUN_RE = guarded("rceas", rf"{_CLAIM_NOUNS}\s+(?:that|by|from|in)\b")
_SOURCE_REACH = 80  # characters a claim's source may take before or after its noun
_NOMINAL_CLAIM_RES = (
    # "a Radio Kessel report that", "Amnesty International's claim that"
    re.compile(
        rf"\b(?:(?:a|an|the)\s+)?(?P<src>[A-Z][\w&'’.\-]*(?:\s+(?:of\s+)?[A-Z][\w&'’.\-]*){{0,3}})(?:['’]s)?\s+"
        rf"{_CLAIM_NOUNS}\s+that\b"
    ),
    # "claims by opposition leader Mara Quist that", "reports from residents that", "a report in the
    # newspaper Dagbladet that" (a report in a publication is the publication's)
    re.compile(
        rf"\b{_CLAIM_NOUNS}\s+(?:by\s+|from\s+|in\s+(?:the\s+)?(?:[a-z]+\s+)?(?=[A-Z]))"
        r"(?P<src>[^,;:()]{2,60}?)"
        # "a claim by a state senator, Ned Harlow, that": the name apposed to the description
        r"(?:,\s+(?P<name>[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+){1,3}),)?\s+that\b"
    ),
    # "a union claim that": one agent noun before the claim
    re.compile(rf"\b(?:a|an|the)\s+(?P<src>[a-z]+)\s+{_CLAIM_NOUNS}\s+that\b"),
)


@dataclass(frozen=True, slots=True)
class NominalClaim:
    """A claim named as a noun with its source: "a union claim that 1,100 posts were cut"."""

    mention: str
    start: int  # where the source is written
    after: int  # where what was claimed begins (after "that")


def _nominal_matches(sentence: str) -> list[re.Match[str]]:
    """The matches of the nominal-claim patterns, each read in a window around a claim noun (a scan of
    the whole sentence from every capital is quadratic on long runs of capitals)."""
    capitalised, by_phrase, agent = _NOMINAL_CLAIM_RES
    seen: dict[tuple[int, int], re.Match[str]] = {}
    for hit in _CLAIM_NOUN_RE.finditer(sentence):
        window = max(0, hit.start() - _SOURCE_REACH)
        for pattern in (capitalised, agent):  # the source before the noun: the match ends at "that"
            m = pattern.search(sentence, window, hit.end())
            if m is not None:
                seen.setdefault(m.span(), m)
        m = by_phrase.match(sentence, hit.start(), min(len(sentence), hit.end() + _SOURCE_REACH))
        if m is not None:
            seen.setdefault(m.span(), m)
    return [seen[k] for k in sorted(seen)]


def nominal_claims(sentence: str) -> list[NominalClaim]:
    """The claims a sentence names with their sources, whatever it says of them ("denied a union claim that").

    >>> [(c.mention, c.after) for c in nominal_claims("Telvona denied a Radio Kessel report that 2,000 jobs went.")]
    [('Radio Kessel', 41)]
    >>> [c.mention for c in nominal_claims("She rejected claims by opposition leader Mara Quist that 40 died.")]
    ['opposition leader Mara Quist']
    >>> nominal_claims("The report that 40 died was denied.")
    []
    """
    if "that" not in sentence or _CLAIM_NOUN_RE.search(sentence) is None:
        return []
    found: list[NominalClaim] = []
    for m in _nominal_matches(sentence):
        if m.re.groupindex.get("name") and m.group("name"):
            found.append(NominalClaim(m.group("name"), m.start("name"), m.end()))
            continue
        src = m.group("src").strip()
        if src.endswith(("'s", "’s")):
            src = src[:-2]
        words = src.split()
        # "by the Firefighters' Union": the word after a determiner says whether it is a date
        first = words[1 if len(words) > 1 and words[0].lower() in {"the", "a", "an"} else 0].lower()
        if first in CAPITALISED_STOPWORDS or first in WEEKDAYS or first in MONTHS:
            continue  # "a Monday report that": when, not who
        if words[0].lower() in {"the", "a", "an"} and len(words) == 1:
            continue
        if " " not in src and src.islower():
            if src not in AGENT_NOUNS:
                continue  # "a media report that", "an earlier claim that": no source named
        elif src[:1].islower():  # "by residents", "from local officials": a speaker phrase of its own
            toks = tokenize(src)
            span = phrase_before(toks, len(toks))
            if span is None or span[1] != len(toks):
                continue
        found.append(NominalClaim(src, m.start("src"), m.end()))
    return sorted(found, key=lambda c: c.start)


def figure_asides(sentence: str, atts: list[Attribution]) -> list[FigureAside]:
    """Cues that speak of the figure before them in an appositive: "300 were held, a figure given to
    reporters by a union lawyer" (the lawyer asserts it), "at least €500m, a figure the ministry denied"
    (the ministry denies it). A negated verb ("a figure the army would not confirm") takes no stance.

    >>> from analyzer.extract.attribution import find_attributions
    >>> s = "Rebels said 40 died, a figure the army denied."
    >>> [(a.attribution.mention, a.stance) for a in figure_asides(s, find_attributions(s))]
    [('the army', 'denies')]
    """
    if not atts or "," not in sentence:
        return []
    out = []
    for m in _FIGURE_ASIDE_RE.finditer(sentence):
        for att in atts:
            passive = att.kind == "according" and att.cue_start == m.end()
            if not (passive or (att.kind == "subject" and att.start == m.end())):
                continue
            verb = sentence[att.cue_start : att.cue_end]
            if _NEGATION_RE.search(sentence, att.end, att.cue_end) or _NEGATION_RE.search(verb):
                break
            if passive:
                stance = "asserts"
            elif DENY_RE.match(verb):
                stance = "denies"
            elif CONFIRM_RE.match(verb):
                stance = "confirms"
            else:
                break  # "a figure the ministry has revised": no stance to read
            out.append(FigureAside(att, m.start(), stance))
            break
    return out


register_records(sys.modules[__name__])  # its frozen records pickle and copy when compiled (`make native`)
