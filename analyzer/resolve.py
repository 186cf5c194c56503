"""Speaker names: one canonical name per actor across a corpus.

The extractor hands over speaker mentions as the text writes them ("White House
spokesperson Tomas Vell", "Vell", "the HRA", "Norway's spy agency").
:func:`resolve_speakers` maps every mention to one canonical name per actor with
general rules of news text only: a surname after a full name, an acronym after its
expansion, spelling variants, a title after a title+name pair, possessive and
demonym forms of institutions, user alias groups. Unnamed sources ("a senior
diplomat", "officials") are normalised lightly and never merged with named actors.

>>> names = resolve_speakers([Mention("a", "Harbour Minister Tomas Vell", 0), Mention("a", "Vell", 5)])
>>> names[("a", "Vell")]
'Tomas Vell'
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from rapidfuzz import fuzz, process

LOGGER = logging.getLogger(__name__)

__all__ = ["Mention", "canonical_label", "is_unnamed", "person_name", "resolve_speakers"]

# ---------------------------------------------------------------- vocabulary (general, not story-specific)

_COUNTRY_TABLE = """
united states: us, u.s., usa, u.s.a., america, american, united states of america
united kingdom: uk, u.k., britain, great britain, british; south korea: south korean, republic of korea
north korea: north korean, dprk, democratic people's republic of korea; korea: korean
ukraine: ukrainian; russia: russian, russian federation; china: chinese, prc, people's republic of china
japan: japanese; taiwan: taiwanese; france: french; germany: german; italy: italian; spain: spanish
portugal: portuguese; netherlands: dutch, holland; belgium: belgian; poland: polish; greece: greek
turkey: turkish, turkiye; iran: iranian; iraq: iraqi; syria: syrian; israel: israeli; lebanon: lebanese
jordan: jordanian; egypt: egyptian; saudi arabia: saudi; yemen: yemeni; qatar: qatari
united arab emirates: uae, emirati; india: indian; pakistan: pakistani; afghanistan: afghan
bangladesh: bangladeshi; indonesia: indonesian; philippines: philippine, filipino; vietnam: vietnamese
thailand: thai; malaysia: malaysian; myanmar: burmese, burma; australia: australian
new zealand: new zealander; canada: canadian; mexico: mexican; brazil: brazilian
argentina: argentine, argentinian; chile: chilean; colombia: colombian; venezuela: venezuelan
peru: peruvian; cuba: cuban; haiti: haitian; nigeria: nigerian; kenya: kenyan; ethiopia: ethiopian
south africa: south african; sudan: sudanese; somalia: somali; libya: libyan; morocco: moroccan
algeria: algerian; tunisia: tunisian; belarus: belarusian; georgia: georgian; armenia: armenian
azerbaijan: azerbaijani; kazakhstan: kazakh; moldova: moldovan; romania: romanian; hungary: hungarian
czech republic: czechia, czech; slovakia: slovak; austria: austrian; switzerland: swiss; sweden: swedish
norway: norwegian; finland: finnish; denmark: danish; ireland: irish; estonia: estonian; latvia: latvian
lithuania: lithuanian; serbia: serbian; croatia: croatian
"""


def _vocab(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _load_countries() -> dict[str, str]:
    table: dict[str, str] = {}
    for entry in _COUNTRY_TABLE.replace("\n", ";").split(";"):
        key, _, rest = entry.partition(":")
        for name in (key, *rest.split(",")):
            if name.strip():
                table.setdefault(name.strip(), key.strip())
    return table


_COUNTRIES = _load_countries()
_COUNTRY_WORDS = frozenset(w for name in _COUNTRIES for w in name.split())
_MAX_COUNTRY_WORDS = max(len(name.split()) for name in _COUNTRIES)

_ARTICLES = frozenset({"the", "a", "an"})
_DETERMINERS = _ARTICLES | {"its", "their", "his", "her", "our", "this", "that"}
_INDEFINITE = _vocab("a an one another some several many two three four five other numerous multiple various")
_PREPOSITIONS = _vocab("for of to at from with by in on about under within inside near among against")
_POSTMODIFIERS = _PREPOSITIONS | _vocab(
    "familiar close who that which speaking briefed involved based according knowledgeable aware"
)
_CONNECTORS = frozenset({"of", "the", "and", "for", "on", "in", "de", "&", "to", "at", "du", "des"})
_TITLES = _vocab("""president premier chancellor minister secretary spokesperson spokesman spokeswoman
    adviser advisor captain capt general gen governor gov mayor director chief head official
    commander cmdr ambassador envoy senator sen representative rep congressman congresswoman
    judge justice attorney prosecutor chairman chairwoman chair chairperson ceo cfo founder
    leader king queen prince princess emir sheikh sultan dictator ruler colonel col lieutenant
    lt major maj sergeant sgt admiral adm marshal brigadier officer inspector superintendent
    commissioner sheriff deputy assistant undersecretary coordinator manager administrator
    professor prof pope cardinal bishop archbishop rabbi imam reverend rev councillor councilor
    councilman councilwoman mp mep rapporteur negotiator correspondent analyst economist master""")
_HONORIFICS = _vocab("mr mrs ms miss dr sir dame lord lady madam mme herr")
_RANKS = {
    "vice": "vice",
    "deputy": "vice",
    "assistant": "vice",
    "under": "vice",
    "acting": "acting",
    "interim": "acting",
    "former": "former",
    "ex": "former",
    "late": "former",
    "then": "former",
    "outgoing": "former",
}
_ROLE_CLASS = {
    "president": "president",
    "dictator": "president",
    "ruler": "president",
    "prime minister": "prime minister",
    "premier": "prime minister",
    "chancellor": "prime minister",
    "spokesman": "spokesperson",
    "spokeswoman": "spokesperson",
    "adviser": "adviser",
    "advisor": "adviser",
    "gen": "general",
    "capt": "captain",
    "cmdr": "commander",
    "col": "colonel",
    "lt": "lieutenant",
    "maj": "major",
    "sgt": "sergeant",
    "adm": "admiral",
    "sen": "senator",
    "gov": "governor",
    "rep": "representative",
    "prof": "professor",
    "rev": "reverend",
}
_INSTITUTIONS = _vocab("""ministry ministries department office agency service services council committee commission
    house staff forces force army navy police guard coastguard command corps court bank fund union
    unions party government administration assembly parliament senate congress institute university
    college school hospital center centre authority authorities bureau board network news times
    post press group company corporation corp inc ltd llc plc association federation league alliance
    coalition front movement organisation organization foundation directorate intelligence cabinet
    presidency secretariat embassy consulate mission tribunal media tv radio channel journal gazette
    herald tribune daily weekly magazine region province state states city county municipality
    district republic kingdom nations international security defense defence affairs health interior
    finance treasury emergency emergencies rescue fire brigade battalion regiment division unit fleet
    headquarters society observatory monitor watch program programme project""")
_GENERIC_PEOPLE = _vocab("""official officials source sources witness witnesses eyewitness eyewitnesses diplomat diplomats
    analysts experts resident residents observer observers insider insiders aide aides person people
    individual individuals someone lawmakers legislators investigators employees staffers workers
    activists doctors medics journalists reporters survivors villagers locals bystanders members
    representatives negotiators officers soldiers spokespeople employee worker staffer activist doctor
    medic journalist reporter survivor villager bystander member soldier""")
_NON_NAMES = _vocab("""he she they it we i you his her their its our this that these those who whom which there here
    what the a an and or but of for with without to in on at by from according monday tuesday
    wednesday thursday friday saturday sunday january february march july september october
    november december today yesterday tomorrow""")
_NOT_NAME = _TITLES | _HONORIFICS | _INSTITUTIONS | _NON_NAMES | _GENERIC_PEOPLE | frozenset(_RANKS)
_PARTICLES = _vocab("de da del della di du des van von der den ter bin ibn al el la le dos das")
_SUFFIXES = _vocab("jr sr ii iii iv")
_GENERIC_POSSESSORS = _vocab(
    "country nation state city region government kingdom republic island capital province territory"
)
_LOWER_FIRST = (
    _GENERIC_PEOPLE
    | _TITLES
    | _INSTITUTIONS
    | _vocab("""senior local regional national federal provincial municipal military government police
        organisers organizers protesters demonstrators rescuers unions authorities hospital""")
)
_LEMMAS = {
    "defence": "defense",
    "organisation": "organization",
    "centre": "center",
    "programme": "program",
    "labour": "labor",
    "spokesman": "spokesperson",
    "spokeswoman": "spokesperson",
}
_SYNONYM_GROUPS = (
    ("intelligence service", "intelligence agency", "spy agency", "spy service", "intelligence services"),
    ("intelligence service", "intelligence"),
    ("health ministry", "health department"),
    ("interior ministry", "home ministry", "interior department", "internal affairs ministry", "home office"),
    ("defense ministry", "defense department"),
    ("foreign ministry", "foreign affairs ministry", "foreign office", "foreign affairs department"),
    ("justice ministry", "justice department"),
    ("finance ministry", "finance department"),
    ("emergency ministry", "emergencies ministry", "emergency situations ministry"),
    ("police", "police force", "police service", "police department"),
    ("military", "armed forces", "armed force"),
    ("coastguard", "coast guard"),
    ("fire service", "fire department", "fire brigade", "fire and rescue service"),
    ("general staff",),
)
_SYNONYMS = {phrase: group[0] for group in _SYNONYM_GROUPS for phrase in group}

# ---------------------------------------------------------------- regexes (bounded, no nested repetition)

_QUOTES = str.maketrans(
    {"’": "'", "‘": "'", "ʼ": "'", "′": "'", "`": "'", "“": '"', "”": '"', "„": '"', "\u00a0": " "}
)
_WS = re.compile(r"\s+")
_COMBINING = re.compile(r"[\u0300-\u036f]")
_ARTICLE = re.compile(r"(?:the|a|an)\s+(?=\S)", re.IGNORECASE)
_PARTITIVE = re.compile(
    r"(?:one|some|two|three|several|many|most|all|each|none|any) of (?:the )?(?=\S)", re.IGNORECASE
)
_KEEP_PERIOD = re.compile(r"(?:[A-Za-z]\.)+|(?:Jr|Sr|Inc|Ltd|Co|Corp|St)\.")
_NAME_TOKEN = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*\.?")
_SEGMENT = re.compile(r"[,;]")
_TRAILING_PAREN = re.compile(r"\s*\(([^()]{1,60})\)$")
_ACRONYM = re.compile(r"(?:[A-Z]\.){2,6}|[A-Z][A-Za-z&]{1,9}")
_NAME_PUNCT = re.compile(r"[.'\"]")
_NAME_DASH = re.compile(r"[-‐–]")
_Y_ENDING = re.compile(r"(?:iy|ij|yi|ii|yy)\b")
_DOUBLE = re.compile(r"([a-z])\1+")
_PAREN_ACRONYM = re.compile(r"\(([A-Z][A-Za-z&.]{1,11})\)")
_ROLE_WORDS = (
    r"prime[ \t]+minister|president|premier|chancellor|leader|minister|secretary|spokes(?:person|man|woman)"
    r"|governor|mayor|director|chief|commander|ambassador|envoy|senator|adviser|advisor|captain|general"
    r"|chairman|chairwoman|king|queen|emir|dictator"
)
_TITLE_NAME = re.compile(
    r"(?<![\w.'’-])(?P<pre>(?:[A-Z][\w.'’&-]*[ \t]+){0,4})"
    r"(?P<rank>(?i:former|ex|vice|deputy|acting|interim|late|then|outgoing)[ \t-]+)?"
    rf"(?P<role>(?i:{_ROLE_WORDS}))[ \t]+"
    r"(?P<name>[A-Z][\w'’-]*(?:[ \t]+(?:[A-Z][\w'’.-]*|de|da|van|von|der|bin|al|el)){1,3})"
)
_LEAD_CHARS = " \t\n\"'([{—–-*•"
_TRAIL_CHARS = " \t\n\"',;:!?]}—–-*"


# ---------------------------------------------------------------- public helpers


@dataclass(frozen=True, slots=True)
class Mention:
    """A speaker mention as the text writes it; ``order`` is its position in the document."""

    doc_id: str
    text: str
    order: int = 0


def _clean(text: str) -> str:
    s = _WS.sub(" ", text.translate(_QUOTES)).lstrip(_LEAD_CHARS).rstrip(_TRAIL_CHARS)
    if s.endswith(")") and s.count("(") < s.count(")"):
        s = s[:-1].rstrip(_TRAIL_CHARS)
    if s.endswith(".") and not _KEEP_PERIOD.fullmatch(s.rsplit(" ", 1)[-1]):
        s = s[:-1].rstrip(_TRAIL_CHARS)
    return s


def canonical_label(text: str) -> str:
    """Lightly normalised mention: no leading article, no edge punctuation, straight apostrophes.

    A sentence-initial capital on a common word is lowered ("Officials"); proper nouns keep their case.

    >>> canonical_label("the coastguard"), canonical_label("a U.S. intelligence official")
    ('coastguard', 'U.S. intelligence official')
    >>> canonical_label("Officials familiar with the talks,"), canonical_label("South Korea’s spy agency")
    ('officials familiar with the talks', "South Korea's spy agency")
    """
    s = _clean(text)
    m = _ARTICLE.match(s)
    if m:
        s = s[m.end() :]
    first, _, rest = s.partition(" ")
    if (
        not m  # after an article a capital is not the sentence's: "The Diplomat" is a title
        and first[:1].isupper()
        and first[1:].islower()
        and first.lower() in _LOWER_FIRST
        and not any(w[:1].isupper() for w in rest.split())
    ):
        s = first.lower() + s[len(first) :]
    return s


@lru_cache(maxsize=1 << 16)
def _fold(text: str) -> str:
    s = _COMBINING.sub("", unicodedata.normalize("NFKD", text.translate(_QUOTES)))
    return _WS.sub(" ", s.casefold()).strip()


@lru_cache(maxsize=1 << 16)
def _name_key(name: str) -> str:
    """Folded name for comparison: no accents, dots or initials; -iy/-yy/-ii endings and double letters merged."""
    s = _NAME_DASH.sub(" ", _NAME_PUNCT.sub("", _fold(name)))
    s = _DOUBLE.sub(r"\1", _Y_ENDING.sub("y", s))
    words = s.split()
    return " ".join([w for w in words if len(w) > 1] or words)


def _is_name_token(tok: str) -> bool:
    if not tok[:1].isupper() or not _NAME_TOKEN.fullmatch(tok) or tok.rstrip(".").lower() in _NOT_NAME:
        return False
    if tok.endswith("'s") or tok.endswith("s'"):
        return False  # a possessor: "Norway's", "Vell's"
    if tok[1:].islower() or len(tok) == 1:
        return True
    upper = sum(map(str.isupper, tok))
    return upper < 2 or upper < sum(map(str.islower, tok))


def _name_run(tokens: Sequence[str]) -> tuple[int, list[str]]:
    """Start index and words of the run of personal-name words that ends ``tokens``."""
    end = len(tokens)
    while end > 1 and tokens[end - 1].rstrip(".").lower() in _SUFFIXES:
        end -= 1
    i = end
    while i:
        tok = tokens[i - 1]
        if _is_name_token(tok) or (tok in _PARTICLES and i < end):
            i -= 1
            continue
        break
    run = [t if len(t) <= 2 else t.rstrip(".") for t in tokens[i:end]]
    if not run or all(t in _PARTICLES for t in run):
        return i, []
    if all(_fold(t) in _COUNTRY_WORDS for t in run):
        return i, []
    if i and tokens[i - 1].lower() in _PREPOSITIONS:
        return i, []  # "a spokesman for Lena Okafor" names somebody else
    return i, run


def _split_paren(label: str) -> tuple[str, str]:
    m = _TRAILING_PAREN.search(label)
    return (label[: m.start()], m.group(1).strip()) if m else (label, "")


@lru_cache(maxsize=1 << 16)
def _find_name(label: str) -> tuple[str, tuple[str, ...], tuple[str, ...]] | None:
    """(name, title words before it, other comma segments) of a mention that names a person."""
    segments = [s.strip() for s in _SEGMENT.split(label) if s.strip()]
    for idx, segment in enumerate(segments):
        tokens = _split_paren(segment)[0].split()
        i, run = _name_run(tokens)
        if run:
            return " ".join(run), tuple(tokens[:i]), (*segments[:idx], *segments[idx + 1 :])
    return None


def person_name(text: str) -> str | None:
    """The personal name inside a mention, titles and roles stripped, or None.

    >>> person_name("White House spokesperson Tomas Vell"), person_name("Captain Ana Ruiz")
    ('Tomas Vell', 'Ana Ruiz')
    >>> person_name("Tomas Vell, spokesman for the harbour authority"), person_name("the ministry")
    ('Tomas Vell', None)
    """
    found = _find_name(canonical_label(text))
    return found[0] if found else None


def is_unnamed(text: str) -> bool:
    """True for unnamed sources: "a senior diplomat", "officials", "sources familiar with the matter".

    >>> is_unnamed("a U.S. intelligence official"), is_unnamed("witnesses"), is_unnamed("the coastguard")
    (True, True, False)
    """
    s = _clean(text)
    indefinite = False
    m = _PARTITIVE.match(s)
    if m:
        s, indefinite = s[m.end() :], True
    tokens = s.split()
    if not tokens:
        return False
    indefinite = indefinite or tokens[0].lower() in _INDEFINITE
    head_tokens: list[str] = []
    for tok in tokens:
        if head_tokens and tok.lower() in _POSTMODIFIERS:
            break
        head_tokens.append(tok)
        if tok.endswith(","):
            break
    head = head_tokens[-1].strip(",;:")
    if (len(head_tokens) > 1 and head[:1].isupper() and not head.isupper()) or _find_name(
        " ".join(head_tokens).rstrip(",")
    ) is not None:
        return False  # "The Diplomat" (a title), "Senior Diplomat Ana Ruiz" (a name)
    head = head.lower()
    return head in _GENERIC_PEOPLE or (indefinite and len(head_tokens) > 1)


def _acronym(label: str) -> str | None:
    """The capital letters of a one-word acronym ("NIS", "DoD", "U.N."), else None."""
    word = label.strip()
    if not _ACRONYM.fullmatch(word) or _fold(word) in _COUNTRIES:
        return None
    upper = sum(ch.isupper() for ch in word)
    if upper < 2 or upper <= sum(ch.islower() for ch in word):
        return None
    return "".join(ch for ch in word if ch.isupper())


# ---------------------------------------------------------------- parsing a mention


@dataclass(frozen=True, slots=True)
class _Role:
    cls: str  # "president", "prime minister", "leader", "spokesperson", "vice:president", ...
    mods: frozenset[str]  # other words of the title: {"defense"} in "defense secretary"
    country: str | None
    possessor: str | None  # a possessor that is not a country: "okafor" in "Okafor's deputy"


@dataclass(frozen=True, slots=True)
class _Frame:
    country: str | None
    possessor: str | None
    possessor_text: str
    display: list[str]  # words without possessor or leading demonym
    core: list[str]  # display without a trailing "of <country>"


@dataclass(frozen=True, slots=True)
class _Parsed:
    kind: str  # "unnamed", "person", "role", "org", "empty"
    label: str
    name: str = ""  # a person's name as written
    full: bool = False  # the name has a given name and a surname
    role: _Role | None = None
    country: str | None = None
    possessor: str | None = None
    possessor_text: str = ""
    rest: str = ""  # an org or role without its possessor
    proper: bool = False
    display: str = ""  # an organisation's name as it would stand alone
    org_key: str = ""
    cls: str = ""
    acronym: str | None = None  # the mention is an acronym
    defines: str | None = None  # the mention defines an acronym: "National Intelligence Service (NIS)"


def _country_of(words: Sequence[str]) -> str | None:
    while words and words[0].lower() in _ARTICLES:
        words = words[1:]
    return _COUNTRIES.get(_fold(" ".join(words))) if words else None


def _frame(tokens: Sequence[str]) -> _Frame:
    toks = list(tokens)
    while toks and toks[0].lower() in _DETERMINERS:
        toks = toks[1:]
    country: str | None = None
    possessor: str | None = None
    poss_text = ""
    for i, tok in enumerate(toks[:5]):
        low = tok.lower()
        if (low.endswith("'s") or low.endswith("s'")) and i + 1 < len(toks):
            words = [*toks[:i], tok[:-2] if low.endswith("'s") else tok[:-1]]
            poss_text = " ".join(words)
            country = _country_of(words)
            key = _fold(poss_text)
            if country is None and key not in _GENERIC_POSSESSORS:
                possessor = key
            toks = toks[i + 1 :]
            break
    if not poss_text:
        for k in range(min(_MAX_COUNTRY_WORDS, len(toks) - 1), 0, -1):
            country = _country_of(toks[:k]) if toks[k].lower() not in ("and", "or", "&") else None
            if country:
                toks = toks[k:]
                break
    core = toks
    if country is None and possessor is None:
        for k in range(min(_MAX_COUNTRY_WORDS + 1, len(toks) - 2), 0, -1):
            if toks[-k - 1].lower() == "of":
                country = _country_of(toks[-k:])
                if country:
                    core = toks[: -k - 1]
                    break
    return _Frame(country, possessor, poss_text, toks, core)


def _norm_words(tokens: Sequence[str]) -> list[str]:
    words = [_LEMMAS.get(w, w) for w in (_fold(t).strip(".,;:'\"()") for t in tokens)]
    words = [w for w in words if w and w not in _DETERMINERS]
    if "of" in words[1:-1]:  # "ministry of the interior" -> "interior ministry"
        j = words.index("of")
        words = words[j + 1 :] + words[:j]
    return words


def _class_of(words: Sequence[str]) -> str:
    for k in (3, 2, 1):
        if len(words) >= k:
            cls = _SYNONYMS.get(" ".join(words[-k:]))
            if cls:
                return cls
    return " ".join(words)


def _role_of(frame: _Frame) -> _Role | None:
    words = [_LEMMAS.get(w, w) for w in (_fold(t).strip(".,;:") for t in frame.core)]
    words = [w for w in words if w and w not in _DETERMINERS]
    cut = next((i for i, w in enumerate(words) if i and w in _PREPOSITIONS), len(words))
    h = cut - 1
    if h < 0 or not (words[h] in _TITLES or words[h] == "spokesperson"):
        return None
    head = words[h]
    used = {h}
    if head == "minister" and h and words[h - 1] == "prime":
        head, used = "prime minister", {h - 1, h}
    mods = {w for i, w in enumerate(words) if i not in used and w not in _CONNECTORS}
    if head == "head" and "state" in mods:
        head, mods = "president", mods - {"state"}
    ranks = sorted({_RANKS[w] for w in mods if w in _RANKS})
    mods = {w for w in mods if w not in _RANKS and w not in _HONORIFICS and w not in _PREPOSITIONS}
    cls = _ROLE_CLASS.get(head, head)
    return _Role(":".join([*ranks, cls]), frozenset(mods), frame.country, frame.possessor)


def _is_proper(tokens: Sequence[str]) -> bool:
    content = [t for t in tokens if t.lower() not in _CONNECTORS]
    return bool(content) and all(t[:1].isupper() or t[:1].isdigit() for t in content)


def _parse_org(label: str) -> _Parsed:
    body, paren = _split_paren(label)
    tokens = body.split()
    frame = _frame(tokens)
    paren_country = _country_of(paren.split()) if paren else None
    country = frame.country or paren_country
    role = _role_of(frame)
    rest = " ".join(frame.display)
    if role is not None:
        role = _Role(role.cls, role.mods, country, role.possessor)
        return _Parsed("role", label, role=role, country=country, possessor=frame.possessor,
                       possessor_text=frame.possessor_text, rest=rest, cls=role.cls)  # fmt: skip
    core = frame.core or tokens
    whole = _country_of(tokens)
    words = _norm_words(core)
    proper = _is_proper(core)
    display = label
    if proper and frame.display:
        display = rest + (f" ({paren})" if paren_country else "")
    return _Parsed(
        "org",
        label,
        country=country or whole,
        possessor=frame.possessor,
        possessor_text=frame.possessor_text,
        rest=rest,
        proper=proper,
        display=display,
        org_key=" ".join(words),
        cls="country" if whole else _class_of(words),
        defines=_acronym(paren) if paren and not paren_country else None,
    )


@lru_cache(maxsize=1 << 16)
def _parse(text: str) -> _Parsed:
    label = canonical_label(text)
    if not label:
        return _Parsed("empty", text.strip())
    if is_unnamed(text):
        return _Parsed("unnamed", label)
    acronym = _acronym(label)
    if acronym:
        return _Parsed("org", label, proper=True, display=label, org_key=_fold(label), acronym=acronym)
    found = _find_name(label)
    if found is None:
        return _parse_org(label)
    name, before, others = found
    role = _role_of(_frame(before)) if before else None
    for segment in others:
        if role is not None:
            break
        role = _role_of(_frame(segment.split()))
    key = _name_key(name).split()
    full = len(key) >= 2 and name.split()[0] not in _PARTICLES
    return _Parsed("person", label, name=name, full=full, role=role)


def _accents(form: str) -> int:
    """Letters written with their diacritics ("José Álvarez" is more complete than "Jose Alvarez")."""
    return sum(ord(ch) > 127 for ch in form)


@lru_cache(maxsize=1 << 16)
def _surname(name: str) -> str:
    words = name.split()
    while len(words) > 1 and words[-1].rstrip(".").lower() in _SUFFIXES:
        words = words[:-1]
    for i in range(1, len(words) - 1):
        if words[i] in _PARTICLES:
            return _name_key(" ".join(words[i:]))
    return _name_key(words[-1])


# ---------------------------------------------------------------- evidence in the document texts


@dataclass(frozen=True, slots=True)
class _Title:
    doc: str
    role: _Role
    name: str  # the full name that holds the title


@dataclass(frozen=True, slots=True)
class _Definition:
    doc: str
    acronym: str
    expansion: str
    country: str | None


def _initials(display: str) -> str:
    words = _split_paren(display)[0].split()
    return "".join(w[0].upper() for w in words if w.lower() not in _CONNECTORS and w[:1].isupper())


def _scan_definitions(doc: str, text: str) -> Iterable[_Definition]:
    for m in _PAREN_ACRONYM.finditer(text):
        letters = _acronym(m.group(1))
        if not letters:
            continue
        tokens = text[max(0, m.start() - 200) : m.start()].translate(_QUOTES).split()
        picked: list[str] = []
        j = len(tokens)
        while j and len(picked) < len(letters):
            tok = tokens[j - 1]
            if tok.lower() in _CONNECTORS and picked:
                j -= 1
            elif tok[:1].isupper() and tok[-1].isalnum() and not tok.lower().endswith("'s"):
                picked.append(tok[0])
                j -= 1
            else:
                break
        if "".join(reversed(picked)) != letters:
            continue
        while j < len(tokens) and tokens[j].lower() in _CONNECTORS:
            j += 1
        country = None
        if j and tokens[j - 1].lower().endswith("'s"):
            country = next(
                (c for k in (2, 1) if (c := _country_of([*tokens[j - k : j - 1], tokens[j - 1][:-2]]))), None
            )
        elif j:
            country = next((c for k in (2, 1) if (c := _country_of(tokens[max(0, j - k) : j]))), None)
        yield _Definition(doc, letters, " ".join(tokens[j:]), country)


def _scan_titles(doc: str, text: str) -> Iterable[_Title]:
    for m in _TITLE_NAME.finditer(text):
        words: list[str] = []
        for tok in m.group("name").translate(_QUOTES).split():
            possessive = tok.lower().endswith("'s")
            word = tok[:-2] if possessive else tok.rstrip(".")
            if not _is_name_token(word) and tok not in _PARTICLES:
                break
            words.append(word)
            if possessive:
                break
        while words and words[-1] in _PARTICLES:
            words.pop()
        if len(words) < 2:
            continue
        pre = m.group("pre").translate(_QUOTES).split()
        while pre and (pre[0].lower() in _NON_NAMES or pre[0].endswith(",")):
            pre = pre[1:]
        role = _role_of(_frame([*pre, *(m.group("rank") or "").split(), *m.group("role").split()]))
        if role is not None:
            yield _Title(doc, role, " ".join(words))


# ---------------------------------------------------------------- grouping machinery


class _DisjointSet:
    def __init__(self) -> None:
        self.parent: dict[tuple[str, ...], tuple[str, ...]] = {}

    def find(self, x: tuple[str, ...]) -> tuple[str, ...]:
        parent = self.parent
        root = parent.setdefault(x, x)
        while root != parent[root]:
            root = parent[root]
        while x != root:
            parent[x], x = root, parent[x]
        return root

    def union(self, a: tuple[str, ...], b: tuple[str, ...]) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            ra, rb = min(ra, rb), max(ra, rb)
            self.parent[rb] = ra


_Scorer = Callable[..., float]


def _similar(
    queries: Sequence[str],
    choices: Sequence[str],
    scorer: _Scorer,
    cutoff: float,
    block: Callable[[str], str] = lambda s: s[:1],
) -> Iterable[tuple[int, int]]:
    """Index pairs (query, choice) scoring at least ``cutoff``, compared only within one block."""
    blocks: dict[str, tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
    for i, q in enumerate(queries):
        blocks[block(q)][0].append(i)
    for j, c in enumerate(choices):
        b = block(c)
        if b in blocks:
            blocks[b][1].append(j)
    for _, (qs, cs) in sorted(blocks.items()):
        if not cs:
            continue
        cstr = [choices[j] for j in cs]
        for start in range(0, len(qs), 1000):
            rows = qs[start : start + 1000]
            scores = process.cdist([queries[i] for i in rows], cstr, scorer=scorer, score_cutoff=cutoff)
            for r, c in zip(*np.nonzero(scores), strict=True):
                yield rows[int(r)], cs[int(c)]


def _initial_block(key: str) -> str:
    return key[:1] + _surname(key)[:1]


class _People:
    """Full names of the corpus, clustered by spelling, indexed by surname per document."""

    def __init__(self, similarity: float) -> None:
        self.similarity = similarity
        self.counts: dict[str, Counter[str]] = defaultdict(Counter)  # name key -> written form -> count
        self.orders: dict[tuple[str, str], list[int]] = defaultdict(list)  # (doc, key) -> mention orders
        self.doc_keys: dict[str, set[str]] = defaultdict(set)
        self.cluster: dict[str, str] = {}
        self.by_surname: dict[str, set[str]] = defaultdict(set)
        self.by_given: dict[str, set[str]] = defaultdict(set)
        self.fuzzy: dict[str, set[str]] = {}
        self.members: dict[str, list[str]] = defaultdict(list)
        self.displays: dict[str, str] = {}

    def add(self, doc: str, name: str, order: int | None, count: int) -> None:
        key = _name_key(name)
        self.counts[key][name] += count
        self.doc_keys[doc].add(key)
        if order is not None:
            self.orders[(doc, key)].append(order)

    def build(self, single_keys: Iterable[str]) -> None:
        keys = sorted(self.counts)
        ds = _DisjointSet()
        for i, j in _similar(keys, keys, fuzz.token_sort_ratio, self.similarity, _initial_block):
            if i < j:
                ds.union((keys[i],), (keys[j],))
        for key in keys:
            self.cluster[key] = ds.find((key,))[0]
            self.members[self.cluster[key]].append(key)
            self.by_surname[_surname(key)].add(key)
            self.by_given[key.split()[0]].add(key)
        surnames = sorted(self.by_surname)
        singles = sorted(set(single_keys))
        self.fuzzy = {s: set() for s in singles}
        for i, j in _similar(singles, surnames, fuzz.ratio, self.similarity):
            self.fuzzy[singles[i]].add(surnames[j])

    def display(self, cluster: str) -> str:
        """The most complete written form of a person's names; then the most frequent; then alphabetical."""
        if cluster not in self.displays:
            forms: Counter[str] = Counter()
            for key in self.members[cluster]:
                forms.update(self.counts[key])
            self.displays[cluster] = min(
                forms, key=lambda f: (-len(_name_key(f).split()), -_accents(f), -forms[f], f)
            )
        return self.displays[cluster]

    def _pick(self, doc: str, keys: Iterable[str], order: int) -> tuple[str | None, bool]:
        """(cluster, ambiguous) among the full names ``keys`` of one document, nearest earlier first."""
        latest: dict[str, int | None] = {}
        for key in keys:
            cl = self.cluster[key]
            before = [o for o in self.orders.get((doc, key), ()) if o < order]
            best = max(before) if before else None
            prev = latest.get(cl)
            latest[cl] = best if prev is None else (prev if best is None else max(prev, best))
        if len(latest) <= 1:
            return (next(iter(latest)) if latest else None), False
        known = {cl: o for cl, o in latest.items() if o is not None}
        if known:
            top = max(known.values())
            winners = [cl for cl, o in known.items() if o == top]
            if len(winners) == 1:
                return winners[0], False
        return None, True

    def resolve_surname(self, doc: str, surname: str, order: int) -> str | None:
        """The cluster a lone surname stands for: same document first, then a unique one in the corpus."""
        in_doc = self.doc_keys.get(doc, set())
        exact = self.by_surname.get(surname, set())
        close = {k for s in self.fuzzy.get(surname, ()) for k in self.by_surname[s]}
        for names in (exact, close):
            cl, ambiguous = self._pick(doc, names & in_doc, order)
            if cl or ambiguous:
                return cl
        for names in (exact, close):
            clusters = {self.cluster[k] for k in names}
            if clusters:
                return clusters.pop() if len(clusters) == 1 else None
        cl, _ = self._pick(doc, self.by_given.get(surname, set()) & in_doc, order)
        return cl


