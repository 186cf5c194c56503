"""Pages that are statements themselves: transcripts, whose labelled turns speak, and press releases,
whose publisher speaks in its own name.

>>> is_transcript("MINISTER VALE: We have 40 staff.\\nQUESTION: How many?\\nMINISTER VALE: Forty.")
True
>>> is_transcript("UPDATE: The ministry said 40 died.")
False
"""

from __future__ import annotations

import re
from collections import Counter

from analyzer.extract.attribution import Attribution
from analyzer.extract.discourse import Discourse
from analyzer.extract.vocab import is_media_name

__all__ = ["PUBLISHER_REACH", "is_release", "is_transcript", "self_published", "take_turn"]

# a heading line of its own near the top: "PRESS RELEASE", "Press note No. 1184", "MEDIA STATEMENT"
_RELEASE_HEADER_RE = re.compile(
    r"^[^\S\n]*(?:(?:press|media|news)[^\S\n]+(?:note|release|statement)|for[^\S\n]+immediate[^\S\n]+release)"
    r"(?:[^\S\n]+no\.?[^\S\n]*\d{1,6})?[^\S\n]*:?[^\S\n]*$",
    re.IGNORECASE | re.MULTILINE,
)
_RELEASE_HEAD_CHARS = 600

_TURN_RE = re.compile(r"(?P<label>[A-Z][A-Z.'’\- ]{1,40}?)(?:[^\S\n]*\([^)\n]{0,60}\))?:[^\S\n]")
_TURN_LINE_RE = re.compile(rf"^{_TURN_RE.pattern}", re.MULTILINE)
_NOT_SPEAKER_LABELS = frozenset(
    {
        "update", "updated", "breaking", "exclusive", "watch", "live", "analysis", "opinion", "note",
        "correction", "photo", "video", "read more", "editor's note", "source", "sources", "warning",
        "transcript", "advertisement", "related", "see also", "key points", "breaking news", "background",
        "context", "what we know", "more", "contact", "share", "tags", "topics",
    }
)  # fmt: skip
_QUESTION_LABELS = frozenset({"question", "q", "reporter", "journalist", "audience", "moderator", "host"})
PUBLISHER_REACH = 3  # sentences in which a page's publisher may announce in its own name


def _label_words(label: str) -> list[str]:
    return [w for w in label.replace(".", " ").lower().split() if w]


def is_transcript(text: str) -> bool:
    """Paragraphs opened by speakers' labels in capitals, where a speaker takes the floor twice or a
    question is put ("MINISTER MARBURY: ...", "QUESTION: ..."); headings ("BACKGROUND:") do neither.

    >>> is_transcript("BREAKING NEWS: 40 died.\\nBACKGROUND: The dam is old.\\nCONTEXT: It rained.")
    False
    """
    counts = Counter(
        " ".join(_label_words(m.group("label")))
        for m in _TURN_LINE_RE.finditer(text)
        if " ".join(_label_words(m.group("label"))) not in _NOT_SPEAKER_LABELS
    )
    questions = sum(n for label, n in counts.items() if _QUESTION_LABELS & set(label.split()))
    speakers = [n for label, n in counts.items() if not _QUESTION_LABELS & set(label.split())]
    return bool(speakers) and (
        max(speakers) >= 2 or (questions >= 1 and len(speakers) >= 1 and sum(speakers) >= 2)
    )


def take_turn(text: str, state: Discourse) -> None:
    """A paragraph opened by a label hands the floor to its speaker; a question's label to nobody."""
    m = _TURN_RE.match(text)
    if m is None:
        return
    words = _label_words(m.group("label"))
    if " ".join(words) in _NOT_SPEAKER_LABELS:
        return
    if _QUESTION_LABELS & set(words):
        state.turn = state.turn_label = None
        return
    state.turn_label = m.group("label").strip()
    state.turn = " ".join(w.capitalize() for w in state.turn_label.split())


def is_release(text: str, outlet: str | None) -> bool:
    """A page headed "PRESS RELEASE" / "PRESS NOTE No. 12" / "MEDIA STATEMENT" on a line of its own near its
    top, published by a body that is no news outlet: the publisher speaks in its own name.

    >>> is_release("CITY OF ORMOND\\nPRESS NOTE No. 12\\nThe city today said 40 roads were shut.", "City of Ormond")
    True
    >>> is_release("Media Statements | Speeches\\nThe minister said 40.", "Ministry of Roads")
    False
    """
    return (
        bool(outlet)
        and not is_media_name(outlet)
        and _RELEASE_HEADER_RE.search(text, 0, _RELEASE_HEAD_CHARS) is not None
    )


def self_published(outlet: str, atts: list[Attribution]) -> str | None:
    """The outlet of a page whose opening has it announce in its own name ("Vellmar Group today
    announced ..."): a press release or statement, not a news report (a news outlet never counts)."""
    if is_media_name(outlet):
        return None
    mine = set(outlet.casefold().split())
    for a in atts:
        theirs = set(a.mention.casefold().split()) - {"the"}
        if a.kind in {"subject", "inverted"} and theirs and (theirs <= mine or mine <= theirs):
            return outlet
    return None
