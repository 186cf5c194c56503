"""Numbers that are no claim anyone makes: ages, counts of sources, "the two countries", durations.

>>> from analyzer.extract.numbers import find_figures
>>> text = "A man, 45, said the two countries had deployed 3,000 troops."
>>> [f.value for f in find_figures(text) if not (is_age(text, f) or is_definite_small(text, f))]
[3000.0]
"""

from __future__ import annotations

import re

from analyzer.extract.number_words import DURATION_UNIT, LENGTH_UNIT
from analyzer.models import Figure

__all__ = [
    "is_age",
    "is_conversion",
    "is_date_day",
    "is_definite_small",
    "is_dimension",
    "is_label",
    "is_multiplier",
    "is_phone_or_station_number",
    "is_position",
    "is_source_count",
    "names_duration",
]

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
_AGED_ASIDE_RE = re.compile(
    r"[,(—–]\s*(?:all|both|most|many|mostly|each)\s+(?:aged\s+)?(?:over|under|above|older\s+than|younger\s+than)"
    r"\s+[\w-]+$",
    re.IGNORECASE,
)
_CLAUSE_CLOSES_RE = re.compile(r"\s*(?:[,.;:)—–]|$|\s+(?:and|but|while|when|who|police|officials)\b)")
_DURATION_RE = re.compile(rf"^{DURATION_UNIT}\b", re.IGNORECASE)
_SMALL_DEFINITE_RE = re.compile(
    r"(?:\b(?:the|these|those|its|their|his|her|our|both)|\b(?!(?:there|here|it|that|what|who|where|he|she|let)['’])"
    r"\w{1,40}['’]s)\s+$",
    re.IGNORECASE,
)  # "the two towns", "the agency's two press notes" (not "there's two people")


def is_age(text: str, fig: Figure) -> bool:
    """A person's age is no claim: "said Teodor Brandt, 67, who ...", "a man, 45,", "aged 19 to 34", "most
    victims were over 75".

    >>> from analyzer.extract.numbers import find_figures
    >>> [is_age(t, find_figures(t)[0]) for t in ("Police said a man, 45, was held.", "The victims were aged 4 to 80.")]
    [True, True]
    >>> [is_age(t, find_figures(t)[0]) for t in ("Most victims were over 75.", "Casualties were over 75.")]
    [True, False]
    >>> [is_age(t, find_figures(t)[-1]) for t in ("41 of the dead were under 18.", "Children under 12 made up 30.")]
    [True, False]
    """
    if fig.value >= 120 or fig.value != int(fig.value) or fig.unit is not None:
        return False
    before = text[max(0, fig.start - 60) : fig.start]
    low = text[max(0, fig.start - 60) : fig.end].lower()
    if "age" in low and _AGED_BEFORE_RE.search(before) is not None:
        return True  # "aged 75", "aged between 4 and 80", "ages ranging from 19 to 34"
    if _AGE_COMPARISON_RE.search(low) is not None:  # (a cheap word test before the regexes)
        if _OLDER_GROUP_RE.search(text, max(0, fig.start - 60), fig.end) and _CLAUSE_CLOSES_RE.match(
            text, fig.end
        ):
            return True  # "most victims were over 75": what most of a group is, not how many
        if _PEOPLE_AGED_RE.search(text, max(0, fig.start - 40), fig.end) is not None:
            return True  # "children under 12", "people over 75 who lived alone"
        if _AGED_ASIDE_RE.search(text, max(0, fig.start - 40), fig.end) and _CLAUSE_CLOSES_RE.match(
            text, fig.end
        ):
            return True  # "three of them, all older than 70, remained in hospital": an aside on their ages
    if (
        (" is " in before[-8:] or " was " in before[-9:] or "turned " in before[-10:])
        and _IS_AGED_BEFORE_RE.search(before)
        and _IS_AGED_AFTER_RE.match(text, fig.end)
    ):
        return True  # "My neighbour is 83 and on oxygen", "she was 91."
    return (
        fig.qualifier is None
        and text[fig.end : fig.end + 1] in {",", ")"}
        and (_AGE_BEFORE_RE.search(before) is not None or _PERSON_BEFORE_RE.search(before) is not None)
        and not (text[fig.end : fig.end + 1] == ")" and _in_place_tally(text, fig))
    )


