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
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from analyzer.models import Figure

__all__ = ["detect_thousands_separator", "find_figures"]

_H = r"[^\S\r\n]"  # horizontal white space: a figure never runs across a line break
_WORD = r"[A-Za-z][A-Za-z'’-]*"
_LEFT = 64  # characters of left context read before a number
_MAX_TOKEN = 40  # a longer run of digits and separators is not a figure (and would not parse cheaply)

# --- vocabulary --------------------------------------------------------------------------------------


def _words(spec: str) -> list[str]:
    return spec.split()


_UNITS = {w: i for i, w in enumerate(_words("zero one two three four five six seven eight nine"))}
_TEENS = {
    w: i + 10
    for i, w in enumerate(
        _words("ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen")
    )
}
_TENS = {
    w: (i + 2) * 10 for i, w in enumerate(_words("twenty thirty forty fifty sixty seventy eighty ninety"))
}
_TENS["fourty"] = 40
_SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
_WORD_SCALES = {**_SCALES, "hundred": 100, "dozen": 12}
_SUFFIX_SCALES = {**_SCALES, "hundred": 100, "lakh": 10**5, "lakhs": 10**5, "crore": 10**7, "crores": 10**7}
_ABBR_SCALES = {"k": 10**3, "m": 10**6, "mn": 10**6, "mln": 10**6, "b": 10**9, "bn": 10**9, "bln": 10**9}
_ABBR_SCALES.update({"tn": 10**12, "trn": 10**12})

_CURRENCY_PREFIXES = {
    "$": "USD", "US$": "USD", "U.S.$": "USD", "A$": "AUD", "AU$": "AUD", "C$": "CAD", "CA$": "CAD",
    "NZ$": "NZD", "HK$": "HKD", "S$": "SGD", "NT$": "TWD", "R$": "BRL", "€": "EUR", "£": "GBP",
    "¥": "JPY", "CN¥": "CNY", "RMB": "CNY", "₩": "KRW", "₹": "INR", "Rs": "INR", "Rs.": "INR",
    "₽": "RUB", "₴": "UAH", "₺": "TRY", "₪": "ILS", "₦": "NGN",
}  # fmt: skip
_ISO_CODES = _words("USD EUR GBP JPY KRW KPW CNY INR RUB UAH CHF CAD AUD TRY ILS BRL ZAR NGN SAR AED")
_CURRENCY_PREFIXES.update({code: code for code in _ISO_CODES})
_CURRENCY_WORDS = {
    "dollars": "USD", "dollar": "USD", "us dollars": "USD", "u.s. dollars": "USD", "american dollars": "USD",
    "canadian dollars": "CAD", "australian dollars": "AUD", "hong kong dollars": "HKD",
    "euros": "EUR", "euro": "EUR", "pounds": "GBP", "pounds sterling": "GBP", "sterling": "GBP",
    "yen": "JPY", "won": "KRW", "yuan": "CNY", "renminbi": "CNY", "rupees": "INR", "roubles": "RUB",
    "rubles": "RUB", "hryvnias": "UAH", "hryvnia": "UAH", "hryvnyas": "UAH", "lira": "TRY",
    "shekels": "ILS", "rand": "ZAR", "naira": "NGN", "swiss francs": "CHF", "francs": "CHF",
    "riyals": "SAR", "dirhams": "AED",
}  # fmt: skip

_QUALIFIERS = {
    "about": "about around approximately approx. approx some roughly circa c. ~ estimated|an estimated"
    "|an approximate|in the region of|on the order of",
    "nearly": "nearly almost|close to|just under|just shy of|just below|not quite",
    "at least": "|at least|no fewer than|a minimum of|no less than|not less than|not fewer than",
    "more than": "over above exceeding exceeded exceeds topping topped surpassing surpassed|more than"
    "|in excess of|upwards of|upward of|just over|well over|well above|greater than|a little over",
    "up to": "|up to|as many as|a maximum of|as much as|at most|no more than|not more than",
    "fewer than": "under below|fewer than|less than",
}


def _phrases(spec: str) -> list[str]:
    """'a b|c d e' -> ['a', 'b', 'c d e']: words before the first bar are single words."""
    first, *rest = spec.split("|")
    return [*first.split(), *rest]


_QUALIFIER_OF = {phrase: norm for norm, spec in _QUALIFIERS.items() for phrase in _phrases(spec)}

