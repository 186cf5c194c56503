"""What a figure counts: the words of the sentence that name the counted thing.

>>> item_for("approximately 1,500 North Korean special forces were deployed to Russia this month.", 14, 19)
'North Korean special forces deployed to Russia'
>>> item_for("The toll now stands at 87, officials said.", 23, 25)
'toll'
"""

from __future__ import annotations

import re
from bisect import bisect_left

from analyzer.extract.vocab import REPORTING_FORMS
from analyzer.patterns import guarded

_BOUNDARY_RE = guarded(r",;:!?()\"“”—–.\s", r"[,;:!?()\"“”—–]|\.(?:\s|$)|\s-\s")
_STOP_WORDS = frozenset(
    [
        "once",
        "until",
        "unless",
        "that",
        "which",
        "who",
        "whom",
        "whose",
        "according",
        "said",
        "says",
        "say",
        "told",
        "tells",
        "reported",
        "reports",
        "stated",
        "claimed",
        "added",
        "noted",
        "as",
        "but",
        "because",
        "while",
        "since",
        "when",
        "after",
        "before",
        "amid",
        "despite",
        "although",
        "though",
        "if",
        "than",
        "and",
        "or",
        "so",
        "where",
        "whereas",
        "unless",
        "until",
        "per",
        "citing",
        "quoting",
        "officials",
    ]
)
_DROP_WORDS = frozenset(
    [
        "nationwide",
        "worldwide",
        "countrywide",
        "overall",
        "altogether",
        "were",
        "was",
        "are",
        "is",
        "been",
        "being",
        "be",
        "have",
        "has",
        "had",
        "will",
        "would",
        "could",
        "may",
        "might",
        "reportedly",
        "already",
        "now",
        "either",
        "still",
        "currently",
        "also",
        "allegedly",
        "apparently",
        "all",
        "some",
        "each",
        "apiece",
        "only",
        "just",
        "nearly",
        "about",
        "around",
        "roughly",
        "approximately",
        "almost",
        "estimated",
        "reported",
        "believed",
        "thought",
        "said",
    ]
)
_TIME_RE = guarded(
    "tlneobsiufdy",
    r"\b(?:this|last|next|that|earlier\s+this|later\s+this)\s+(?:month|week|year|morning|evening|weekend)\b|"
    r"\b(?:on|by|since|in|until|from)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?(?:\s+\d{1,2})?(?:,?\s+\d{4})?"
    r"(?:\s+(?:night|morning|afternoon|evening))?\b|"
    r"\b(?:in|since|by|during)\s+(?:early|mid|late)?-?\s*(?:19|20)\d\d\b|"
    r"\b(?:yesterday|today|tonight|overnight|so\s+far|to\s+date)\b",
    re.IGNORECASE,
)
_CHANGE_VERBS = (
    r"(?:stands?|stood|standing|rises?|rose|risen|rising|climb(?:s|ed|ing)?|jump(?:s|ed|ing)?|falls?|fell|fallen|"
    r"drop(?:s|ped|ping)?|reach(?:es|ed|ing)?|hit(?:s|ting)?|top(?:s|ped|ping)?|pass(?:es|ed|ing)?|"
    r"exceed(?:s|ed|ing)?|surpass(?:es|ed|ing)?|total(?:s|l?ed|l?ing)?|number(?:s|ed|ing)?|grew|grows?|grown|"
    r"increas(?:es|ed|ing)|decreas(?:es|ed|ing)|shot|soar(?:s|ed|ing)?|surg(?:es|ed|ing)|"
    r"was|were|is|are|came|went|comes?|goes)"
)
_BEFORE_RE = re.compile(
    r"(?:the\s+|a\s+|its\s+|their\s+)?(?P<noun>[A-Za-z][\w\-]*(?:\s+of\s+(?:the\s+)?[A-Za-z][\w\-]*)?)\s+"
    # "the number of dengue cases this year to 20,878": the time the count covers is no item
    r"(?:(?:so\s+far\s+)?(?:this|last)\s+(?:year|month|week|season)\s+(?=to\s*$))?"
    r"(?:\w+ly\s+)?(?:(?:could|may|might|will|would|has|have|had)\s+(?:be\s+|been\s+)?)?"
    r"(?:(?:now\s+)?" + _CHANGE_VERBS + r"(?:\s+(?:(?:up\s+|down\s+)?to|at|above|over|below|past|beyond))?"
    r"|at|of|(?:up\s+|down\s+)?to)\s*$",
    re.IGNORECASE,
)
# "The death toll from this week's floods in the province rose to 58": the toll, not the province
_TOLL_RE = guarded(
    "dcotn",
    r"\b(?P<noun>(?:death\s+|casualty\s+|official\s+|overall\s+)?(?:toll|tally)|"
    r"(?:number|count|total)\s+of\s+(?:the\s+)?[A-Za-z][\w\-]*(?:\s+[a-z][\w\-]*)?)\b[^,;:.]{0,80}?\b"
    + _CHANGE_VERBS
    + r"\b[^,;:.]{0,20}$",
    re.IGNORECASE,
)
_PUT_NUMBER_RE = re.compile(
    r"\b(?:put|puts|putting|placed|places|estimated|estimates|set|sets)\s+the\s+"
    r"(?P<noun>(?:number|count|total)\s+of\s+(?:[a-z][\w\-]*\s+){0,3}?[a-z][\w\-]*)"
    r"(?:\s+(?:in|at|during|on|from|across|since|after|near)\b[^,;:.]{0,80}?)?\s+at\s*$",
    re.IGNORECASE,
)
# Every match of _TOLL_RE holds one of these words; the last word of a match of _BEFORE_RE is one of these.
_TOLL_WORDS = ("toll", "tally", "number", "count", "total")
_BEFORE_LAST_RE = re.compile(_CHANGE_VERBS + r"|to|at|above|over|below|past|beyond|of", re.IGNORECASE)
_DERIVED_TAIL_RE = re.compile(
    r"\d[\d,.]*\s+(?P<noun>[A-Za-z][\w\- ]*?)\s+(?:each|apiece|per\s+\w+)\s*$", re.IGNORECASE
)
_WORD_RE = re.compile(r"[A-Za-z][\w'’\-]*")
_MAX_WORDS = 9
_PREDICATE_STARTS = frozenset(
    {"a", "an", "the", "this", "that", "its", "their", "his", "her", "our", "no", "not"}
)
_COPULAS = frozenset({"is", "are", "was", "were", "be", "been", "has", "have", "had"})
_IN_RE = re.compile(r"^\s+(?:in|for|of|worth\s+of)\s+", re.IGNORECASE)
_OF_RE = re.compile(r"^\s+of\s+(?:the\s+|its\s+|their\s+)?", re.IGNORECASE)
# "rose 90 per cent year-on-year": the period a change is measured over, no item (and no duration)
_PERIOD_ON_PERIOD_RE = re.compile(
    r"^\s+(?:year|month|week|quarter|day)[\s-]+(?:on|over|to)[\s-]+(?:year|month|week|quarter|day)\b",
    re.IGNORECASE,
)
# "12 of the 33 trapped miners had been rescued": the figure after "of the" is the whole, and what the
# sentence goes on to say of it ("had been rescued") is said of the part.
_WHOLE_AFTER_RE = re.compile(r"\bof\s+(?:the|its|their|our|his|her|these|those)\s+$", re.IGNORECASE)
# ... and the part counts the whole's things of which that is said: "12" counts "trapped miners rescued"
_PART_OF_RE = re.compile(
    r"\s+of\s+(?:the|its|their|our|his|her|these|those)\s+\d[\d,.]*(?:\s+(?:thousand|million|billion))?\b",
    re.IGNORECASE,
)
# "four of the workers": the group a small count is taken from, named by a word (not a figure)
_OF_GROUP_RE = re.compile(
    r"\s+of\s+(?:the|its|their|our|his|her|these|those)(?=\s+[a-z])"
    r"(?!\s+(?:two|three|four|five|six|seven|eight|nine|ten)\b)",  # "two of the three": the whole is a figure
    re.IGNORECASE,
)
_GENERIC_NOUNS = frozenset(
    {"figure", "number", "total", "count", "tally", "it", "that", "this", "estimate", "amount"}
)


