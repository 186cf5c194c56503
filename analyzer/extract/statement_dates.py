"""When a statement was made: the date a cue carries, or the one it continues.

A date belongs to the statement when it follows the reporting verb ("said on Friday"), stands between
speaker and verb ("officials on Thursday confirmed"), or opens the sentence ("On Wednesday, X said"); a
date inside the reported clause belongs to the event. A statement with no date of its own continues the
speaker's last dated one ("She added ..."), unless the sentence marks another occasion ("later").

>>> from analyzer.extract.attribution import find_attributions
>>> from analyzer.extract.dates import find_dates
>>> from analyzer.extract.discourse import Discourse
>>> text = "The coastguard said on Monday that 42 people were rescued."
>>> att = find_attributions(text)[0]
>>> dated(text, att, find_dates(text, date(2024, 10, 23)), Discourse(text=text))
(datetime.date(2024, 10, 21), True)
"""

from __future__ import annotations

import dataclasses
import re
from datetime import date, timedelta

from analyzer.extract.attribution import Attribution
from analyzer.extract.dates import is_future_context, is_same_day_reference
from analyzer.extract.discourse import Discourse
from analyzer.extract.mentions import same_actor, speaker_key
from analyzer.extract.vocab import ESTIMATE_AT_VERBS, REPORTING_FORMS
from analyzer.models import Claim, DateMention, Figure
from analyzer.patterns import prefixed

__all__ = [
    "another_occasion",
    "coordinated_verb",
    "date_headline",
    "dated",
    "earlier_by",
    "effective_date",
    "note_dates",
    "occasion_date",
    "speaker_date",
]