def _role_compatible(mention: _Role, held: _Role) -> bool:
    if mention.cls != held.cls and not (
        (mention.cls == "leader" and held.cls in ("president", "prime minister"))
        or (mention.cls == "president" and held.cls == "leader")
    ):
        return False
    if mention.country is not None and mention.country != held.country:
        return False
    if mention.possessor is not None and mention.possessor != held.possessor:
        return False
    return mention.mods <= held.mods


# ---------------------------------------------------------------- user aliases


def _match_keys(p: _Parsed) -> tuple[list[tuple[str, ...]], list[tuple[str, ...]]]:
    """Strong and weak keys under which a mention (or an alias) can be looked up."""
    label: tuple[str, ...] = ("label", _fold(p.label))
    if p.kind == "unnamed" or p.kind == "empty":
        return [label], []
    if p.kind == "person":
        if not p.full:
            return [], [label, ("surname", _name_key(p.name))]
        return [label, ("person", _name_key(p.name))], []
    strong: list[tuple[str, ...]] = [label]
    if p.acronym:
        strong.append(("acr", p.acronym))
    if p.defines:
        strong.append(("acr", p.defines))
    if p.kind == "role" and p.role is not None:
        strong.append(
            ("role", p.role.country or "", p.role.possessor or "", p.role.cls, *sorted(p.role.mods))
        )
    elif p.proper and not p.acronym:
        strong.append(("name", p.org_key, p.country or ""))
    if p.kind == "org" and not p.acronym:
        strong.append(("cls", p.country or p.possessor or "", p.cls))
    return strong, []