def item_for(
    sentence: str, start: int, end: int, figure_text: str = "", derived: bool = False, unit: str | None = None
) -> str | None:
    """The phrase a figure at [start, end) of the sentence counts, or None when the text does not say."""
    if derived:
        m = _DERIVED_TAIL_RE.search(figure_text or sentence[start:end])
        if m:
            return m.group("noun").strip()
    rest = sentence[end : end + 200]
    if rest[1:2] in "ymwqdYMWQD":
        rest = _PERIOD_ON_PERIOD_RE.sub("", rest, count=1)
    if unit == "%":
        rest = _OF_RE.sub("", rest, count=1)  # "35 percent of teachers": a share of the teachers
    if unit and unit != "%":
        rest = _IN_RE.sub("", rest, count=1)  # "$15 million in emergency aid"
    whole = _WHOLE_AFTER_RE.search(sentence, max(0, start - 20), start) is not None
    part = _PART_OF_RE.match(rest) if not unit else None
    group = None
    if part is None and not unit and rest[:4] == " of " and _OF_THEM_RE.match(rest):
        part = _OF_THEM_RE.match(rest)
    if part is not None:
        rest = rest[part.end() :]
    elif not unit and rest[:4] == " of " and (group := _OF_GROUP_RE.match(rest)) is not None:
        rest, whole = rest[group.end() :], True  # "Four of the workers are in the basement": workers
    after = _phrase_after(rest, noun_only=whole)
    if after is None and group is not None:
        after = _phrase_after(rest)  # "Two of the workers died": workers died
    if after:
        return after
    lead = sentence[max(0, start - 160) : start]
    low = lead.lower()  # these words hold no "i", "s" or "k", whose odd cases str.lower() and re differ on
    put = _PUT_NUMBER_RE.search(lead) if " at" in low and any(w in low for w in _TOLL_WORDS) else None
    if put:  # "put the number of people arrested during the protests at 297": the number of people arrested
        return " ".join(put.group("noun").split())
    toll = _TOLL_RE.search(lead) if any(w in low for w in _TOLL_WORDS) else None
    if toll:
        return " ".join(toll.group("noun").split())
    words = lead[-120:].split()
    before = _BEFORE_RE.search(lead[-120:]) if words and _BEFORE_LAST_RE.fullmatch(words[-1]) else None
    if before:
        noun = before.group("noun")
        low = noun.lower()
        if (
            low not in _STOP_WORDS
            and low not in _DROP_WORDS
            and low not in _GENERIC_NOUNS
            and low.split()[0] not in REPORTING_FORMS
        ):
            return noun
    return None