_NO_CARRY_RE = prefixed(
    "lpebsah",
    r"\b(?:later|previously|earlier|before|since|last|at\s+the\s+time|had\s+(?:said|told|reported|estimated|put))\b",
    re.IGNORECASE,
)
_WORD_SPLIT_RE = re.compile(r"[a-z]+")
# "up from 1,214 a day earlier": a figure the same speaker gave that long before the statement; only
# after "up from/down from/from/compared with", since otherwise the phrase dates the event ("they had
# arrested 40 a day earlier")
_EARLIER_FROM_RE = re.compile(
    r"(?:\b(?:(?:up|down)\s+)?from\s+|\bcompared\s+(?:with|to)\s+)(?:about\s+|around\s+|some\s+|nearly\s+)?$",
    re.IGNORECASE,
)
# match only (at one position, right after the figure): it opens with an unbounded \s*
_EARLIER_RE = re.compile(
    r"(?:\s+[a-z]+)?\s+(?P<n>a|one|two|three|four|five|six|seven)\s+(?P<unit>day|week)s?\s+(?:earlier|before)\b",
    re.IGNORECASE,
)
_SMALL_COUNTS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
_GAP_BREAK_RE = prefixed(',;:"“”t', r"\bthat\b|[,;:\"“”]")
# After "put the toll at 1,388" the figure is the verb's object, so its comma ends no clause.
# the quote marks around a quoted figure: 'put turnout at "closer to 55%" on Monday' is still dated
_QUOTED_FIGURE_MARKS_RE = re.compile(r"(?<=\bat )[\"“]|(?<=\bto )[\"“]|(?<=[\d%])[\"”]")
_PUT_GAP_BREAK_RE = prefixed(',;:"“”t', r"\bthat\b|,(?!\d)|[;:\"“”]")
_WHICH_BEFORE_RE = re.compile(r",\s*(?:which|who)\s+")
# a verb coordinated with the first: "..., and on Tuesday raised the toll" (the date right after "and"), "and
# then said" (a few words after it)
_COORDINATED_BEFORE_RE = re.compile(r"\b(?:and|but|then)\s+$")
_COORDINATED_CUE_RE = re.compile(r"\b(?:and|but|then)\s+(?:\S+\s+){1,3}$")
_BRACKETED_RE = re.compile(r" ?\([^()]{1,40}\)")
_PUBLISHED_BEFORE_RE = re.compile(r"\b(?:published|released|issued|posted)\s+$", re.IGNORECASE)
_FROM_GAP_RE = re.compile(r"[^\S\n]+from[^\S\n]+")
_DOCUMENT_ON_BEFORE_RE = re.compile(
    r"\b(?:report|statement|update|bulletin|count|tally|communiqu[eé]|release)[^\S\n]+(?:on[^\S\n]+)?$",
    re.IGNORECASE,
)
_BY_GAP_RE = re.compile(r"\s+by\s+", re.IGNORECASE)
# A date that bounds a span or sets a deadline ("by 2028", "since Friday") never dates a statement.
_SPAN_DATE_RE = re.compile(r"(?:by|until|till|since|from|before|after)\s", re.IGNORECASE)
# "until 8 am on Sunday": a count's cut-off at a clock time, the day its bulletin came out
_CUTOFF_BEFORE_RE = re.compile(
    r"\buntil[^\S\n]+\d{1,2}(?:[:.]\d\d)?[^\S\n]*(?:am|pm|a\.m\.|p\.m\.)[^\S\n]+(?:on[^\S\n]+)?$",
    re.IGNORECASE,
)
_COUNTED_RE = re.compile(r"\b(?:died|deaths|dead|cases|infections|hospitali[sz]ed|admitted|recorded)\b")
# "between Monday and Wednesday": the second end of the span
_BETWEEN_AND_RE = re.compile(r"\bbetween[^\S\n]+[^,;.\n]{1,30}?[^\S\n]+and[^\S\n]+$", re.IGNORECASE)
_SPAN_BEFORE_RE = re.compile(r"\b(?:until|till|since|between)\s+$", re.IGNORECASE)
# a clause about the event between the reporting verb and the date: "saying it happened around 1am on Monday"
_EVENT_CLAUSE_RE = re.compile(
    r"\b(?:happened|occurred|took\s+place|broke\s+out|struck|erupted)\b", re.IGNORECASE
)
# An aside between the speaker and the verb that tells how or where the statement was made.
_SPEAKER_ASIDE_RE = re.compile(
    r"\s*,\s*(?:speaking|addressing|writing|talking|briefing|(?:in|at|during)\s+(?:a|an|the|his|her|its|their)\s|"
    r"(?:published|released|issued|posted)\b)[^,;:]*$",
    re.IGNORECASE,
)
# The occasion of a statement right before its date: "in a statement", "at a news conference late".
_OCCASION_BEFORE_RE = re.compile(
    r"\b(?:in|at|during|via)\s+(?:a|an|the|his|her|its|their)\s+(?:[\w\-]+\s+){0,2}?"
    r"(?:statement|address|interview|briefing|(?:news|press)\s+conference|speech|post|letter|report|message|"
    r"video|broadcast|communiqu[eé]|bulletin|update|filing|declaration|announcement|presentation)\s+"
    r"(?:(?:published|released|issued|posted|delivered|given)\s+)?"
    r"(?:(?:on|to|with)\s+(?:[A-Z][\w.]*|the\s+[\w\-]+)\s+)?"  # "in a post on X on April 15"
    # "during her declaration of the final results of the runoff on Sunday": the occasion's object
    r"(?:of\s+(?:the\s+)?(?:[\w\-]+\s+){1,4}?(?:of\s+(?:the\s+)?(?:[\w\-]+\s+){1,3}?)?)?"
    r"(?:late\s+|early\s+)?$",
    re.IGNORECASE,
)
# "Hours later", "in the same statement": the same occasion as the statement before
_SAME_OCCASION_RE = prefixed(
    "hmloti",
    r"\b(?:(?:hours|minutes|moments)\s+later|later\s+(?:that|the\s+same)\s+day|(?:on\s+)?the\s+same\s+day|"
    r"in\s+the\s+same\s+(?:statement|briefing|interview|press\s+conference|news\s+conference|speech|post|report))\b",
    re.IGNORECASE,
)


def _same_occasion(sentence: str) -> bool:
    """Whether the sentence says "hours later", "the same day", "in the same statement" (:data:`_SAME_OCCASION_RE`).

    Every match holds "later" or "same": the lower-cased sentence is tested for "later" and "ame" first (no
    other character matches one of their letters under IGNORECASE, as "ſ" matches "s").
    """
    low = sentence.lower()
    return ("later" in low or "ame" in low) and _SAME_OCCASION_RE.search(sentence) is not None


