"""Who says it: attribution cues in one sentence and the speaker each figure belongs to.

The cues are the general ways news text attributes a statement: a subject
before a reporting verb ("the coastguard said"), the speaker after it
(``"...," said Captain Ana Ruiz``), "according to X", "X's count", a speaker
before a colon and a quote, a headline's ", Governor Says", and a pronoun
subject carried over from an earlier sentence (resolved by the caller).

The cues are found in their own modules (``verb_cues``, ``phrase_cues``, with the speaker phrases of
``speaker_phrases`` and ``sentence_subjects``); a figure's cue is chosen in ``figure_choice``, asides
and nominal claims are read in ``asides``. This module puts them together and keeps the public names.

>>> [a.mention for a in find_attributions("At least 42 people were rescued, the coastguard said.")]
['the coastguard']
>>> [a.mention for a in find_attributions('"We pulled 42 out," said Captain Ana Ruiz, who leads the team.')]
['Captain Ana Ruiz']
"""

from __future__ import annotations

import dataclasses
import re

from analyzer.extract.asides import FigureAside, NominalClaim, figure_asides, nominal_claims
from analyzer.extract.cues import Attribution, inside_quote, quote_spans
from analyzer.extract.figure_choice import Choice, choose
from analyzer.extract.phrase_cues import attach_citing, colon_cue, phrase_cues
from analyzer.extract.sentence_subjects import pronoun_subject, sentence_actor
from analyzer.extract.tokens import Token, tokenize
from analyzer.extract.verb_cues import verb_cues
from analyzer.extract.vocab import AGENT_NOUNS, INSTITUTION_NOUNS, MEDIA_NOUNS, is_media_name

__all__ = [
    "Attribution",
    "Choice",
    "FigureAside",
    "NominalClaim",
    "choose",
    "figure_asides",
    "find_attributions",
    "inside_quote",
    "nominal_claims",
    "quote_spans",
    "sentence_actor",
    "words",
]

_WORDS_RE = re.compile(r"[A-Za-z][\w'’\-]*")
_PLACE_MENTION_RE = re.compile(
    r"(?:(?:the\s+)?(?:province|region|city|country|district|state|county|town|village|municipality|capital)"
    r"(?:\s+of)?\s+)?[A-Z][\w'’\-]+$"
)
_RECORD_VERBS = frozenset({"recorded", "seen", "had", "registered", "counted"})
_PERFECT_BEFORE_RE = re.compile(r"\b(?:has|have)\s+$")
# a bare name, or names joined by "and" / commas: "Osterby", "Upper Soll and Dunmere"; nothing lower-case
_BARE_NAMES_RE = re.compile(r"[A-Z][\w&'’\-]*(?:(?:\s+|,\s+|\s+and\s+)[A-Z][\w&'’\-]*){0,5}")
# the subject's own verbs of holding a record: "Osterby recorded/registered/saw 71.2 per cent"
_LOCATING_VERBS = frozenset({"recorded", "registered", "saw", "had", "has", "have"})
# verbs that a coordinated list of bare names shares: "Arden and Soll have confirmed 3 cases each"
_LIST_VERBS = _LOCATING_VERBS | {"confirmed", "reported"}
_RANKING_RE = re.compile(r"\bthe\s+(?:highest|lowest|most|fewest|largest|smallest)\b|\bfollowed\s+by\b")
# another place with its own figure later in the sentence: ", Kelm 7", "and Kelm at 49.9"
_PLACE_ITEM_RE = re.compile(r"(?:,|\band)\s+[A-Z][\w&'’\-]*(?:\s+[A-Z][\w&'’\-]*)?\s+(?:at\s+|with\s+)?\d")
# "Quoting the deputy mayor, Tom Reyes, Channel Nine reported": the quoted source, up to the reporter's comma
_QUOTING_RE = re.compile(r"(?:Quoting|Citing)\s+(?P<src>[^,.;:\"“”]{2,80}(?:,\s+[^,.;:\"“”]{2,80}){0,2}),\s+")
_FULL_NAME_RE = re.compile(r"(?:[A-Z][\w.'’\-]*\s+){1,3}[A-Z][\w'’\-]+")
_CLOSES_RE = re.compile(r"(?:\s+(?:on|late|early)\s+\w+(?:\s+\w+)?)?\s*[.!]?[\s\"”’]*")
_NUMBER_BEFORE_RE = re.compile(
    r"\b(?:has|have|had|with)\s+(?:[a-z]+\s+)?(?:\d[\d,.]*|two|three|four|five|six|seven|eight|nine|ten)\s+$"
)
_SINCE_YEAR_RE = re.compile(r"\bsince\s+(?:19|20)\d\d\b")