class _Aliases:
    def __init__(self, groups: Sequence[Sequence[str]], similarity: float) -> None:
        self.similarity = similarity
        self.canonical: list[str] = []
        self.strong: dict[tuple[str, ...], int] = {}
        self.weak: dict[tuple[str, ...], int] = {}
        self.labels: list[tuple[str, int]] = []
        self.persons: list[tuple[str, int]] = []
        for group in groups:
            names = [n for n in group if n.strip()]
            if not names:
                continue
            gi = len(self.canonical)
            self.canonical.append(names[0].strip())
            for name in names:
                p = _parse(name)
                strong, weak = _match_keys(p)
                for key in strong:
                    self.strong.setdefault(key, gi)
                    if key[0] == "name":
                        self.strong.setdefault(("name-any", key[1]), gi)
                for key in weak:
                    self.weak.setdefault(key, gi)
                if p.kind in ("org", "role") or (p.kind == "person" and p.full):
                    self.labels.append((_fold(p.label), gi))
                if p.kind == "person" and p.full:
                    self.persons.append((_name_key(p.name), gi))

    def strong_hit(self, p: _Parsed) -> int | None:
        strong, _ = _match_keys(p)
        for key in strong:
            hit = self.strong.get(key)
            if hit is None and key[0] == "name":
                hit = (
                    self.strong.get(("name", key[1], "")) if key[2] else self.strong.get(("name-any", key[1]))
                )
            if hit is not None:
                return hit
        return None

    def weak_hit(self, p: _Parsed) -> int | None:
        return next((self.weak[k] for k in _match_keys(p)[1] if k in self.weak), None)

    def fuzzy_hits(self, parsed: Sequence[_Parsed]) -> dict[int, int]:
        """Index of a parsed mention -> alias group, for spellings within ``similarity`` of an alias."""
        hits: dict[int, int] = {}
        named = [
            i for i, p in enumerate(parsed) if p.kind in ("org", "role") or (p.kind == "person" and p.full)
        ]
        for table, text_of, scorer in (
            (self.persons, lambda p: _name_key(p.name) if p.kind == "person" and p.full else "",
             fuzz.token_sort_ratio),
            (self.labels, lambda p: _fold(p.label), fuzz.ratio),
        ):  # fmt: skip
            if not table:
                continue
            queries = [text_of(parsed[i]) for i in named]
            choices = [t for t, _ in table]
            for qi, cj in sorted(_similar(queries, choices, scorer, self.similarity)):
                if queries[qi]:
                    hits.setdefault(named[qi], table[cj][1])
        return hits


