"""Figures in news text: digits, word numbers, scale words, money, ranges, qualifiers, rates.

:func:`find_figures` returns one :class:`~analyzer.models.Figure` per figure the words state, in
text order, never overlapping, with ``text[start:end] == figure.text``. It leaves out what only
looks like a figure: years, dates and times, calibres, ordinals, compound adjectives ("a 10-day
visit"), identifiers ("F-16", "MH17"), page furniture ("Comments 0", "Article 5"), vague
quantities ("thousands") and pronoun "one".

The rules are rules of news text; the work per document is a few regex passes and a little
Python per number found, so that a megabyte of text takes well under a second.

>>> [f.value for f in find_figures("Police said 1,200 people marched, up to 3,000 by other counts.")]
[1200.0, 3000.0]
>>> detect_thousands_separator("Es kamen 12.000 Menschen, 1.500 mehr als 2023.")
'.'
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from decimal import Decimal

from analyzer.extract.number_words import (
    _ABBR_SCALES,
    _ADDRESS_CHARS,
    _AFTER_NUMBER,
    _ASCII_LOWER,
    _BEFORE_NUMBER_REV,
    _BELOW_HUNDRED,
    _BETWEEN_REV,
    _CHANGE_BEFORE,
    _COMMA_DECIMAL,
    _CONNECTOR,
    _COUNT_NOUNS,
    _CURRENCY_PREFIXES,
    _CURRENCY_WORDS,
    _DASH,
    _DIGIT_TOKEN,
    _DISTRIBUTIVE_AFTER,
    _DISTRIBUTIVE_BEFORE,
    _EVIDENCE,
    _GROUP_SPACE,
    _GROUPED,
    _HYPHEN_WORD,
    _ID_BEFORE_REV,
    _LETTERS,
    _MONTH_AFTER,
    _MONTH_BEFORE_REV,
    _MULTIPLIER_WORDS,
    _NEXT_SPACE,
    _NEXT_WORD,
    _NOT_A_FIGURE_AFTER,
    _NOT_BEFORE_RATE,
    _NOT_NOUNS,
    _OPENERS,
    _PARTICLE_VERBS,
    _PER_WORD,
    _PHONE,
    _PLAIN,
    _PREVIOUS_WORD_REV,
    _QUALIFIER_ENDS,
    _QUALIFIER_OF,
    _QUALIFIER_REV,
    _QUIET,
    _RATE,
    _RATE_WINDOW,
    _REVISED_UP_REV,
    _RIGHT_HINT,
    _SCALES,
    _SOUTH_ASIAN_AFTER,
    _SUFFIX_QUALIFIER,
    _SUFFIX_SCALES,
    _TEENS,
    _TENS,
    _UNIT_AFTER,
    _UNITS,
    _WORD_NUMBER,
    _WORD_SCALES,
    _WORD_START,
    _YEAR_FOLLOWER,
    _YEAR_MARKERS,
    AMBIGUOUS_ATTACHED,
    ATTACHED_CURRENCIES,
    LENGTH_UNIT,
)
from analyzer.models import Figure
from analyzer.native import register_records

__all__ = ["detect_thousands_separator", "find_figures"]

_LEFT = 64  # characters of left context read before a number
_MAX_TOKEN = 40  # a longer run of digits and separators is not a figure (and would not parse cheaply)


# --- numbers as written --------------------------------------------------------------------------------


def _parse_digits(token: str, mode: str) -> tuple[Decimal, bool] | None:
    """The value of a number written in digits, and whether it is a decimal only before a scale word.

    >>> _parse_digits("12,000", ",")
    (Decimal('12000'), False)
    >>> _parse_digits("1,2", ",")
    (Decimal('1.2'), True)
    >>> _parse_digits("12.000", ".")
    (Decimal('12000'), False)
    """
    t = token if token.isdigit() else _GROUP_SPACE.sub("", token)
    if len(t) > 1 and t[0] == "0" and t[1].isdigit():
        return None  # 007, 0958: identifiers and phone numbers, not quantities
    if mode == ".":
        if _GROUPED["."].fullmatch(t):
            return Decimal(t.replace(".", "").replace(",", ".")), False
        if _COMMA_DECIMAL.fullmatch(t) or _PLAIN.fullmatch(t):
            return Decimal(t.replace(",", ".")), False
        return None
    if _PLAIN.fullmatch(t):
        return Decimal(t), False
    if _GROUPED[","].fullmatch(t):
        return Decimal(t.replace(",", "")), False
    if _COMMA_DECIMAL.fullmatch(t):
        decimals = len(t) - t.index(",") - 1
        if mode == " " and decimals != 3:
            return Decimal(t.replace(",", ".")), False
        if decimals <= 2:
            return Decimal(t.replace(",", ".")), True
    return None


def _parse_words(words: list[str]) -> tuple[Decimal, int]:
    """The value of a run of number words and how many of the words it uses (0: not a number).

    >>> _parse_words(["two", "hundred", "and", "fifty", "thousand"])
    (Decimal('250000'), 5)
    >>> _parse_words(["two", "and", "three"])
    (Decimal('2'), 1)
    """
    total, group = Decimal(0), Decimal(0)
    last_scale = 10**15
    units = tens = hundred = False
    used = i = 0
    while i < len(words):
        word = words[i]
        if word in ("a", "an") and i == 0:
            group, units = Decimal(1), True
        elif word == "and":
            rest = words[i + 1 : i + 4]
            if rest[:2] == ["a", "half"] and len(rest) == 3 and rest[2] in _SCALES and group > 0:
                group += Decimal("0.5")
                i += 3
                continue
            if not (hundred or total) or not rest or rest[0] not in _BELOW_HUNDRED:
                break
        elif word in _UNITS or word in _TEENS:
            if units or (tens and word in _TEENS):
                break
            group += _UNITS.get(word, _TEENS.get(word, 0))
            units = True
        elif word in _TENS:
            if units or tens:
                break
            group += _TENS[word]
            tens = True
        elif word == "hundred":
            if not 0 < group < 100 or hundred:
                break
            group *= 100
            hundred, units, tens = True, False, False
        elif word == "dozen":
            if group <= 0 or hundred:
                break
            return total + group * 12, i + 1
        elif word in _SCALES:
            scale = _SCALES[word]
            if group <= 0 or scale >= last_scale:
                break
            total, group, last_scale = total + group * scale, Decimal(0), scale
            units = tens = hundred = False
        else:
            break
        used = i = i + 1
    return total + group, used


# --- atoms: one number with its currency, scale word and unit ------------------------------------------


# not frozen: a frozen record's __init__ sets each field through object.__setattr__, several times slower,
# and these short-lived records are made for every number and never changed, hashed or kept
@dataclass(slots=True)
class _Atom:
    """A number as written, before ranges, qualifiers and rates are read around it."""

    start: int  # currency prefix included
    end: int  # scale word and unit included
    raw: Decimal  # the number before its scale word: 1.2 in "1.2 million"
    scale: int = 1
    unit: str | None = None
    low: Decimal | None = None  # the lower bound of a range written as one token: "18,000-20,000"
    year_like: bool = False
    small_word: str | None = None  # a lone word number zero..nine, lowercased: it needs a noun after it

    @property
    def value(self) -> Decimal:
        return self.raw * self.scale


def _scale_and_unit(
    text: str, end: int, currency: str | None, raw: Decimal
) -> tuple[int, str | None, int, bool]:
    """Read a scale word and a unit after a number: (scale, unit, end, letters follow unexplained)."""
    if text[end : end + 1] in _QUIET:
        return 1, currency, end, False
    m = _AFTER_NUMBER.match(text, end)  # every part is optional: it always matches
    if m is None:
        return 1, currency, end, False
    scale = 1
    attached = m.group("att")
    if attached is not None and attached in "bB" and currency is None:
        return 1, currency, end, True  # "4B" is a name unless it is money
    if attached == "m" and currency is None and raw >= 1000:
        return (
            1,
            currency,
            end,
            True,
        )  # "1,200m of booms": metres (nobody writes 1.2 billion so, but in money)
    if m.group("scale") is not None:
        abbr = attached or m.group("abbr")
        scale = _ABBR_SCALES[abbr.lower()] if abbr else _SUFFIX_SCALES[m.group("word").lower()]
        end = m.end("scale")
    elif text[end].isalpha() and m.group("pct3") is None:
        return 1, currency, end, True  # 3rd, 1990s, 105mm, 4G, 22h20 (not "25pc")
    if m.group("unit") is None:
        return scale, currency, end, False
    unit = _unit_of(m, currency, scale > 1 or raw >= 1000)
    return scale, unit, (m.end() if unit is not None else end), False


def _unit_of(m: re.Match[str], currency: str | None, large: bool) -> str | None:
    """The unit a match of the unit suffix names: "%", or a currency code."""
    if m.group("pct") is not None or m.group("pct2") is not None or m.group("pct3") is not None:
        return "%"
    if m.group("iso") is not None:
        return currency or m.group("iso")
    if m.group("sym") is not None:
        return currency or _CURRENCY_PREFIXES[m.group("sym")]
    word = " ".join(m.group("cur").lower().split())
    if word == "won" and not large:
        return currency  # "3 won": a verb, unless the amount says money
    return currency or _CURRENCY_WORDS[word]


# "the 3,000-euro payment": the one-word currencies of _CURRENCY_WORDS, singular (not "-pound", as often a
# weight, nor "-won"); "the 500-euro note" names a banknote, no amount
_HYPHEN_WORDS = sorted(
    {w.removesuffix("s") for w in _CURRENCY_WORDS if " " not in w} - {"pound", "won", "sterling"},
    reverse=True,
)
_HYPHEN_CURRENCY = re.compile(
    rf"[-–](?P<w>(?i:{'|'.join(_HYPHEN_WORDS)}))\b(?!\s+(?i:notes?|bills?|coins?|banknotes?)\b)"
)


def _compound_adjective(text: str, end: int) -> bool:
    """A number joined to a word by a hyphen is an adjective ("10-day", "two-year") unless "-strong"."""
    if text[end : end + 1] not in ("-", "–"):
        return False
    m = _HYPHEN_WORD.match(text, end)
    return m is not None and m.group("w").lower() not in ("odd", "plus", "strong")


def _alone_on_line(text: str, start: int, end: int) -> bool:
    """A bare number that is the whole line is page furniture: a rank, a view count, a list marker."""
    lo = text.rfind("\n", max(0, start - 200), start)
    if lo < 0 and start > 200:
        return False
    hi = text.find("\n", end, end + 200)
    if hi < 0:
        if end + 200 < len(text):
            return False
        hi = len(text)
    line = text[lo + 1 : hi]
    return line.strip(" \t\u00a0•·*-–—|>").rstrip(".)") == text[start:end]


def _in_address(text: str, start: int, end: int) -> bool:
    """Digits inside a URL, an e-mail address, a hashtag or a handle."""
    if (start == 0 or text[start - 1] in _OPENERS) and text[end : end + 1] not in _ADDRESS_CHARS:
        return False  # a number that starts a word and is not followed by address characters
    lo, hi = max(0, start - 300), min(len(text), end + 300)
    left = max(text.rfind(" ", lo, start), text.rfind("\n", lo, start), text.rfind("\t", lo, start))
    m = _NEXT_SPACE.search(text, end, hi)
    chunk = text[left + 1 if left >= 0 else lo : m.start() if m else hi]
    return "://" in chunk or "www." in chunk or "@" in chunk or chunk.startswith("#")


def _parse_token(token: str, mode: str) -> tuple[list[Decimal], bool] | None:
    """The one or two numbers of a token ("18,000-20,000") and whether they need a scale word."""
    parts = _DASH.split(token)
    if len(parts) > 2:
        return None
    values: list[Decimal] = []
    needs_scale = False
    for part in parts:
        parsed = _parse_digits(part, mode)
        if parsed is None:
            return None
        values.append(parsed[0])
        needs_scale = needs_scale or parsed[1]
    return values, needs_scale


def _token_range(
    values: list[Decimal], grouped: bool, start: int, end: int, scale: int, unit: str | None
) -> _Atom | None:
    """ "18,000-20,000", "10-12 thousand"; not "3-2" (a score), "2019-2023" or "2022-23" (years)."""
    low, high = values
    if not grouped and all(v == int(v) and 1900 <= v <= 2100 for v in values):
        return None
    low_scale = scale if low < high else 1
    if not low * low_scale < high * scale:
        return None
    return _Atom(start, end, high, scale, unit, low=low * low_scale)


# After "put ... at" / "rose to", a small number word with no noun is the figure, if a clause boundary,
# a date or the sentence end follows.
_SETS_A_FIGURE = frozenset({"at", "to"})
# ... and only when a toll/figure/number/count/"it" or a verb that sets or moves a figure stands some words
# before "at/to": not a clock time ("due to dock at nine", "the talks start at ten")
_NOT_A_TIME_VERB = (
    r"(?!(?:due|scheduled|expected|set|start|starts|started|meet|meets|met|open|opens|opened|begin|begins"
    r"|began|arrive|arrives|arrived|dock|docks|docked|leave|leaves|left|close|closes|closed|hold|holds|held)\b)"
)
_SETS_A_FIGURE_BEFORE_RE = re.compile(
    # a toll, figure or count noun reaches further ("the toll from the collapse of the bridge to nine") ...
    rf"\b(?:(?:death\s+)?tolls?|figures?|numbers?|counts?|tally|totals?|estimates?)(?:\s+{_NOT_A_TIME_VERB}[\w'’\-]+){{0,8}}"
    r"\s+(?:at|to)\s+$"
    # ... than "it" or a verb ("it would hold the briefing at nine" is a time)
    r"|\b(?:it|them"
    r"|put|puts|putting|plac(?:e|es|ed|ing)|rais(?:e|es|ed|ing)|ris(?:e|es|en|ing)|rose"
    r"|climb(?:s|ed|ing)?|increas(?:e|es|ed|ing)|f(?:all|alls|ell|allen|alling)|drop(?:s|ped|ping)?"
    r"|jump(?:s|ed|ing)?|soar(?:s|ed|ing)?|grow(?:s|n|ing)?|grew|revis(?:e|es|ed|ing)|lower(?:s|ed|ing)?)"
    rf"(?:\s+{_NOT_A_TIME_VERB}[\w'’\-]+){{0,3}}"
    r"\s+(?:at|to)\s+$",
    re.IGNORECASE,
)
_ENDS_THE_FIGURE = re.compile(
    r"\s*(?:[,.;:)]|$|\s(?:on|by|last|this|yesterday|today|from|after|according)\b)"
)
_DIGIT_AHEAD_RE = re.compile(r"[^\S\n]+\d")
_PARTITIVE_LINKS = frozenset({"of", "more", "fewer", "other", "further", "additional"})
# a subset of a figure just given ("112 ..., nine of them") or of a set the subject owns ("nine of its soldiers");
# not "two of the men", a definite reference to people already counted
_PARTITIVE_DETERMINERS = frozenset({"its", "their", "his", "her", "our", "them"})
# a figure then a verb of moving someone earlier in the sentence, which "and four to hospital" leaves out
_ELLIPSIS_BEFORE_RE = re.compile(
    r"\d[^;.]{0,120}?\b(?:taken|sent|moved|brought|flown|admitted|transferred|died|killed|injured|wounded"
    r"|arrested|evacuated|rescued|recorded|reported|confirmed|treated|hospitali[sz]ed|missing|dead|hurt|found"
    r"|displaced|detained|held|freed|released|stranded|trapped|infected|affected)\b"
)
# the same preposition after an earlier number of the clause: "Nine of the men are from A and two from B",
# "15 at the general hospital and four at St Anne's" (the second conjunct repeats the first's frame)
_SAME_PREPOSITION_BEFORE = {
    prep: re.compile(
        r"(?:\d|\b(?i:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b)"
        rf"[^;.!?]{{0,120}}?\b{prep}[^\S\n]"
    )
    for prep in ("to", "in", "at", "from")
}
# read backwards: "down from", "up from", or "from" right after a figure ("to 9 from", "to nine from")
_FROM_FIGURE_REV = re.compile(
    r"[^\S\n]+morf[^\S\n]+(?:nwod|pu|(?:\d[\d,.]*|eno|owt|eerht|ruof|evif|xis|neves|thgie|enin|net|nevele|evlewt)"
    r"[^\S\n]+ot)\b",
    re.IGNORECASE,
)
# what a person does in a narrated scene ("One man called his wife"); not died/was killed/remains
_NARRATIVE_VERBS = frozenset(
    {"called", "phoned", "texted", "said", "says", "told", "tells", "recalled", "described", "ran", "walked",
     "shouted", "screamed", "wrote", "posted", "waved", "climbed", "crawled", "watched", "saw", "heard",
     "asked", "cried", "explained", "added", "spoke", "smiled", "shook", "grabbed"}
)  # fmt: skip
# people nouns whose plural has no final "s": "Two of the men were taken to hospital"
_IRREGULAR_PLURALS = frozenset({"men", "women", "children", "people", "police", "policemen", "servicemen"})
_PARTICIPLE_RE = re.compile(r"[a-z]+(?:ed|en)|hurt|held|found|missing|dead|injured|still|in|at|among|on|from")
# read backwards from a number word: "<number> of the " before it ("two of the three were")
_PARTITIVE_WHOLE_REV = re.compile(
    r"[^\S\n]+eht[^\S\n]+fo[^\S\n]+(?:\d|(?:owt|eerht|ruof|evif|xis|neves|thgie|enin|net)\b)", re.IGNORECASE
)
# "one" after a preposition describes, it counts nothing: "eight were from one family", "in one village"
_RECORDED_AFTER_RE = re.compile(
    r"[^\S\n]+(?:being[^\S\n]+|so[^\S\n]+far[^\S\n]+|already[^\S\n]+)?"
    r"(?:recorded|reported|confirmed|registered|logged)\b(?![^\S\n]+as\b)"
)
_ONE_AFTER = frozenset({"from", "in", "of", "at", "on", "into", "within", "inside", "with", "by", "for"})
# verbs after a bare number word that make it the subject of a clause: "that five had died"
# words after which a number opens a clause: conjunctions, and reporting verbs without "that"
_CLAUSE_OPENERS = frozenset(
    {"that", "and", "while", "but", "said", "says", "say", "told", "added", "adds", "confirmed", "reported"}
)
_COUNT_VERBS = frozenset(
    {"had", "have", "were", "are", "died", "remain", "remained", "survived", "drowned"}
    | {"may", "might", "could", "would", "will", "still", "also"}  # "while two may still be trapped"
)
# a subset named by a relative or a demonstrative just before: "of whom five were children", "Of these, two died"
_PARTITIVE_OPENER_RE = re.compile(r"\bof[^\S\n]+(?:whom|which|these|those|them),?[^\S\n]+$", re.IGNORECASE)
# verbs of harm or capture whose object a bare count is: "arrested four of the attackers", "wounded one"
_HARM_VERBS = frozenset(
    {"killed", "wounded", "injured", "arrested", "captured", "rescued", "freed", "detained", "shot",
     "abducted", "kidnapped", "neutralised", "neutralized", "apprehended", "nabbed", "evacuated", "hurt"}
)  # fmt: skip
_AND_HARM_RE = re.compile(
    r"[^\S\n]+and[^\S\n]+(?:killed|wounded|injured|arrested|captured|rescued|freed|detained|abducted|kidnapped)\b"
)
# "closer to the 4,000 mark", "nearing the 100 milestone": how near a figure is to a round mark (read backwards)
_NEAR_THE_REV = re.compile(
    r" eht[^\S\n]+(?P<w>ot[^\S\n]+(?:resolc|reraen|esolc|raen)|gniraen|deraen|gnihcaorppa|dehcaorppa)\b",
    re.IGNORECASE,
)
_MARK_AFTER_RE = re.compile(r"[^\S\n]*-?(?:mark|milestone|threshold)\b", re.IGNORECASE)
# a plural noun for a group of people, beyond the count nouns: "attackers", "gunmen", "insurgents", "bandits"
_PEOPLE_PLURAL_RE = re.compile(
    r"[a-z]+(?:ers|ists|ants|ents|ians|ees|men)|suspects|bandits|rebels|thugs|raiders"
)
# what follows "One was"/"One is" that makes the lone "One" a count of victims: "One was reported dead"
_ONE_STATE_RE = re.compile(
    r"[^\S\n]+(?:was|is|has[^\S\n]+been|remains|remained)[^\S\n]+(?:(?:also|still|later|reportedly|reported"
    r"|confirmed|found|feared|declared|listed)[^\S\n]+)?(?:dead|killed|injured|wounded|missing|hurt|drowned"
    r"|hospitali[sz]ed|rescued|arrested|abducted)\b"
    r"|[^\S\n]+(?:died|drowned)\b",
    re.IGNORECASE,
)
# "with one each", "two each": a count per member of the list before, closing the phrase
_EACH_END_RE = re.compile(r"[^\S\n]+each(?=[^\S\n]*(?:[,.;:)]|$|[^\S\n](?:and|while|but|according)\b))")
# "four each from A and B", "two each in the towns of C and D": a count per place of a list of origins
_EACH_PLACE_RE = re.compile(r"[^\S\n]+each[^\S\n]+(?:from|in|at|by|for)[^\S\n]")
# "followed by PTI 123, independents 29, PML seven, ...": a count after a name in a tally of counts by name
_NAME_BEFORE_REV = re.compile(r"[^\S\n]+[\w\-]*[A-Z]")  # read backwards: a capitalised word right before
# "Terminal Two", "Phase Three": a name that a number word ends, no count
_LABEL_HEADS = frozenset(
    {
        "terminal",
        "gate",
        "channel",
        "formula",
        "phase",
        "stage",
        "level",
        "grade",
        "class",
        "category",
        "block",
        "sector",
        "zone",
        "ward",
        "camp",
        "room",
        "platform",
        "round",
        "day",
        "chapter",
        "part",
        "act",
        "article",
        "section",
        "team",
        "pier",
        "hangar",
        "unit",
        "tower",
        "building",
        "number",
        "no",
        "week",
        "year",
    }
)
_TALLY_ITEM_BEFORE_RE = re.compile(r"[A-Za-z][\w\-]*[^\S\n]+\d{1,5},[^\S\n]+[^;.!?]{0,80}$")
# "including a family of four", "among them a family of five": one family among the victims
_FAMILY_OF_BEFORE_RE = re.compile(
    r"\b(?:including|among[^\S\n]+them|among[^\S\n]+the[^\S\n]+(?:dead|victims))[^\S\n]+"
    r"(?:a|an[^\S\n]+entire|one)[^\S\n]+family[^\S\n]+of[^\S\n]+$"
)
# "were one middle schooler and five high school students": "one" + its noun, then "and" + another count
_ONE_LISTED_AFTER = frozenset({"were", "are", "include", "includes", "included", "including"})
_ONE_IN_LIST_RE = re.compile(
    r"(?:[^\S\n]+[a-z][a-z\-]*){0,2}?[^\S\n]+(?!(?:number|other|order|matter|letter|water|paper|after|never|under"
    r"|over|later|together|either|neither|another|corner|border|power|quarter|member)\b)"
    r"[a-z\-]*(?:er|or|ist|ian|ent|ant|man|woman|child|person|girl|boy|baby|officer|soldier|student|pupil)"
    r"[^\S\n]+and[^\S\n]+(?:\d|(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b)"
)
# "The 26 victims include five from Iran": the first conjunct of a list of origins
_INCLUDE_WORDS = frozenset({"include", "includes", "included", "including"})
_AND_INCLUDE_WORDS = _INCLUDE_WORDS | {"and"}
# "fined four times in three years": how often something happened, when what follows "times" closes the
# phrase or dates it; not a multiplier or a rate ("four times higher", "three times its level", "three
# times faster", "four times above the limit", "four times weekly", "three times a day")
_OCCURRENCE_RE = re.compile(
    r"[^\S\n]+times(?=[^\S\n]*(?:[.,;:)!?\"”’]|$)|[^\S\n]+(?:in|last|this|since|during|before|after|between"
    r"|within|and|or|so|already|previously|earlier|now|when|while|but|because|for|at|on|by|under|without"
    r"|with)\b)",
    re.IGNORECASE,
)
# adjectives used as nouns for the victims of an event: "two of the dead", "three of the injured"
_VICTIM_GROUPS = frozenset(
    {"dead", "injured", "wounded", "missing", "victims", "survivors", "rescued", "casualties", "fatalities"}
)
# a length then a direction ("15 nautical miles south", "700 metres underground") says where: it counts nothing
_DISTANCE_AFTER = re.compile(
    rf"[^\S\r\n]+(?:nautical[^\S\r\n]+)?{LENGTH_UNIT}[^\S\r\n]+"
    r"(?:(?:north|south)(?:-?(?:east|west))?|east|west|away|below|beneath|under|underground|above|off|offshore|inland|from|out|up|down|upstream|downstream|short|into)\b",
    re.IGNORECASE,
)
_WORD_NEXT = re.compile(r"[^\S\r\n]+[A-Za-z]")


_YEAR_PREPOSITION_REV = re.compile(r" (?:ni|ecnis|morf|litnu|ni nageb|erofeb|retfa)\b", re.IGNORECASE)
# a group of three digits or more, no year, one space before a number (read reversed)
_CODE_GROUP_BEFORE_REV = re.compile(r" (?!\d\d(?:91|02)(?!\d))\d{3,}(?![\d,.])")


def _attached_currency(text: str, s: int) -> str | None:
    """The currency letters joined to the digits at ``s`` ("Rs58,000", "P30 million"), if any.

    >>> [_attached_currency(t, t.index("5")) for t in ("a Rs58,000 wage", "RM500,000", "TRM5", "at 5")]
    ['Rs', 'RM', None, None]
    """
    if s == 0 or not text[s - 1].isalpha():
        return None
    for length in (3, 2, 1):
        letters = text[max(0, s - length) : s]
        if letters in ATTACHED_CURRENCIES and (s == length or not text[s - length - 1].isalnum()):
            return letters
    return None


def _digit_atom(text: str, match: re.Match[str], mode: str) -> _Atom | None:
    s, e = match.span()
    token = match.group()
    if len(token) > _MAX_TOKEN or ":" in token or "/" in token:
        return None  # times, dates, fractions, ratios, or a run of digits no reporter writes
    rev = text[max(0, s - _LEFT) : s][::-1]
    before = _BEFORE_NUMBER_REV.match(rev)
    if (before is not None and before.group("skip") is not None) or _in_address(text, s, e):
        return None  # F-16, COVID-19, #5, @2, Article 5, Comments 0
    if mode != " " and _CODE_GROUP_BEFORE_REV.match(rev):
        return None  # "access code 881 204": the second group of a code, where thousands are not spaced
    parsed = _parse_token(token, mode)
    if parsed is None:
        return None  # 2024-10-21, 555-123-4567, Pyoljji-1-2, 1.2.3
    values, needs_scale = parsed
    plain_int = token.isdigit()
    if plain_int and len(token) == 2 and rev[:1] in ("'", "’"):
        return None  # the '98 crisis: a year
    month = _MONTH_BEFORE_REV.match(rev) if plain_int and (len(token) <= 2 or len(token) == 4) else None
    if month is not None and (month.group("pair") is None or not _WORD_NEXT.match(text, e)):
        return None  # October 13, Oct. 13, 2024, the 14 of "Oct. 13 and 14" (not "... and 14 people")
    currency = _CURRENCY_PREFIXES[before.group("c")[::-1]] if before is not None else None
    start = s - before.end() if before is not None else s
    joined = _attached_currency(text, s) if before is None else None  # "Rs58,000", "R48 million"
    if joined is not None:
        currency, start = ATTACHED_CURRENCIES[joined], s - len(joined)
    scale, unit, end, unexplained = _scale_and_unit(text, e, currency, values[-1])
    if unexplained or (needs_scale and scale == 1 and unit != "%"):
        return None
    if joined in AMBIGUOUS_ATTACHED and scale == 1 and "," not in token and " " not in token:
        return None  # "the R2 road", "room R101", "N95 masks": only "R5 million" or "P13,500" is an amount
    if (
        end == e
        and text[e : e + 1] not in _QUIET
        and (
            _NOT_A_FIGURE_AFTER.match(text, e)
            or (plain_int and len(token) <= 2 and _MONTH_AFTER.match(text, e))
        )
    ):
        return None  # 4 PM, 152 mm, 1990's, 13 October, 2 min read
    if _compound_adjective(text, end):
        money = _HYPHEN_CURRENCY.match(text, end) if unit is None else None
        if money is None:
            return None  # 14-month-long, 17-Year-Old, a 10-day visit
        word = money.group("w").lower()
        unit = _CURRENCY_WORDS[word] if word in _CURRENCY_WORDS else _CURRENCY_WORDS[word + "s"]
        end = money.end()  # "the 3,000-euro payment": an amount, written as an adjective
    bare = end == e and start == s
    if bare and len(values) == 1 and _alone_on_line(text, s, e):
        return None
    year_like = (
        bare
        and plain_int
        and len(token) == 4
        and (
            1900 <= int(token) <= 2100
            or (1500 <= int(token) < 1900 and _YEAR_PREPOSITION_REV.match(rev) is not None)
        )
    )  # "since records began in 1881": an older year after a preposition
    if len(values) == 2:
        return _token_range(values, "," in token, start, end, scale, unit)
    return _Atom(start, end, values[0], scale, unit, year_like=year_like)


def _word_atom(text: str, match: re.Match[str]) -> tuple[_Atom | None, int]:
    """The atom a word-number match stands for, and where to search for the next one."""
    s = match.start()
    small = None
    if match.group("run") is None:
        scale_word = (match.group("half") or match.group("qscale") or match.group("ahalf")).lower()
        if match.group("qscale"):
            raw = Decimal("0.75") if match.group("quarter").lower().startswith("three") else Decimal("0.25")
        else:
            raw = Decimal("0.5")
        scale, end = _WORD_SCALES[scale_word], match.end()
    else:
        tokens = list(_LETTERS.finditer(match.group("run")))
        words = [t.group().lower() for t in tokens]
        value, used = _parse_words(words)
        if used == 0:
            return None, s + tokens[0].end()
        end = s + tokens[used - 1].end()
        scale = _SCALES.get(words[used - 1], 1)
        raw = value / scale
        if used == 1 and words[0] in _UNITS:
            small = words[0]
    rev = text[max(0, s - 2) : s][::-1]
    if _ID_BEFORE_REV.match(rev) or _compound_adjective(text, end):
        return None, end  # two-year investigation, Pyongyang-two
    currency = None
    if scale == 1 and text[end : end + 1] == " ":
        south = _SOUTH_ASIAN_AFTER.match(text, end)  # "Rs eight lac", "five crore rupees"
        if south is not None:
            raw, scale, end, small = raw * scale, _SUFFIX_SCALES[south.group("w").lower()], south.end(), None
            before = _BEFORE_NUMBER_REV.match(text[max(0, s - 6) : s][::-1])
            if before is not None and before.group("c") is not None:
                currency, s = _CURRENCY_PREFIXES[before.group("c")[::-1]], s - before.end()
    u = _UNIT_AFTER.match(text, end)
    unit = _unit_of(u, currency, raw * scale >= 1000) if u else currency
    if u is not None and unit is not None:
        small, end = None, u.end()
    return _Atom(s, end, raw, scale, unit, small_word=small), end


def _atoms(text: str, mode: str) -> list[_Atom]:
    atoms: list[_Atom] = []
    skip_until = 0
    for m in _DIGIT_TOKEN[mode].finditer(text):
        s = m.start()
        if s < skip_until:
            continue
        if s and text[s - 1] in "+(":
            phone = _PHONE.match(text, s - 1)
            if phone:
                skip_until = phone.end()
                continue
        atom = _digit_atom(text, m, mode)
        if atom is not None:
            atoms.append(atom)
    pos = 0
    words: list[_Atom] = []
    low = text.lower()
    if len(low) != len(text):
        low = text.translate(_ASCII_LOWER)  # rare letters whose lower case is longer: keep the offsets
    for candidate in _WORD_START.finditer(low):
        if candidate.start() < pos:
            continue
        wm = _WORD_NUMBER.match(low, candidate.start())
        if wm is not None:
            atom, pos = _word_atom(text, wm)
            if atom is not None:
                words.append(atom)
    if words:
        atoms = sorted([*atoms, *words], key=lambda a: a.start)
        kept: list[_Atom] = []
        for atom in atoms:
            if not kept or atom.start >= kept[-1].end:
                kept.append(atom)
        atoms = kept
    return atoms


# --- drafts: atoms joined into ranges, then read in their sentence ------------------------------------


@dataclass(slots=True)  # not frozen, as _Atom
class _Draft:
    start: int
    end: int
    value: Decimal
    low: Decimal | None = None
    high: Decimal | None = None
    unit: str | None = None
    year_like: bool = False
    small_word: str | None = None


def _change_before(text: str, pos: int) -> bool:
    """A verb of change just before: "rose from 50 to 87" is two figures, not a range."""
    return _CHANGE_BEFORE.search(text, max(0, pos - 40), pos) is not None


def _range(text: str, a: _Atom, b: _Atom) -> _Draft | None:
    """ "18,000 to 20,000", "between 18,000 and 20,000", "10 to 12 million"; None if a and b are apart."""
    if a.low is not None or b.low is not None or (a.year_like and b.year_like):
        return None
    m = _CONNECTOR.match(text, a.end)
    if m is None or m.end() != b.start:
        return None
    word = (m.group("w") or "-").lower()
    rev = text[max(0, a.start - 12) : a.start][::-1]
    bm = _BETWEEN_REV.match(rev)
    lead = bm.group("w").lower() if bm else None
    start = a.start
    if (lead == "neewteb" and word == "and") or (lead == "morf" and word == "to"):
        start -= bm.end() if bm else 0
    elif word == "and":
        return None
    if lead == "morf" and _change_before(text, start):
        return None
    if a.unit is not None and b.unit is not None and a.unit != b.unit:
        return None
    scale = b.scale if a.scale == 1 and b.scale > 1 and a.raw < b.raw else a.scale
    low, high = a.raw * scale, b.value
    if not low < high:
        return None
    return _Draft(start, b.end, high, low, high, b.unit or a.unit)


def _draft(text: str, atoms: list[_Atom], i: int) -> tuple[_Draft, int]:
    a = atoms[i]
    if i + 1 < len(atoms) and atoms[i + 1].start - a.end <= 12:
        joined = _range(text, a, atoms[i + 1])
        if joined is not None:
            return joined, 2
    low, high = (a.low, a.value) if a.low is not None else (None, None)
    return _Draft(a.start, a.end, a.value, low, high, a.unit, a.year_like, a.small_word), 1


def _previous_word(rev: str, pos: int) -> str:
    m = _PREVIOUS_WORD_REV.match(rev, pos)
    return m.group("w")[::-1].lower() if m else ""


def _opens_clause(text: str, start: int) -> bool:
    """Whether ``start`` opens the text or a clause after ";" or ":" (spaces between)."""
    i = start
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    return i == 0 or text[i - 1] in ";:\n"


def _sentence_start(text: str, start: int) -> bool:
    """Whether ``start`` opens a sentence: the text, a line, or after a stop (spaces and a quote between)."""
    i = start
    while i > 0 and text[i - 1] in " \t\"“‘'":
        i -= 1
    return i == 0 or text[i - 1] in ".!?;:\n"


def _people_after_of(text: str, at: int) -> bool:
    """Whether "the|these|those|its|their" and a plural noun for people follow ``at`` ("of the attackers")."""
    det = _NEXT_WORD.match(text, at)
    if det is None or det.group("w").lower() not in ("the", "these", "those", "its", "their"):
        return False
    noun = _NEXT_WORD.match(text, det.end())
    if noun is None:
        return False
    w = noun.group("w").lower()
    return (
        (w in _COUNT_NOUNS and w.endswith("s"))
        or w in _IRREGULAR_PLURALS
        or (_PEOPLE_PLURAL_RE.fullmatch(w) is not None)
    )


def _stands(text: str, d: _Draft, rev: str, qualified_at: int | None) -> bool:
    """Whether a year-like number or a lone small word number is a figure here."""
    if d.year_like:
        if qualified_at is not None:
            return (
                _previous_word(rev, qualified_at) not in _YEAR_MARKERS
            )  # "about 2000", not "in around 2015"
        follower = _YEAR_FOLLOWER.match(text, d.end)
        return (
            follower is not None
            and follower.group("w").lower() in _COUNT_NOUNS
            and _previous_word(rev, 0) not in _YEAR_MARKERS
        )
    if d.small_word is not None:
        if (
            d.small_word not in ("one", "zero")
            and _previous_word(rev, 0) in _SETS_A_FIGURE
            and _ENDS_THE_FIGURE.match(text, d.end)
            and _SETS_A_FIGURE_BEFORE_RE.search(text, max(0, d.start - 100), d.start)
        ):
            return True  # "officials put it at three on Sunday", "the toll rose to five": the figure itself
        if (
            d.small_word not in ("one", "zero")
            and _FROM_FIGURE_REV.match(rev)
            and _ENDS_THE_FIGURE.match(text, d.end)
        ):
            return True  # "two remain in hospital, down from three on Tuesday", "rose to nine from five"
        if _previous_word(rev, 0) in _HARM_VERBS and (
            _ENDS_THE_FIGURE.match(text, d.end) or _AND_HARM_RE.match(text, d.end)
        ):
            return True  # "killed two and wounded one.": the verb's object, no noun repeated
        if (
            d.small_word not in ("one", "zero")
            and _previous_word(rev, 0) == "of"
            and _FAMILY_OF_BEFORE_RE.search(text, max(0, d.start - 48), d.start) is not None
            and _ENDS_THE_FIGURE.match(text, d.end)
        ):
            return True  # "killed 10 people, including a family of four": victims, counted
        if (
            text[d.end : d.end + 1] == ","
            and d.small_word not in ("one", "zero")
            and _NAME_BEFORE_REV.match(rev) is not None
            and _previous_word(rev, 0) not in _LABEL_HEADS
            and _TALLY_ITEM_BEFORE_RE.search(text, max(0, d.start - 100), d.start) is not None
        ):
            return True  # "PTI 123, independents 29, PML seven, PPP 6": one more count of the tally
        nxt = _NEXT_WORD.match(text, d.end)
        if nxt is None:
            return False
        word = nxt.group("w").lower()
        if (
            d.small_word not in ("one", "zero")
            and word in _COUNT_VERBS
            and (
                _previous_word(rev, 0) in _CLAUSE_OPENERS
                or _PARTITIVE_OPENER_RE.search(text, max(0, d.start - 20), d.start) is not None
                or _opens_clause(text, d.start)  # "Nine were from one village", "...; eight were from"
            )
        ):
            return (
                True  # "adding that five had died", "said four had been moved": the reported clause's subject
            )
        if (
            d.small_word not in ("one", "zero")
            and word in {"to", "in", "at", "from"}
            and (_previous_word(rev, 0) == "and" or rev[:2] == " ,")  # "26 in A, five in B and two in C"
            and (
                _ELLIPSIS_BEFORE_RE.search(text, 0, d.start) is not None
                or _SAME_PREPOSITION_BEFORE[word].search(text, max(0, d.start - 160), d.start) is not None
            )
        ):
            return True  # "209 were taken to the centre and four to hospital": the verb is left out
        if word == "each" and _EACH_END_RE.match(text, d.end):
            return True  # "Limpopo and Gauteng with one each": a count per member
        if (
            word == "each"
            and (_previous_word(rev, 0) in _AND_INCLUDE_WORDS or rev[:2] == " ,")
            and _EACH_PLACE_RE.match(text, d.end)
        ):
            return True  # "five from A, four each from B and C, and one each from D": counts per place
        if (
            d.small_word not in ("one", "zero")
            and word in ("from", "in")
            and _previous_word(rev, 0) in _INCLUDE_WORDS
            and text[nxt.end() + 1 : nxt.end() + 2].isupper()
        ):
            return True  # "The 26 dead include five from Iran, ...": the first of the counts by origin
        if d.small_word == "one" and _sentence_start(text, d.start) and _ONE_STATE_RE.match(text, d.end):
            return True  # "One was reported dead", "One died on the way to hospital"
        if word == "of" and _previous_word(rev, 0) in _HARM_VERBS and _people_after_of(text, nxt.end()):
            return True  # "arrested four of the attackers", "killed one of the gunmen": the verb's object
        if (
            d.small_word == "one"
            and _previous_word(rev, 0) in _ONE_LISTED_AFTER
            and _ONE_IN_LIST_RE.match(text, d.end) is not None
        ):
            return True  # "Among the dead were one middle schooler and five high school students"
        if d.small_word in ("one", "zero"):
            # "one soldier", not "one of", "no one", "one day", "from one family"
            if word not in _COUNT_NOUNS:
                return False
            if _previous_word(rev, 0) in _ONE_AFTER:
                # "with one death (being) recorded": a count given in an absolute clause, not "with one hand"
                return (
                    _previous_word(rev, 0) == "with" and _RECORDED_AFTER_RE.match(text, nxt.end()) is not None
                )
            act = _NEXT_WORD.match(text, nxt.end()) if not word.endswith("s") else None
            # "One man called his wife from under the rubble": an actor in the story, no count
            return act is None or act.group("w").lower() not in _NARRATIVE_VERBS
        if word == "others":
            return True  # "and four others from a second family": people, counted
        if word in _COUNT_VERBS and _PARTITIVE_WHOLE_REV.match(rev):
            return True  # "two of the three were ...": the whole a partitive count is taken from

        if word == "times":
            return _OCCURRENCE_RE.match(text, d.end) is not None  # "was fined four times", as "fined 4 times"
        if word in _PARTITIVE_LINKS:  # "nine of its soldiers", "two more districts": what follows counts
            then = _NEXT_WORD.match(text, nxt.end())
            then_word = then.group("w").lower() if then is not None else ""
            if word == "of":
                if then_word == "the" and then is not None:
                    if _DIGIT_AHEAD_RE.match(text, then.end()):
                        return True  # "nine of the 14 survivors": a count within a figure just given
                    group = _NEXT_WORD.match(text, then.end())
                    # "two of the dead were miners": a count within the victims, a figure of its own
                    if group is None:
                        return False
                    noun = group.group("w").lower()
                    if noun in _VICTIM_GROUPS:
                        return True
                    # "two of the three were in stable condition"
                    if noun in _UNITS or noun in _TEENS or noun in _TENS:
                        verb = _NEXT_WORD.match(text, group.end())
                        after = verb.group("w").lower() if verb is not None else ""
                        # "two of the nine cases were confirmed": a count within a figure just given, as
                        # "nine of the 14 survivors"
                        return after in _COUNT_VERBS or (after.endswith("s") and after in _COUNT_NOUNS)
                    if noun.endswith("ed"):  # "Nine of the freed men are from ...": a participle before
                        head = _NEXT_WORD.match(text, group.end())
                        if head is not None and head.group("w").lower() in _COUNT_NOUNS:
                            group, noun = head, head.group("w").lower()
                    # "Four of the workers are in the basement": a count within a group of people, subject
                    verb = _NEXT_WORD.match(text, group.end())
                    if verb is None or verb.group("w").lower() not in _COUNT_VERBS:
                        return False
                    if (
                        noun in _IRREGULAR_PLURALS
                        or (noun not in _COUNT_NOUNS and _PEOPLE_PLURAL_RE.fullmatch(noun))
                    ):  # "Two of the men were taken", "Four of the attackers were killed", not "... were chefs"
                        state = _NEXT_WORD.match(text, verb.end())
                        return (
                            state is not None
                            and _PARTICIPLE_RE.fullmatch(state.group("w").lower()) is not None
                        )
                    return noun in _COUNT_NOUNS and noun.endswith("s")
                # "nine of its soldiers", "two of whom are in intensive care", "five of which were hit"
                return then_word in _PARTITIVE_DETERMINERS or then_word in ("those", "these", "whom", "which")
            return bool(then_word) and then_word not in _NOT_NOUNS
        return word not in _NOT_NOUNS
    return True


def _suffix_qualifier(text: str, end: int) -> tuple[str | None, int]:
    """ "500+", "300-odd", "5,000 or more", "40 or so"."""
    m = None if text[end : end + 1] in _QUIET else _SUFFIX_QUALIFIER.match(text, end)
    if m is None:
        return None, end
    if m.group("plus") is not None:
        return ("about" if m.group("plus").lower() == "-odd" else "more than"), m.end()
    word = m.group("w").lower()
    return {"more": "at least", "so": "about"}.get(word, "up to"), m.end()


def _rate(text: str, end: int) -> tuple[str | None, int]:
    m = None if text[end : end + 1] in _QUIET else _RATE.match(text, end)
    if m is None:
        return None, end
    word = (m.group("s") or m.group("u") or m.group("a")).lower()
    return ("year" if word.startswith("per") else _PER_WORD.get(word, word)), m.end()


_PUBLICATION_BEFORE_RE = re.compile(
    r"\b(?:at|for|in|with|to|from|of|by)\s+(?:a|an)\s+(?:[a-z]+\s+)?$", re.IGNORECASE
)


def _rate_after_noun(text: str, end: int) -> str | None:
    """ "1,200 soldiers daily", "300 recruits are lost each day": a rate stated after the noun."""
    m = _RATE_WINDOW.match(text, end)
    if m is None or m.group("last").lower() in _NOT_BEFORE_RATE:
        return None
    if m.group("a") and _PUBLICATION_BEFORE_RE.search(text, max(end, m.start("a") - 24), m.start("a")):
        return None  # "after nine years at a business weekly": a publication, no rate
    word = (m.group("u") or m.group("a") or m.group("s")).lower()
    return _PER_WORD.get(word, word)


_UNIT_NOUNS = (
    "crews", "teams", "units", "squads", "battalions", "regiments", "brigades", "convoys", "waves", "busloads",
    "planeloads", "shifts", "batches",
)  # fmt: skip
_UNIT_HINTS = tuple(f"{u} of" for u in _UNIT_NOUNS)
_UNIT_HINT_RE = re.compile("|".join(_UNIT_HINTS))  # any of them as a substring: one scan, not thirteen
_UNITS_OF_RE = re.compile(rf"[^\S\n]+(?:{'|'.join(_UNIT_NOUNS)})[^\S\n]+of[^\S\n]+$", re.IGNORECASE)


def _multiplier(text: str, start: int, end: int, hinted: bool) -> tuple[int, int, int] | None:
    """A distributive total: "two brigades of 4,000 troops each" -> (2, start, end)."""
    after = _DISTRIBUTIVE_AFTER.match(text, end) if hinted else None
    low = text[max(0, start - 30) : start].lower()
    if after is None and "each" not in low and _UNIT_HINT_RE.search(low) is None:
        return None
    before = _DISTRIBUTIVE_BEFORE.search(text, max(0, start - 100), start)
    if before is None:
        return None
    # "three crews of 12": a unit's size after the number of units is for each of them
    units = _UNITS_OF_RE.match(text, before.end("m"), start) is not None
    if after is None and before.group("each") is None and not units:
        return None
    word = before.group("m").lower()
    count = int(word) if word.isdigit() else _MULTIPLIER_WORDS[word]
    if count < 2:
        return None
    return count, before.start("m"), (after.end() if after is not None else end)


def _format(value: Decimal) -> str:
    value = value.normalize()
    return f"{int(value):,}" if value == value.to_integral_value() else f"{value:,}"


def _finish(text: str, d: _Draft) -> Figure | None:
    """Read a draft in its sentence: qualifier, year or not, rate, distributive total."""
    rev = text[max(0, d.start - _LEFT) : d.start][::-1]
    qm = _QUALIFIER_REV.match(rev) if rev[:1] in _QUALIFIER_ENDS else None
    qualifier = None
    if qm is not None:
        phrase = " ".join(qm.group("q")[::-1].lower().split())
        if _previous_word(rev, qm.end()) in _PARTICLE_VERBS.get(phrase, ()) or (
            phrase == "up to" and _REVISED_UP_REV.match(rev, qm.end()) is not None
        ):
            qm = None  # "handed over 300 documents", "asked about 3 cases", "shot up to 7.6%": a verb's particle
        else:
            qualifier = _QUALIFIER_OF[phrase]
    if qm is None and rev[:5] == " eht " and _MARK_AFTER_RE.match(text, d.end):
        near = _NEAR_THE_REV.match(rev)
        if near is not None:  # "crept closer to the 4,000 mark", "neared the 1,000 milestone"
            qualifier = "about" if near.group("w").lower() in ("ot resolc", "ot reraen") else "nearly"
    if not _stands(text, d, rev, qm.end() if qm else None):
        return None
    start = d.start - qm.end() if qm else d.start
    suffix, end = _suffix_qualifier(text, d.end)
    qualifier = qualifier or suffix
    per, end = _rate(text, end)
    value, low, high, derived = d.value, d.low, d.high, None
    if low is None:
        if qualifier in ("at least", "more than"):
            low = value
        elif qualifier in ("nearly", "up to", "fewer than"):
            high = value
    if per is None:
        hinted = (
            text[end : end + 1] not in _QUIET and _RIGHT_HINT.search(text[end : end + 60].lower()) is not None
        )
        times = _multiplier(text, start, end, hinted)
        if times is not None:
            count, start, end = times
            derived = f"{count} x {_format(value)}"
            value = value * count
            low = None if low is None else low * count
            high = None if high is None else high * count
        elif hinted:
            per = _rate_after_noun(text, end)
    return Figure(
        text=text[start:end],
        start=start,
        end=end,
        value=float(value),
        low=None if low is None else float(low),
        high=None if high is None else float(high),
        qualifier=qualifier,
        approximate=qualifier in ("about", "nearly"),
        derived=derived,
        unit=d.unit,
        per=per,
    )


# --- public API ---------------------------------------------------------------------------------------


def _mode(thousands: str) -> str:
    if thousands in (",", "."):
        return thousands
    if thousands in (" ", "\u00a0", "\u202f", "\u2009"):
        return " "
    raise ValueError(f"thousands separator must be ',', '.' or ' ', not {thousands!r}")


_CLOCK_AFTER = re.compile(
    r"[^\S\n]*(?:(?P<sure>o['’]clock|sharp\b)|tonight\b|this[^\S\n]+(?:morning|afternoon|evening)\b"
    r"|in[^\S\n]+the[^\S\n]+(?:morning|afternoon|evening)\b|at[^\S\n]+night\b)",
    re.IGNORECASE,
)
_AT_BEFORE_RE = re.compile(r"\b(?:at|until|till)[^\S\n]+$", re.IGNORECASE)
_TOLL_BEFORE_RE = re.compile(r"\b(?:toll|tally|count|number|figure|total)s?\b", re.IGNORECASE)
_CLOCK_BEFORE = re.compile(
    r"\b(?:start|begin|began|begun|open|close|resume|meet|met|end|finish|due|scheduled|set|arrive|leave|left"
    r"|depart|kick(?:s|ed|ing)?[^\S\n]+off|gather|convene|reopen)(?:s|ed|d|ing)?[^\S\n]+(?:again[^\S\n]+)?"
    r"(?:at|until|till)[^\S\n]+$",
    re.IGNORECASE,
)


_RATIO_BEFORE = re.compile(
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|\d{1,2})[^\S\n]+(?:in|out[^\S\n]+of)[^\S\n]+"
    r"(?:every[^\S\n]+)?$",
    re.IGNORECASE,
)
_RATIO_AFTER = re.compile(r"[^\S\n]+(?:in|out[^\S\n]+of)[^\S\n]+(?P<rest>)(?:every[^\S\n]+)?", re.IGNORECASE)
_RATIO_BASE_AHEAD = re.compile(
    r"(?:every[^\S\n]+)?(?:\d+(?![\d,.])|two|three|four|five|six|eight|ten|twenty|hundred|thousand)\b",
    re.IGNORECASE,
)
# the bases a share is given in: "one in five", "3 in 10", "one in every 100"
_RATIO_BASES = frozenset({2, 3, 4, 5, 6, 8, 10, 20, 25, 50, 100, 1000})
_RATIO_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "eight": 8, "ten": 10, "twenty": 20,
                "hundred": 100, "thousand": 1000}  # fmt: skip


def _word_value(word: str) -> float:
    """The value of a ratio's base as written: "10", "ten", "every 100"."""
    word = word.lower().split()[-1]
    return float(word) if word.isdigit() else float(_RATIO_WORDS.get(word, 0))


