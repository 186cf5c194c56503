"""What a figure's sentence says of its scope when its item does not: where, which year, a part of what.

An item ("people marched to the harbour") leaves out what the rest of the sentence may say about
the figure's scope:

- a place set at the front of the sentence ("In Lyon, where dockers joined in, 6,000 marched");
- the whole country ("nationwide", "across the country", "at national level");
- an earlier year set at the front ("In 2019, police counted 27,000"): another event than today's;
- that the figure is a part of another figure of the sentence ("310,000 in 200 towns, including
  42,000 in Lyon"; "297 arrests, 212 of them in Lyon").

Every rule here is a rule of news English; none names a story.

>>> fronted_place("In Port Selby, where dockers joined the strike, about 6,000 marched.")
'Port Selby'
>>> fronted_place("In Port Selby, the mayor said 6,000 marched.") is None  # where it was said
True
>>> nationwide("Across the country, 300,000 marched."), nationwide("300,000 marched in Lyon.")
(True, False)
>>> earlier_year("In 2019, police counted 27,000 marchers.", 2025)
2019
>>> stated_part("The ministry counted 297 arrests, 212 of them in Lyon.", 212.0)
'of them'
>>> stated_part("Of 300 injured, two dozen of them were flown out.", 24.0)
'of them'
"""

from __future__ import annotations

import re
from functools import lru_cache

# The whole country, named by no name: "nationwide", "across the country", "at national level".
_NATIONWIDE = re.compile(
    r"\b(?:nation-?wide|country-?wide|(?:across|throughout|all\s+over|around)\s+the\s+(?:whole\s+|entire\s+)?"
    r"(?:country|nation)|in\s+the\s+(?:whole|entire)\s+(?:country|nation)|at\s+(?:the\s+)?national\s+level)\b",
    re.IGNORECASE,
)
# A place set at the front of a sentence: "In Port Selby, ...", "Across Lyon, ...". The name is a run of
# capitalised words ending at a comma; what follows up to the first figure is the rest of the clause.
_FRONTED = re.compile(
    r"\s*(?:In|At|Across|Throughout|Inside|Outside)\s+(?:the\s+)?"
    r"(?P<name>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)\s*,(?P<rest>[^\d]*)"
)
# Words that make a fronted place the place where something was said, not where it was counted.
_REPORTING = re.compile(
    r"\b(?:said|says|say|told|tells|announced|reported|reports|stated|according|estimated|claimed|insisted|"
    r"added|confirmed|denied|briefed|wrote|posted|tweeted)\b",
    re.IGNORECASE,
)
# Calendar words are no place: "In March, 5,000 marched".
_CALENDAR = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "spring",
        "summer",
        "autumn",
        "fall",
        "winter",
    ]
)
# An earlier year set at the front ("In 2019, ...", "Back in 2019, ...", "During 2019 ..."), or the year
# a clause of its own happened in ("... last hit this hard in 1979, when a quake killed 2,400").
_FRONTED_YEAR = re.compile(
    r"\s*(?:(?:Back|Already|Earlier)\s+(?:in|during)|In|During)\s+(?P<year>(?:19|20)\d\d)\b"
)
_YEAR_WHEN = re.compile(r"\b(?:in|of)\s+(?P<year>(?:19|20)\d\d),?\s+when\b", re.IGNORECASE)
# ... or set aside between commas ("The worst season, in 2017, killed 9"), or naming the event that is the
# subject ("The 2009 explosion at the pit killed 36 miners").
_YEAR_ASIDE = re.compile(r",\s+in\s+(?P<year>(?:19|20)\d\d)\s*,")
_YEAR_SUBJECT = re.compile(r"\s*(?:The|A|An)\s+(?P<year>(?:19|20)\d\d)\s+[a-z]")
_YEAR = re.compile(r"(?<![\d,.])(?:19|20)\d\d(?![\d,])")