_MONTHS = _words(
    "January February March April May June July August September October November December "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec"
)
_LABELS_ANY_CASE = _words(
    "article articles section sections resolution paragraph clause chapter annex amendment page pages "
    "comments comment views episode version flight route highway platform gate room exit no. nos. vol. "
    "vol volume"
)
_LABELS_CAPITALISED = _words(
    "Top Day Week Part Phase Level Round Game Season Stage Block Building Floor Line Bus Rule Law Act "
    "Bill Grade Class Category Type Model Series Figure Table Item Lot Number Unit Camp Station Terminal "
    "Hall Apartment Suite District Zone Sector Ward Pier Channel Track Lane Division League Group Cup"
)
_COUNT_NOUNS = frozenset(
    _words(
        """people persons person men man women woman children child boys boy girls girl adults adult
    soldiers soldier troops troop servicemen serviceman personnel fighters fighter militants militant
    civilians civilian residents resident citizens citizen workers worker employees employee staff
    patients patient victims victim passengers passenger refugees refugee migrants migrant
    protesters protester demonstrators demonstrator officers officer officials official police
    policemen policeman journalists journalist students student prisoners prisoner detainees detainee
    hostages hostage casualties casualty deaths death dead injured wounded missing
    families family households household homes home houses house buildings building jobs job
    cases case votes vote seats seat members member supporters supporter voters voter ships ship boats
    boat vessels vessel planes plane aircraft jets jet helicopters helicopter vehicles vehicle cars car
    trucks truck tanks tank missiles missile rockets rocket drones drone shells shell rounds round bombs
    bomb weapons weapon guns gun rifles rifle mines mine sites site villages village towns town cities
    city countries country units unit battalions battalion brigades brigade regiments regiment
    divisions division companies company tonnes tonne tons ton barrels barrel doctors doctor nurses
    nurse teachers teacher recruits recruit volunteers volunteer agents agent spies spy sailors sailor
    pilots pilot marines marine commandos commando mercenaries mercenary specialists specialist
    advisers adviser advisors advisor engineers engineer animals animal cattle hectares acres"""
    )
)
_NOT_NOUNS = frozenset(
    _words(
        """of and or nor the a an to in on at by for with from as into onto upon out up down off over under
    about than then is are was were be been being am have has had will would could should may might
    must can cannot do does did done who whom whose which what that this these those it its they them
    their he him his she her we us our you your i me my if but so not no also too only just even
    said says say told tell more less most least times time another other others each per ago apart
    here there where when while after before since until till during among between through against
    more died die dies say"""
    )
)
_YEAR_MARKERS = frozenset(
    _words(
        "in since until till by from before after during of the early late mid year years summer spring "
        "autumn fall winter around circa"
    )
)
# Verbs whose particle looks like a qualifier: "handed over 300", "talked about 3".
_PARTICLE_VERBS = {
    "over": frozenset(
        _words(
            "hand hands handed handing turn turns turned turning take takes took taken taking pass passes "
            "passed passing fought won watched presided signed sign signs"
        )
    ),
    "about": frozenset(
        _words(
            "talk talks talked talking speak speaks spoke speaking ask asks asked asking know knows knew "
            "learn learned learnt think thinks thought worry worried care cared complain complained "
            "hear heard read wrote write writes tell told"
        )
    ),
}
_CHANGE_VERBS = (
    "rose|risen|rising|rises|increased?|increasing|fell|fallen|falling|falls|dropped|dropping|drops|climbed|"
    "climbing|jumped|jumping|grew|grown|growing|raised?|raising|revised|revising|lowered|lowering|cut|"
    "reduced|reducing|doubled|tripled|surged|soared|declined|declining|slid|sank|plunged|went|gone|moved|"
    "changed|up|down|upped|boosted|lifted|slashed|trimmed|swelled|shrank|shrunk"
)

# --- compiled patterns -------------------------------------------------------------------------------


def _reversed_alternation(phrases: Iterable[str]) -> str:
    """An alternation matching the phrases written backwards, longest first, spaces as white space."""
    parts = []
    for phrase in sorted(phrases, key=len, reverse=True):
        words = [re.escape(word[::-1]) for word in reversed(phrase.split(" "))]
        parts.append(f"{_H}+".join(words))
    return "(?:" + "|".join(parts) + ")"