_FREQUENCY_AFTER = re.compile(
    r"[^\S\n]+(?:days[^\S\n]+a[^\S\n]+(?:week|year)|hours[^\S\n]+a[^\S\n]+day|times[^\S\n]+a[^\S\n]+(?:day|week))\b",
    re.IGNORECASE,
)


def _in_ratio(text: str, figure: Figure) -> bool:
    near = text[max(0, figure.start - 24) : figure.end + 12]
    if " in " not in near and " of " not in near:
        return False  # (a cheap test first: no "in" or "out of" near the figure, no ratio)
    return _in_ratio_checked(text, figure)


def _in_ratio_checked(text: str, figure: Figure) -> bool:
    """Either side of "one in five", "1 in 10", "two out of three": a share, not a count.

    >>> [[f.value for f in find_figures(t)] for t in ("One in five homes flooded.", "1 in 10 were hurt.")]
    [[], []]
    """
    if figure.qualifier is not None or figure.unit is not None or figure.value > 1000:
        return False
    if _RATIO_BEFORE.search(text, max(0, figure.start - 24), figure.start) is not None:
        return figure.value in _RATIO_BASES  # "one in five", "1 in 10"; not "7 in 14 villages"
    after = _RATIO_AFTER.match(text, figure.end)
    if after is None or figure.value > 10:
        return False
    base = _RATIO_BASE_AHEAD.match(text, after.end("rest"))
    return base is not None and _word_value(base.group()) in _RATIO_BASES