# What may stand before a date that opens a sentence: "In a briefing on Monday, ...", "Late on Friday, ..."
# "Announcing the figures on Thursday, X said", "Announcing the development, Thursday evening, X said": a
# participle of the statement itself, its date right after it or after its comma
_STATEMENT_PARTICIPLES = (
    r"announcing|briefing|confirming|disclosing|revealing|releasing|presenting|unveiling|updating|"
    r"responding|reacting|commenting|talking|writing"
)
_OPENER_RE = re.compile(
    r"^\s*(?:(?:in|at|during|after|before|late|early|earlier|later|speaking|addressing|also|and|but|then|"
    rf"separately|meanwhile|on|{_STATEMENT_PARTICIPLES})\b[^,;:\d]{{0,60}}?"
    rf"|(?:speaking|addressing|{_STATEMENT_PARTICIPLES})\b[^,;:\d]{{0,60}}?,\s*(?:on\s+)?)?$",
    re.IGNORECASE,
)
# a live blog's entry stamp and heading run into its first sentence: "08:15 Governor promises help In a
# televised address on Monday night, ...": the opener is the capitalised one after the heading
_STAMP_HEADING_RE = re.compile(
    r"\s*\d{1,2}[:.]\d{2}\s[^\n,;:]{0,120}?\s(?=(?:In|At|During|After|Before|Late|Early|Earlier|Later|On)\s)"
)


def _opens_sentence(sentence: str, start: int) -> bool:
    """Whether only an opener ("In a briefing", "Late") stands before ``start``, after any entry stamp."""
    if _OPENER_RE.match(sentence[:start]) is not None:
        return True
    stamp = _STAMP_HEADING_RE.match(sentence) if sentence[:3].strip()[:1].isdigit() else None
    return (
        stamp is not None
        and stamp.end() <= start
        and _OPENER_RE.match(sentence[stamp.end() : start]) is not None
    )


# a date that is the subject of its own clause tells of the day, not of the statement: "Thursday night saw
# more wind, and ..., X said", "Monday was the worst day, X said"
_DATE_AS_SUBJECT_RE = re.compile(
    r"\s+(?:(?:morning|afternoon|evening|night)\s+)?(?:saw|sees|was|is|brought|brings|marked|marks|proved|became)\b",
    re.IGNORECASE,
)


# "The ministry also said" / "said also": another part of the statement just reported, on the same occasion;
# not "has also said" / "has also raised alarms": the perfect tells of some occasion or other
_ALSO_BEFORE_RE = re.compile(r"(?:\b(?P<perfect>has|have|had)\s+)?\balso\s+$", re.IGNORECASE)
_ALSO_AFTER_RE = re.compile(r"\s+also\b", re.IGNORECASE)


def _future(sentence: str, mention: DateMention, state: Discourse) -> bool:
    """:func:`is_future_context`, worked out once per date of the sentence being read."""
    key = (mention.start, mention.end)
    found = state.future.get(key)
    if found is None:
        found = state.future[key] = is_future_context(sentence, mention)
    return found


def _continues_with_also(text: str, att: Attribution) -> bool:
    """ "The ministry also said ...", "It said also ...": the cue adds to the statement just reported."""
    before = _ALSO_BEFORE_RE.search(text, max(0, att.cue_start - 16), att.cue_start)
    if before is not None:
        return before.group("perfect") is None
    return _ALSO_AFTER_RE.match(text, att.cue_end) is not None


def another_occasion(text: str, att: Attribution) -> bool:
    """ "She later raised it", "He had said", "X said previously", "Within days he had put a number on it":
    the sentence marks a statement made on another occasion than the last one, so it shares no date.
    Read up to the cue only: "since Friday" in what "X said" reports says nothing of when it was said;
    and when the sentence closes with its cue ("..., the office said."), read only that closing clause:
    "the highest since 2019" or "in the last three months" is what was said, not when.
    """
    right = max(att.end, att.cue_end)
    start = 0
    if len(text.rstrip()) - right <= _CLOSING_REACH:
        left = min(att.start, att.cue_start)
        start = max(0, *(text.rfind(mark, 0, left) for mark in _CLAUSE_MARKS))
    return _NO_CARRY_RE.search(text, start, right + 16) is not None


_CLOSING_REACH = 24  # characters after a cue that still close its sentence ("..., the office said later.")
_CLAUSE_MARKS = (",", '"', "”", ";")


def note_dates(dates: list[DateMention], text: str, state: Discourse) -> None:
    """The story's last past date: what "hours later" or "the same day" in a later sentence refers to."""
    for d in dates:
        if d.value is not None and not _future(text, d, state):
            state.last_date = d.value