# ---------------------------------------------------------------- organisations


_Node = tuple[str, ...]


@dataclass(slots=True)
class _Item:
    doc: str
    text: str
    order: int
    count: int
    parsed: _Parsed


def _nested(keys: set[str]) -> bool:
    """True when every pair of names is one inside the other ("General Staff" in a longer form)."""
    sets = sorted((set(k.split()) for k in keys), key=len)
    return all(a <= b for i, a in enumerate(sets) for b in sets[i + 1 :])


class _Orgs:
    """Union of organisation mentions through names, acronyms and (place, institution class) keys."""

    def __init__(self, items: Sequence[_Item], indices: Sequence[int], definitions: Sequence[_Definition]):
        self.ds = _DisjointSet()
        self.forms: dict[_Node, Counter[str]] = defaultdict(Counter)
        self.proper: set[str] = set()
        self.node: dict[int, _Node] = {}
        orgs = [(i, items[i].doc, items[i].parsed) for i in indices if not items[i].parsed.acronym]
        defs = [(d, _parse_org(canonical_label(d.expansion))) for d in definitions]
        self.countries: dict[str, set[str]] = defaultdict(set)  # org name -> countries it is given
        self.by_class: dict[tuple[str, str], set[str]] = defaultdict(set)  # (doc or "", class) -> places
        for _, doc, p in orgs:
            if p.country:
                if p.proper:
                    self.countries[p.org_key].add(p.country)
                self.by_class[(doc, p.cls)].add(p.country)
                self.by_class[("", p.cls)].add(p.country)
        for d, p in defs:
            if d.country or p.country:
                self.countries[p.org_key].add(d.country or p.country or "")
        self._link(items, orgs, defs)
        self._acronyms(items, [i for i in indices if items[i].parsed.acronym], orgs, defs)

    def _name_node(self, key: str, country: str | None) -> _Node:
        return ("name", key, (country or "") if len(self.countries[key]) > 1 else "")

    def _class_node(self, p: _Parsed, doc: str) -> _Node:
        place = p.country or p.possessor
        if not place:
            for pool in (self.by_class.get((doc, p.cls)), self.by_class.get(("", p.cls))):
                if pool:
                    place = next(iter(pool)) if len(pool) == 1 else None
                    break
        return ("cls", place or "", p.cls)

    def _add(self, node: _Node, form: str, count: int, proper: bool) -> None:
        self.ds.find(node)
        self.forms[node][form] += count
        if proper:
            self.proper.add(form)

    def _link(
        self,
        items: Sequence[_Item],
        orgs: Sequence[tuple[int, str, _Parsed]],
        defs: Sequence[tuple[_Definition, _Parsed]],
    ) -> None:
        entries: list[tuple[int, _Node | None, _Node, _Parsed]] = []
        on_class: dict[_Node, set[str]] = defaultdict(set)
        for i, doc, p in orgs:
            cn = self._class_node(p, doc)
            nn = self._name_node(p.org_key, p.country) if p.proper else None
            entries.append((i, nn, cn, p))
            if nn:
                on_class[cn].add(p.org_key)
        for d, p in defs:
            q = _Parsed("org", p.label, country=d.country or p.country, cls=p.cls)
            cn, nn = self._class_node(q, d.doc), self._name_node(p.org_key, q.country)
            entries.append((-1, nn, cn, p))
            on_class[cn].add(p.org_key)
        for i, nn, cn, p in entries:
            count = items[i].count if i >= 0 else 1
            if nn is None:
                self._add(cn, p.label, count, False)
                self.node[i] = cn
                continue
            form = p.display
            if nn[2] and not form.endswith(")"):  # one name, several countries: "General Staff (Finland)"
                form = f"{form} ({nn[2].title()})"
            self._add(nn, form, count, True)
            if _nested(on_class[cn]):
                self.ds.union(nn, cn)
            if i >= 0:
                self.node[i] = nn

    def _acronyms(
        self,
        items: Sequence[_Item],
        indices: Sequence[int],
        orgs: Sequence[tuple[int, str, _Parsed]],
        defs: Sequence[tuple[_Definition, _Parsed]],
    ) -> None:
        defined: dict[tuple[str, str], set[_Node]] = defaultdict(set)
        by_initials: dict[str, set[_Node]] = defaultdict(set)
        for d, p in defs:
            node = self._name_node(p.org_key, d.country or p.country)
            defined[(d.doc, d.acronym)].add(node)
            defined[("", d.acronym)].add(node)
            by_initials[_initials(p.display)].add(node)
        for _, doc, p in orgs:
            if p.proper:
                named = self._name_node(p.org_key, p.country)
                by_initials[_initials(p.display)].add(named)
                if p.defines:
                    defined[(doc, p.defines)].add(named)
                    defined[("", p.defines)].add(named)
        for i in indices:
            p, doc = items[i].parsed, items[i].doc
            letters = p.acronym or ""
            node = ("acr", letters)
            for pool in (defined.get((doc, letters)), defined.get(("", letters)), by_initials.get(letters)):
                if pool:
                    if len(pool) == 1:
                        node = next(iter(pool))
                    break
            self._add(node, p.label, items[i].count, True)
            self.node[i] = node

    def entity(self, i: int) -> _Node:
        return ("O", *self.ds.find(self.node[i]))

    def displays(self) -> dict[_Node, str]:
        grouped: dict[_Node, Counter[str]] = defaultdict(Counter)
        for node, forms in self.forms.items():
            grouped[("O", *self.ds.find(node))].update(forms)
        return {
            entity: min(forms, key=lambda f: (f not in self.proper, -len(f.split()), -forms[f], f))
            for entity, forms in grouped.items()
        }