def _clock_time(text: str, figure: Figure) -> bool:
    """A time of day: a whole number before "o'clock" or "tonight", or up to 12 after "start/open/close at".

    >>> [[f.value for f in find_figures(t)] for t in ("Polls close at eight tonight.", "Police put the toll at 8.")]
    [[], [8.0]]
    """
    if figure.qualifier is not None or figure.unit is not None or not 0 < figure.value <= 24:
        return False
    if figure.value != int(figure.value) or figure.low is not None:
        return False
    after = _CLOCK_AFTER.match(text, figure.end)
    at_before = _AT_BEFORE_RE.search(text, max(0, figure.start - 7), figure.start) is not None
    if after is not None and (after.group("sure") or at_before):
        clock = True  # "ten o'clock"; "at eight tonight", not "rescued 11 tonight"
    else:
        clock = (
            at_before
            and figure.value <= 12
            and _CLOCK_BEFORE.search(text, max(0, figure.start - 40), figure.start) is not None
        )
    # (the cheap anchored tests first: most figures stop there) "the death toll was set at 12", "the tally
    # ended at 11": a count, not a time
    return clock and _TOLL_BEFORE_RE.search(text, max(0, figure.start - 40), figure.start) is None


def find_figures(text: str, *, thousands: str = ",") -> list[Figure]:
    """The figures the words of ``text`` state, in text order, never overlapping.

    ``thousands`` is how the document groups thousands (see :func:`detect_thousands_separator`):
    with ``"."``, "12.000" is twelve thousand; with ``","`` it is 12.0.

    >>> f = find_figures("Officials said nearly 1,500 troops had arrived.")[0]
    >>> (f.text, f.value, f.qualifier, f.high, f.approximate)
    ('nearly 1,500', 1500.0, 'nearly', 1500.0, True)
    >>> [(f.value, f.unit) for f in find_figures("A fine of $410M, or €2bn in 2024.")]
    [(410000000.0, 'USD'), (2000000000.0, 'EUR')]
    >>> f = find_figures("Officials described two brigades of 4,000 troops each.")[0]
    >>> (f.value, f.derived, f.text)
    (8000.0, '2 x 4,000', 'two brigades of 4,000 troops each')
    >>> find_figures("On 9 March 2023, at 11:45, the 3rd brigade fired 105mm shells.")
    []
    """
    mode = _mode(thousands)
    atoms = _atoms(text, mode)
    figures: list[Figure] = []
    i = 0
    while i < len(atoms):
        draft, used = _draft(text, atoms, i)
        i += used
        figure = _finish(text, draft)
        if figure is None or (figure.unit is None and _DISTANCE_AFTER.match(text, figure.end)):
            continue  # "15 nautical miles south", "700 metres underground": where, not how many
        if _clock_time(text, figure) or _in_ratio(text, figure) or _FREQUENCY_AFTER.match(text, figure.end):
            continue  # "start at ten", "one in five households", "seven days a week": a time, a ratio, how often
        while figures and figures[-1].end > figure.start:
            figures.pop()  # a distributive total takes in the count before it
        figures.append(figure)
    return figures


def detect_thousands_separator(document_text: str) -> str:
    """How a document writes thousands: ``","`` (12,000), ``"."`` (12.000) or ``" "`` (12 000).

    The evidence is the grouped numbers of the text, helped by its decimal marks; without
    evidence for another convention the answer is ``","``.

    >>> detect_thousands_separator("Around 12,000 troops and 1.5 million shells.")
    ','
    >>> detect_thousands_separator("Environ 12 000 soldats et 1,5 million d'obus.")
    ' '
    >>> detect_thousands_separator("No figures here.")
    ','
    """
    counts = dict.fromkeys(("comma", "dot", "space", "dcomma", "dpoint"), 0)
    for m in _EVIDENCE.finditer(document_text):
        counts[m.lastgroup or "comma"] += 1
    if counts["dot"] == 0 and counts["space"] == 0:
        return ","
    scores = {
        ",": counts["comma"] + 0.5 * counts["dpoint"],
        ".": counts["dot"] + 0.5 * counts["dcomma"],
        " ": counts["space"] + 0.5 * counts["dcomma"],
    }
    return max(scores, key=lambda sep: scores[sep])  # ties go to the first: ",", then "."


register_records(sys.modules[__name__])  # its frozen records pickle and copy when compiled (`make native`)