def date_headline(claims: list[Claim], headline_end: int) -> list[Claim]:
    """A headline repeats the lead: its undated claims take the date the body gives the same claim."""
    dated: dict[float, date] = {}
    for c in claims:
        if c.speaker and c.asserted_on and c.start >= headline_end:
            dated.setdefault(c.value, c.asserted_on)  # the first, the lead's
    out = []
    for c in claims:
        if c.start < headline_end and c.speaker and c.asserted_on is None:
            when = dated.get(c.value)
            if when is not None:
                c = dataclasses.replace(c, asserted_on=when)
        out.append(c)
    return out


# a date inside the event's noun phrase: "Saturday's march", "the Sunday vote", "a powerful Feb. 22 quake"
# (not a statement's occasion: "in Sunday's statement", "at a Monday briefing")
_NP_DATE_AFTER_RE = re.compile(r"(?:['’]s)?\s+(?P<noun>[a-z][a-z\-]+)")
_NP_DATE_BEFORE_RE = re.compile(
    r"\b(?:a|an|the|this|that|its|their|his|her|last\s+week['’]s)\s+(?:[a-z]+\s+)?$"
)
_OCCASION_NOUNS = frozenset(
    [
        "statement",
        "statements",
        "briefing",
        "briefings",
        "announcement",
        "update",
        "updates",
        "report",
        "reports",
        "conference",
        "bulletin",
        "release",
        "interview",
        "address",
        "speech",
        "post",
        "posts",
        "tweet",
        "letter",
        "filing",
        "meeting",
        "session",
        "count",
        "tally",
        "figures",
        "figure",
        "estimate",
        "estimates",
        "data",
        "news",
        "press",
        "media",
        "broadcast",
    ]
)


_NOT_NOUNS = frozenset(
    [
        "and",
        "or",
        "to",
        "that",
        "at",
        "in",
        "on",
        "of",
        "for",
        "by",
        "from",
        "with",
        "as",
        "when",
        "after",
        "before",
        "the",
        "a",
        "an",
        "it",
        "its",
        "he",
        "she",
        "they",
        "we",
        "night",
        "morning",
        "afternoon",
        "evening",
        "said",
        "says",
        "told",
        "was",
        "were",
        "is",
        "are",
        "had",
        "has",
        "have",
    ]
)


def _in_noun_phrase(sentence: str, d: DateMention) -> bool:
    """Whether the date names an event inside a noun phrase ("Saturday's march", "the Sunday vote").

    >>> from datetime import date
    >>> s = "The unions behind Saturday's march said on Sunday that 150,000 marched."
    >>> [_in_noun_phrase(s, DateMention(t, s.index(t), s.index(t) + len(t), date(2025, 3, 1))) for t in
    ...  ("Saturday", "on Sunday")]
    [True, False]
    """
    if d.text[:1].islower():
        return False  # "on Sunday", "last week": an adverb of time
    m = _NP_DATE_AFTER_RE.match(sentence, d.end)
    if m is None or m.group("noun") in _OCCASION_NOUNS or m.group("noun") in _NOT_NOUNS:
        return False
    if m.group(0)[:1] in "'’":
        return True
    b = _NP_DATE_BEFORE_RE.search(sentence, max(0, d.start - 30), d.start)
    return b is not None and not _OCCASION_NOUNS.intersection(b.group(0).split())  # "at a briefing Tuesday"


def dated(
    sentence: str, att: Attribution, dates: list[DateMention], state: Discourse
) -> tuple[date | None, bool]:
    """:func:`_statement_date`, worked out once per cue of the sentence being read."""
    key = id(att)
    if key not in state.when:
        state.when[key] = _statement_date(sentence, att, dates, state)
    return state.when[key]


