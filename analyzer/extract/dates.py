"""Date expressions in news text, resolved against the publication date.

:func:`find_dates` finds every time expression of a text, in text order:

* absolute dates: "October 13", "Oct. 13, 2024", "13 October", "the 13th of
  October", "2024-10-21", "13/10", "13/10/2024" (day first unless told
  otherwise; always day first when the first field is over 12);
* relative days: weekdays ("on Friday" is the most recent Friday on or
  before ``published``; "last Friday" strictly before; "this"/"next Friday"
  after), "yesterday", "today", "tonight", "this morning", "the day before",
  "two days ago", "on the 13th";
* vague times, found so the caller knows one is there, with ``vague=True``
  and no value: "in October", "earlier this month", "last week",
  "recently", "in recent days", "this year", "in early October", "in 2019";
* anaphoric days ("the same day", "that day"), with no value and
  ``vague=False``: :func:`is_same_day_reference` tells them apart so the
  caller can give them the date of the statement before.

A mention covers the whole time phrase, its preposition included ("on
Friday", "in early October"). A date without a year takes the year of
``published``, or the year before when that would put it more than
:data:`FUTURE_SLACK_DAYS` days after ``published``. Without ``published``,
only dates that carry their year resolve.

Month names must be capitalised and come with a day, a year or a time
preposition, so "may escalate" and "the march drew" are not dates; clock
times ("at 10:30", "4:40 PM") are not dates.

>>> from datetime import date
>>> [(m.text, m.value) for m in find_dates("Officials said on Friday that 12 died.", date(2024, 10, 21))]
[('on Friday', datetime.date(2024, 10, 18))]
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta

from analyzer.models import DateMention
from analyzer.patterns import prefixed

__all__ = [
    "FUTURE_SLACK_DAYS",
    "find_dates",
    "infer_year",
    "is_future_context",
    "is_same_day_reference",
    "parse_date_text",
    "resolve_weekday",
]

FUTURE_SLACK_DAYS = 31
"""A year-less date may lie this many days after ``published`` before it is taken from the year before."""

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_MONTH_ABBREVIATIONS = {"Sept": 9, "Sep": 9, "Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7}
_MONTH_ABBREVIATIONS |= {"Aug": 8, "Oct": 10, "Nov": 11, "Dec": 12}
_MONTH_NUMBER = {name.lower(): i for i, name in enumerate(MONTHS, 1)}
_MONTH_NUMBER |= {abbr.lower(): n for abbr, n in _MONTH_ABBREVIATIONS.items()}
_WEEKDAY_NUMBER = {name.lower(): i for i, name in enumerate(WEEKDAYS)}
_SMALL_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_SMALL_NUMBERS |= {"seven": 7, "eight": 8, "nine": 9, "ten": 10}


_S = r"[^\S\n]+"  # white space within a line
_WD = "(?:" + "|".join(WEEKDAYS) + r")\b"
_MONTH_FULL = "(?:" + "|".join(MONTHS) + r")\b"
_MONTH = rf"(?:(?:{'|'.join(MONTHS)})\b|(?:{'|'.join(_MONTH_ABBREVIATIONS)})\b\.?)(?![\w-])"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\w)(?![.,:/]\d)"
_YEAR = r"(?:1[89]\d\d|20\d\d)(?!\w|[,.]\d)"
_ORDINAL_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)"
_COUNT = "(?:[1-9]\\d?|" + "|".join(sorted(_SMALL_NUMBERS, key=len, reverse=True)) + ")"
_PART = r"(?:morning|afternoon|evening|night)"
_PREP = r"(?:in|since|until|till|through|throughout|during|from|before|after)"
_SPAN_OF = rf"(?:the{_S})?(?:end|start|beginning|middle){_S}of"

# One pass finds every kind of mention; the outer named group says which.
# Compiled without regard to case; capitalised month names are checked after.
_DATE_PATTERN = re.compile(
    rf"""
    \b(?:
      (?P<md>(?:on{_S})?(?:{_WD},?{_S})?(?P<md_month>{_MONTH}){_S}(?:the{_S})?(?P<md_day>{_DAY})
          (?:[-–](?:3[01]|[12]\d|0?[1-9])\b)?(?:,?{_S}(?P<md_year>{_YEAR}))?)
    | (?P<dm>(?:on{_S})?(?:{_WD},?{_S})?(?:the{_S})?(?P<dm_day>{_DAY})(?:[-–]{_DAY})?{_S}(?:of{_S})?
          (?P<dm_month>{_MONTH})(?:,?{_S}(?P<dm_year>{_YEAR}))?)
    | (?P<iso>(?:on{_S})?(?<![/.\-:])(?P<iso_year>(?:1[89]|20)\d\d)(?P<iso_sep>[-/.])
          (?P<iso_month>1[0-2]|0?[1-9])(?P=iso_sep)(?P<iso_day>3[01]|[12]\d|0?[1-9])(?![\w/]|[.\-:]\d))
    | (?P<num>(?:on{_S})?(?<![/.\-:,])(?!(?:24/7|9/11|7/7)(?![/\d]))(?P<num_a>[0-3]?\d)
          (?:(?P<num_sep>[.\-])(?P<num_b>[0-3]?\d)(?P=num_sep)(?P<num_year>\d{{4}}|\d\d)
            |/(?P<slash_b>[0-3]?\d)(?:/(?P<slash_year>\d{{4}}|\d\d))?)
          (?![\w/]|[.\-:,]\d)(?!{_S}of\b))
    | (?P<anaphor>(?:(?:later|earlier){_S}(?:in{_S}the|that)|(?:on{_S})?(?:the{_S}same|that{_S}same|that))
          {_S}(?:day|{_PART})(?![\w-]))
    | (?P<wd>(?:on{_S})?(?:(?P<wd_rel>this{_S}past|this{_S}coming|last|this|next|past|coming|early|late)
          {_S})?(?:on{_S})?(?P<wd_name>{_WD})(?:{_S}{_PART}\b)?)
    | (?P<rel>(?P<rel_word>the{_S}day{_S}before{_S}yesterday|(?:earlier|later){_S}today|yesterday|today
          |tonight|tomorrow|this{_S}{_PART}|last{_S}night)\b(?:{_S}{_PART}\b)?)
    | (?P<prev>the{_S}(?:day{_S}before|previous{_S}day|preceding{_S}day|day{_S}prior)\b
          (?!{_S}(?!that\b)[\w(]))
    | (?P<ago>(?P<ago_n>{_COUNT}){_S}days?{_S}ago\b)
    | (?P<nth>(?:(?P<nth_prep>on|since|until|till|from|by){_S})?the{_S}(?P<nth_day>{_ORDINAL_DAY})\b
          (?P<nth_tail>{_S}of{_S}(?:this|the){_S}month\b)?)
    | (?P<vague>
        (?:(?:{_PREP}|(?:earlier|later){_S}in|last|this|next|at{_S}{_SPAN_OF}|{_SPAN_OF}){_S}
            (?:(?:early|late|{_SPAN_OF}){_S}|mid-)?
          |(?:early|late){_S}|mid-)
          (?P<vm_month>{_MONTH_FULL})(?!\.?{_S}(?:3[01]|[12]\d|0?[1-9])(?!\d))(?:,?{_S}{_YEAR})?
      | (?P<vy_month>{_MONTH_FULL}),?{_S}{_YEAR}
      | (?:(?:earlier|later|early|late){_S})?(?:this{_S}past|this|last|next|past){_S}(?:weekend|week|month|year)\b
      | (?:over|during|at|on){_S}the{_S}(?:past{_S})?weekend\b
      | (?:earlier|later){_S}in{_S}the{_S}(?:week|month|year)\b
      | in{_S}recent{_S}(?:days|weeks|months|years)\b
      | in{_S}the{_S}(?:coming|next){_S}(?:few{_S})?(?:days|weeks|months)\b
      | in{_S}the{_S}(?:past|last){_S}(?:(?:few|couple{_S}of|several|{_COUNT}){_S})?(?:days?|weeks?|months?|years?)\b
      | (?:(?:a{_S}few|several|some|a{_S}couple{_S}of|{_COUNT}){_S})?(?:weeks?|months?|years?){_S}ago\b
      | (?:(?:a{_S}few|several|some|a{_S}couple{_S}of){_S})?days{_S}ago\b
      | (?:the{_S})?(?:following|next){_S}day\b
      | recently\b|lately\b
      | (?:(?:{_PREP}|by){_S}(?:(?:early|late){_S}|mid-)?|(?:early|late){_S}|mid-)(?:1[89]\d\d|20\d\d)(?!\w|[,.]\d)
    ))""",
    re.VERBOSE | re.IGNORECASE,
)
_Trie = dict[str, "_Trie"]


def _trie_pattern(words: set[str]) -> str:
    """A regex alternation of ``words`` factored by common prefixes (fast to scan with)."""
    trie: _Trie = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: _Trie) -> str:
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        if len(branches) == 1 and "" not in node:
            return branches[0]
        body = "(?:" + "|".join(branches) + ")"
        return body + "?" if "" in node else body

    return build(trie)


def _anchor_words() -> set[str]:
    forms: set[str] = set()
    for month in (*MONTHS, *_MONTH_ABBREVIATIONS):
        forms |= {month, month.upper()}
    core = "yesterday today tonight tomorrow morning afternoon evening night day days week weeks weekend"
    core += " month months year years recently lately"
    for word in (*WEEKDAYS, *core.split()):
        forms |= {word.lower(), word.capitalize(), word.upper()}
    return forms


# A number starts a mention only in one of these shapes: a day before a
# month, a numeric date, a year, an ordinal day, a count of days or weeks.
_NUMBER_HINT = r"""(?:\d\d?(?:st|nd|rd|th)?(?:[-–]\d\d?(?:st|nd|rd|th)?)?[^\S\n]+(?:of[^\S\n]+)?[A-Z]
    | \d\d?/\d\d?(?:/\d\d(?:\d\d)?)?(?![/\d])
    | \d\d?(?:\.\d\d?\.|-\d\d?-)\d\d(?:\d\d)?(?!\d)
    | (?:1[89]|20)\d\d(?:-\d\d?-\d\d?|/\d\d?/\d\d?|\.\d\d?\.\d\d?)?(?!\d)
    | \d\d?(?:st|nd|rd|th)\b
    | \d\d?[^\S\n]+(?:days?|weeks?|months?|years?)\b)"""
_PREFIX_LIST = """on in since until till through throughout during from before after by at the of end start beginning
    middle early late earlier later last this next past coming that same previous preceding following
    recent over a an few several some couple one two three four five six seven eight nine ten"""
_MAX_PREFIX_WORDS = 6


def _cased(words: list[str]) -> set[str]:
    return {form for word in words for form in (word.lower(), word.capitalize(), word.upper())}


# Every mention holds an anchor: a month, a weekday, a time word or a number
# of the right shape, after at most a few time-phrase words ("in the past 3
# days"). Those words are read backwards from the anchor, on the reversed
# text, so the scan itself only looks for anchors.
_ANCHOR = prefixed(
    "".join(sorted({word[0] for word in _anchor_words()})) + r"\d",
    rf"\b(?:(?:{_trie_pattern(_anchor_words())})\b|(?={_NUMBER_HINT})\d)",
    re.VERBOSE,
)
_REVERSED_PREFIX = re.compile(
    rf"(?:[^\S\n]+(?:{_trie_pattern({w[::-1] for w in _cased(_PREFIX_LIST.split())})})\b|-dim\b|[^\S\n]+\d\d?\b)"
    rf"{{0,{_MAX_PREFIX_WORDS}}}"
)
# A month name with no time word before it starts a mention only before a day or a year.
_MONTH_FORMS = frozenset(f for m in (*MONTHS, *_MONTH_ABBREVIATIONS) for f in (m, m.upper()))
_MONTH_HINT = re.compile(r"\w+\.?,?[^\S\n]+(?:the[^\S\n]+)?\d")
_WORD_START = re.compile(r"\b\w")

_END_OF_CLAUSE = re.compile(r"[^\S\n]*(?:[,.;:!?)\]—–]|$)", re.MULTILINE)
_SPACE_BEFORE = re.compile(r"[^\S\n]*\Z")

_TIME = (
    r"(?:\d{1,2}(?:[:h.]\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:[^\S\n]*[ap]\.?m\.?)?|[^\S\n]*[ap]\.?m\.?)"
    r"(?:[^\S\n]*(?:Z|[+-]\d{2}(?::?\d{2})?|\(?[A-Z]{2,5}\)?))?)"
)
_WHOLE_DATE = re.compile(
    rf"""\s*(?:{_WD},?\s+)?(?:
      (?P<iso_y>\d{{4}})(?P<iso_sep>[-/.]?)(?P<iso_m>\d\d?)(?P=iso_sep)(?P<iso_d>\d\d?)
    | (?P<n_a>\d\d?)(?P<n_sep>[-/.])(?P<n_b>\d\d?)(?P=n_sep)(?P<n_y>\d{{4}}|\d\d)
    | (?P<md_month>{_MONTH})\s+(?P<md_day>\d\d?)(?:st|nd|rd|th)?,?\s+(?P<md_year>\d{{4}})
    | (?P<dm_day>\d\d?)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<dm_month>{_MONTH}),?\s+(?P<dm_year>\d{{4}})
    )(?:(?:T|,?\s+(?:at\s+)?|\s*[-–|]\s*){_TIME})?\s*""",
    re.VERBOSE | re.IGNORECASE,
)

_FUTURE_CUE = re.compile(
    r"\b(?:will|won['’]t|shall|(?:is|are|was|were|be|been)\s+(?:set|scheduled|slated|expected|due|poised|going"
    r"|planning|planned|to\s+be)\b|set\s+for|scheduled|slated|expected\s+(?:on|by|to|for)|due\s+(?:on|by|to|for)"
    r"|plans?\s+to|planned\s+(?:to|for)|planning\s+to|to\s+be\s+held|upcoming|ahead\s+of)\b|\w['’]ll\b",
    re.IGNORECASE,
)
_CLAUSE_BREAK = prefixed(
    ".;!?:\n—–,star",
    r"[.;!?:\n—–,]|\b(?:said|says|told|tells|announced|stated|added|reported|according)\b",
    re.IGNORECASE,
)
_FORWARD_CUE = re.compile(
    r",?(?:[^\S\n]+(?!(?:said|says|told|announced|reported|stated|added|that)\b)[\w’'-]+){0,3}?[^\S\n]+"
    + _FUTURE_CUE.pattern,
    re.IGNORECASE,
)
_CLAUSE_OPENING = re.compile(r"[\s\"“‘'(]*(?:(?:and|but|so|then|yet)[^\S\n]+)?\Z", re.IGNORECASE)
_FUTURE_MENTION = re.compile(
    r"\b(?:tomorrow|next(?!\s+day)|coming|later\s+this)\b|\bthis\s+" + _WD, re.IGNORECASE
)
_SAME_DAY = re.compile(
    r"(?:(?:later|earlier)\s+(?:in\s+the|that)|(?:on\s+)?(?:the\s+same|that\s+same|that))\s+(?:day|"
    + _PART
    + ")",
    re.IGNORECASE,
)
_SENTENCE_STOP = re.compile(r"[.;!?:\n]")
_LOOKBACK = 120
_LOOKAHEAD = 80


def resolve_weekday(weekday: int, published: date, relation: str = "on") -> date:
    """The day named ``weekday`` (0 = Monday) relative to ``published``.

    ``relation`` is ``on`` (the most recent such day on or before
    ``published``), ``last`` (the most recent strictly before), ``this`` (the
    first on or after) or ``next`` (the first strictly after).

    >>> resolve_weekday(4, date(2024, 10, 21))  # Friday, from Monday 21 October
    datetime.date(2024, 10, 18)
    >>> resolve_weekday(0, date(2024, 10, 21)), resolve_weekday(0, date(2024, 10, 21), "last")
    (datetime.date(2024, 10, 21), datetime.date(2024, 10, 14))
    """
    if relation == "on":
        return published - timedelta(days=(published.weekday() - weekday) % 7)
    if relation == "last":
        return published - timedelta(days=(published.weekday() - weekday) % 7 or 7)
    if relation == "this":
        return published + timedelta(days=(weekday - published.weekday()) % 7)
    if relation == "next":
        return published + timedelta(days=(weekday - published.weekday()) % 7 or 7)
    raise ValueError(f"unknown weekday relation {relation!r}")


def infer_year(month: int, day: int, published: date) -> date | None:
    """The date ``month``/``day`` in the year of ``published``, or the year before.

    The year before is taken when the date would lie more than
    :data:`FUTURE_SLACK_DAYS` days after ``published``. None if the day does
    not exist.

    >>> infer_year(10, 13, date(2024, 10, 21)), infer_year(12, 20, date(2024, 1, 5))
    (datetime.date(2024, 10, 13), datetime.date(2023, 12, 20))
    """
    latest = published + timedelta(days=FUTURE_SLACK_DAYS)
    for year in (published.year, published.year - 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if candidate <= latest:
            return candidate
    return None


def find_dates(text: str, published: date | None, *, day_first: bool = True) -> list[DateMention]:
    """Every date or time expression of ``text``, in text order, resolved against ``published``.

    ``text[m.start:m.end] == m.text`` for each mention. ``day_first`` reads
    "03/10" as 3 October (False: March 10).

    >>> ms = find_dates("In a statement released Oct. 17, the agency said recently", date(2024, 10, 21))
    >>> [(m.text, m.value, m.vague) for m in ms]
    [('Oct. 17', datetime.date(2024, 10, 17), False), ('recently', None, True)]
    """
    mentions: list[DateMention] = []
    last_end = 0
    backwards = ""  # the text reversed, made at the first anchor
    size = len(text)
    for anchor in _ANCHOR.finditer(text):
        at = anchor.start()  # the anchor word or number is group m
        if at < last_end:
            continue
        if not backwards:
            backwards = text[::-1]
        prefix = _REVERSED_PREFIX.match(backwards, size - at)
        first = max(size - prefix.end(), last_end) if prefix else at
        if first == at and anchor.group("m") in _MONTH_FORMS and _MONTH_HINT.match(text, at) is None:
            continue  # "May" the verb, "the march": a month needs a day, a year or a preposition
        for start in _candidate_starts(text, first, at):
            match = _DATE_PATTERN.match(text, start)
            if match is None or match.end() <= at or match.lastgroup is None:
                continue
            resolved = _RESOLVERS[match.lastgroup](match, text, published, day_first)
            if resolved is None:
                continue
            value, vague = resolved
            begin, end = match.span(match.lastgroup)
            mentions.append(DateMention(text[begin:end], begin, end, value, vague))
            last_end = end
            break
    return mentions


def is_same_day_reference(mention: DateMention) -> bool:
    """Whether the mention points back to a day named before ("the same day", "that day").

    >>> is_same_day_reference(DateMention("On the same day", 0, 15, None))
    True
    """
    return mention.value is None and not mention.vague and _SAME_DAY.fullmatch(mention.text) is not None


def is_future_context(text: str, mention: DateMention) -> bool:
    """Whether the date is governed by a future ("will meet on Thursday", "scheduled for Thursday").

    Looks back to the start of the clause (a comma, a stop, a reporting verb)
    for a cue of the future, and, for a mention that opens its clause, a few
    words ahead ("On Thursday, the leaders will meet"). Mentions that name a
    future day themselves ("tomorrow", "next Tuesday", "this Tuesday") are
    future too.

    >>> text = "Putin is expected to speak on Thursday, officials said on Monday."
    >>> [is_future_context(text, m) for m in find_dates(text, date(2024, 10, 21))]
    [True, False]
    """
    if _FUTURE_MENTION.search(mention.text):
        return True
    window_start = max(0, mention.start - _LOOKBACK)
    clause_start = window_start
    after_verb = False
    for brk in _CLAUSE_BREAK.finditer(text, window_start, mention.start):
        clause_start = brk.end("m")
        after_verb = brk.group("m")[0].isalpha()
    if _FUTURE_CUE.search(text, clause_start, mention.start):
        return True
    if after_verb or _CLAUSE_OPENING.match(text, clause_start, mention.start) is None:
        return False  # only a mention that opens its clause can be governed by a verb after it
    end = min(len(text), mention.end + _LOOKAHEAD)
    stop = _SENTENCE_STOP.search(text, mention.end, end)
    return _FORWARD_CUE.match(text, mention.end, stop.start() if stop else end) is not None


def parse_date_text(text: str, *, day_first: bool = True) -> date | None:
    """The date of a string that is a date or a date-time (metadata, bylines); None otherwise.

    A time or a time zone after the date is allowed and ignored: the date is
    the one written.

    >>> parse_date_text("2024-10-21T09:30:00Z"), parse_date_text("21/10/2024 22h20")
    (datetime.date(2024, 10, 21), datetime.date(2024, 10, 21))
    >>> parse_date_text("May 25, 2024 4:40 PM"), parse_date_text("Friday")
    (datetime.date(2024, 5, 25), None)
    """
    match = _WHOLE_DATE.fullmatch(text)
    if match is None:
        return None
    try:
        if match["iso_y"]:
            if not match["iso_sep"] and (len(match["iso_m"]) != 2 or len(match["iso_d"]) != 2):
                return None
            return date(int(match["iso_y"]), int(match["iso_m"]), int(match["iso_d"]))
        if match["n_a"]:
            day, month = _day_month(int(match["n_a"]), int(match["n_b"]), day_first)
            return date(_full_year(match["n_y"]), month, day)
        if match["md_month"]:
            return _named_date(match["md_month"], match["md_day"], match["md_year"])
        return _named_date(match["dm_month"], match["dm_day"], match["dm_year"])
    except ValueError:
        return None


# --- resolvers: (match, text, published, day_first) -> (value, vague), or None to drop the match


_Resolved = tuple[date | None, bool] | None


def _resolve_md(match: re.Match[str], text: str, published: date | None, day_first: bool) -> _Resolved:
    return _absolute(match["md_month"], match["md_day"], match["md_year"], published)


def _resolve_dm(match: re.Match[str], text: str, published: date | None, day_first: bool) -> _Resolved:
    return _absolute(match["dm_month"], match["dm_day"], match["dm_year"], published)


def _resolve_iso(match: re.Match[str], text: str, published: date | None, day_first: bool) -> _Resolved:
    try:
        return date(int(match["iso_year"]), int(match["iso_month"]), int(match["iso_day"])), False
    except ValueError:
        return None


def _resolve_num(match: re.Match[str], text: str, published: date | None, day_first: bool) -> _Resolved:
    second, year = (match["num_b"], match["num_year"]) if match["num_sep"] else (match["slash_b"], None)
    year = year or match["slash_year"]
    day, month = _day_month(int(match["num_a"]), int(second), day_first)
    if year is not None:
        try:
            return date(_full_year(year), month, day), False
        except ValueError:
            return None
    if not _valid_day(month, day):
        return None
    return (infer_year(month, day, published) if published else None), False


def _resolve_anaphor(match: re.Match[str], text: str, published: date | None, day_first: bool) -> _Resolved:
    return None, False


def _resolve_wd(match: re.Match[str], text: str, published: date | None, day_first: bool) -> _Resolved:
    if published is None:
        return None, False
    relation = " ".join((match["wd_rel"] or "on").lower().split())
    relation = _WEEKDAY_RELATIONS.get(relation, "on")
    return resolve_weekday(_WEEKDAY_NUMBER[match["wd_name"].lower()], published, relation), False


_WEEKDAY_RELATIONS = {"last": "last", "past": "last", "this past": "last", "this": "this"}
_WEEKDAY_RELATIONS |= {"coming": "this", "this coming": "this", "next": "next"}


def _resolve_rel(match: re.Match[str], text: str, published: date | None, day_first: bool) -> _Resolved:
    word = " ".join(match["rel_word"].lower().split())
    if match["rel_word"][0].isupper() and _after_word(text, match.start()):
        return None  # a name: "USA Today", "Today's Best Articles"
    if published is None:
        return None, False
    offset = _RELATIVE_OFFSETS.get(word, 0)
    return published + timedelta(days=offset), False


_RELATIVE_OFFSETS = {"yesterday": -1, "last night": -1, "tomorrow": 1, "the day before yesterday": -2}


def _resolve_prev(match: re.Match[str], text: str, published: date | None, day_first: bool) -> _Resolved:
    return (published - timedelta(days=1) if published else None), False


def _resolve_ago(match: re.Match[str], text: str, published: date | None, day_first: bool) -> _Resolved:
    count = match["ago_n"].lower()
    days = _SMALL_NUMBERS[count] if count in _SMALL_NUMBERS else int(count)
    return (published - timedelta(days=days) if published else None), False


def _resolve_nth(match: re.Match[str], text: str, published: date | None, day_first: bool) -> _Resolved:
    if not (match["nth_prep"] or match["nth_tail"] or _END_OF_CLAUSE.match(text, match.end())):
        return None  # "the 3rd brigade", "the 25th recipient"
    if published is None:
        return None, False
    day = int(match["nth_day"][:-2])
    year, month = published.year, published.month
    if day > published.day:
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    try:
        return date(year, month, day), False
    except ValueError:
        return None, False


def _resolve_vague(match: re.Match[str], text: str, published: date | None, day_first: bool) -> _Resolved:
    month = match["vm_month"] or match["vy_month"]
    if month is not None and not month[0].isupper():
        return None  # "may", "march": a verb, not a month
    return None, True


_RESOLVERS = {
    "md": _resolve_md,
    "dm": _resolve_dm,
    "iso": _resolve_iso,
    "num": _resolve_num,
    "anaphor": _resolve_anaphor,
    "wd": _resolve_wd,
    "rel": _resolve_rel,
    "prev": _resolve_prev,
    "ago": _resolve_ago,
    "nth": _resolve_nth,
    "vague": _resolve_vague,
}


def _absolute(month_name: str, day_text: str, year: str | None, published: date | None) -> _Resolved:
    if not month_name[0].isupper():
        return None
    month = _MONTH_NUMBER[month_name.rstrip(".").lower()]
    day = int(day_text.rstrip("stndrh") or 0)
    if year is not None:
        try:
            return date(int(year), month, day), False
        except ValueError:
            return None
    if not _valid_day(month, day):
        return None
    return (infer_year(month, day, published) if published else None), False


def _named_date(month_name: str, day: str, year: str) -> date:
    return date(int(year), _MONTH_NUMBER[month_name.rstrip(".").lower()], int(day))


def _day_month(first: int, second: int, day_first: bool) -> tuple[int, int]:
    """(day, month) of a numeric date; a field over 12 can only be the day."""
    day, month = (first, second) if day_first else (second, first)
    if month > 12 and day <= 12:
        day, month = month, day
    return day, month


def _full_year(year: str) -> int:
    value = int(year)
    if len(year) == 2:
        value += 2000 if value < 70 else 1900
    return value


def _valid_day(month: int, day: int) -> bool:
    try:
        date(2000, month, day)  # a leap year: 29 February is a day
    except ValueError:
        return False
    return True


def _after_word(text: str, pos: int) -> bool:
    """Whether a word (not a sentence start) comes just before ``pos`` on its line."""
    space = _SPACE_BEFORE.search(text, max(0, pos - 20), pos)
    before = space.start() if space else pos
    return before > 0 and (text[before - 1].isalnum() or text[before - 1] in ",&")


def _candidate_starts(text: str, first: int, anchor: int) -> Iterator[int]:
    """The word starts from ``first`` to ``anchor``: where a mention holding the anchor may begin."""
    yield first
    if first != anchor:
        for word in _WORD_START.finditer(text, first + 1, anchor):
            yield word.start()
        yield anchor
