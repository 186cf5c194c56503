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
from datetime import date
from functools import lru_cache
from itertools import pairwise

from analyzer.extract.attribution import Attribution
from analyzer.extract.dates import find_dates
from analyzer.extract.discourse import Discourse
from analyzer.extract.vocab import is_media_name

__all__ = [
    "PUBLISHER_REACH",
    "interview_labels",
    "is_release",
    "is_transcript",
    "self_published",
    "take_turn",
]

# a heading line of its own near the top: "PRESS RELEASE", "Press note No. 1184", "MEDIA STATEMENT"
_RELEASE_HEADER_RE = re.compile(
    r"^[^\S\n]*(?:(?:press|media|news)[^\S\n]+(?:note|release|statement)|for[^\S\n]+immediate[^\S\n]+release)"
    r"(?:[^\S\n]+no\.?[^\S\n]*\d{1,6})?[^\S\n]*:?[^\S\n]*$",
    re.IGNORECASE | re.MULTILINE,
)
_RELEASE_HEAD_CHARS = 600
# the closing matter of an organisation's own statement, on a line of its own: "About SGI: The ... is a
# non-profit", "Notes to editors", "ENDS", "###", "Media contact: ..."
_RELEASE_TAIL_RE = re.compile(
    r"^[^\S\n]*(?:[Aa]bout[^\S\n]+(?:[Tt]he[^\S\n]+)?(?P<about>[A-Z][\w&'’.\-]*(?:[^\S\n]+[A-Z][\w&'’.\-]*){0,5})[^\S\n]*:"
    r"|(?i:notes?[^\S\n]+(?:to|for)[^\S\n]+editors?)\b|-*[^\S\n]*ENDS[^\S\n]*-*[^\S\n]*$|\#\#\#[^\S\n]*$"
    r"|(?i:(?:media|press)[^\S\n]+(?:contacts?|enquiries|inquiries))[^\S\n]*:)",
    re.MULTILINE,
)
_RELEASE_TAIL_CHARS = 3000

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
# an interview's labels in mixed case, each opening a paragraph: "Dr Kamau-Otieno: ...", "The Ledger: ...", "Q: ..."
_MIXED_TURN_LINE_RE = re.compile(
    r"^(?P<label>[A-Z][\w'’\-]{0,30}\.?(?:[^\S\n]+[A-Z][\w'’\-]{0,30}\.?){0,3}):[^\S\n]+(?P<rest>[^\n]*)",
    re.MULTILINE,
)
_INTERVIEW_SWITCHES = 3  # alternations of the two labels that make an interview
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
    if interview_labels(text) is not None:
        return True
    questions = sum(n for label, n in counts.items() if _QUESTION_LABELS & set(label.split()))
    speakers = [n for label, n in counts.items() if not _QUESTION_LABELS & set(label.split())]
    return bool(speakers) and (
        max(speakers) >= 2 or (questions >= 1 and len(speakers) >= 1 and sum(speakers) >= 2)
    )


@lru_cache(maxsize=8)
def interview_labels(text: str) -> tuple[str, str] | None:
    """The questioner's and the answerer's labels of an interview written as alternating paragraphs under
    mixed-case labels ("The Ledger: How many? / Dr Ruiz: About 40."), or None. The questioner is a question
    label ("Q"), else the side whose turns ask more questions, else the side that speaks first.

    >>> interview_labels("The Ledger: How many?\\nDr Ruiz: Forty.\\nThe Ledger: And now?\\nDr Ruiz: Fifty.")
    ('The Ledger', 'Dr Ruiz')
    >>> interview_labels("Update: 40 died.\\nPhoto: The dam.\\nUpdate: 50 died.\\nPhoto: The road.") is None
    True
    """
    if text.count(": ") < _INTERVIEW_SWITCHES + 1:
        return None  # too few labels for an interview: no need to read the lines
    labels: list[str] = []
    asks: Counter[str] = Counter()
    for m in _MIXED_TURN_LINE_RE.finditer(text):
        label = m.group("label")
        words = _label_words(label)
        if " ".join(words) in _NOT_SPEAKER_LABELS or (label.isupper() and not _QUESTION_LABELS & set(words)):
            continue  # labels in capitals are a transcript's, read by is_transcript
        labels.append(label)
        asks[label] += "?" in m.group("rest")
    counts = Counter(labels).most_common(2)
    if len(counts) < 2 or counts[1][1] < 2:
        return None
    pair = {counts[0][0], counts[1][0]}
    switches = sum(1 for a, b in pairwise(labels) if a != b and {a, b} == pair)
    if switches < _INTERVIEW_SWITCHES:
        return None
    first, second = sorted(pair, key=labels.index)
    question = [p for p in (first, second) if _QUESTION_LABELS & set(_label_words(p))]
    if len(question) == 1:
        asker = question[0]
    elif asks[second] > asks[first]:
        asker = second
    else:
        asker = first
    return asker, second if asker == first else first


# the sentence that introduces an interview: "X spoke to The Ledger on Tuesday", "... said in an interview"
_INTERVIEW_INTRO_RE = re.compile(
    r"\b(?:spoke|talked)\s+(?:to|with)\b|\binterviewed\b|\bin\s+an\s+interview\b|\binterview\s+(?:took\s+place|was)\b"
)
_INTRO_CHARS = 800