# ---------------------------------------------------------------- the corpus pass


def _collect(mentions: Iterable[Mention]) -> list[_Item]:
    first: dict[tuple[str, str], int] = {}
    counts: Counter[tuple[str, str]] = Counter()
    for m in mentions:
        key = (m.doc_id, m.text)
        counts[key] += 1
        first[key] = min(first.get(key, m.order), m.order)
    return [
        _Item(doc, text, first[(doc, text)], counts[(doc, text)], _parse(text))
        for doc, text in sorted(counts)
    ]


def _evidence(items: Sequence[_Item], doc_texts: Mapping[str, str]) -> tuple[list[_Title], list[_Definition]]:
    titles: list[_Title] = []
    definitions: list[_Definition] = []
    for doc in sorted(doc_texts):
        titles.extend(_scan_titles(doc, doc_texts[doc]))
        definitions.extend(_scan_definitions(doc, doc_texts[doc]))
    known = {_name_key(it.parsed.name) for it in items if it.parsed.full}
    known |= {_name_key(t.name) for t in titles if len(t.name.split()) == 2}
    trimmed = []
    for t in titles:  # "President Ana Ruiz Visits Port" in a headline: keep the known name inside
        words = t.name.split()
        cut = next((k for k in range(len(words) - 1, 1, -1) if _name_key(" ".join(words[:k])) in known), 0)
        trimmed.append(_Title(t.doc, t.role, " ".join(words[:cut])) if cut else t)
    for it in items:
        p = it.parsed
        if p.kind == "person" and p.full and p.role is not None:
            trimmed.append(_Title(it.doc, p.role, p.name))
    return trimmed, definitions