def _title_case(tokens: list[Token]) -> bool:
    """A headline set in Title Case, where capitals no longer mark names."""
    upper = lower = 0
    most_lower = len(tokens) / 5  # more lower-case words than a fifth of all tokens: no headline
    for t in tokens:
        text = t.text
        if len(text) > 3 and text[0].isalpha():
            if text[0].isupper():
                upper += 1
            else:
                lower += 1
                if lower > most_lower:
                    return False
    return upper + lower >= 4 and upper >= 0.8 * (upper + lower)


_HEADLINE_SAYS = frozenset({"say", "says", "said"})
_SENTENCE_ENDS = frozenset({".", "!", "?", '"', "”", "'", "’"})
# a headline that names its source after a closing dash or colon: "Fever kills 61 in the north – NHA",
# "Turnout stands at 58.40%: Poll Panel" (a short capitalised name or an acronym closes it)
_HEADLINE_SOURCE_RE = re.compile(
    r"\S\s*(?P<cue>[–—:]|\s-)\s+(?P<src>[A-Z][\w.&'’\-]*(?:\s+(?:of\s+|for\s+|the\s+|and\s+)?[A-Z][\w.&'’\-]*){0,4}"
    # "..., 3 still held – military", "Floods kill 40: local police": an agent noun in lower case
    r"|(?:[a-z][a-z\-]*\s+)?[a-z][a-z\-]*)\s*$"
)


def _headline_source(sentence: str, known: frozenset[str]) -> list[Attribution]:
    """The source a headline names after its closing dash or colon.

    >>> [a.mention for a in _headline_source("Fever kills 61 in the north – NHA", frozenset())]
    ['NHA']
    >>> _headline_source("Fever in the north: What We Know", frozenset())
    []
    >>> [a.mention for a in _headline_source("Two more freed, 3 still held – military", frozenset())]
    ['military']
    """
    m = _HEADLINE_SOURCE_RE.search(sentence)
    if m is None or not any(c.isdigit() for c in sentence[: m.start("cue")]):
        return []
    src = m.group("src")
    if any(w.lower() in _NOT_SOURCE_WORDS for w in src.split()):
        return []
    if src[:1].islower() and src.split()[-1] not in AGENT_NOUNS:
        return []  # "Floods in the north: explained", "Toll at 40 - sources say" is no bare source
    return [
        Attribution(
            src,
            m.start("src"),
            m.end("src"),
            m.group("cue").strip(),
            m.start("cue"),
            m.end("cue"),
            "according",
            media=is_media_name(src, known),
        )
    ]


_NOT_SOURCE_WORDS = frozenset(
    {"what", "how", "why", "who", "when", "live", "updates", "update", "explained", "timeline", "photos", "video",
     "watch", "analysis", "opinion", "report", "latest", "key", "facts", "q&a"}
)  # fmt: skip