# "deaths were reported from Kerala (10), Assam (8) and Goa (4)", "most deaths were in Kerala (14) followed by
# Assam": counts by place after "in/from/across", each in brackets after the place's name
_TALLY_ITEM = r"[A-Z][\w'’\-]*(?:[^\S\n][A-Z][\w'’\-]*){0,2}[^\S\n]?\(\d{1,6}\)"
_PLACE_TALLY_RE = re.compile(
    rf"\b(?:in|from|across)[^\S\n]+(?:the[^\S\n]+)?{_TALLY_ITEM}"
    rf"(?:[^\S\n]*,[^\S\n]*(?:and[^\S\n]+)?{_TALLY_ITEM}|[^\S\n]+and[^\S\n]+{_TALLY_ITEM})*"
    r"(?P<tail>[^\S\n]+followed[^\S\n]+by\b)?"
)


def _in_place_tally(text: str, fig: Figure) -> bool:
    """Whether a bracketed count is one of a tally by place: two of them or more, or one "followed by" more.

    >>> from analyzer.extract.numbers import find_figures
    >>> t = "Deaths were reported from Kerala (10), Assam (8) and Goa (4)."
    >>> [_in_place_tally(t, f) for f in find_figures(t)]
    [True, True, True]
    >>> t = "The victims were named as Ann Lee (34) and Bo Kim (29)."
    >>> [_in_place_tally(t, f) for f in find_figures(t)]
    [False, False]
    """
    for m in _PLACE_TALLY_RE.finditer(text, max(0, fig.start - 400), min(len(text), fig.end + 200)):
        if m.start() > fig.start:
            break
        if fig.end <= m.end() and (m.group("tail") is not None or m.group().count("(") >= 2):
            return True
    return False


# "she is 83", "my neighbour was 91": a person (a pronoun, a kin or neighbour) and a bare number
_IS_AGED_BEFORE_RE = re.compile(
    r"\b(?:[Hh]e|[Ss]he|who|(?:[Mm]y|[Hh]is|[Hh]er|[Oo]ur|[Tt]heir|whose)\s+(?:neighbou?r|mother|father|son|daughter|wife"
    r"|husband|grand(?:mother|father|son|daughter)|brother|sister|friend|child|aunt|uncle|partner|mum|mom|dad))"
    r"\s+(?:is|was|turned|turns)\s+$"
)
_IS_AGED_AFTER_RE = re.compile(r"\s*(?:[,.;)]|and\b|but\b|years?\s+old\b|$)")
_AGE_COMPARISONS = ("over", "under", "above", "below", "older", "younger")
_AGE_COMPARISON_RE = re.compile("|".join(_AGE_COMPARISONS))  # any of them as a substring, in one scan


_SOURCE_LEAD_RE = re.compile(r"\b(?:citing|quoting|according\s+to)\s+(?:at\s+least\s+)?$", re.IGNORECASE)
_SOURCE_NOUN_RE = re.compile(
    r"\s+(?:[\w-]+\s+){0,3}?(?:people|persons|officials|sources|diplomats|witnesses|insiders|officers)\b",
    re.IGNORECASE,
)


def is_source_count(text: str, fig: Figure) -> bool:
    """ "citing two people familiar with the matter": the number counts the sources, it is no claim.

    >>> from analyzer.extract.numbers import find_figures
    >>> text = "Costs may reach $450 million, Bloomberg reported, citing two people familiar with the talks."
    >>> [f.value for f in find_figures(text) if not is_source_count(text, f)]
    [450000000.0]
    """
    return (
        _SOURCE_LEAD_RE.search(text, max(0, fig.start - 30), fig.start) is not None
        and _SOURCE_NOUN_RE.match(text, fig.end) is not None
    )


# a phone number's last groups after a trunk prefix with a leading zero: "01475 220 310", "07700 900 415"
_TRUNK_BEFORE_RE = re.compile(r"(?<![\w,.])0\d{2,5}[ \u00a0]$")
# "told Coast 7 that": a number after a capitalised hearer is the station's name; "told Reuters 40 died" counts
_HEARER_BEFORE_RE = re.compile(
    r"\b(?:told|(?:interview|speaking|spoke)\s+(?:with|to))\s+[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*)?\s+$"
)
_NAME_CLOSES_RE = re.compile(
    r"\s*(?:[,.;:!?)]|$)|\s+(?:that|on|in|by|from|when|after|before|about|last|this)\b"
)


# "Hotline: 911-2030": a local phone number after a phone label ("number", "line" and "text" name counts too)
_PHONE_LIKE_RE = re.compile(r"(\d{3})[-\u2011](\d{4})")
_PHONE_WORD_RE = re.compile(r"\b(?:hotline|helpline|phone|telephone|tel|call|fax|sms)\b", re.I)