class _Roles:
    """Title -> person: "the Ukrainian president" is whoever the corpus calls "Ukrainian President X"."""

    def __init__(self, titles: Sequence[_Title], people: _People) -> None:
        self.people = people
        self.by_class: dict[tuple[str, str], list[_Title]] = defaultdict(list)  # (doc or "", class)
        for t in titles:
            self.by_class[(t.doc, t.role.cls)].append(t)
            self.by_class[("", t.role.cls)].append(t)
        self.cache: dict[_Role, str | None] = {}

    def _candidates(self, role: _Role, doc: str) -> set[str]:
        classes = {role.cls, "leader"} if role.cls == "president" else {role.cls}
        if role.cls == "leader":
            classes |= {"president", "prime minister"}
        return {
            self.people.cluster[_name_key(t.name)]
            for cls in classes
            for t in self.by_class.get((doc, cls), ())
            if _role_compatible(role, t.role)
        }

    def resolve(self, role: _Role, doc: str) -> str | None:
        found = self._candidates(role, doc)
        if found:
            return found.pop() if len(found) == 1 else None
        if not (role.country or role.mods or role.possessor):
            return None
        if role not in self.cache:
            found = self._candidates(role, "")
            self.cache[role] = found.pop() if len(found) == 1 else None
        return self.cache[role]