def find_attributions(sentence: str, known_outlets: frozenset[str] = frozenset()) -> list[Attribution]:
    """Every attribution cue in a sentence, in text order of their cues."""
    tokens = tokenize(sentence)
    lows = [t.low for t in tokens]
    found = verb_cues(sentence, tokens, known_outlets, lows)
    if found and _title_case(tokens):
        # in a headline (every word capitalised) only two forms are safe: the closing ", Governor Says" and a
        # verb of saying right before the figure ("UN Says 4.6 Million In Need")
        last_word = max((i for i, t in enumerate(tokens) if t.is_word), default=-1)
        starts = {t.start: i for i, t in enumerate(tokens)}
        found = [
            a
            for a in found
            if (last_word >= 0 and a.cue_start == tokens[last_word].start)
            or _says_a_figure(tokens, starts.get(a.cue_start, -1))  # "UN Says 4.6 Million In Need"
            # "Local Officials Say Flood Kills 14": the headline opens with its source and "Say(s)"
            or (a.start == 0 and a.cue.lower() in _HEADLINE_SAYS and a.cue_start - a.end < 2)
        ]
    if sentence[-1:] not in _SENTENCE_ENDS and any(c in sentence for c in ("–", "—", ":", " - ")):
        found += _headline_source(sentence, known_outlets)
    found += phrase_cues(sentence, known_outlets, frozenset(lows))
    found += colon_cue(sentence, tokens, known_outlets)
    if not found:
        found = pronoun_subject(sentence, tokens)
    if not found and any(w in sentence for w in _SAW_WORDS):  # "A witness saw 3 gunmen, police said": police
        found = _witnessed(sentence)
    if " quoted " in sentence and (" as saying" in sentence or " as telling" in sentence):
        # "..., the council chairman was quoted as saying."; "X was quoted by a radio station as saying"
        # names its medium, not the speaker
        # ("X was wrongly quoted as saying" is no statement of X's: no speaker)
        found = [a for a in found if not a.cue.startswith("quoted")] + _quoted_as_saying(sentence)
    if not found:
        found = _carried_on(sentence)
    found = [
        a for a in found if a.mention and not _narrated_record(sentence, a) and not _locates(sentence, a)
    ]
    if " and other " in sentence:
        found = [_named_before_others(a) for a in found]
    if any(a.kind in {"according", "count"} for a in found):
        # "According to the institute's figures, the province of Varano recorded 402 deaths": the place
        # is where they were counted, the source is named
        found = [a for a in found if not _place_recorded(a)]
    if len(found) > 1:
        found.sort(key=lambda a: (a.cue_start, a.start))
        found = _dedupe(found)
    if len(found) > 1 and not _CLAUSE_VERBS.isdisjoint(lows):
        found = _drop_reported_findings(sentence, found)
    if "reported" in sentence:
        found = _carriers(sentence, found)
    return attach_citing(sentence, found, known_outlets)


# a sentence with no cue of its own that goes on with the statement before it (resolved in discourse: only
# when the sentence before had a speaker): a partitive anaphor "Of them, N ...", "Of the 21 held, 14 ...";
# "During that period, N"; an additive connective "Moreover, N"; a backshifted "N ... were currently ..."
_CARRIED_OPENER_RE = re.compile(
    r"(?:Of\s+(?:them|those|these|which|this|that|the\s+(?:total|rest|latter|former|[\w,\-]+(?:\s+[\w\-]+)?))"
    r"|During\s+(?:that|this|the\s+same)\s+(?:period|time|span|week|month|fortnight)"
    r"|Moreover|Furthermore|In\s+addition|Additionally|Likewise|Similarly|As\s+for\s+[^,.;:\n]{1,60}),\s+"
    # a contrast broken off the statement before ("While another 40 families are staying with relatives."),
    # a running total the figure before brings up ("This takes the total number of cases to N")
    r"|(?:While|Whereas)\s+(?=[^,.;:\n]{0,120}\d)"
    r"|(?:This|That|These|It)\s+(?:takes|took|brings|brought|pushes|pushed|raises|raised)\s+the\s+"
    r"(?:[a-z\-]+\s+){0,2}(?:total|toll|tally|number|count|figure)\b"
)
_BACKSHIFT_RE = re.compile(r"\b(?:was|were)\s+(?:currently|still\s+currently|at\s+present)\b")
_FIGURE_RE = re.compile(r"\d")
_OPENING_QUOTES = frozenset('"“')
_NUMBER_WORD_RE = re.compile(
    r"\b(?i:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy"
    r"|eighty|ninety|hundred|dozen|dozens|hundreds|thousand|thousands)\b"
)
# an additive "also" on a past verb goes on with the statement before: "The rains also swept away N",
# "N houses were also damaged" (cue "also": resolved only in the same paragraph, right after a speaker)
_ALSO_RE = re.compile(
    r"\b(?:were|was|had|has|have)\s+also\b|\balso\s+(?:[a-z]+(?:ed|en)|swept|left|lost|hit|took|brought|cut"
    r"|found|sent|rose|fell|struck|spread|shut|saw|put|kept)\b"
)
# the rest of a partition the sentence before counted: "Seven others were ...", "The remaining 40 ...", "The
# other two ..." (cue "others": resolved only in the same paragraph, right after a sentence with a speaker)
_SMALL_NUMBER = (
    r"\d[\d,]*|(?i:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
    r"|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
)
_REST_OPENER_RE = re.compile(
    rf"(?:(?:{_SMALL_NUMBER})\s+(?:others|other\s+[a-z]+)|The\s+(?:other|remaining)\s+(?:{_SMALL_NUMBER})(?:\s+[a-z]+)?)"
    r"\s+(?P<verb>were|was|had|have|are)\b"
)


