"""Which of a sentence's cues a figure belongs to, and the outlets it came through.

>>> from analyzer.extract.attribution import find_attributions
>>> s = "Police said 300 were held, but organisers put the number at 2,000."
>>> atts = find_attributions(s)
>>> choose(atts, 12, 15, [(61, 66)], s).attribution.mention
'Police'
>>> choose(atts, 61, 66, [(12, 15)], s).attribution.mention
'organisers'
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass

from analyzer.extract.cues import Attribution
from analyzer.extract.vocab import REPORTING_FORMS, WEAK_VERBS
from analyzer.native import register_records

__all__ = ["Choice", "choose"]

_THAT_GAP_RE = re.compile(r"\s*(?:that\s+)?")
_RELATIVE_ASIDE_RE = re.compile(r",\s*(?:which|who)\b[^,;:]*$")
_RELATIVE_BEFORE_RE = re.compile(r"\b(?:that|which|who|whom)\s+$")
# A lower-case word after a closing speaker's verb that is no time, place or manner phrase opens the clause
# that verb reports ("..., police said the suspect fled"), so the verb does not reach back.
_OWN_CLAUSE_AFTER_RE = re.compile(
    r"\s+(?!(?:on|in|at|late|early|earlier|later|yesterday|today|tonight|last|this|after|before|during|while"
    r"|when|as|but|and|or|citing|adding|according|via|through|to|from|by|with|without|of|for|again|also|previously"
    r"|separately|publicly|privately|repeatedly|recently|overnight|then|now|here|there|too)\b)[a-z]"
)
_ADJUST_STEMS = frozenset({"raise", "lower", "revise", "update"})
_HEARER_VERBS = frozenset({"tell", "inform", "assure", "brief", "write"})
_CONTRAST_BEFORE_RE = re.compile(r",\s*(?:while|whereas|but)\s+$", re.IGNORECASE)
_CLAUSE_BREAK_RE = re.compile(r"[;—–]|\.\s(?!\s*[a-z])")  # not "the U.S. take"
_PHRASE_KINDS = frozenset({"according", "count"})
# what one declares by declaring it: "a state of emergency", "a national day of mourning", "an outbreak over"
# match only (right after the cue): the act a "declared" cue names, to its phrase's end ("a state of emergency
# in four provinces", not "... after the storm killed 40 people" nor "... for the 52 people killed")
_DECLARED_ACT_RE = re.compile(
    r"\s+(?:a|an|the)\s+(?:[a-z][\w\-]*\s+){0,2}?(?:state|day|days|emergency|holiday|curfew|disaster|ceasefire"
    r"|truce|war|lockdown|period|zone|moratorium|amnesty|quarantine|outbreak|end|victory|winner|bankruptcy)\b",
    re.IGNORECASE,
)
_ACT_PHRASE_END_RE = re.compile(
    r"[,;.:()]|\b(?:after|because|as|following|when|since|that|which|who|and|but|while|said|says)\b"
    r"|\bfor\s+(?:the|those|all|its|their|victims)\b",
    re.IGNORECASE,
)

_RELATIVE_GAP_RE = re.compile(r"\s*(?:[A-Za-z][\w\-]*\s+){0,2}?(?:that\s+|which\s+)?")


# a figure an earlier, unnamed statement gave: "the 77 dead reported previously", "the 40 announced earlier"
_EARLIER_REPORT_RE = re.compile(
    r"(?:\s+(?!(?:it|he|she|they|we|i|you|who|which|that)\b)[a-z]+){0,2}?"  # no subject: "the 14 he cited earlier"
    r"\s+(?:reported|announced|given|confirmed|cited)\s+(?:previously|earlier)\b(?!\s+by\b)"
)


def _nested_in(outer: Attribution, inner: Attribution, sentence: str) -> bool:
    """Whether ``inner`` is part of what ``outer`` reports, not a speaker of its own.

    "Zelenskyy has said Kyiv believes 10,000 ...": a place standing for its government inside a statement;
    "The ministry said ... and that vaccination teams had given 85,000 doses": a verb that reports only
    with an actor ("give", "record", "find") inside a reported clause tells what happened, not who said it.
    """
    if inner.is_pronoun or not sentence or outer.media or outer.cue_end > inner.start:
        return False
    gap = sentence[outer.cue_end : inner.start]
    if " " not in inner.mention.strip() and _THAT_GAP_RE.fullmatch(gap) is not None:
        return True
    return (
        inner.kind == "subject"
        and outer.kind in {"subject", "inverted"}
        and REPORTING_FORMS.get(inner.cue.lower()) in WEAK_VERBS
        and not _CLAUSE_BREAK_RE.search(gap)
    )


def _closed_aside(att: Attribution, fig_start: int, sentence: str) -> bool:
    """A cue inside ", which officials put at three," speaks of that clause only, not of a figure after it."""
    return (
        "," in sentence[att.cue_end : fig_start]
        and _RELATIVE_ASIDE_RE.search(sentence, max(0, att.cue_start - 80), att.cue_start) is not None
    )


def _weak(att: Attribution) -> bool:
    """A cue whose verb reports only with an actor ("found", "recorded", "gave"): it may tell what happened."""
    return att.kind == "subject" and REPORTING_FORMS.get(att.cue.lower()) in WEAK_VERBS


def _adjusts(att: Attribution) -> bool:
    """A cue that changes a figure someone keeps ("raised its estimate to", "revised the toll to"): an act a
    closing speaker may report."""
    return att.kind == "subject" and REPORTING_FORMS.get(att.cue.lower()) in _ADJUST_STEMS


def _trails(att: Attribution, fig_start: int, sentence: str) -> bool:
    """Whether a cue after a figure can claim it.

    Not when the figure stands between the cue's subject and its verb ("The agency, which sent a team of
    12 experts, said ..."): it is in a clause about the speaker; nor when the cue is inside a relative
    clause ("an emergency that the opposition says has been abused"): it speaks only of that clause.
    """
    if att.kind == "subject" and att.start < fig_start:
        return False
    if att.kind == "subject" and _CONTRAST_BEFORE_RE.search(sentence, max(0, att.start - 12), att.start):
        return False  # "..., while the charity put the number at 260": a second source, not the first's
    if (
        att.kind == "subject"
        and REPORTING_FORMS.get(att.cue.lower()) not in _HEARER_VERBS
        and _OWN_CLAUSE_AFTER_RE.match(sentence, att.cue_end)
    ):
        return False  # "..., charity says dozens missing": the verb reports the clause after it
    return (
        att.kind not in {"subject", "participle"}
        or _RELATIVE_BEFORE_RE.search(sentence, max(0, att.start - 8), att.start) is None
    )


@dataclass(frozen=True, slots=True)
class Choice:
    """The attribution a figure belongs to, with the outlets it came through."""

    attribution: Attribution | None
    via: tuple[str, ...]


def _in_declared_act(sentence: str, att: Attribution, fig_start: int) -> bool:
    """Whether the figure at ``fig_start`` is inside the act a "declared" cue names.

    >>> from analyzer.extract.attribution import find_attributions
    >>> s = "The president declared a day of mourning in 3 regions for the 52 people killed."
    >>> att = find_attributions(s)[0]
    >>> [_in_declared_act(s, att, s.index(n)) for n in ("3", "52")]
    [True, False]
    """
    act = _DECLARED_ACT_RE.match(sentence, att.cue_end)
    if act is None or fig_start < act.end():
        return act is not None and fig_start >= att.cue_end
    close = _ACT_PHRASE_END_RE.search(sentence, act.end())
    return fig_start < (close.start() if close is not None else len(sentence))


def choose(
    atts: list[Attribution],
    fig_start: int,
    fig_end: int,
    other_figures: list[tuple[int, int]],
    sentence: str = "",
) -> Choice:
    """Pick the attribution of the figure at [fig_start, fig_end) among a sentence's cues.

    An "according to"/"by X's count" right after the figure (before the next
    figure) wins; then the nearest non-media speaker whose cue precedes the
    figure; then the nearest cue after it. Media cues become ``via``.
    """
    if sentence and any(a.cue[:5].lower() == "decla" for a in atts):
        # "X, who declared a state of calamity in four provinces, said": the act's figures are no claims
        atts = [
            a for a in atts if not (a.cue[:5].lower() == "decla" and _in_declared_act(sentence, a, fig_start))
        ]
    if not atts:
        return Choice(None, ())
    if ("previously" in sentence or "earlier" in sentence) and _EARLIER_REPORT_RE.match(sentence, fig_end):
        return Choice(None, ())  # "an increase from the 77 dead reported previously": nobody named
    next_fig = min((s for s, _ in other_figures if s >= fig_end), default=10**9)
    media = [a for a in atts if a.media]
    local = _right_after(atts, fig_end, next_fig, sentence)
    chosen = local[0] if local else _nearest(atts, fig_start, fig_end, sentence)
    if chosen is None:
        return _through_media(media, fig_start)
    via = [a.mention for a in media if a is not chosen]
    via += [c for c in chosen.citing if c not in via]
    return Choice(chosen, tuple(dict.fromkeys(via)))


def _right_after(atts: list[Attribution], fig_end: int, next_fig: int, sentence: str) -> list[Attribution]:
    """The cues right after a figure that ends at ``fig_end``: "according to X" or "by X's count" before the
    next figure and in the same clause, then a subject with at most two words or a "that" between
    ("the 300 people the ministry says died")."""
    local = [
        a
        for a in atts
        if a.kind in _PHRASE_KINDS
        and not a.media
        and fig_end <= a.cue_start
        and (a.cue_start < next_fig or _passive_subject(a, sentence, fig_end))
        and a.cue_start - fig_end < 80
        and not _CLAUSE_BREAK_RE.search(sentence[fig_end : a.cue_start])
    ]
    local += [
        a
        for a in atts
        if a.kind == "subject"
        and not a.media
        and fig_end <= a.start
        and _RELATIVE_GAP_RE.fullmatch(sentence[fig_end : a.start])
    ]
    return local


def _passive_subject(att: Attribution, sentence: str, fig_end: int) -> bool:
    """Whether a figure is in the subject of the passive its "by" cue closes, past other figures of that
    subject: "Nine boats and the wrecks of two others were reported ashore by the council" (both its).

    >>> from analyzer.extract.attribution import find_attributions
    >>> s = "Nine boats and the wrecks of two others were reported ashore by the council."
    >>> _passive_subject(find_attributions(s)[0], s, s.index("boats"))
    True
    """
    return att.cue.lower().endswith(" by") and "," not in sentence[fig_end : att.cue_start]


def _nearest(atts: list[Attribution], fig_start: int, fig_end: int, sentence: str) -> Attribution | None:
    """The nearest speaker before the figure that is no news outlet, else the nearest one after it."""
    general = [a for a in atts if not (a.kind in _PHRASE_KINDS and a.cue_start >= fig_end)]
    before = [
        a
        for a in general
        if a.cue_start < fig_start and not a.media and not _closed_aside(a, fig_start, sentence)
    ]
    after = [a for a in general if a.cue_start >= fig_end and not a.media and _trails(a, fig_start, sentence)]
    if before:
        return _nearest_before(sorted(before, key=lambda a: a.cue_start), after, fig_end, sentence)
    if after:
        return min(after, key=lambda a: a.cue_start)
    return _closing_phrase(atts, fig_start, fig_end, sentence)


_STATEMENT_BREAK_RE = re.compile(r";|\.\s(?!\s*[a-z])")
_SUBORDINATE_RE = re.compile(r",\s*(?:when|where|which|who|after|as|while|because|since|before|until)\b")


def _closing_phrase(
    atts: list[Attribution], fig_start: int, fig_end: int, sentence: str
) -> Attribution | None:
    """The "according to X" that closes a sentence, for a figure with no nearer cue: "authorities recovered
    eight bodies – seven firefighters and a citizen, according to rescue officials" (both figures theirs).

    >>> from analyzer.extract.attribution import find_attributions
    >>> s = "Crews found eight bodies – seven firefighters and a guard, according to rescue officials."
    >>> _closing_phrase(find_attributions(s), s.index("eight"), s.index("eight") + 5, s).mention
    'rescue officials'
    """
    later = [a for a in atts if a.cue_start >= fig_end]
    if not later or later[0].media or not later[0].cue.lower().startswith("according"):
        return None
    phrase = later[0]
    if (
        phrase.cue_start - fig_end > 250
        or _STATEMENT_BREAK_RE.search(sentence, fig_end, phrase.cue_start)
        or _SUBORDINATE_RE.search(sentence, fig_end, phrase.cue_start)
        or _RELATIVE_ASIDE_RE.search(sentence, max(0, fig_start - 200), fig_start)
    ):
        return None  # "The union, which had asked for 25pc, came down to 20pc, according to X": not the 25
    return phrase


def _nearest_before(
    before: list[Attribution], after: list[Attribution], fig_end: int, sentence: str
) -> Attribution:
    """The last of the cues ``before`` a figure (in text order) unless it is nested in what the one before it
    reports, or is a weak verb ("found") that a closing speaker after the figure reports."""
    chosen = before[-1]
    if len(before) > 1 and _nested_in(before[-2], chosen, sentence):
        chosen = before[-2]
    closing = [
        a
        for a in after
        if a.kind in {"subject", "inverted"}
        and not _weak(a)
        and not _CLAUSE_BREAK_RE.search(sentence, fig_end, min(a.start, a.cue_start))
        and sentence[: min(a.start, a.cue_start)].rstrip()[-1:] in {",", '"', "”"}
    ]
    if (_weak(chosen) or _adjusts(chosen)) and closing:
        # "Rescuers found two more bodies, the fire brigade said": what the closing speaker reports; so is
        # "The city raised its estimate to 6,200, from 4,800, its housing chief said"
        chosen = min(closing, key=lambda a: a.cue_start)
    return chosen


def _through_media(media: list[Attribution], fig_start: int) -> Choice:
    """A figure that only news outlets give: the source the nearest one cites, through it, or the outlet."""
    if not media:
        return Choice(None, ())
    m = min(media, key=lambda a: abs(a.cue_start - fig_start))
    if m.citing:
        synthetic = Attribution(m.citing[0], m.start, m.end, m.cue, m.cue_start, m.cue_end, "citing")
        return Choice(synthetic, (m.mention, *m.citing[1:]))
    return Choice(m, ())


register_records(sys.modules[__name__])  # its frozen records pickle and copy when compiled (`make native`)
