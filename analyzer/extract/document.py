"""One document in, its claims and figure-less statements out.

Walks the sentences in order and keeps a small discourse state: the last
person and organisation that spoke (for "He later ..." and "the agency
said"), the last date each speaker was said to speak on (for "He added ..."),
and the date of the last statement (for "On the same day").

>>> from analyzer.models import Document
>>> from datetime import date, timedelta
>>> doc = Document("d1", "The coastguard said on Monday that 42 people were rescued.", published=date(2024, 10, 23))
>>> [(c.speaker, c.value, str(c.asserted_on)) for c in extract_document(doc).claims]
[('The coastguard', 42.0, '2024-10-21')]
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

from analyzer.extract.attribution import (
    Attribution,
    choose,
    figure_asides,
    find_attributions,
    nominal_claims,
    sentence_actor,
)
from analyzer.extract.dates import find_dates, is_future_context, is_same_day_reference
from analyzer.extract.descriptions import Description, described_names, named_by
from analyzer.extract.items import fill_from_siblings, item_for
from analyzer.extract.numbers import detect_thousands_separator, find_figures
from analyzer.extract.sentences import split_sentences
from analyzer.extract.stance import stance_of, statement_stance
from analyzer.extract.tokens import QUOTES
from analyzer.extract.vocab import AGENT_NOUNS, CONFIRM_RE, ESTIMATE_AT_VERBS, REPORTING_FORMS, is_media_name
from analyzer.models import Claim, DateMention, Document, Figure, Sentence, Statement
from analyzer.patterns import guarded, prefixed

_NO_CARRY_RE = prefixed(
    "lpebsah",
    r"\b(?:later|previously|earlier|before|since|last|at\s+the\s+time|had\s+(?:said|told|reported|estimated|put))\b",
    re.IGNORECASE,
)
_CREDIT_LINE_RE = re.compile(
    r"^\s*(?:(?i:source|sources|via|credit|with|copyright|©)\s*:?\s+|[—–-]{1,2}\s*)"
    r"(?P<outlet>[A-Z][\w.&'’ \-]{1,40}?)\s*\.?\s*$",
    re.MULTILINE,
)
_DATELINE_CREDIT_RE = re.compile(
    r"^[^\n]{0,80}?\((?P<outlet>[A-Z][\w.& \-]{1,30})\)\s*(?:[—–-]{1,2}|:)", re.MULTILINE
)
_ORG_WORDS = frozenset(
    [
        "service",
        "ministry",
        "agency",
        "council",
        "office",
        "house",
        "department",
        "government",
        "police",
        "forces",
        "army",
        "command",
        "committee",
        "commission",
        "assembly",
        "union",
        "organisation",
        "organization",
        "group",
        "bank",
        "court",
        "party",
        "centre",
        "center",
        "institute",
        "university",
        "association",
        "cross",
        "staff",
        "administration",
        "authority",
        "authorities",
        "bureau",
        "navy",
        "military",
        "guard",
        "coastguard",
        "agency's",
        "network",
        "fund",
        "board",
        "federation",
        "parliament",
        "cabinet",
        "kremlin",
        "pentagon",
    ]
)
_PRONOUN_REACH = 2
# A pronoun that may refer back to a person or body named in an earlier sentence.
_PERSON_PRONOUN_RE = re.compile(r"\b(?:[Hh]e|[Ss]he)\b|^(?:It|They)\b")
# Nouns that name one person by their role.
_PERSON_ROLES = frozenset(
    [
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "minister",
        "secretary",
        "president",
        "premier",
        "governor",
        "mayor",
        "official",
        "diplomat",
        "commander",
        "general",
        "captain",
        "colonel",
        "lieutenant",
        "sergeant",
        "major",
        "admiral",
        "chief",
        "director",
        "head",
        "adviser",
        "advisor",
        "aide",
        "deputy",
        "ambassador",
        "envoy",
        "senator",
        "lawmaker",
        "legislator",
        "mp",
        "councillor",
        "councilor",
        "prosecutor",
        "investigator",
        "inspector",
        "officer",
        "policeman",
        "doctor",
        "nurse",
        "engineer",
        "lawyer",
        "teacher",
        "farmer",
        "pharmacist",
        "economist",
        "analyst",
        "expert",
        "researcher",
        "scientist",
        "medic",
        "activist",
        "critic",
        "leader",
        "chancellor",
        "king",
        "queen",
        "prince",
        "sheriff",
        "marshal",
        "coroner",
        "registrar",
        "master",
        "witness",
        "resident",
        "colleague",
        "volunteer",
        "worker",
        "rescuer",
        "landlord",
        "organiser",
        "organizer",
        "representative",
        "observer",
    ]
)
_KIND_LINKS = frozenset({"of", "for", "at", "in", "from"})
# A sentence that may open with a named subject: two capitalised words, perhaps after "On Monday, ".
_ACTOR_START_RE = re.compile(r"(?:[A-Z][^,]{0,40},\s+)?[A-Z][\w'’.\-]*\s+(?:[a-z]+\s+)?[A-Z]")
# Capitalised titles before a personal name that are not agent nouns.
_TITLES = frozenset(
    {"dr", "mr", "mrs", "ms", "prof", "professor", "gen", "col", "lt", "capt", "sgt", "sen", "rep"}
)
_TITLES_AND_ROLES = _TITLES | AGENT_NOUNS
_NOMINAL_END_RE = re.compile(r";|\.\s|,\s+(?:but|while|whereas|saying|calling|adding)\b")
_AGE_BEFORE_RE = re.compile(r"[A-Z][\w'’\-]+\s*[,(]\s*(?:aged\s+)?$")
_AGED_BEFORE_RE = re.compile(
    r"\b(?:aged|ages?(?:\s+ranging)?)\s+(?:(?:of|between|from)\s+)?(?:\d{1,3}\s*(?:and|to|-|–)\s*)?$",
    re.IGNORECASE,
)
_PERSON_BEFORE_RE = re.compile(
    r"\b(?:man|woman|boy|girl|mother|father|son|daughter|husband|wife|grandmother|grandfather|teenager|pensioner"
    r"|widow|resident|driver|farmer|teacher|student|nurse|doctor|worker|fisherman|miner|soldier|officer)\s*[,(]\s*$",
    re.IGNORECASE,
)
_PEOPLE_AGED_RE = re.compile(
    r"\b(?:children|people|residents|patients|adults|men|women|girls|boys|pupils|victims|pensioners|those|anyone)"
    r"\s+(?:aged\s+)?(?:under|over|above|below|older\s+than|younger\s+than)\s+[\w-]+$",
    re.IGNORECASE,
)
_OLDER_GROUP_RE = re.compile(
    r"\b(?:most|many|all|half|nearly\s+all|the\s+majority|\d[\d,]*)\s+(?:of\s+)?(?:the\s+|them\s+)?(?:[a-z]+\s+){0,2}?"
    r"(?:were|are|was|is)\s+(?:aged\s+)?(?:over|under|above|below|older\s+than|younger\s+than)\s+[\w-]+$",
    re.IGNORECASE,
)
_CLAUSE_CLOSES_RE = re.compile(r"\s*(?:[,.;:)—–]|$|\s+(?:and|but|while|when|who|police|officials)\b)")
_DURATION_RE = re.compile(
    r"^(?:years?|months?|weeks?|days?|hours?|minutes?|decades?|centuries)\b", re.IGNORECASE
)
_WORD_SPLIT_RE = re.compile(r"[a-z]+")
_CUE_WORDS = frozenset({"according", "per", "count", "estimate", "estimates", "he", "she", "they", "citing"})
_ANY_CUE_WORD = frozenset(REPORTING_FORMS) | _CUE_WORDS
_ANAPHORIC_TOPIC_RE = prefixed(
    "tsi",
    r"\b(?:th(?:ese|ose|is|at)\s+(?:reports?|claims?|development|move|deployment|information|figures?)|"
    r"such\s+a\s+\w+|the\s+reports?|it)\b",
    re.IGNORECASE,
)
_CLAUSE_END_RE = guarded(',;:()"“”—.abw', r"[,;:()\"“”—]|\.\s|\band\b|\bbut\b|\bwhile\b")
_RATE_RE = prefixed(
    "apedwmyh",
    r"\b(?:a|per|each|every)\s+(?P<unit>day|week|month|year|hour)\b(?!\s+(?:ago|earlier|later|before|after)\b)"
    r"|\b(?P<adverb>daily|weekly|monthly|annually|yearly|hourly)\b",
    re.IGNORECASE,
)
# "up from 1,214 a day earlier": a figure the same speaker gave that long before the statement; only
# after "up from/down from/from/compared with", since otherwise the phrase dates the event ("they had
# arrested 40 a day earlier")
_EARLIER_FROM_RE = re.compile(
    r"(?:\b(?:(?:up|down)\s+)?from\s+|\bcompared\s+(?:with|to)\s+)(?:about\s+|around\s+|some\s+|nearly\s+)?$",
    re.IGNORECASE,
)
_EARLIER_RE = re.compile(
    r"\s+(?P<n>a|one|two|three|four|five|six|seven)\s+(?P<unit>day|week)s?\s+(?:earlier|before)\b",
    re.IGNORECASE,
)
_SMALL_COUNTS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
_RATE_UNITS = {
    "daily": "day",
    "weekly": "week",
    "monthly": "month",
    "annually": "year",
    "yearly": "year",
    "hourly": "hour",
}
_DATE_HINT_RE = prefixed(
    r"mtwfsyjaond\d",
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|jan|feb|mar|apr|may|jun|jul|"
    r"aug|sep|oct|nov|dec)|\d/\d",
    re.IGNORECASE,
)
_GAP_BREAK_RE = prefixed(',;:"“”t', r"\bthat\b|[,;:\"“”]")
# After "put the toll at 1,388" the figure is the verb's object, so its comma ends no clause.
_PUT_GAP_BREAK_RE = prefixed(',;:"“”t', r"\bthat\b|,(?!\d)|[;:\"“”]")
_PUBLISHED_BEFORE_RE = re.compile(r"\b(?:published|released|issued|posted)\s+$", re.IGNORECASE)
_BY_GAP_RE = re.compile(r"\s+by\s+", re.IGNORECASE)
# A cue inside ", who first accused ... on Oct. 13," speaks of another occasion than the main verb's.
_IN_RELATIVE_ASIDE_RE = re.compile(r",\s*(?:who|which)\b[^,;]*$")
# A date that bounds a span or sets a deadline ("by 2028", "since Friday") never dates a statement.
_SPAN_DATE_RE = re.compile(r"(?:by|until|till|since|from|before|after)\s", re.IGNORECASE)
# An aside between the speaker and the verb that tells how or where the statement was made.
_SPEAKER_ASIDE_RE = re.compile(
    r"\s*,\s*(?:speaking|addressing|writing|talking|briefing|(?:in|at|during)\s+(?:a|an|the|his|her|its|their)\s|"
    r"(?:published|released|issued|posted)\b)[^,;:]*$",
    re.IGNORECASE,
)
# The occasion of a statement right before its date: "in a statement", "at a news conference late".
_OCCASION_BEFORE_RE = re.compile(
    r"\b(?:in|at|during|via)\s+(?:a|an|the|his|her|its|their)\s+(?:[\w\-]+\s+){0,2}?"
    r"(?:statement|address|interview|briefing|(?:news|press)\s+conference|speech|post|letter|report|message|"
    r"video|broadcast|communiqu[eé]|bulletin|update)\s+(?:(?:published|released|issued|posted|delivered|given)\s+)?"
    r"(?:late\s+|early\s+)?$",
    re.IGNORECASE,
)
# "Hours later", "in the same statement": the same occasion as the statement before
_SAME_OCCASION_RE = prefixed(
    "hmloti",
    r"\b(?:(?:hours|minutes|moments)\s+later|later\s+(?:that|the\s+same)\s+day|(?:on\s+)?the\s+same\s+day|"
    r"in\s+the\s+same\s+(?:statement|briefing|interview|press\s+conference|news\s+conference|speech|post|report))\b",
    re.IGNORECASE,
)
# What may stand before a date that opens a sentence: "In a briefing on Monday, ...", "Late on Friday, ..."
_OPENER_RE = re.compile(
    r"^\s*(?:(?:in|at|during|after|before|late|early|earlier|later|speaking|addressing|also|and|but|then|"
    r"separately|meanwhile|on)\b[^,;:\d]{0,60}?)?$",
    re.IGNORECASE,
)
# "The ministry also said" / "said also": another part of the statement just reported, on the same occasion;
# not "has also said" / "has also raised alarms": the perfect tells of some occasion or other
_ALSO_BEFORE_RE = re.compile(r"(?:\b(?P<perfect>has|have|had)\s+)?\balso\s+$", re.IGNORECASE)
_ALSO_AFTER_RE = re.compile(r"\s+also\b", re.IGNORECASE)
_SMALL_DEFINITE_RE = re.compile(r"\b(?:the|these|those|its|their|his|her|our|both)\s+$", re.IGNORECASE)
# Heads of a description that make the described a body an "it" can refer back to
_BODY_HEADS = frozenset(
    {"firm", "company", "agency", "group", "organisation", "organization", "charity", "institute", "operator"}
)
# Heads of a definite description that stand for the body last named by its name alone, within a few sentences
_FIRM_HEADS = frozenset({"company", "firm", "operator", "group", "organisation", "organization", "charity"})
_FIRM_REACH = 6
_HEAD_SYNONYMS = (
    frozenset({"agency", "service", "office", "bureau"}),
    frozenset({"ministry", "department"}),
    frozenset({"spokesman", "spokeswoman", "spokesperson"}),
    frozenset({"president", "leader"}),
)


@dataclass(frozen=True, slots=True)
class DocumentExtraction:
    """What one document yields: its claims, its statements without figures, the credits it carries."""

    doc_id: str
    claims: tuple[Claim, ...]
    statements: tuple[Statement, ...]
    credits: tuple[str, ...] = ()


@dataclass(slots=True)
class _Discourse:
    """Who spoke last and when: the state that carries across sentences of one document."""

    speakers: list[str] = field(default_factory=list)  # resolved speakers, most recent last
    last_person: str | None = None
    last_org: str | None = None
    last_plural: str | None = None
    last_bare: str | None = None  # the last speaker named by capitalised words alone: a person or a body
    last_date: date | None = None
    speaker_dates: dict[str, date | None] = field(default_factory=dict)
    quote_speaker: str | None = None
    quote_paragraph: int = -1
    sentence: int = 0  # index of the sentence being read
    last_seen: dict[str, int] = field(default_factory=dict)  # speaker -> sentence index it last spoke in
    confirm_paragraph: int = -1  # a paragraph opened by "officials confirmed ..." without a figure
    previous: str = ""  # the sentence before, for statements that point back to it ("these reports")
    turn: str | None = None  # a transcript's speaker of the paragraphs read ("MINISTER MARBURY:") ...
    turn_label: str | None = None  # ... as its label writes it
    publisher: str | None = None  # an outlet that announces in its own page (a press release): its voice
    text: str = ""  # the document's text ...
    offset: int = 0  # ... and where the sentence being read starts in it ...
    prev_offset: int = 0  # ... and the sentence before it
    described: list[Description] | None = None  # names given a description ("Telvon, the operator")
    when: dict[int, tuple[date | None, bool]] = field(default_factory=dict)  # this sentence's cue dates
    future: dict[tuple[int, int], bool] = field(
        default_factory=dict
    )  # this sentence's dates: in a future context?
    last_said: date | None = None  # the date of the last dated statement ...
    last_said_at: int = -99  # ... and the sentence it was in: "X also said" continues it


def document_credits(text: str, known_outlets: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """Syndication credits at the start or end of a page: "(Yonhap) --", "Source: BBC", "— Reuters"."""
    head, tail = text[:400], text[-300:]
    found: list[str] = []
    for m in _DATELINE_CREDIT_RE.finditer(head):
        found.append(m.group("outlet").strip())
    for part in (head, tail):
        for m in _CREDIT_LINE_RE.finditer(part):
            found.append(m.group("outlet").strip())
    return tuple(dict.fromkeys(o for o in found if is_media_name(o, known_outlets)))


@lru_cache(maxsize=4096)  # a story names the same few speakers over and over
def _kind_of(mention: str) -> str:
    """person, org or plural: what a pronoun may refer back to."""
    words = mention.replace("’", "'").split()
    low = [w.lower().strip(".,") for w in words]
    if not low:
        return "org"
    # the head comes before a prepositional phrase: "Residents of Kavak", "Doctors at the city hospital"
    link = next((i for i in range(1, len(low)) if low[i] in _KIND_LINKS), len(low))
    head = low[link - 1]
    if head.endswith("s") and head.rstrip("s") in AGENT_NOUNS and head not in _ORG_WORDS:
        return "plural"
    if head in _PERSON_ROLES:
        return "person"  # "the harbour master", "the head of the agency", "a spokesman for the group"
    if low[0] == "the" and len(low) > 1:
        return "org"  # people take no article: "the Common Front" is a body
    if _titled_name(words, low):
        return "person"  # "union leader Mirela Danek", "Army spokesman Colonel Radek Sorin"
    if link < len(low) and low[link] == "of" and words[0][:1].isupper() and words[-1][:1].isupper():
        return "org"  # a name with "of" in it names a body: "Confederation of Ardenian Labour"
    if (
        head in _ORG_WORDS
        or any(w in _ORG_WORDS for w in low[:link])
        or (
            head in AGENT_NOUNS
            and head
            not in {
                "spokesman",
                "spokeswoman",
                "spokesperson",
                "minister",
                "secretary",
                "president",
                "governor",
                "mayor",
                "official",
                "diplomat",
                "commander",
                "general",
                "captain",
                "chief",
                "director",
                "adviser",
                "advisor",
            }
        )
    ):
        return "org"
    if words[-1][:1].isupper() and not words[-1].isupper():
        return "person"
    return "org" if words[-1].isupper() else "person"


@lru_cache(maxsize=4096)
def _bare_name(mention: str) -> bool:
    """A name of capitalised words only, with no title or role: "Nordic Lines" or "Deniz Arkan" alike.

    >>> _bare_name("Nordic Lines"), _bare_name("Governor Emre Tolan"), _bare_name("the ministry")
    (True, False, False)
    """
    words = mention.replace("’", "'").split()
    return len(words) >= 2 and all(
        w[:1].isupper() and not w.isupper() and w.lower().strip(".,") not in _TITLES_AND_ROLES for w in words
    )


def _titled_name(words: list[str], low: list[str]) -> bool:
    """A personal name after a title: the phrase ends in two or more capitalised words, none of them a
    body's word, after a lower-case role noun or a capitalised title ("Minister", "Colonel", "Dr.").

    >>> _titled_name("union leader Mirela Danek".split(), "union leader mirela danek".split())
    True
    >>> _titled_name("Ministry of Defence".split(), "ministry of defence".split())
    False
    """
    run = 0
    for word, lw in zip(reversed(words), reversed(low), strict=True):
        if not word[:1].isupper() or word.isupper() or lw in _ORG_WORDS or lw in AGENT_NOUNS:
            break
        run += 1
    if run < 2 or run == len(words):
        return False
    before = low[-run - 1]
    return before in AGENT_NOUNS or before in _TITLES


def _definite_head(mention: str) -> str | None:
    """The head noun of a definite description with no name in it: "the intelligence agency" -> agency."""
    words = mention.split()
    if len(words) < 2 or len(words) > 4 or words[0].lower() != "the":
        return None
    if words[-1][:1].isupper() or any(w[:1].isupper() and w.lower() in AGENT_NOUNS for w in words[1:]):
        return None  # "the Harbour Board" is a name; "the Norvian car-parts maker" a description
    head = words[-1].lower()
    return head if head in AGENT_NOUNS and not head.endswith("s") else None


def _resolve(att: Attribution, state: _Discourse) -> str | None:
    """The speaker an attribution names, following pronouns and definite descriptions back."""
    if att.is_pronoun:
        low = att.mention.lower()
        if low in {"he", "she"}:
            found = state.last_person
        elif low == "they":
            found = state.last_plural or state.last_org
        elif low == "it":
            found = state.last_org
            # "Nordic Lines ... It added": a bare name may be a body; "it" says it is one
            bare = state.last_bare
            if bare is not None and (
                found is None or state.last_seen.get(bare, -99) > state.last_seen.get(found, -99)
            ):
                found = bare
            if found is None or state.last_seen.get(found, -99) < state.sentence - 1:
                # "... commissioned a count from Civica Metrics, an independent firm. It put the crowd at
                # 61,000": a body the sentence before described is nearer than an older speaker
                described = _body_described_before(state)
                if described is not None:
                    return described
        else:
            found = None
        # a pronoun reaches back two sentences at most: further, other subjects have come between
        if found is not None and state.sentence - state.last_seen.get(found, -99) > _PRONOUN_REACH:
            return None
        return found
    words = att.mention.split()
    if len(words) == 1 and words[0][:1].isupper():
        for earlier in reversed(state.speakers):  # "Amsel" after "Governor Ruth Amsel"
            if earlier != att.mention and earlier.split()[-1] == words[0] and _kind_of(earlier) == "person":
                return earlier
    head = _definite_head(att.mention)
    if head is not None:
        family = next((f for f in _HEAD_SYNONYMS if head in f), frozenset({head}))
        modifiers = {w.lower() for w in att.mention.split()[1:-1]}
        for earlier in reversed(state.speakers):
            known = {w.lower().strip(".,").replace("’s", "").replace("'s", "") for w in earlier.split()}
            # "the intelligence agency" -> "National Intelligence Service"; not "the weather service"
            if known & family and modifiers <= known and earlier.lower() != att.mention.lower():
                return earlier
        if state.described is None:  # worked out once per document, when first needed
            state.described = described_names(state.text)
        # "Telvon, the country's largest mobile operator, ... The operator said": the name it described
        named = named_by(state.described, family, modifiers, state.offset + att.end)
        if named is not None:
            return named
        if head in _FIRM_HEADS and not modifiers:
            named = _named_firm(state, head)
            if named is not None:
                return named  # "Karsten Minerals said ... The company said": a body named by its name alone
    return att.mention


def _body_described_before(state: _Discourse) -> str | None:
    """The last body the sentence before the current one describes ("Civica Metrics, an independent firm")."""
    if state.described is None:
        state.described = described_names(state.text)
    for d in reversed(state.described):
        if d.start < state.prev_offset:
            return None
        if d.start < state.offset and d.head in _BODY_HEADS:
            return d.name
    return None


def _named_firm(state: _Discourse, head: str) -> str | None:
    """The latest speaker of the last few sentences named by capitalised words alone ("Karsten Minerals",
    "Telvona") that the text does not describe as something other than ``head`` ("Mine Watch, a monitoring
    group" is no company)."""
    described = state.described or []
    for name in reversed(state.speakers):
        if state.sentence - state.last_seen.get(name, -99) > _FIRM_REACH:
            return None
        if not (_bare_name(name) or (" " not in name and name[:1].isupper() and not name.isupper())):
            continue
        heads = {d.head for d in described if d.name == name}
        if not heads or head in heads:
            return name
    return None


def _rate_in_clause(text: str, end: int) -> str | None:
    """A rate stated after the counted noun: "1,200 soldiers were dying every day" -> day."""
    clause = _CLAUSE_END_RE.split(text[end : end + 120], maxsplit=1)[0]
    m = _RATE_RE.search(clause)
    if m is None:
        return None
    word = (m.group("unit") or m.group("adverb")).lower()
    return _RATE_UNITS.get(word, word)


def _age(text: str, fig: Figure) -> bool:
    """A person's age is no claim: "said Teodor Brandt, 67, who ...", "a man, 45,", "aged 19 to 34", "most
    victims were over 75".

    >>> from analyzer.extract.numbers import find_figures
    >>> [_age(t, find_figures(t)[0]) for t in ("Police said a man, 45, was held.", "The victims were aged 4 to 80.")]
    [True, True]
    >>> [_age(t, find_figures(t)[0]) for t in ("Most victims were over 75.", "Casualties were over 75.")]
    [True, False]
    >>> [_age(t, find_figures(t)[-1]) for t in ("41 of the dead were under 18.", "Children under 12 made up 30.")]
    [True, False]
    """
    if fig.value >= 120 or fig.value != int(fig.value) or fig.unit is not None:
        return False
    before = text[max(0, fig.start - 60) : fig.start]
    if _AGED_BEFORE_RE.search(before) is not None:
        return True  # "aged 75", "aged between 4 and 80", "ages ranging from 19 to 34"
    if _OLDER_GROUP_RE.search(text, max(0, fig.start - 60), fig.end) and _CLAUSE_CLOSES_RE.match(
        text, fig.end
    ):
        return True  # "most victims were over 75": what most of a group is, not how many
    if _PEOPLE_AGED_RE.search(text, max(0, fig.start - 40), fig.end) is not None:
        return True  # "children under 12", "people over 75 who lived alone"
    return (
        fig.qualifier is None
        and (_AGE_BEFORE_RE.search(before) is not None or _PERSON_BEFORE_RE.search(before) is not None)
        and text[fig.end : fig.end + 1] in {",", ")"}
    )


_SOURCE_LEAD_RE = re.compile(r"\b(?:citing|quoting|according\s+to)\s+(?:at\s+least\s+)?$", re.IGNORECASE)
_SOURCE_NOUN_RE = re.compile(
    r"\s+(?:[\w-]+\s+){0,3}?(?:people|persons|officials|sources|diplomats|witnesses|insiders|officers)\b",
    re.IGNORECASE,
)


def _source_count(text: str, fig: Figure) -> bool:
    """ "citing two people familiar with the matter": the number counts the sources, it is no claim.

    >>> from analyzer.extract.numbers import find_figures
    >>> text = "Costs may reach $450 million, Bloomberg reported, citing two people familiar with the talks."
    >>> [f.value for f in find_figures(text) if not _source_count(text, f)]
    [450000000.0]
    """
    return (
        _SOURCE_LEAD_RE.search(text, max(0, fig.start - 30), fig.start) is not None
        and _SOURCE_NOUN_RE.match(text, fig.end) is not None
    )


def _definite_small(text: str, fig: Figure) -> bool:
    """ "the two countries": a small number in words after a determiner names things, it counts nothing new."""
    return fig.value < 10 and fig.text.isalpha() and _SMALL_DEFINITE_RE.search(text[: fig.start]) is not None


def _opens_confirmation(text: str, atts: list[Attribution]) -> bool:
    """A sentence like "Other officials quickly confirmed the information": it frames what follows."""
    return any(
        a.kind == "subject" and CONFIRM_RE.match(a.cue) and _kind_of(a.mention) == "plural" for a in atts
    )


def _has_cue_word(text: str) -> bool:
    """A cheap test for a reporting verb or another cue before the full attribution pass."""
    return ":" in text or not _ANY_CUE_WORD.isdisjoint(_WORD_SPLIT_RE.findall(text.lower()))


def _future(sentence: str, mention: DateMention, state: _Discourse) -> bool:
    """:func:`is_future_context`, worked out once per date of the sentence being read."""
    key = (mention.start, mention.end)
    found = state.future.get(key)
    if found is None:
        found = state.future[key] = is_future_context(sentence, mention)
    return found


def _continues_with_also(text: str, att: Attribution) -> bool:
    """ "The ministry also said ...", "It said also ...": the cue adds to the statement just reported."""
    before = _ALSO_BEFORE_RE.search(text, max(0, att.cue_start - 16), att.cue_start)
    if before is not None:
        return before.group("perfect") is None
    return _ALSO_AFTER_RE.match(text, att.cue_end) is not None


def _another_occasion(text: str, att: Attribution) -> bool:
    """ "She later raised it", "He had said", "X said previously", "Within days he had put a number on it":
    the sentence marks a statement made on another occasion than the last one, so it shares no date.
    Read up to the cue only: "since Friday" in what "X said" reports says nothing of when it was said."""
    return _NO_CARRY_RE.search(text, 0, max(att.end, att.cue_end) + 16) is not None


def _note_dates(dates: list[DateMention], text: str, state: _Discourse) -> None:
    """The story's last past date: what "hours later" or "the same day" in a later sentence refers to."""
    for d in dates:
        if d.value is not None and not _future(text, d, state):
            state.last_date = d.value


@lru_cache(maxsize=4096)
def _speaker_key(name: str) -> str:
    """One key for the ways one document names a speaker: a person by surname, a body by its words."""
    words = name.replace("’", "'").lower().split()
    if words and words[0] == "the":
        words = words[1:]
    if _kind_of(name) == "person" and words:
        return words[-1]
    return " ".join(words)


def _date_headline(claims: list[Claim], headline_end: int) -> list[Claim]:
    """A headline repeats the lead: its undated claims take the date the body gives the same claim."""
    dated: dict[float, date] = {}
    for c in claims:
        if c.speaker and c.asserted_on and c.start >= headline_end:
            dated.setdefault(c.value, c.asserted_on)  # the first, the lead's
    out = []
    for c in claims:
        if c.start < headline_end and c.speaker and c.asserted_on is None:
            when = dated.get(c.value)
            if when is not None:
                c = dataclasses.replace(c, asserted_on=when)
        out.append(c)
    return out


def _resolve_in_sentence(
    att: Attribution, earlier: list[Attribution], resolved: dict[int, str | None], state: _Discourse
) -> str | None:
    """A pronoun first looks back within its own sentence: "The agency said ..., and it has since told ..."."""
    if att.is_pronoun and att.mention.lower() in {"it", "they", "he", "she"}:
        want = {"it": "org", "they": "plural", "he": "person", "she": "person"}[att.mention.lower()]
        for idx in range(len(earlier) - 1, -1, -1):
            name = resolved.get(idx)
            kind = _kind_of(name) if name else ""
            if (
                name
                and not earlier[idx].media
                and (
                    kind == want
                    or (want == "plural" and kind == "org")
                    or (want == "org" and _bare_name(name))  # "Nordic Lines said it had ..."
                )
            ):
                return name
    return _resolve(att, state)


def _remember(state: _Discourse, speaker: str) -> None:
    state.last_seen[speaker] = state.sentence
    state.speakers.append(speaker)
    if len(state.speakers) > 50:
        del state.speakers[:25]
    kind = _kind_of(speaker)
    if kind == "person":
        state.last_person = speaker
        if _bare_name(speaker) or (" " not in speaker and speaker[:1].isupper()):
            # "Nordic Lines", "Marlo": a name alone may be a body, which a later "It" refers to (a surname
            # alone has been resolved to the full name by now)
            state.last_bare = speaker
    elif kind == "plural":
        state.last_plural = speaker
    else:
        state.last_org = speaker


def _dated(
    sentence: str, att: Attribution, dates: list[DateMention], state: _Discourse
) -> tuple[date | None, bool]:
    """:func:`_statement_date`, worked out once per cue of the sentence being read."""
    key = id(att)
    if key not in state.when:
        state.when[key] = _statement_date(sentence, att, dates, state)
    return state.when[key]


def _statement_date(
    sentence: str, att: Attribution, dates: list[DateMention], state: _Discourse
) -> tuple[date | None, bool]:
    """The date of the statement made through ``att``, and whether the sentence stated one at all.

    A date belongs to the statement when it follows the reporting verb ("said
    on Friday"), stands between speaker and verb ("officials on Thursday
    confirmed"), or opens the sentence before the speaker ("On Wednesday, X
    said"). A date inside the reported clause belongs to the event.
    """
    first = min(att.start, att.cue_start)
    last = max(att.end, att.cue_end)
    if not any(d.value for d in dates) and _SAME_OCCASION_RE.search(sentence):
        return state.last_date, state.last_date is not None
    earlier_in_sentence: date | None = None
    gap_break = (
        _PUT_GAP_BREAK_RE if REPORTING_FORMS.get(att.cue.lower()) in ESTIMATE_AT_VERBS else _GAP_BREAK_RE
    )
    for d in dates:
        if _future(sentence, d, state) or _SPAN_DATE_RE.match(d.text):
            continue
        if _dates_the_statement(sentence, att, d, first, last, gap_break):
            if is_same_day_reference(d):
                same = earlier_in_sentence or state.last_date
                return same, same is not None
            if d.vague:
                return None, True
            return d.value, d.value is not None
        if d.value is not None:
            earlier_in_sentence = d.value
    return None, False


def _dates_the_statement(
    sentence: str, att: Attribution, d: DateMention, first: int, last: int, gap_break: re.Pattern[str]
) -> bool:
    """Whether the date ``d`` is the date of the statement made through ``att`` (tests cheapest first)."""
    if d.start >= last:
        gap_after = sentence[last : d.start]
        if len(gap_after) <= 60 and not gap_break.search(gap_after):
            return True  # "said on Friday", "put the toll at 1,388 on Friday"
        # "put the figure at 410,000, or 14%, in a statement on Wednesday": the occasion's own date
        return _OCCASION_BEFORE_RE.search(
            sentence, max(last, d.start - 80), d.start
        ) is not None and "that" not in _WORD_SPLIT_RE.findall(gap_after)
    if att.end <= d.start and d.end <= att.cue_start:
        if d.start - att.end <= 20 and att.cue_start - d.end <= 20 and "," not in sentence[att.end : d.start]:
            return True  # "officials on Thursday confirmed"
        # "X, speaking in a televised address on Monday, said": the aside dates the statement
        return att.kind == "subject" and _SPEAKER_ASIDE_RE.match(sentence, att.end, d.start) is not None
    if d.end <= first and (
        _OPENER_RE.match(sentence[: d.start]) is not None
        and ("," in sentence[d.end : first + 1] or first - d.end <= 2)
        and not any(w in REPORTING_FORMS for w in _WORD_SPLIT_RE.findall(sentence[d.end : first].lower()))
    ):
        return True  # the opening date belongs to the first statement, not to a later "and it has since"
    # "A poll published on Wednesday by the institute found": the poll's date is the finding's
    return (
        d.end <= att.start
        and _BY_GAP_RE.fullmatch(sentence, d.end, att.start) is not None
        and _PUBLISHED_BEFORE_RE.search(sentence, max(0, d.start - 12), d.start) is not None
    )


def extract_document(doc: Document, known_outlets: frozenset[str] = frozenset()) -> DocumentExtraction:
    """The claims and figure-less statements of one document."""
    thousands = detect_thousands_separator(doc.text)
    credits = document_credits(doc.text, known_outlets)
    state = _Discourse(text=doc.text)
    claims: list[Claim] = []
    statements: list[Statement] = []
    sentences = split_sentences(doc.text)
    headline_end = (
        sentences[0].end if sentences and not sentences[0].text.rstrip().endswith((".", '"', "”")) else 0
    )
    transcript = _is_transcript(doc.text)
    for k, sent in enumerate(sentences):
        state.sentence, state.prev_offset, state.offset = sent.index, state.offset, sent.start
        if transcript and (k == 0 or sentences[k - 1].paragraph != sent.paragraph):
            _take_turn(sent.text, state)
        state.when.clear()
        state.future.clear()
        text = sent.text
        figures = [
            f
            for f in find_figures(text, thousands=thousands)
            if not _definite_small(text, f) and not _age(text, f) and not _source_count(text, f)
        ]
        needs_cues = bool(figures) or _has_cue_word(text)
        atts = find_attributions(text, known_outlets) if needs_cues else []
        if k < _PUBLISHER_REACH and atts and doc.outlet and state.publisher is None:
            state.publisher = _self_published(doc.outlet, atts)
        if atts and figures:  # "Two senior officials said": a number in a speaker's name counts the speakers
            figures = [f for f in figures if not any(a.start <= f.start and f.end <= a.end for a in atts)]
        if not atts and not figures:
            if not (text[:1] in QUOTES and state.quote_paragraph == sent.paragraph):
                state.quote_speaker = None
            _remember_actor(text, sentences[k + 1 : k + 1 + _PRONOUN_REACH], state)
            _note_dates(find_dates(text, doc.published) if _DATE_HINT_RE.search(text) else [], text, state)
            state.previous = text
            continue
        dates = find_dates(text, doc.published) if atts or figures else []
        _sentence_claims(doc, sent, figures, atts, dates, state, credits, claims, statements)
        if not atts:  # "Sea Relief, a charity, ran two boats all night. It said ...": the subject is "it"
            _remember_actor(text, sentences[k + 1 : k + 1 + _PRONOUN_REACH], state)
        if not figures and atts:
            _sentence_statements(doc, sent, atts, dates, state, credits, statements)
            if _opens_confirmation(text, atts):
                state.confirm_paragraph = sent.paragraph
        state.previous = text
    if headline_end:
        claims = _date_headline(claims, headline_end)
    return DocumentExtraction(doc.doc_id, tuple(claims), tuple(statements), credits)


_TURN_RE = re.compile(r"(?P<label>[A-Z][A-Z.'’\- ]{1,40}?)(?:[^\S\n]*\([^)\n]{0,60}\))?:[^\S\n]")
_TURN_LINE_RE = re.compile(rf"^{_TURN_RE.pattern}", re.MULTILINE)
_NOT_SPEAKER_LABELS = frozenset(
    {
        "update", "updated", "breaking", "exclusive", "watch", "live", "analysis", "opinion", "note",
        "correction", "photo", "video", "read more", "editor's note", "source", "sources", "warning",
        "transcript", "advertisement", "related", "see also", "key points",
    }
)  # fmt: skip
_QUESTION_LABELS = frozenset({"question", "q", "reporter", "journalist", "audience", "moderator", "host"})
_PUBLISHER_REACH = 3  # sentences in which a page's publisher may announce in its own name


def _label_words(label: str) -> list[str]:
    return [w for w in label.replace(".", " ").lower().split() if w]


def _is_transcript(text: str) -> bool:
    """Paragraphs opened by speakers' labels in capitals, two or more of them ("MINISTER MARBURY: ...")."""
    labels = {
        m.group("label").strip()
        for m in _TURN_LINE_RE.finditer(text)
        if " ".join(_label_words(m.group("label"))) not in _NOT_SPEAKER_LABELS
    }
    return len(labels) >= 2


def _take_turn(text: str, state: _Discourse) -> None:
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


def _self_published(outlet: str, atts: list[Attribution]) -> str | None:
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


def _quoted_at(text: str, pos: int) -> bool:
    """Whether ``pos`` is inside a quotation (an odd number of quote marks before it)."""
    return (text.count('"', 0, pos) + text.count("“", 0, pos) + text.count("”", 0, pos)) % 2 == 1


def _remember_actor(text: str, following: list[Sentence], state: _Discourse) -> None:
    """The named subject of a sentence without a reporting verb, when a pronoun follows: "She later told
    reporters" refers back to it."""
    if _ACTOR_START_RE.match(text) and any(_PERSON_PRONOUN_RE.search(later.text) for later in following):
        actor = sentence_actor(text)
        if actor is not None and _kind_of(actor) != "plural":
            _remember(state, actor)


def _sentence_claims(
    doc: Document,
    sent: Sentence,
    figures: list[Figure],
    atts: list[Attribution],
    dates: list[DateMention],
    state: _Discourse,
    credits: tuple[str, ...],
    out: list[Claim],
    statements: list[Statement],
) -> None:
    text = sent.text
    spans = [(f.start, f.end) for f in figures]
    used: set[int] = set()
    carried_quote = (
        not atts
        and text[:1] in QUOTES
        and state.quote_speaker is not None
        and state.quote_paragraph == sent.paragraph
    )
    resolved: dict[int, str | None] = {}
    sentence_dates: dict[int, date | None] = {}  # cue -> its statement's date
    for idx, cue in enumerate(atts):
        resolved[idx] = _resolve_in_sentence(cue, atts[:idx], resolved, state)
    # one speaker's cues in one sentence make one statement: "X put the toll at 62, according to a report
    # it published on Monday", "X gave a lower figure on Thursday, saying ...": the dated cue dates them all
    own_dates: dict[str, date | None] = {}
    if dates and len(atts) > 1:
        for idx, cue in enumerate(atts):
            name = resolved.get(idx)
            if (
                name is not None
                and not cue.media
                and not _IN_RELATIVE_ASIDE_RE.search(text, 0, cue.cue_start)
            ):
                when, stated = _dated(text, cue, dates, state)
                if stated and when is not None:
                    own_dates.setdefault(_speaker_key(name), when)
    asides = figure_asides(text, atts) if figures else []
    aside_ids = {id(a.attribution) for a in asides}
    main_atts = [a for a in atts if id(a) not in aside_ids] if asides else atts
    for fig in figures:
        others = [s for s in spans if s != (fig.start, fig.end)]
        choice = choose(main_atts, fig.start, fig.end, others, text)
        speaker: str | None = None
        mention: str | None = None
        cue_start = -1
        asserted: date | None = None
        via = list(choice.via)
        att: Attribution | None = choice.attribution
        if att is not None:
            used.add(id(att))
            idx = next((i for i, a in enumerate(atts) if a is att), -1)
            speaker = resolved.get(idx, att.mention) if idx >= 0 else att.mention
            if att.kind == "pronoun" and speaker is None:
                att = None
            else:
                mention = att.mention
                cue_start = att.cue_start
        elif carried_quote:
            speaker = mention = state.quote_speaker
        by_document = False
        if speaker is None and (att is None or att.is_pronoun):
            # a transcript's turn, or a press release's own voice ("We will close the plant, which employs
            # 1,650 people"): the document is the statement, made on its date
            if state.turn is not None:
                speaker, mention, by_document = state.turn, state.turn_label, True
            elif state.publisher is not None and not _quoted_at(text, fig.start):
                speaker, by_document = state.publisher, True
            if by_document:
                att, cue_start = None, -1
        if by_document:
            asserted = doc.published
        elif speaker is not None and att is not None:
            key = id(att)
            if key not in sentence_dates:
                sentence_dates[key] = _effective_date(text, att, speaker, dates, state, own_dates)
            asserted = sentence_dates[key]
            if asserted is not None:
                earlier = _EARLIER_RE.match(text, fig.end)
                if earlier is not None and _EARLIER_FROM_RE.search(text, max(0, fig.start - 20), fig.start):
                    days = _SMALL_COUNTS[earlier.group("n").lower()] * (
                        7 if earlier.group("unit").lower() == "week" else 1
                    )
                    asserted = asserted - timedelta(days=days)
        elif speaker is not None:
            asserted = state.speaker_dates.get(_speaker_key(speaker))
        if asserted is None and speaker is not None and state.publisher is not None:
            asserted = doc.published  # what a press release quotes is said on its date
        via += [c for c in credits if c not in via and c != speaker]
        stance = stance_of(text, cue_start, fig.start, fig.end) if speaker else "asserts"
        if stance == "asserts" and speaker and state.confirm_paragraph == sent.paragraph:
            stance = (
                "confirms"  # the paragraph opened with "officials confirmed ...": this is the confirmation
            )
        out.append(
            Claim(
                claim_id=f"{doc.doc_id}@{sent.start + fig.start}",
                doc_id=doc.doc_id,
                value=fig.value,
                sentence=text,
                start=sent.start + fig.start,
                end=sent.start + fig.end,
                outlet=doc.outlet,
                published=doc.published,
                speaker=speaker,
                speaker_mention=mention,
                via=tuple(via) if speaker else tuple(credits),
                value_low=fig.low,
                value_high=fig.high,
                qualifier=fig.qualifier,
                approximate=fig.approximate,
                derived=fig.derived,
                unit=fig.unit,
                item=item_for(text, fig.start, fig.end, fig.text, fig.derived is not None, fig.unit),
                stance=stance,
                asserted_on=asserted,
                per=fig.per or _rate_in_clause(text, fig.end),
            )
        )
    kept = [
        c
        for c in out[len(out) - len(figures) :]
        if not (c.per is None and c.item and _DURATION_RE.match(c.item))
    ]
    del out[len(out) - len(figures) :]
    out.extend(kept)  # "after eight years at regional radio": a duration, not a count anyone claims
    sentence_claims = out[len(out) - len(kept) :]
    items = fill_from_siblings([c.item for c in sentence_claims], [c.unit for c in sentence_claims])
    for k, (c, item) in enumerate(zip(sentence_claims, items, strict=True)):
        if item != c.item:
            out[len(out) - len(kept) + k] = dataclasses.replace(c, item=item)
    own = out[len(out) - len(kept) :]
    for aside in asides:  # ", a figure the ministry denied": the aside's speaker on the figure before it
        used.add(id(aside.attribution))
        about = [c for c in own if c.end - sent.start <= aside.start]
        att = aside.attribution
        idx = next((i for i, a in enumerate(atts) if a is att), -1)
        name = resolved.get(idx)
        if not about or name is None or name == about[-1].speaker:
            continue
        when, stated = _dated(text, att, dates, state)
        out.append(
            dataclasses.replace(
                about[-1],
                claim_id=f"{about[-1].claim_id}~{sent.start + att.cue_start}",
                speaker=name,
                speaker_mention=att.mention,
                stance=aside.stance,
                asserted_on=when if stated else None,
                via=tuple(c for c in credits if c != name),
            )
        )
    out.extend(_nominal_claims(text, sent, own, atts, state, credits))
    # a dated cue that no figure took is a statement of its own:
    # "Zelenskyy, who first accused Pyongyang of sending troops on Oct. 13, has said ... 10,000"
    for idx, cue in enumerate(atts):
        name = resolved.get(idx)
        if (
            id(cue) in used
            or cue.media
            or name is None
            or cue.kind not in {"subject", "inverted", "participle"}
        ):
            continue
        later = [a.cue_start for a in atts if a.cue_start > cue.cue_end]
        topic = text[cue.cue_end : min(later) if later else len(text)]
        statement = _statement(doc, sent, cue, name, topic, atts, dates, state, credits, carry=False)
        if statement is not None:
            statements.append(statement)
    _update_state(sent, atts, resolved, dates, state, own_dates, sentence_dates)


def _nominal_claims(
    text: str,
    sent: Sentence,
    own: list[Claim],
    atts: list[Attribution],
    state: _Discourse,
    credits: tuple[str, ...],
) -> list[Claim]:
    """ "Vellmar denied a Radio Kessel report that 2,000 jobs would go": the figure is also the claim of the
    report's source, which asserts it (the denial stays with the sentence's speaker)."""
    extra: list[Claim] = []
    for nominal in nominal_claims(text) if own else ():
        later = [a.cue_start for a in atts if a.cue_start > nominal.after]
        limit = min([*later, len(text)])
        stop = _NOMINAL_END_RE.search(text, nominal.after, limit)
        limit = stop.start() if stop else limit
        mention = nominal.mention
        # "a union claim": "the union" may be a body named before
        lookup = f"the {mention}" if mention.islower() and " " not in mention else mention
        end = nominal.start + len(mention)
        name = _resolve(
            Attribution(lookup, nominal.start, end, "that", nominal.after - 4, nominal.after, "according"),
            state,
        )
        name = mention if name == lookup else name
        for c in own:
            if nominal.after <= c.start - sent.start < limit and name and c.speaker != name:
                extra.append(
                    dataclasses.replace(
                        c,
                        claim_id=f"{c.claim_id}~{sent.start + nominal.start}",
                        speaker=name,
                        speaker_mention=mention,
                        stance="asserts",
                        asserted_on=None,
                        via=tuple(x for x in credits if x != name),
                    )
                )
    return extra


def _update_state(
    sent: Sentence,
    atts: list[Attribution],
    resolved: dict[int, str | None],
    dates: list[DateMention],
    state: _Discourse,
    own_dates: dict[str, date | None],
    known: dict[int, date | None],
) -> None:
    text = sent.text
    _note_dates(dates, text, state)
    said: list[date | None] = []
    for idx, att in enumerate(atts):
        speaker = resolved.get(idx)
        if speaker is None or att.media:
            continue
        key = id(att)
        said.append(
            known[key] if key in known else _effective_date(text, att, speaker, dates, state, own_dates)
        )
        when, stated = _dated(text, att, dates, state)
        if stated and when is not None:
            state.last_date = when
        # the date of the speaker's latest statement: unknown after "has since said" with no date
        state.speaker_dates[_speaker_key(speaker)] = said[-1]
        _remember(state, speaker)
        if any(q in text for q in QUOTES):
            state.quote_speaker = speaker
            state.quote_paragraph = sent.paragraph
    if said:  # what "X also said" in the next sentences continues
        state.last_said, state.last_said_at = said[-1], state.sentence


def _effective_date(
    text: str,
    att: Attribution,
    speaker: str,
    dates: list[DateMention],
    state: _Discourse,
    own_dates: dict[str, date | None],
) -> date | None:
    """The date of the statement made through ``att``: its own, or the one it continues.

    A statement with no date of its own continues the speaker's last dated one ("She added ..."), or
    another cue of the same speaker in the sentence, or, with "also", the statement just reported ("The
    ministry also said ..."); not when the sentence marks another occasion ("later", "had said").
    """
    when, stated = _dated(text, att, dates, state)
    if stated:
        return when
    who = _speaker_key(speaker)
    found = own_dates[who] if who in own_dates else state.speaker_dates.get(who)
    if found is None and state.sentence - state.last_said_at <= 2 and _continues_with_also(text, att):
        found = state.last_said
    if found is None or _another_occasion(text, att):  # (the costlier test last)
        return None
    return found


def _sentence_statements(
    doc: Document,
    sent: Sentence,
    atts: list[Attribution],
    dates: list[DateMention],
    state: _Discourse,
    credits: tuple[str, ...],
    out: list[Statement],
) -> None:
    """Attributed sentences without a figure: they can still assert, confirm, hedge or deny."""
    text = sent.text
    chosen = [
        a
        for a in atts
        if not a.media and a.kind in {"subject", "inverted", "participle", "according", "colon"}
    ]
    if not chosen:
        return
    att = chosen[-1] if chosen[-1].cue_start < len(text) // 2 else chosen[0]
    speaker = _resolve(att, state)
    if speaker is None:
        return
    topic = text[att.cue_end :] if att.cue_end < len(text) - 10 else text[: att.start]
    statement = _statement(doc, sent, att, speaker, topic, atts, dates, state, credits, carry=True)
    if statement is not None:
        out.append(statement)


def _statement(
    doc: Document,
    sent: Sentence,
    att: Attribution,
    speaker: str,
    topic: str,
    atts: list[Attribution],
    dates: list[DateMention],
    state: _Discourse,
    credits: tuple[str, ...],
    *,
    carry: bool,
) -> Statement | None:
    """One statement without a figure, or None when its words are too few to say anything."""
    text = sent.text
    if len(topic.split()) < 4:
        return None
    if _ANAPHORIC_TOPIC_RE.search(topic):
        topic = f"{topic} [{state.previous}]"  # "these reports": what the sentence before reported
    when, stated = _dated(text, att, dates, state)
    if not stated and carry and not _another_occasion(text, att):
        when = state.speaker_dates.get(_speaker_key(speaker))
    if not carry and when is None:
        return None
    via = [a.mention for a in atts if a.media] + list(att.citing)
    via += [c for c in credits if c not in via]
    return Statement(
        statement_id=f"{doc.doc_id}@{sent.start + att.cue_start}s",
        doc_id=doc.doc_id,
        speaker=speaker,
        sentence=text,
        start=sent.start,
        end=sent.end,
        stance=statement_stance(topic),
        asserted_on=when,
        speaker_mention=att.mention,
        outlet=doc.outlet,
        published=doc.published,
        via=tuple(dict.fromkeys(via)),
        topic=topic.strip(' ,.:;"“”'),
    )