def _merge_lone_surnames(
    entity: dict[int, _Node], written: dict[_Node, Counter[str]], similarity: float
) -> None:
    """Surnames no full name explains still merge by spelling: "Dobrowskaya" ~ "Dobrovskaya"."""
    lone = sorted({node[1] for node in entity.values() if node[0] == "S"})
    ds = _DisjointSet()
    for a, b in _similar(lone, lone, fuzz.ratio, similarity):
        ds.union((lone[a],), (lone[b],))
    for i, node in entity.items():
        if node[0] == "S" and ds.find(node[1:]) != node[1:]:
            entity[i] = ("S", *ds.find(node[1:]))
            written[entity[i]].update(written.pop(node, Counter()))


def _person_entities(
    items: Sequence[_Item], titles: Sequence[_Title], similarity: float
) -> tuple[dict[int, _Node], dict[_Node, str], _People]:
    people = _People(similarity)
    singles: list[str] = []
    for it in items:
        p = it.parsed
        if p.kind == "person":
            if p.full:
                people.add(it.doc, p.name, it.order, it.count)
            else:
                singles.append(_name_key(p.name))
        elif p.possessor and _find_name(p.possessor_text):
            singles.append(_name_key(p.possessor_text))
    for t in titles:
        people.add(t.doc, t.name, None, 0)
    people.build(singles)
    roles = _Roles(titles, people)
    entity: dict[int, _Node] = {}
    written: dict[_Node, Counter[str]] = defaultdict(Counter)
    for i, it in enumerate(items):
        p = it.parsed
        cluster: str | None = None
        if p.kind == "person":
            key = _name_key(p.name)
            cluster = people.cluster[key] if p.full else people.resolve_surname(it.doc, key, it.order)
            if cluster is None:
                entity[i] = ("S", key)
                written[entity[i]][p.name] += it.count
                continue
        elif p.kind == "role" and p.role is not None:
            cluster = roles.resolve(p.role, it.doc)
        if cluster is not None:
            entity[i] = ("P", cluster)
        elif p.possessor and _find_name(p.possessor_text):  # "Okafor's deputy" -> "Lena Okafor's deputy"
            key = _name_key(p.possessor_text)
            owner = people.cluster.get(key) or people.resolve_surname(it.doc, key, it.order)
            if owner is not None:
                entity[i] = ("R", owner, _fold(p.rest))
                written[entity[i]][f"{people.display(owner)}'s {p.rest}"] += it.count
    _merge_lone_surnames(entity, written, similarity)
    displays = {
        node: min(forms, key=lambda f: (-forms[f], -_accents(f), f)) for node, forms in written.items()
    }
    for node in set(entity.values()):
        if node[0] == "P":
            displays[node] = people.display(node[1])
    return entity, displays, people