def _statement_date(
    sentence: str, att: Attribution, dates: list[DateMention], state: Discourse
) -> tuple[date | None, bool]:
    """The date of the statement made through ``att``, and whether the sentence stated one at all.

    A date belongs to the statement when it follows the reporting verb ("said
    on Friday"), stands between speaker and verb ("officials on Thursday
    confirmed"), or opens the sentence before the speaker ("On Wednesday, X
    said"). A date inside the reported clause belongs to the event.
    """
    first = min(att.start, att.cue_start)
    last = max(att.end, att.cue_end)
    if not any(d.value for d in dates) and _same_occasion(sentence):
        return state.last_date, state.last_date is not None
    earlier_in_sentence: date | None = None
    gap_break = (
        _PUT_GAP_BREAK_RE if REPORTING_FORMS.get(att.cue.lower()) in ESTIMATE_AT_VERBS else _GAP_BREAK_RE
    )
    for d in dates:
        if (
            d.value is not None
            and "until" in sentence[max(0, d.start - 24) : d.start]
            and _CUTOFF_BEFORE_RE.search(sentence, max(0, d.start - 24), d.start) is not None
            and _COUNTED_RE.search(sentence, 0, d.start) is not None
            and not _future(sentence, d, state)
        ):
            return d.value, True  # "Six more died until 8 am on Sunday, according to X": the bulletin's day
        if (
            _future(sentence, d, state)
            or _SPAN_DATE_RE.match(d.text)
            or _SPAN_BEFORE_RE.search(sentence, max(0, d.start - 8), d.start)
            or (
                " and" in sentence[max(0, d.start - 5) : d.start]
                and _BETWEEN_AND_RE.search(sentence, max(0, d.start - 48), d.start)
            )
            or _in_noun_phrase(sentence, d)
        ):
            continue  # "up until last Saturday (March 7)": the end of a span, not when it was said
        if _dates_the_statement(sentence, att, d, first, last, gap_break):
            if is_same_day_reference(d):
                same = earlier_in_sentence or state.last_date
                return same, same is not None
            if d.vague:
                return None, True
            return d.value, d.value is not None
        if d.value is not None:
            earlier_in_sentence = d.value
    return None, False


_PUBLISHED_ASIDE_RE = re.compile(r",\s*(?:published|released|posted|issued|updated|given)\b")
# "said the statement, released on Thursday": a participle aside between the document that speaks and its date
_RELEASED_GAP_RE = re.compile(r",[^\S\n]*(?:published|released|posted|issued)[^\S\n]+(?:on[^\S\n]+)?")


def _dates_the_statement(
    sentence: str, att: Attribution, d: DateMention, first: int, last: int, gap_break: re.Pattern[str]
) -> bool:
    """Whether the date ``d`` is the date of the statement made through ``att`` (tests cheapest first)."""
    if att.kind == "count" and att.cue_start < d.start and d.end <= att.cue_end:
        # "X's own count, published on its outage map on Friday, was 41,800": the count's own date
        return _PUBLISHED_ASIDE_RE.search(sentence, att.cue_start, d.start) is not None
    if d.start >= last:
        gap_after = _QUOTED_FIGURE_MARKS_RE.sub("", sentence[last : d.start])  # 'put it at "closer to 55%"'
        if "(" in gap_after:  # "at 4.2 billion pesos ($73 million) on Monday": a bracketed aside is not read
            gap_after = _BRACKETED_RE.sub("", gap_after)
        if att.kind == "inverted" and _RELEASED_GAP_RE.fullmatch(gap_after):
            return True  # 'said the statement, released Thursday evening': the statement's own date
        if len(gap_after) <= 60 and not gap_break.search(gap_after):
            # "saying it happened around 1am on Monday": the date of the event the clause tells
            return _EVENT_CLAUSE_RE.search(gap_after) is None
        # "put the figure at 410,000, or 14%, in a statement on Wednesday": the occasion's own date
        return _OCCASION_BEFORE_RE.search(
            sentence, max(last, d.start - 80), d.start
        ) is not None and "that" not in _WORD_SPLIT_RE.findall(gap_after)
    if att.end <= d.start and d.end <= att.cue_start:
        if d.start - att.end <= 20 and att.cue_start - d.end <= 20 and "," not in sentence[att.end : d.start]:
            return True  # "officials on Thursday confirmed"
        if att.cue_start - d.end <= 2 and _COORDINATED_BEFORE_RE.search(
            sentence, max(0, d.start - 6), d.start
        ):
            return True  # "The ministry said 40 died, and on Tuesday said 52": the second verb's own date
        if (
            att.cue_start - d.end <= 12
            and _WHICH_BEFORE_RE.fullmatch(sentence, att.end, d.start) is not None
            and "," not in sentence[d.end : att.cue_start]
        ):
            return True  # "The office, which on Sunday had put the number at 180,000, said": the aside's verb
        # "X, speaking in a televised address on Monday, said": the aside dates the statement
        return att.kind == "subject" and _SPEAKER_ASIDE_RE.match(sentence, att.end, d.start) is not None
    if (
        d.end <= first
        and (
            _opens_sentence(sentence, d.start)
            and _DATE_AS_SUBJECT_RE.match(sentence, d.end) is None  # "Thursday night saw strong winds, ..."
            and ("," in sentence[d.end : first + 1] or first - d.end <= 2)
            and not any(w in REPORTING_FORMS for w in _WORD_SPLIT_RE.findall(sentence[d.end : first].lower()))
        )
    ):
        return True  # the opening date belongs to the first statement, not to a later "and it has since"
    # "A poll published on Wednesday by the institute found": the poll's date is the finding's
    if d.end > att.start:
        return False
    if _BY_GAP_RE.fullmatch(sentence, d.end, att.start) is not None:
        return _PUBLISHED_BEFORE_RE.search(sentence, max(0, d.start - 12), d.start) is not None
    # "A report on Thursday from security sources put the toll at seven": the report's date
    return (
        att.kind == "subject"
        and _FROM_GAP_RE.fullmatch(sentence, d.end, att.start) is not None
        and _DOCUMENT_ON_BEFORE_RE.search(sentence, max(0, d.start - 24), d.start) is not None
    )


