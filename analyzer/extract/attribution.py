"""Who says it: attribution cues in one sentence and the speaker each figure belongs to.

The cues are the general ways news text attributes a statement: a subject
before a reporting verb ("the coastguard said"), the speaker after it
(``"...," said Captain Ana Ruiz``), "according to X", "X's count", a speaker
before a colon and a quote, a headline's ", Governor Says", and a pronoun
subject carried over from an earlier sentence (resolved by the caller).

>>> [a.mention for a in find_attributions("At least 42 people were rescued, the coastguard said.")]
['the coastguard']
>>> [a.mention for a in find_attributions('"We pulled 42 out," said Captain Ana Ruiz, who leads the team.')]
['Captain Ana Ruiz']
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from analyzer.extract.number_words import FIGURE_WORD_ALT
from analyzer.extract.tokens import (
    CAPITALISED_STOPWORDS,
    MONTHS,
    PREPOSITIONS,
    QUOTES,
    SKIPPABLE,
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
    CLAIM_OBJECT,
    CONFIRM_RE,
    DENY_RE,
    DETERMINERS,
    ESTIMATE_AT_VERBS,
    INSTITUTION_NOUNS,
    NOUN_LIKE_FORMS,
    PRONOUNS,
    REPORTING_FORMS,
    WEAK_VERBS,
    is_media_name,
)
from analyzer.patterns import guarded, prefixed

# Verbs after which the speaker may follow: '"...," said Ruiz'.
_INVERTABLE = frozenset(
    {"say", "add", "tell", "write", "state", "note", "explain", "insist", "warn", "claim"}
)
_PARTICIPLE_RE = re.compile(r"ing$")
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
# "<X>'s (own) count stood at": the possessor of a count is who counted
_OWN_COUNT_RE = re.compile(
    r"(?P<np>\b[A-Za-z][\w.'’\- ]{1,60}?)(?:'s|’s)\s+(?P<cue>(?:own\s+|latest\s+|official\s+|internal\s+)?"
    r"(?:count|tally|estimate|figures|reckoning|calculations?|data|statistics)\s+"
    r"(?:stood|stands|was|were|is|reached|rose|climbed|showed|shows|show|suggest|suggests|suggested|indicate|"
    r"indicates|indicated))\b"
    r"(?=\s+that\b|\s+(?:at\s+|to\s+)?(?:[a-z]+\s+){0,2}[\d$€£])"  # ... a figure follows, or a clause
)
_FOR_THE_RE = re.compile(
    r"\bfor\s+(?P<np>the\s+[A-Za-z'’\-]+(?:\s+[A-Za-z'’\-]+){0,3}?)(?=\s*(?:[,.;)]|$|\band\b|\bit\s+was\b|\bthere\s+were\b))",
    re.IGNORECASE,
)
_PUT_QUALIFIERS = r"(?:about\s+|around\s+|some\s+|least\s+|at\s+least\s+|more\s+than\s+|nearly\s+|roughly\s+|over\s+|just\s+)*"
# "put the toll at 87", "put it at 87", "put losses at 40 tonnes" (a bare noun of one to three words)
# what a figure starts with: a digit, a currency sign or a number word ("put it at three")
_FIGURE_START = rf"(?:[\d$€£]|{FIGURE_WORD_ALT})"
_PUT_AT_RE = re.compile(
    r"\s+(?:it|them|that|this|(?:the|its|their|his|her|a|an|our)\b[^,.;:]{1,90}?|(?:[a-z][\w'’\-]*\s+){0,2}[a-z][\w'’\-]*"
    r"(?:\s+(?:since|in|from|for|this|last)\s+[\w'’\-]+)?)"
    rf"\s+(?:at|to)\s+[\"“]?{_PUT_QUALIFIERS}{_FIGURE_START}"
    rf"|\s+(?:it|them)?\s*(?:at|to)\s+[\"“]?{_PUT_QUALIFIERS}{_FIGURE_START}",
    re.IGNORECASE,
)
# "raised the toll to 40", "revised its estimate to 1.2 percent": raise/lower/revise/update give a
# figure only when what they change is a figure someone keeps ("raised interest rates to 5 percent" acts)
_ADJUST_AT_RE = re.compile(
    r"\s+(?:(?:up|down)\s+)?(?:it|them|(?:the|its|their|his|her|a|an|our)\b(?:[^,.;:]{0,60}?\s)?"
    r"(?:(?:death\s+)?tolls?|figures?|numbers?|counts?|tally|tallies|estimates?|forecasts?|totals?|projections?)"
    r"(?:\s+(?:of|for)\s+[^,.;:]{1,40}?)?)"
    rf"\s+(?:(?:up|down)(?:wards?)?\s+)?(?:at|to)\s+[\"“]?{_PUT_QUALIFIERS}{_FIGURE_START}",
    re.IGNORECASE,
)
_PUT_STEMS = frozenset({"put", "place"})
_MODIFYING_PARTICIPLES = frozenset(
    {"released", "published", "issued", "compiled", "provided", "obtained", "seen"}
)
_AFTER_INVERTED = frozenset(
    {"who", "which", "in", "on", "at", "during", "adding", "told", "to", "from", "after"}
)
_PHRASE_WINDOW = 300
# Prepositions that attach a phrase to the noun before it: "officials in the valley", "a poll by X for Y".
_PP_LINKS = frozenset({"in", "at", "from", "for", "on", "with", "of"})
_HEAD_LINKS = frozenset({"of", "for", "in", "at", "from", "on"})
# Forms that are verbs or nouns; before a finite verb or "of" they are nouns.
_NOUN_OR_VERB = NOUN_LIKE_FORMS | {"forecast", "forecasts", "projects", "estimates", "counts"}
_AFTER_A_NOUN = frozenset({"was", "were", "is", "are", "has", "had", "would", "will", "could", "of"})
_INFO_MODIFIERS = frozenset({"latest", "own", "official", "new", "preliminary", "final", "updated", "first"})
_POSSESSION_OR_BEING = frozenset({"has", "have", "had", "is", "are", "was", "were", "'s"})
_DASHES = frozenset({"-", "—", "–"})
# What may follow a sentence's subject without saying it did something: a copula, a preposition.
_NOT_ACTIONS = frozenset({"is", "are", "was", "were", "be", "and", "or", "of", "said", "says"}) | PREPOSITIONS
_CLOSING = frozenset({",", ".", ";", ":", ")", "—", "–", "!", "?"})
_DESCRIPTION_HEADS = AGENT_NOUNS | {"operator", "firm", "company", "group", "body"}
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
_PASSIVE_AUX = frozenset({"was", "were", "is", "are", "been", "be", "being"})
_IRREGULAR_PARTICIPLES = frozenset({"told", "said", "shown", "given", "written", "known", "seen", "thought"})
_PASSIVE_BY_RE = prefixed(
    "ragcepiq",
    r"\b(?:reported|announced|given|cited|estimated|counted|recorded|confirmed|released|published|provided|"
    r"issued|compiled|quoted|claimed)\s+(?:to\s+(?:the\s+)?(?:reporters|journalists|press|media|parliament)\s+)?"
    r"by\s+",
    re.IGNORECASE,
)
# "given to reporters by": the passive's agent follows after the hearers
_PASSIVE_AFTER_RE = re.compile(
    r"\s+(?:to\s+(?:the\s+)?(?:reporters|journalists|press|media|parliament)\s+)?by\b", re.IGNORECASE
)
_INFO_NOUNS = frozenset(
    [
        "statement",
        "statements",
        "communique",
        "bulletin",
        "intelligence",
        "data",
        "figures",
        "figure",
        "statistics",
        "estimates",
        "estimate",
        "numbers",
        "records",
        "record",
        "report",
        "reports",
        "study",
        "survey",
        "poll",
        "analysis",
        "assessment",
        "evidence",
        "calculations",
        "count",
        "tally",
        "sensors",
        "documents",
        "manifest",
        "log",
        "logs",
        "register",
        "list",
        "filing",
        "filings",
    ]
)
# Participles that name the author of an information noun by their by-phrase ("records compiled by X");
# "seen by"/"obtained by" name who read it, not who made it.
_AUTHORING_PARTICIPLES = frozenset({"released", "published", "issued", "compiled", "provided", "prepared"})
_TEMPORAL_OPENER_RE = re.compile(
    r"(?:(?:a\s+few|several|two|three|four|five|many)\s+)?(?:hours|days|weeks|minutes|moments|months|years|"
    r"shortly|soon|later|earlier|then|meanwhile|separately|now|also|still)(?:\s+(?:later|after|earlier|before))?\b",
    re.IGNORECASE,
)
_ADVERBIAL_OPENERS = frozenset(
    [
        "on",
        "in",
        "at",
        "after",
        "before",
        "earlier",
        "later",
        "meanwhile",
        "however",
        "separately",
        "last",
        "yesterday",
        "speaking",
        "during",
        "asked",
        "despite",
        "amid",
        "while",
        "when",
        "also",
        "still",
        "but",
        "and",
        "then",
        "late",
        "early",
        "since",
        "following",
    ]
)
_QUOTE_RE = re.compile(r"“[^“”]{1,2000}”|\"[^\"]{1,2000}\"")
_PREPOSITIONS = frozenset(
    {"citing", "quoting", "of", "from", "in", "on", "with", "to", "by", "per", "and", "the"}
)
_CLAUSE_STARTS = frozenset(
    {
        "that",
        "the",
        "a",
        "an",
        "about",
        "around",
        "some",
        "nearly",
        "more",
        "at",
        "up",
        "as",
        "it",
        "he",
        "she",
        "they",
        "there",
        "its",
        "their",
        "his",
        "her",
        "over",
        "roughly",
        "approximately",
    }
)


def _verb_context(tokens: list[Token], i: int) -> bool:
    """Whether a form that is also a noun is used as a verb here: "the ministry reports 50 dead"."""
    if any(t.low in _PREPOSITIONS for t in tokens[max(0, i - 2) : i]):
        return False
    if i > 0 and tokens[i - 1].low in REPORTING_FORMS:
        return False  # "denied reports that", "rejected claims that": the object of a verb, a noun
    if i + 1 >= len(tokens):
        return i > 0 and tokens[i - 1].text != ","  # "..., Governor Says"
    nxt = tokens[i + 1]
    return nxt.low in _CLAUSE_STARTS or nxt.text[:1].isdigit() or nxt.text in {",", ":"} or nxt.text in QUOTES


_WORDS_RE = re.compile(r"[A-Za-z][\w'’\-]*")
_VERB_CUE_WORDS = frozenset(REPORTING_FORMS) | {"citing"}  # the tokens _verb_cues reads
_CITED_ASIDE_RE = re.compile(r"(?:citing|quoting)\s+(.+)$", re.IGNORECASE)
_POINT_TO_RE = re.compile(r"\s+(?:to|out)\b")
_APPEAL_FOR_RE = re.compile(r"\s+(?:on\s+\w+\s+)?for\s+(?:some\s+|about\s+|nearly\s+|an\s+extra\s+)?[$€£\d]")
_SPEAK_OF_RE = re.compile(r"\s+(?:of|about)\b")
_CLAIM_OBJECT_RE = re.compile(CLAIM_OBJECT, re.IGNORECASE)
_DENY_ACTION_STEMS = frozenset({"reject", "dismiss", "dispute"})
_WHO_CITED_RE = re.compile(r"\s*,\s*(?:which|who)\s+(?:cited|quoted)\s+([^,.;]{2,60})")
_THAT_GAP_RE = re.compile(r"\s*(?:that\s+)?")


@dataclass(frozen=True, slots=True)
class Attribution:
    """A cue that attributes part of a sentence to a speaker.

    ``kind`` is ``subject`` (X said), ``inverted`` (said X), ``according``
    (according to X), ``count`` (by X's count), ``colon`` (X: "..."),
    ``participle`` (X ..., claiming that), or ``pronoun`` (He later ...).
    ``citing`` holds what the speaker cites ("citing hospital records").
    """

    mention: str
    start: int
    end: int
    cue: str
    cue_start: int
    cue_end: int
    kind: str
    media: bool = False
    citing: tuple[str, ...] = ()
    is_pronoun: bool = False


def _skip_left(tokens: list[Token], i: int) -> int:
    """Index just after the speaker phrase when walking left from token i over adverbs and dates."""
    j = i
    while j > 0:
        low = tokens[j - 1].low
        if low in SKIPPABLE or low in WEEKDAYS or (low.isdigit() and len(low) <= 2):
            j -= 1
            continue
        if tokens[j - 1].text[:1].isupper() and low in {"october", "september", "november", "december"}:
            j -= 1
            continue
        break
    return j


def _parenthetical_left(text: str, tokens: list[Token], j: int) -> tuple[int, str | None] | None:
    """When tokens[j-1] is a comma closing ", <aside>,", the index before the aside and what it cites."""
    if j <= 0 or tokens[j - 1].text != ",":
        return None
    k = j - 2
    while k >= 0 and tokens[k].text not in {",", ";", ":"} and tokens[k].text not in QUOTES:
        k -= 1
    if k < 1 or tokens[k].text != ",":
        return None
    if j - 2 - k > 14 and tokens[k + 1].low not in {
        "who",
        "which",
        "speaking",
        "citing",
        "quoting",
        "according",
    }:
        return None
    first = tokens[k + 1]
    aside = text[first.start : tokens[j - 2].end]
    low = first.low
    cited = None
    m = _CITED_ASIDE_RE.match(aside)
    if m:
        cited = m.group(1).strip()
    elif not (
        first.text[:1].islower()
        or low in {"who", "which", "however", "the", "a", "an", "in", "at", "speaking", "according"}
        or (len(aside.split()) <= 8 and tokens[k - 1].is_capitalised)
    ):
        return None
    return k, cited


def _apposed_after(tokens: list[Token], span: tuple[int, int]) -> tuple[int, int]:
    """ "said Network Elbridge's chief engineer, Amit Sahota.": the full name apposed to a title, else ``span``."""
    a, b = span
    if b + 2 >= len(tokens) or tokens[b].text != "," or not any(t.low in _TITLE_HEADS for t in tokens[a:b]):
        return span
    end = b + 1
    while end < len(tokens) and (tokens[end].is_capitalised or tokens[end].low in _APPOSITIVE_LINKS):
        end += 1
    closes = end == len(tokens) or tokens[end].text in {".", ",", ";", "!", "?"}
    return (b + 1, end) if closes and end - (b + 1) >= 2 and tokens[b + 1].is_capitalised else span


def _appositive_name(tokens: list[Token], j: int) -> tuple[int, int] | None:
    """ "The national rail operator, National Rail Services (NRS), said": the name in the aside."""
    if j <= 0 or tokens[j - 1].text != ",":
        return None
    k = j - 2
    while k >= 0 and tokens[k].text not in {",", ";", ":"}:
        k -= 1
    if k < 1 or tokens[k].text != ",":
        return None
    aside = [t for t in tokens[k + 1 : j - 1] if t.text not in {"(", ")"}]
    if not aside or not all(t.is_capitalised or t.low in _APPOSITIVE_LINKS for t in aside):
        return None
    before = tokens[k - 1]
    described = _subject_phrase(tokens, k)
    by = next((m for m in range(k - 1, max(1, k - 5), -1) if tokens[m].low == "by"), None)
    if by is not None and (described is None or described[0] >= by):
        # "A group formed by the families, the X Committee,": the description is the group, not its makers
        part = by - 1 - (tokens[by - 1].low == "up")
        if part > 0 and tokens[part].low.endswith(("ed", "en", "set")):
            described = _subject_phrase(tokens, part) or described
    if described is not None:
        # "An opposition MP for Kiremba, Moses Kalundi,": a description headed by an agent noun
        head = _head_of(tokens, described)
        if head.low in _DESCRIPTION_HEADS and (head.text[:1].islower() or head.text.isupper()):
            before = head
        elif (
            (
                (tokens[described[0]].low in {"a", "an", "another"} and head.text[:1].islower())
                # "Tenaro's Minister for Humanitarian Affairs, Salma Idrissa,": a title with its portfolio
                or any(t.low in _TITLE_HEADS for t in tokens[described[0] : described[1]])
            )
            and len([t for t in aside if t.is_capitalised]) >= 2
        ):
            before = (
                _DESCRIBED  # "A local priest, Father Miguel Soto,": an indefinite description, a full name
            )
    if before is _DESCRIBED or (
        (before.text[:1].islower() or before.text.isupper()) and before.low in _DESCRIPTION_HEADS
    ):
        end = j - 1
        while (end > k + 1 and tokens[end - 1].text in {"(", ")"}) or (
            end > k + 1 and tokens[end - 2].text == "("
        ):
            end -= 1
        return (k + 1, end)
    return None


# lower-case words inside a name: connectors and the particles of surnames ("Sanne de Vries")
_APPOSITIVE_LINKS = frozenset(
    {
        "of",
        "for",
        "and",
        "the",
        "de",
        "van",
        "von",
        "der",
        "den",
        "da",
        "di",
        "del",
        "della",
        "du",
        "dos",
        "la",
        "le",
    }
)
_DESCRIBED = Token("a", 0, 1)  # marks a description that needs no agent noun
# Heads of a description that name one person's office, whatever their case ("Minister for Health")
_TITLE_HEADS = frozenset(
    {
        "minister",
        "secretary",
        "commissioner",
        "director",
        "chair",
        "chairman",
        "chairwoman",
        "chairperson",
        "president",
        "governor",
        "mayor",
        "chief",
        "head",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "engineer",
        "officer",
        "executive",
        "ambassador",
        "envoy",
        "coordinator",
        "representative",
        "prosecutor",
        "judge",
    }
)


def _head_of(tokens: list[Token], span: tuple[int, int]) -> Token:
    """The head word of a speaker phrase: the last word before its first "of"/"for" ("officer for Kiremba")."""
    for k in range(span[0] + 1, span[1]):
        if tokens[k].low in _HEAD_LINKS:
            return tokens[k - 1]
    return tokens[span[1] - 1]


def _bare_place(tokens: list[Token], start: int, end: int) -> bool:
    """ "on Marenza", "on Crete": a name with no determiner and no agent noun after "on" is a place (an island).

    >>> from analyzer.extract.tokens import tokenize
    >>> toks = tokenize("A doctor on Lesbos said")
    >>> _bare_place(toks, 3, 4)
    True
    """
    return all(
        tokens[k].is_capitalised and tokens[k].low not in AGENT_NOUNS and not tokens[k].is_possessive
        for k in range(start, end)
    )


def _drop_place(tokens: list[Token], span: tuple[int, int]) -> tuple[int, int]:
    """ "A port official on Kelvara": a bare place after "on" at the end of the phrase locates the speaker."""
    start, end = span
    for k in range(start + 1, end - 1):
        if tokens[k].low == "on" and _bare_place(tokens, k + 1, end):
            return (start, k)
    return span


def _extend_left(tokens: list[Token], span: tuple[int, int]) -> tuple[int, int]:
    """The whole subject when the phrase found is the object of a preposition that modifies it.

    "A local official in the Serran valley said": the subject is the official, not the valley;
    "A poll by the Institute for the Post found": the author of the poll, not the paper it was for.
    """
    start, end = span
    for _ in range(3):
        link = start - 1
        while link > start - 4 and link > 0 and tokens[link].is_word and tokens[link].low not in _PP_LINKS:
            link -= 1  # "engineers at the city water board": the phrase found may be only "board"
        if link < 1 or tokens[link].low not in _PP_LINKS:
            break
        outer = phrase_before(tokens, link)
        if outer is None:
            break
        a, b = outer
        if a >= 2 and tokens[a - 1].low == "by" and tokens[a - 2].low in _INFO_NOUNS:
            # the by-phrase of an information noun names its author: "a study by researchers at X"
            return outer if tokens[link].low in {"for", "in"} else (a, end)
        head = _head_of(tokens, outer)
        if head.low not in AGENT_NOUNS:
            break
        if tokens[link].low == "in" or (tokens[link].low == "on" and _bare_place(tokens, start, end)):
            start, end = a, b  # where the speaker is ("officials in the valley") is not part of who it is
        else:
            start = a  # what it belongs to is: "doctors at the city hospital", "a spokesman for the group"
    return (start, end)


def _subject_phrase(tokens: list[Token], end: int) -> tuple[int, int] | None:
    """The speaker phrase ending before token ``end``, with the prepositional phrases that modify it.

    The object of such a preposition may be any noun: "an official in the Serran valley".
    """
    span = phrase_before(tokens, end)
    if span is not None:
        return _drop_place(tokens, _extend_left(tokens, span))
    for k in range(end - 1, max(0, end - 6), -1):
        tok = tokens[k]
        if tok.low in _PP_LINKS:
            outer = phrase_before(tokens, k)
            if outer is not None and k + 1 < end and _head_of(tokens, outer).low in AGENT_NOUNS:
                return _extend_left(tokens, outer if tok.low == "in" else (outer[0], end))
            return None
        if not tok.is_word:
            return None
    return None


def _before_relative_clause(tokens: list[Token], j: int) -> tuple[int, int] | None:
    """ "A local official who asked not to be named said": the phrase before a restrictive relative clause.

    "who" follows a person; "that" only a name or an agent noun ("the agency that runs the port").
    """
    for k in range(j - 1, max(0, j - 14) - 1, -1):
        tok = tokens[k]
        if tok.text in {"who", "that"} and k > 0:
            span = _subject_phrase(tokens, k)
            if span is not None and (tok.text == "who" or np_head(tokens[span[1] - 1])):
                if tok.text == "that" and span[0] > 0 and tokens[span[0] - 1].low in REPORTING_FORMS:
                    return None  # "has told the Courier that ...": the hearer, then the reported clause
                return span
            return None
        if not tok.is_word or (tok.low in REPORTING_FORMS and tokens[k - 1].low not in {"to", "who"}):
            return None  # "who spoke on condition of anonymity said": the relative clause's own verb
    return None


def _before_reduced_passive(tokens: list[Token], span: tuple[int, int]) -> tuple[int, int]:
    """ "Economists polled by Reuters expected ...": the subject is the agent noun before a participle and
    its by-phrase, not the by-phrase (a survey's author stays: "the tally compiled by AP shows")."""
    a = span[0]
    if a < 3 or tokens[a - 1].low != "by" or not tokens[a - 2].low.endswith(("ed", "en")):
        return span
    if a >= 4 and tokens[a - 3].low in _INFO_NOUNS and tokens[a - 2].low not in _AUTHORING_PARTICIPLES:
        owner = phrase_before(tokens, a - 3)
        if owner is not None and not tokens[a - 4].is_possessive:
            # "Interior ministry figures seen by the Courier": the ministry's figures
            return (owner[0], a - 3)
    outer = phrase_before(tokens, a - 2)
    if outer is None or _head_of(tokens, outer).low not in AGENT_NOUNS:
        return span
    return outer


def _name_before_description(tokens: list[Token], j: int) -> tuple[int, int] | None:
    """ "Yusuf Darreh, a pharmacist": the name an appositive description (ending before ``j``) follows."""
    desc = phrase_before(tokens, j)
    if desc is None or desc[0] < 2 or tokens[desc[0]].low not in {"a", "an"}:
        return None
    k = desc[0] - 1
    if tokens[k].text != ",":
        return None
    if k >= 3 and tokens[k - 1].low.isdigit() and tokens[k - 2].text == ",":
        k -= 2  # "Joao Vidal, 61, a fisherman": step over the age
    name = phrase_before(tokens, k)
    if name is None or not all(t.is_capitalised for t in tokens[name[0] : name[1]]):
        return None
    return name


def _subject_before(
    text: str, tokens: list[Token], verb: int
) -> tuple[tuple[int, int], tuple[str, ...]] | None:
    """The subject phrase of the reporting verb at token index ``verb``, and what it cites."""
    cited: list[str] = []
    j = _skip_left(tokens, verb)
    if j >= 3 and tokens[j - 1].text == ")" and tokens[j - 3].text == "(":
        j -= 3  # "the National Intelligence Service (NIS) said"
    named = _appositive_name(tokens, j)
    if named is not None:
        return named, ()
    for _ in range(3):
        paren = _parenthetical_left(text, tokens, j)
        if paren is None:
            break
        k, what = paren
        if what:
            cited.append(what)
        j = _skip_left(tokens, k)
        if j >= 3 and tokens[j - 1].text == ")" and tokens[j - 3].text == "(":
            j -= 3  # "The Institute for Population Statistics (IPS), a research body, said"
    if j > 1 and tokens[j - 1].text in {"which", "who", "that"} and tokens[j - 2].text == ",":
        j -= 2
        named = _name_before_description(tokens, j)
        if named is not None:
            return named, tuple(cited)  # "Yusuf Darreh, a pharmacist, who said": the person, by name
    if j > 0 and tokens[j - 1].low in PRONOUNS and tokens[j - 1].is_word:
        return (j - 1, j), tuple(cited)
    if j > 0 and tokens[j - 1].low in {"and", "but"}:
        subject = _sentence_subject(tokens, j - 1)  # "The front has called a strike and says ..."
        return (subject, tuple(cited)) if subject is not None else None
    # "figures released on Friday put ...": step over a participle that modifies the subject
    if j > 1 and tokens[j - 1].low in _MODIFYING_PARTICIPLES:
        j -= 1
    if (
        j > 1
        and tokens[j - 1].low in _INFO_NOUNS
        and not tokens[j - 1].is_capitalised  # "the Office for National Statistics" is a name
        and (np_head(tokens[j - 2]) or tokens[j - 2].is_possessive)
    ):
        j -= 1  # "Interior ministry figures put ...": the ministry speaks through its figures
        if tokens[j - 1].is_possessive:
            return None  # "Kyiv's intelligence shows ...": evidence cited, not a speaker
    relative = ("who" in text or "that" in text) and _before_relative_clause(tokens, j)
    span = relative or _subject_phrase(tokens, j)
    if span is None:
        return None
    span = _before_reduced_passive(tokens, span)
    # "Interior ministry figures", "Kyiv's intelligence": the actor is before the information noun
    while (
        span[1] - span[0] > 1
        and tokens[span[1] - 1].low in _INFO_NOUNS
        and not tokens[span[1] - 1].is_capitalised
    ):
        span = (span[0], span[1] - 1)
        while span[1] - span[0] > 1 and tokens[span[1] - 1].low in _INFO_MODIFIERS:
            span = (span[0], span[1] - 1)  # "the ministry's latest tally"
        if tokens[span[1] - 1].is_possessive:
            return None
    if span[1] - span[0] == 1 and (tokens[span[0]].low in _INFO_NOUNS or tokens[span[0]].low in DETERMINERS):
        return None  # "A poll published ...": an information noun with no actor before it names no one
    return span, tuple(cited)


def _after_dateline(tokens: list[Token]) -> int:
    """The index after a wire dateline that opens a sentence ("TELMARA, Nov 3 (Reuters) -"), else 0.

    A dateline is a place in capitals, then commas, words, dates and an agency in brackets, up to a dash.
    """
    if not tokens or not (tokens[0].text.isupper() and len(tokens[0].text) > 1 and tokens[0].is_word):
        return 0
    for k in range(1, min(len(tokens), 16)):
        text = tokens[k].text
        if text in _DASHES:
            return k + 1 if k + 1 < len(tokens) else 0
        if not (tokens[k].is_word or text in {",", ".", "(", ")"}):
            return 0
    return 0


def _after_apposition(tokens: list[Token], i: int) -> int:
    """The token after an apposition that opens at token ``i`` (", a data firm,"), or ``i`` itself."""
    if i + 2 >= len(tokens) or tokens[i].text != "," or tokens[i + 1].low not in {"a", "an", "the"}:
        return i
    for k in range(i + 2, min(len(tokens), i + 12)):
        if tokens[k].text == ",":
            return k + 1
        if not tokens[k].is_word:
            return i
    return i


def sentence_actor(sentence: str) -> str | None:
    """The named person or body a sentence without a reporting verb is about, when it opens the sentence
    as the subject of a verb: "Labour Minister Ilse Brandauer did not attend ...", "The Harbour Board
    declined to comment". Not "X is the Post's editor": a copula says what X is, not what X does.

    >>> sentence_actor("Army spokesman Colonel Radek Sorin would not be drawn on casualties.")
    'Army spokesman Colonel Radek Sorin'
    >>> sentence_actor("Hundreds of families spent the night outside.") is None
    True
    """
    tokens = tokenize(sentence[:160])  # a subject opens the sentence: its start is enough
    i = _after_dateline(tokens)
    if i == 0 and tokens and tokens[0].low in _ADVERBIAL_OPENERS:
        i = next((k + 1 for k in range(min(len(tokens), 10)) if tokens[k].text == ","), 0)
    span = phrase_after(tokens, i)
    if span is None:
        return None
    end = span[1]
    while end > span[0] and not np_head(tokens[end - 1]):
        end -= 1
    if end - span[0] < 2 or end >= len(tokens):
        return None
    verb_at = _after_apposition(tokens, end)  # "Crowd Metrics, a data firm, used drone images"
    if verb_at >= len(tokens):
        return None
    verb = tokens[verb_at]
    if not (verb.is_word and verb.text[:1].islower()) or verb.low in _NOT_ACTIONS:
        return None
    if verb.low in {"has", "have", "had"} and verb_at + 1 < len(tokens) and tokens[verb_at + 1].low == "been":
        return None
    names = [t for t in tokens[span[0] : end] if t.is_capitalised]
    if len(names) < 2 or not (tokens[end - 1].is_capitalised or tokens[end - 1].low in AGENT_NOUNS):
        return None  # a name has two capitalised words ("Ada Kern", "Harbour Board"): not "Rescue teams"
    return span_text(sentence, tokens, (span[0], end))[0]


def _sentence_subject(tokens: list[Token], before: int) -> tuple[int, int] | None:
    """The subject at the start of the clause that ends before token ``before`` (for participles)."""
    i = _after_dateline(tokens)
    # skip a leading adverbial ending with a comma ("On Wednesday, ...", "However, ...")
    if i == 0 and tokens and tokens[0].low in _ADVERBIAL_OPENERS:
        for k in range(min(before, 10)):
            if tokens[k].text == ",":
                i = k + 1
                break
            if tokens[k].text in QUOTES or tokens[k].text in {";", ":"}:
                break
    m = _TEMPORAL_OPENER_RE.match(" ".join(t.text for t in tokens[i : i + 4]))
    if m:
        i += len(m.group(0).split())
    if i < len(tokens) and tokens[i].low in PRONOUNS and tokens[i].is_word:
        return (i, i + 1)
    span = phrase_after(tokens, i)
    if span is None or span[1] > before:
        return None
    nxt = span[1]
    if (
        nxt - span[0] > 1
        and nxt < len(tokens)
        and tokens[nxt].low in DETERMINERS
        and tokens[nxt - 1].text.islower()
        and tokens[nxt - 1].low not in AGENT_NOUNS
    ):
        nxt -= 1  # "The central bank kept its rate ...": a word before a determiner is a verb, not a noun
        span = (span[0], nxt)
    if nxt < len(tokens) and not tokens[nxt].is_word and tokens[nxt].text != ",":
        return None
    return span


def _make(
    text: str,
    tokens: list[Token],
    span: tuple[int, int],
    cue: Token,
    kind: str,
    known_outlets: frozenset[str],
    cited: tuple[str, ...] = (),
) -> Attribution:
    mention, a, b = span_text(text, tokens, span)
    mention = mention.strip(" ,;:")
    is_pronoun = span[1] - span[0] == 1 and tokens[span[0]].low in PRONOUNS
    return Attribution(
        mention=mention,
        start=a,
        end=b,
        cue=cue.text,
        cue_start=cue.start,
        cue_end=cue.end,
        kind=kind,
        media=not is_pronoun and is_media_name(mention, known_outlets),
        citing=cited,
        is_pronoun=is_pronoun,
    )


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Spans of double-quoted passages ("..." or “...”) in a sentence."""
    return [(m.start(), m.end()) for m in _QUOTE_RE.finditer(text)]


def inside_quote(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a < pos < b for a, b in spans)


_NOUN_STEMS = frozenset({"estimate", "count", "record", "claim", "forecast", "report"})
_POSSESSIVE_PRONOUNS = frozenset({"its", "their", "his", "her", "our"})


def _after_possessor(tokens: list[Token], i: int) -> bool:
    """Token i follows an article, or a possessive pronoun and up to two lower-case modifiers: a noun.

    >>> toks = tokenize("The bank revised its growth forecast to 1.2%")
    >>> _after_possessor(toks, 5), _after_possessor(tokenize("The ministry forecast 3% growth"), 2)
    (True, False)
    """
    if i > 0 and tokens[i - 1].low in {"the", "an", "a"}:
        return True
    base = tokens[i].low in _NOUN_STEMS  # "a union claim that": after "a", a bare form is no verb
    for k in range(i - 1, max(-1, i - 4), -1):
        low = tokens[k].low
        if low in _POSSESSIVE_PRONOUNS or (base and low in {"a", "an"}):
            return True
        if not (tokens[k].is_word and low.isalpha() and (tokens[k].text[:1].islower() or base)):
            return False
    return False


def _verb_cues(text: str, tokens: list[Token], known: frozenset[str], lows: list[str]) -> list[Attribution]:
    """Cues of reporting verbs (``lows``: the tokens' lower-case forms, read first to find the verbs)."""
    out: list[Attribution] = []
    candidates = [i for i, low in enumerate(lows) if low in _VERB_CUE_WORDS]
    quotes = quote_spans(text) if candidates else []
    for i in candidates:
        tok = tokens[i]
        stem = REPORTING_FORMS.get(tok.low)
        if stem is None and tok.low == "citing" and not out and i > 0 and tokens[i - 1].text == ",":
            subj = _sentence_subject(tokens, i)  # "Kirby underlined the losses, citing reports that ..."
            if subj is not None:
                out.append(_make(text, tokens, subj, tok, "participle", known))
            continue
        if stem is None:
            continue
        if stem in ESTIMATE_AT_VERBS and not (_PUT_AT_RE if stem in _PUT_STEMS else _ADJUST_AT_RE).match(
            text, tok.end
        ):
            continue
        if stem == "point" and not _POINT_TO_RE.match(text, tok.end):
            continue
        if stem == "appeal" and not _APPEAL_FOR_RE.match(text, tok.end):
            continue  # "appealed for $1.2 billion": the sum it asks for; not "appealed the verdict"
        if stem == "speak" and not _SPEAK_OF_RE.match(text, tok.end):
            continue
        if stem in _DENY_ACTION_STEMS and not _CLAIM_OBJECT_RE.match(text, tok.end):
            continue  # "Parliament rejected 12 amendments": an action, not a denial
        if stem == "report" and _reports_on_a_topic(tokens, i):
            continue  # "She has reported on two earthquakes": covered them as a reporter
        if i > 0 and tokens[i - 1].low == "to":
            continue  # "to say": an infinitive states nothing yet
        if tok.low.endswith(("ed", "en")) and _PASSIVE_AFTER_RE.match(text, tok.end):
            continue  # "deaths reported by the agency", "given to reporters by": the by-phrase names the speaker
        if (
            i > 0
            and tokens[i - 1].low in _PASSIVE_AUX
            and (tok.low.endswith("ed") or tok.low in _IRREGULAR_PARTICIPLES)
        ):
            continue  # "was confirmed": passive, the subject is what was said, not who said it
        if (
            tok.low in {"report", "reports"}
            and i > 0
            and tokens[i - 1].low in {"the", "a", "these", "those", "media", "news", "of"}
        ):
            continue  # "the reports", a noun
        if stem in _NOUN_STEMS and _after_possessor(tokens, i):
            continue  # "the estimate", "its growth forecast", "their latest count": a noun
        if inside_quote(tok.start, quotes):
            continue  # "we assess" inside a quotation is the speaker's own words
        if tok.low in NOUN_LIKE_FORMS and not _verb_context(tokens, i):
            continue  # "citing hospital records", "the hermit state": a noun, not a verb
        if tok.low in _NOUN_OR_VERB and i + 1 < len(tokens) and tokens[i + 1].low in _AFTER_A_NOUN:
            continue  # "the growth forecast was too optimistic": the subject of the next verb, a noun
        inverted = (
            i > 0
            and (tokens[i - 1].text == "," or tokens[i - 1].text in QUOTES)
            and stem in _INVERTABLE
            and not tok.low.endswith("ing")
            and _appositive_name(tokens, i) is None  # "An MP, Moses Kalundi, said the ...": not inverted
        )
        if inverted:
            span = phrase_after(tokens, i + 1)
            after = tokens[span[1]] if span is not None and span[1] < len(tokens) else None
            if (
                span is not None
                and (after is None or not after.is_word or after.low in _AFTER_INVERTED)
                # 'said Tarvia "cannot take everyone"': a quote opening after the name is what was said of it
                and (after is None or after.text not in QUOTES)
                # the speaker after the verb is a name or an agent noun, or closes the clause:
                # not "said the extra €2.4 billion", "claimed the budget hid"
                and (np_head(tokens[span[1] - 1]) or after is None or after.text in _CLOSING)
            ):
                out.append(_make(text, tokens, _apposed_after(tokens, span), tok, "inverted", known))
                continue
        j = _skip_left(tokens, i)
        matrix = next((a for a in out if a.kind in {"subject", "inverted"}), None)
        if matrix is not None and j > 0 and tokens[j - 1].low in {"and", "but"}:
            # "X denied ... and said": X said; the nearest clause's subject when a second source came between
            # ("..., the force said, but a charity put the number at 260 and said ...": the charity)
            nearest = next(
                (
                    a
                    for a in reversed(out)
                    if a.kind in {"subject", "inverted"}
                    and REPORTING_FORMS.get(a.cue.lower()) not in WEAK_VERBS
                ),
                matrix,
            )
            out.append(_shared_subject(nearest, tok, "subject"))
            continue
        participle = tok.low.endswith("ing") and i > 0 and tokens[i - 1].text == ","
        if participle and matrix is not None:  # "..., the authority said, adding that": the authority adds
            out.append(_shared_subject(matrix, tok, "participle"))
            continue
        found = _subject_before(text, tokens, i)
        if found is not None:
            span, cited = found
            if stem in WEAK_VERBS and tokens[span[1] - 1].low not in PRONOUNS:
                head = tokens[span[1] - 1]
                if not head.is_capitalised and head.low in {"data", "figures", "records", "statistics"}:
                    continue
            out.append(_make(text, tokens, span, tok, "subject", known, cited))
            if out[-1].media and stem in {"report", "say"}:
                actor = _reported_actor(text, tokens, i, known)
                if actor is not None:
                    out.append(actor)
            continue
        if participle:
            subj = _sentence_subject(tokens, i)
            if subj is not None:
                out.append(_make(text, tokens, subj, tok, "participle", known))
    return out


def _reports_on_a_topic(tokens: list[Token], i: int) -> bool:
    """ "reported on two earthquakes", "reports from the front": a reporter's beat, not a statement."""
    if i + 2 >= len(tokens) or tokens[i + 1].low not in {"on", "from"}:
        return False
    nxt = tokens[i + 2]
    if nxt.low.isdigit():  # "reported on 12 March" is a date, "reported on 12 elections" a beat
        return not (i + 3 < len(tokens) and tokens[i + 3].low in MONTHS)
    return not (nxt.low in WEEKDAYS or nxt.low in MONTHS or nxt.low in {"the", "its", "their"})


def _reported_actor(text: str, tokens: list[Token], i: int, known: frozenset[str]) -> Attribution | None:
    """ "Reuters reported that the defence ministry would buy 24 ...": an institution that is the subject
    of what a news outlet reports is the source of its figures; the outlet is the channel (via)."""
    k = i + 1
    if k < len(tokens) and tokens[k].low in {"on", "late", "early", "last", "this"}:
        # "Reuters reported on Friday that ...": a time phrase before the reported clause
        k = next((m for m in range(k + 1, min(len(tokens), k + 5)) if tokens[m].low == "that"), k)
    if k < len(tokens) and tokens[k].low == "that":
        k += 1
    if k >= len(tokens) or tokens[k].low != "the":
        return None
    span = phrase_after(tokens, k)
    if span is None or span[1] >= len(tokens):
        return None
    head, verb = tokens[span[1] - 1], tokens[span[1]]
    if head.low not in INSTITUTION_NOUNS or not (verb.is_word and verb.text[:1].islower()):
        return None
    if not _informs_or_intends(tokens, span[1]):
        return None  # "AP reported that the police arrested 120": what the police did, told by AP
    if is_media_name(span_text(text, tokens, span)[0], known):
        return None
    return _make(text, tokens, span, tokens[i], "subject", known)


# what an institution does in a reported clause that makes it the source of the figure: it gives
# information, an expectation or announces an intention ("the port authority had counted 19 ships", "the
# company expected charges of 750 million", "the agency plans to hire 300"); any other act is the outlet's
# report of it
_INFORMING_VERBS = frozenset(
    {
        "said", "says", "announced", "announces", "counted", "counts", "recorded", "records", "registered",
        "registers", "estimated", "estimates", "confirmed", "confirms", "found", "finds", "planned", "plans",
        "planning", "intends", "intended", "reported", "reports", "put", "puts", "told", "tallied", "listed",
        "would", "will", "expected", "expects", "forecast", "forecasts", "projected", "projects", "predicted",
        "predicts", "warned", "warns", "believed", "believes", "feared", "fears", "assessed", "assesses",
    }
)  # fmt: skip
_AUXILIARIES = frozenset({"had", "has", "have", "is", "was", "are", "were", "also", "already", "now"})


def _informs_or_intends(tokens: list[Token], j: int) -> bool:
    """Whether the verb group at token ``j`` is one of information or announced intention."""
    while j < len(tokens) - 1 and tokens[j].low in _AUXILIARIES:
        j += 1
    return tokens[j].low in _INFORMING_VERBS


def _shared_subject(matrix: Attribution, cue: Token, kind: str) -> Attribution:
    """A cue whose subject is the main clause's: a participle ("adding") or a coordinated verb ("and said")."""
    return Attribution(
        matrix.mention,
        matrix.start,
        matrix.end,
        cue.text,
        cue.start,
        cue.end,
        kind,
        matrix.media,
        (),
        matrix.is_pronoun,
    )


_PHRASE_ENDING_VERBS = frozenset(
    {"show", "shows", "showed", "suggest", "suggests", "indicate", "indicates", "put", "puts"}
)


def _phrase_at(text: str, pos: int, known: frozenset[str], kind: str, cue_start: int) -> Attribution | None:
    """The speaker phrase that starts at character ``pos`` ("according to <X>")."""
    rest = text[pos : pos + _PHRASE_WINDOW]  # a speaker's name is short: read a bounded window
    toks = tokenize(rest)
    span = phrase_after(toks, 0)
    if span is not None:
        # "published by the environment agency show chlorine levels": the phrase ends before a verb
        cut = next((k for k in range(span[0] + 1, span[1]) if toks[k].low in _PHRASE_ENDING_VERBS), None)
        if cut is not None and np_head(toks[cut - 1]):
            span = (span[0], cut)
    if span is None and toks and toks[0].low in _INFO_NOUNS:
        span = (0, 1)  # "according to figures from the agency"
    if span is None:
        return None
    head = toks[span[1] - 1]
    owner = next((k for k in range(span[1] - 2, span[0] - 1, -1) if toks[k].is_possessive), None)
    if head.low in _INFO_NOUNS and owner is not None:
        # "according to the housing ministry's own data": the owner of the data
        mention = rest[toks[span[0]].start : toks[owner].end].rstrip("s").rstrip("'’")
        a, b = toks[span[0]].start, toks[span[0]].start + len(mention)
        return Attribution(
            mention,
            pos + a,
            pos + b,
            text[cue_start:pos].strip(),
            cue_start,
            pos,
            kind,
            is_media_name(mention, known),
        )
    if head.low in _INFO_NOUNS and not any(t.is_capitalised for t in toks[span[0] : span[1]]):
        # "according to a report by the ministry": its author; "according to a report it published": the
        # pronoun is a cue of its own; "according to the latest figures": no one
        after = span[1]
        if (
            after + 2 < len(toks)
            and toks[after].low in _AUTHORING_PARTICIPLES
            and toks[after + 1].low == "by"
        ):
            after += 1  # "according to a manifest released by the coast guard": its author
        if after + 1 < len(toks) and toks[after].low in {"by", "from"}:
            span = phrase_after(toks, after + 1)
            if span is None:
                return None
        else:
            return None
    mention, a, b = span_text(rest, toks, span)
    cited: tuple[str, ...] = ()
    tail = rest[b:]
    m = _WHO_CITED_RE.match(tail)
    if m:
        cited = (m.group(1).strip(),)
    return Attribution(
        mention=mention,
        start=pos + a,
        end=pos + b,
        cue=text[cue_start:pos].strip(),
        cue_start=cue_start,
        cue_end=pos,
        kind=kind,
        media=is_media_name(mention, known),
        citing=cited,
    )


def _phrase_cues(text: str, known: frozenset[str], words: AbstractSet[str]) -> list[Attribution]:
    """ "according to X", "reported by X", "by X's count": phrases that name a speaker without a verb.

    ``words`` are the sentence's lower-case words: a phrase whose trigger word is absent is not looked for.
    """
    out: list[Attribution] = []
    if not words & _PHRASE_TRIGGERS:
        return out
    # (matches of these two cannot start inside one another: each is found where it starts, group m)
    for m in _ACCORDING_RE.finditer(text):
        att = _phrase_at(text, m.end("m"), known, "according", m.start())
        if att is not None:
            out.append(att)
    for m in _PASSIVE_BY_RE.finditer(text):
        att = _phrase_at(text, m.end("m"), known, "according", m.start())
        if att is not None:
            out.append(att)
    for m in _COUNT_RE.finditer(text) if words & _COUNT_WORDS else ():
        np = m.group("np").rstrip("'’")
        toks = tokenize(np)
        span = phrase_before(toks, len(toks))
        if span is None:
            continue
        mention, a, b = span_text(np, toks, span)
        off = m.start("np")
        out.append(
            Attribution(
                mention,
                off + a,
                off + b,
                m.group(0),
                m.start(),
                m.end(),
                "count",
                is_media_name(mention, known),
            )
        )
    if words & _COUNT_WORDS and ("'s" in text or "’s" in text):
        for m in _OWN_COUNT_RE.finditer(text):  # "The health ministry's own count stood at 2,910"
            np = m.group("np")
            toks = tokenize(np)
            span = phrase_before(toks, len(toks))
            if span is None or not np_head(toks[span[1] - 1]):
                continue
            mention, a, b = span_text(np, toks, span)
            off = m.start("np")
            out.append(
                Attribution(
                    mention,
                    off + a,
                    off + b,
                    m.group("cue"),
                    m.start("cue"),
                    m.end("cue"),
                    "count",
                    is_media_name(mention, known),
                )
            )
    if any(a.kind == "count" for a in out):
        for m in _FOR_THE_RE.finditer(text):
            np = m.group("np")
            out.append(Attribution(np, m.start("np"), m.end("np"), "for", m.start(), m.start("np"), "count"))
    return out


def _colon_cue(text: str, tokens: list[Token], known: frozenset[str]) -> list[Attribution]:
    if ":" not in text:
        return []
    for i, tok in enumerate(tokens[:14]):
        if tok.text == ":" and i + 1 < len(tokens) and tokens[i + 1].text in QUOTES:
            span = phrase_before(tokens, i)
            if span is not None and span[0] == 0:
                return [_make(text, tokens, span, tok, "colon", known)]
    return []


def _pronoun_subject(text: str, tokens: list[Token]) -> list[Attribution]:
    """A sentence whose subject is a pronoun: "She later raised that to $55 million"."""
    i = 0
    while i < len(tokens) and (tokens[i].text in QUOTES or tokens[i].low in {"but", "and", "however", ","}):
        i += 1
    if (
        i < len(tokens)
        and tokens[i].low in {"he", "she", "they"}
        and i + 1 < len(tokens)
        and tokens[i + 1].is_word
        and tokens[i + 1].low not in _POSSESSION_OR_BEING  # "She has covered two wars": a bio, not a claim
    ):
        tok = tokens[i]
        return [
            Attribution(
                tok.text,
                tok.start,
                tok.end,
                tokens[i + 1].text,
                tokens[i + 1].start,
                tokens[i + 1].end,
                "pronoun",
                is_pronoun=True,
            )
        ]
    return []


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


def find_attributions(sentence: str, known_outlets: frozenset[str] = frozenset()) -> list[Attribution]:
    """Every attribution cue in a sentence, in text order of their cues."""
    tokens = tokenize(sentence)
    lows = [t.low for t in tokens]
    found = _verb_cues(sentence, tokens, known_outlets, lows)
    if found and _title_case(tokens):
        # in a headline only the closing ", Governor Says" form is safe: every word there is capitalised
        last_word = max((i for i, t in enumerate(tokens) if t.is_word), default=-1)
        starts = {t.start: i for i, t in enumerate(tokens)}
        found = [
            a
            for a in found
            if (last_word >= 0 and a.cue_start == tokens[last_word].start)
            or _says_a_figure(tokens, starts.get(a.cue_start, -1))  # "UN Says 4.6 Million In Need"
        ]
    found += _phrase_cues(sentence, known_outlets, frozenset(lows))
    found += _colon_cue(sentence, tokens, known_outlets)
    if not found:
        found = _pronoun_subject(sentence, tokens)
    found = [a for a in found if a.mention and not _narrated_record(sentence, a)]
    if any(a.kind in {"according", "count"} for a in found):
        # "According to the institute's figures, the province of Varano recorded 402 deaths": the place
        # is where they were counted, the source is named
        found = [a for a in found if not _place_recorded(a)]
    found.sort(key=lambda a: (a.cue_start, a.start))
    return _attach_citing(sentence, _dedupe(found), known_outlets)


def _says_a_figure(tokens: list[Token], i: int) -> bool:
    """A headline's "Says" right before a number: "UN Says 4.6 Million In Need"."""
    return (
        0 < i < len(tokens) - 1
        and tokens[i].low in {"says", "say"}
        and (tokens[i + 1].text[:1].isdigit() or tokens[i + 1].text[:1] in "$€£")
    )


_PLACE_MENTION_RE = re.compile(
    r"(?:(?:the\s+)?(?:province|region|city|country|district|state|county|town|village|municipality|capital)"
    r"(?:\s+of)?\s+)?[A-Z][\w'’\-]+$"
)


def _place_recorded(att: Attribution) -> bool:
    """ "the province of Varano recorded", "Tarvia registered": a place as the subject of a record verb."""
    return (
        att.kind == "subject"
        and att.cue.lower() in _RECORD_VERBS
        and _PLACE_MENTION_RE.fullmatch(att.mention) is not None
    )


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


def _attach_citing(sentence: str, atts: list[Attribution], known: frozenset[str]) -> list[Attribution]:
    """Give a verb cue the sources it cites after it: "NBC News reported, citing U.S. officials"."""
    if not atts or _CITING_WORD_RE.search(sentence) is None:
        return atts
    out = []
    for idx, att in enumerate(atts):
        limit = atts[idx + 1].cue_start if idx + 1 < len(atts) else len(sentence)
        cited = list(att.citing)
        if att.kind in {"subject", "inverted", "participle", "according"}:
            for m in _CITING_RE.finditer(sentence, att.cue_end, limit):
                cite = _phrase_at(sentence, m.end(), known, "citing", m.start())
                if cite is not None and cite.mention not in cited:
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


def _dedupe(atts: list[Attribution]) -> list[Attribution]:
    seen: set[tuple[int, int, int]] = set()
    out = []
    for a in atts:
        key = (a.start, a.end, a.cue_start)
        if key not in seen:
            seen.add(key)
            out.append(a)
    return out


_RELATIVE_ASIDE_RE = re.compile(r",\s*(?:which|who)\b[^,;:]*$")
_RELATIVE_BEFORE_RE = re.compile(r"\b(?:that|which|who|whom)\s+$")
# A lower-case word after a closing speaker's verb that is no time, place or manner phrase opens the clause
# that verb reports ("..., police said the suspect fled"), so the verb does not reach back.
_OWN_CLAUSE_AFTER_RE = re.compile(
    r"\s+(?!(?:on|in|at|late|early|earlier|later|yesterday|today|tonight|last|this|after|before|during|while"
    r"|when|as|but|and|or|citing|adding|according|via|through|to|from|by|with|without|of|for|again|also|previously"
    r"|separately|publicly|privately|repeatedly|recently|overnight|then|now|here|there|too)\b)[a-z]"
)
_HEARER_VERBS = frozenset({"tell", "inform", "assure", "brief", "write"})
_RECORD_VERBS = frozenset({"recorded", "seen", "had", "registered", "counted"})
_PERFECT_BEFORE_RE = re.compile(r"\b(?:has|have)\s+$")
_SINCE_YEAR_RE = re.compile(r"\bsince\s+(?:19|20)\d\d\b")
_CONTRAST_BEFORE_RE = re.compile(r",\s*(?:while|whereas|but)\s+$", re.IGNORECASE)
_CLAUSE_BREAK_RE = re.compile(r"[;—–]|\.\s")
_RELATIVE_GAP_RE = re.compile(r"\s*(?:[A-Za-z][\w\-]*\s+){0,2}?(?:that\s+|which\s+)?")


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
_CLAIM_NOUN_RE = guarded("rceas", rf"{_CLAIM_NOUNS}\s+(?:that|by|from)\b")
_NOMINAL_CLAIM_RES = (
    # "a Radio Kessel report that", "Amnesty International's claim that"
    re.compile(
        rf"\b(?:(?:a|an|the)\s+)?(?P<src>[A-Z][\w&'’.\-]*(?:\s+(?:of\s+)?[A-Z][\w&'’.\-]*){{0,3}})(?:['’]s)?\s+"
        rf"{_CLAIM_NOUNS}\s+that\b"
    ),
    # "claims by opposition leader Mara Quist that", "reports from residents that"
    re.compile(rf"\b{_CLAIM_NOUNS}\s+(?:by|from)\s+(?P<src>[^,;:()]{{2,60}}?)\s+that\b"),
    # "a union claim that": one agent noun before the claim
    re.compile(rf"\b(?:a|an|the)\s+(?P<src>[a-z]+)\s+{_CLAIM_NOUNS}\s+that\b"),
)


@dataclass(frozen=True, slots=True)
class NominalClaim:
    """A claim named as a noun with its source: "a union claim that 1,100 posts were cut"."""

    mention: str
    start: int  # where the source is written
    after: int  # where what was claimed begins (after "that")


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
    for pattern in _NOMINAL_CLAIM_RES:
        for m in pattern.finditer(sentence):
            src = m.group("src").strip()
            if src.endswith(("'s", "’s")):
                src = src[:-2]
            first = src.split()[0].lower()
            if first in CAPITALISED_STOPWORDS or (first in {"the", "a", "an"} and len(src.split()) == 1):
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


def _closed_aside(att: Attribution, fig_start: int, sentence: str) -> bool:
    """A cue inside ", which officials put at three," speaks of that clause only, not of a figure after it."""
    return (
        "," in sentence[att.cue_end : fig_start]
        and _RELATIVE_ASIDE_RE.search(sentence, max(0, att.cue_start - 80), att.cue_start) is not None
    )


def _weak(att: Attribution) -> bool:
    """A cue whose verb reports only with an actor ("found", "recorded", "gave"): it may tell what happened."""
    return att.kind == "subject" and REPORTING_FORMS.get(att.cue.lower()) in WEAK_VERBS


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
    if not atts:
        return Choice(None, ())
    next_fig = min((s for s, _ in other_figures if s >= fig_end), default=10**9)
    phrase_kinds = {"according", "count"}
    media = [a for a in atts if a.media]
    local = [
        a
        for a in atts
        if a.kind in phrase_kinds
        and not a.media
        and fig_end <= a.cue_start < next_fig
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
    if local:
        chosen = local[0]
    else:
        general = [a for a in atts if not (a.kind in phrase_kinds and a.cue_start >= fig_end)]
        before = [
            a
            for a in general
            if a.cue_start < fig_start and not a.media and not _closed_aside(a, fig_start, sentence)
        ]
        after = [
            a for a in general if a.cue_start >= fig_end and not a.media and _trails(a, fig_start, sentence)
        ]
        if before:
            before.sort(key=lambda a: a.cue_start)
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
            if _weak(chosen) and closing:
                # "Rescuers found two more bodies, the fire brigade said": what the closing speaker reports
                chosen = min(closing, key=lambda a: a.cue_start)
        elif after:
            chosen = min(after, key=lambda a: a.cue_start)
        elif media:
            m = min(media, key=lambda a: abs(a.cue_start - fig_start))
            if m.citing:
                synthetic = Attribution(m.citing[0], m.start, m.end, m.cue, m.cue_start, m.cue_end, "citing")
                return Choice(synthetic, (m.mention, *m.citing[1:]))
            return Choice(m, ())
        else:
            return Choice(None, ())
    via = [a.mention for a in media if a is not chosen]
    via += [c for c in chosen.citing if c not in via]
    return Choice(chosen, tuple(dict.fromkeys(via)))


def words(text: str) -> list[str]:
    """The words of a text, for topic matching."""
    return _WORDS_RE.findall(text)
