"""What a figure's sentence says of its scope when its item does not: where, which year, a part of what.

An item ("people marched to the harbour") leaves out what the rest of the sentence may say about
the figure's scope:

- a place set at the front of the sentence ("In Lyon, where dockers joined in, 6,000 marched");
- the whole country ("nationwide", "across the country", "at national level");
- an earlier year set at the front ("In 2019, police counted 27,000"): another event than today's;
- that the figure is a part of another figure of the sentence ("310,000 in 200 towns, including
  42,000 in Lyon"; "297 arrests, 212 of them in Lyon"): :mod:`analyzer.corroborate.part_words`,
  whose :func:`stated_part` and :func:`without_parts` are named here too.

Every rule here is a rule of news English; none names a story.

>>> fronted_place("In Port Selby, where dockers joined the strike, about 6,000 marched.")
'Port Selby'
>>> fronted_place("In Port Selby, the mayor said 6,000 marched.") is None  # where it was said
True
>>> nationwide("Across the country, 300,000 marched."), nationwide("300,000 marched in Lyon.")
(True, False)
>>> earlier_year("In 2019, police counted 27,000 marchers.", 2025)
2019
"""

from __future__ import annotations

import re
from functools import lru_cache

from analyzer.corroborate.part_words import stated_part, without_parts
from analyzer.extract.tokens import MONTH_NAMES, WEEKDAYS

# The words that make a figure rough ("about 40", "some 40"), which may stand between it and the words
# that place it; each pattern below adds its own.
_ROUGHLY = "about|around|some|roughly|nearly|almost"

__all__ = [
    "compared_year",
    "earlier_year",
    "figure_clause",
    "fronted_place",
    "increment_word",
    "nationwide",
    "prior_figure",
    "stated_part",
    "tells_change",
    "without_parts",
    "years",
]

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
_CALENDAR = MONTH_NAMES | WEEKDAYS | {"spring", "summer", "autumn", "fall", "winter"}
# An earlier year set at the front ("In 2019, ...", "Back in 2019, ...", "During 2019 ..."), or the year
# a clause of its own happened in ("... last hit this hard in 1979, when a quake killed 2,400").
_FRONTED_YEAR = re.compile(
    r"\s*(?:(?:Back|Already|Earlier)\s+(?:in|during)|In|During)\s+(?P<year>(?:19|20)\d\d)\b"
)
_YEAR_WHEN = re.compile(r"\b(?:in|of)\s+(?P<year>(?:19|20)\d\d),?\s+when\b", re.IGNORECASE)
# ... or set aside between commas ("The worst season, in 2017, killed 9"), or naming the event that is the
# subject ("The 2009 explosion at the pit killed 36 miners").
_YEAR_ASIDE = re.compile(r",\s+in\s+(?P<year>(?:19|20)\d\d)\s*,")
# ... or closing a sentence of one clause and one figure, a few words after it ("A slide in the next
# valley killed 11 people in 1987."); not when the year dates a comparison, a record or another thing
# ("9% more than in 2024", "since records began in 1987", "a tower block built in 1974")
_YEAR_CLOSING = re.compile(
    r"(?P<figure>\d[\d,.]*)(?:\s+[A-Za-z][\w'’-]*){0,4}?\s+(?:(?:in|during)\s+(?P<year>(?:19|20)\d\d)|(?P<back>last\s+year))"
    r"\s*[.!?]?[\"”’']*\s*$"
)
# ... or a year back from the publication's, set at the front: "Last year, a smaller quake killed 12", "Last
# year's march drew 27,000", "Two years ago, ..."
_FRONTED_BACK = re.compile(
    r"\s*(?:(?:Back|Earlier)\s+)?(?:Last\s+year(?:'s|’s)?|(?:A|One|(?P<n>Two|Three|Four|Five|\d))\s+years?\s+"
    r"(?:ago|earlier|before))\b"
)
_SMALL = {"two": 2, "three": 3, "four": 4, "five": 5}
_OTHER_CLAUSE = re.compile(
    r",(?!\d{3})|;|\b(?:since|than|and|compared|from|against|versus|built|passed|founded|set|opened|established"
    r"|introduced|adopted|enacted|recorded|signed)\b",
    re.IGNORECASE,
)
_YEAR_SUBJECT = re.compile(r"\s*(?:The|A|An)\s+(?P<year>(?:19|20)\d\d)\s+[a-z]")
_YEAR = re.compile(r"(?<![\d,.])(?:19|20)\d\d(?![\d,])")


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


