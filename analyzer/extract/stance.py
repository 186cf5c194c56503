"""With what stance a speaker gives a figure: asserts, confirms, hedges or denies.

>>> stance_of("Officials confirmed on Thursday that 300 people were missing.", 10, 37, 40)
'confirms'
>>> stance_of("If the reports of 300 missing are true, it would be a catastrophe, the governor said.", 80, 18, 21)
'hedges'
>>> stance_of("The ministry has not yet confirmed that 40 people died.", 13, 40, 42)
'hedges'
"""

from __future__ import annotations

import re

from analyzer.extract.vocab import CONFIRM_RE, DENY_RE, HEDGE_RE
from analyzer.patterns import prefixed

_CLAUSE_OPEN_RE = prefixed(",;:(—–twb", r"[,;:(—–]|\bthat\b|\bwhile\b|\bbut\b")
_CLAUSE_CLOSE_RE = prefixed(",;:)—–bw", r"[,;:)—–]|\bbut\b|\bwhile\b")
_IF_TRUE_RE = prefixed(
    "i", r"\bif\b[^,.;]{0,100}?\b(?:true|accurate|correct|confirmed|verified|accurate)\b", re.IGNORECASE
)

# a confirmation withheld: "could not confirm that", "has not yet confirmed", "was unable to verify", "declined to
# confirm": the speaker does not stand behind the figure
_NOT_CONFIRMED_RE = re.compile(
    r"\b(?:(?:could|can|did|does|do|would|will|has|have|had)(?:\s+not|n[’']t)|cannot|unable\s+to|declined\s+to"
    r"|refused\s+to|yet\s+to)\s+(?:yet\s+|independently\s+|immediately\s+|officially\s+)?(?:be\s+)?"
    r"(?:confirm|verif)\w*",
    re.IGNORECASE,
)
# where the clause of a closing cue ends: "police said, adding ...", "police said on Friday, possibly ..."
_CUE_CLAUSE_END_RE = re.compile(r"[,;:(—–]|\b(?:adding|and\s+said|and\s+added)\b", re.IGNORECASE)


def _clause(sentence: str, start: int, end: int) -> str:
    """The clause around [start, end): from the last clause opener before to the next closer after."""
    opener = 0
    for m in _CLAUSE_OPEN_RE.finditer(sentence, 0, start):
        opener = m.end("m")
    close = _CLAUSE_CLOSE_RE.search(sentence, end)
    return sentence[opener : close.start() if close else len(sentence)]


_THAT_CLAUSE_RE = re.compile(r"\s+(?:(?:reports?|claims?|figures?|that)\s+)*(?:that\b|of\b)")
_CLAUSE_CUT_RE = re.compile(r"\b(?:but|while|although|though|whereas)\b|[;:]")


def _withheld(sentence: str, cue_start: int, lead: str) -> bool:
    """Whether the confirming cue at ``cue_start`` is negated ("could not confirm", not "who could not confirm
    it earlier, confirmed on Friday"), or a refusal in ``lead`` opens the clause that holds the figure.

    >>> s = "Police said they could not confirm reports of looting but 40 people were confirmed dead."
    >>> _withheld(s, 7, s[7:]), _withheld(s, 27, s[27:])
    (False, False)
    """
    if cue_start < 0 or _CLAUSE_CUT_RE.search(lead):
        return False  # "could not confirm reports of looting but 40 were confirmed dead": another clause
    for m in _NOT_CONFIRMED_RE.finditer(sentence, max(0, cue_start - 40), cue_start + 20):
        if m.start() <= cue_start < m.end():
            return True
    # "Police said they could not confirm that 40 ...": the refusal opens the clause the figure is in
    refusal = _NOT_CONFIRMED_RE.search(lead)
    return refusal is not None and _THAT_CLAUSE_RE.match(lead, refusal.end()) is not None


def stance_of(sentence: str, cue_start: int, start: int, end: int) -> str:
    """The stance of the figure at [start, end), given the reporting cue at ``cue_start`` (-1 for none)."""
    lead = sentence[max(0, cue_start) : end] if cue_start >= 0 and cue_start < start else sentence[:end]
    clause = _clause(sentence, start, end)
    if DENY_RE.search(lead) or (cue_start >= start and DENY_RE.search(sentence[end:])):
        return "denies"
    if HEDGE_RE.search(clause) or _IF_TRUE_RE.search(clause) or _IF_TRUE_RE.search(sentence[:start]):
        return "hedges"
    # the cue and what stands between it and the figure: not "confirmed cases" after the figure
    cue_part = sentence[cue_start : start if cue_start < start else cue_start + 40] if cue_start >= 0 else ""
    if cue_start > end:  # only the cue's own clause: not "..., police said, adding the toll could rise"
        stop = _CUE_CLAUSE_END_RE.search(cue_part)
        cue_part = cue_part[: stop.start()] if stop else cue_part
    if cue_start > end and HEDGE_RE.search(cue_part):
        return "hedges"  # "..., the minister said he could not confirm the figure"
    if CONFIRM_RE.search(cue_part) or CONFIRM_RE.search(lead):
        # "The ministry could not confirm that 40 had died": a confirmation withheld is no confirmation
        return "hedges" if _withheld(sentence, cue_start, lead) else "confirms"
    return "asserts"


def statement_stance(text: str) -> str:
    """The stance of a statement that carries no figure, from its reported words."""
    if DENY_RE.search(text):
        return "denies"
    if _IF_TRUE_RE.search(text) or HEDGE_RE.search(text):
        return "hedges"
    if CONFIRM_RE.search(text):
        return "confirms"
    return "asserts"