def coordinated_verb(sentence: str, att: Attribution) -> bool:
    """Whether the cue of ``att`` is a verb coordinated with an earlier one, a few words after "and", its
    subject far before it: "The ministry said 40 died, and on Tuesday said 52" (the second "said").

    >>> from analyzer.extract.attribution import find_attributions
    >>> s = "The ministry said 40 died, and on Tuesday said 52 had died."
    >>> [coordinated_verb(s, a) for a in find_attributions(s)]
    [False, True]
    """
    return _COORDINATED_CUE_RE.search(sentence, att.end, att.cue_start) is not None


def effective_date(
    text: str,
    att: Attribution,
    speaker: str,
    dates: list[DateMention],
    state: Discourse,
    own_dates: dict[str, date | None],
) -> date | None:
    """The date of the statement made through ``att``: its own, or the one it continues.

    A statement with no date of its own continues the speaker's last dated one ("She added ..."), or
    another cue of the same speaker in the sentence, or, with "also", the statement just reported ("The
    ministry also said ..."); not when the sentence marks another occasion ("later", "had said").
    """
    when, stated = dated(text, att, dates, state)
    if stated:
        return when
    if _earlier_in_own_aside(text, att):
        return None
    who = speaker_key(speaker)
    found = own_dates[who] if who in own_dates else speaker_date(state, speaker)
    if found is None and state.sentence - state.last_said_at <= 2 and _continues_with_also(text, att):
        found = state.last_said
    if found is None or another_occasion(_without_dates(text, dates), att):  # (the costlier test last)
        return None
    return found


SAID_BY_REACH = 64  # the latest speakers searched for another name of a speaker


def speaker_date(state: Discourse, speaker: str) -> date | None:
    """The date of the speaker's latest statement in the document so far, under whichever of its names
    it was made ("the office said" after "The United Nations Integrated Office said on Monday", "HPH"
    after "Harwick Port Holdings (HPH) said on Wednesday"); None when that statement had no date."""
    who = speaker_key(speaker)
    # (said_by is keyed by the speaker_key of the name each entry holds: the key stands for it)
    for n, (key, (name, when)) in enumerate(reversed(state.said_by.items())):
        if n >= SAID_BY_REACH:
            break
        if key == who or same_actor(name, speaker):
            return when
    latest = state.said_by.get(who)
    return latest[1] if latest is not None else None


def _without_dates(text: str, dates: list[DateMention]) -> str:
    """``text`` with its dated mentions and its relative asides blanked: the "last" of "said last Friday",
    the "had put" of "X, which had put turnout at 55% on Monday, said" mark no other occasion."""
    for d in dates:
        if d.value is not None:
            text = text[: d.start] + " " * (d.end - d.start) + text[d.end :]
    return _RELATIVE_ASIDE_RE.sub(lambda m: " " * len(m.group()), text)


_RELATIVE_ASIDE_RE = re.compile(r",\s*(?:which|who)\b[^,;]*,")