# "(Radio Svetin 2)", "on Channel 4": a number that ends a capitalised name in brackets or a channel's name
_NAME_IN_BRACKETS_RE = re.compile(r"\((?:[A-Z][\w'’\-]*\s+){1,3}$")
_CHANNEL_BEFORE_RE = re.compile(r"\b(?:Radio|Channel|TV|Television|Canal|Kanal)(?:\s+[A-Z][\w'’\-]*)?\s+$")


_WITHIN_BEFORE_RE = re.compile(r"\bwithin\s+(?:about\s+|some\s+|around\s+|roughly\s+)?$", re.IGNORECASE)
# the length and its bracketed conversion, then "of"/"from": "2 km of Ostby", "16 kilometers (10 miles) of X"
_LENGTH_OF_RE = re.compile(rf"\s*{LENGTH_UNIT}\)?(?:\s*\([^()\n]{{1,30}}\))?\s+(?:of|from)\b", re.IGNORECASE)
# a length that sets a place apart from another: "15 kilometres (nine miles) from Khar", "70 miles off the coast",
# "some 5 km away from the border", "30 km outside Kyiv"
_LENGTH_FROM_RE = re.compile(
    rf"[^\S\n]*{LENGTH_UNIT}\)?(?:[^\S\n]*\([^()\n]{{1,30}}\))?[^\S\n]+(?:away[^\S\n]+)?(?:from|off|outside)"
    r"[^\S\n]+(?:the[^\S\n]+)?[A-Za-z]",
    re.IGNORECASE,
)


# match only (one position, right after the figure): "a crack 300 metres long", "a plume 300 metres high"
_DIMENSION_AFTER_RE = re.compile(
    rf"\s*(?:-\s*)?{LENGTH_UNIT}\s*(?:-\s*)?(?:deep|high|wide|long|tall|thick|across"
    r"|in\s+(?:diameter|length|height|depth|width))\b",
    re.IGNORECASE,
)
# the size of a thing named right before: "a crack 300 metres long", "The slide, some 400 metres wide" (not
# "waves up to 10 metres high" or "the quake struck 10 km deep", the measures people dispute)
_SIZED_THING_BEFORE_RE = re.compile(
    r"(?:,|\b(?:a|an|the|its|their|this|that)\s+(?:[a-z][\w\-]*\s+)?"
    r"(?!(?:struck|lay|lies|rose|risen|fell|fallen|stood|reached|hit|was|were|is|are|been|sank)\b)"
    r"[a-z][\w\-]*(?<!ed))\s+(?:(?:some|about|around|nearly|roughly|almost)\s+)?$",
    re.IGNORECASE,
)
# match only: a speed ("traveling at 79 mph", "a 45 mph limit"); "winds of 150 mph" is a measure people dispute
_SPEED_AFTER_RE = re.compile(
    r"\s*(?:mph|km/h|kph|knots\b|(?:miles|kilometres|kilometers)\s+(?:per|an)\s+hour)(\s+(?:speed\s+)?limit\b)?",
    re.IGNORECASE,
)
_SPEED_BEFORE_RE = re.compile(
    r"\b(?:at|speeds?\s+of)\s+(?:(?:about|around|nearly|almost|over|up\s+to|more\s+than)\s+)?$", re.IGNORECASE
)
# match only: "the crack had widened by 40 centimetres": how far a crack or a hole grew (not rose/fell: "sea
# levels have risen by 20 centimetres", nor advanced/moved: "the army advanced 40 km")
_LENGTH_AFTER_RE = re.compile(rf"\s*{LENGTH_UNIT}\b", re.IGNORECASE)
_CHANGED_BY_RE = re.compile(
    r"\b(?:widened|deepened|narrowed|lengthened|sank|sunk|subsided)\s+(?:by\s+)?(?:about\s+|some\s+|around\s+"
    r"|roughly\s+|nearly\s+|almost\s+|up\s+to\s+|another\s+|a\s+further\s+|more\s+than\s+)?$",
    re.IGNORECASE,
)


