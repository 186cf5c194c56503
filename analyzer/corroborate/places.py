"""Places and names in an item's words: a gazetteer of countries, and the proper nouns around them.

Countries are known by name, demonym and other names ("DPRK", "Ukrainians"); any other run of
capitalised words is a name of its own. An item that names no place may take one from its sentence
(":mod:`analyzer.corroborate.scope_words`): set at the front ("In Lyon, ...") or the whole country.

>>> [(e.canonical, e.demonym) for e in find_entities(tokenize("North Korean troops in Port Selby"),
...                                                  lowercase=False, skip_first=False)]
[('north korea', True), ('port selby', False)]
>>> placed_by_sentence("people", "Across the country, 300,000 marched.")
('*country', 'nationwide')
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from analyzer.corroborate.item_words import NOT_NAMES, Token, tokenize
from analyzer.corroborate.scope_words import fronted_place, nationwide

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


def lookup_place(tokens: Sequence[Token], i: int, *, lowercase: bool) -> tuple[str, int, bool] | None:
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


@dataclass(slots=True)
class Entity:
    canonical: str
    surface: str
    start: int
    end: int
    gazetteer: bool
    demonym: bool
    possessive: bool


def find_entities(tokens: list[Token], *, lowercase: bool, skip_first: bool) -> list[Entity]:
    """Places, nationalities and other proper nouns named in a run of tokens."""
    found = []
    i, n = 0, len(tokens)
    while i < n:
        hit = lookup_place(tokens, i, lowercase=lowercase)
        if hit is not None:
            canonical, length, demonym = hit
            last = tokens[i + length - 1]
            surface = " ".join(t.surface for t in tokens[i : i + length])
            found.append(Entity(canonical, surface, i, i + length, True, demonym, last.possessive))
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
            found.append(Entity(canonical, surface, i, j, False, False, tokens[j - 1].possessive))
            i = j
            continue
        i += 1
    return found


COUNTRYWIDE = "*country"  # the place of "nationwide", "across the country": the whole country, unnamed


def placed_by_sentence(item: str, sentence: str) -> tuple[str, str] | None:
    """Where an item that names no place counts, from its words or its sentence: (canonical, surface).

    "nationwide" in the item, else a place the sentence sets at its front ("In Port Selby, ..."),
    else "nationwide" anywhere in the sentence.
    """
    if nationwide(item):
        return COUNTRYWIDE, "nationwide"
    name = fronted_place(sentence) if sentence else None
    if name is not None:
        tokens = tokenize(name)
        hit = lookup_place(tokens, 0, lowercase=False)
        canonical = hit[0] if hit is not None and hit[1] == len(tokens) else " ".join(t.word for t in tokens)
        return canonical, name.lower().replace(" ", "-").replace(".", "")
    if sentence and nationwide(sentence):
        return COUNTRYWIDE, "nationwide"
    return None