def _earlier_in_own_aside(text: str, att: Attribution) -> bool:
    """ "X, which earlier this week put the loss at 900 tonnes, said on Monday": a cue in a relative aside
    that marks another occasion ("earlier", "last week", "previously") does not share the main verb's date.

    >>> text = "Brenna Lines, which last week put the loss at 300 tonnes, said on Friday it would pay."
    >>> _earlier_in_own_aside(text, Attribution("Brenna Lines", 0, 12, "put", 35, 38, "subject"))
    True
    """
    if "," not in text[: att.cue_start]:
        return False
    for m in _RELATIVE_ASIDE_RE.finditer(text, 0, att.cue_end + 200):
        if m.start() < att.cue_start < m.end():
            return _NO_CARRY_RE.search(text, m.start(), att.cue_start) is not None
    return False


def earlier_by(text: str, fig: Figure) -> timedelta:
    """How long before the statement the speaker gave the figure: "up from 1,214 a day earlier" -> a day.

    >>> from analyzer.extract.numbers import find_figures
    >>> text = "Deaths rose to 1,300, up from 1,214 a week earlier; losses to 9 billion, from 7 billion pesos a day earlier."
    >>> [earlier_by(text, f).days for f in find_figures(text)]
    [0, 7, 0, 1]
    """
    earlier = _EARLIER_RE.match(text, fig.end)
    if earlier is None or not _EARLIER_FROM_RE.search(text, max(0, fig.start - 20), fig.start):
        return timedelta()
    days = _SMALL_COUNTS[earlier.group("n").lower()] * (7 if earlier.group("unit").lower() == "week" else 1)
    return timedelta(days=days)


# "the "closer to 4,000" it gave on Thursday": the day a figure was given, told right after it
_GIVEN_AFTER_RE = re.compile(
    r"[\"”’]?\s+(?:it|they|he|she|officials|the\s+[a-z]+)\s+(?:had\s+)?(?:gave|given|reported|announced|released"
    r"|issued|cited|published|put\s+out)\s+(?:(?:on|late\s+on|early\s+on)\s+)?",
    re.IGNORECASE,
)
# "X, which had put the number at "fewer than 200" when the ship docked Sunday, said ...": an earlier
# estimate in a relative aside
_HAD_GIVEN_RE = re.compile(
    r",\s*(?:which|who)\s+(?:[a-z]+\s+)?had\s+(?:put|given|said|estimated|reported|announced|placed|set)\b",
    re.IGNORECASE,
)


# "a jump from the 117 deaths announced the previous day", "up from 40 reported on Thursday": a figure
# compared with, given on a day of its own (only after "from"/"compared with": "5 cases reported on
# Monday, the ministry said" dates the cases)
_COMPARED_FROM_RE = re.compile(
    r"\b(?:from|compared\s+(?:with|to))\s+(?:the\s+)?(?:about\s+|around\s+|some\s+|nearly\s+)?$",
    re.IGNORECASE,
)
_FROM_SINCE_BEFORE_RE = re.compile(r"\b(?:since|from|as\s+of)\s+$", re.IGNORECASE)
_DAY_BEFORE = frozenset({"the previous day", "the day before", "a day earlier", "a day before"})
_REDUCED_GIVEN_RE = re.compile(
    r"\s+(?:[a-z]+\s+){0,2}?(?:announced|reported|given|released|confirmed|recorded)\s+"
    r"(?:(?:on|late\s+on|early\s+on)\s+)?",
    re.IGNORECASE,
)


def given_on(text: str, fig: Figure, dates: list[DateMention], told: date | None = None) -> date | None:
    """The day a figure was given when the sentence names it as an earlier statement of its own: "up from
    the 4,000 it gave on Thursday", "X, which had put it at 200 when the ship docked Sunday, said Tuesday".

    >>> from analyzer.extract.dates import find_dates
    >>> from analyzer.extract.numbers import find_figures
    >>> t = "The agency said on Sunday it was 4,300, up from the 4,000 it gave on Thursday."
    >>> ds = find_dates(t, date(2025, 8, 25))
    >>> [given_on(t, f, ds) for f in find_figures(t)]
    [None, datetime.date(2025, 8, 21)]
    """
    for d in dates:
        if d.value is None or d.start < fig.end:
            continue
        if d.start - fig.end <= 40 and _GIVEN_AFTER_RE.fullmatch(text, fig.end, d.start):
            return d.value
        if (
            d.start - fig.end <= 40
            and _REDUCED_GIVEN_RE.fullmatch(text, fig.end, d.start)
            and _COMPARED_FROM_RE.search(text, max(0, fig.start - 30), fig.start)
        ):
            # "up from the 117 deaths announced the previous day": the day before the statement's day
            # (``told``, the cue's own date, when known; else the last date before the figure that is no
            # span's start: "deaths since January 1 rose to 200, up from the 117 ... the previous day")
            if d.text.lower() in _DAY_BEFORE:
                if told is not None:
                    return told - timedelta(days=1)
                before = [
                    e.value
                    for e in dates
                    if e.value is not None
                    and e.end <= fig.start
                    and not _FROM_SINCE_BEFORE_RE.search(text, max(0, e.start - 10), e.start)
                ]
                return before[-1] - timedelta(days=1) if before else d.value
            return d.value
        for m in _HAD_GIVEN_RE.finditer(text, 0, fig.start):
            close = text.find(",", fig.end)
            if close >= d.end and "," not in text[m.end() : fig.start] and d.start - fig.end <= 60:
                return d.value  # the date inside the aside, after its figure
        break
    return None