def _carried_on(sentence: str) -> list[Attribution]:
    """The cue of a sentence that only goes on with the statement before it: an "Of those, ..." opener (kind
    ``carried``), or a backshifted "were currently" clause (cue "currently": the same paragraph only).

    >>> [(a.cue, a.kind) for a in _carried_on("Of those, 14 were charged.")]
    [('Of those', 'carried')]
    >>> _carried_on("Of course, 14 were charged.")
    []
    """
    if sentence[:1] in _OPENING_QUOTES and (
        _FIGURE_RE.search(sentence) is not None or not any(q in sentence[1:] for q in '"”')
    ):  # (a quotation that runs on into the next sentence may give its figures in words)
        # a quotation with no speaker of its own right after an indirect statement: the same voice goes on
        return [Attribution("quote", 0, 1, "quote", 0, 1, "carried", False, (), True)]
    rest = _REST_OPENER_RE.match(sentence) if sentence[:1].isalnum() else None
    if rest is not None:
        v0, v1 = rest.span("verb")  # the cue stands clear of the figure it carries
        return [Attribution("others", v0, v1, "others", v0, v1, "carried", False, (), True)]
    if _FIGURE_RE.search(sentence) is None:
        # "Some eight planned operations have also been cancelled.": a figure in words goes on the same way
        if " also " in sentence and _NUMBER_WORD_RE.search(sentence) is not None:
            return _also_carried(sentence)
        return []
    m = _CARRIED_OPENER_RE.match(sentence)
    if m is not None:
        cue = m.group().rstrip(", ")
        if cue.lower() in {"of course", "of note"}:
            return []
        if cue in ("While", "Whereas") and not _contrast_fragment(sentence):
            return []
        return [Attribution(cue, 0, len(cue), cue, 0, len(cue), "carried", False, (), True)]
    if " also " in sentence:
        also = _also_carried(sentence)
        if also:
            return also
    # (the pattern's words are in lower case: without "currently" or "present" it cannot match)
    b = _BACKSHIFT_RE.search(sentence) if "currently" in sentence or "present" in sentence else None
    if b is not None and not any(q in sentence for q in '"“”'):
        return [
            Attribution(
                "currently", b.start(), b.end(), "currently", b.start(), b.end(), "carried", False, (), True
            )
        ]
    return []


# what may follow the comma of a "While ..." contrast that carries on: a reduced clause with no subject of
# its own ("..., followed by 30 in the south", "..., bringing the total to 90")
_CONTRAST_TAIL_RE = re.compile(r"\s*(?:followed\s+by\b|[a-z]+ing\b)")
_CLAUSE_COMMA_RE = re.compile(r",(?!\d)")  # not the comma inside "1,203"
_LIST_AFTER_RE = re.compile(r"\s*(?:[A-Z]|\d)")
# "While 12 were in the north, 18 were in the south.": a breakdown whose second clause opens on a figure
_FIGURE_AFTER_RE = re.compile(
    r"\s*(?:\d|(?i:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
    r"|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds"
    r"|thousands|dozens)\b)"
)


