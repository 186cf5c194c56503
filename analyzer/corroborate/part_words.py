"""A figure given as a part of another figure of its sentence, and the clause that part takes.

"310,000 in 200 towns, including 42,000 in Lyon"; "297 arrests, 212 of them in Lyon"; "among them
40 children": the figure is matched by its value to the number the words govern, and the places of
the part's clause are the part's, not the sentence's. Every rule here is a rule of news English.

>>> stated_part("The ministry counted 297 arrests, 212 of them in Lyon.", 212.0)
'of them'
>>> stated_part("Of 300 injured, two dozen of them were flown out.", 24.0)
'of them'
"""

from __future__ import annotations

import re
from functools import lru_cache

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
