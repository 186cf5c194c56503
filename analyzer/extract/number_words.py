"""Vocabulary and compiled patterns for :mod:`analyzer.extract.numbers`.

Word numbers and scale words, currencies, qualifiers, labels that make a number a name
("Article 5"), count nouns, and the regexes built from them once, at import.

>>> _UNITS["seven"], _SUFFIX_SCALES["crore"], _CURRENCY_PREFIXES["€"], _QUALIFIER_OF["as many as"]
(7, 10000000, 'EUR', 'up to')
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from analyzer.patterns import prefixed

_H = r"[^\S\r\n]"  # horizontal white space: a figure never runs across a line break
_WORD = r"[A-Za-z][A-Za-z'’-]*"

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
_SOUTH_ASIAN_SCALES = {
    "lakh": 10**5,
    "lakhs": 10**5,
    "lac": 10**5,
    "lacs": 10**5,
    "crore": 10**7,
    "crores": 10**7,
}
_SUFFIX_SCALES = {**_SCALES, "hundred": 100, **_SOUTH_ASIAN_SCALES}
_ABBR_SCALES = {"k": 10**3, "m": 10**6, "mn": 10**6, "mln": 10**6, "b": 10**9, "bn": 10**9, "bln": 10**9}
_ABBR_SCALES.update({"tn": 10**12, "trn": 10**12})

_CURRENCY_PREFIXES = {
    "$": "USD", "US$": "USD", "U.S.$": "USD", "A$": "AUD", "AU$": "AUD", "C$": "CAD", "CA$": "CAD",
    "NZ$": "NZD", "HK$": "HKD", "S$": "SGD", "NT$": "TWD", "R$": "BRL", "€": "EUR", "£": "GBP",
    "¥": "JPY", "CN¥": "CNY", "RMB": "CNY", "₩": "KRW", "₹": "INR", "Rs": "INR", "Rs.": "INR",
    "₽": "RUB", "₴": "UAH", "₺": "TRY", "₪": "ILS", "₦": "NGN",
    "KSh": "KES", "Ksh": "KES", "KShs": "KES", "USh": "UGX", "TSh": "TZS", "GH₵": "GHS", "₵": "GHS",
    "RM": "MYR", "Rp": "IDR", "Tk": "BDT", "₱": "PHP", "GH¢": "GHS", "Tsh": "TZS",
}  # fmt: skip
# Letters joined to the digits that make an amount ("Rs58,000", "RM150 million", "P30 million"): the
# ambiguous ones (one letter, "Sh") only with a scale word or grouped thousands ("the R2 road", "N95 masks",
# "P2 cup" are names).
ATTACHED_CURRENCIES = {
    **{p: _CURRENCY_PREFIXES[p] for p in ("Rs", "Rs.", "RM", "Rp", "Tk", "KSh", "Ksh")},
    "Sh": "KES", "R": "ZAR", "P": "PHP", "N": "NGN",
}  # fmt: skip
AMBIGUOUS_ATTACHED = frozenset({"Sh", "R", "P", "N"})
_ISO_EXTRA = "KES UGX TZS GHS ZMW EGP PKR BDT LKR NPR PHP IDR MYR THB VND MXN ARS CLP COP PEN SEK NOK DKK PLN"
_ISO_CODES = _words(
    "USD EUR GBP JPY KRW KPW CNY INR RUB UAH CHF CAD AUD TRY ILS BRL ZAR NGN SAR AED " + _ISO_EXTRA
)
_CURRENCY_PREFIXES.update({code: code for code in _ISO_CODES})
# the one table of length units (no bare "m": "fell by 2 m" is as often two million); figure_filters and
# numbers build their patterns from it
LENGTH_UNIT = (
    r"(?:metres?|meters?|centimetres?|centimeters?|millimetres?|millimeters?|kilometres?|kilometers?|cm|mm|km"
    r"|feet|foot|ft|inches|inch|yards?|miles?)"
)
# a unit of time: "for 12 hours", "after eight years at regional radio" (a duration, no count)
DURATION_UNIT = r"(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centuries)"
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
    "|an approximate|in the region of|on the order of|closer to|nearer to",
    "nearly": "nearly almost|close to|just under|just shy of|just below|not quite",
    "at least": "|at least|no fewer than|a minimum of|no less than|not less than|not fewer than",
    "more than": "over above exceeding exceeded exceeds topping topped surpassing surpassed|more than"
    "|in excess of|upwards of|upward of|just over|well over|well above|greater than|a little over",
    "up to": "|up to|as many as|a maximum of|as much as|as high as|at most|no more than|not more than",
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
    "comments comment views episode version flight route highway platform gate room exit no. nos. vol. code pin "
    "vol volume"
)
_LABELS_CAPITALISED = _words(
    "Top Day Week Quarter Part Phase Level Round Game Season Stage Block Building Floor Line Bus Rule Law Act "
    "Bill Grade Class Category Type Model Series Figure Table Item Lot Number Unit Camp Station Terminal "
    "Hall Apartment Suite District Zone Sector Ward Pier Channel Track Lane Division League Group Cup Local "
    "Region Regions Districts Zones Sectors Wards Phases Signal"
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
            # not take/took: "took over 2,000 calls" is "more than" (a count after "take over" is rare)
            "hand hands handed handing turn turns turned turning pass passes "
            "passed passing fought won watched presided signed sign signs"
        )
    ),
    # a verb of change: "the rate shot up to 7.6 percent" is "to" 7.6, no ceiling
    "up to": frozenset(
        _words(
            "shot shoots shoot shooting jumped jumps jump climbed climbs rose rises rise risen rising went "
            "gone moved crept edged ticked soared surged spiked leapt leaped"
        )
    ),
    "about": frozenset(
        _words(
            "talk talks talked talking speak speaks spoke speaking ask asks asked asking know knows knew "
            "learn learned learnt think thinks thought worry worried care cared complain complained "
            "hear heard read wrote write writes tell told"
        )
    ),
    # "the department has estimated $180 million", "police estimated 6,000": the verb, not "an estimated"
    "estimated": frozenset(
        _words(
            "has have had was were is are be been also police officials authorities organisers organizers "
            "experts analysts researchers department ministry agency government"
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


_ATTACHED_BEHIND = "".join(
    rf"|(?<=\b{re.escape(c)}[0-9])" for c in sorted(ATTACHED_CURRENCIES, key=len, reverse=True)
)


def _digit_token_pattern(mode: str) -> re.Pattern[str]:
    """A run of digits and separators; "12 000" with plain spaces only where the document groups so.

    Elsewhere a plain space groups digits only when a group starts with 0 ("12 000", not "13 100").
    The pattern starts with a digit and looks behind it (not before it) so that the regex engine
    can skip ahead to the next digit at C speed. Groups are counted (eight at most: past 10**24 a
    run of digit groups is a table, not a figure) so that a long run of "123 123 123 ..." costs
    the same at every start, never a scan to the end of the run.
    """
    grouped = r"[0-9]{0,2}(?:[\u00a0\u202f\u2009][0-9]{3}){1,8}"
    if mode == " ":
        grouped = r"[0-9]{0,2}(?:[ \u00a0\u202f\u2009][0-9]{3}){1,8}"
    else:
        grouped += r"|[0-9]{0,2}(?=(?: [0-9]{3}){0,7} 0[0-9]{2}(?![0-9]))(?: [0-9]{3}){1,8}"
    return re.compile(
        rf"[0-9](?:(?<![\w.,][0-9]){_ATTACHED_BEHIND})(?:(?:{grouped})(?:[.,][0-9]+)?(?![0-9])|(?:[0-9.,:/\-–—]*[0-9])?)"
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
# a figure written in words, as the object of "put the toll at ...": "sixteen", "one", "a million",
# "hundreds", "half a million" (matched case-insensitively by the caller; ends on a word boundary)
_PLURAL_SCALES = ["dozens", "hundreds", "thousands", "millions", "billions"]
FIGURE_WORD_ALT = rf"(?:(?:an?|half{_H}+an?){_H}+{_SCALE_ALT}s?|{_trie([*_NUMBER_WORDS, *_PLURAL_SCALES])})\b"
# Word numbers are matched on the lower-cased text: a candidate first (cheap), then the whole form.
_WORD_START = prefixed(
    "".join(sorted({w[0] for w in ("a", *_NUMBER_WORDS, "half", "quarter")})),
    rf"\b(?:an?{_H}+(?=[hqdtmb])|{_trie([*_NUMBER_WORDS, 'half', 'quarter'])})",
)  # (found by its first letter; a match holds no word start past its own, so none of them overlap)
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
    rf"|(?:{_H}+|{_H}*-{_H}*)(?P<word>(?i:hundred|thousand|million|billion|trillion|lakhs?|crores?)|lacs?)\b"
)
# "Rs eight lac", "five crore": a word number with a South Asian scale word ("lac" in lower case only: "Lac"
# opens place names)
_SOUTH_ASIAN_AFTER = re.compile(rf"{_H}+(?P<w>(?i:lakhs?|crores?)|lacs?)\b")
_UNIT_SUFFIX = (
    rf"{_H}?(?P<pct>%)|(?:{_H}+|-)(?i:per{_H}?-?cent|percent|pct)\b(?P<pct2>)|(?:pc|pct|percent)\b(?P<pct3>)"
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
# Read backwards from "up to": "revised the death toll up to 90" (a transitive change verb, its object between).
_REVISED_UP_REV = re.compile(
    rf"(?i)(?:{_H}+[\w'’-]{{1,20}}){{0,5}}?{_H}+(?:desiver|sesiver|esiver|desiar|sesiar|esiar|dehsup|depmub|"
    rf"detehctar|dekram|detsujda)(?![\w])"
)
_BETWEEN_REV = re.compile(rf"(?i){_H}+(?P<w>neewteb|morf)(?![\w])")
_MONTHS_ALL = [*_MONTHS, *(m.upper() for m in _MONTHS)]
# Read backwards: "October 13", "Oct. 13, 2024", and the second day of "Oct. 13 and 14" (group "pair").
_MONTH_BEFORE_REV = re.compile(
    rf"(?:{_H}*(?:,|{_H}(?P<pair>dna|ot|&){_H}){_H}*\d{{1,2}}(?:ts|dn|dr|ht)?)?{_H}+\.?"
    rf"{_reversed_alternation(_MONTHS_ALL)}(?![\w])"
)
# "13 October", "13th of October", and the first day of "13 and 14 October"
_MONTH_AFTER = re.compile(
    rf"(?:{_H}+(?:and|to|&){_H}+\d{{1,2}}(?:st|nd|rd|th)?)?{_H}+(?:of{_H}+)?{_alternation(_MONTHS_ALL)}\b"
)
_ID_BEFORE_REV = re.compile(r"[-–][^\W\d_]")
_NOT_A_FIGURE_AFTER = re.compile(
    rf"°|['’]s\b|{_H}?(?:[ap]\.m\.|(?i:[ap]m)\b|[AP]\.M\.|o['’]clock\b|(?:GMT|UTC|BST|CET|EST|EDT|PST)\b"
    rf"|(?i:mm|millimet(?:er|re)s?|cm|cal\.|calibre|caliber)\b|(?i:min(?:ute)?s?{_H}+read)\b"
    rf"|{_H}(?:[A-Z][a-z]+{_H}+)?(?:Street|St\.|Road|Rd\.|Avenue|Ave\.|Boulevard|Blvd\.|Lane|Square)(?![\w])"
    rf"|{_H}(?:News|TV|FM|Radio|Live)\b)"  # "told 12 News": a station's name
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
    rf"|{_H}+(?:of|with(?:{_H}+{_WORD}{_H}+of)?|carrying|holding|containing|comprising|numbering|totall?ing))"
    rf"{_H}+$"
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


# --- digits as written: whole-token checks -----------------------------------------------------------


_GROUPED = {
    ",": re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?"),
    ".": re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?"),
}
_PLAIN = re.compile(r"\d+(?:\.\d+)?")
_COMMA_DECIMAL = re.compile(r"\d+,\d+")


# --- evidence for the thousands separator ------------------------------------------------------------


_EVIDENCE = re.compile(  # starts with a digit, like the token pattern, for speed
    r"[0-9](?<![0-9.,][0-9])(?:(?P<comma>[0-9]{0,2}(?:,[0-9]{3})+(?:\.[0-9]+)?)"
    r"|(?P<dot>[0-9]{0,2}(?:\.[0-9]{3})+(?:,[0-9]+)?)|(?P<space>[0-9]{0,2}(?:[ \u00a0\u202f\u2009][0-9]{3})+(?:,[0-9]+)?)"
    r"|(?P<dcomma>[0-9]*,[0-9]{1,2})|(?P<dpoint>[0-9]*\.[0-9]{1,2}))(?![0-9.,]?[0-9])"
)


# --- a bare "$" or "Rs" read by the page's country -----------------------------------------------------

# the country-code top-level domain of a page's address -> the currency its bare "$" / "Rs" names
_LOCAL_DOLLARS = {"ca": "CAD", "au": "AUD", "nz": "NZD", "sg": "SGD", "hk": "HKD"}
_LOCAL_RUPEES = {"pk": "PKR", "lk": "LKR", "np": "NPR", "mu": "MUR"}
_HOST_RE = re.compile(r"^(?:[a-z][a-z0-9+.\-]*://)?(?:[^/@?#]*@)?(?P<host>[^/:?#]+)", re.IGNORECASE)


# a capitalised dateline opening a paragraph near the top of the page: "KARACHI:", "OTTAWA, May 5 (X) -"
_DATELINE_RE = re.compile(r"^[^\S\n]*(?P<city>[A-Z]{4,}(?:[^\S\n][A-Z]{4,})?)[^\S\n]*[:,(—–]", re.MULTILINE)
_DATELINE_COUNTRY = {
    **dict.fromkeys(("ISLAMABAD", "KARACHI", "LAHORE", "PESHAWAR", "QUETTA", "RAWALPINDI", "MULTAN"), "pk"),
    **dict.fromkeys(("COLOMBO", "KANDY"), "lk"),
    **dict.fromkeys(("KATHMANDU",), "np"),
    **dict.fromkeys(("OTTAWA", "TORONTO", "MONTREAL", "VANCOUVER", "CALGARY", "EDMONTON", "WINNIPEG"), "ca"),
    **dict.fromkeys(("SYDNEY", "MELBOURNE", "CANBERRA", "BRISBANE", "PERTH", "ADELAIDE"), "au"),
    **dict.fromkeys(("WELLINGTON", "AUCKLAND", "CHRISTCHURCH"), "nz"),
}


def page_country(url: str | None, text: str = "") -> str | None:
    """The country of a page: the country-code domain of its address ("ca" for
    "https://edmonton.example.ca/x"), else a capitalised dateline of a large city in its first 600
    characters ("ISLAMABAD: ..."); None for a generic domain and no known dateline.

    >>> page_country("https://news.example.ca/a/1"), page_country("https://example.com/pk/1")
    ('ca', None)
    >>> page_country(None, "Headline\\nKARACHI: The provincial government said ...")
    'pk'
    """
    if url:
        m = _HOST_RE.match(url.strip())
        if m is not None:
            tld = m.group("host").rstrip(".").rsplit(".", 1)[-1].lower()
            if len(tld) == 2 and tld.isalpha():
                return tld
    for m in _DATELINE_RE.finditer(text, 0, 600):
        country = _DATELINE_COUNTRY.get(m.group("city"))
        if country is not None:
            return country
    return None


_BARE_DOLLAR_RE = re.compile(r"(?<![A-Za-z.$])\$")
_RUPEE_RE = re.compile(r"\bRs(?![a-z])|\brupees?\b")


def local_currency(figure_text: str, unit: str | None, country: str | None) -> str | None:
    """The unit of an amount written with a bare "$" or "Rs" on a page of ``country``: "$" is the
    Canadian dollar on a .ca page, "Rs" the Pakistani rupee on a .pk page; an explicit "US$", "C$",
    "INR" or a page of no known country keeps ``unit``.

    >>> local_currency("$3.5 billion", "USD", "ca"), local_currency("US$3.5 billion", "USD", "ca")
    ('CAD', 'USD')
    >>> local_currency("Rs 5,000", "INR", "pk"), local_currency("Rs 5,000", "INR", None)
    ('PKR', 'INR')
    """
    if country is None:
        return unit
    if unit == "USD" and _BARE_DOLLAR_RE.search(figure_text) is not None:
        return _LOCAL_DOLLARS.get(country, unit)
    if unit == "INR" and _RUPEE_RE.search(figure_text) is not None:
        return _LOCAL_RUPEES.get(country, unit)
    return unit