def _contrast_fragment(sentence: str) -> bool:
    """Whether a "While/Whereas ..." sentence is only a contrast broken off the statement before: a fragment
    with no main clause ("While another 40 families are staying with relatives."), one that goes on with
    "followed by" or an -ing form, or a ranked list; not when a clause with its own subject follows the comma
    ("While 85 families left, most stayed.": the writer's own narration). A sentence with no main clause
    cannot stand alone, so it goes on with the statement right before it even past a paragraph break.

    >>> [_contrast_fragment(s) for s in ("While 1,040 were hurt.", "While 40 left, most stayed.",
    ...                                  "While 40 died in A, followed by 9 in B.", "While 4 left, 9 stayed.")]
    [True, False, True, True]
    """
    comma = _CLAUSE_COMMA_RE.search(sentence)
    if comma is None:
        return True
    if _LIST_AFTER_RE.match(sentence, comma.end()) and "followed by" in sentence[: comma.start()]:
        return True  # "While N was recorded in A followed by B 48, C 45 and D 51.": a ranked list
    if _FIGURE_AFTER_RE.match(sentence, comma.end()):
        return True  # "While 12 were in the north, 18 were in the south.": a breakdown of the statement
    return _CONTRAST_TAIL_RE.match(sentence, comma.end()) is not None


def _also_carried(sentence: str) -> list[Attribution]:
    """The "also" cue of a sentence with no quotation that goes on with the statement before ("N houses
    were also damaged"; resolved only in the same paragraph, right after a sentence with a speaker)."""
    if any(q in sentence for q in '"“”'):
        return []
    also = _ALSO_RE.search(sentence)
    if also is None:
        return []
    return [Attribution("also", also.start(), also.end(), "also", also.start(), also.end(), "carried",
                        False, (), True)]  # fmt: skip


# what reporters on the spot saw or counted: "AFP journalists saw three people lying ...", "A Reuters
# correspondent counted 12 bodies" (the reporters are the source of the figure)
_SAW_WORDS = (" saw ", " counted ", " witnessed ")
_WITNESSED_RE = re.compile(
    r"(?:\b(?:An?|The|Two|Three|Several|Our|(?<![A-Za-z])an?|the|two|three|several)\s+)?"
    r"(?:[A-Z][\w.&’'-]*\s+){0,3}(?:journalists?|reporters?|correspondents?|photographers?|photojournalists?"
    r"|witness(?:es)?|cameram[ae]n)\s+(?P<cue>saw|counted|witnessed)\s"
)


def _witnessed(sentence: str) -> list[Attribution]:
    """The reporters or witnesses who saw or counted the figure on the spot.

    >>> [(a.mention, a.cue) for a in _witnessed("AFP journalists saw three people lying on the road.")]
    [('AFP journalists', 'saw')]
    >>> _witnessed("Residents saw 12 bodies in the river.")
    []
    """
    m = _WITNESSED_RE.search(sentence)
    if m is None:
        return []
    c0, c1 = m.span("cue")
    who = sentence[m.start() : c0].rstrip()
    return [Attribution(who, m.start(), m.start() + len(who), m.group("cue"), c0, c1, "subject")]


# a speaker quoted by the media: "Around 60 bodies were found, council chairman Ali Musa was quoted as saying
# by local media", "The mayor was quoted by a radio station as saying that 12 died"
_QUOTED_AS_RE = re.compile(
    r"(?:^|(?<=,)\s+)(?P<who>[^,;:\"“”\d]{2,80}?)\s+(?:was|were|had\s+been|has\s+been|is|are)\s+"
    r"(?:(?P<adv>[a-z]+ly)\s+)?(?P<cue>quoted)\s+(?:by\s+[^,.;:\d]{1,60}?\s+)?as\s+(?:saying|telling)\b"
)
_PRONOUNS = frozenset({"he", "she", "they", "it"})
# "A report in which the governor was quoted": a relative clause is no speaker; "wrongly quoted": a denial
_RELATIVES = frozenset({"which", "who", "whom", "whose", "that"})
_MISQUOTED = frozenset({"wrongly", "falsely", "incorrectly", "mistakenly", "erroneously", "inaccurately"})


