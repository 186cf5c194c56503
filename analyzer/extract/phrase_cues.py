"""Cues that name a speaker without a verb of their own: "according to X", "reported by X", "by X's
count", "X's own tally stood at", a speaker before a colon and a quote, and the sources a cue cites
("..., citing hospital records").

>>> text = "At least 40 died, according to the regional health office."
>>> [(a.mention, a.cue) for a in phrase_cues(text, frozenset(), frozenset(text.lower().split()))]
[('the regional health office', 'according to')]
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Set as AbstractSet

from analyzer.extract.cues import AUTHORING_PARTICIPLES, INFO_NOUNS, Attribution, make_attribution
from analyzer.extract.speaker_phrases import carried_information, subject_before
from analyzer.extract.tokens import (
    MONTHS,
    QUOTES,
    WEEKDAYS,
    Token,
    np_head,
    phrase_after,
    phrase_before,
    span_text,
    tokenize,
)
from analyzer.extract.vocab import (
    AGENT_NOUNS,
    DATA_STATUS_WORDS,
    INSTITUTION_NOUNS,
    MEDIA_NOUNS,
    is_media_name,
)
from analyzer.patterns import prefixed

__all__ = ["attach_citing", "colon_cue", "phrase_cues"]

_ACCORDING_RE = prefixed(
    "api", r"\b(?:according\s+to|per|as\s+reported\s+by|in\s+the\s+words\s+of)\s+", re.IGNORECASE
)
_CITING_RE = re.compile(r",?\s*\b(?:citing|quoting|sourcing)\s+", re.IGNORECASE)
# in every match of _CITING_RE: where it is absent, no cue cites anything
_CITING_WORD_RE = prefixed("cqs", r"\b(?:citing|quoting|sourcing)\s+", re.IGNORECASE)
_COUNT_RE = re.compile(
    r"\b(?:by|in|from)\s+(?P<np>(?:the\s+)?[\w.'’\- ]{2,60}?)(?:'s|’s)?\s+"
    r"(?:own\s+)?(?-i:count|estimate|estimates|tally|figures|reckoning|numbers|calculations?)\b",
    re.IGNORECASE,
)  # the noun in lower case: "In Need As Government Disputes Figures" is a headline, not a count
# "<X>'s (own) count stood at": the possessor of a count is who counted; the cue is found first (from its
# "'s"), then its possessor in the 61 characters before (_OWNER_BEFORE_RE): no scan from every word
_OWN_COUNT_RE = re.compile(
    r"(?:'s|’s|\b(?P<pron>[Ii]ts|[Tt]heir))\s+(?P<cue>(?:own\s+|latest\s+|official\s+|internal\s+)?"
    r"(?:count|tally|estimate|figures|reckoning|calculations?|data|statistics"
    r"|(?<=own )(?:number|figure)|(?<=latest )(?:number|figure)|(?<=official )(?:number|figure))"
    # "its own tally of calls from members showed", "X's own count, published on its map on Friday, was"
    r"(?:\s+(?:of|from|on|for)\s+[\w'’\-]+(?:\s+[\w'’\-]+)??){0,2}(?:,(?:[^,.;\d]|\d{1,2}(?:st|nd|rd|th)\b){1,60},)?\s+"
    r"(?:stood|stands|was|were|is|reached|rose|climbed|showed|shows|show|suggest|suggests|suggested|indicate|"
    r"indicates|indicated)(?=\s+that\b|\s+(?:at\s+|to\s+)?(?:[a-z]+\s+){0,2}[\d$€£])"  # a figure, a clause
    # "the company's own count puts the number of patients at about 410,000"
    r"|(?:own\s+|latest\s+|official\s+|internal\s+)?(?:count|tally|estimate|figures|reckoning|calculations?|data)"
    r"\s+(?:puts|put|places|placed)(?=\s(?:[^.;:]|\.(?=\S|\s+[a-z\d])){0,100}?\bat\s+(?:[a-z]+\s+){0,2}[\d$€£]))\b"
)
# "the provincial tally", "the overall count": a determiner and lower-case modifiers only, no counter named
_NARRATED_TALLY_RE = re.compile(r"(?:[Tt]he|an?|its|their)(?:\s+[a-z][a-z\-]*){1,2}")
_OWNER_BEFORE_RE = re.compile(r"\b[A-Za-z][\w.'’\- ]{1,60}$")
# "Figures from the National Statistics Office show ...": the named source of the data speaks through them
_DATA_FROM_RE = re.compile(
    r"\b(?i:figures|data|statistics|numbers|estimate|estimates|count|tally)\s+"
    r"(?:(?:compiled|published|released|supplied|provided|issued)\s+)?(?:from|by)\s+"
    # "data compiled by motoring group Fuel Watch show": a lower-case descriptor before the name
    r"(?:(?:the\s+)?(?!the\s)[a-z]+\s+(?:[a-z]+\s+)?(?=[A-Z]))?"
    r"(?P<np>(?:the\s+)?[A-Z][\w.&'’\-]*(?:\s+(?:[A-Z][\w.&'’\-]*|of|for|and|on)){0,8}?)"
    # "Figures from X, seen by The Ledger, show": who read them is no source
    r"(?:\s+\([A-Z][A-Za-z]{1,9}\))?"  # "the Metropolitan Police Service (MPS)"
    r"(?:\s*,\s*(?:seen|obtained|reviewed)\s+by\s+[^,;.]{1,60},)?"
    r"\s+(?P<cue>show|shows|showed|suggest|suggests|suggested|indicate|indicates|indicated"
    # "the official estimate from X was that between 110,000 and 150,000 ...": a copula before a figure
    r"|(?:was|is|were|are|stood)(?=\s+(?:that\s|at\s|(?:about|around|some|roughly|between|nearly|almost|over)\s+)?[\d$€£]"
    r"|\s+that\s))\b"
)
_DATE_WORDS = frozenset(MONTHS) | frozenset(WEEKDAYS)
# "the latest Home Office figures show 210 people ...": a name modifying the data noun is its source
_NAME_DATA_RE = re.compile(
    r"(?<![\w'’.&\-])(?P<np>[A-Z][\w.&'’\-]*(?:\s+(?:[A-Z][\w.&'’\-]*|of|for|and|on)){0,5}?)"
    r"\s+(?:figures|data|statistics)\s+(?P<cue>show|shows|showed|suggest|suggests|suggested|indicate|indicates"
    r"|indicated)(?=\s+that\b|\s+(?:[a-z]+\s+){0,2}[\d$€£])"
)
_WORD_RE = re.compile(r"\S+")
# "Mr Arah's statement said 150 people had been rescued": the owner of the document speaks through it
_OWN_DOCUMENT_RE = re.compile(
    r"(?:'s|’s)\s+(?:(?:latest|earlier|new|written|own|official|initial|first|second)\s+)?"
    r"(?:statement|report|bulletin|update|release|announcement|letter|communique)\s+"
    r"(?P<cue>said|says|stated|states|added|adds|noted|notes|read|reads|showed|shows|put|puts)\b"
)
_DOCUMENT_WORDS = frozenset(
    {"statement", "report", "bulletin", "update", "release", "announcement", "letter", "communique"}
)
_DATA_PREPOSITIONS = frozenset(
    {"in", "on", "at", "by", "from", "for", "with", "as", "across", "under", "after"}
)
# what opens such a phrase without naming anyone: "New figures show", "Official data showed"
_DATA_ADJECTIVES = DATA_STATUS_WORDS | frozenset(
    {"the", "these", "those", "its", "their", "but", "and", "yet", "however", "meanwhile", "government", "state",
     "federal", "local", "national", "regional"}
)  # fmt: skip
_FOR_THE_RE = re.compile(
    r"\bfor\s+(?P<np>the\s+[A-Za-z'’\-]+(?:\s+[A-Za-z'’\-]+){0,3}?)(?=\s*(?:[,.;)]|$|\band\b|\bit\s+was\b|\bthere\s+were\b))",
    re.IGNORECASE,
)
_VOICE_BEFORE_RE = re.compile(
    r"\b(?:spokes(?:person|man|woman|people)|officials?|lawyers?|representatives?)\s+$"
)
_PHRASE_WINDOW = 300
# what a count gives out: "according to (the) official results" names no one unless an author follows
_RESULT_NOUNS = INFO_NOUNS | {"results", "result"}
# an unnamed source known by what it knows: "two people familiar with the matter", "sources close to the club"
_FAMILIAR_RE = re.compile(
    r"(?:(?:two|three|four|five|six|several|some|a\s+few|\d{1,2})\s+)?(?:[a-z][\w\-]*\s+)?"
    r"(?:people|persons|sources|officials|insiders|executives|diplomats)\s+(?:(?:directly\s+)?familiar\s+with"
    r"|close\s+to|briefed\s+on|with\s+(?:direct\s+)?knowledge\s+of|involved\s+in|aware\s+of)\s+"
    r"(?:the|a|an|its|their|his|her)\s+(?:[\w'’\-]+\s+){0,3}?[\w'’\-]+(?=\s*(?:[,;.)]|$)|\s+(?:that|who|and|as)\b)"
    # "according to two people who were in the room": witnesses described by a short relative clause
    r"|(?:(?:two|three|four|five|six|several|some|a\s+few|\d{1,2})\s+)?(?:people|persons|sources|officials)"
    r"\s+who\s+(?:were|was|had\s+been|attended|took\s+part|saw|witnessed)(?:\s+[\w'’\-]+){1,6}?(?=\s*(?:[,;.)]|$))"
)
_COUNT_WORDS = frozenset(
    {
        "count",
        "estimate",
        "estimates",
        "tally",
        "figures",
        "reckoning",
        "numbers",
        "calculation",
        "calculations",
        "data",
        "statistics",
    }
)
_PHRASE_TRIGGERS = _COUNT_WORDS | {"according", "per", "as", "words", "by"}
_OWN_NUMBER_WORDS = frozenset(
    {"number", "figure"}
)  # "X's latest number is 96,300": only after own/latest/official
_PASSIVE_BY_RE = prefixed(
    "ragcepiqlfds",
    r"\b(?:reported|announced|given|cited|estimated|counted|recorded|confirmed|released|published|provided|shared|"
    r"issued|compiled|quoted|claimed|forecast|forecasted)\s+(?:to\s+(?:the\s+)?(?:reporters|journalists|press|media|parliament)\s+)?"
    # "a count of 41 provided Tuesday by X", "released on Monday by X": the day it was given comes between
    r"(?:(?:on\s+|late\s+|early\s+)?(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s+)?"
    r"by\s+"
    # "were reported missing by X", "reported ashore by", "confirmed dead by", "listed as missing by": the
    # state the figure was reported in, then its reporter
    r"|\b(?:reported|confirmed|declared|listed|presumed)\s+(?:as\s+)?"
    r"(?:(?!(?:by|and|or|but|that|which|who|the|an?|to|in|at|on|for|from|with|of)\b)[a-z]+\s+){1,2}by\s+",
    re.IGNORECASE,
)
# "according to the director of the hospital, Dr. Ana Lind, ...": the person the description names
_APPOSED_NAME_RE = re.compile(
    r"\s*,\s*(?P<name>(?:(?:Dr|Mr|Mrs|Ms|Prof|Gen|Col|Capt|Cmdr|Insp|Sgt|Lt)\.?\s+)?"
    r"[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+){1,3})\s*,"
)
_WHO_CITED_RE = re.compile(r"\s*,\s*(?:which|who)\s+(?:cited|quoted)\s+([^,.;]{2,60})")
_PHRASE_ENDING_VERBS = frozenset(
    {"show", "shows", "showed", "suggest", "suggests", "indicate", "indicates", "put", "puts"}
)


# Where a body publishes its figures: "according to the department's school monitoring app" (the department)
_CHANNEL_NOUNS = frozenset(
    {"website", "site", "app", "dashboard", "portal", "database", "tracker", "feed", "account", "page", "map"}
)


def _channel_at(toks: list[Token], k: int) -> bool:
    """Whether token ``k``, or one of the three lower-case words after it, is a channel noun ("the
    department's school monitoring app").

    >>> from analyzer.extract.tokens import tokenize
    >>> _channel_at(tokenize("the department's school monitoring app."), 3)
    True
    """
    for j in range(k, min(k + 4, len(toks))):
        t = toks[j]
        if t.low in _CHANNEL_NOUNS:
            return True
        if not t.is_word or t.is_capitalised:
            return False
    return False


def _phrase_at(text: str, pos: int, known: frozenset[str], kind: str, cue_start: int) -> Attribution | None:
    """The speaker phrase that starts at character ``pos`` ("according to <X>")."""
    rest = text[pos : pos + _PHRASE_WINDOW]  # a speaker's name is short: read a bounded window
    familiar = _FAMILIAR_RE.match(rest)
    if familiar is not None:
        mention = familiar.group()
        return Attribution(
            mention, pos, pos + len(mention), text[cue_start:pos].strip(), cue_start, pos, kind
        )
    toks = tokenize(rest)
    span = _opening_phrase(toks)
    if span is None:
        return None
    if span[1] < len(toks) and toks[span[1] - 1].low == "official" and toks[span[1]].low in _RESULT_NOUNS:
        span = (span[0], span[1] + 1)  # "according to official figures": an adjective, no official speaks
    cue = text[cue_start:pos].strip()
    owns = _owns_info_after(toks, span[1])
    if owns:
        span = (span[0], span[1] + 1)  # "the Flood Agency's (FA) daily situation report": the owner speaks
    of = span[1] - 1 if toks[span[1] - 1].low == "of" else span[1]
    if of < len(toks) - 1 and of > span[0] and toks[of].low == "of" and toks[of - 1].low in _RESULT_NOUNS:
        k = of + 1 + (toks[of + 1].low == "the")
        tail = phrase_after(toks, of + 1) if k < len(toks) and toks[k].is_capitalised else None
        if tail is not None:
            span = (span[0], tail[1])  # "the latest report of the Disaster Centre": trimmed to its author
    span = _trim_front(toks, span)
    head = toks[span[1] - 1]
    owner = span[1] - 1 if owns else None
    if owner is None:
        owner = next((k for k in range(span[1] - 2, span[0] - 1, -1) if toks[k].is_possessive), None)
    if owner is not None and (owns or head.low in _RESULT_NOUNS or _channel_at(toks, span[1] - 1)):
        # "according to the housing ministry's own data": the owner of the data
        mention = rest[toks[span[0]].start : toks[owner].end].rstrip("s").rstrip("'’")
        a, b = toks[span[0]].start, toks[span[0]].start + len(mention)
        return Attribution(
            mention, pos + a, pos + b, cue, cue_start, pos, kind, is_media_name(mention, known)
        )
    first = span[0] + 1 if toks[span[0]].low in ("a", "an", "the") else span[0]
    if (
        first + 1 < span[1]
        and toks[first].low in INFO_NOUNS
        and toks[first + 1].low in _AFTER_AN_INFO_NOUN
        and not any(t.is_capitalised for t in toks[span[0] : span[1]])
    ):
        return None  # "according to a note to clients", "a memo seen by reporters": no author named
    if head.low in _RESULT_NOUNS and not any(t.is_capitalised for t in toks[span[0] : span[1]]):
        author = _author_after(toks, span[1])
        if author is None:
            # "According to the statement, five ...": the statement of the source named before (discourse
            # resolves it, as "The statement also said"); "according to a statement" names no one
            opens = not text[:cue_start].strip()
            return _definite_info(rest, toks, span, pos, cue, cue_start, kind) if opens else None
        span = author
    if span[1] - span[0] > 1 and toks[span[1] - 1].low == "of" and span[1] < len(toks):
        tail = phrase_after(toks, span[1])  # "the director of the hospital": the phrase goes on after "of"
        span = (span[0], tail[1]) if tail is not None else (span[0], span[1] - 1)
    mention, a, b = span_text(rest, toks, span)
    named = _APPOSED_NAME_RE.match(rest, b) if _names_a_person(toks, span) else None
    if named is not None:
        mention, a, b = named.group("name"), named.start("name"), named.end("name")
    m = _WHO_CITED_RE.match(rest[b:])
    cited = (m.group(1).strip(),) if m else ()
    return Attribution(
        mention=mention,
        start=pos + a,
        end=pos + b,
        cue=cue,
        cue_start=cue_start,
        cue_end=pos,
        kind=kind,
        media=is_media_name(mention, known),
        citing=cited,
    )


def _definite_info(
    rest: str, toks: list[Token], span: tuple[int, int], pos: int, cue: str, cue_start: int, kind: str
) -> Attribution | None:
    """The cue of a sentence opened by "According to the (latest) <statement/report/data>," with no author,
    when the noun ends its phrase: the mention "the statement" is carried to its source by discourse.

    >>> att = _definite_info("the statement, five", tokenize("the statement, five"), (0, 2), 13, "according to", 0, "according")
    >>> att.mention, att.start, att.end
    ('the statement', 13, 26)
    >>> _definite_info("a statement, five", tokenize("a statement, five"), (0, 2), 13, "according to", 0, "according") is None
    True
    """
    if not carried_information(toks, span):
        return None
    if span[1] < len(toks) and toks[span[1]].is_word:
        return None  # "according to the report released by ...", "the statement on its website"
    mention, a, b = span_text(rest, toks, span)
    return Attribution(mention, pos + a, pos + b, cue, cue_start, pos, kind)


# "the latest/most recent X update", "the report of X": words before the name that are not the speaker's
_RECENCY_WORDS = frozenset(
    {"latest", "recent", "newest", "updated", "current", "preliminary", "provisional", "daily", "weekly"}
)


def _owns_info_after(toks: list[Token], k: int) -> bool:
    """Whether token ``k`` is a capitalised possessive whose noun, past a parenthesised acronym and up to four
    lower-case words, is an information or channel noun ("Agency's (FA) daily flood situation report").

    >>> from analyzer.extract.tokens import tokenize
    >>> toks = tokenize("the Flood Agency’s (FA) daily situation report says")
    >>> _owns_info_after(toks, 2), _owns_info_after(tokenize("the Flood Agency’s chief, Ana Lind"), 2)
    (True, False)
    """
    if k >= len(toks) or not toks[k].is_possessive or not toks[k].is_capitalised:
        return False
    j = k + 1
    if j + 2 < len(toks) and toks[j].text == "(" and toks[j + 2].text == ")":
        j += 3
    for t in toks[j : j + 5]:
        if t.low in INFO_NOUNS or t.low in _CHANNEL_NOUNS:
            return True
        if not t.is_word or t.is_capitalised:
            return False
    return False


def _trim_front(toks: list[Token], span: tuple[int, int]) -> tuple[int, int]:
    """The span without the recency adjectives or the information noun before a name: "the latest Flood
    Agency" and "the report of Flood Agency" are the Flood Agency."""
    i, end = span
    if i < end and toks[i].low in ("the", "a", "an"):
        i += 1
    start = i
    while i < end and (
        toks[i].low in _RECENCY_WORDS
        or (toks[i].low == "most" and i + 1 < end and toks[i + 1].low == "recent")
    ):
        i += 1
    if i + 2 < end and toks[i].low in INFO_NOUNS and toks[i + 1].low in ("of", "from", "by"):
        i += 2
        if toks[i].low == "the" and i + 1 < end:
            i += 1
    if i == start or i >= end or not toks[i].is_capitalised or not toks[i].is_word:
        return span
    return (i, end)


def _names_a_person(toks: list[Token], span: tuple[int, int]) -> bool:
    """A description of one person by role: "the director of the hospital", "the spokesman" (not "police",
    "the ministry", "local radio", a name)."""
    words = toks[span[0] : span[1]]
    cut = next((k for k, t in enumerate(words) if t.low == "of"), len(words))
    head = words[cut - 1] if cut > 0 else words[-1]
    return (
        not head.is_capitalised
        and head.low in AGENT_NOUNS
        and head.low not in INSTITUTION_NOUNS
        and head.low not in MEDIA_NOUNS
        and not head.low.endswith("s")
        and head.low != "police"
    )


def _opening_phrase(toks: list[Token]) -> tuple[int, int] | None:
    """The noun phrase that opens ``toks``, up to a verb after it, or an information noun alone."""
    span = phrase_after(toks, 0)
    if span is not None:
        # "published by the environment agency show chlorine levels": the phrase ends before a verb
        cut = next((k for k in range(span[0] + 1, span[1]) if toks[k].low in _PHRASE_ENDING_VERBS), None)
        if cut is not None and np_head(toks[cut - 1]):
            span = (span[0], cut)
        return span
    if toks and toks[0].low in INFO_NOUNS:
        return (0, 1)  # "according to figures from the agency"
    return None


def _author_after(toks: list[Token], after: int) -> tuple[int, int] | None:
    """The author of an information noun that ends before token ``after``: "according to a report by the
    ministry" (the ministry); "according to a report it published": the pronoun is a cue of its own;
    "according to the latest figures": no one."""
    if after + 2 < len(toks) and toks[after].low in AUTHORING_PARTICIPLES and toks[after + 1].low == "by":
        after += 1  # "according to a manifest released by the coast guard": its author
    if after + 1 < len(toks) and toks[after].low in {"by", "from"}:
        return phrase_after(toks, after + 1)
    return None


# "The data also showed 191 ...", "The notification further read, ...", "The table released on Monday shows that":
# an ownerless information noun opening the sentence carries on the source named before (discourse resolves it)
_CARRIED_INFO_RE = re.compile(
    r"(?:(?:However|But|And|Meanwhile),?\s+)?(?P<np>[Tt]he\s+(?:(?:latest|new|updated|official|final|same)\s+)?"
    r"(?:data|figures|statistics|table|report|notification|bulletin|statement|survey|study|release|note))"
    # "also", or a modifier opened by a participle or a preposition: "representing the statistics,"
    r"(?:\s+(?:also|further|again|(?:[a-z]+(?:ed|ing)|of|on|for|from|in|with|by)(?:\s+[a-z]+){0,4}?))?,?"
    r"\s+(?P<cue>show|shows|showed|suggest|suggests|suggested|indicate"
    r"|indicates|indicated|read|reads|stated|states|noted|notes|added|adds)\b"
    r"(?=\s*,?\s*[\"“]|\s+that\b|\s+(?:[A-Za-z\-]+\s+){0,3}?[\d$€£])"
)


_CARRIED_OPENINGS = ("The ", "However", "But ", "And ", "Meanwhile")


_SAYING_BEFORE = frozenset({"said", "says", "told", "tells", "added", "adds", "say"})
# "X stood by its figure of 2,600 barrels": X keeps asserting the figure
_STOOD_BY_RE = re.compile(
    r"\b(?P<cue>stood|stands|stand|sticks|stick|stuck)\s+(?:by|with|to)\s+"
    r"(?:(?:its|their|his|her|the)\s+(?:own\s+|earlier\s+|original\s+|initial\s+)?"
    r"(?:figures?|estimates?|counts?|tally|numbers?|total)\s+of\s+)?(?:about\s+|some\s+|around\s+)?[\d$€£]"
)
_AFTER_AN_INFO_NOUN = frozenset({"to", "seen", "obtained", "sent", "circulated", "dated", "shared", "for"})
_STICK_WORDS = frozenset({"stood", "stands", "stand", "sticks", "stick", "stuck"})


def _stood_by(text: str, known: frozenset[str]) -> list[Attribution]:
    """The subject of "stood by its figure of N": who still asserts N.

    >>> [a.mention for a in _stood_by("The operator, Kelm Oil, stood by its figure of 2,600 barrels.", frozenset())]
    ['Kelm Oil']
    """
    m = _STOOD_BY_RE.search(text)
    clause = text[text.rfind(";", 0, m.start()) + 1 : m.start()] if m is not None else ""
    if m is None or not _SAYING_BEFORE.isdisjoint(clause.lower().split()):
        return []  # "Ana Lind says the association stands by its figure of ...": what she says
    tokens = tokenize(text)
    verb = next((k for k, t in enumerate(tokens) if t.start == m.start("cue")), -1)
    found = subject_before(text, tokens, verb) if verb > 0 else None
    if found is None:
        return []
    return [make_attribution(text, tokens, found[0], tokens[verb], "subject", known, found[1])]


def _carried_info_cue(text: str) -> Attribution | None:
    """The cue of a sentence opened by an ownerless information noun and a verb of showing or reading: "The
    data also showed 191 ..." (the source named before, whom discourse finds).

    >>> _carried_info_cue("The data also showed 191 more cases.").mention
    'The data'
    >>> _carried_info_cue("The data centre showed losses.") is None
    True
    """
    m = _CARRIED_INFO_RE.match(text)
    if m is None:
        return None
    np = m.group("np")
    return Attribution(
        np, m.start("np"), m.end("np"), m.group("cue"), m.start("cue"), m.end("cue"), "subject"
    )


def phrase_cues(text: str, known: frozenset[str], words: AbstractSet[str]) -> list[Attribution]:
    """ "according to X", "reported by X", "by X's count": phrases that name a speaker without a verb.

    ``words`` are the sentence's lower-case words: a phrase whose trigger word is absent is not looked for.
    """
    out: list[Attribution] = []
    if not _STICK_WORDS.isdisjoint(words) and ("by" in words or "with" in words or "to" in words):
        out += _stood_by(text, known)
    if ("'s " in text or "’s " in text) and not words.isdisjoint(_DOCUMENT_WORDS):
        out += _own_documents(text, known)
    if text.startswith(_CARRIED_OPENINGS):
        carried = _carried_info_cue(text)
        if carried is not None:
            out.append(carried)
    if not words & _PHRASE_TRIGGERS:
        if not words.isdisjoint(_OWN_NUMBER_WORDS) and ("'s" in text or "’s" in text):
            out += [a for a in _own_counts(text, known) if a is not None]  # "the utility's latest number is"
        return out
    # (matches of these two cannot start inside one another: each is found where it starts, group m)
    # (every match of _PASSIVE_BY_RE has "by" as a word of its own, between spaces: no scan without it)
    for pattern in (_ACCORDING_RE, _PASSIVE_BY_RE) if "by" in words else (_ACCORDING_RE,):
        for m in pattern.finditer(text):
            att = _phrase_at(text, m.end("m"), known, "according", m.start())
            if att is not None:
                out.append(att)
    if words & _COUNT_WORDS:
        out += _count_cues(text, known)
    elif not words.isdisjoint(_OWN_NUMBER_WORDS) and ("'s" in text or "’s" in text):
        out += [a for a in _own_counts(text, known) if a is not None]
    if any(a.kind == "count" for a in out):
        for m in _FOR_THE_RE.finditer(text):
            if _VOICE_BEFORE_RE.search(text, max(0, m.start() - 20), m.start()):
                continue  # "a spokesperson for the office confirmed": a speaker's phrase, read as one
            np = m.group("np")
            out.append(Attribution(np, m.start("np"), m.end("np"), "for", m.start(), m.start("np"), "count"))
    return out


def _count_cues(text: str, known: frozenset[str]) -> list[Attribution]:
    """Who counted: "by the organisers' count", "in the ministry's estimate"."""
    found = [
        _count_cue(m, m.group("np").rstrip("'’"), m.start("np"), 0, known, False)
        for m in _COUNT_RE.finditer(text)
        # "not yet in the official count": an adjective, no counter (but "by one official's count")
        if not (
            m.group("np").lower().endswith(" official") and text[m.end("np") : m.end("np") + 1] not in "'’"
        )
    ]
    if "'s" in text or "’s" in text or "ts " in text or "eir " in text:  # "The ministry's own count stood at"
        found += _own_counts(text, known)
    if " show" in text or " suggest" in text or " indicate" in text:
        found += _name_data(text, known)
    for m in _DATA_FROM_RE.finditer(text):
        np = m.group("np")
        if np.split()[-1].lower() in _DATE_WORDS:
            continue  # "the figures from Monday show": a day, no source
        media = is_media_name(np, known)
        found.append(
            Attribution(
                np, m.start("np"), m.end("np"), m.group("cue"), m.start("cue"), m.end("cue"), "subject", media
            )
        )
    return [a for a in found if a is not None]


def _name_data(text: str, known: frozenset[str]) -> list[Attribution]:
    """The body whose name modifies the figures that show a count: "the latest Home Office figures show 210
    people crossed" -> 'Home Office'; "Official figures show 30 ..." and "January figures showed" name no one.

    >>> [a.mention for a in _name_data("New Water Board data show 41 wells failed.", frozenset())]
    ['New Water Board']
    >>> [a.mention for a in _name_data("Latest Water Board data show 41 wells failed.", frozenset())]
    ['Water Board']
    >>> _name_data("Official figures show 30 people died.", frozenset())
    []
    """
    found: list[Attribution] = []
    for m in _NAME_DATA_RE.finditer(text):
        words = list(_WORD_RE.finditer(m.group("np")))
        if words[0].group().lower() in _DATA_PREPOSITIONS:
            continue  # "In London figures show": where they were counted
        drop = 0
        while drop < len(words) and words[drop].group().lower() in _DATA_ADJECTIVES:
            if (
                words[drop].group() == "New"
                and drop + 1 < len(words)
                and words[drop + 1].group()[0].isupper()
            ):
                break  # "New York Police Department figures": "New" opens the name
            drop += 1  # "Latest Water Board data": the adjective opens the sentence, the name follows
        if drop == len(words) or words[-1].group().lower() in _DATE_WORDS or words[drop].group()[0].islower():
            continue
        start = m.start("np") + words[drop].start()
        np = text[start : m.end("np")]
        found.append(
            Attribution(
                np, start, m.end("np"), m.group("cue"), m.start("cue"), m.end("cue"), "subject",
                is_media_name(np, known),
            )
        )  # fmt: skip
    return found


def _own_documents(text: str, known: frozenset[str]) -> list[Attribution]:
    """The owner of a statement or report that says something: "Mr Arah's statement said 150 ..." -> 'Mr
    Arah' (a name or an agent noun; "the storm's report" names no one).

    >>> [a.mention for a in _own_documents("The agency's statement said 150 were rescued.", frozenset())]
    ['The agency']
    >>> _own_documents("Monday's report said 150 were rescued.", frozenset())
    []
    """
    found: list[Attribution] = []
    for m in _OWN_DOCUMENT_RE.finditer(text):
        owner = _OWNER_BEFORE_RE.search(text, max(0, m.start() - 61), m.start())
        if owner is None or owner.group().split()[-1].lower() in _DATE_WORDS:
            continue
        att = _count_cue(m, owner.group(), owner.start(), "cue", known, True)
        if att is not None:
            found.append(dataclasses.replace(att, kind="subject"))
    return found


def _own_counts(text: str, known: frozenset[str]) -> list[Attribution | None]:
    """ "The health ministry's own count stood at 2,910": the possessor of each count cue.

    >>> [a.mention for a in _own_counts("The union's own count puts the total at 8,200.", frozenset()) if a]
    ['The union']
    """
    found: list[Attribution | None] = []
    for m in _OWN_COUNT_RE.finditer(text):
        if m.group("pron"):  # "its own tally ... showed": the pronoun's body, found in discourse
            found.append(
                Attribution(
                    m.group("pron"),
                    m.start(),
                    m.end("pron"),
                    m.group("cue"),
                    m.start("cue"),
                    m.end("cue"),
                    "count",
                    False,
                    (),
                    True,
                )
            )
            continue
        owner = _OWNER_BEFORE_RE.search(text, max(0, m.start() - 61), m.start())
        if owner is not None:
            found.append(_count_cue(m, owner.group(), owner.start(), "cue", known, True))
    return found


def _count_cue(
    m: re.Match[str], np: str, off: int, cue: int | str, known: frozenset[str], named: bool
) -> Attribution | None:
    """The counter in ``np`` (at ``off``), the possessor of the count ``m`` matched, whose group ``cue`` is
    the cue; ``named``: the phrase must end in a name or an agent noun."""
    toks = tokenize(np)
    span = phrase_before(toks, len(toks))
    if span is None or (named and not np_head(toks[span[1] - 1])):
        return None
    mention, a, b = span_text(np, toks, span)
    if _NARRATED_TALLY_RE.fullmatch(mention) and mention.split()[-1].lower() not in AGENT_NOUNS:
        return None  # "taking the provincial tally to 180": a running total, nobody's count
    media = is_media_name(mention, known)
    return Attribution(mention, off + a, off + b, m.group(cue), m.start(cue), m.end(cue), "count", media)


def colon_cue(text: str, tokens: list[Token], known: frozenset[str]) -> list[Attribution]:
    """A speaker that opens a sentence before a colon and a quote: 'The mayor: "We counted 300."'"""
    if ":" not in text:
        return []
    for i, tok in enumerate(tokens[:14]):
        if tok.text == ":" and i + 1 < len(tokens) and tokens[i + 1].text in QUOTES:
            span = phrase_before(tokens, i)
            if span is not None and span[0] == 0:
                return [make_attribution(text, tokens, span, tok, "colon", known)]
    return []


_CITING_OPENER_RE = re.compile(r"(?:Citing|Quoting)\s+")
_CITABLE_WORDS = AGENT_NOUNS | MEDIA_NOUNS | INSTITUTION_NOUNS | INFO_NOUNS | {"people", "person", "insiders"}


def _can_be_cited(mention: str) -> bool:
    """Whether a phrase after "citing" names a source (a name, a body, someone, a document), not a reason
    ("citing the weather", "citing security concerns").

    >>> [_can_be_cited(m) for m in ("the weather", "U.S. officials", "a crew member", "two people familiar with it")]
    [False, True, True, True]
    >>> [_can_be_cited(m) for m in ("Covid", "the Covid pandemic", "Reuters", "NATO", "the Health Ministry")]
    [False, False, True, True, True]
    """
    words = mention.split()
    if len(words) == 1 and words[0][:1].isupper():
        return words[0].isupper() or is_media_name(words[0])  # "Citing NATO", "citing Reuters"; not "Covid"
    named = [w for w in words if w[:1].isupper() and w.lower() not in {"the", "a", "an"}]
    if len(named) == 1 and len(words) == 2 and words[-1] == named[0]:
        return named[0].isupper() or is_media_name(named[0])  # "the BBC", "the NIS"; not "the Covid"
    if len(words) > 1 and words[-1][:1].isupper():
        return True  # "the Health Ministry", "Ana Ruiz" (not "the Covid pandemic")
    for word in words:
        low = word.lower().removesuffix("'s").rstrip("'’")
        if low in _CITABLE_WORDS or f"{low}s" in _CITABLE_WORDS:
            return True
    return False


def _opening_citation(
    sentence: str, atts: list[Attribution], known: frozenset[str]
) -> tuple[int, str] | None:
    """The source a sentence opens by citing ("Citing hospital officials, the paper said ...") and the index
    of the first verb cue after that clause, which cites it."""
    m = _CITING_OPENER_RE.match(sentence)
    comma = sentence.find(",", m.end()) if m is not None else -1
    if m is None or comma < 0:
        return None
    cite = _phrase_at(sentence, m.end(), known, "citing", 0)
    if cite is None or cite.end > comma or not _can_be_cited(cite.mention):
        return None
    for idx, att in enumerate(atts):
        if att.cue_start > comma and att.kind in {"subject", "inverted"}:
            return idx, cite.mention
    return None


def _may_cite(sentence: str) -> bool:
    """Whether the sentence may hold "citing", "quoting" or "sourcing": in ASCII text, whose letters fold only
    onto ASCII letters, a substring test of its lower case; any other text may fold onto them ("ſourcing")."""
    if not sentence.isascii():
        return True
    low = sentence.lower()
    return "citing" in low or "quoting" in low or "sourcing" in low


def attach_citing(sentence: str, atts: list[Attribution], known: frozenset[str]) -> list[Attribution]:
    """Give a verb cue the sources it cites after it ("NBC News reported, citing U.S. officials") or in the
    clause the sentence opens with ("Citing U.S. officials, NBC News reported")."""
    if not atts or not _may_cite(sentence) or _CITING_WORD_RE.search(sentence) is None:
        return atts
    opening = _opening_citation(sentence, atts, known)
    out = []
    for idx, att in enumerate(atts):
        limit = atts[idx + 1].cue_start if idx + 1 < len(atts) else len(sentence)
        cited = list(att.citing)
        if opening is not None and idx == opening[0] and opening[1] not in cited:
            cited.insert(0, opening[1])
        if att.kind in {"subject", "inverted", "participle", "according"}:
            for m in _CITING_RE.finditer(sentence, att.cue_end, limit):
                cite = _phrase_at(sentence, m.end(), known, "citing", m.start())
                if cite is not None and cite.mention not in cited and _can_be_cited(cite.mention):
                    cited.append(cite.mention)
        if cited != list(att.citing):
            att = Attribution(
                att.mention,
                att.start,
                att.end,
                att.cue,
                att.cue_start,
                att.cue_end,
                att.kind,
                att.media,
                tuple(cited),
                att.is_pronoun,
            )
        out.append(att)
    return out
