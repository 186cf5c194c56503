"""Which claims measure the same thing: quantity keys from items, places, units and rates.

A claim's ``item`` ("North Korean special forces deployed to Russia") is read
for its head (what is counted, through a general vocabulary of count nouns:
troops ~ soldiers ~ forces; dead ~ killed ~ toll ...), the places and
nationalities it names, and its unit and rate. Claims are blocked by (unit,
rate, head), then grouped within a block: a place or nationality that differs
splits ("protesters in Paris" / "protesters in France"), a missing one does
not ("troops" in a sentence about North Korea and Russia joins the North
Korean troops). A rate is never grouped with a total.

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
from typing import NamedTuple

from rapidfuzz import fuzz

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
    help choose between groups.
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
)
EVENT_CLASSES = frozenset(_PRIORITY[:8])
PROTEST_CONTEXT = _words("protest protests rally rallies march marches demonstration demonstrations strike")
# Who was counted, when an event is the head ("civilians killed", "children missing").
POPULATION = {
    w: w.rstrip("s") if w.endswith("s") and not w.endswith("ss") else w
    for w in _words(
        "civilians children minors women men police policemen officers journalists students workers migrants "
        "refugees tourists passengers patients prisoners miners firefighters doctors medics nurses fishermen "
        "pilgrims"
    )
}
# Words for a part of a whole, which name no thing counted of their own ("the first tranche").
PART_NOUNS = _words("tranche batch wave contingent shipment instalment installment")
LOCATIVE = _words("in to into inside at across throughout near within on outside")
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


def profile(item: str | None, sentence: str = "", *, lowercase: bool = False) -> Profile:
    """Read an item (and its sentence for context) into the parts that decide its quantity.

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
    if not classes:
        classes = [(i, "protesters") for i, t in enumerate(tokens) if t.word in PROTEST_CONTEXT]
    head, head_at, vocab = _head_index(tokens, classes)
    sentence_tokens = _tokens(sentence) if sentence else []
    # No item, or only a part of something ("the first tranche"): the sentence says what is counted.
    if (not tokens or head in PART_NOUNS) and sentence_tokens:
        found = [c for t in sentence_tokens if (c := CLASSES.get(t.word))]
        if found:
            head, vocab = head_class(set(found)), True
    roles: dict[str, set[str]] = {"nat": set(), "loc": set(), "soft": set()}
    for entity in entities:
        roles[_role(tokens, entity, head_at)].add(entity.canonical)
    soft = set(roles["soft"])
    for entity in _entities(sentence_tokens, lowercase=lowercase, skip_first=True):
        soft.add(entity.canonical)
    pop = {POPULATION[t.word] for t in tokens if t.word in POPULATION}
    if head in EVENT_CLASSES:
        pop |= {"troops" for _, c in classes if c == "troops"}
    pop.discard(head)
    entity_at = {e.start: e for e in entities}
    ordered: list[tuple[str, str]] = []
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
        cls = CLASSES.get(tok.word)
        ordered.append(("C:" + cls if cls else lemma(tok.word), tok.word))
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


def _nested(a: frozenset[str], b: frozenset[str]) -> bool:
    return a <= b or b <= a


def fits(a: Profile, b: Profile) -> bool:
    """No hard part differs: every set of one contains the other's, or is empty.

    >>> fits(profile("protesters in Paris"), profile("protesters in France"))
    False
    >>> fits(profile("troops"), profile("North Korean troops in Russia"))
    True
    """
    return (
        _nested(a.nat, b.nat) and _nested(a.loc, b.loc) and _nested(a.pop, b.pop) and _nested(a.when, b.when)
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

    def fits(self, prof: Profile) -> bool:
        return (
            _nested(prof.nat, self.nat)
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
        hard_shared = len((prof.nat & group.nat) | (prof.loc & group.loc))
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
    ranked = sorted(counts.items(), key=lambda nk: (nk[0] not in placed, -nk[1], nk[0]))
    common = [n for n, k in ranked if k >= need or n in placed][:5]
    common.sort(key=lambda n: (sum(positions[n]) / len(positions[n]), n))

    # The most used spelling; between equals, the vocabulary's own word ("protesters" over "marchers").
    def shown(norm: str) -> str:
        wanted = _SHOWN.get(norm[2:], norm[2:]) if norm.startswith("C:") else ""
        return min(surfaces[norm].items(), key=lambda sk: (-sk[1], sk[0] != wanted, sk[0]))[0]

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

    claim, _ = min(group.members, key=rank)
    return claim.item or slug.replace("-", " ")


def _profiles(claims: Sequence[Claim]) -> list[Profile]:
    cache: dict[tuple[str | None, str], Profile] = {}
    out = []
    for claim in claims:
        key = (claim.item, claim.sentence)
        if key not in cache:
            cache[key] = profile(claim.item, claim.sentence)
        out.append(cache[key])
    return _resolve_parts(claims, out)


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
    for claim, prof in zip(claims, _profiles(claims), strict=True):
        blocks[(claim.unit, claim.per, prof.head)].append((claim, prof))
    groups = [
        g
        for block in sorted(blocks, key=lambda b: tuple(x or "" for x in b))
        for g in _group_block(block, blocks[block], similarity)
    ]
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

    >>> qs = [Quantity("north-korean-troops-russia", "North Korean troops deployed to Russia", None, ("a",)),
    ...       Quantity("russian-soldiers-dying-daily", "Russian soldiers dying daily", None, ("b",))]
    >>> [q.key for q in match_quantity("DPRK soldiers in Russia", qs)]
    ['north-korean-troops-russia']
    """
    lowercase = not any(ch.isupper() for ch in text)
    wanted = profile(text, lowercase=lowercase)
    ranked = []
    for quantity in quantities:
        words = f"{quantity.label} {quantity.key.replace('-', ' ')}"
        have = profile(words.lower(), lowercase=True)
        conflict = not fits(wanted, have)
        head_match = bool(wanted.head) and wanted.head == have.head
        ratio = fuzz.token_set_ratio(wanted.text, have.text)
        shared = len(wanted.entities & have.entities)
        if conflict or (wanted.vocab and have.vocab and not head_match):
            continue
        if head_match or ratio >= 70 or (shared and ratio >= 50):
            ranked.append(((int(head_match), shared, ratio), quantity))
    ranked.sort(key=lambda sq: (tuple(-x for x in sq[0]), sq[1].key))
    return [q for _, q in ranked]