def _quoted_as_saying(sentence: str) -> list[Attribution]:
    """The speaker a report quotes "as saying" (a subject cue; a pronoun is resolved in discourse).

    >>> [a.mention for a in _quoted_as_saying("Some 60 bodies were found, chairman Ali Musa was quoted as saying.")]
    ['chairman Ali Musa']
    >>> _quoted_as_saying("The report was quoted as saying nothing.")
    []
    >>> _quoted_as_saying("A note in which the mayor was quoted as saying 4 died was withdrawn.")
    []
    """
    m = _QUOTED_AS_RE.search(sentence)
    if m is None or m.group("adv") in _MISQUOTED:
        return []
    who = m.group("who")
    words = who.split()
    if any(w.lower() in _RELATIVES for w in words):
        return []
    c0, c1 = m.span("cue")
    if len(words) == 1 and words[0].lower() in _PRONOUNS:
        return [Attribution(who, m.start("who"), m.end("who"), "quoted", c0, c1, "subject", False, (), True)]
    last = words[-1].lower().rstrip(".")
    named = words[-1][:1].isupper() and (m.start("who") > 0 or len(words) > 1)
    if len(words) > 10 or not (named or last in AGENT_NOUNS):
        return []
    return [Attribution(who, m.start("who"), m.end("who"), "quoted", c0, c1, "subject")]


_AND_OTHERS_RE = re.compile(r",?\s+and\s+other\s+")


def _named_before_others(att: Attribution) -> Attribution:
    """The one speaker a subject names before "and other <agents>": "the U.N. refugee agency and other aid
    groups said" -> 'the U.N. refugee agency' (the others are no one to quote).

    >>> _named_before_others(Attribution("the UN agency and other groups", 0, 30, "said", 31, 35, "subject")).mention
    'the UN agency'
    """
    m = _AND_OTHERS_RE.search(att.mention)
    if m is None or m.start() < 2 or att.is_pronoun:
        return att
    return dataclasses.replace(att, mention=att.mention[: m.start()], end=att.start + m.start())


def _says_a_figure(tokens: list[Token], i: int) -> bool:
    """A headline's "Says" (or "Admits", "Confirms", "Warns" ...) right before a number: "UN Says 4.6
    Million In Need", "Hospital Trust Admits 6,412 Patients Were Missed"; not "Storm Claims 40 Lives" ("claims"
    is as often a verb of killing, its subject a fire or a flood).

    >>> from analyzer.extract.tokens import tokenize
    >>> [_says_a_figure(tokenize(h), 2) for h in ("Water Board Admits 300 Wells Failed", "Flood Claims 12 Lives")]
    [True, False]
    """
    return (
        0 < i < len(tokens) - 1
        and tokens[i].low in _HEADLINE_VERBS
        and (tokens[i + 1].text[:1].isdigit() or tokens[i + 1].text[:1] in "$€£")
    )


# a headline's verbs of saying that may stand right before the figure they report
_HEADLINE_VERBS = frozenset(
    {"says", "say", "admits", "admit", "confirms", "confirm", "reveals", "reveal", "warns", "warn"}
    | {"denies", "deny", "estimates", "estimate", "reports", "report"}
)


def _place_recorded(att: Attribution) -> bool:
    """ "the province of Varano recorded", "Tarvia registered": a place as the subject of a record verb."""
    return (
        att.kind == "subject"
        and att.cue.lower() in _RECORD_VERBS
        and _PLACE_MENTION_RE.fullmatch(att.mention) is not None
    )