def _alternation(phrases: Iterable[str]) -> str:
    return (
        "(?:"
        + "|".join(re.escape(p).replace(r"\ ", f"{_H}+") for p in sorted(phrases, key=len, reverse=True))
        + ")"
    )


def _digit_token_pattern(mode: str) -> re.Pattern[str]:
    """A run of digits and separators; "12 000" with plain spaces only where the document groups so.

    Elsewhere a plain space groups digits only when a group starts with 0 ("12 000", not "13 100").
    The pattern starts with a digit and looks behind it (not before it) so that the regex engine
    can skip ahead to the next digit at C speed.
    """
    grouped = r"[0-9]{0,2}(?:[\u00a0\u202f\u2009][0-9]{3})+"
    if mode == " ":
        grouped = r"[0-9]{0,2}(?:[ \u00a0\u202f\u2009][0-9]{3})+"
    else:
        grouped += r"|[0-9]{0,2}(?=(?: [0-9]{3})* 0[0-9]{2}(?![0-9]))(?: [0-9]{3})+"
    return re.compile(
        rf"[0-9](?<![\w.,][0-9])(?:(?:{grouped})(?:[.,][0-9]+)?(?![0-9])|(?:[0-9.,:/\-–—]*[0-9])?)"
    )


_DIGIT_TOKEN = {mode: _digit_token_pattern(mode) for mode in (",", ".", " ")}


def _trie(words: list[str]) -> str:
    """One alternation as a prefix tree: the regex engine then tries one branch per letter, not one per word.

    >>> _trie(["ten", "two", "twelve"])
    '(?:t(?:en|w(?:elve|o)))'
    """
    tree: dict[str, Any] = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        alternation = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            return f"(?:{alternation})?"
        return alternation

    return "(?:" + build(tree) + ")"


_NUMBER_WORDS = [*_UNITS, *_TEENS, *_TENS, "hundred", *_SCALES, "dozen"]
_BELOW_HUNDRED = frozenset([*_UNITS, *_TEENS, *_TENS])
_W_ALT = _trie(_NUMBER_WORDS) + r"\b"
_SCALE_ALT = "(?:dozen|hundred|thousand|million|billion|trillion)"
# Word numbers are matched on the lower-cased text: a candidate first (cheap), then the whole form.
_WORD_START = re.compile(rf"\b(?:an?{_H}+(?=[hqdtmb])|{_trie([*_NUMBER_WORDS, 'half', 'quarter'])})")
_WORD_NUMBER = re.compile(
    rf"half{_H}+an?{_H}+(?P<half>{_SCALE_ALT})\b"
    rf"|(?P<quarter>(?:(?:a|one|three)(?:{_H}+|{_H}*-{_H}*))?)quarters?{_H}+of{_H}+an?{_H}+(?P<qscale>{_SCALE_ALT})\b"
    rf"|an?{_H}+half(?:{_H}+|{_H}*-{_H}*)(?P<ahalf>{_SCALE_ALT})\b"
    rf"|(?P<run>(?:an?{_H}+(?={_SCALE_ALT}\b))?{_W_ALT}"
    rf"(?:(?:{_H}*-{_H}*|{_H}+and{_H}+a{_H}+half{_H}+|{_H}+(?:and{_H}+)?){_W_ALT}){{0,12}})"
)
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_LETTERS = re.compile(r"[A-Za-z]+")