_MULTIPLIED_BY_RE = re.compile(
    r"\b(?:up|down|rose|risen|rises|rise|fell|fallen|falls|grew|grown|grows|jumped|increased|decreased|climbed"
    r"|dropped|surged|soared|multiplied|shrank|swelled)\s+(?:by\s+)?(?:about\s+|nearly\s+|almost\s+|some\s+"
    r"|roughly\s+|more\s+than\s+)?$",
    re.IGNORECASE,
)
_TIMES_AFTER_RE = re.compile(r"[^\S\n]+(?:times|fold)\b|-fold\b", re.IGNORECASE)
# "nearly 10 times as many as first thought", "three times higher than last year", "five times the
# number": a ratio of two figures, whatever verb stands before it
_TIMES_AS_RE = re.compile(
    r"[^\S\n]+times[^\S\n]+(?:as(?:[^\S\n]+[a-z]+){1,3}[^\S\n]+as|(?:more|higher|larger|bigger|greater|fewer|less|smaller"
    r"|lower|faster)[^\S\n]+(?:[a-z]+[^\S\n]+)?than|the[^\S\n]+(?:number|size|amount|rate|level|total))\b",
    re.IGNORECASE,
)


def is_multiplier(text: str, fig: Figure) -> bool:
    """ "up three times on last year", "rose fourfold": how many times a change multiplied, no count.

    >>> from analyzer.extract.numbers import find_figures
    >>> [is_multiplier(t, find_figures(t)[0]) for t in ("Sales were up three times on 2023.", "He was fined three times.")]
    [True, False]
    """
    return (
        fig.unit is None
        and _TIMES_AFTER_RE.match(text, fig.end) is not None
        and (
            _MULTIPLIED_BY_RE.search(text, max(0, fig.start - 40), fig.start) is not None
            or _TIMES_AS_RE.match(text, fig.end) is not None
        )
    )


def is_dimension(text: str, fig: Figure) -> bool:
    """The size of a thing, how far a crack grew, or a vehicle's speed counts nothing anyone disputes: "a
    crack 300 metres long", "had widened by 40 centimetres", "traveling at 79 mph" ("40 miles of coast",
    "waves up to 10 metres high", "winds of 150 mph", "sea levels have risen by 20 cm" stay).

    >>> from analyzer.extract.numbers import find_figures
    >>> t = "A hole 8 metres deep opened, the crack widened by 40 cm, and oil fouled 40 miles of coast."
    >>> [f.value for f in find_figures(t) if not is_dimension(t, f)]
    [40.0]
    """
    if fig.unit is not None:
        return False
    if (
        _DIMENSION_AFTER_RE.match(text, fig.end) is not None
        and _SIZED_THING_BEFORE_RE.search(text, max(0, fig.start - 50), fig.start) is not None
    ):
        return True
    speed = _SPEED_AFTER_RE.match(text, fig.end)
    if speed is not None and (
        speed[1] is not None or _SPEED_BEFORE_RE.search(text, max(0, fig.start - 30), fig.start) is not None
    ):
        return True
    return (
        _LENGTH_AFTER_RE.match(text, fig.end) is not None
        and _CHANGED_BY_RE.search(text, max(0, fig.start - 40), fig.start) is not None
    )


# "20 km (13 miles) south of the city", "about 290 kilometers (180 miles) southwest of the capital": where
# a place lies (the bracketed conversion too) counts nothing
_COMPASS_AFTER_RE = re.compile(
    rf"[^\S\n]*{LENGTH_UNIT}\)?(?:[^\S\n]*\([^()\n]{{1,30}}\))?[^\S\n]+(?:due[^\S\n]+)?"
    r"(?:north|south|east|west)(?:-?(?:east|west))?(?:ward)?[^\S\n]+(?:of|from)\b",
    re.IGNORECASE,
)


def is_position(text: str, fig: Figure) -> bool:
    """ "within two kilometres of the village": a length that says where something is counts nothing.

    >>> from analyzer.extract.numbers import find_figures
    >>> t = "Lava came within 2 km of Ostby; 40 homes burned within a week."
    >>> [f.value for f in find_figures(t) if not is_position(t, f)]
    [40.0]
    >>> t = "Troops moved to a camp 15 kilometres (nine miles) from Khar, where 30 were held."
    >>> [f.value for f in find_figures(t) if not is_position(t, f)]
    [30.0]
    """
    if fig.unit is None and (
        _COMPASS_AFTER_RE.match(text, fig.end) is not None or _LENGTH_FROM_RE.match(text, fig.end) is not None
    ):
        return True
    return (
        "within" in text[max(0, fig.start - 20) : fig.start].lower()
        and _WITHIN_BEFORE_RE.search(text, max(0, fig.start - 20), fig.start) is not None
        and _LENGTH_OF_RE.match(text, fig.end) is not None
    )


