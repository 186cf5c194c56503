"""The words of items: tokens, and a general vocabulary of counted things (no story in it).

An item's words are read as tokens; the vocabulary says which class of counted thing a word names
(troops ~ soldiers ~ forces; dead ~ killed ~ toll ...), which words only say that people were
counted, which are stop words, prepositions of place or calendar days.

>>> [t.word for t in tokenize("Russia's U.S.-made drones")]
['russia', 'us', 'made', 'drones']
>>> CLASSES["soldiers"], head_class({"dead", "injured"}), sorted(day_months("7 March and March 7"))
('troops', 'casualties', ['mar-7'])
"""

from __future__ import annotations

import re
from typing import NamedTuple

_WORD = re.compile(r"[^\W\d_]+(?:[.'’][^\W\d_]+)*")


class Token(NamedTuple):  # a tuple: made for every word of every item and sentence
    word: str  # lower case, possessive and dots dropped
    surface: str
    capital: bool
    possessive: bool


_POSSESSIVE_ENDS = ("'s", "’s")
_new_tuple = tuple.__new__  # a Token made without the Python frame of NamedTuple.__new__


def tokenize(text: str) -> list[Token]:
    out: list[Token] = []
    append = out.append
    for surface in _WORD.findall(text):
        possessive = surface.endswith(_POSSESSIVE_ENDS)
        if possessive:
            surface = surface[:-2]
        append(
            _new_tuple(Token, (surface.lower().replace(".", ""), surface, surface[:1].isupper(), possessive))
        )
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
SHOWN = {"dead": "deaths", "injured": "injured", "arrested": "arrests", "displaced": "displaced"}
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
PHRASE_CLASSES = (
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
BARE_EXTRA = _words("alone total altogether overall combined")
# Words that say people were there and nothing of what it was: "took part", "joined", "attended", "turned
# out". What they took part in is said by the rest of the sentence ("the march": marchers). Past forms
# only: "expects two million to take part" is a forecast of another day's event.
PARTICIPATION = _words("took taken part joined attended participated turned out showed up")
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