_SCALE_SUFFIX = (
    rf"(?P<att>bn|mn|mln|bln|tn|trn|[mMkKbB])(?![\w])"
    rf"|{_H}(?P<abbr>bn|mn|mln|tn)\b"
    rf"|(?:{_H}+|{_H}*-{_H}*)(?P<word>(?i:hundred|thousand|million|billion|trillion|lakhs?|crores?))\b"
)
_UNIT_SUFFIX = (
    rf"{_H}?(?P<pct>%)|(?:{_H}+|-)(?i:per{_H}?-?cent|percent|pct)\b(?P<pct2>)"
    rf"|{_H}+(?P<cur>(?i:{_alternation([w for w in _CURRENCY_WORDS if w != 'pounds'])}|pounds(?!{_H}+of\b)))\b"
    rf"|{_H}+(?P<iso>{'|'.join(_ISO_CODES)})\b"
    rf"|{_H}?(?P<sym>[€£¥₩₹₽₴₺₪₦])"
)
_AFTER_NUMBER = re.compile(rf"(?P<scale>{_SCALE_SUFFIX})?(?P<unit>{_UNIT_SUFFIX})?")
_UNIT_AFTER = re.compile(_UNIT_SUFFIX)
_QUIET = frozenset(["", ",", ".", ";", ")", "]", "!", "?", "\n", ":"])  # nothing to read after such a number
_SCALE_WORDS = [*_SUFFIX_SCALES, *_ABBR_SCALES]  # "1.5 million-2 million" is a range, not a name like F-16
_CURRENCY_PREFIX = _reversed_alternation(list(_CURRENCY_PREFIXES))
_LABEL = rf"{_H}*(?:(?i:{_reversed_alternation(_LABELS_ANY_CASE)})|{_reversed_alternation(_LABELS_CAPITALISED)})(?![\w])"
# Read backwards from a number: a hyphenated name (F-16), a hashtag or handle, a label, or a currency.
_BEFORE_NUMBER_REV = re.compile(
    rf"(?P<skip>[-–](?!(?i:{_reversed_alternation(_SCALE_WORDS)})(?![A-Za-z]))[^\W\d_]|[#@]|{_LABEL})"
    rf"|{_H}?(?P<c>{_CURRENCY_PREFIX})(?![A-Za-z])"
)
_QUALIFIER_REV = re.compile(rf"(?i){_H}*(?P<q>{_reversed_alternation(list(_QUALIFIER_OF))})(?![\w])")
_BETWEEN_REV = re.compile(rf"(?i){_H}+(?P<w>neewteb|morf)(?![\w])")
_MONTHS_ALL = [*_MONTHS, *(m.upper() for m in _MONTHS)]
_MONTH_BEFORE_REV = re.compile(
    rf"(?:{_H}*,{_H}*\d{{1,2}}(?:ts|dn|dr|ht)?)?{_H}+\.?{_reversed_alternation(_MONTHS_ALL)}(?![\w])"
)
_MONTH_AFTER = re.compile(rf"{_H}+(?:of{_H}+)?{_alternation(_MONTHS_ALL)}\b")
_ID_BEFORE_REV = re.compile(r"[-–][^\W\d_]")
_NOT_A_FIGURE_AFTER = re.compile(
    rf"°|['’]s\b|{_H}?(?:[ap]\.m\.|(?i:[ap]m)\b|[AP]\.M\.|o['’]clock\b|(?:GMT|UTC|BST|CET|EST|EDT|PST)\b"
    rf"|(?i:mm|millimet(?:er|re)s?|cm|cal\.|calibre|caliber)\b|(?i:min(?:ute)?s?{_H}+read)\b"
    rf"|{_H}(?:[A-Z][a-z]+{_H}+)?(?:Street|St\.|Road|Rd\.|Avenue|Ave\.|Boulevard|Blvd\.|Lane|Square)(?![\w]))"
)
_HYPHEN_WORD = re.compile(r"[-–](?P<w>[A-Za-z]+)")
_PHONE = re.compile(
    rf"\+\d{{1,3}}(?:[{_H[1:-1]}.\-]?\(?\d{{1,4}}\)?){{2,5}}|\(\d{{2,4}}\){_H}?\d{{3,4}}[-.{_H[1:-1]}]\d{{3,4}}"
)
_CONNECTOR = re.compile(rf"{_H}*[-–]{_H}*|{_H}+(?P<w>to|and){_H}+", re.I)
_CHANGE_BEFORE = re.compile(rf"(?i)\b(?:{_CHANGE_VERBS})\b(?:{_H}+[\w'’-]+){{0,2}}{_H}*$")
_SUFFIX_QUALIFIER = re.compile(rf"(?i)(?P<plus>\+|-plus\b|-odd\b)|{_H}+or{_H}+(?P<w>more|so|fewer|less)\b")
_TIME_UNITS = "day|week|month|year|hour|minute|night|quarter"
_NOT_RATE_AFTER = rf"(?!{_H}+(?:ago|earlier|later|before|after|old|on|long)\b)"
_RATE = re.compile(
    rf"(?i)(?:{_H}*/{_H}*(?P<s>day|week|month|year|hour|yr)\b"
    rf"|{_H}+(?:a|an|per|each|every){_H}+(?P<u>{_TIME_UNITS})\b"
    rf"|{_H}+(?P<a>daily|weekly|monthly|annually|yearly|hourly|nightly|per{_H}+annum)\b){_NOT_RATE_AFTER}"
)
_RATE_WINDOW = re.compile(
    rf"(?i)(?:{_H}+(?P<last>{_WORD})){{1,4}}?(?:{_H}+(?:a|an|per|each|every){_H}+(?P<u>{_TIME_UNITS})\b"
    rf"|{_H}+(?P<a>daily|weekly|monthly|annually|yearly|hourly|nightly)\b"
    rf"|{_H}*/{_H}*(?P<s>day|week|month|year|hour)\b){_NOT_RATE_AFTER}"
)
_NOT_BEFORE_RATE = frozenset(
    _words("for in within after over than one of that this next last the every each")
)
_PER_WORD = {"daily": "day", "weekly": "week", "monthly": "month", "annually": "year", "yearly": "year"}
_PER_WORD.update({"hourly": "hour", "nightly": "night", "yr": "year"})
_DISTRIBUTIVE_AFTER = re.compile(
    rf"(?i)(?:{_H}+{_WORD}){{0,3}}?,?{_H}+(?:each|apiece|a{_H}+piece"
    rf"|per{_H}+(?!(?:{_TIME_UNITS}|cent|annum)s?\b){_WORD})\b"
    rf"(?!{_H}+(?:other|of|one|time|{_TIME_UNITS})s?\b)"
)
_MULTIPLIER_WORDS = {w: v for w, v in {**_UNITS, **_TEENS}.items() if 2 <= v <= 12}
_DISTRIBUTIVE_BEFORE = re.compile(
    rf"(?i)(?<![\w,.])(?P<m>\d{{1,3}}|{'|'.join(_MULTIPLIER_WORDS)}){_H}+{_WORD}(?:{_H}+{_WORD})?"
    rf"(?:(?P<each>,?{_H}+each{_H}+(?:of|with|carrying|numbering|comprising|holding))"
    rf"|{_H}+(?:of|with|carrying|holding|containing|comprising|numbering|totall?ing)){_H}+$"
)
_NEXT_SPACE = re.compile(r"\s")
_OPENERS = frozenset(" \t\n\u00a0(\"'“‘[$€£¥₩₹₽₴₺₪₦~")
_ADDRESS_CHARS = frozenset("@/?=&#_.")
_GROUP_SPACE = re.compile(r"[ \u00a0\u202f\u2009]")
_DASH = re.compile("[-–—]")
_QUALIFIER_ENDS = frozenset(" \t\u00a0~")
# Words without which neither a distributive total nor a rate after the noun can follow (lower case).
_RIGHT_HINT = re.compile(
    _trie(_words("each piece per daily annually day week month year hour night minute quarter")) + "|/"
)
_NEXT_WORD = re.compile(rf"{_H}+(?P<w>{_WORD})")
_YEAR_FOLLOWER = re.compile(rf"{_H}+(?:(?i:more|additional|extra|new|other|fresh){_H}+)?(?P<w>{_WORD})")
_PREVIOUS_WORD_REV = re.compile(rf"{_H}+(?P<w>[A-Za-z]+)(?![\w])")