# "He expressed these views while presiding over a meeting on Thursday", "She was speaking at a rally on
# Monday", "The minister made the remarks during a visit to X on Friday": a sentence that only tells when
# the speaker just reported spoke; its date is that of the speaker's statements around it
_OCCASION_SENTENCE_RE = re.compile(
    r"\s*(?P<who>He|She|They|The\s+[a-z]+|[A-Z][a-z]+)\s+(?:expressed\s+(?:these|those|the|his|her|their)\s+"
    r"(?:views|remarks|sentiments)|made\s+(?:these|those|the|his|her|their)\s+(?:remarks|comments|statements?)"
    r"|(?:was|were)\s+(?:speaking|addressing|talking)|said\s+this|spoke"
    # "On Thursday, Kindiki addressed the press in X": a news conference, its date opening the sentence
    r"|(?:addressed|briefed)\s+(?:the\s+)?(?:press|media|reporters|journalists|newsmen)"
    r"|(?:held|gave|addressed)\s+an?\s+(?:news|press)\s+(?:conference|briefing))"
    r"(?=\s+(?:while|when|at|during|in|to|after|on|before|as)\b)"
)
# "On Thursday, May 25, " opening an occasion sentence: the date of the occasion
_OPENING_DATE_RE = re.compile(r"(?:On[^\S\n]+)?$")


def occasion_date(text: str, dates: list[DateMention], state: Discourse) -> tuple[str, date] | None:
    """The subject and the date of a sentence that tells when a statement was made ("He expressed these
    views while presiding over a meeting on Thursday"), None for any other sentence or a future date.

    >>> from analyzer.extract.dates import find_dates
    >>> t = "He expressed these views while addressing a seminar on Thursday."
    >>> occasion_date(t, find_dates(t, date(2022, 8, 25)), Discourse(text=t))
    ('He', datetime.date(2022, 8, 25))
    >>> t = "She spoke on Friday at the opening of the bridge."
    >>> occasion_date(t, find_dates(t, date(2022, 8, 25)), Discourse(text=t))
    ('She', datetime.date(2022, 8, 19))
    >>> t = "On Thursday, Mwangi addressed the press in Nakuru."
    >>> occasion_date(t, find_dates(t, date(2022, 8, 25)), Discourse(text=t))
    ('Mwangi', datetime.date(2022, 8, 25))
    >>> t = "He expressed these views in his book, published on Thursday."
    >>> occasion_date(t, find_dates(t, date(2022, 8, 25)), Discourse(text=t)) is None
    True
    """
    m = _OCCASION_SENTENCE_RE.match(text)
    if m is None and dates and text[dates[0].end : dates[0].end + 1] == ",":
        first = dates[0]
        if first.value is not None and _OPENING_DATE_RE.fullmatch(text, 0, first.start):
            m = _OCCASION_SENTENCE_RE.match(text, first.end + 1)
            if m is None or m.group("who") in ("He", "She", "They") or _future(text, first, state):
                return None
            return m.group("who"), first.value  # "On Thursday, X addressed the press in Y"
    if m is None:
        return None
    for d in dates:
        if d.value is None or d.start < m.end() or _future(text, d, state):
            continue
        if _SPAN_BEFORE_RE.search(text, max(0, d.start - 8), d.start) or "," in text[m.end() : d.start]:
            return None
        return m.group("who"), d.value
    return None