def _apply_aliases(
    items: Sequence[_Item],
    entity: Mapping[int, _Node],
    display: Mapping[_Node, str],
    people: _People,
    table: _Aliases,
) -> dict[tuple[str, str], str]:
    if not table.canonical:
        return {(it.doc, it.text): display[entity[i]] for i, it in enumerate(items)}
    parsed = [it.parsed for it in items]
    fuzzy = table.fuzzy_hits(parsed)
    own: dict[int, int] = {}
    claims: dict[_Node, Counter[int]] = defaultdict(Counter)
    weak_claims: dict[_Node, Counter[int]] = defaultdict(Counter)
    for i, p in enumerate(parsed):
        hit = table.strong_hit(p)
        if hit is None and p.kind != "unnamed":
            hit = fuzzy.get(i)
        if hit is not None:
            own[i] = hit
            if p.kind != "unnamed":
                claims[entity[i]][hit] += 1
        elif (weak := table.weak_hit(p)) is not None:
            weak_claims[entity[i]][weak] += 1
    for key, cluster in people.cluster.items():  # names the corpus gives a person count for the person
        hit = table.strong.get(("person", key))
        if hit is not None and ("P", cluster) in display:
            claims[("P", cluster)][hit] += 1
    result: dict[tuple[str, str], str] = {}
    for i, it in enumerate(items):
        node = entity[i]
        votes = claims.get(node) or (weak_claims.get(node) if node[0] == "S" else None)
        if i in own:
            name = table.canonical[own[i]]
        elif votes:
            name = table.canonical[min(votes, key=lambda g: (-votes[g], g))]
        else:
            name = display[node]
        result[(it.doc, it.text)] = name
    return result


def resolve_speakers(
    mentions: Sequence[Mention],
    *,
    aliases: Sequence[Sequence[str]] = (),
    doc_texts: Mapping[str, str] | None = None,
    similarity: float = 90.0,
) -> dict[tuple[str, str], str]:
    """Map every (doc_id, mention text) to one canonical name per actor across the corpus.

    ``aliases`` are user groups of names whose first name is canonical; they win over every
    other rule. ``doc_texts`` (doc_id -> text) teach acronym definitions ("Harbour Rescue
    Agency (HRA)") and title+name pairs ("Norwegian President Ana Ruiz"). ``similarity`` is
    the rapidfuzz score (0-100) at which two spellings are one name. The result does not
    depend on the order of ``mentions``.

    >>> m = [Mention("d1", "Norwegian President Ana Ruiz", 1), Mention("d2", "the Norwegian president", 3),
    ...      Mention("d2", "the HRA", 4), Mention("d1", "the Harbour Rescue Agency", 2)]
    >>> names = resolve_speakers(m)
    >>> names[("d2", "the Norwegian president")], names[("d2", "the HRA")]
    ('Ana Ruiz', 'Harbour Rescue Agency')
    """
    items = _collect(mentions)
    titles, definitions = _evidence(items, doc_texts or {})
    entity, display, people = _person_entities(items, titles, similarity)
    org_indices = [i for i, it in enumerate(items) if i not in entity and it.parsed.kind in ("org", "role")]
    role_nodes: dict[int, _Node] = {}
    for i in org_indices:
        p = items[i].parsed
        if p.kind == "role" and p.role is not None:
            r = p.role
            role_nodes[i] = ("role", r.country or r.possessor or "", r.cls, *sorted(r.mods))
    orgs = _Orgs(items, [i for i in org_indices if i not in role_nodes], definitions)
    display.update(orgs.displays())
    for i in org_indices:
        entity[i] = role_nodes.get(i) or orgs.entity(i)
    forms: dict[_Node, Counter[str]] = defaultdict(Counter)
    for i, it in enumerate(items):
        if i not in entity:  # unnamed and empty mentions stand for themselves
            entity[i] = ("U", it.parsed.label)
        if entity[i][0] in ("U", "role"):
            forms[entity[i]][it.parsed.label] += it.count
    for node, counts in forms.items():
        display[node] = min(counts, key=lambda f: (-len(f.split()), -counts[f], f))
    result = _apply_aliases(items, entity, display, people, _Aliases(aliases, similarity))
    LOGGER.debug("resolved %d mentions to %d names", len(result), len(set(result.values())))
    return result