# "a magnitude 6.5 quake", "a 6.5-magnitude tremor", "ranging in magnitude from 3.1 to 4.6", "6.1 on the
# Richter scale": a quake's size (no gold set labels one)
_MAGNITUDE_BEFORE_RE = re.compile(r"\bmagnitude(?:[-\s]+|\s+(?:of\s+)?from\s+)$", re.IGNORECASE)
_MAGNITUDE_AFTER_RE = re.compile(r"(?:[-\s]+magnitude\b|\s+on\s+the\s+Richter\b)", re.IGNORECASE)
# "a Boeing 737-800", "the Airbus 320-200": a model after a capitalised name (no range: 737 is no round start)
_MODEL_RE = re.compile(r"(\d{2,4})[-\u2011](\d{2,4})")
_NAME_BEFORE_RE = re.compile(r"\b[A-Z][A-Za-z]+[-\s]$")
# "epidemiological week 28", "in week 28,": a week's number (not "last week 300 people")
_WEEK_BEFORE_RE = re.compile(
    r"\b(?:(?:epidemiological|epi|reporting|calendar|gestational|ISO)\s+week|(?:in|of|for|by|during)\s+"
    r"(?:epidemiological\s+|reporting\s+)?week)\s+$",
    re.IGNORECASE,
)


def is_label(text: str, fig: Figure) -> bool:
    """A quake's magnitude, a model number or a week's number names a thing, no count.

    >>> from analyzer.extract.numbers import find_figures
    >>> t = "The magnitude 6.1 quake, which hit in epidemiological week 28, downed a Boeing 737-800 and killed 12."
    >>> [f.value for f in find_figures(t) if not is_label(t, f)]
    [12.0]
    """
    if fig.unit is not None:
        return False
    before = text[max(0, fig.start - 40) : fig.start]
    if "agnitude" in before and _MAGNITUDE_BEFORE_RE.search(before):
        return True
    if _MAGNITUDE_AFTER_RE.match(text, fig.end) is not None:
        return True
    model = _MODEL_RE.fullmatch(fig.text)
    if (
        model is not None
        and not _may_start_a_range(model[1], model[2])
        and _NAME_BEFORE_RE.search(before) is not None
    ):
        return True
    if "eek" in before[-20:] and _WEEK_BEFORE_RE.search(before) is not None:
        return True
    return _in_label_list(text, fig)


# "Regions 1 (Ilocos), 2, 3 and 5", "Region 6, 7 and 8", "Districts 4 and 9": the numbers after a
# capitalised place label name places, each of them (a list item: a small bare number, or a capital)
_LABEL_LIST_REV_RE = re.compile(
    r"[^\S\n]*(?:,|dna|&)(?:[^\S\n]*,)?"  # the separator before the number, read backwards
    r"(?:[^\S\n]*(?:\)[^()\n]{0,40}\()?[^\S\n]*(?:\d{1,2}|[A-Z]{1,4}(?:-[A-Z]{1,4})?)[^\S\n]*(?:,|dna|&)(?:[^\S\n]*,)?){0,12}"
    r"[^\S\n]*(?:\)[^()\n]{0,40}\()?[^\S\n]*(?:[A-Z]{1,4}-)?\d{1,2}[^\S\n]+"
    r"(?:snoigeR|noigeR|stcirtsiD|tcirtsiD|senoZ|enoZ|sdraW|draW|srotceS|rotceS|sesahP|esahP)(?![A-Za-z])"
)


# what follows an item of a label list: a separator, a bracketed name, the end, or the list's verb
_LIST_GOES_ON_RE = re.compile(
    r"[^\S\n]*(?:[,;.)(&]|$|(?:and|or|were|was|are|is|have|has|had|remain|remains|will|reported|recorded|saw|got)\b)"
)


_LAST_ITEM_RE = re.compile(r"\d(?:[^\S\n]*\([^()\n]{0,40}\))?,?[^\S\n]+(?:and|&)[^\S\n]+$")
_PAST_VERB_RE = re.compile(r"[^\S\n]+(?:[a-z]{2,}ed|lost|hit|saw|took|went|fell|got)\b")


