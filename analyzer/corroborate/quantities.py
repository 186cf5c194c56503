"""Which claims measure the same thing: quantity keys from items, places, units and rates.

A claim's ``item`` ("North Korean special forces deployed to Russia") is read
for its head (what is counted, through a general vocabulary of count nouns:
troops ~ soldiers ~ forces; dead ~ killed ~ toll ...), the places and
nationalities it names, and its unit and rate. Claims are blocked by (unit,
rate, head), then grouped within a block: a place or nationality that differs
splits ("protesters in Paris" / "protesters in France"), a missing one does
not ("troops" in a sentence about North Korea and Russia joins the North
Korean troops). A rate is never grouped with a total.

What the item leaves out is read in its sentence (:mod:`analyzer.corroborate.scope_words`): what
bare "people" did ("the march drew 42,000 people" counts marchers), a place set at the front ("In
Lyon, ...") or the whole country ("nationwide"), an earlier year ("In 2019, ..." never joins this
year's count), and a part given with its whole ("500 arrests, 120 of them in Lyon": the part goes
where its whole goes, for the scope conflict to find).

>>> from analyzer.models import Claim
>>> claims = [
...     Claim("a", "d1", 800.0, "Police said 800 protesters gathered in Lyon.", 0, 0, item="protesters in Lyon"),
...     Claim("b", "d2", 950.0, "About 950 demonstrators marched in Lyon.", 0, 0, item="demonstrators"),
...     Claim("c", "d2", 30.0, "Thirty marchers were arrested.", 0, 0, item="marchers arrested"),
... ]
>>> keyed, _, quantities = assign_quantities(claims, [])
>>> [c.quantity_key for c in keyed]
['protesters-lyon', 'protesters-lyon', 'marchers-arrested']
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import NamedTuple

from rapidfuzz import fuzz

from analyzer.corroborate.scope_words import (
    earlier_year,
    figure_clause,
    fronted_place,
    nationwide,
    stated_part,
    without_parts,
    years,
)
from analyzer.models import Claim, Quantity, Statement

_WORD = re.compile(r"[^\W\d_]+(?:[.'’][^\W\d_]+)*")
_PART_OF = re.compile(
    r"\b(?:tranche|batch|wave|contingent|group|detachment)\s+of\s+(?:(?:about|around|some|roughly|"
    r"approximately|nearly|almost|up\s+to|at\s+least|more\s+than|over)\s+)?(\d{1,3}(?:,\d{3})+|\d+)",
    re.IGNORECASE,
)
_RATE_WORDS = re.compile(
    r"\b(?:daily|a day|per day|each day|every day|weekly|a week|per week|monthly|a month|per)\b"
)


@dataclass(frozen=True, slots=True)
class Profile:
    """What an item counts and where: the parts of a phrase that decide its quantity.

    ``nat``, ``loc``, ``pop`` and ``when`` are hard: two claims whose sets
    differ (neither contains the other) measure different things. ``soft``
    entities (named in the sentence, or not placed by a preposition) only
    help choose between groups. ``era`` is an earlier year the sentence sets
    its figure in ("In 2019, police counted ..."): claims of different eras
    never group, and no era is not an earlier one.
    """

    head: str
    vocab: bool
    nat: frozenset[str] = frozenset()
    loc: frozenset[str] = frozenset()
    pop: frozenset[str] = frozenset()
    when: frozenset[str] = frozenset()
    soft: frozenset[str] = frozenset()
    tokens: tuple[tuple[str, str], ...] = ()  # (normalised, surface) content words, in order
    text: str = ""  # normalised words, for fuzzy comparison
    era: str = ""

    @property
    def hard(self) -> int:
        return len(self.nat) + len(self.loc) + len(self.pop) + len(self.when)

    @property
    def entities(self) -> frozenset[str]:
        return self.nat | self.loc | self.soft


class _Token(NamedTuple):  # a tuple: made for every word of every item and sentence
    word: str  # lower case, possessive and dots dropped
    surface: str
    capital: bool
    possessive: bool


def _tokens(text: str) -> list[_Token]:
    out = []
    for match in _WORD.finditer(text):
        surface = match.group(0)
        possessive = surface.endswith(("'s", "’s"))
        if possessive:
            surface = surface[:-2]
        out.append(_Token(surface.lower().replace(".", ""), surface, surface[:1].isupper(), possessive))
    return out


# --- General vocabulary of counted things and places (no story in it) -------------------------------


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_CLASS_WORDS = {
    "dead": "dead killed died dying death deaths toll fatalities fatality lives bodies perished",
    "injured": "injured wounded hurt injuries injury",
    "casualties": "casualties casualty",
    "missing": "missing unaccounted",
    "displaced": "displaced evacuated evacuees evacuee homeless fled uprooted evacuations",
    "arrested": "arrested detained arrests arrest detentions detainees detention",
    "rescued": "rescued rescues saved",
    "cases": "cases infections infected",
    "protesters": "protesters protestors demonstrators marchers crowd crowds rallygoers",
    "troops": "troops troop soldiers soldier forces servicemen servicemembers personnel fighters combatants "
    "mercenaries conscripts recruits infantry infantrymen marines paratroopers reservists",
    "strikers": "strikers striking",
}
CLASSES = {word: cls for cls, words in _CLASS_WORDS.items() for word in words.split()}
# The word a key shows for a class when its items use several equally often.
_SHOWN = {"dead": "deaths", "injured": "injured", "arrested": "arrests", "displaced": "displaced"}
# The first class named wins in this order: an event (killed) says more than a person noun (soldiers).
_PRIORITY = (
    "casualties",
    "dead",
    "injured",
    "missing",
    "displaced",
    "arrested",
    "rescued",
    "cases",
    "protesters",
    "troops",
    "strikers",
)
EVENT_CLASSES = frozenset(_PRIORITY[:8])
# A protest named as an event ("the march") or as what people did ("marched"): the people it speaks of
# are protesters ("people at the rally", "42,000 marched"), the events themselves are not ("297 protests").
PROTEST_NOUNS = _words("protest protests rally rallies march marches demonstration demonstrations")
PROTEST_VERBS = _words("marched marching rallied rallying demonstrated demonstrating protested protesting")
PROTEST_CONTEXT = PROTEST_NOUNS | PROTEST_VERBS
# Phrases that say what people did, as a class of the vocabulary does: "took to the streets", "walked out".
_PHRASE_CLASSES = (
    (
        re.compile(
            r"\b(?:took|taken|take|takes|taking|went|gone|go|goes|poured)\s+(?:in)?to\s+the\s+streets?\b|"
            r"\b(?:filled|lined|packed|thronged)\s+the\s+streets\b",
            re.IGNORECASE,
        ),
        "protesters",
    ),
    (
        re.compile(
            r"\bon\s+strike\b|\bstrike\s+rate\b|\bwalk(?:ed|ing|s)?\s+(?:out|off\s+the\s+job)\b|\bwalk-?outs?\b|"
            r"\bjoin(?:ed|ing|s)?\s+(?:(?:the|a)\s+)?(?:[a-z]+\s+){0,2}?strikes?\b|\bstop(?:ped|ping|s)?\s+work\b|"
            r"\bstay(?:ed|ing|s)?\s+away\s+from\s+work\b|\bdown(?:ed|ing|s)?\s+tools\b",
            re.IGNORECASE,
        ),
        "strikers",
    ),
)
# Nouns that only say that people were counted; what they did is said around them.
GENERIC_PEOPLE = _words("people persons individuals participants attendees")
# Words an item of people may hold besides them and still say nothing of what they did.
_BARE_EXTRA = _words("alone total altogether overall combined")
# Who was counted, when an event is the head ("civilians killed", "children missing").
POPULATION = {
    w: w.rstrip("s") if w.endswith("s") and not w.endswith("ss") else w
    for w in _words(
        "civilians children minors women men police policemen officers journalists students workers migrants "
        "refugees tourists passengers patients prisoners miners firefighters doctors medics nurses fishermen "
        "pilgrims teachers employees"
    )
}
# Words for a part of a whole, which name no thing counted of their own ("the first tranche").
PART_NOUNS = _words("tranche batch wave contingent shipment instalment installment")
LOCATIVE = _words("in to into inside at across throughout near within on outside through")
PLACE_PREPOSITIONS = _words("in inside at across throughout near within outside through")
ORIGIN = frozenset({"from"})
DETERMINERS = _words("the a an its their this that these those eastern western northern southern central")
RATE_TOKENS = _words("daily day weekly week monthly month yearly year annually hourly")
STOPWORDS = _words(
    "a an the and or but of in to into on at by for from with without as than then that which who whom whose "
    "this these those there here it its they them their he she his her we our you your i is are was were be "
    "been being have has had do does did will would could should may might can not no nor so such also only "
    "just about around approximately some nearly almost least more most over up many much each per every all "
    "other another both either roughly estimated total number figure figures some several few what when where "
    "while after before since during until including include includes one two three four five six seven eight "
    "nine ten eleven twelve fifteen twenty thirty forty fifty hundred hundreds thousand thousands million "
    "millions billion billions dozen dozens further additional"
)
# Capitalised words that are not names of places or actors.
NOT_NAMES = _words(
    "january february march april may june july august september october november december jan feb mar apr "
    "jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday the a an this "
    "that these those he she it they we i in on at of for and but if as according mr mrs ms dr president "
    "minister prime secretary general gen governor mayor chancellor king queen prince pope senator sen rep "
    "spokesman spokeswoman spokesperson chief captain colonel commander officials official"
)
_MONTHS = (
    "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|"
    "nov(?:ember)?|dec(?:ember)?"
)
_DAY_MONTH = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTHS})\b|\b({_MONTHS})\.?\s+(\d{{1,2}})\b", re.IGNORECASE
)

# Countries: "name|demonym,...|other names,...". Demonyms also count in the plural ("Ukrainians").
_COUNTRIES = """
afghanistan|afghan ; albania|albanian ; algeria|algerian ; argentina|argentine,argentinian ; armenia|armenian
australia|australian ; austria|austrian ; azerbaijan|azerbaijani ; bangladesh|bangladeshi ; belarus|belarusian
belgium|belgian ; bolivia|bolivian ; bosnia|bosnian ; brazil|brazilian ; bulgaria|bulgarian ; cambodia|cambodian
cameroon|cameroonian ; canada|canadian ; chile|chilean ; china|chinese|prc ; colombia|colombian
congo|congolese|drc ; croatia|croatian ; cuba|cuban ; cyprus|cypriot ; czech republic|czech|czechia
denmark|danish ; ecuador|ecuadorian ; egypt|egyptian ; eritrea|eritrean ; estonia|estonian ; ethiopia|ethiopian
finland|finnish ; france|french ; georgia|georgian ; germany|german ; ghana|ghanaian ; greece|greek
guatemala|guatemalan ; haiti|haitian ; honduras|honduran ; hungary|hungarian ; iceland|icelandic ; india|indian
indonesia|indonesian ; iran|iranian ; iraq|iraqi ; ireland|irish ; israel|israeli ; italy|italian ; japan|japanese
jordan|jordanian ; kazakhstan|kazakh ; kenya|kenyan ; kosovo|kosovar ; kuwait|kuwaiti ; latvia|latvian
lebanon|lebanese ; libya|libyan ; lithuania|lithuanian ; malaysia|malaysian ; mali|malian ; mexico|mexican
moldova|moldovan ; mongolia|mongolian ; morocco|moroccan ; myanmar|burmese|burma ; nepal|nepalese,nepali
netherlands|dutch|holland ; new zealand|new zealander ; nicaragua|nicaraguan ; nigeria|nigerian
north korea|north korean|dprk ; norway|norwegian ; pakistan|pakistani ; palestine|palestinian ; panama|panamanian
peru|peruvian ; philippines|filipino,philippine ; poland|polish ; portugal|portuguese ; qatar|qatari
romania|romanian ; russia|russian|russian federation ; rwanda|rwandan ; saudi arabia|saudi,saudi arabian
senegal|senegalese ; serbia|serbian ; slovakia|slovak ; slovenia|slovenian ; somalia|somali
south africa|south african ; south korea|south korean|rok,republic of korea ; south sudan|south sudanese
spain|spanish ; sri lanka|sri lankan ; sudan|sudanese ; sweden|swedish ; switzerland|swiss ; syria|syrian
taiwan|taiwanese ; tanzania|tanzanian ; thailand|thai ; tunisia|tunisian ; turkey|turkish|turkiye,türkiye
uganda|ugandan ; ukraine|ukrainian ; united arab emirates|emirati|uae ; united kingdom|british|uk,britain,great britain
united states|american|us,usa,united states of america,america ; uruguay|uruguayan ; uzbekistan|uzbek
venezuela|venezuelan ; vietnam|vietnamese ; yemen|yemeni ; zambia|zambian ; zimbabwe|zimbabwean
england|english ; scotland|scottish ; wales|welsh ; gaza|gazan ; europe|european|eu,european union
"""


def _gazetteer() -> dict[str, tuple[str, bool]]:
    table: dict[str, tuple[str, bool]] = {}
    for entry in _COUNTRIES.replace("\n", ";").split(";"):
        if not entry.strip():
            continue
        name, demonyms, *others = (part.strip() for part in entry.split("|"))
        table[name] = (name, False)
        for other in others[0].split(",") if others else []:
            table[other.strip()] = (name, False)
        for demonym in demonyms.split(","):
            table[demonym] = (name, True)
            table[demonym + "s"] = (name, True)
    return table


PLACES = _gazetteer()
_ALWAYS_UPPER = frozenset({"us"})  # "US" the country, "us" the pronoun


# The longest name that starts with each word, so most words are dismissed with one look-up.
_LONGEST: dict[str, int] = {}
for _name in PLACES:
    _first = _name.split()[0]
    _LONGEST[_first] = max(_LONGEST.get(_first, 0), len(_name.split()))


def lookup_place(tokens: Sequence[_Token], i: int, *, lowercase: bool) -> tuple[str, int, bool] | None:
    """The country named at token i (up to four words), its length in tokens, and whether it is a demonym."""
    first = tokens[i]
    longest = _LONGEST.get(first.word, 0)
    if not longest or not (lowercase or first.capital):
        return None
    if first.word in _ALWAYS_UPPER and not first.surface.replace(".", "").isupper():
        return None
    for length in range(min(longest, len(tokens) - i), 0, -1):
        hit = PLACES.get(" ".join(t.word for t in tokens[i : i + length]))
        if hit is not None:
            return hit[0], length, hit[1]
    return None


def head_class(classes: set[str]) -> str:
    """The class an item counts when it names several: killed and wounded are casualties."""
    if {"dead", "injured"} <= classes:
        return "casualties"
    return next(c for c in _PRIORITY if c in classes)


def lemma(word: str) -> str:
    """A crude singular: enough to compare words, never shown.

    >>> lemma("cities"), lemma("ships"), lemma("losses"), lemma("status")
    ('city', 'ship', 'loss', 'status')
    """
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith("sses"):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def looks_plural(word: str) -> bool:
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is"))


def day_months(text: str) -> set[str]:
    """Calendar days named in a phrase, as month-day ("7 March" and "March 7" are one day)."""
    days = set()
    for match in _DAY_MONTH.finditer(text):
        day, month = (match.group(1), match.group(2)) if match.group(1) else (match.group(4), match.group(3))
        days.add(f"{month[:3].lower()}-{int(day)}")
    return days


@dataclass(slots=True)
class _Entity:
    canonical: str
    surface: str
    start: int
    end: int
    gazetteer: bool
    demonym: bool
    possessive: bool


def _entities(tokens: list[_Token], *, lowercase: bool, skip_first: bool) -> list[_Entity]:
    """Places, nationalities and other proper nouns named in a run of tokens."""
    found = []
    i, n = 0, len(tokens)
    while i < n:
        hit = lookup_place(tokens, i, lowercase=lowercase)
        if hit is not None:
            canonical, length, demonym = hit
            last = tokens[i + length - 1]
            surface = " ".join(t.surface for t in tokens[i : i + length])
            found.append(_Entity(canonical, surface, i, i + length, True, demonym, last.possessive))
            i += length
            continue
        tok = tokens[i]
        if tok.capital and not (skip_first and i == 0) and tok.word not in NOT_NAMES:
            j = i + 1
            while (
                j < n
                and tokens[j].capital
                and tokens[j].word not in NOT_NAMES
                and not tokens[j - 1].possessive
            ):
                j += 1
            surface = " ".join(t.surface for t in tokens[i:j])
            canonical = " ".join(t.word for t in tokens[i:j])
            found.append(_Entity(canonical, surface, i, j, False, False, tokens[j - 1].possessive))
            i = j
            continue
        i += 1
    return found


def _head_index(tokens: list[_Token], classes: list[tuple[int, str]]) -> tuple[str, int, bool]:
    """The thing counted: a vocabulary class when one is named, else the first plural-looking noun."""
    if classes:
        head = head_class({c for _, c in classes})
        return head, classes[0][0], True
    content = [(i, t) for i, t in enumerate(tokens) if t.word not in STOPWORDS and not t.capital]
    for i, tok in content:
        if looks_plural(tok.word):
            return lemma(tok.word), i, False
    if content:
        return lemma(content[0][1].word), content[0][0], False
    return "", len(tokens), False


def _role(tokens: list[_Token], entity: _Entity, head_at: int) -> str:
    if entity.start < head_at:
        return "nat" if entity.gazetteer else "soft"
    if entity.demonym:
        return "soft"
    k = entity.start - 1
    while k > head_at and tokens[k].word in DETERMINERS:
        k -= 1
    if k > head_at or (k == head_at and k >= 0 and tokens[k].word in LOCATIVE):
        prep = tokens[k].word
        if prep in LOCATIVE:
            return "loc"
        if prep in ORIGIN:
            return "nat"
    return "soft"


def profile(
    item: str | None,
    sentence: str = "",
    *,
    lowercase: bool = False,
    clause: str | None = None,
    alone: bool = True,
) -> Profile:
    """Read an item (and its sentence for context) into the parts that decide its quantity.

    What an item of bare people ("people", "teachers") did is read in ``clause``, the part of the
    sentence that holds the figure (the whole sentence when None); for "people" of no kind, in the
    whole sentence too when the figure is ``alone`` (no other figure of the sentence counts another
    thing): "42,000 people, ..., at the end of the march".

    >>> p = profile("North Korean special forces deployed to Russia")
    >>> p.head, sorted(p.nat), sorted(p.loc)
    ('troops', ['north korea'], ['russia'])
    >>> profile("people killed in the floods").head
    'dead'
    """
    text = item or ""
    tokens = _tokens(text)
    # An item that opens its sentence owes its first capital to the sentence, not to a name.
    at = sentence.find(text) if text else -1
    skip_first = not lowercase and (at == 0 or (at < 0 and bool(sentence)))
    entities = _entities(tokens, lowercase=lowercase, skip_first=skip_first)
    in_entity = {i for e in entities for i in range(e.start, e.end)}
    classes = [(i, c) for i, t in enumerate(tokens) if i not in in_entity and (c := CLASSES.get(t.word))]
    phrases = [] if classes else _phrase_classes(text)
    if not classes:
        classes = _at_phrase(tokens, phrases) or _protest_classes(tokens, in_entity)
    head, head_at, vocab = _head_index(tokens, classes)
    # "people" who marched are protesters: the head was read around the people, not from a word of them
    inferred = vocab and not any(t.word in CLASSES for i, t in enumerate(tokens) if i not in in_entity)
    sentence_tokens = _tokens(sentence) if sentence else []
    # No item, or only a part of something ("the first tranche"): the sentence says what is counted.
    if (not tokens or head in PART_NOUNS) and sentence_tokens:
        found = [c for t in sentence_tokens if (c := CLASSES.get(t.word))]
        if found:
            head, vocab = head_class(set(found)), True
    # Only who was counted ("people", "teachers"): the sentence says what they did, when it says one thing.
    elif sentence_tokens and not vocab and _only_people(tokens, in_entity):
        own = clause if clause is not None else (sentence if alone else "")
        generic = _generic(tokens)
        said = _sentence_class(own, _tokens(own), protest=generic)
        if said is None and generic and alone and own != sentence:
            said = _sentence_class(sentence, sentence_tokens, protest=True)
        if said is not None:
            head, vocab, inferred = said, True, True
    roles: dict[str, set[str]] = {"nat": set(), "loc": set(), "soft": set()}
    for entity in entities:
        roles[_role(tokens, entity, head_at)].add(entity.canonical)
    placed = None if roles["loc"] else _placed_by_sentence(text, sentence)
    if placed is not None:
        roles["loc"].add(placed[0])
    soft = set(roles["soft"])
    # a place named in a part's clause ("..., 86 of them in Lyon") is the part's, not the sentence's
    around = _tokens(without_parts(sentence)) if sentence else []
    for entity in _entities(around, lowercase=lowercase, skip_first=True):
        soft.add(entity.canonical)
    pop = {POPULATION[t.word] for t in tokens if t.word in POPULATION}
    if head in EVENT_CLASSES:
        pop |= {"troops" for _, c in classes if c == "troops"}
    pop.discard(head)
    entity_at = {e.start: e for e in entities}
    ordered: list[tuple[str, str]] = []
    # the words of a phrase that names the class ("walked out") stand as one word of the class
    in_phrase = {w: (cls, phrase) for cls, phrase in phrases for w in phrase.split() if w not in STOPWORDS}
    shown_phrases: set[str] = set()
    i = 0
    while i < len(tokens):
        if i in entity_at:
            e = entity_at[i]
            ordered.append(("E:" + e.canonical, e.surface.lower().replace(" ", "-").replace(".", "")))
            i = e.end
            continue
        tok = tokens[i]
        i += 1
        if tok.word in STOPWORDS or tok.word in NOT_NAMES:
            continue
        if tok.word in in_phrase:
            phrase_class, phrase = in_phrase[tok.word]
            if phrase not in shown_phrases:
                shown_phrases.add(phrase)
                ordered.append(("C:" + phrase_class, phrase))
            continue
        cls = CLASSES.get(tok.word) or (head if inferred and tok.word in GENERIC_PEOPLE else None)
        ordered.append(("C:" + cls if cls else lemma(tok.word), tok.word))
    if placed is not None and not nationwide(text):
        ordered.append(("E:" + placed[0], placed[1]))
    return Profile(
        head=head,
        vocab=vocab,
        nat=frozenset(roles["nat"]),
        loc=frozenset(roles["loc"]),
        pop=frozenset(pop),
        when=frozenset(day_months(text)),
        soft=frozenset(soft - roles["nat"] - roles["loc"]),
        tokens=tuple(ordered),
        text=" ".join(norm.replace(" ", "_") for norm, _ in ordered),
    )


def _phrase_classes(text: str) -> list[tuple[str, str]]:
    """Classes an item names by a phrase ("took to the streets", "walked out"): (class, phrase)."""
    found = []
    for pattern, cls in _PHRASE_CLASSES:
        match = pattern.search(text)
        if match is not None:
            found.append((cls, " ".join(match.group(0).lower().split())))
    return found


def _at_phrase(tokens: list[_Token], phrases: list[tuple[str, str]]) -> list[tuple[int, str]]:
    """Each phrase's class at the index of the phrase's first word."""
    found = []
    for cls, phrase in phrases:
        first = phrase.split()[0]
        found.append((next((i for i, t in enumerate(tokens) if t.word == first), len(tokens)), cls))
    return sorted(found)


def _protest_classes(tokens: list[_Token], in_entity: set[int]) -> list[tuple[int, str]]:
    """People who marched ("42,000 marched", "people at the rally") are protesters; protests counted as
    events ("297 protests", "a dozen rallies") are not."""
    verbs = [i for i, t in enumerate(tokens) if t.word in PROTEST_VERBS and i not in in_entity]
    if verbs:
        return [(verbs[0], "protesters")]
    nouns = [i for i, t in enumerate(tokens) if t.word in PROTEST_NOUNS and i not in in_entity]
    if not nouns:
        return []
    _, counted, _ = _head_index(tokens, [])
    if counted < len(tokens) and tokens[counted].word in PROTEST_NOUNS:
        return []
    return [(nouns[0], "protesters")]


def _only_people(tokens: list[_Token], in_entity: set[int]) -> bool:
    """The item names people and nothing they did: "people", "teachers", "civilians in the town".

    Words after a preposition of place say where, not what: "people in Lyon alone" names people.
    """
    words = []
    for i, t in enumerate(tokens):
        if t.word in PLACE_PREPOSITIONS:
            break
        if i not in in_entity and t.word not in STOPWORDS and t.word not in NOT_NAMES:
            words.append(t.word)
    people = [w for w in words if w in GENERIC_PEOPLE or w in POPULATION]
    return bool(people) and all(w in GENERIC_PEOPLE or w in POPULATION or w in _BARE_EXTRA for w in words)


def _generic(tokens: list[_Token]) -> bool:
    return any(t.word in GENERIC_PEOPLE for t in tokens)


def _sentence_class(sentence: str, tokens: list[_Token], *, protest: bool) -> str | None:
    """The one thing a sentence says people did or met (killed and wounded count as casualties); None
    for none or several. Who they were ("troops", "firefighters") is not what they did.

    With ``protest``, a protest the sentence names counts ("the march drew 42,000 people"): only for
    people of no kind, since officers at a march are not marchers.
    """
    found = {c for t in tokens if (c := CLASSES.get(t.word)) and c in EVENT_CLASSES}
    found |= {
        cls
        for pattern, cls in _PHRASE_CLASSES
        if (protest or cls != "protesters") and pattern.search(sentence)
    }
    if protest and any(t.word in PROTEST_CONTEXT or CLASSES.get(t.word) == "protesters" for t in tokens):
        found.add("protesters")  # "the march", "the crowd": people of no kind there are its marchers
    if found == {"dead", "injured"}:
        return "casualties"
    return next(iter(found)) if len(found) == 1 else None


COUNTRYWIDE = "*country"  # the place of "nationwide", "across the country": the whole country, unnamed


def _placed_by_sentence(item: str, sentence: str) -> tuple[str, str] | None:
    """Where an item that names no place counts, from its words or its sentence: (canonical, surface).

    "nationwide" in the item, else a place the sentence sets at its front ("In Port Selby, ..."),
    else "nationwide" anywhere in the sentence.
    """
    if nationwide(item):
        return COUNTRYWIDE, "nationwide"
    name = fronted_place(sentence) if sentence else None
    if name is not None:
        tokens = _tokens(name)
        hit = lookup_place(tokens, 0, lowercase=False)
        canonical = hit[0] if hit is not None and hit[1] == len(tokens) else " ".join(t.word for t in tokens)
        return canonical, name.lower().replace(" ", "-").replace(".", "")
    if sentence and nationwide(sentence):
        return COUNTRYWIDE, "nationwide"
    return None


def _nested(a: frozenset[str], b: frozenset[str]) -> bool:
    return a <= b or b <= a


def fits(a: Profile, b: Profile) -> bool:
    """No hard part differs: every set of one contains the other's, or is empty; and one era.

    >>> fits(profile("protesters in Paris"), profile("protesters in France"))
    False
    >>> fits(profile("troops"), profile("North Korean troops in Russia"))
    True
    """
    return (
        a.era == b.era
        and _nested(a.nat, b.nat)
        and _nested(a.loc, b.loc)
        and _nested(a.pop, b.pop)
        and _nested(a.when, b.when)
    )


_HARD = ("nat", "loc", "pop", "when")  # the parts of a profile that must nest for two claims to group
_SCAN = 32  # up to this many groups in a block, a claim is compared with every one of them


@dataclass(slots=True, eq=False)
class _Group:
    order: int  # creation order within its block: ties go to the older group
    block: tuple[str | None, str | None, str]
    anchor: Profile
    nat: frozenset[str] = frozenset()
    loc: frozenset[str] = frozenset()
    pop: frozenset[str] = frozenset()
    when: frozenset[str] = frozenset()
    entities: Counter[str] = field(default_factory=Counter)
    members: list[tuple[Claim, Profile]] = field(default_factory=list)
    keys: set[str] = field(default_factory=set)  # the words of its anchor and every entity it names
    unanchored: bool = False  # its anchor names nothing: any claim of a vocabulary block may join
    parts: set[str] = field(default_factory=set)  # claims that joined as a part of one of its figures

    def fits(self, prof: Profile) -> bool:
        return (
            prof.era == self.anchor.era
            and _nested(prof.nat, self.nat)
            and _nested(prof.loc, self.loc)
            and _nested(prof.pop, self.pop)
            and _nested(prof.when, self.when)
        )

    def add(self, claim: Claim, prof: Profile) -> None:
        self.members.append((claim, prof))
        self.nat |= prof.nat
        self.loc |= prof.loc
        self.pop |= prof.pop
        self.when |= prof.when
        self.entities.update(prof.entities)


def _choose(groups: Iterable[_Group], prof: Profile, similarity: float) -> _Group | None:
    best: tuple[float, float, int] | None = None
    chosen = None
    for group in groups:
        if not group.fits(prof):
            continue
        ratio = fuzz.token_set_ratio(prof.text, group.anchor.text)
        if not prof.vocab and ratio < similarity:
            continue
        # a place the claim names anywhere, where a group counts ("The Lyon march drew 42,000 people")
        hard_shared = len(prof.entities & (group.nat | group.loc))
        score = (
            2.0 * hard_shared + sum(1 for e in prof.entities if group.entities[e]),
            ratio,
            len(group.members),
        )
        if best is None or score > best:
            best, chosen = score, group
    return chosen


class _Block:
    """The groups of one block, indexed so that a claim meets only the groups it may join.

    Up to :data:`_SCAN` groups a claim is compared with all of them. Past that, only with the
    groups that share a name or a word with it (besides the head every group of the block shares),
    or name nothing when its head is in the vocabulary. Of those, only the ones that pass the two
    gates of :func:`_choose` can be chosen, so the candidates are drawn from whichever of these is
    smallest, and each is checked for sharing a key before :func:`_choose` weighs it:

    - the groups that share a key (the definition above);
    - for each hard part the claim names (``loc`` ...), the groups whose part is empty or shares
      one of its values: no other group nests with it;
    - for a claim outside the vocabulary, the groups whose anchor is as similar as ``similarity``
      asks (one comparison per distinct anchor text; a claim with no words is similar to none).

    A block of thousands of claims that each open a group (no item and one name they all share,
    one town each) thus costs a few look-ups per claim, not a pass over every group, and the
    groups are the ones a pass over every candidate gives.
    """

    def __init__(self, block: tuple[str | None, str | None, str], similarity: float) -> None:
        self.block = block
        self.similarity = similarity
        self.groups: list[_Group] = []
        self.by_key: dict[str, list[_Group]] = defaultdict(list)
        self.unanchored: list[_Group] = []
        self.by_text: dict[str, list[_Group]] = defaultdict(list)
        self.holding: dict[str, dict[str, list[_Group]]] = {part: defaultdict(list) for part in _HARD}
        self.lacking: dict[str, dict[int, _Group]] = {part: {} for part in _HARD}  # by order
        self.shared_head = {block[2], "C:" + block[2]}

    def add(self, claim: Claim, prof: Profile) -> None:
        """Put a claim in the group it fits best, or in a new group of its own."""
        words = {"W:" + w for w in prof.text.split() if w not in self.shared_head}
        group = _choose(self._candidates(prof, words), prof, self.similarity)
        if group is None:
            group = self._open(prof, words)
        for entity in prof.entities:
            if not group.entities[entity]:
                self.by_key[entity].append(group)
                group.keys.add(entity)
        for part in _HARD:
            have: frozenset[str] = getattr(group, part)
            new = getattr(prof, part) - have
            if new and not have:
                del self.lacking[part][group.order]
            for value in new:
                self.holding[part][value].append(group)
        group.add(claim, prof)

    def _open(self, prof: Profile, words: set[str]) -> _Group:
        group = _Group(len(self.groups), self.block, prof, keys=set(words), unanchored=not prof.entities)
        self.groups.append(group)
        for word in words:
            self.by_key[word].append(group)
        if group.unanchored:
            self.unanchored.append(group)
        self.by_text[prof.text].append(group)
        for part in _HARD:
            self.lacking[part][group.order] = group
        return group

    def _candidates(self, prof: Profile, words: set[str]) -> Iterable[_Group]:
        if len(self.groups) <= _SCAN:
            return self.groups
        keys = prof.entities | words
        best = sum(len(self.by_key.get(key, ())) for key in keys) + (
            len(self.unanchored) if prof.vocab else 0
        )
        drawn: Iterable[_Group] | None = None  # None: the groups that share a key, gathered below
        for part in _HARD:
            values: frozenset[str] = getattr(prof, part)
            if values:
                holding = self.holding[part]
                size = len(self.lacking[part]) + sum(len(holding.get(v, ())) for v in values)
                if size < best:
                    best = size
                    lacking = self.lacking[part].values()
                    drawn = [*lacking, *(g for v in values for g in holding.get(v, ()))]
        if not prof.vocab and len(self.by_text) < best:
            alike = [
                groups
                for text, groups in self.by_text.items()
                if fuzz.token_set_ratio(prof.text, text) >= self.similarity
            ]
            if sum(len(groups) for groups in alike) < best:
                drawn = [g for groups in alike for g in groups]
        if drawn is None:
            found = {id(g): g for key in keys for g in self.by_key.get(key, ())}
            if prof.vocab:
                found.update((id(g), g) for g in self.unanchored)
            return sorted(found.values(), key=lambda g: g.order)
        shares = {id(g): g for g in drawn if (prof.vocab and g.unanchored) or not g.keys.isdisjoint(keys)}
        return sorted(shares.values(), key=lambda g: g.order)


def _group_block(
    block: tuple[str | None, str | None, str], members: list[tuple[Claim, Profile]], similarity: float
) -> list[_Group]:
    members.sort(key=lambda cp: (-cp[1].hard, cp[1].text, cp[0].claim_id))
    grouping = _Block(block, similarity)
    for claim, prof in members:
        grouping.add(claim, prof)
    return grouping.groups


class UniqueKeys:
    """Keys made unique in the order they are asked for: a suffix ``-2``, ``-3`` ... on a clash.

    Each base remembers the last suffix it gave, so n equal bases cost n steps, not n squared.

    >>> keys = UniqueKeys()
    >>> [keys.take(k) for k in ("deaths", "deaths", "deaths-2", "deaths")]
    ['deaths', 'deaths-2', 'deaths-2-2', 'deaths-3']
    """

    def __init__(self) -> None:
        self.used: set[str] = set()
        self._last: dict[str, int] = {}  # base -> the suffix number it last gave (1: no suffix)

    def take(self, base: str) -> str:
        n = self._last.get(base, 1)
        key = base if n == 1 else f"{base}-{n}"
        while key in self.used:  # every suffix below n is taken already: used only grows
            n += 1
            key = f"{base}-{n}"
        self._last[base] = n
        self.used.add(key)
        return key


def _slug(group: _Group) -> tuple[str, tuple[str, ...]]:
    """A readable key from the words most of the group's items share, in their usual order."""
    counts: Counter[str] = Counter()
    surfaces: dict[str, Counter[str]] = defaultdict(Counter)
    positions: dict[str, list[float]] = defaultdict(list)
    for _, prof in group.members:
        seen = set()
        for i, (norm, surface) in enumerate(prof.tokens):
            surfaces[norm][surface] += 1
            if norm not in seen:
                seen.add(norm)
                counts[norm] += 1
                positions[norm].append(i / max(1, len(prof.tokens)))
    # Words in at least half the items (in two of them when there are two or more), and the thing
    # counted, places and nationalities that set the group apart, even when only some items name them.
    need = 1 if len(group.members) == 1 else max(2, (len(group.members) + 1) // 2)
    head = group.block[2]
    placed = {"E:" + e for e in group.nat | group.loc} | {"C:" + head if group.anchor.vocab else head}
    if group.anchor.era:
        placed.add("Y:" + group.anchor.era)
    ranked = sorted(counts.items(), key=lambda nk: (nk[0] not in placed, -nk[1], nk[0]))
    common = [n for n, k in ranked if k >= need or n in placed][:5]
    common.sort(key=lambda n: (sum(positions[n]) / len(positions[n]), n))

    # The most used spelling; between equals, the vocabulary's own word ("protesters" over "marchers").
    # "people" says least of all: a group of "people" who marched is shown by another of its words.
    def shown(norm: str) -> str:
        wanted = _SHOWN.get(norm[2:], norm[2:]) if norm.startswith("C:") else ""
        surface = surfaces[norm].items()
        return min(surface, key=lambda sk: (sk[0] in GENERIC_PEOPLE, -sk[1], sk[0] != wanted, sk[0]))[0]

    words = [shown(n) for n in common]
    unit, per, _ = group.block
    if not words and head:
        words = [head]
    if per and not any(w in RATE_TOKENS for w in words):
        words += ["per", per]
    if unit:
        words.append("percent" if unit == "%" else unit.lower())
    slug = re.sub(r"[^a-z0-9]+", "-", "-".join(words).lower()).strip("-") or "quantity"
    return slug, tuple(common)


def _label(group: _Group, slug: str, common: tuple[str, ...]) -> str:
    """The item that says most of what the group shares; the key's words when no claim has an item."""

    def rank(cp: tuple[Claim, Profile]) -> tuple[int, int, int, str]:
        claim, prof = cp
        item = claim.item or ""
        shared = len(set(common) & {n for n, _ in prof.tokens})
        return (-shared, -prof.hard, len(item) if item else 10**6, item)

    own = [cp for cp in group.members if cp[0].claim_id not in group.parts]  # a part's item is not its own
    claim, _ = min(own or group.members, key=rank)
    return claim.item or slug.replace("-", " ")


def _profiles(claims: Sequence[Claim]) -> list[Profile]:
    cache: dict[tuple[str | None, str, int | None, str | None, bool], Profile] = {}
    items_of: dict[tuple[str, str], set[str | None]] = defaultdict(set)
    for claim in claims:
        items_of[(claim.doc_id, claim.sentence)].add(claim.item)
    out = []
    for claim in claims:
        year = claim.published.year if claim.published else None
        # what bare "people" did is read in the figure's own clause (and, alone, in its sentence)
        clause = figure_clause(claim.sentence, claim.value) if _people_item(claim.item) else None
        alone = len(items_of[(claim.doc_id, claim.sentence)]) == 1
        key = (claim.item, claim.sentence, year, clause, alone)
        if key not in cache:
            prof = profile(claim.item, claim.sentence, clause=clause, alone=alone)
            era = earlier_year(claim.sentence, year)
            if era is not None:  # "In 2019, police counted 27,000": the count of another year's event
                prof = replace(prof, era=str(era), tokens=(*prof.tokens, (f"Y:{era}", str(era))))
            cache[key] = prof
        out.append(cache[key])
    return _resolve_parts(claims, out)


@lru_cache(maxsize=1 << 14)
def _people_item(item: str | None) -> bool:
    """The item names bare people, whose class its sentence may tell: only then is the clause read."""
    if not item:
        return False
    tokens = _tokens(item)
    entities = _entities(tokens, lowercase=False, skip_first=True)
    return _only_people(tokens, {i for e in entities for i in range(e.start, e.end)})


def _wholes(claims: Sequence[Claim]) -> dict[int, int]:
    """Claims their sentence gives as a part of another of its figures, each with that figure's index.

    "310,000 in 200 towns, including 42,000 in Lyon": the part is read as a part of the nearest figure
    before it in the sentence with the same unit and a larger value (310,000, not the 200 towns),
    and a part of a part as a part of the first whole.
    """
    by_sentence: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, claim in enumerate(claims):
        by_sentence[(claim.doc_id, claim.sentence)].append(i)
    whole_of: dict[int, int] = {}
    for members in by_sentence.values():
        if len(members) < 2:
            continue
        for i in members:
            part = claims[i]
            if stated_part(part.sentence, part.value, part.value_low, part.value_high) is None:
                continue
            before = [
                j
                for j in members
                if (claims[j].start, claims[j].claim_id) < (part.start, part.claim_id)
                and (claims[j].unit, claims[j].per) == (part.unit, part.per)
                and claims[j].value > part.value
            ]
            if before:
                whole_of[i] = max(before, key=lambda j: (claims[j].start, claims[j].claim_id))
    for i in sorted(whole_of):
        root = whole_of[i]
        while root in whole_of:
            root = whole_of[root]
        whole_of[i] = root
    return whole_of


def _part_of_something(claim: Claim) -> bool:
    """The figure counts "a first tranche of about 3,000" and its sentence never says of what."""
    for match in _PART_OF.finditer(claim.sentence):
        if float(match.group(1).replace(",", "")) in (claim.value, claim.value_low, claim.value_high):
            return True
    return False


def _resolve_parts(claims: Sequence[Claim], profiles: list[Profile]) -> list[Profile]:
    """A part named without its whole ("this first tranche of about 3,000") counts what the
    nearest claim of the same document counts: the closest before it, else the closest after."""
    pending = [
        i
        for i, (c, p) in enumerate(zip(claims, profiles, strict=True))
        if not p.vocab and _part_of_something(c)
    ]
    if not pending:
        return profiles
    named: dict[tuple[str, str | None, str | None], list[tuple[int, str, Profile]]] = defaultdict(list)
    for claim, prof in zip(claims, profiles, strict=True):
        if prof.vocab:
            named[(claim.doc_id, claim.unit, claim.per)].append((claim.start, claim.claim_id, prof))
    out = list(profiles)
    for i in pending:
        claim = claims[i]
        around = named.get((claim.doc_id, claim.unit, claim.per), [])
        before = [a for a in around if (a[0], a[1]) < (claim.start, claim.claim_id)]
        after = [a for a in around if (a[0], a[1]) > (claim.start, claim.claim_id)]
        if before or after:
            source = max(before)[2] if before else min(after)[2]
            out[i] = replace(out[i], head=source.head, vocab=True, soft=out[i].soft | source.entities)
    return out


def assign_quantities(
    claims: Sequence[Claim], statements: Sequence[Statement], *, similarity: float = 60.0
) -> tuple[tuple[Claim, ...], tuple[Statement, ...], tuple[Quantity, ...]]:
    """Give every claim the key of the quantity it measures, and every statement the key it is about.

    Claims come back in their input order; ``Quantity`` records sorted by key.
    ``similarity`` (rapidfuzz token-set ratio) is the bar for items whose head
    is not in the vocabulary.
    """
    blocks: dict[tuple[str | None, str | None, str], list[tuple[Claim, Profile]]] = defaultdict(list)
    profiles = _profiles(claims)
    whole_of = _wholes(claims)
    for i, (claim, prof) in enumerate(zip(claims, profiles, strict=True)):
        if i not in whole_of:
            blocks[(claim.unit, claim.per, prof.head)].append((claim, prof))
    groups = [
        g
        for block in sorted(blocks, key=lambda b: tuple(x or "" for x in b))
        for g in _group_block(block, blocks[block], similarity)
    ]
    # A part goes where its whole went, read as its whole: "including 42,000 in Lyon" of a total.
    group_of = {c.claim_id: g for g in groups for c, _ in g.members}
    for i, w in sorted(whole_of.items(), key=lambda iw: claims[iw[0]].claim_id):
        group = group_of[claims[w].claim_id]
        group.add(claims[i], profiles[w])
        group.parts.add(claims[i].claim_id)
    named = sorted(
        ((*_slug(g), min(c.claim_id for c, _ in g.members), g) for g in groups), key=lambda t: (t[0], t[2])
    )
    key_of: dict[str, str] = {}
    quantities = []
    keys = UniqueKeys()
    for slug, common, _, group in named:
        key = keys.take(slug)
        ids = tuple(sorted(c.claim_id for c, _ in group.members))
        key_of.update(dict.fromkeys(ids, key))
        quantities.append((Quantity(key, _label(group, slug, common), group.block[0], ids), group))
    keyed = tuple(replace(c, quantity_key=key_of[c.claim_id]) for c in claims)
    stated = _key_statements(statements, quantities)
    return keyed, stated, tuple(sorted((q for q, _ in quantities), key=lambda q: q.key))


def _key_statements(
    statements: Sequence[Statement], quantities: list[tuple[Quantity, _Group]]
) -> tuple[Statement, ...]:
    """Each statement takes the key of a quantity whose counted thing it names ("DPRK troops in
    Russia" names troops), the one that shares most of its places and names.

    Quantities are looked up by what they count, never all against all.
    """
    by_head: dict[str, list[tuple[Quantity, _Group]]] = defaultdict(list)
    for quantity, group in quantities:
        by_head[group.anchor.head].append((quantity, group))
    keyed = []
    key_of: dict[tuple[str, str], str] = {}  # a sentence syndicated to many pages is read once
    for statement in statements:
        text = statement.topic or statement.sentence
        key = key_of.get((text, statement.sentence))
        if key is None:
            prof = profile(text, statement.sentence)
            words = [t.word for t in _tokens(text)]
            heads = {prof.head} | {CLASSES[w] for w in words if w in CLASSES} | {lemma(w) for w in words}
            candidates = [qg for head in sorted(heads) for qg in by_head.get(head, ())]
            key = key_of[(text, statement.sentence)] = _best_key(prof, text, candidates)
        keyed.append(replace(statement, quantity_key=key))
    return tuple(keyed)


def _best_key(prof: Profile, text: str, candidates: list[tuple[Quantity, _Group]]) -> str:
    rate = bool(_RATE_WORDS.search(text.lower()))
    best: tuple[int, int] | None = None
    key = ""
    for quantity, group in sorted(candidates, key=lambda qg: qg[0].key):
        if (group.block[1] and not rate) or not group.fits(prof):
            continue
        score = (sum(1 for e in prof.entities if group.entities[e]), len(group.members))
        if best is None or score > best:
            best, key = score, quantity.key
    return key


def match_quantity(text: str, quantities: Sequence[Quantity]) -> list[Quantity]:
    """Quantities whose words mean what ``text`` says, best first; empty when none fits.

    A quantity is read from its label as written (its capitalised names are places) and from its
    key (whose words name the places the group counts in, "marchers-port-selby"). One that names
    another place than the text asks for is left out; when some quantity names a place the text
    asks for, the ones that name none of them are left out too. A quantity of an earlier year
    ("...-2019") comes after the others unless the text asks for that year.

    >>> qs = [Quantity("north-korean-troops-russia", "North Korean troops deployed to Russia", None, ("a",)),
    ...       Quantity("russian-soldiers-dying-daily", "Russian soldiers dying daily", None, ("b",))]
    >>> [q.key for q in match_quantity("DPRK soldiers in Russia", qs)]
    ['north-korean-troops-russia']
    >>> qs = [Quantity("crowd-lyon", "people marched through Lyon", None, ("a",)),
    ...       Quantity("people-marched-port-selby", "people marched to the harbour", None, ("b",))]
    >>> [q.key for q in match_quantity("marchers in Port Selby", qs)]
    ['people-marched-port-selby']
    """
    lowercase = not any(ch.isupper() for ch in text)
    wanted = profile(text, lowercase=lowercase)
    places = wanted.nat | wanted.loc
    asked = years(text)
    ranked = []
    for quantity in quantities:
        words = f"{quantity.label} {quantity.key.replace('-', ' ')}"
        have = profile(words.lower(), lowercase=True)
        named = profile(quantity.label)  # the label as written: "people marched through Lyon" is placed
        if not (fits(wanted, have) and fits(wanted, named)):
            continue
        head_match = bool(wanted.head) and wanted.head in (have.head, named.head)
        if wanted.vocab and have.vocab and not head_match:
            continue
        keyed = f"-{quantity.key}-"
        found = have.entities | named.entities
        found |= {e for e in wanted.entities if f"-{_slug_words(e)}-" in keyed}
        shared = len(wanted.entities & found)
        ratio = fuzz.token_set_ratio(wanted.text, have.text)
        if head_match or ratio >= 70 or (shared and ratio >= 50):
            held = years(quantity.key)
            era = 2 if held & asked else 1 if not held and not asked else 0
            ranked.append(((era, int(head_match), shared, ratio), len(places & found), quantity))
    if any(n for _, n, _ in ranked):  # some quantity counts where the text asks: only those
        ranked = [r for r in ranked if r[1]]
    ranked.sort(key=lambda r: (tuple(-x for x in r[0]), r[2].key))
    return [q for _, _, q in ranked]


def _slug_words(entity: str) -> str:
    """An entity as a key writes it: "port selby" -> "port-selby"; the whole country -> "nationwide"."""
    return "nationwide" if entity == COUNTRYWIDE else re.sub(r"[^a-z0-9]+", "-", entity.lower()).strip("-")