# A figure given as a part of another figure of its sentence: "including 42,000 in Lyon", "212 of them".
_NUMBER = r"(?:[$€£]\s?)?(?P<n>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?P<scale>\s*(?:million|billion|thousand|m|bn)\b)?"
_QUALIFIER = (
    r"(?:(?:about|around|some|roughly|approximately|nearly|almost|at\s+least|more\s+than|over|up\s+to)\s+)?"
)
_PART_BEFORE = re.compile(
    rf"\b(?P<phrase>including|among\s+them|of\s+whom|of\s+which|of\s+these|of\s+those)\s+{_QUALIFIER}{_NUMBER}",
    re.IGNORECASE,
)
_PART_AFTER = re.compile(
    rf"(?<![\d,.]){_NUMBER}\s+(?P<phrase>of\s+(?:them|whom|which|these|those|the)|among\s+them)\b",
    re.IGNORECASE,
)
_SMALL = {
    w: i + 1
    for i, w in enumerate(
        [
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ]
    )
}
_SMALL.update(thirty=30, forty=40, fifty=50, sixty=60, seventy=70, eighty=80, ninety=90)
_WORDS = "|".join(sorted(_SMALL, key=len, reverse=True))
_PART_AFTER_WORDS = re.compile(
    rf"\b(?P<w>(?:(?:a|{_WORDS})\s+)?dozen|{_WORDS})\s+(?P<phrase>of\s+(?:them|whom|which|these|those|the)|"
    r"among\s+them)\b",
    re.IGNORECASE,
)
# The clause a part takes, to the next comma: "including 42,000 in Lyon", "212 of them in Lyon".
_TO_CLAUSE_END = r"(?:[^,;.]|[,.](?=\d))*"  # up to a comma, semicolon or full stop that is not in a number
_PART_CLAUSE = re.compile(
    rf"\b(?:including|among\s+them|of\s+whom)\b{_TO_CLAUSE_END}|"
    rf"(?<![\d,.]){_NUMBER}\s+of\s+(?:them|whom|which|these|those)\b{_TO_CLAUSE_END}",
    re.IGNORECASE,
)
_PART_HINT = re.compile(r"includ|\bamong\s+them|\bof\s+(?:them|whom|which|these|those|the)\b", re.IGNORECASE)
_SCALES = {"thousand": 1e3, "million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9}


def nationwide(text: str) -> bool:
    """The words count over the whole country without naming it ("nationwide", "across the country")."""
    return _NATIONWIDE.search(text) is not None


def fronted_place(sentence: str) -> str | None:
    """The name a sentence sets at its front as the place of what it counts ("In Port Selby, ...").

    None when the clause names a speaker before its first figure ("In Port Selby, the mayor said
    ...": the place where it was said), or when the words are a month or a day.
    """
    match = _FRONTED.match(sentence)
    if match is None or _REPORTING.search(match.group("rest")):
        return None
    name = match.group("name")
    if name.split()[0].lower() in _CALENDAR:
        return None
    return name


def earlier_year(sentence: str, current: int | None) -> int | None:
    """The year a sentence sets at its front when it is before ``current`` (the publication year).

    "In 2019, police counted 27,000" in a 2025 article counts the 2019 event, not this year's.

    >>> earlier_year("In 2025, police counted 27,000.", 2025) is None
    True
    """
    if current is None:
        return None
    match = (
        _FRONTED_YEAR.match(sentence)
        or _YEAR_SUBJECT.match(sentence)
        or _YEAR_WHEN.search(sentence)
        or _YEAR_ASIDE.search(sentence)
    )
    if match is None:
        return None
    year = int(match.group("year"))
    return year if year < current else None


# Where one clause of a sentence ends: a comma that is no thousands separator, a semicolon, a dash, or
# a conjunction that sets one figure against another ("..., while the union said ...").
_CLAUSE_END = re.compile(r",(?!\d{3})|[;:()—–]|\s(?:while|whereas|but|against)\s")


def figure_clause(sentence: str, value: float) -> str | None:
    """The clause of ``sentence`` that holds the figure ``value``, found by its digits; None if not found.

    >>> figure_clause("Boats carried 213 people, the navy said, but 30 were missing.", 213.0)
    'Boats carried 213 people'
    >>> figure_clause("Thirty were missing.", 30.0) is None
    True
    """
    for written in _written(value):
        at = _standing(sentence, written)
        if at < 0:
            continue
        start = max((m.end() for m in _CLAUSE_END.finditer(sentence, 0, at)), default=0)
        after = _CLAUSE_END.search(sentence, at + len(written))
        return sentence[start : after.start() if after else len(sentence)].strip()
    return None


def _standing(sentence: str, written: str) -> int:
    """Where ``written`` stands in the sentence as a number of its own (not inside 1,213 or 213.5), or -1."""
    at = sentence.find(written)
    while at >= 0:
        before = sentence[at - 1] if at else " "
        after = sentence[at + len(written) : at + len(written) + 2]
        inside = before.isdigit() or (before in ".," and at > 1 and sentence[at - 2].isdigit())
        if not inside and not (after[:1].isdigit() or (after[:1] in ".," and after[1:2].isdigit())):
            return at
        at = sentence.find(written, at + 1)
    return -1


def _written(value: float) -> list[str]:
    """How a figure may be written in digits: ``42,000``, ``42000``; ``1.1 million``, ``1.1m``."""
    out = []
    if value >= 1e6:
        for scale, words in ((1e9, ("billion", "bn")), (1e6, ("million", "m"))):
            if value >= scale:
                short = f"{value / scale:g}"
                out += [f"{short} {words[0]}", f"{short}{words[1]}"]
                break
    if value == int(value):
        out += [f"{int(value):,}", str(int(value))]
    else:
        out.append(f"{value:g}")
    return out


def years(text: str) -> set[int]:
    """The years a query names ("marchers in 2019").

    >>> sorted(years("marchers in Lyon in 2019 and 2,019 people"))
    [2019]
    """
    return {int(m.group(0)) for m in _YEAR.finditer(text)}


@lru_cache(maxsize=1 << 14)
def stated_part(
    sentence: str, value: float, low: float | None = None, high: float | None = None
) -> str | None:
    """The words that give this figure as a part of another figure of its sentence, if any.

    "including 42,000 in Lyon", "212 of them in Lyon", "among them 40 children": the figure
    is matched by its value (or a bound of it) to the number the words govern.

    >>> stated_part("The toll is 40, including 12 children.", 12.0), stated_part("The toll is 40.", 40.0)
    ('including', None)
    """
    if not _PART_HINT.search(sentence):
        return None
    wanted = {v for v in (value, low, high) if v is not None}
    for pattern in (_PART_BEFORE, _PART_AFTER, _PART_AFTER_WORDS):
        for match in pattern.finditer(sentence):
            if _number(match) in wanted:
                return " ".join(match.group("phrase").lower().split())
    return None


def without_parts(sentence: str) -> str:
    """The sentence without the clauses that give a part of a figure, whose places are the part's.

    >>> without_parts("Police counted 310,000, including 42,000 in Lyon, on Tuesday.")
    'Police counted 310,000, , on Tuesday.'
    >>> without_parts("It counted 297 arrests, 212 of them in Lyon.")
    'It counted 297 arrests, .'
    """
    if not _PART_HINT.search(sentence):
        return sentence
    return _PART_CLAUSE.sub("", sentence)


def _number(match: re.Match[str]) -> float:
    groups = match.groupdict()
    if groups.get("w"):
        words = match.group("w").lower().split()
        if words[-1] == "dozen":
            return 12.0 * (_SMALL.get(words[0], 1) if len(words) > 1 else 1)
        return float(_SMALL[words[0]])
    number = float(match.group("n").replace(",", ""))
    scale = (match.group("scale") or "").strip().lower()
    return number * _SCALES.get(scale, 1.0)