@lru_cache(maxsize=8)
@lru_cache(maxsize=64)  # asked once for each claim of a page
def interview_date(text: str, published: date | None) -> date | None:
    """The day an interview was given, as the paragraph before its first question dates it ("X spoke to
    The Ledger on Tuesday"): its answers are said on that day, not on the page's.

    >>> page = "Dr Ruiz spoke to The Ledger on Tuesday.\\nThe Ledger: How many?\\nDr Ruiz: 40.\\n" * 2
    >>> interview_date(page, date(2026, 4, 22))
    datetime.date(2026, 4, 21)
    """
    labels = interview_labels(text)
    if labels is None or published is None:
        return None
    first = re.search(rf"^{re.escape(labels[0])}:", text, re.MULTILINE)
    if first is None:
        return None
    before = text[max(0, first.start() - _INTRO_CHARS) : first.start()]
    intro = _INTERVIEW_INTRO_RE.search(before)
    if intro is None:
        return None
    start = max(before.rfind(". ", 0, intro.start()), before.rfind("\n", 0, intro.start())) + 1
    end = min(
        (i for i in (before.find(". ", intro.end()), before.find("\n", intro.end())) if i >= 0),
        default=len(before),
    )
    found = [d.value for d in find_dates(before[start:end], published) if d.value is not None and not d.vague]
    return found[0] if len(found) == 1 else None


def take_turn(text: str, state: Discourse) -> None:
    """A paragraph opened by a label hands the floor to its speaker; a question's label to nobody."""
    interview = interview_labels(state.text) if state.text else None
    if interview is not None:
        asker, answerer = interview
        if text.startswith(f"{asker}:"):
            state.turn = state.turn_label = None
        elif text.startswith(f"{answerer}:"):
            state.turn = state.turn_label = answerer
        return
    m = _TURN_RE.match(text)
    if m is None:
        return
    words = _label_words(m.group("label"))
    if " ".join(words) in _NOT_SPEAKER_LABELS:
        return
    if _QUESTION_LABELS & set(words):
        state.turn = state.turn_label = None
        return
    if m.group("label").isupper() and _dateline(state.text, m.group("label")):
        return
    state.turn_label = m.group("label").strip()
    state.turn = " ".join(w.capitalize() for w in state.turn_label.split())


_DATELINE_CHARS = 600  # how far into a page a dateline opens its first paragraph


def _dateline(text: str, label: str) -> bool:
    r"""Whether the capitalised ``label`` opening a paragraph is the page's dateline ("DHAKA: A fire at ..."),
    no speaker's turn: it opens one paragraph only (or the same lead twice: a teaser and the story), near the
    top, and no other label opens one.

    >>> _dateline("Fire kills 8\n\nDHAKA: A fire killed 8 people.\n\nPolice said 3 were held.", "DHAKA")
    True
    >>> _dateline("MAYOR: We found 8.\n\nREPORTER: Where?\n\nMAYOR: In the north.", "MAYOR")
    False
    >>> _dateline("MAYOR: We found 8.\n\nMAYOR: Then 4 more.", "MAYOR")
    False
    """
    return _page_dateline(text) == label


@lru_cache(maxsize=64)
def _page_dateline(text: str) -> str | None:
    """The page's dateline label, if it has one (:func:`_dateline`): one scan of a page, however many of its
    paragraphs open with a label."""
    found = []
    leads = set()
    for m in _TURN_LINE_RE.finditer(text):
        if m.group("label").isupper():
            found.append(m)
            leads.add(text[m.start() : m.end() + 40])
            if len(leads) > 1:
                return None
    if len(leads) == 1 and found[0].start() < _DATELINE_CHARS:
        return found[0].group("label")
    return None


def is_release(text: str, outlet: str | None) -> bool:
    """A page headed "PRESS RELEASE" / "PRESS NOTE No. 12" / "MEDIA STATEMENT" on a line of its own near its
    top, published by a body that is no news outlet: the publisher speaks in its own name.

    >>> is_release("CITY OF ORMOND\\nPRESS NOTE No. 12\\nThe city today said 40 roads were shut.", "City of Ormond")
    True
    >>> is_release("Media Statements | Speeches\\nThe minister said 40.", "Ministry of Roads")
    False

    Its closing matter marks it too, when the header is gone: "About <the publisher>:", "Notes to editors",
    "ENDS", "Media contact:".

    >>> is_release("We counted 19 deaths.\\nAbout RAG: The Roads Action Group is a charity.", "Roads Action Group")
    True
    >>> is_release("We counted 19.\\nAbout Ormond: The town has 4,000 people.", "Roads Action Group")
    False
    """
    if not outlet or is_media_name(outlet):
        return False
    if _RELEASE_HEADER_RE.search(text, 0, _RELEASE_HEAD_CHARS) is not None:
        return True
    for m in _RELEASE_TAIL_RE.finditer(text, max(0, len(text) - _RELEASE_TAIL_CHARS)):
        about = m.group("about")
        if about is None or _names_publisher(about, outlet):
            return True
    return False


def _names_publisher(name: str, outlet: str) -> bool:
    """Whether "About X:" is about the page's publisher: its words, or its initials ("SGI").

    >>> [_names_publisher(n, "Safe Gatherings Initiative") for n in ("SGI", "Safe Gatherings", "Ormond")]
    [True, True, False]
    """
    words = [
        w for w in re.findall(r"[\w&'’\-]+", outlet) if w.lower() not in {"the", "of", "and", "for", "&"}
    ]
    theirs = set(name.casefold().split()) - {"the"}
    if theirs and theirs <= {w.casefold() for w in words}:
        return True
    return name.isupper() and name == "".join(w[0] for w in words).upper()


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