def _in_label_list(text: str, fig: Figure) -> bool:
    """Whether a bare small number continues a list of place labels: "Regions 1 (Ilocos), 2, 3 and 5"."""
    if fig.qualifier is not None or fig.low is not None or not fig.text.isdigit() or len(fig.text) > 2:
        return False
    before = text[max(0, fig.start - 160) : fig.start]
    if not any(w in before for w in ("egion", "istrict", "one", "ard", "ector", "hase")):
        return False
    if _LIST_GOES_ON_RE.match(text, fig.end) is None and not (
        _LAST_ITEM_RE.search(before) is not None and _PAST_VERB_RE.match(text, fig.end) is not None
    ):
        return False  # "In Region 5, 14 people died": a count of its own
    return _LABEL_LIST_REV_RE.match(before[::-1]) is not None


def _may_start_a_range(first: str, second: str) -> bool:
    """ "800-1000" may be a range (a round start below the end); "911-2030" and "555-0142" may not.

    >>> [_may_start_a_range(*p) for p in [("800", "1000"), ("200", "1500"), ("911", "2030"), ("500", "0142")]]
    [True, True, False, False]
    """
    return first.endswith("0") and int(first) < int(second)


def is_phone_or_station_number(text: str, fig: Figure) -> bool:
    """A phone number ("Media enquiries: 01475 220 310") or the number in a station's name ("she told Coast
    7 that ...") counts nothing.

    >>> from analyzer.extract.numbers import find_figures
    >>> t = "Out of hours: 07700 900 415. She told Harbour 9 that 40 people were hurt. Hotline: 911-2030."
    >>> [f.value for f in find_figures(t) if not is_phone_or_station_number(t, f)]
    [40.0]
    """
    if (
        fig.start > 4
        and text[fig.start - 2 : fig.start - 1].isdigit()
        and fig.text[:1].isdigit()
        and _TRUNK_BEFORE_RE.search(text, max(0, fig.start - 8), fig.start)
    ):
        return True
    phone = _PHONE_LIKE_RE.fullmatch(fig.text)
    if (
        phone is not None
        and not _may_start_a_range(phone[1], phone[2])
        and _PHONE_WORD_RE.search(text, max(0, fig.start - 20), fig.start) is not None
    ):
        return True  # "Hotline: 911-2030.": a local phone number, no range of 911 to 2030
    if not (fig.text.isdigit() and fig.unit is None and fig.qualifier is None and fig.value < 1000):
        return False
    before = text[max(0, fig.start - 30) : fig.start].rstrip()
    if len(before) == fig.start - max(0, fig.start - 30) or not before[before.rfind(" ") + 1 :][:1].isupper():
        return False  # every form below has a capitalised word right before the number
    if text[fig.end : fig.end + 1] == ")" and _NAME_IN_BRACKETS_RE.search(
        text, max(0, fig.start - 60), fig.start
    ):
        return True
    if _CHANNEL_BEFORE_RE.search(text, max(0, fig.start - 30), fig.start) is not None:
        return True
    hearer = _HEARER_BEFORE_RE.search(text, max(0, fig.start - 50), fig.start)
    closes = _NAME_CLOSES_RE.match(text, fig.end) if hearer is not None else None
    # "told AFP 12 in intensive care were critical": after an acronym (an agency) "in" opens the count's place
    return closes is not None and not (
        closes[0].lstrip() == "in" and hearer is not None and _acronym_last(hearer[0])
    )


def _acronym_last(hearer: str) -> bool:
    """Whether the hearer's last word is an acronym: "told AFP " (not "told Harbour ").

    >>> [_acronym_last(h) for h in ("told AFP ", "told Harbour ")]
    [True, False]
    """
    last = hearer.split()[-1]
    return len(last) >= 2 and last.isupper()


_CURRENCY_NOUNS = (
    r"(?:euros?|pesos?|pounds?|dollars?|yen|yuan|renminbi|rupees?|rupiah|roubles?|rubles?|kroner|kronor|krona|"
    r"francs?|lira|rand|reais|real|won|zloty|dinars?|dirhams?|riyals?|shillings?|naira|baht|ringgit|hryvnias?|"
    r"forints?|koruna|lei|leu|pesetas?|cedis?|kwacha|leones?|takas?)"
)
_SCALE = r"(?:\s*(?:million|billion|trillion|thousand|bn|mn|m|k)\b)?"
# "15 million euros ($17.4 million)", "€40m (£34m)": an amount in another currency right before the bracket
_CONVERTED_BEFORE_RE = re.compile(
    rf"(?:[$€£¥]\s?\d[\d.,]*{_SCALE}|\d[\d.,]*{_SCALE}\s+{_CURRENCY_NOUNS})\s*\(\s*"
    r"(?:(?:about|some|around|roughly|approximately|nearly|almost|or|US|USD)\s*)?$",
    re.IGNORECASE,
)


