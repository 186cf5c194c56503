"""One document in, its claims and figure-less statements out.

Walks the sentences in order and keeps a small discourse state (:mod:`analyzer.extract.discourse`): the last
person and organisation that spoke (for "He later ..." and "the agency said"), the last date each speaker
was said to speak on (for "He added ..."), and the date of the last statement (for "On the same day",
:mod:`analyzer.extract.statement_dates`). Transcripts and press releases speak themselves
(:mod:`analyzer.extract.genres`); ages and counts of sources are no claims (:mod:`analyzer.extract.figure_filters`).

>>> from analyzer.models import Document
>>> from datetime import date, timedelta
>>> doc = Document("d1", "The coastguard said on Monday that 42 people were rescued.", published=date(2024, 10, 23))
>>> [(c.speaker, c.value, str(c.asserted_on)) for c in extract_document(doc).claims]
[('The coastguard', 42.0, '2024-10-21')]
"""

from __future__ import annotations

import dataclasses
import re
import sys
from bisect import bisect_left
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from analyzer.extract.attribution import (
    Attribution,
    Choice,
    FigureAside,
    choose,
    figure_asides,
    find_attributions,
    nominal_claims,
)
from analyzer.extract.cues import INFO_NOUNS, inside_quote, quote_spans
from analyzer.extract.dates import find_dates
from analyzer.extract.discourse import (
    PRONOUN_REACH,
    Discourse,
    remember,
    remember_actor,
    resolve,
    resolve_in_sentence,
)
from analyzer.extract.figure_filters import (
    is_age,
    is_at_a_time,
    is_conversion,
    is_date_day,
    is_definite_small,
    is_dimension,
    is_label,
    is_multiplier,
    is_phone_or_station_number,
    is_population,
    is_position,
    is_source_count,
    names_duration,
)
from analyzer.extract.genres import (
    PUBLISHER_REACH,
    interview_date,
    is_release,
    is_transcript,
    self_published,
    take_turn,
)
from analyzer.extract.items import elliptical_item, fill_from_siblings, has_own_verb, item_for
from analyzer.extract.mentions import kind_of, same_actor, speaker_key
from analyzer.extract.number_words import DURATION_UNIT, LENGTH_UNIT, _trie, local_currency, page_country
from analyzer.extract.numbers import detect_thousands_separator, find_figures
from analyzer.extract.sentence_subjects import capitalised_inside, own_agent_before
from analyzer.extract.sentences import split_sentences
from analyzer.extract.stance import stance_of
from analyzer.extract.statement_dates import (
    coordinated_verb,
    date_headline,
    dated,
    earlier_by,
    effective_date,
    given_on,
    note_dates,
    occasion_date,
    speaker_date,
)
from analyzer.extract.statements import dated_cue_statements, figureless_statements
from analyzer.extract.tokens import QUOTES, Token, tokenize
from analyzer.extract.vocab import CONFIRM_RE, REPORTING_FORMS, is_media_name
from analyzer.models import Claim, DateMention, Document, Figure, Sentence, Statement
from analyzer.native import register_records
from analyzer.patterns import guarded, prefixed

__all__ = ["DocumentExtraction", "document_credits", "extract_document"]