# --- numbers as written --------------------------------------------------------------------------------


_GROUPED = {
    ",": re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?"),
    ".": re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?"),
}
_PLAIN = re.compile(r"\d+(?:\.\d+)?")
_COMMA_DECIMAL = re.compile(r"\d+,\d+")


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


@dataclass(frozen=True, slots=True)
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
    if m.group("scale") is not None:
        abbr = attached or m.group("abbr")
        scale = _ABBR_SCALES[abbr.lower()] if abbr else _SUFFIX_SCALES[m.group("word").lower()]
        end = m.end("scale")
    elif text[end].isalpha():
        return 1, currency, end, True  # 3rd, 1990s, 105mm, 4G, 22h20
    if m.group("unit") is None:
        return scale, currency, end, False
    unit = _unit_of(m, currency, scale > 1 or raw >= 1000)
    return scale, unit, (m.end() if unit is not None else end), False


def _unit_of(m: re.Match[str], currency: str | None, large: bool) -> str | None:
    """The unit a match of the unit suffix names: "%", or a currency code."""
    if m.group("pct") is not None or m.group("pct2") is not None:
        return "%"
    if m.group("iso") is not None:
        return currency or m.group("iso")
    if m.group("sym") is not None:
        return currency or _CURRENCY_PREFIXES[m.group("sym")]
    word = " ".join(m.group("cur").lower().split())
    if word == "won" and not large:
        return currency  # "3 won": a verb, unless the amount says money
    return currency or _CURRENCY_WORDS[word]


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