def is_conversion(text: str, fig: Figure) -> bool:
    """A currency amount in brackets right after an amount in another currency is the writer's conversion
    of it ("15 million euros ($17.4 million)"): it repeats the figure, nobody claims it.

    >>> from analyzer.extract.numbers import find_figures
    >>> t = "The state will pay 15 million euros ($17.4 million) and 400 jobs ($2 million a year) went."
    >>> [f.value for f in find_figures(t) if not is_conversion(t, f)]
    [15000000.0, 400.0, 2000000.0]
    >>> t = "Fires burned 5,000 hectares (12,000 acres) and 40 homes (about 3 acres) in all."
    >>> [f.value for f in find_figures(t) if not is_conversion(t, f)]
    [5000.0, 40.0, 3.0]
    """
    if text.find(")", fig.end) < 0:
        return False  # (a cheap test first: both forms close a bracket after the figure)
    if (
        text[fig.end : fig.end + 1] == ")"
        and fig.unit is not None
        and fig.unit != "%"
        and _CONVERTED_BEFORE_RE.search(text, max(0, fig.start - 50), fig.start) is not None
    ):
        return True
    # "5,000 hectares (12,000 acres)", "51.8 degrees Celsius (125 Fahrenheit)": a measure converted
    return (
        text[fig.start - 1 : fig.start] in "( "
        and _MEASURE_IN_BRACKET_RE.match(text, fig.end) is not None
        and _MEASURED_BEFORE_RE.search(text, max(0, fig.start - 60), fig.start) is not None
    )


_MEASURE_UNITS = (
    r"(?:hectares?|acres?|(?:square[^\S\n]+)?(?:kilometres?|kilometers?|km|miles?|metres?|meters?|feet|foot|ft)"
    r"|sq[^\S\n]*(?:km|mi|ft)|km2|degrees?(?:[^\S\n]+(?:Celsius|Fahrenheit|C|F))?|°[CF]?|Celsius|Fahrenheit"
    r"|kilogrammes?|kilograms?|kg|pounds|lbs?|tonnes?|tons|litres?|liters?|gallons?)"
)
_MEASURE_IN_BRACKET_RE = re.compile(rf"[^\S\n]*{_MEASURE_UNITS}\)", re.IGNORECASE)
_MEASURED_BEFORE_RE = re.compile(
    rf"\d[\d.,]*[^\S\n]*{_MEASURE_UNITS}[^\S\n]*\([^\S\n]*"
    r"(?:(?:about|some|around|roughly|approximately|nearly|almost|over|more[^\S\n]+than)[^\S\n]+)?$",
    re.IGNORECASE,
)


def is_definite_small(text: str, fig: Figure) -> bool:
    """ "the two countries": a small number in words after a determiner names things, it counts nothing new;
    an emphatic "not one village" counts nothing either.

    >>> from analyzer.extract.numbers import find_figures
    >>> t = "Not one family will be left; the two towns lost 40 homes, not 41."
    >>> [f.value for f in find_figures(t) if not is_definite_small(t, f)]
    [40.0, 41.0]
    """
    if not (fig.value < 10 and fig.text.isalpha()):
        return False
    if fig.value == 1 and _NOT_BEFORE_RE.search(text, max(0, fig.start - 8), fig.start) is not None:
        return True
    if _PARTITIVE_WHOLE_RE.search(text, max(0, fig.start - 24), fig.start) is not None:
        return False  # "two of the three were ...": the whole of a partitive count, said again
    return _SMALL_DEFINITE_RE.search(text, max(0, fig.start - 60), fig.start) is not None


_NOT_BEFORE_RE = re.compile(r"\bnot\s+(?:a\s+)?$", re.IGNORECASE)
_PARTITIVE_WHOLE_RE = re.compile(
    r"(?:\b\d+|\b(?:two|three|four|five|six|seven|eight|nine|ten))\s+of\s+the\s+$", re.IGNORECASE
)


def names_duration(item: str) -> bool:
    """ "after eight years at regional radio": a figure that counts time is a duration, not a count.

    >>> names_duration("years at regional radio"), names_duration("people")
    (True, False)
    """
    return _DURATION_RE.match(item) is not None