_CREDIT_LINE_RE = re.compile(
    r"^\s*(?:(?i:source|sources|via|credit|with|copyright|©|with\s+(?:files|reporting)\s+(?:from|by))\s*:?\s+|[—–-]{1,2}\s*)"
    r"(?P<outlet>[A-Z][\w.&'’ \-]{1,40}?)\s*\.?\s*$",
    re.MULTILINE,
)
# a page's closing agency list, after the editors' initials: "jk/ab (Reuters, AFP, dpa)", "(AP, AFP)"
_CLOSING_LIST_RE = re.compile(
    r"^[^\S\n]*(?:[a-z]{1,4}(?:/[a-z]{1,4})+[^\S\n]*)?\((?P<list>[A-Za-z][\w.& \-]{0,30}"
    r"(?:,[^\S\n]*[A-Za-z][\w.& \-]{0,30}){0,6})\)[^\S\n]*$",
    re.MULTILINE,
)
# a page's last paragraph closing on an agency's name: "... its first case. IANS"
_CLOSING_AGENCY_RE = re.compile(r"[.!?\"”][^\S\n]+(?P<outlet>[A-Z]{2,6})[^\S\n]*$", re.MULTILINE)
# "... Chaib said. — Sapa": a dash and one name closing the last paragraph credits the agency
_CLOSING_DASH_RE = re.compile(
    r"[.!?\"”’][^\S\n]+[—–]{1,2}[^\S\n]*(?P<outlet>[A-Z][A-Za-z]{1,11})[^\S\n]*\.?[^\S\n]*$", re.MULTILINE
)
# "(WashingtonTimes) The march was ...": an agency in brackets opening the first paragraph
_OPENING_BRACKET_RE = re.compile(
    r"^[^\S\n]*\((?P<outlet>[A-Z][A-Za-z]{1,11}[A-Z][A-Za-z]{1,11}|[A-Z]{2,5})\)[^\S\n]+[A-Z]", re.M
)
_NOT_CREDITS = frozenset(
    {
        "AUDIO",
        "VIDEO",
        "PHOTO",
        "PHOTOS",
        "FILE",
        "UPDATE",
        "WATCH",
        "LIVE",
        "READ",
        "MORE",
        "PIC",
        "UPDATED",
        "EXCLUSIVE",
        "BREAKING",
        "ANALYSIS",
        "OPINION",
        "EDITORIAL",
    }
)
_DATELINE_CREDIT_RE = re.compile(
    # not a transcript's questioner: "QUESTION (Harbour Radio): ..."
    r"^(?!(?i:question|q|reporter|journalist)\b)"
    r"[^\n]{0,80}?\((?P<outlet>[A-Z][\w.& \-]{1,30})\)\s*(?:[—–-]{1,2}|:)",
    re.MULTILINE,
)
# "Amman, Sep. 10 (Petra) -- ": a place and a date before the bracket: the agency, known or not
_DATED_BRACKET_RE = re.compile(
    r"^[^\S\n]*[A-Z][\w.'’\-]*(?:[^\S\n]+[A-Z][\w.'’\-]*){0,2},[^\S\n]+"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?[^\S\n]+\d{1,2}[^\S\n]*"
    r"\((?P<outlet>[A-Z][A-Za-z]{1,14})\)[^\S\n]*(?:[—–]|--?)",
    re.MULTILINE,
)
# "... by the end of the year. - BERNAMA-XINHUA": agencies in capitals after a dash closing the text
_CLOSING_CAPS_RE = re.compile(
    r"[.!?\"”’][^\S\n]+[-—–]{1,2}[^\S\n]*(?P<chain>[A-Z]{2,10}(?:[-/][A-Z]{2,10}){0,2})[^\S\n]*$",
    re.MULTILINE,
)
# a headline, then the wire agency's name alone on a line (a byline): "Bernama", "Xinhua"
_BYLINE_RE = re.compile(r"\A[^\n]{1,200}\n(?:[^\S\n]*\n)?[^\S\n]*(?P<outlet>[A-Z][A-Za-z]{2,14})[^\S\n]*\n")
# "(dpa/NAN)" alone on a line: two agencies, the second relaying the first
_AGENCY_PAIR_LINE_RE = re.compile(
    r"^[^\S\n]*\((?P<chain>[A-Za-z]{2,10}/[A-Za-z]{2,10})\)[^\S\n]*$", re.MULTILINE
)
_NOMINAL_END_RE = re.compile(r";|\.\s|,\s+(?:but|while|whereas|saying|calling|adding)\b")
_CUE_WORDS = frozenset({"according", "per", "count", "estimate", "estimates", "he", "she", "they", "citing"})
_ANY_CUE_WORD = frozenset(REPORTING_FORMS) | _CUE_WORDS
# one of them as a whole run of letters of the lower-cased text (a word with other characters is no such run)
_CUE_WORD_RE = prefixed(
    "".join(sorted({w[0] for w in _ANY_CUE_WORD if re.fullmatch("[a-z]+", w)})),
    rf"(?<![a-z]){_trie(sorted(w for w in _ANY_CUE_WORD if re.fullmatch('[a-z]+', w)))}(?![a-z])",
)
_CLAUSE_END_RE = guarded(',;:()"“”—.abw', r"[,;:()\"“”—]|\.\s|\band\b|\bbut\b|\bwhile\b")
_RATE_RE = prefixed(
    "apedwmyh",
    r"\b(?:a|per|each|every)\s+(?P<unit>day|week|month|year|hour)\b(?!\s+(?:ago|earlier|later|before|after)\b)"
    r"|\b(?P<adverb>daily|weekly|monthly|annually|yearly|hourly)\b",
    re.IGNORECASE,
)
# every match of _RATE_RE holds one of these (its letters have no other case IGNORECASE would match)
_RATE_HINT_RE = re.compile("day|week|month|year|hour|ly")
_PUBLICATION_BEFORE_RE = re.compile(r"\b(?:at|for|in|with|to|from|of|by)\s+(?:a|an)\s+(?:[a-z]+\s+)?$", re.I)
_RATE_UNITS = {
    "daily": "day",
    "weekly": "week",
    "monthly": "month",
    "annually": "year",
    "yearly": "year",
    "hourly": "hour",
}
_DATE_HINT_RE = prefixed(
    r"mtwfsyjaond\d",
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|jan|feb|mar|apr|may|jun|jul|"
    r"aug|sep|oct|nov|dec)|\d/\d",
    re.IGNORECASE,
)
# A cue inside ", who first accused ... on Oct. 13," speaks of another occasion than the main verb's.
_IN_RELATIVE_ASIDE_RE = re.compile(r",\s*(?:who|which)\b[^,;]*$")
# "..., up from the 14,200 it reported on Monday": a cue in a comparison recalls an earlier statement
_COMPARED_CUE_RE = re.compile(
    r"\b(?:(?:up|down)\s+from|compared\s+(?:with|to))\s(?:[^,;:]|,\d){0,60}$", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class DocumentExtraction:
    """What one document yields: its claims, its statements without figures, the credits it carries."""

    doc_id: str
    claims: tuple[Claim, ...]
    statements: tuple[Statement, ...]
    credits: tuple[str, ...] = ()


# not frozen: a frozen record's __init__ sets each field through object.__setattr__, several times slower,
# and one is made for every sentence read (never changed, hashed or kept)
@dataclass(slots=True)
class _Reading:
    """A sentence being read for claims: its cues and their speakers, its dates, and the state around it."""

    doc: Document
    sent: Sentence
    atts: list[Attribution]
    resolved: dict[int, str | None]  # cue index -> the speaker it names
    dates: list[DateMention]
    state: Discourse
    credits: tuple[str, ...]
    own_dates: dict[str, date | None]  # speaker key -> the date one of their cues in the sentence gives
    cue_dates: dict[int, date | None]  # cue id -> its statement's date, worked out once


def document_credits(text: str, known_outlets: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """Syndication credits at the start or end of a page: "(Yonhap) --", "Source: BBC", "— Reuters"."""
    head, tail = text[:400], text[-300:]
    found: list[str] = []
    agencies: list[str] = []
    if "(" in head:  # (every dateline credit is in brackets)
        for m in _DATELINE_CREDIT_RE.finditer(head):
            found.append(m.group("outlet").strip())
    for part in (head, tail):
        for m in _CREDIT_LINE_RE.finditer(part):
            found.append(m.group("outlet").strip())
    if "(" in tail:
        for m in _CLOSING_LIST_RE.finditer(tail):
            names = [n.strip() for n in m.group("list").split(",")]
            if all(is_media_name(n, known_outlets) for n in names):
                found.extend(names)
    found.extend(m.group("outlet") for m in _CLOSING_AGENCY_RE.finditer(tail))
    if "—" in tail or "–" in tail:  # the form names the agency: "— Sapa" is credited though unknown
        agencies.extend(m.group("outlet") for m in _CLOSING_DASH_RE.finditer(tail))
    if "(" in head:
        agencies.extend(
            m.group("outlet")
            for m in _OPENING_BRACKET_RE.finditer(head)
            if m.group("outlet").upper() not in _NOT_CREDITS
        )
    byline = _BYLINE_RE.match(head)
    if byline is not None:
        found.append(byline.group("outlet"))  # kept only when it names a news agency
    if "(" in head:
        agencies.extend(
            m.group("outlet")
            for m in _DATED_BRACKET_RE.finditer(head)
            if m.group("outlet").upper() not in _NOT_CREDITS
        )
    if " -" in tail or "—" in tail or "–" in tail:
        for m in _CLOSING_CAPS_RE.finditer(tail):
            agencies.extend(_agency_name(n) for n in re.split("[-/]", m.group("chain")))
    if "/" in text:
        for m in _AGENCY_PAIR_LINE_RE.finditer(text):
            pair = m.group("chain").split("/")
            if all(n.isupper() or is_media_name(n, known_outlets) for n in pair):
                agencies.extend(pair)
    if " writer" in tail or " correspondent" in tail or " reporter" in tail:
        found.extend(m.group("outlet") for m in _WRITERS_RE.finditer(tail))
    return tuple(dict.fromkeys([o for o in found if is_media_name(o, known_outlets)] + agencies))


def _agency_name(caps: str) -> str:
    """An agency's name written in capitals, as it is usually spelt: "XINHUA" -> "Xinhua", "AFP" stays."""
    return caps if len(caps) <= 4 else caps.title()


def _rate_in_clause(text: str, end: int) -> str | None:
    """A rate stated after the counted noun: "1,200 soldiers were dying every day" -> day."""
    window = text[end : end + 120]
    cut = _CLAUSE_END_RE.search(window)
    clause = window[: cut.start()] if cut is not None else window
    if _RATE_HINT_RE.search(clause.lower()) is None:
        return None  # (a cheap test first: no unit word and no adverb in "-ly", no rate)
    m = _RATE_RE.search(clause)
    if m is None:
        return None
    if m.group("adverb") and _PUBLICATION_BEFORE_RE.search(clause, 0, m.start("adverb")):
        return None  # "after nine years at a business weekly": a publication, no rate
    word = (m.group("unit") or m.group("adverb")).lower()
    return _RATE_UNITS.get(word, word)


def _opens_confirmation(text: str, atts: list[Attribution]) -> bool:
    """A sentence like "Other officials quickly confirmed the information": it frames what follows."""
    return any(
        a.kind == "subject" and CONFIRM_RE.match(a.cue) and kind_of(a.mention) == "plural" for a in atts
    )


def _has_cue_word(text: str) -> bool:
    """A cheap test for a reporting verb or another cue before the full attribution pass."""
    return ":" in text or _CUE_WORD_RE.search(text.lower()) is not None


# a correction note: the figure it repeats is the one withdrawn
_CORRECTION_RE = re.compile(
    r"(?:corrections?\s*:|(?:an?|the)\s+(?:earlier|previous)\s+version\s+of\s+this\s+(?:story|article|report|page)\b"
    r"|this\s+(?:story|article|report)\s+(?:has\s+been|was)\s+(?:corrected|amended|updated\s+to\s+correct))",
    re.IGNORECASE,
)


# a statistics page's heading near its top: "Quarterly Statistical Bulletin", "Official Statistics",
# "Situation Report No. 14", "Epidemiological Update", "Daily Health Bulletin"
_BULLETIN_RE = re.compile(
    r"\b(?:statistical[^\S\n]+(?:bulletin|release|report|update)|official[^\S\n]+statistics|situation[^\S\n]+report"
    r"|sitrep|(?:epidemiological|health|daily|weekly|monthly|quarterly)[^\S\n]+(?:bulletin|update))\b",
    re.IGNORECASE,
)
_BULLETIN_HEAD_CHARS = 400
_BULLETIN_LINE_CHARS = 120


def _is_bulletin(text: str, outlet: str | None) -> bool:
    """A statistics bulletin or situation report, published by a body that is no news outlet: its figures
    are its publisher's (as a press release's are).

    >>> _is_bulletin("Ministry of Health\\nSituation Report No. 14\\nWe recorded 40 cases.", "Ministry of Health")
    True
    >>> _is_bulletin("Ministry of Health\\nSituation Report No. 14\\nWe recorded 40 cases.", "Daily Herald")
    False
    >>> _is_bulletin("Ministry of Health\\nThe minister said 40 cases were found.", "Ministry of Health")
    False
    >>> _is_bulletin("Fever cases\\nThe latest situation report released on Monday shows 40.", "Fever Watch")
    False
    """
    if not outlet or is_media_name(outlet):
        return False
    for m in _BULLETIN_RE.finditer(text, 0, _BULLETIN_HEAD_CHARS):
        start, end = text.rfind("\n", 0, m.start()) + 1, text.find("\n", m.end())
        line = text[start : end if end >= 0 else len(text)].strip()
        if len(line) <= _BULLETIN_LINE_CHARS and not line.endswith("."):
            return True  # a heading line, not "the latest situation report released by X on Monday."
    return False


# a quotation closed by two apostrophes (’’ or '') or opened by two turned commas (‘‘): a double quote
_PAIRED_QUOTES_RE = re.compile(r"’’|‘‘|''")


# "4 ,500": one number whose thousands comma a stray space precedes (never "in 2024 ,500 people")
_STRAY_COMMA_RE = re.compile(r"(?<![\w,.])(\d{1,3})[^\S\n],(?=\d{3}(?!\d))")


def _double_quote(m: re.Match[str]) -> str:
    """The double quote two single marks stand for, padded with a space to keep every offset: an opener
    (‘‘, or '' after a space) hugs the next word, a closer the previous one."""
    pos, text = m.start(), m.string
    opens = m.group() == "‘‘" or (
        m.group() == "''" and (pos == 0 or text[pos - 1].isspace() or text[pos - 1] in "([")
    )
    if opens:
        return " “" if m.group() == "‘‘" else ' "'
    return "” " if m.group() == "’’" else '" '


def extract_document(doc: Document, known_outlets: frozenset[str] = frozenset()) -> DocumentExtraction:
    """The claims and figure-less statements of one document."""
    if "’’" in doc.text or "‘‘" in doc.text or "''" in doc.text:
        doc = dataclasses.replace(doc, text=_PAIRED_QUOTES_RE.sub(_double_quote, doc.text))
    if " ," in doc.text:  # "4 ,500": a stray space before the thousands comma, moved before the number
        doc = dataclasses.replace(doc, text=_STRAY_COMMA_RE.sub(r" \1,", doc.text))
    thousands = detect_thousands_separator(doc.text)
    credits = document_credits(doc.text, known_outlets)
    if doc.outlet and credits:  # "(Yonhap) --" on Yonhap's own page: nobody carries its words
        credits = tuple(c for c in credits if c.lower() != doc.outlet.lower())
    state = Discourse(text=doc.text)
    claims: list[Claim] = []
    statements: list[Statement] = []
    sentences = split_sentences(doc.text)
    headline_end = (
        sentences[0].end if sentences and not sentences[0].text.rstrip().endswith((".", '"', "”")) else 0
    )
    transcript = is_transcript(doc.text)
    if not transcript and (is_release(doc.text, doc.outlet) or _is_bulletin(doc.text, doc.outlet)):
        state.publisher = doc.outlet  # "PRESS NOTE No. 1184": the page speaks for its publisher
    list_speaker: str | None = None  # who announced the bullets that follow ("X said:")
    carry: _Carry | None = None  # the speaker of the sentence just read, for the figures said on after it
    said_on: list[int] = []  # the claims that took the speaker of the sentence before
    given: dict[float, set[str]] = {}  # a figure -> the speakers who gave it so far (up to claims[indexed])
    indexed = 0
    page_words: frozenset[str] | None = None  # the words the page capitalises inside a sentence
    for k, sent in enumerate(sentences):
        state.sentence, state.prev_offset, state.offset = sent.index, state.offset, sent.start
        if transcript and (k == 0 or sentences[k - 1].paragraph != sent.paragraph):
            take_turn(sent.text, state)
        if sent.text[:1] in QUOTES and (k == 0 or sentences[k - 1].paragraph != sent.paragraph):
            ahead = _quote_closed_ahead(sentences, k, known_outlets)
            if ahead is not None:  # '"... There were 2,960 inmates.' + '"Nobody listened," said X.'
                state.quote_speaker, state.quote_paragraph = ahead, sent.paragraph
                state.open_quote_paragraph = sent.paragraph
        state.when.clear()
        state.future.clear()
        text = sent.text
        if _CORRECTION_RE.match(text):
            continue  # "An earlier version of this story gave the capacity as 45,800": a withdrawn figure
        figures = [
            f
            for f in find_figures(text, thousands=thousands)
            if not is_definite_small(text, f)
            and not is_age(text, f)
            and not is_source_count(text, f)
            and not is_phone_or_station_number(text, f)
            and not is_position(text, f)
            and not (" of " in text and is_population(text, f))
            and not is_conversion(text, f)
            and not is_dimension(text, f)
            and not is_label(text, f)
            and not is_date_day(text, f)
            and not (" a time" in text and is_at_a_time(text, f))
            and not ("time" in text[f.end : f.end + 8] and is_multiplier(text, f))
        ]
        needs_cues = bool(figures) or _has_cue_word(text)
        atts = find_attributions(text, known_outlets) if needs_cues else []
        if atts and state.open_quote_paragraph == sent.paragraph:
            atts = []  # inside a quotation named in the next paragraph: "warning" is the speaker's word
        if list_speaker is not None:
            if not _is_list_item(doc.text, sentences, k):
                list_speaker = None
            elif not atts:  # "The survey has found:" + "- 64 homes destroyed": each item is the announcer's
                state.quote_speaker, state.quote_paragraph = list_speaker, sent.paragraph
                state.open_quote_paragraph = sent.paragraph
        if atts and text.rstrip().endswith(":") and atts[0].kind == "subject":
            list_speaker = (
                _recent_speaker(state)
                if _bare_finding(atts[0])
                else resolve_in_sentence(atts[0], [], {}, state)
            )
        if k < PUBLISHER_REACH and atts and doc.outlet and state.publisher is None:
            state.publisher = self_published(doc.outlet, atts)
        if atts and figures:  # "Two senior officials said": a number in a speaker's name counts the speakers
            figures = [f for f in figures if not any(a.start <= f.start and f.end <= a.end for a in atts)]
        if not atts and not figures:
            if not (text[:1] in QUOTES and state.quote_paragraph == sent.paragraph):
                state.quote_speaker = None
            remember_actor(text, sentences[k + 1 : k + 1 + PRONOUN_REACH], state)
            dates = find_dates(text, doc.published) if _DATE_HINT_RE.search(text) else []
            note_dates(dates, text, state)
            if dates:  # "He expressed these views while addressing a meeting on Thursday"
                _date_occasion(occasion_date(text, dates, state), state, claims)
            state.previous = text
            continue
        dates = find_dates(text, doc.published) if atts or figures else []
        before = len(claims)
        _sentence_claims(doc, sent, figures, atts, dates, state, credits, claims, statements)
        carried = False
        if carry is not None and figures and carry.index == k - 1 and carry.paragraph == sent.paragraph:
            for c in claims[indexed:before]:
                if c.speaker:
                    given.setdefault(c.value, set()).add(speaker_key(c.speaker))
            indexed = before
            if page_words is None:
                page_words = capitalised_inside(doc.text)
            ids = _said_on(
                doc.text, sentences, k, atts, state, list_speaker, carry, claims, before, given, page_words
            )
            said_on.extend(ids)
            carried = bool(ids)
        carry = (
            _carry_from(doc.text, sentences, k, state, claims, before, headline_end)
            if figures
            and atts
            and not carried
            and k + 1 < len(sentences)
            # only a sentence of the same paragraph takes the speaker on
            and sentences[k + 1].paragraph == sent.paragraph
            else None
        )
        if dates and _ANNOUNCING_THE_RE.match(text):  # "Announcing the development on Thursday, X said"
            _date_announced(claims, before)
        if not atts:  # "Sea Relief, a charity, ran two boats all night. It said ...": the subject is "it"
            remember_actor(text, sentences[k + 1 : k + 1 + PRONOUN_REACH], state)
            if dates and "ddress" in text:  # "On Thursday, X addressed the press in Y, where 129 ..."
                _date_occasion(occasion_date(text, dates, state), state, claims)
        if not figures and atts:
            if k and _DISPUTE_HINT_RE.search(text):  # "Rebels said 40 died. The army disputed that toll."
                claims.extend(
                    _disputed_figure(doc, sent, sentences[k - 1], atts, dates, state, credits, claims)
                )
            statements.extend(figureless_statements(doc, sent, atts, dates, state, credits))
            if dates:  # "He expressed these views while addressing a meeting on Thursday"
                _date_occasion(occasion_date(text, dates, state), state, claims)
            if _opens_confirmation(text, atts):
                state.confirm_paragraph = sent.paragraph
        state.previous = text
    if said_on:
        claims = _recalled_figures(claims, said_on, credits)
    if headline_end:
        claims = date_headline(claims, headline_end)
    return DocumentExtraction(doc.doc_id, tuple(claims), tuple(statements), credits)


@dataclass(frozen=True, slots=True)
class _Carry:
    """The speaker whose figures a sentence gave, for the figures the next sentence gives with no cue."""

    index: int  # the sentence's index in the document's list
    paragraph: int
    speaker: str
    mention: str | None
    via: tuple[str, ...]
    asserted_on: date | None


# an opener that turns to another matter: "Meanwhile, ...", "Separately, ...", "As for ..."
_SHIFT_RE = re.compile(
    r"(?:Meanwhile|Separately|Elsewhere|In\s+contrast|By\s+contrast|As\s+(?:for|to)|While|Whereas|Although|Though|Of\s+course)\b"
)
_DOUBLE_QUOTES = ('"', "“", "”", "«", "»")
# a witness's or bystander's account is narration, no statement to be said on
_WITNESS_RE = re.compile(
    r"\b(?:witness(?:es)?|onlookers?|bystanders?|passers?-?by|survivors?|villagers?|neighbou?rs?)\b",
    re.IGNORECASE,
)
# a figure of the background, in the figure's own clause: a year ("since 2011", "in 2019", "last year"), a
# quake's magnitude, a capacity, a population
_BACKGROUND_RE = re.compile(
    r"\b(?:1[89]|20)\d\d\b|\b(?:capacity|population|inhabitants|anniversary|founded|built|established"
    r"|employs|employed|home\s+to|magnitude|intensity|richter"
    r"|last\s+year|a\s+year\s+(?:ago|earlier)|previous\s+year|decades?)\b",
    re.IGNORECASE,
)
# a measure right after the figure, at most one word between: "120 kilometres", "30 square miles", "400 hospital
# beds"; only ever ``.match``ed at the figure's end
_MEASURE_AFTER_RE = re.compile(
    rf"[^\S\n]*(?:[\w-]+[^\S\n]+)?(?:square|hectares?|acres?|km/h|mph|{LENGTH_UNIT}|degrees|storeys?|floors?|seats?"
    r"|beds?)\b",
    re.IGNORECASE,
)
# the bounds of a figure's clause, for the background test
_CLAUSE_MARK_RE = re.compile(r"[,;:—–()]")
# what the clause of a figure said on opens with: nothing but the figure's qualifier ("Another", "A further",
# "More than", "Some", "About"), after "But", "And", "However", "Of those," or a lower-case part ("In the
# north,"); or the count itself ("The total rose to", "The toll stands at", "That figure is", "There were")
_CONTINUES_RE = re.compile(
    r"(?:(?:but|and|yet|however|of[^\S\n]+(?:those|them|these)|in[^\S\n]+(?:the[^\S\n]+)?[a-z]+)[,]?[^\S\n]+)?"
    r"(?:(?:another|a[^\S\n]+further|a[^\S\n]+total[^\S\n]+of|(?:more|fewer|less)[^\S\n]+than|at[^\S\n]+least"
    r"|some|about|around|nearly|almost|roughly|approximately|over|up[^\S\n]+to|only|just|the[^\S\n]+remaining"
    r"|the[^\S\n]+other|there[^\S\n]+(?:were|are|was|is|have[^\S\n]+been|had[^\S\n]+been)"
    r"|(?:the[^\S\n]+|that[^\S\n]+|this[^\S\n]+)?(?:total|toll|death[^\S\n]+toll|number|figure|losses|damage)"
    r"(?:[^\S\n]+of[^\S\n]+[a-z]+)?(?:[^\S\n]+(?:has|had|have|now|later|then|also))?"
    r"[^\S\n]+(?:is|was|stands?[^\S\n]+at|stood[^\S\n]+at|rose[^\S\n]+to|risen[^\S\n]+to|climbed[^\S\n]+to"
    r"|reached|hit|came[^\S\n]+to|at))[^\S\n]+)*",
    re.IGNORECASE,
)
# a plain passive or "remain"/"are still" clause right after the figure: "30 were hurt", "9 remain missing"
_PASSIVE_AFTER_RE = re.compile(
    r"[^,;:.]{0,40}?\b(?:remain(?:s|ed)?|(?:are|were|is|was)[^\S\n]+still"
    r"|(?:were|was|are|is|been)[^\S\n]+(?:[a-z]+ly[^\S\n]+)?(?:[a-z]+ed|[a-z]+en|hurt|held|left|lost|found|kept|shot|hit"
    r"|cut|put|swept|taken))\b",
    re.IGNORECASE,
)
# what keeps a figure from being said on: another agent ("by a navy ship"), the reporter's doubt, where
# people live or what they use, a "when"/"where" clause
_AGENT_BY_RE = re.compile(r"\bby[^\S\n]+(?:a|an|the|its|their|his|her|[A-Z]\w*)\b")
_DOUBT_RE = re.compile(r"\b(?:unclear|unknown|not[^\S\n]+(?:known|clear))[^\S\n]+(?:whether|if|how)\b", re.I)
_LIVE_USE_RE = re.compile(r"\b(?:live[sd]?|living|reside[sd]?|use[sd]?|using|ride|rides|commute)\b", re.I)
_WHEN_BEFORE_RE = re.compile(r"\b(?:when|where|whether|if)\b", re.IGNORECASE)
# another place opening the sentence: "In neighbouring Fredonia, ...", "Across the border, ..."
_OTHER_PLACE_RE = re.compile(
    r"(?:In|At|Across|Elsewhere)[^\S\n]+(?:the[^\S\n]+)?(?:neighbouring|nearby|[A-Z])"
)
# what a place or a thing has, before the figure anywhere in its sentence: "The town also has 12 schools",
# "The region has 3 million residents and 12 hospitals" (never "has been", "has risen")
_HAS_LIST_RE = re.compile(
    r"\b(?:has|have|had|owns|contains|includes)[^\S\n]+(?!been\b|risen\b|fallen\b|climbed\b|reached\b|died\b"
    r"|grown\b|doubled\b|[a-z]+ed\b)",
    re.IGNORECASE,
)
# the figure inside a relative clause that describes a place or a thing: ", which holds 3,000"
_RELATIVE_BEFORE_RE = re.compile(
    r"(?:\b(?:which|where|whose)|\bthat[^\S\n]+(?:[a-z]+ed|has|had|have|holds|houses|employs|is|was))\b[^,;:]*$",
    re.IGNORECASE,
)
# a duration: "for 12 hours", "after three weeks"; starts on a space run, so only ever ``.match``ed at the
# figure's end (a fixed position), never searched
_DURATION_AFTER_RE = re.compile(rf"[^\S\n]+(?:more[^\S\n]+|full[^\S\n]+)?{DURATION_UNIT}\b", re.I)
# a sentence that names its own data: "Census figures show ...", "data from the port authority"
_OWN_DATA_RE = re.compile(
    r"\b(?:data|figures|records|statistics|census|polls?|surveys?|stud(?:y|ies)|reports?)[^\S\n]+"
    r"(?:from|by|published|released|compiled|show(?:s|ed|n)?|suggest(?:s|ed)?|indicate[sd]?)\b",
    re.IGNORECASE,
)
# money that is a toll of the event: damage, losses, aid; other money (prices, budgets) is background
_MONEY_TOLL_RE = re.compile(
    r"\b(?:damage[sd]?|loss(?:es)?|lost|aid|relief|compensation|ransom|stolen|looted|donat\w*)\b", re.I
)


def _carry_from(
    text: str,
    sentences: list[Sentence],
    k: int,
    state: Discourse,
    claims: list[Claim],
    first: int,
    headline_end: int,
) -> _Carry | None:
    """The one speaker of sentence ``k``'s claims (from ``first`` on), whom the next sentence's figures
    with no cue of their own may take: not a headline's, a list line's, a question's, a witness's, a
    denial's, nor one sentence's two speakers ("14, police said, but a resident counted 30")."""
    sent = sentences[k]
    if (
        state.turn is not None
        or state.publisher is not None
        or sent.end <= headline_end
        or sent.text.rstrip().endswith("?")
        or _is_list_item(text, sentences, k)
    ):
        return None
    spoken = [c for c in claims[first:] if c.speaker is not None]
    if not spoken or any(c.stance not in ("asserts", "confirms") for c in spoken):
        return None
    last = spoken[-1]
    speaker = last.speaker or ""
    key = speaker_key(speaker)
    if any(speaker_key(c.speaker or "") != key for c in spoken):
        return None
    if _WITNESS_RE.search(last.speaker_mention or speaker) is not None:
        return None
    if state.quote_speaker is not None and speaker_key(state.quote_speaker) != key:
        return None  # a quotation another speaker closed
    return _Carry(k, sent.paragraph, speaker, last.speaker_mention, last.via, last.asserted_on)


def _recalled_figures(claims: list[Claim], carried: list[int], credits: tuple[str, ...]) -> list[Claim]:
    """The ``carried`` claims (indices) back to no speaker when another speaker gives the same figure of the
    same thing (unit and item) anywhere on the page: the sentence recalls theirs ("The charity counted 70
    dead" further down); "the hospital said 3 nurses were treated" leaves "Another 3 were hurt" alone."""
    ids = set(carried)
    given: dict[tuple[float, str | None, str | None], set[str]] = {}
    for i, c in enumerate(claims):
        if c.speaker and i not in ids:
            given.setdefault((c.value, c.unit, c.item), set()).add(speaker_key(c.speaker))
    out = list(claims)
    for i in carried:
        c = claims[i]
        if given.get((c.value, c.unit, c.item), set()) - {speaker_key(c.speaker or "")}:
            out[i] = dataclasses.replace(c, speaker=None, speaker_mention=None, asserted_on=None, via=credits)
    return out


_CLAUSE_START_RE = re.compile(r"[,;:]|\b(?:and|but)\b")


def _continues_count(body: str, at: int, end: int) -> bool:
    """Whether the figure at ``at``..``end`` of the sentence ``body`` goes on with the count of the sentence
    before: its clause opens on the figure or its qualifier ("Another 30 were damaged", "About 1,200 slept
    in schools", "The total rose to 2,315"), or it is a plain passive with no agent ("the 9 were found");
    not a population ("About 3,000 people live in the town"), another agent ("by a navy ship"), the
    reporter's doubt ("unclear whether"), a possession ("the city's 14 hospitals"), a "when" clause.

    >>> _continues_count("Another 30 were hurt in the main square.", 8, 10)
    True
    >>> _continues_count("Another 40 were later picked up by a navy ship.", 8, 10)
    False
    >>> _continues_count("Acme cut 300 jobs last month.", 9, 12)
    False
    """
    head = body[:at]
    start = 0
    for m in _CLAUSE_START_RE.finditer(head):
        start = m.end()
    prefix = head[start:].lstrip()
    stop = _CLAUSE_MARK_RE.search(body, end)
    rest = body[end : stop.start() if stop is not None else len(body)]
    if _AGENT_BY_RE.search(rest) or _LIVE_USE_RE.search(rest) or _DOUBT_RE.search(head):
        return False
    if _WHEN_BEFORE_RE.search(head) or _HAS_LIST_RE.search(head):
        return False
    if _CONTINUES_RE.fullmatch(prefix) is not None:
        return True
    return (
        "'" not in prefix
        and "’" not in prefix
        and not any(w[:1].isupper() for w in prefix.split()[1:])
        and _PASSIVE_AFTER_RE.match(body, end) is not None
    )


def _said_on(
    text: str,
    sentences: list[Sentence],
    k: int,
    atts: list[Attribution],
    state: Discourse,
    list_speaker: str | None,
    carry: _Carry,
    claims: list[Claim],
    first: int,
    given: dict[float, set[str]],
    page_words: frozenset[str],
) -> list[int]:
    """Give the speaker of the sentence before the figures of sentence ``k`` (its claims from ``first``
    on) that no cue of their own attributes, when ``k`` goes on with the speaker's count: "The fire service
    said 14 homes burned. Another 30 were damaged." Only a figure that continues the count
    (:func:`_continues_count`); not a figure whose clause has its own agent ("The company employs 4,000
    people"), nor a background figure (a year, a measure, a price, a capacity, a figure in a relative
    clause, what a place has), nor one another speaker gave above (``given``: a figure -> the speakers of
    the claims read so far), nor after "Meanwhile," or "In neighbouring X,". The indices of the claims
    carried: a sentence that carried carries no further."""
    sent = sentences[k]
    body = sent.text
    if (
        atts
        or state.turn is not None
        or state.publisher is not None
        or list_speaker is not None
        or state.open_quote_paragraph == sent.paragraph
        or body.rstrip().endswith("?")
        or body[:1] in QUOTES
        or _SHIFT_RE.match(body) is not None
        or _OTHER_PLACE_RE.match(body) is not None
        or _OWN_DATA_RE.search(body) is not None
        or "ccording to" in body  # "According to a statement, ...": a source of its own, even unnamed
        or any(q in body for q in _DOUBLE_QUOTES)  # a quotation of its own ("lender's" is none)
        or _is_list_item(text, sentences, k)
    ):
        return []
    tokens: list[Token] | None = None
    carried: list[int] = []
    key = speaker_key(carry.speaker)
    for i in range(first, len(claims)):
        c = claims[i]
        if c.speaker is not None:
            continue
        if given.get(c.value, set()) - {key}:
            continue  # a figure another speaker gave above: recalled, not the speaker's own
        at, end = c.start - sent.start, c.end - sent.start
        if _RELATIVE_BEFORE_RE.search(body, max(0, at - 60), at) is not None:
            continue
        if _DURATION_AFTER_RE.match(body, end) is not None or _MEASURE_AFTER_RE.match(body, end) is not None:
            continue
        if c.unit not in (None, "%") and _MONEY_TOLL_RE.search(body) is None:
            continue  # a price, a budget: background
        lo = max(
            (m.end() for m in _CLAUSE_MARK_RE.finditer(body, max(0, at - 80), at)), default=max(0, at - 80)
        )
        hi_m = _CLAUSE_MARK_RE.search(body, end, end + 80)
        if _BACKGROUND_RE.search(body, lo, hi_m.start() if hi_m is not None else min(len(body), end + 80)):
            continue  # a year, a capacity, a population in the figure's own clause
        if not _continues_count(body, at, end):
            continue
        if tokens is None:
            tokens = tokenize(body)
        before = next((j for j, t in enumerate(tokens) if t.start >= at), len(tokens))
        if own_agent_before(tokens, before, page_words):
            continue
        claims[i] = dataclasses.replace(
            c,
            speaker=carry.speaker,
            speaker_mention=carry.mention,
            via=carry.via,
            stance="asserts",
            asserted_on=carry.asserted_on,
        )
        carried.append(i)
    return carried


def _sentence_claims(
    doc: Document,
    sent: Sentence,
    figures: list[Figure],
    atts: list[Attribution],
    dates: list[DateMention],
    state: Discourse,
    credits: tuple[str, ...],
    out: list[Claim],
    statements: list[Statement],
) -> None:
    """The claims of a sentence with figures or cues: each figure's, the asides' and the nominal sources'
    on them; then the statements of dated cues no figure took, and the discourse state after the sentence."""
    text = sent.text
    resolved: dict[int, str | None] = {}
    for idx, cue in enumerate(atts):
        resolved[idx] = resolve_in_sentence(cue, atts[:idx], resolved, state)
    own_dates = _own_dates(text, atts, resolved, dates, state)
    r = _Reading(doc, sent, atts, resolved, dates, state, credits, own_dates, {})
    used: set[int] = set()  # ids of the cues a claim took
    asides = figure_asides(text, atts) if figures else []
    own = _figure_claims(r, figures, asides, used)
    out.extend(own)
    out.extend(_aside_claims(r, own, asides, used))
    out.extend(_nominal_claims(text, sent, own, atts, state, credits))
    statements.extend(dated_cue_statements(doc, sent, atts, resolved, used, dates, state, credits))
    _update_state(sent, atts, resolved, dates, state, own_dates, r.cue_dates)


# "The army disputed that toll", "Kyiv rejected the figure": a figure of the sentence before, denied
_DISPUTE_HINT_RE = prefixed("drqc", r"\b(?:disput|reject|denie|deny|question|contest)", re.IGNORECASE)
_DISPUTE_VERBS = frozenset(
    {
        "disputed",
        "disputes",
        "dispute",
        "rejected",
        "rejects",
        "reject",
        "denied",
        "denies",
        "deny",
        "questioned",
        "questions",
        "question",
        "contested",
        "contests",
        "contest",
    }
)
_DISPUTED_OBJECT_RE = re.compile(
    r"[^\S\n]+(?:that|the|this|those|these)[^\S\n]+(?:(?:death|casualty)[^\S\n]+)?"
    r"(?:figures?|toll|numbers?|count|claims?|tally|estimates?)\b(?![^\S\n]+(?:of|for|from|in|at)\b)"
)

_REASON_AFTER_RE = re.compile(r",[^\S\n]*(?:saying|adding|arguing|explaining|noting|insisting)\b")
# "The army has not disputed the toll", "No official disputed it": a dispute nobody made
_NEGATED_DISPUTE_RE = re.compile(r"\b(?:not|never|nobody|none|no(?!\.?[^\S\n]*\d))\b|n't\b", re.IGNORECASE)


def _disputed_figure(
    doc: Document,
    sent: Sentence,
    before: Sentence,
    atts: list[Attribution],
    dates: list[DateMention],
    state: Discourse,
    credits: tuple[str, ...],
    claims: list[Claim],
) -> list[Claim]:
    """A speaker who disputes "that figure" denies the one figure of the sentence before, given by another."""
    att = next(
        (a for a in atts if a.kind == "subject" and a.cue.lower() in _DISPUTE_VERBS and not a.is_pronoun),
        None,
    )
    obj = _DISPUTED_OBJECT_RE.match(sent.text, att.cue_end) if att is not None else None
    if att is None or obj is None or _REASON_AFTER_RE.search(sent.text, obj.end()) is not None:
        return []  # "disputed that figure, saying many were duplicates": what it means, not how many
    if _NEGATED_DISPUTE_RE.search(sent.text, max(0, att.start - 3), att.cue_start) is not None:
        return []  # "has not disputed the toll", "No official disputed it"
    prior = [c for c in claims if before.start <= c.start < sent.start]
    if len({c.value for c in prior}) != 1 or prior[0].speaker is None:
        return []
    speaker = resolve_in_sentence(att, [], {}, state) or att.mention
    if speaker_key(speaker) == speaker_key(prior[0].speaker):
        return []
    # "disputed that toll on Monday": the date right after the object dates the dispute
    when = next((d.value for d in dates if d.value and obj.end() <= d.start <= obj.end() + 2), None)
    return [
        dataclasses.replace(
            prior[0],
            claim_id=f"{doc.doc_id}@{sent.start + att.cue_start}",
            speaker=speaker,
            speaker_mention=att.mention,
            via=tuple(credits),
            sentence=sent.text,
            stance="denies",
            asserted_on=when or effective_date(sent.text, att, speaker, dates, state, {}),
        )
    ]


def _own_dates(
    text: str,
    atts: list[Attribution],
    resolved: dict[int, str | None],
    dates: list[DateMention],
    state: Discourse,
) -> dict[str, date | None]:
    """One speaker's cues in one sentence make one statement: "X put the toll at 62, according to a report
    it published on Monday", "X gave a lower figure on Thursday, saying ...": the dated cue dates them all."""
    own_dates: dict[str, date | None] = {}
    if dates and len(atts) > 1:
        for idx, cue in enumerate(atts):
            name = resolved.get(idx)
            if (
                name is not None
                and not cue.media
                and not _IN_RELATIVE_ASIDE_RE.search(text, 0, cue.cue_start)
                # "up from the 40 it reported on Tuesday": an earlier statement, recalled
                and _COMPARED_CUE_RE.search(text, max(0, cue.start - 70), cue.start) is None
                # "X said 40 died, and on Tuesday said 52": the second verb's date is its own statement's
                and not coordinated_verb(text, cue)
            ):
                when, stated = dated(text, cue, dates, state)
                if stated and when is not None:
                    own_dates.setdefault(speaker_key(name), when)
    return own_dates


def _quote_closed_ahead(sentences: list[Sentence], k: int, known_outlets: frozenset[str]) -> str | None:
    """The speaker of a quotation that opens paragraph ``k`` and runs on into the next paragraph (the
    news convention: no closing mark at the paragraph's end, an opening one at the next), named where it
    closes: '"... There were 2,960 inmates.' then '"Nobody listened," said Lea Kuhn.' -> Lea Kuhn."""
    para = sentences[k].paragraph
    j = k
    marks = 0
    while j < len(sentences) and sentences[j].paragraph == para:
        text = sentences[j].text
        marks += text.count('"') + text.count("“") + text.count("”")
        j += 1
    if marks != 1 or j >= len(sentences) or sentences[j].text[:1] not in QUOTES:
        return None  # the quotation closes in its own paragraph, or no quotation goes on
    nxt = sentences[j].text
    close = next((m for m in range(1, len(nxt)) if nxt[m] in '"”'), -1)
    if close < 0:
        return None
    found = [
        a
        for a in find_attributions(nxt, known_outlets)
        if a.kind in {"inverted", "subject"} and not a.is_pronoun and not a.media and a.cue_start > close
    ]
    if not found:
        return None
    gap = nxt[close + 1 : min(found[0].start, found[0].cue_start)]
    # the speaker named right after the closing mark ('," said X', '," the union's chief, X, said')
    return found[0].mention if len(gap) < 80 and not any(c in gap for c in '.!?"“”') else None


_TOLD_RE = re.compile(r"[^\S\n]+(?P<o>(?:the[^\S\n]+)?[A-Z][\w.&'’\-]*(?:[^\S\n]+[A-Z][\w.&'’\-]*){0,3})")
# "told the official Chinese news agency, Xinhua", "told state broadcaster CCTV": the outlet after its kind
_TOLD_DESCRIBED_RE = re.compile(
    r"[^\S\n]+(?:(?:the|an?)[^\S\n]+)?(?:[\w\-]+[^\S\n]+){0,3}?(?:news[^\S\n]+agency|agency|broadcaster|newspaper"
    r"|daily|television|channel|radio|network|news[^\S\n]+site|website)[^\S\n]*,?[^\S\n]+"
    r"(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\b"
    r"|(?:On|In|At|That|The|Last|This|Late|Early)\b)"
    r"(?P<o>[A-Z][\w.&'’\-]*(?:[^\S\n]+[A-Z][\w.&'’\-]*){0,3})"
)
# "told NAN on Sunday", "told PTI that ...": a bare acronym after "told" is the agency that heard it
_TOLD_ACRONYM_RE = re.compile(r"[^\S\n]+(?P<o>[A-Z]{2,5})(?=[^\S\n]*[,.]|[^\S\n]+(?:that|on)\b)")
# bodies and groups of people one tells things to, never a news agency
_TOLD_NOT_OUTLET = frozenset(
    {
        "UN",
        "EU",
        "US",
        "UK",
        "USA",
        "AU",
        "NATO",
        "WHO",
        "IMF",
        "ICC",
        "ICJ",
        "OSCE",
        "FBI",
        "CIA",
        "NHS",
        "MP",
        "MPS",
        "MSPS",
        "MLAS",
        "UNSC",
        "IAEA",
        "OPEC",
        "ASEAN",
        "SADC",
        "ICE",
        "NASA",
        "CDC",
        "DHS",
        "DOJ",
        "EPA",
        "SEC",
        "FAA",
        "FDA",
        "FEMA",
        "NTSB",
        "DEA",
        "ATF",
        "IRS",
        "NSA",
        "ICRC",
        "UNHCR",
        "UNICEF",
        "UNDP",
        "WFP",
        "IOM",
        "MSF",
        "OCHA",
        "IFRC",
        "ECB",
        "WTO",
        "OECD",
    }
)
# the same acronym speaking for itself elsewhere on the page: a body, not the agency that carries the words
# (a lookahead, so one acronym's match never hides another's)
_SPEAKS_RE = re.compile(
    r"(?=\b(?P<a>[A-Z]{2,5})[^\S\n]+(?:said|says|stated|added|announced|claimed|told)\b"
    r"|\baccording[^\S\n]+to[^\S\n]+(?:the[^\S\n]+)?(?P<b>[A-Z]{2,5})\b)"
)


@lru_cache(maxsize=4)
def _self_speakers(page: str) -> frozenset[str]:
    """The acronyms that speak for themselves somewhere on the ``page``, found once per page.

    >>> sorted(_self_speakers("NAN said so. It rained, according to the WFP. He told PTI."))
    ['NAN', 'WFP']
    """
    return frozenset(m.group("a") or m.group("b") for m in _SPEAKS_RE.finditer(page))


# "in a statement made available to the News Agency of Nigeria (NAN)": the agency the statement went to
_STATEMENT_TO_RE = re.compile(
    r"\b(?:statement|release|message|letter)[^\S\n]+(?:made[^\S\n]+available|sent|e-?mailed|given|issued)"
    r"[^\S\n]+to[^\S\n]+(?P<o>(?:the[^\S\n]+)?[A-Z][\w.&'’\-]*(?:[^\S\n]+(?:of[^\S\n]+)?[A-Z][\w.&'’\-]*){0,4})"
    r"(?:[^\S\n]*\((?P<short>[A-Z]{2,6})\))?"
)
_STATEMENT_WORDS = ("statement", "message", "letter", "release")
# the outlet a speaker spoke to: "Speaking to Al Jazeera, ...", "said in an (exclusive) interview with the BBC"
_POSSESSIVE_TAIL_RE = re.compile(r"['’]s\b.*$")  # "Al Jazeera's", "the BBC's Newsnight": the outlet
_INTERVIEW_RE = re.compile(
    r"\b(?:[Ss]peaking[^\S\n]+(?:exclusively[^\S\n]+)?to|[Ii]n[^\S\n]+an?[^\S\n]+(?:exclusive[^\S\n]+|televised[^\S\n]+"
    r"|radio[^\S\n]+|phone[^\S\n]+)?interview[^\S\n]+with)"
    r"[^\S\n]+(?P<o>(?:the[^\S\n]+)?[A-Z][\w.&'’\-]*(?:[^\S\n]+[A-Z][\w.&'’\-]*){0,3})"
)


def _interview_outlet(text: str, att: Attribution, atts: list[Attribution]) -> str | None:
    """The news outlet the speaker of ``att`` gave an interview to, which carries their words: the interview
    phrase nearest to that cue, with no other cue between them; an outlet's name without its possessive.

    >>> from analyzer.extract.attribution import find_attributions
    >>> s = "Speaking to Al Jazeera's correspondent, the governor said 40 died."
    >>> atts = find_attributions(s)
    >>> _interview_outlet(s, atts[0], atts)
    'Al Jazeera'
    >>> s = "The governor said 40 died, while the mayor, in an interview with CNN, said 52 died."
    >>> atts = find_attributions(s)
    >>> [_interview_outlet(s, a, atts) for a in atts]
    [None, 'CNN']
    """
    for m in _INTERVIEW_RE.finditer(text):
        lo, hi = (m.end(), att.start) if m.end() <= att.start else (att.cue_end, m.start())
        if hi - lo > 80 or any(lo <= a.cue_start < hi or (lo < a.start < hi) for a in atts if a is not att):
            continue
        name = _POSSESSIVE_TAIL_RE.sub("", m.group("o"))
        if is_media_name(name):
            return name
    return None


# a page's closing line on its writers: "X and Y are New York Times writers", "Z is a Reuters correspondent"
_WRITERS_RE = re.compile(
    r"\b(?:is|are)[^\S\n]+(?:an?[^\S\n]+)?(?P<outlet>(?:The[^\S\n]+)?[A-Z][\w.&'’\-]*(?:[^\S\n]+[A-Z][\w.&'’\-]*){0,4})"
    r"[^\S\n]+(?:staff[^\S\n]+)?(?:writers?|reporters?|correspondents?|journalists?)\b"
)


_BULLET_BEFORE_RE = re.compile(r"(?:^|\n)[^\S\n]*[-–•*·▪●◦‣■►][^\S\n]+$")


_FINDING_NOUNS = INFO_NOUNS | {
    "assessments",
    "assessment",
    "findings",
    "results",
    "surveys",
    "survey",
    "review",
}


def _bare_finding(att: Attribution) -> bool:
    """ "The assessments have found:": a finding with no owner named, no speaker for the list."""
    words = att.mention.split()
    return (
        words[-1].lower() in _FINDING_NOUNS
        and "'" not in att.mention
        and "’" not in att.mention
        and not any(w[:1].isupper() for w in words[1:])
    )


_FINDING_REACH = 4  # sentences back to the speaker whose findings an ownerless "The results show:" lists


def _date_occasion(found: tuple[str, date] | None, state: Discourse, claims: list[Claim]) -> None:
    """A sentence that tells when the speaker just reported spoke ("He expressed these views while
    presiding over a meeting on Thursday") dates that speaker's undated claims since its last dated one,
    and what it says next."""
    speaker = _recent_speaker(state) if found is not None else None
    if found is None:
        return
    who, when = found
    if (
        who not in ("He", "She", "They")
        and not who.startswith("The ")
        and (speaker is None or who not in speaker)
    ):
        # a name that is not the speaker's: "On Thursday, X addressed the press": what X says next
        state.said_by.pop(speaker_key(who), None)
        state.said_by[speaker_key(who)] = (who, when)
        return
    if speaker is None:
        return
    if who.startswith("The ") and not (
        same_actor(who, speaker) or who[4:].lower() in speaker.lower().split()
    ):
        return  # "Police said 40 people were held." + "The mayor spoke at a rally on Monday": not Police's day
    key = speaker_key(speaker)
    for i in range(len(claims) - 1, -1, -1):
        c = claims[i]
        if c.speaker is None or (speaker_key(c.speaker) != key and not same_actor(c.speaker, speaker)):
            continue
        if c.asserted_on is not None:
            break
        claims[i] = dataclasses.replace(c, asserted_on=when)
    state.said_by.pop(key, None)
    state.said_by[key] = (speaker, when)


# "Announcing the development, Thursday evening, X said ...": a participle that names the announcement just
# reported, whose date is that of the speaker's undated claims before it
_ANNOUNCING_THE_RE = re.compile(
    r"(?:Announcing|Confirming|Disclosing|Revealing|Releasing|Giving|Unveiling)[^\S\n]+(?:the|these|this)"
    r"[^\S\n]+(?:[a-z]+[^\S\n]+)?(?:development|developments|news|figures?|numbers|update|outbreak|toll|details"
    r"|results?|data|statistics)\b"
)


def _date_announced(claims: list[Claim], first: int) -> None:
    """The claims from ``first`` on (one speaker, one date) date that speaker's undated claims before them,
    back to its last dated one."""
    new = claims[first:]
    if not new or new[0].speaker is None or new[0].asserted_on is None:
        return
    speaker, when = new[0].speaker, new[0].asserted_on
    if any(c.speaker != speaker or c.asserted_on != when for c in new):
        return
    key = speaker_key(speaker)
    for i in range(first - 1, -1, -1):
        c = claims[i]
        if c.speaker is None or (speaker_key(c.speaker) != key and not same_actor(c.speaker, speaker)):
            continue
        if c.asserted_on is not None:
            break
        claims[i] = dataclasses.replace(c, asserted_on=when)


def _recent_speaker(state: Discourse) -> str | None:
    """The speaker of the sentences just before an ownerless finding line: "X confirmed 64 homes lost ...
    The assessments have found:" + "- 64 homes destroyed": the list is X's (None if nobody spoke lately)."""
    if not state.speakers:
        return None
    last = state.speakers[-1]
    return last if state.sentence - state.last_seen.get(last, -99) <= _FINDING_REACH else None


_ITEM_START_RE = re.compile(r"[\d$€£¥₦₹]|(?:[A-Z][a-z]+[^\S\n]+)?[A-Z]{1,3}\$")


def _is_list_item(text: str, sentences: list[Sentence], k: int) -> bool:
    """Whether sentence ``k`` is an item of a list: a bullet line ("- 64 homes destroyed"), or a short
    paragraph of its own that opens on a figure or closes with no stop ("7 sheds destroyed, 9 damaged")."""
    sent = sentences[k]
    if _BULLET_BEFORE_RE.search(text, max(0, sent.start - 8), sent.start) is not None:
        return True
    alone = (k == 0 or sentences[k - 1].paragraph != sent.paragraph) and (
        k + 1 == len(sentences) or sentences[k + 1].paragraph != sent.paragraph
    )
    return (
        alone
        and len(sent.text) < 160
        and (_ITEM_START_RE.match(sent.text) is not None or sent.text.rstrip()[-1:] not in '.!?"”’')
    )


def _told_outlet(text: str, att: Attribution, page: str = "") -> str | None:
    """The news outlet a speaker told: "he told AFP", "told The Associated Press on Monday", "told NAN" (a
    bare acronym no sentence of the ``page`` has speak for itself)."""
    if not att.cue.lower().startswith(("told", "tell")):
        return None
    m = _TOLD_RE.match(text, att.cue_end)
    if m is None or not is_media_name(m.group("o").rstrip(".")):
        described = _TOLD_DESCRIBED_RE.match(text, att.cue_end)
        if described is not None:  # "told state broadcaster CCTV": the kind says it is news media
            return described.group("o").rstrip(".")
    if m is None:
        return None
    name = m.group("o")
    if not is_media_name(name):
        name = name.rstrip(".")  # "he told AFP."
    if name and is_media_name(name):
        return name
    acronym = _TOLD_ACRONYM_RE.match(text, att.cue_end)
    if acronym is None or acronym.group("o") in _TOLD_NOT_OUTLET:
        return None
    short = acronym.group("o")
    return None if short in _self_speakers(page) else short  # "told NAN on Sunday"


def _statement_outlet(text: str) -> str | None:
    """The news agency a statement was made available to, by its short name when the text gives one."""
    m = _STATEMENT_TO_RE.search(text)
    if m is None or not is_media_name(m.group("o").rstrip(".")):
        return None
    return m.group("short") or m.group("o").rstrip(".")


def _figure_claims(
    r: _Reading, figures: list[Figure], asides: list[FigureAside], used: set[int]
) -> list[Claim]:
    """A claim for each figure of the sentence, through the cue it belongs to (asides aside), but for
    durations; a claim whose item is unsaid takes its sibling's ("40 dead and 12 injured")."""
    text = r.sent.text
    spans = [(f.start, f.end) for f in figures]
    aside_ids = {id(a.attribution) for a in asides}
    main_atts = [a for a in r.atts if id(a) not in aside_ids] if asides else r.atts
    carried_quote = (
        not r.atts
        and (text[:1] in QUOTES or r.state.open_quote_paragraph == r.sent.paragraph)
        and r.state.quote_speaker is not None
        and r.state.quote_paragraph == r.sent.paragraph
    )
    claims: list[Claim] = []
    order = sorted(spans)
    for fig in figures:
        # the figures beside it (choose reads the next one): a window, not all, so a list of thousands of
        # bare numbers stays linear
        span = (fig.start, fig.end)
        k = bisect_left(order, span)
        others = [s for s in order[max(0, k - 8) : k + 9] if s != span]
        choice = choose(main_atts, fig.start, fig.end, others, text)
        if choice.attribution is not None:
            used.add(id(choice.attribution))
        claims.append(_figure_claim(r, fig, choice, carried_quote))
    # "after eight years at regional radio": a duration, not a count anyone claims
    kept = [c for c in claims if not (c.per is None and c.item and names_duration(c.item))]
    if len(kept) < 2:
        return kept  # a lone figure has no sibling to take an item from
    base = r.sent.start
    ends = [0, *(c.end - base for c in kept)][: len(kept)]
    own = [has_own_verb(text, e, c.start - base) for c, e in zip(kept, ends, strict=True)]
    items = fill_from_siblings([c.item for c in kept], [c.unit for c in kept], own)
    for i, c in enumerate(kept):
        if c.item is None and items[i] is not None:  # "15 died in A and four in B": four died in B
            items[i] = elliptical_item(text, c.start - base, c.end - base, items[i] or "") or items[i]
    return [
        c if item == c.item else dataclasses.replace(c, item=item)
        for c, item in zip(kept, items, strict=True)
    ]


def _figure_claim(r: _Reading, fig: Figure, choice: Choice, carried_quote: bool) -> Claim:
    """The claim of one figure: who asserts it, on what date, with what stance, through whom."""
    doc, sent, state, text = r.doc, r.sent, r.state, r.sent.text
    speaker, mention, att, by_document = _figure_speaker(r, fig, choice, carried_quote)
    cue_start = att.cue_start if att is not None else -1
    asserted = _figure_date(r, fig, att, speaker, by_document)
    via = list(choice.via)
    told = att or choice.attribution
    if told is not None and told.kind == "participle":  # "X told AFP ..., adding that ...": the same speaker
        told = next((a for a in r.atts if a.mention == told.mention and a.cue.lower() == "told"), told)
    hearer = _told_outlet(text, told, doc.text) if told is not None else None
    if hearer is None and att is not None and any(w in text for w in _STATEMENT_WORDS):
        hearer = _statement_outlet(text)
    if hearer is None and att is not None and ("nterview" in text or "peaking to" in text):
        hearer = _interview_outlet(text, att, r.atts)
    if hearer is not None and hearer not in via and hearer != speaker:
        via.append(hearer)  # "X told AFP": AFP carries X's words
    via += [c for c in r.credits if c not in via and c != speaker]
    stance = stance_of(text, cue_start, fig.start, fig.end) if speaker else "asserts"
    if stance == "asserts" and speaker and state.confirm_paragraph == sent.paragraph:
        stance = "confirms"  # the paragraph opened with "officials confirmed ...": this is the confirmation
    return Claim(
        claim_id=f"{doc.doc_id}@{sent.start + fig.start}",
        doc_id=doc.doc_id,
        value=fig.value,
        sentence=text,
        start=sent.start + fig.start,
        end=sent.start + fig.end,
        outlet=doc.outlet,
        published=doc.published,
        speaker=speaker,
        speaker_mention=mention,
        via=tuple(via) if speaker else tuple(r.credits),
        value_low=fig.low,
        value_high=fig.high,
        qualifier=fig.qualifier,
        approximate=fig.approximate,
        derived=fig.derived,
        unit=(
            local_currency(fig.text, fig.unit, page_country(doc.url, doc.text))
            if fig.unit in ("USD", "INR")
            else fig.unit
        ),
        item=item_for(text, fig.start, fig.end, fig.text, fig.derived is not None, fig.unit),
        stance=stance,
        asserted_on=asserted,
        per=fig.per or _rate_in_clause(text, fig.end),
    )


def _figure_speaker(
    r: _Reading, fig: Figure, choice: Choice, carried_quote: bool
) -> tuple[str | None, str | None, Attribution | None, bool]:
    """Who asserts a figure, as the text names them, through which cue, and whether the document itself is
    the statement: a transcript's turn, or a press release's own voice ("We will close the plant, which
    employs 1,650 people"), made on its date."""
    speaker: str | None = None
    mention: str | None = None
    att = choice.attribution
    if att is not None:
        idx = next((i for i, a in enumerate(r.atts) if a is att), -1)
        speaker = r.resolved.get(idx, att.mention) if idx >= 0 else att.mention
        if att.kind == "pronoun" and speaker is None:
            att = None
        else:
            mention = att.mention
    elif carried_quote:
        speaker = mention = r.state.quote_speaker
    if speaker is None and (att is None or att.is_pronoun):
        if r.state.turn is not None:
            return r.state.turn, r.state.turn_label, None, True
        if r.state.publisher is not None and not inside_quote(fig.start, quote_spans(r.sent.text)):
            return r.state.publisher, mention, None, True
    return speaker, mention, att, False


# a turn that recalls what its speaker said before: "... one figure I gave yesterday. We said 2,350."
_GIVING_VERBS = r"(?:said|gave|reported|announced|released|put)"
_RECALLED_RE = re.compile(rf"(?:We|I)\s+{_GIVING_VERBS}\b")  # match only: the turn's opening words
_GAVE_BEFORE_RE = re.compile(rf"\b(?:I|we)\s+{_GIVING_VERBS}\b", re.IGNORECASE)
# "news by Monday": a deadline, no day anything was given on
_DEADLINE_BEFORE_RE = re.compile(r"\b(?:by|until|till|before)\s+(?:the\s+)?$", re.IGNORECASE)


def _recalled_date(r: _Reading) -> date | None:
    """A document's own voice recalling what it gave on an earlier day: "Yesterday I said N", or a turn
    that opens "We said N" right after "a figure I gave yesterday": that day, not the document's.

    A deadline ("we would have news by Monday") is no such day.
    """
    text = r.sent.text
    said = _GAVE_BEFORE_RE.search(text)
    if said is not None and said.start() > 0:
        found = _given_dates(text[: said.start()], r.doc.published)
        if found:
            return found[0] if len(found) == 1 else None
    if _RECALLED_RE.match(text) is None or not r.state.previous:
        return None
    before = r.state.previous
    if _GAVE_BEFORE_RE.search(before) is None:
        return None
    found = _given_dates(before, r.doc.published)
    return found[0] if len(found) == 1 else None


def _given_dates(text: str, published: date | None) -> list[date]:
    """The exact dates of ``text`` that are no deadline."""
    return [
        d.value
        for d in find_dates(text, published)
        if d.value is not None and not d.vague and _DEADLINE_BEFORE_RE.search(text, 0, d.start) is None
    ]


_FIRST_PERSON_RE = re.compile(r"(?:[Oo]ur|[Mm]y|[Ww]e|I)\b")
_ADJUST_STEMS = frozenset({"raise", "lower", "revise", "update"})
_ANOTHER_SOURCE_RE = re.compile(r";|\b(?:but|while|whereas|although|though)\b")
_FROM_BEFORE_RE = re.compile(r"\bfrom\s+(?:about\s+|around\s+|some\s+)?$", re.IGNORECASE)


def _adjusted_on(r: _Reading, att: Attribution, fig: Figure) -> date | None:
    """The date of the estimate a closing speaker reports: "The city on Sunday raised its estimate to 6,200,
    its engineer said" (the raise is the statement, made on Sunday); not for the old value ("from 4,800")."""
    text = r.sent.text
    if _FROM_BEFORE_RE.search(text, max(0, fig.start - 20), fig.start):
        return None
    for adj in r.atts:
        if (
            adj.cue_start < att.cue_start
            and adj.kind == "subject"
            and REPORTING_FORMS.get(adj.cue.lower()) in _ADJUST_STEMS
        ):
            if _ANOTHER_SOURCE_RE.search(text, adj.cue_end, att.cue_start):
                continue  # "... raised the toll to 40, but a charity said 60": another statement
            when, stated = dated(text, adj, r.dates, r.state)
            if stated:
                return when
    return None


def _figure_date(
    r: _Reading, fig: Figure, att: Attribution | None, speaker: str | None, by_document: bool
) -> date | None:
    """The date the speaker asserted the figure on: the statement's, or the document's own."""
    state = r.state
    asserted: date | None = None
    if by_document:
        asserted = _recalled_date(r) or (interview_date(r.doc.text, r.doc.published) if state.turn else None)
        asserted = asserted or r.doc.published
    elif speaker is not None and att is not None:
        key = id(att)
        if key not in r.cue_dates:
            r.cue_dates[key] = effective_date(r.sent.text, att, speaker, r.dates, state, r.own_dates)
        asserted = r.cue_dates[key]
        if asserted is None and att.kind in {"subject", "inverted", "participle"}:
            asserted = _adjusted_on(r, att, fig)
        if asserted is not None:
            asserted = asserted - earlier_by(r.sent.text, fig)  # "up from 1,214 a day earlier"
        if len(r.dates) > 0:
            told = r.cue_dates.get(key)
            asserted = (
                given_on(r.sent.text, fig, r.dates, told) or asserted
            )  # "the 4,000 it gave on Thursday"
    elif speaker is not None:
        asserted = speaker_date(state, speaker)
    if asserted is None and speaker is not None and state.publisher is not None:
        asserted = r.doc.published  # what a press release quotes is said on its date
    if (
        asserted is None
        and state.turn is not None
        and att is not None
        and _FIRST_PERSON_RE.match(att.mention)
    ):
        # a turn's "Our engineers now put it at ...": the briefing's own words, on the day of the interview
        asserted = interview_date(r.doc.text, r.doc.published) or r.doc.published
    return asserted


def _aside_claims(r: _Reading, own: list[Claim], asides: list[FigureAside], used: set[int]) -> list[Claim]:
    """ ", a figure the ministry denied": the aside's speaker on the figure before it."""
    text, sent = r.sent.text, r.sent
    extra: list[Claim] = []
    for aside in asides:
        used.add(id(aside.attribution))
        about = [c for c in own if c.end - sent.start <= aside.start]
        att = aside.attribution
        idx = next((i for i, a in enumerate(r.atts) if a is att), -1)
        name = r.resolved.get(idx)
        if not about or name is None or name == about[-1].speaker:
            continue
        when, stated = dated(text, att, r.dates, r.state)
        extra.append(
            dataclasses.replace(
                about[-1],
                claim_id=f"{about[-1].claim_id}~{sent.start + att.cue_start}",
                speaker=name,
                speaker_mention=att.mention,
                stance=aside.stance,
                asserted_on=when if stated else None,
                via=tuple(c for c in r.credits if c != name),
            )
        )
    return extra


def _nominal_claims(
    text: str,
    sent: Sentence,
    own: list[Claim],
    atts: list[Attribution],
    state: Discourse,
    credits: tuple[str, ...],
) -> list[Claim]:
    """ "Vellmar denied a Radio Kessel report that 2,000 jobs would go": the figure is also the claim of the
    report's source, which asserts it (the denial stays with the sentence's speaker)."""
    extra: list[Claim] = []
    for nominal in nominal_claims(text) if own else ():
        later = [a.cue_start for a in atts if a.cue_start > nominal.after]
        limit = min([*later, len(text)])
        stop = _NOMINAL_END_RE.search(text, nominal.after, limit)
        limit = stop.start() if stop else limit
        mention = nominal.mention
        # "a union claim": "the union" may be a body named before
        lookup = f"the {mention}" if mention.islower() and " " not in mention else mention
        end = nominal.start + len(mention)
        name = resolve(
            Attribution(lookup, nominal.start, end, "that", nominal.after - 4, nominal.after, "according"),
            state,
        )
        name = mention if name == lookup else name
        for c in own:
            if nominal.after <= c.start - sent.start < limit and name and c.speaker != name:
                extra.append(
                    dataclasses.replace(
                        c,
                        claim_id=f"{c.claim_id}~{sent.start + nominal.start}",
                        speaker=name,
                        speaker_mention=mention,
                        stance="asserts",
                        asserted_on=None,
                        via=tuple(x for x in credits if x != name),
                    )
                )
    return extra


def _update_state(
    sent: Sentence,
    atts: list[Attribution],
    resolved: dict[int, str | None],
    dates: list[DateMention],
    state: Discourse,
    own_dates: dict[str, date | None],
    known: dict[int, date | None],
) -> None:
    """What the sentence leaves for the next ones: its speakers, the dates they spoke on, the last date."""
    text = sent.text
    note_dates(dates, text, state)
    said: list[date | None] = []
    quoted: bool | None = None  # whether the sentence holds a quotation mark (worked out once, if asked)
    for idx, att in enumerate(atts):
        speaker = resolved.get(idx)
        if speaker is None or att.media:
            continue
        if said and _COMPARED_CUE_RE.search(text, max(0, att.start - 70), att.start) is not None:
            continue  # not the speaker's latest statement: "It added ..." continues the main one
        key = id(att)
        said.append(
            known[key] if key in known else effective_date(text, att, speaker, dates, state, own_dates)
        )
        when, stated = dated(text, att, dates, state)
        if stated and when is not None:
            state.last_date = when
        # the date of the speaker's latest statement: unknown after "has since said" with no date
        who = speaker_key(speaker)
        state.said_by.pop(who, None)  # to the end: the latest to speak
        state.said_by[who] = (speaker, said[-1])
        remember(state, speaker)
        if quoted is None:
            quoted = any(q in text for q in QUOTES)
        if quoted:
            state.quote_speaker = speaker
            state.quote_paragraph = sent.paragraph
    if said:  # what "X also said" in the next sentences continues
        state.last_said, state.last_said_at = said[-1], state.sentence


register_records(sys.modules[__name__])  # its frozen records pickle and copy when compiled (`make native`)