def _digit_atom(text: str, match: re.Match[str], mode: str) -> _Atom | None:
    s, e = match.span()
    token = match.group()
    if len(token) > _MAX_TOKEN or ":" in token or "/" in token:
        return None  # times, dates, fractions, ratios, or a run of digits no reporter writes
    rev = text[max(0, s - _LEFT) : s][::-1]
    before = _BEFORE_NUMBER_REV.match(rev)
    if (before is not None and before.group("skip") is not None) or _in_address(text, s, e):
        return None  # F-16, COVID-19, #5, @2, Article 5, Comments 0
    parsed = _parse_token(token, mode)
    if parsed is None:
        return None  # 2024-10-21, 555-123-4567, Pyoljji-1-2, 1.2.3
    values, needs_scale = parsed
    plain_int = token.isdigit()
    if plain_int and len(token) == 2 and rev[:1] in ("'", "’"):
        return None  # the '98 crisis: a year
    if plain_int and (len(token) <= 2 or len(token) == 4) and _MONTH_BEFORE_REV.match(rev):
        return None  # October 13, Oct. 13, 2024
    currency = _CURRENCY_PREFIXES[before.group("c")[::-1]] if before is not None else None
    start = s - before.end() if before is not None else s
    scale, unit, end, unexplained = _scale_and_unit(text, e, currency, values[-1])
    if unexplained or (needs_scale and scale == 1 and unit != "%"):
        return None
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
        return None  # 14-month-long, 17-Year-Old, a 10-day visit
    bare = end == e and start == s
    if bare and len(values) == 1 and _alone_on_line(text, s, e):
        return None
    year_like = bare and plain_int and len(token) == 4 and 1900 <= int(token) <= 2100
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
    u = _UNIT_AFTER.match(text, end)
    unit = _unit_of(u, None, raw * scale >= 1000) if u else None
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


@dataclass(frozen=True, slots=True)
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
        nxt = _NEXT_WORD.match(text, d.end)
        if nxt is None:
            return False
        word = nxt.group("w").lower()
        if d.small_word in ("one", "zero"):
            return word in _COUNT_NOUNS  # "one soldier", not "one of", "no one", "one day"
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


def _rate_after_noun(text: str, end: int) -> str | None:
    """ "1,200 soldiers daily", "300 recruits are lost each day": a rate stated after the noun."""
    m = _RATE_WINDOW.match(text, end)
    if m is None or m.group("last").lower() in _NOT_BEFORE_RATE:
        return None
    word = (m.group("u") or m.group("a") or m.group("s")).lower()
    return _PER_WORD.get(word, word)


def _multiplier(text: str, start: int, end: int, hinted: bool) -> tuple[int, int, int] | None:
    """A distributive total: "two brigades of 4,000 troops each" -> (2, start, end)."""
    after = _DISTRIBUTIVE_AFTER.match(text, end) if hinted else None
    if after is None and "each" not in text[max(0, start - 30) : start].lower():
        return None
    before = _DISTRIBUTIVE_BEFORE.search(text, max(0, start - 100), start)
    if before is None or (after is None and before.group("each") is None):
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
        if _previous_word(rev, qm.end()) in _PARTICLE_VERBS.get(phrase, ()):
            qm = None  # "handed over 300 documents", "asked about 3 cases": a verb's particle
        else:
            qualifier = _QUALIFIER_OF[phrase]
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
        if figure is None:
            continue
        while figures and figures[-1].end > figure.start:
            figures.pop()  # a distributive total takes in the count before it
        figures.append(figure)
    return figures


_EVIDENCE = re.compile(  # starts with a digit, like the token pattern, for speed
    r"[0-9](?<![0-9.,][0-9])(?:(?P<comma>[0-9]{0,2}(?:,[0-9]{3})+(?:\.[0-9]+)?)"
    r"|(?P<dot>[0-9]{0,2}(?:\.[0-9]{3})+(?:,[0-9]+)?)|(?P<space>[0-9]{0,2}(?:[ \u00a0\u202f\u2009][0-9]{3})+(?:,[0-9]+)?)"
    r"|(?P<dcomma>[0-9]*,[0-9]{1,2})|(?P<dpoint>[0-9]*\.[0-9]{1,2}))(?![0-9.,]?[0-9])"
)


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