# "between June 15 and 18", "on May 3 or 4", "from March 10 to 12": the second day of a span of dates
_MONTH_DAY_BEFORE_RE = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?[^\S\n]+\d{1,2}(?:st|nd|rd|th)?"
    r"[^\S\n]*(?:and|to|or|-|–|through)[^\S\n]*$"
)
_DAY_ENDS_RE = re.compile(
    r"(?:st|nd|rd|th)?(?:[^\S\n]*(?:[,.;:)]|$)|[^\S\n]+(?:in|at|on|of|when|as|and|from|inclusive|this|last|next|20\d\d)\b)"
)


def is_date_day(text: str, fig: Figure) -> bool:
    """The second day of a span of dates ("arrived between June 15 and 18 in Adre") counts nothing.

    >>> from analyzer.extract.numbers import find_figures
    >>> t = "They arrived between June 15 and 18 in the town, and 40 more on May 3 or 4."
    >>> [f.value for f in find_figures(t) if not is_date_day(t, f)]
    [40.0]
    """
    return (
        fig.unit is None
        and fig.value <= 31
        and fig.value == int(fig.value)
        and fig.qualifier is None
        and _DAY_ENDS_RE.match(text, fig.end) is not None
        and _MONTH_DAY_BEFORE_RE.search(text, max(0, fig.start - 24), fig.start) is not None
    )


# "restoring power to 5, 10 or 20 customers at a time", "let in 50 people at a time": how many each turn
# takes, no count of the event (every number of the list before it too)
_AT_A_TIME_RE = re.compile(
    r"(?:,?[^\S\n]+(?:(?:or|and|to)[^\S\n]+)?\d+(?:[.,]\d+)*){0,12}"
    r"[^\S\n]+(?:[a-z]+[^\S\n]+){0,2}at[^\S\n]+a[^\S\n]+time\b"
    # "died at a time the city was under curfew": the occasion, not each turn
    r"(?![^\S\n]+(?:when|of|that|where|in|during|the|a|an|this|its|their|his|her|we|they|it|he|she)\b)",
    re.IGNORECASE,
)


def is_at_a_time(text: str, fig: Figure) -> bool:
    """A number of things handled each turn ("bringing power back to 5, 10 or 20 customers at a time").

    >>> from analyzer.extract.numbers import find_figures
    >>> t = "Crews restored power to 5, 10 or 20 homes at a time, and 4,000 homes are still dark."
    >>> [f.value for f in find_figures(t) if not is_at_a_time(t, f)]
    [4000.0]
    """
    return fig.unit is None and _AT_A_TIME_RE.match(text, fig.end) is not None


# a place's population, in an apposition: "Varno, a city of about 300,000 people", "this country of about 100
# million inhabitants" (background that places the story; a camp's or a shelter's people are counted instead)
_PLACE_OF_BEFORE_RE = re.compile(
    r"\b(?:a|an|this|that|its|(?:in|over|near|across|from|to|around|at|into|outside|through)\s+the)\s+"
    r"(?:[a-z]+\s+)?(?:city|town|village|country|nation|province|state|region|island"
    r"|district|capital|metropolis"
    r"|municipality|county|archipelago|territory)\s+of"
    r"\s+(?:(?:about|around|some|roughly|nearly|almost|over|more\s+than|just\s+over|just\s+under|approximately"
    r"|an\s+estimated|at\s+least|close\s+to)\s+)?$",
    re.IGNORECASE,
)
_PEOPLE_AFTER_RE = re.compile(r"\s*(?:people|inhabitants|residents|souls|citizens)\b", re.IGNORECASE)


def is_population(text: str, fig: Figure) -> bool:
    """A place's population, said to place the story: "in Varno, a city of 300,000 people".

    >>> from analyzer.extract.numbers import find_figures
    >>> t = "Smoke drifted over the town of 38,000 people; 9 were hurt in a city of 2,000 beds."
    >>> [f.value for f in find_figures(t) if not is_population(t, f)]
    [9.0, 2000.0]
    >>> t = "Floods hit Varno, a city of about 300,000 people, and 40 died."
    >>> [f.value for f in find_figures(t) if not is_population(t, f)]
    [40.0]
    >>> t = "The camp is home to 12,000 people; a city of 80 officers was set up."
    >>> [f.value for f in find_figures(t) if not is_population(t, f)]
    [12000.0, 80.0]
    """
    before = text[max(0, fig.start - 60) : fig.start]
    if "of" not in before or _PLACE_OF_BEFORE_RE.search(before) is None:
        return False
    return _PEOPLE_AFTER_RE.match(text, fig.end) is not None