def _carriers(sentence: str, atts: list[Attribution]) -> list[Attribution]:
    """A closing ", Radio Vesta reported." after a source's own cue carries that source's words: a medium.

    "Police said they found 3 more bodies, raising the toll to 154, Radio Vesta reported": the last cue is a
    bare name (no role, body or title word) with "reported" that only ends the sentence, and a non-media subject
    cue comes before it. "Quoting the mayor, Tom Reyes, Channel Nine reported that 56 ..." quotes its source: the
    quoted one speaks, the reporter carries.

    >>> s = "Floods destroyed 300 homes, police said, Radio Vesta reported."
    >>> [(a.mention, a.media) for a in find_attributions(s)]
    [('police', False), ('Radio Vesta', True)]
    """
    quoting = _QUOTING_RE.match(sentence)
    if quoting is not None:
        last = next((a for a in atts if a.kind == "subject" and a.start == quoting.end()), None)
        if last is None or last.cue.lower() != "reported":
            return atts
        parts = quoting.group("src").split(", ")
        # "the mayor, Tom Reyes" -> the name; "Tom Reyes, deputy head of ..." -> the name
        src = next((p for p in parts if _FULL_NAME_RE.fullmatch(p)), parts[0])
        start = quoting.start("src") + quoting.group("src").rfind(src)
        own = Attribution(src, start, start + len(src), "Quoting", 0, 7, "according")
        return [own] + [dataclasses.replace(a, media=True) if a is last else a for a in atts]
    if len(atts) < 2:
        return atts
    last = atts[-1]
    if (
        last.media
        or last.kind != "subject"
        or last.cue.lower() != "reported"
        or sentence[max(0, last.start - 2) : last.start] != ", "
        or not _CLOSES_RE.fullmatch(sentence, last.cue_end)
        or not _BARE_NAMES_RE.fullmatch(last.mention)
        or " and " in last.mention
        or any(
            (w in AGENT_NOUNS or w in INSTITUTION_NOUNS) and w not in MEDIA_NOUNS
            for w in last.mention.lower().split()
        )
        or not any(a.kind in {"subject", "inverted"} and not a.media for a in atts[:-1])
    ):
        return atts
    return [*atts[:-1], dataclasses.replace(last, media=True)]


def _locates(sentence: str, att: Attribution) -> bool:
    """A subject cue that says where a figure stands, not who asserts it.

    "Osterby recorded the highest turnout at 71.2 per cent": a bare name (a place: no role, body or title word)
    as the subject of a verb of holding a record; "Arden and Soll have confirmed 3 cases each": a list of bare
    names sharing "confirmed/reported"; "Norland has 6 confirmed cases": a cue word right after a number is an
    adjective, no verb.

    >>> s = "Norland has 6 confirmed cases while Vesta has 12."
    >>> _locates(s, Attribution("Norland", 0, 7, "confirmed", 14, 23, "subject"))
    True
    >>> s = "The Kelm Health Board recorded 40 cases."
    >>> _locates(s, Attribution("The Kelm Health Board", 0, 21, "recorded", 22, 30, "subject"))
    False
    """
    if att.kind != "subject":
        return False
    lo = max(0, att.cue_start - 40)
    before = sentence[lo : att.cue_start]  # (a match holds "has", "have", "had" or "with", in lower case)
    if ("ha" in before or "with" in before) and _NUMBER_BEFORE_RE.search(sentence, lo, att.cue_start):
        return True  # "has 6 confirmed cases"
    cue = att.cue.lower()
    if cue not in _LIST_VERBS or not _BARE_NAMES_RE.fullmatch(att.mention):
        return False
    names = att.mention.lower().replace(",", " ").split()
    if att.media or any(w in AGENT_NOUNS or w in INSTITUTION_NOUNS or w in MEDIA_NOUNS for w in names):
        return False
    if " and " in att.mention:
        return True  # "Arden and Soll have confirmed 3 cases each": a list of places
    # a single name "recorded" a figure: a country's count stays its own ("Tarvia has recorded 40 cases"), a
    # ranking or a list of places with their own figures locates ("... the highest turnout at 71.2 per cent,
    # followed by Marsh Vale at 66.4", "Lower Brenn confirmed a total of 4, Kelm 7 and Tarn 9")
    if cue in _LOCATING_VERBS and _RANKING_RE.search(sentence, att.cue_end):
        return True
    return _PLACE_ITEM_RE.search(sentence, att.cue_end) is not None