def fill_from_siblings(
    items: list[str | None], units: list[str | None], own_verbs: list[bool] | None = None
) -> list[str | None]:
    """A figure that names nothing takes the item of the nearest figure of its sentence with the same unit.

    "42,000 people marched, the police said; for the organisers it was 150,000": both count people. Not a
    figure with a verb of its own (``own_verbs``, see :func:`has_own_verb`): "killed 19 people and driven
    310,000 from their homes" counts no people driven.

    >>> fill_from_siblings(["people marched", None], [None, None])
    ['people marched', 'people marched']
    >>> fill_from_siblings(["people", None], [None, None], [False, True])
    ['people', None]
    >>> fill_from_siblings([None, "others from a second family"], [None, None])
    [None, 'others from a second family']
    """
    out = list(items)
    # the figures that can lend an item, by unit, in order ("eight were from one family, and four others
    # from a second": the others are not the eight): the nearest is found by bisection, so a list of
    # thousands of bare numbers stays linear
    lenders: dict[str | None, list[int]] = {}
    for j, other in enumerate(items):
        if other is not None and not other.startswith("others"):
            lenders.setdefault(units[j], []).append(j)
    for i, item in enumerate(items):
        if item is not None or (own_verbs is not None and own_verbs[i]):
            continue
        near = lenders.get(units[i])
        if not near:
            continue
        k = bisect_left(near, i)  # near[k] is the first lender after i (i itself lends nothing)
        # the nearer one; on a tie the one before
        if k == len(near) or (k > 0 and i - near[k - 1] <= near[k] - i):
            k -= 1
        out[i] = items[near[k]]
    return out


# "and four in Ternia": an elliptical conjunct's own phrase, a preposition and what follows it up to a boundary
_ELLIPTIC_PP_RE = re.compile(
    r"[^\S\n]+(?P<prep>in|to|at|from|on)[^\S\n]+(?P<rest>[^\s,;:.!?()\"“”]+(?:[^\S\n]+[^\s,;:.!?()\"“”]+){0,5})"
    r"(?=[^\S\n]*(?:[,;:.!?)\"“”]|$))"
)
_AND_BEFORE_RE = re.compile(r"\band[^\S\n]+$")