# A figure set against one of an earlier period: "compared with 27,000 in 2023", "up from 38,000 last year",
# "down from about 410 a year earlier". The words before the figure compare; the words after it name the
# period (a year, or a year back from the publication year). "up from 40 on Tuesday" names no period: an
# earlier count of the same thing, which stays with it (a revision).
_COMPARING = re.compile(
    r"(?:\b(?:compared\s+(?:with|to)|(?:up|down|rising|falling|rose|fell|increased|decreased|climbed|dropped)"
    r"\s+from|as\s+against|against|versus|vs\.?|than)"
    rf"(?:\s+(?:{_ROUGHLY}|just|over|under|more|fewer|less|than|the|a|an))*\s*)$",
    re.IGNORECASE,
)
_PERIOD_AFTER = re.compile(
    r"(?:%|\s*per\s?cent\b)?(?:\s+[A-Za-z][\w'’-]*){0,5}?,?\s+(?:(?:in|during|for)\s+(?P<year>(?:19|20)\d\d)(?![\d,])"
    r"|(?P<back>last\s+year|a\s+year\s+(?:earlier|ago|before)|the\s+(?:previous|prior|year)\s+(?:year|before)"
    r"|(?:in|over)\s+the\s+same\s+(?:period|month|quarter|week)\s+(?:of\s+)?(?:last|a|the\s+previous)\s+year))\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=1 << 14)
def compared_year(sentence: str, value: float, current: int | None) -> int | None:
    """The earlier year of a figure its sentence sets against one of another period, when before
    ``current`` (the publication year): "30,000 marched, compared with 27,000 in 2023" gives 2023 for the
    27,000 only; "up from 38,000 last year" gives the year before ``current``.

    >>> s = "Police counted 30,000, compared with 27,000 in 2023."
    >>> compared_year(s, 27000.0, 2025), compared_year(s, 30000.0, 2025)
    (2023, None)
    >>> compared_year("The toll rose to 52, up from 40 on Tuesday.", 40.0, 2025) is None
    True
    >>> compared_year("Sales reached 4.1 million, up from 3.9 million a year earlier.", 3.9e6, 2025)
    2024
    >>> compared_year("Turnout was 63.8%, up from 52.1% in the previous election in 2021.", 52.1, 2025)
    2021
    >>> compared_year("Visitors rose to 1.5m from 1.2m last year.", 1.2e6, 2025)
    2024
    """
    span = _figure_span(sentence, value) if current is not None else None
    if current is None or span is None or not _compared(sentence, span[0]):
        return None
    match = _PERIOD_AFTER.match(sentence, span[1])
    if match is None:
        return None
    year = int(match.group("year")) if match.group("year") else current - 1
    return year if year < current else None


def _compared(sentence: str, start: int) -> bool:
    """The words before a figure set it against another: "compared with", "up from", or a bare "from"
    that a verb of change before it makes the starting point ("rose to 1.5m from 1.2m")."""
    before = sentence[max(0, start - 60) : start]
    if _COMPARING.search(before) is not None:
        return True
    origin = _FROM_BEFORE.search(sentence, max(0, start - 60), start)
    if origin is None:
        return False
    # the verb must govern the "from": in its clause ("Prices fell sharply, and buyers from 40 ..." is not)
    low = max(0, origin.start() - 80)
    clause = max((m.end() for m in _CLAUSE_BREAK.finditer(sentence, low, origin.start())), default=low)
    return _CHANGE.search(sentence, clause, origin.start()) is not None


def _figure_span(sentence: str, value: float) -> tuple[int, int] | None:
    """Where the figure ``value`` stands in ``sentence`` as written (start, end), or None."""
    for written in _written(value):
        at = _standing(sentence, written)
        if at >= 0:
            return at, at + len(written)
    return None


# The figure a change starts from: "rose to 52 from 40", "raising its count from an earlier 52".
_FROM_BEFORE = re.compile(
    rf"\bfrom(?:\s+(?:{_ROUGHLY}|just|the|its|their|his|her|an?|earlier|previous|"
    r"initial|first|figure|count|estimate|toll|tally|total|of))*\s+$",
    re.IGNORECASE,
)


# A verb of change before a bare "from", in its clause: the figure after "from" is where the change started
# (finite forms only: "Rising seas displaced families from 12 villages" compares nothing).
_CHANGE = re.compile(
    r"\b(?:rose|risen|fell|fallen|(?:increas|decreas|declin|surg|plung|climb|jump|soar)ed"
    r"|grew|grown|dropped|slid|sank|doubled|tripled|halved)\b",
    re.IGNORECASE,
)


_CLAUSE_BREAK = re.compile(r",(?!\d{3})|;")  # not the comma of "31,000"


_WEEKDAY = "|".join(sorted(WEEKDAYS))

# Words that tell of a figure changing, or of one said at another time: a verb of change ("rose", "revised",
# "dropped", "has reached"), a change noun ("an increase", "a correction"), a prior or later figure ("up
# from", "earlier", "initially", "had put", "now", "stood at", "by nightfall"), or a time of day ("By
# Tuesday night", "16:40", "at 4 pm"). Without any of them, figures one speaker gives in one sentence are
# said at once (a list, a part and its whole, two counts of two things), and none revises another.
_TELLS_CHANGE = re.compile(
    r"\b(?:ris(?:e|es|en|ing)|rose|f[ae]ll(?:s|en|ing)?|(?:increas|decreas|declin|surg|plung|climb|jump|soar"
    r"|revis|updat|lower|reduc|correct|adjust|rais|doubl|tripl|halv|upgrad|downgrad|chang|amend|swell|balloon"
    r"|spik|mount|reach)(?:e|es|ed|ing|s|ion|ions)?|number(?:ed|ing)|st(?:and|ands|ood)\s+at|grew|grow(?:s|n|ing)?"
    r"|cut(?:s|ting)?"
    r"|slid|sank|upped|drop(?:s|ped|ping)?|dip(?:s|ped|ping)?|top(?:s|ped|ping)?|hit(?:s|ting)?"
    r"|up(?:ward)?s?|down(?:ward)?s?|from\s+(?:\S+\s+){0,2}?\S*\d\S*\s+to|earlier|initial(?:ly)?|original(?:ly)?|previous(?:ly)?|prior|first"
    r"|later|now|new|latest|before|still|remain(?:s|ed)?"
    r"|by\s+(?:then|(?:the\s+)?(?:nightfall|evening|night|noon|midday|dawn|dusk|afternoon|morning|end)"
    rf"|(?:{_WEEKDAY})(?:\s+(?:morning|afternoon|evening|night))?)"
    r"|\d{1,2}:\d{2}|\d{1,2}(?:[.:]\d{2})?\s*[ap]\.?m\b\.?"
    r"|had\s+(?:been|said|put|given|reported|estimated|counted|announced|stated|claimed)|then|since"
    r"|subsequently|again|instead|rather)\b",
    re.IGNORECASE,
)
# Two days named in one sentence tell two moments: "12 on Monday and 31 on Wednesday".
_DAY_NAMES = re.compile(
    rf"\b(?:{_WEEKDAY}|yesterday|today|tonight"
    r"|(?:this|last|in\s+the)\s+(?:morning|afternoon|evening|night))\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=1 << 14)
def tells_change(sentence: str) -> bool:
    """Whether a sentence tells of a figure changing or said at another time (:data:`_TELLS_CHANGE`).

    >>> tells_change("The toll rose to 52 from 40, the agency said.")
    True
    >>> tells_change("The party won 116 seats, its rival 63 and the third 43, the commission said.")
    False
    >>> tells_change("The ministry put the toll at 12 on Monday and at 31 on Wednesday.")  # two moments
    True
    """
    if _TELLS_CHANGE.search(sentence) is not None:
        return True
    return len({m.group().lower() for m in _DAY_NAMES.finditer(sentence)}) > 1


@lru_cache(maxsize=1 << 14)
def prior_figure(sentence: str, value: float) -> bool:
    """The figure is the one a change in its sentence starts from, said before the others of its sentence.

    >>> s = "The toll rose to 52 from 40, the agency said."
    >>> prior_figure(s, 40.0), prior_figure(s, 52.0)
    (True, False)
    >>> prior_figure("It raised its count from an earlier 52 to 58.", 52.0)
    True
    """
    span = _figure_span(sentence, value)
    return span is not None and _FROM_BEFORE.search(sentence, max(0, span[0] - 60), span[0]) is not None


# A figure added to an earlier one: "another 40,000 marched", "a further 12 bodies", "an additional 300".
_INCREMENT_BEFORE = re.compile(
    r"\b(?P<word>another|a\s+further|an\s+additional|an\s+extra)"
    rf"(?:\s+(?:{_ROUGHLY}|estimated|over|more\s+than|at\s+least))*\s+$",
    re.IGNORECASE,
)


@lru_cache(maxsize=1 << 14)
def increment_word(sentence: str, value: float) -> str | None:
    """The word that makes the figure an increment on another ("another 40,000"), if any.

    >>> s = "Police counted 38,000, and another 40,000 marched in other cities."
    >>> increment_word(s, 40000.0), increment_word(s, 38000.0)
    ('another', None)
    """
    span = _figure_span(sentence, value)
    match = _INCREMENT_BEFORE.search(sentence, max(0, span[0] - 40), span[0]) if span else None
    return None if match is None else " ".join(match.group("word").lower().split())


def _closing_year(sentence: str) -> re.Match[str] | None:
    """The year that closes a sentence of one clause with one figure just before it (:data:`_YEAR_CLOSING`)."""
    if _OTHER_CLAUSE.search(sentence):
        return None
    match = _YEAR_CLOSING.search(sentence, max(0, len(sentence) - 80))
    if match is None or _DIGIT.search(sentence, 0, match.start("figure")):
        return None  # another figure earlier in the sentence: the year may be only the last one's
    return match


def earlier_year(sentence: str, current: int | None) -> int | None:
    """The year a sentence sets at its front, or closes it with (one figure, one clause), when it is
    before ``current`` (the publication year).

    "In 2019, police counted 27,000" in a 2025 article counts the 2019 event, not this year's.

    >>> earlier_year("In 2025, police counted 27,000.", 2025) is None
    True
    """
    if current is None:
        return None
    back = _FRONTED_BACK.match(sentence)
    if back is not None:
        n = back.group("n")
        return current - (int(n) if n and n.isdigit() else _SMALL.get((n or "").lower(), 1))
    match = (
        _FRONTED_YEAR.match(sentence)
        or _YEAR_SUBJECT.match(sentence)
        or _YEAR_WHEN.search(sentence)
        or _YEAR_ASIDE.search(sentence)
        or _closing_year(sentence)
    )
    if match is None:
        return None
    year = int(match.group("year")) if match.group("year") else current - 1  # "... killed 12 last year."
    return year if year < current else None


# Where one clause of a sentence ends: a comma that is no thousands separator, a semicolon, a dash, or
# a conjunction that sets one figure against another ("..., while the union said ...").
_CLAUSE_END = re.compile(r",(?!\d{3})|[;:()—–]|\s(?:while|whereas|but|against)\s")


_AND = re.compile(r"\sand\s")
_DIGIT = re.compile(r"\d")
# "and" joins two clauses when a verb stands between it and the figure after it: "found 27 bodies and are
# still searching for 41"; only qualifiers and determiners there join two counts of one clause: "40
# people and 12 officers were hurt", "between 20 and 30", "and some 12".
_JOINS_COUNTS = re.compile(
    rf"(?:\s+(?:{_ROUGHLY}|over|more|than|at|least|up|to|as|many|much|the|a|an|"
    r"another|a further|further|its|their|his|her))*\s*",
    re.IGNORECASE,
)


def figure_clause(sentence: str, value: float) -> str | None:
    """The clause of ``sentence`` that holds the figure ``value``, found by its digits; None if not found.

    Two figures joined by "and" in one clause each keep their own side of it: "found 27 bodies and
    are still searching for 41 people".

    >>> figure_clause("Boats carried 213 people, the navy said, but 30 were missing.", 213.0)
    'Boats carried 213 people'
    >>> figure_clause("It killed 19 people and drove 310,000 from their homes.", 310000.0)
    'drove 310,000 from their homes.'
    >>> figure_clause("Thirty were missing.", 30.0) is None
    True
    """
    for written in _written(value):
        at = _standing(sentence, written)
        if at < 0:
            continue
        end_at = at + len(written)
        start = max((m.end() for m in _CLAUSE_END.finditer(sentence, 0, at)), default=0)
        after = _CLAUSE_END.search(sentence, end_at)
        end = after.start() if after else len(sentence)
        before = [m.end() for m in _DIGIT.finditer(sentence, start, at)]
        if before:  # another figure earlier in the clause: start after the last "and" of two clauses
            joints = [m for m in _AND.finditer(sentence, before[-1], at) if _clauses_joined(sentence, m, at)]
            start = joints[-1].end() if joints else start
        later = _DIGIT.search(sentence, end_at, end)
        if later is not None:  # ... and end before the first such "and" before the next figure
            joint = next(
                (
                    m
                    for m in _AND.finditer(sentence, end_at, later.start())
                    if _clauses_joined(sentence, m, later.start())
                ),
                None,
            )
            end = joint.start() if joint else end
        return sentence[start:end].strip()
    return None


def _clauses_joined(sentence: str, joint: re.Match[str], figure: int) -> bool:
    """Whether the "and" at ``joint`` joins two clauses: words other than qualifiers stand between it
    and the figure at ``figure``."""
    return _JOINS_COUNTS.fullmatch(sentence, joint.end() - 1, figure) is None


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