def _narrated_record(sentence: str, att: Attribution) -> bool:
    """ "Selvaria has recorded 9 ferry accidents since 2010": a place's record over years is narration.

    A one-word name with no role (a country, a region) as the subject of "has/have recorded/seen/had" with a
    span from a year is the reporter's background, not a statement.

    >>> s = "Tarvia has recorded 12 floods since 2009."
    >>> _narrated_record(s, Attribution("Tarvia", 0, 6, "recorded", 11, 19, "subject"))
    True
    """
    if att.kind != "subject" or att.cue.lower() not in _RECORD_VERBS or " " in att.mention:
        return False
    return (
        _PERFECT_BEFORE_RE.search(sentence, max(0, att.cue_start - 6), att.cue_start) is not None
        and _SINCE_YEAR_RE.search(sentence, att.cue_end) is not None
    )


# verbs of finding whose subject, inside what a speaker says, is reported, not a speaker of its own
_FINDING_VERBS = frozenset(
    {"found", "counted", "recorded", "registered", "discovered", "detected", "identified"}
)
_OUTER_VERBS = frozenset(
    {"said", "says", "told", "tells", "added", "adds", "stated", "announced", "explained"}
)
_CLAUSE_VERBS = _FINDING_VERBS | {"reported"}
# a "that" clause with no comma, semicolon or quote before the inner subject: it is still the outer's
_THAT_CLAUSE_RE = re.compile(r"[^,;\"“”]{0,40}?\bthat\s(?:[^,;\"“”]|(?<=\d),(?=\d)){0,120}")
# between the outer verb and the finding's subject: nothing, "that", or a hearer and a date before "that"
_INTO_CLAUSE_RE = re.compile(r"\s*(?:that\s+)?|\s+(?:[^\s,;:\"“”]+\s+){1,4}?that\s+")


def _drop_reported_findings(sentence: str, atts: list[Attribution]) -> list[Attribution]:
    """A finding's subject right inside what another speaker says is not a second speaker: "Two officials
    told Radio Kelm that inspectors found 14 faults" (the officials say so), "The ministry said police
    counted 40". A pronoun stays ("X said she had counted 19": resolved to X in the sentence).

    >>> s = "Two officials told Radio Kelm that inspectors found 14 faults."
    >>> [a.mention for a in _drop_reported_findings(s, find_attributions(s))]
    ['Two officials']
    """
    out: list[Attribution] = []
    for a in atts:
        if a.kind == "subject" and a.cue.lower() in _FINDING_VERBS and not a.is_pronoun:
            outer = next(
                (
                    b
                    for b in reversed(out)
                    if b.kind == "subject" and b.cue.lower() in _OUTER_VERBS and b.cue_end <= a.start
                ),
                None,
            )
            if outer is not None and _INTO_CLAUSE_RE.fullmatch(sentence, outer.cue_end, a.start):
                continue
        if (
            a.kind == "subject"
            and a.cue.lower() in _CLAUSE_VERBS
            and not a.is_pronoun
            and a.mention.islower()
        ):
            # "X said on its website that 221 of the passengers and 36 of the crew members had reported
            # vomiting": people a figure counts, deep inside what X says, are no speakers of their own
            outer = next(
                (b for b in reversed(out) if b.kind == "subject" and b.cue.lower() in _OUTER_VERBS), None
            )
            if outer is not None and _THAT_CLAUSE_RE.fullmatch(sentence, outer.cue_end, a.start):
                continue
        out.append(a)
    return out


def _dedupe(atts: list[Attribution]) -> list[Attribution]:
    """The cues in order, each speaker span and cue once."""
    seen: set[tuple[int, int, int]] = set()
    out = []
    for a in atts:
        key = (a.start, a.end, a.cue_start)
        if key not in seen:
            seen.add(key)
            out.append(a)
    return out


def words(text: str) -> list[str]:
    """The words of a text, for topic matching."""
    return _WORDS_RE.findall(text)