def elliptical_item(sentence: str, start: int, end: int, sibling: str) -> str | None:
    """The item of an elliptical conjunct ("15 died in Corvale and four in Ternia"): the sibling's verb with
    the conjunct's own phrase; None when the figure is no such conjunct or the sibling has no such phrase.

    >>> s = "The ministry said 15 died in Corvale state and four in Ternia."
    >>> elliptical_item(s, s.index("four"), s.index("four") + 4, "died in Corvale state")
    'died in Ternia'
    >>> elliptical_item(s, s.index("15"), s.index("15") + 2, "died in Corvale state") is None
    True
    """
    if _AND_BEFORE_RE.search(sentence, max(0, start - 6), start) is None:
        return None
    m = _ELLIPTIC_PP_RE.match(sentence, end)
    if m is None:
        return None
    head, sep, _ = sibling.partition(f" {m.group('prep')} ")
    return f"{head} {m.group('prep')} {m.group('rest')}" if sep and head else None


# "... and driven more than": a second clause's own verb before a figure, after "and"
_OWN_VERB_BEFORE_RE = re.compile(
    r"\band\s+(?:has\s+|have\s+|had\s+|was\s+|were\s+)?(?:[a-z]+ed|driven|taken|given|seen|stolen|broken|drove"
    r"|left|sent|took|made|gave|saw|brought|kept|put|cut|lost|sold|paid|built|found|held)\s+(?:[a-z]+\s+){0,3}$"
)


def has_own_verb(sentence: str, prev_end: int, start: int) -> bool:
    """Whether the figure at ``start`` follows "and" and a verb of its own clause since the figure before it
    (ending at ``prev_end``): "killed 19 people and driven more than 310,000".

    >>> s = "It killed 19 people and driven more than 310,000 from their homes."
    >>> has_own_verb(s, 12, s.index("310")), has_own_verb("40 dead and 12 injured", 2, 12)
    (True, False)
    """
    return "and" in sentence[prev_end:start] and bool(
        _OWN_VERB_BEFORE_RE.search(sentence, max(prev_end, start - 60), start)
    )


_TIME_WORDS = frozenset(
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "morning",
        "afternoon",
        "evening",
        "night",
        "overnight",
        "today",
        "yesterday",
        "tonight",
        "weekend",
    ]
)
# "out of 17,000 voters, 13,400 of them turned up": what follows "of them" is said of the part
_OF_THEM_RE = re.compile(r"\s+of\s+(?:them|those|these)\b(?!\s+(?:were|are|was|is)\b)", re.IGNORECASE)


def _phrase_after(text: str, *, noun_only: bool = False) -> str | None:
    """The words after a figure that say what it counts, up to a boundary; with ``noun_only``, only
    the noun phrase (a copula or auxiliary ends it: what follows is said of another figure)."""
    cut = _BOUNDARY_RE.search(text)
    if cut:
        text = text[: cut.start()]
    text = _TIME_RE.sub(" ", text)
    words: list[str] = []
    found = _WORD_RE.findall(text)
    for i, w in enumerate(found):
        low = w.lower()
        if low in _STOP_WORDS or low in _TIME_WORDS:
            break  # "marched Sunday evening": a time, not what is counted
        if low in _COPULAS:
            if noun_only:
                break
            following = found[i + 1].lower() if i + 1 < len(found) else ""
            if following in _PREDICATE_STARTS:
                break  # "150,000 people is a message": the predicate says nothing of what is counted
            continue
        if low in _DROP_WORDS:
            continue
        if low.isdigit():
            break
        words.append(w)
        if len(words) >= _MAX_WORDS:
            break
    while words and words[-1].lower() in {
        "the",
        "a",
        "an",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "by",
        "with",
        "from",
    }:
        words.pop()
    if words and words[0].lower() in {
        "of",
        "at",
        "to",
        "in",
        "on",
        "for",
        "by",
        "from",
        "with",
        "a",
        "an",
        "it",
        "they",
        "he",
        "she",
        "we",
        "i",
    }:
        return None
    return " ".join(words) or None
