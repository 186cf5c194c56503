"""Boilerplate removal for plain-text pages: keep the headline and the article, drop the page furniture.

A page copied from the web as text carries menus, subscribe blocks, captions, bylines, author bios
and related-story lists whose headlines hold numbers of their own. The cleaner splits the page into
units (lines, or hard-wrapped lines joined back into paragraphs), gives each a kind from general
features of news pages (boilerplate vocabulary, headline shape, list markers, captions, bylines,
bios), then reads them in order with a little context: a "related"/"popular"/"latest" heading or a
separator followed by headlines opens a list that lasts until real prose returns; reader-addressed
lines next to a subscribe block belong to it; a unit seen before is dropped.

What survives: the article's own headline (first), every body paragraph, quotes, and syndication
credits ("(Yonhap)", "— Reuters", "Source: BBC", "With AFP").

>>> page = "Skip to content\\nStorm Leaves 42 Dead in Coastal Towns\\n\\nBy Jane Roe May 2, 2024 3 min read\\n"
>>> page += "The coastguard said 42 people died.\\n\\nRelated\\n• 12,000 Flee as River Bursts Its Banks\\n"
>>> print(clean_text(page))
Storm Leaves 42 Dead in Coastal Towns
<BLANKLINE>
The coastguard said 42 people died.
"""

from __future__ import annotations

import enum
import logging
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from analyzer.ingest import vocab as v
from analyzer.native import register_records

LOGGER = logging.getLogger(__name__)

_ZERO_WIDTH_RE = re.compile("[\u200b-\u200d\u2060\ufeff\u00ad]")
_SPACES = r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]"
_SPACE_RUN_RE = re.compile(rf"{_SPACES}{{2,}}")  # menus are laid out with runs of spaces: kept as two
_ODD_SPACE_RE = re.compile(r"[^\S \n\r\f\v\x1c-\x1e\x85\u2028\u2029]")  # tabs, no-break spaces ...
# The characters the two patterns above change, spelled out (the other spaces of _SPACES are odd ones):
# a text without them and without three spaces in a row is already normal.
_TO_NORMALIZE_RE = re.compile(
    "[\u200b-\u200d\u2060\ufeff\u00ad\t\x1f\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]"
)
_NAV_SPLIT_RE = re.compile(r"  | ?[|·•»>] ?")  # menu items: separated by pipes, dots, arrows, space runs
_NORM_KEY_RE = re.compile(r"[\W_]+")
_DIGIT_RE = re.compile(r"\d")
_LETTER_RE = re.compile(r"[^\W\d_]")
_CLOSERS = "\"'”’»)]"
_TERMINATORS = ".!?…"
_TRAILING = " :.…!|>»"
_ASCII_WORD_RE = re.compile(r"[A-Za-z]+")
_AUXILIARIES = frozenset(
    [
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "has",
        "have",
        "had",
        "will",
        "would",
        "may",
        "might",
        "can",
        "could",
        "must",
        "says",
        "said",
    ]
)

HEADER_UNITS = 15  # the title is looked for among the first units of the page
_SHORT = 200  # units longer than this are never headlines, bylines or furniture lines
_STRONG_PROSE = 150  # prose this long (or of two sentences) marks the start of the body


class Kind(enum.Enum):
    """What one unit of a page is."""

    PROSE = "prose"
    HEADLINE = "headline"
    CREDIT = "credit"
    FURNITURE = "furniture"  # menus, counters, labels, bylines, date lines, captions, bios, disclaimers
    PROMO = "promo"  # subscribe, membership and newsletter blocks
    RELATED = "related"  # a heading that opens a list of other stories
    SEPARATOR = "separator"


@dataclass(frozen=True, slots=True)
class Unit:
    """A line of the page (or hard-wrapped lines joined): ``text`` without its list marker, ``raw`` with it."""

    text: str
    raw: str
    marker: bool = False


def ends_with_terminator(text: str) -> bool:
    """True when the text closes like a sentence: ``.``, ``!``, ``?`` or ``…``, then closing quotes.

    >>> ends_with_terminator('He said "no."'), ends_with_terminator("Storm leaves 42 dead")
    (True, False)
    """
    stripped = text.rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in _TERMINATORS


def normalize_spaces(text: str) -> str:
    """Drop zero-width characters; a run of spaces (not newlines) becomes two spaces, any other space
    character one plain space (units fold the pairs once menus have been recognised by them).

    >>> normalize_spaces("a\\u00a0\\u00a0b\\u200b c\\td\\n e")
    'a  b c d\\n e'
    """
    if "   " not in text and _TO_NORMALIZE_RE.search(text) is None:
        return text  # no zero-width character, no odd space, no run of three spaces: nothing changes
    return _ODD_SPACE_RE.sub(" ", _SPACE_RUN_RE.sub("  ", _ZERO_WIDTH_RE.sub("", text)))


def split_units(text: str) -> list[Unit]:
    """Cut a page into units: one per line, with hard-wrapped paragraph lines joined back.

    >>> [u.text for u in split_units("- First item\\nA line that was wrapped\\nin the middle.\\n\\nNext")]
    ['First item', 'A line that was wrapped in the middle.', 'Next']
    """
    units: list[Unit] = []
    block: list[str] = []
    first = True
    for line in normalize_spaces(text).splitlines():
        line = line.strip()
        if line and first:
            first = False
            label = v.DATE_LABEL_RE.match(line)
            if label is not None and label.end() < len(line):  # "date 2021-02-04 Crews hope ...": two units
                units.extend(_block_units([line[: label.end()].rstrip()]))
                line = line[label.end() :]
        if line:
            block.append(line)
        elif block:
            units.extend(_block_units(block))
            block = []
    if block:
        units.extend(_block_units(block))
    return units


def _block_units(lines: list[str]) -> list[Unit]:
    """Units of one block of consecutive lines; continuation lines join the unit they continue."""
    out: list[Unit] = []
    parts: list[str] = []  # the lines of the unit being built (joined once: no quadratic concatenation)
    prefix = ""  # the list marker the unit's first line started with
    wrapped = _hard_wrapped(lines)
    for line in lines:
        match = v.MARKER_RE.match(line) if line[0] in _MARKER_FIRST or line[0].isdigit() else None
        content = line[match.end() :] if match else line
        if parts and not match and _continues(parts[-1], content, wrapped):
            parts.append(content)
            continue
        if parts:
            out.append(_unit(parts, prefix))
        parts, prefix = [content], (match.group() if match else "")
    out.append(_unit(parts, prefix))
    return out


# the first characters of MARKER_RE's matches (and digits, by str.isdigit: every \d is one)
_MARKER_FIRST = frozenset("-–—•·*▪►▸◦‣>+›»→▶◆■□○●#")


def _hard_wrapped(lines: list[str]) -> bool:
    """A block wrapped at a fixed width: lines of nearly equal length, of prose, most of them ending
    mid-sentence, some going on in lowercase."""
    if len(lines) < 3:
        return False
    longest = max(len(line) for line in lines)
    if not 40 <= longest <= 120:
        return False
    body = lines[:-1]
    full = sum(len(line) >= 0.7 * longest for line in body)
    open_ended = sum(not ends_with_terminator(line) for line in body)
    prose = sum(_prose_like(line) for line in body)
    # wrapping cuts sentences anywhere, so some lines go on in lowercase; a list of headlines never does
    cut_mid_sentence = sum(line[0].islower() for line in lines[1:])
    return (
        full >= 0.6 * len(body)
        and open_ended >= 0.67 * len(body)
        and prose >= 0.6 * len(body)
        and cut_mid_sentence >= 0.25 * len(body)
    )


def _prose_like(line: str) -> bool:
    """Five words or more, two in five of them lowercase (menus and mastheads are capitalised)."""
    words = line.split()
    return len(words) >= 5 and 5 * sum(word[0].islower() for word in words) >= 2 * len(words)


def _unit(parts: list[str], prefix: str) -> Unit:
    raw = " ".join(parts)
    return Unit(raw.replace("  ", " "), prefix + raw, bool(prefix))


def _continues(previous: str, line: str, wrapped: bool) -> bool:
    """Whether ``line`` continues the unit whose last line is ``previous``."""
    if ends_with_terminator(previous) or not line:
        return False
    if line[0].islower():
        head = line.split(" ", 1)[0]
        return not ("@" in head or "://" in head or head.startswith("www.") or v.BYLINE_RE.match(line))
    return wrapped and _prose_like(previous) and not is_title_case(previous)


def is_title_case(text: str) -> bool:
    """True when every word but the small ones starts with a capital (headline style).

    >>> is_title_case("Dam Collapse Leaves 300 Missing, Governor Says")
    True
    >>> is_title_case("The governor said 300 people were missing.")
    False
    """
    capitalized = 0
    for match in v.WORD_RE.finditer(text):
        word = match.group()
        if not word[0].isupper():
            if word not in v.SMALL_WORDS:
                return False  # prose shows itself within a few words
        elif word.lower() not in v.SMALL_WORDS:
            capitalized += 1
    return capitalized >= 3


def sentence_count(text: str) -> int:
    """Sentence ends in a unit (a final one without terminator still counts as one sentence)."""
    inner = len(v.SENTENCE_BREAK_RE.findall(text)) if _has_terminator(text) else 0
    return inner + (1 if ends_with_terminator(text) else 0)


def _has_terminator(text: str) -> bool:
    return "." in text or "?" in text or "!" in text or "…" in text


def _has_sentence_break(text: str) -> bool:
    """A sentence end inside the text (SENTENCE_BREAK_RE), looked for only when it has a terminator."""
    return _has_terminator(text) and v.SENTENCE_BREAK_RE.search(text) is not None


def is_headline_like(text: str) -> bool:
    """A short line in headline shape: no closing punctuation, or Title Case.

    >>> is_headline_like("Rescuers pull 42 from flooded mine")
    True
    >>> is_headline_like("Rescuers pulled 42 people from the flooded mine.")
    False
    """
    if len(text) > _SHORT or not _LETTER_RE.search(text):
        return False
    words = text.count(" ") + 1
    if words > 30:
        return False
    # a closed line must be a short one in Title Case; then (the costliest test last) no sentence ends inside
    if _ends_sentence(text) and not (words <= 25 and ends_with_terminator(text) and is_title_case(text)):
        return False
    return not _has_sentence_break(text)


def _is_caption(text: str, low: str) -> bool:
    """A photo caption: a caption opener, or a closing parenthesised photo credit, or a trailing
    "Photo: ..." credit; the weaker signs only where nobody is quoted as saying anything."""
    if v.CAPTION_START_RE.match(low):
        return True
    soft = v.CAPTION_SOFT_START_RE.match(low) is not None
    if text.endswith(")"):
        opening = low.rfind("(")
        if opening >= 0 and len(low) - opening <= 120:
            soft = soft or bool(
                v.CAPTION_CREDIT_RE.search(low, opening) or v.CAPTION_SLASH_RE.search(text, opening)
            )
    soft = soft or (
        len(low) <= 400
        and (
            "photo" in low or "image" in low or "picture" in low or "credit" in low
        )  # cheap, then the search
        and v.CAPTION_TAIL_RE.search(low) is not None
    )
    return soft and v.ATTRIBUTION_RE.search(low) is None


def is_date_line(text: str) -> bool:
    """A line that is a date, a time, or a byline stamp and little else.

    >>> is_date_line("Monday 21 October 2024 10.30 BST")
    True
    >>> is_date_line("Officials met on 21 October 2024")
    False
    """
    if len(text) > 100 or not _DIGIT_RE.search(text):
        return False
    low = text.lower()
    # two plain words that are no date words leave two tokens below: no need to remove the others
    plain = 0
    for word in low.split():
        word = word.strip(_DATE_LINE_PUNCT)
        if word.isalpha() and not _is_date_word(word):
            plain += 1
            if plain > 1:
                return False
    rest = v.DATE_PUNCT_RE.sub(" ", v.DATE_WORD_RE.sub(" ", low)).split()
    return len(rest) <= 1


_DATE_LINE_PUNCT = ",.:/|·•()+-–—"


@lru_cache(maxsize=4096)
def _is_date_word(word: str) -> bool:
    return v.DATE_WORD_RE.fullmatch(word) is not None


def _is_bio(text: str) -> bool:
    return len(text) <= 1200 and bool(v.BIO_START_RE.match(text)) and bool(v.BIO_SIGNAL_RE.search(text))


def _is_promo(text: str, low: str) -> bool:
    """Subscribe/newsletter vocabulary in a line that addresses the reader, or is not a sentence;
    never a long paragraph that quotes someone."""
    if len(text) >= 250 and ('"' in text or "“" in text):
        return False
    if len(text) >= 60 and ends_with_terminator(text) and not v.READER_RE.search(low):
        return False
    return bool(v.PROMO_RE.search(low))


def classify(unit: Unit) -> Kind:
    """The kind of one unit, from its own words only (context is applied by :func:`clean_text`).

    >>> classify(Unit("You May Also Like", "You May Also Like")).value
    'related'
    >>> classify(Unit("(Yonhap)", "(Yonhap)")).value
    'credit'
    """
    text = unit.text
    size = len(text)
    if not text or v.SEPARATOR_RE.fullmatch(text):
        return Kind.SEPARATOR
    low = text.lower()
    if size <= _SHORT:
        kind = _classify_short_line(unit, low)
        if kind is not None:
            return kind
    if _is_promo(text, low):
        return Kind.PROMO
    if (size <= 400 and _is_disclaimer(low)) or _is_caption(text, low) or _is_bio(text):
        return Kind.FURNITURE
    if size <= _SHORT:
        if v.BYLINE_RE.match(text) and (not ends_with_terminator(text) or v.BYLINE_END_RE.search(low)):
            return Kind.FURNITURE
        if is_date_line(text) or (size <= 120 and v.DATE_LINE_LEAD_RE.match(low) and _has_date(text)):
            return Kind.FURNITURE
        if is_headline_like(text) and not _unstopped_prose(text):
            return Kind.HEADLINE
    if (
        size < 180
        and not _ends_sentence(text)
        and not _has_sentence_break(text)
        and not _unstopped_prose(text)
    ):
        return Kind.HEADLINE
    return Kind.PROSE


def _is_disclaimer(low: str) -> bool:
    """A disclaimer ("The views expressed ...", "All rights reserved"): every match of DISCLAIMER_RE holds
    one of these words, and a few substring tests cost less than the search."""
    return (
        "expressed" in low
        or "reflect the" in low
        or "rights reserved" in low
        or "may not be" in low
        or "sponsored" in low
        or "paid for" in low
        or "partnership" in low
    ) and v.DISCLAIMER_RE.search(low) is not None


def _unstopped_prose(text: str) -> bool:
    """A sentence that lost its full stop (a page cut short, a careless paste): twenty words or more, three
    in five of them lowercase. Headlines and teasers are shorter, and capitalised.

    >>> _unstopped_prose("The agency said these span 21 states and 105 local areas, with the highest burden in the "
    ...                  "north and in the east of the country")
    True
    >>> _unstopped_prose("Storm leaves 42 dead in coastal towns as rivers burst their banks, officials say")
    False
    """
    words = text.split()
    return len(words) >= 20 and 5 * sum(word[0].islower() for word in words) >= 3 * len(words)


def _classify_short_line(unit: Unit, low: str) -> Kind | None:
    """Credits, related-list headings and furniture lines (menus, counters, labels), or None."""
    if v.CREDIT_RE.fullmatch(unit.raw) or (unit.text != unit.raw and v.CREDIT_RE.fullmatch(unit.text)):
        return Kind.CREDIT
    bare = low.rstrip(_TRAILING)
    if len(bare) <= 80 and v.RELATED_HEADING_RE.fullmatch(bare):
        return Kind.RELATED
    if (
        v.BOILER_LINE_RE.fullmatch(bare)
        or v.RELATED_INLINE_RE.match(low)
        or _is_label(unit.text.rstrip(_TRAILING))
        or _is_menu(unit.raw)
    ):
        return Kind.FURNITURE
    return None


def _is_menu(raw: str) -> bool:
    """Three items or more of at most four words, separated by pipes, dots, arrows or runs of spaces.

    >>> _is_menu("Home > World > Asia"), _is_menu("News  Sport  Weather"), _is_menu("He left.  She ran.  I hid.")
    (True, True, False)
    """
    if "  " not in raw and not ("|" in raw or "·" in raw or "•" in raw or "»" in raw or ">" in raw):
        return False  # no separator at all: one part
    parts = [part for part in _NAV_SPLIT_RE.split(raw) if part.strip()]
    if len(parts) < 3:
        return False
    return all(part.strip().count(" ") < 4 and not ends_with_terminator(part.strip()) for part in parts)


def _ends_sentence(text: str) -> bool:
    """A closing terminator, or a colon closing a clause that announces a quote or a list."""
    if ends_with_terminator(text):
        return True
    # "The assessments have found:": three words that are no title announce what follows
    return text.endswith(":") and text.count(" ") >= 2 and not is_title_case(text)


def _is_label(text: str) -> bool:
    """An ALL-CAPS section label ("LATEST", "WORLD NEWS"): at most four words, no lowercase at all."""
    return (
        len(text) <= 40
        and text.upper() == text
        and text.count(" ") < 4
        and len(_LETTER_RE.findall(text)) >= 2
    )


def _key(text: str) -> str:
    return _NORM_KEY_RE.sub(" ", text.casefold()).strip()


def _is_strong_prose(unit: Unit) -> bool:
    text = unit.text
    if unit.marker or not (len(text) >= _STRONG_PROSE or sentence_count(text) >= 2):
        return False
    return not is_title_case(text)


def _ends_list(unit: Unit) -> bool:
    """Body prose after a list of other stories: a sentence that is no list item, not in headline
    case and not a one-line question (a teaser headline such as "Is the bridge safe to reopen?")."""
    text = unit.text
    if unit.marker or is_title_case(text):
        return False
    return not (text.endswith("?") and len(text) < 120 and sentence_count(text) == 1)


def find_title(units: Sequence[Unit], kinds: Sequence[Kind], hint: str | None = None) -> int | None:
    """Index of the page's own headline: the unit that matches ``hint``, else, among the headline-like
    units near the top (before the body starts; no dates, no menus), the first of five words or more that has a verb-like
    word (a tagline such as "Independent news since 1921" has none), else the first long one, else the
    first.

    >>> page = "Home\\nThe Coast's Own Voice Since 1921\\nStorm Leaves 42 Dead in Coastal Towns\\nThe storm hit."
    >>> units = split_units(page)
    >>> find_title(units, [classify(u) for u in units])
    2
    """
    wanted = _key(hint) if hint else ""
    if hint and wanted:
        longest = 2 * len(hint) + 20
        # the key's first and last words are in the case-folded text of any unit with that key: two
        # substring tests before the substitution
        first, last = wanted.split(" ", 1)[0], wanted.rsplit(" ", 1)[-1]
        for index, unit in enumerate(units):
            text = unit.text
            if len(text) <= longest:
                folded = text.casefold()
                if first in folded and last in folded and _NORM_KEY_RE.sub(" ", folded).strip() == wanted:
                    return index
    candidates: list[int] = []
    for index, unit in enumerate(units[:HEADER_UNITS]):
        kind = kinds[index]
        if kind is Kind.PROSE and _is_strong_prose(unit):
            break
        if _may_be_title(unit.text, kind):
            candidates.append(index)
    long = [index for index in candidates if units[index].text.count(" ") >= 4]
    for index in long:
        if _has_verb_like_word(units[index].text):
            return index
    return long[0] if long else (candidates[0] if candidates else None)


def _may_be_title(text: str, kind: Kind) -> bool:
    """A headline, or a short unclosed line with a question or colon inside ("42 or 150? Inside ...")."""
    if text.count(" ") < 2 or _is_label(text) or _has_date(text):
        return False
    if kind is Kind.HEADLINE:
        return True
    if kind is not Kind.PROSE or len(text) > _SHORT or ends_with_terminator(text) or text.endswith(":"):
        return False
    return "?" in text or ":" in text or "!" in text


def _has_date(text: str) -> bool:
    """A calendar date in the text (DATE_START_RE, the costliest pattern here), looked for only when the
    text has the four digits of a year in a row, as every date it matches has."""
    return _YEAR_DIGITS_RE.search(text) is not None and v.DATE_START_RE.search(text) is not None


_YEAR_DIGITS_RE = re.compile(r"\d{4}")


def _has_verb_like_word(text: str) -> bool:
    """A crude verb test for headlines: an auxiliary, or a word ending in -s, -ed or -ing."""
    for word in _ASCII_WORD_RE.findall(text):
        lower = word.lower()
        if lower in _AUXILIARIES:
            return True
        if len(lower) >= 4 and (
            lower.endswith(("ed", "ing")) or (lower[-1] == "s" and lower[-2] not in "su")
        ):
            return True
    return False


def _spread_promo(units: Sequence[Unit], kinds: list[Kind]) -> None:
    """Reader-addressed short lines next to a subscribe block belong to it ("It would mean a lot to us")."""
    for index, kind in enumerate(kinds):
        if kind is not Kind.PROMO:
            continue
        for step in (-1, 1):
            other = index + step
            while 0 <= other < len(units) and kinds[other] in (Kind.PROSE, Kind.HEADLINE):
                text = units[other].text
                if len(text) > 250 or not v.READER_RE.search(text.lower()) or v.QUOTE_RE.search(text):
                    break
                kinds[other] = Kind.PROMO
                other += step


def _cut_inner_caption(text: str) -> str:
    if "photo" not in text and "picture" not in text and "image" not in text:
        return text  # every inner caption names a photo, a picture or an image
    match = v.INNER_CAPTION_RE.search(text)
    return text if match is None else text[: match.start() + 1].rstrip()


KindCache = dict[tuple[str, str], Kind]
"""Kinds of the units of one page already classified, by ``(text, raw)``: the page's metadata reader and
its cleaner read the same lines, and :func:`classify` reads nothing else of a unit."""


def classify_known(unit: Unit, known: KindCache) -> Kind:
    """:func:`classify`, once per page for each distinct unit (``known`` belongs to one page only)."""
    key = (unit.text, unit.raw)
    kind = known.get(key)
    if kind is None:
        kind = known[key] = classify(unit)
    return kind


def _classify_all(units: Sequence[Unit], page: KindCache | None = None) -> list[Kind]:
    """:func:`classify` of every unit; pages repeat their furniture, so short lines are classified once."""
    known: dict[str, Kind] = {}
    kinds: list[Kind] = []
    for unit in units:
        if len(unit.raw) > _SHORT:
            kinds.append(classify(unit) if page is None else classify_known(unit, page))
            continue
        kind = known.get(unit.raw)
        if kind is None:
            kind = known[unit.raw] = classify(unit) if page is None else classify_known(unit, page)
        kinds.append(kind)
    return kinds


_CREDIT_TAIL_RE = re.compile(r"\s*+(?:[A-Z][\w'’.-]*+\s*+){1,4}(?:/\s*+[A-Z][\w'’.-]*+\s*+){0,2}")


def _mark_credited_captions(units: Sequence[Unit], kinds: list[Kind]) -> None:
    """A photo's text printed twice, the second time with its credit ("Damage to the town after the fire.",
    then "Damage to the town after the fire. Ana Ruiz"): both lines are the photo's caption.

    >>> units = split_units("Smoke over the valley at dusk.\\nSmoke over the valley at dusk. Ana Ruiz/AFP\\nBody.")
    >>> kinds = [Kind.PROSE] * 3
    >>> _mark_credited_captions(units, kinds)
    >>> [k.value for k in kinds]
    ['furniture', 'furniture', 'prose']
    """
    for i in range(1, len(units)):
        before, text = units[i - 1].text, units[i].text
        if (
            len(before) >= 20
            and len(text) > len(before)
            and len(text) - len(before) <= 60
            and text.startswith(before)
            and _CREDIT_TAIL_RE.fullmatch(text, len(before))
        ):
            kinds[i - 1] = kinds[i] = Kind.FURNITURE


# A table row printed with bars between its cells: "Q2 | 4 | 30,900 | 5 | 63,840"; a cell that is a figure
# (a year alone is a label: "Home | World | 2026").
_CELL_SPLIT_RE = re.compile(r"\s+\|\s+")
_FIGURE_CELL_RE = re.compile(
    r"(?!(?:19|20)\d\d$)[~≈<>]?\s?(?:[$£€¥₹]|[A-Z]{1,3}\$?\s?)?\d[\d,.]*\s?(?:%|[kmb]n?|bn)?"
)


def _cells(text: str) -> int:
    """How many bar-separated cells a line has, when it has figures in a cell other than its first, else 0."""
    if " | " not in text or _DIGIT_RE.search(text) is None:
        return 0  # no bar, or no digit for a figure cell (one is needed) to hold
    cells = _CELL_SPLIT_RE.split(text)
    return len(cells) if any(_FIGURE_CELL_RE.fullmatch(c) for c in cells[1:]) else 0


def _mark_table_rows(units: Sequence[Unit], kinds: list[Kind]) -> None:
    """The rows of a table printed with bars, kept as the page's text: at least two rows in a row with
    the same number of cells and a figure in a cell after the first ("Q2 | 4 | 30,900 | 5 | 63,840"),
    under a header row or a "Table ..." caption. A menu ("Home | World | Sport") has no figure cells, a
    lone row with figures is no table, and a ticker's rows have no header.

    >>> units = split_units("Quarter | Cases | Deaths\\nQ1 | 2 | 18,200\\nQ2 | 4 | 30,900\\nHome | World | 2026")
    >>> kinds = [Kind.FURNITURE] * 4
    >>> _mark_table_rows(units, kinds)
    >>> [k.value for k in kinds]
    ['furniture', 'prose', 'prose', 'furniture']
    """
    counts = [_cells(u.text) for u in units]
    i = 0
    while i < len(units):
        j = i
        while j + 1 < len(units) and counts[i] and counts[j + 1] == counts[i]:
            j += 1
        if j > i and i > 0 and _heads_table(units[i - 1].text, counts[i]):
            for k in range(i, j + 1):
                kinds[k] = Kind.PROSE
        i = j + 1


def _heads_table(text: str, cells: int) -> bool:
    """A table's header row (as many cells, no figures: "Quarter | Cases | Deaths") or its caption ("Table 2:
    ..."); a ticker of index prices ("FTSE 100 | 7,512.3 | 0.4%") has neither."""
    if text[:6].lower() in ("table ", "table:"):
        return True
    return " | " in text and len(_CELL_SPLIT_RE.split(text)) == cells


# The longest summary heading ("what we know so far"): lowercasing never shortens a text nor ends it with
# one of _TRAILING, so a unit longer than this once its trailing marks are stripped is no such heading.
_SUMMARY_LONGEST = 19


def clean_units(
    units: Sequence[Unit], title_hint: str | None = None, known: KindCache | None = None
) -> list[str]:
    """The paragraphs to keep, title first, in page order (``known``: this page's units classified so far)."""
    kinds = _classify_all(units, known)
    _spread_promo(units, kinds)
    _mark_credited_captions(units, kinds)
    _mark_table_rows(units, kinds)
    title = find_title(units, kinds, title_hint)
    kept: list[str] = [units[title].text] if title is not None else []
    seen = {hash(kept[0].casefold())} if kept else set()  # hashes: bounded memory on huge pages
    in_related = False
    list_open = False  # a body paragraph ending with ":" announces a list whose items are kept
    for index, (unit, kind) in enumerate(zip(units, kinds, strict=True)):
        if index == title:
            continue
        if kind is Kind.RELATED:
            in_related, list_open = True, False
            continue
        if kind is Kind.SEPARATOR:
            # a separator followed by a headline opens a list of teasers
            if index + 1 < len(units) and kinds[index + 1] in (Kind.HEADLINE, Kind.FURNITURE):
                in_related = True
            continue
        if in_related:
            if kind is Kind.PROSE and _ends_list(unit):
                in_related = False
            elif kind is not Kind.CREDIT:
                continue
        if kind is Kind.HEADLINE and list_open and unit.marker and not is_title_case(unit.text):
            kept.append(unit.text)
            continue
        if (
            kind in (Kind.HEADLINE, Kind.FURNITURE, Kind.PROSE)
            and len(unit.text.rstrip(_TRAILING)) <= _SUMMARY_LONGEST
            and v.SUMMARY_HEADING_RE.fullmatch(unit.text.lower().rstrip(_TRAILING))
        ):
            list_open = True  # "Key points": the marked items below summarise this story
            continue
        list_open = False
        if kind is Kind.CREDIT:
            kept.append(unit.raw)
        elif kind is Kind.PROSE:
            text = _cut_inner_caption(unit.text)
            key = hash(text.casefold())
            if key in seen:
                continue
            seen.add(key)
            kept.append(text)
            list_open = text.endswith(":")
    return kept


def clean_text(raw: str, title: str | None = None, known: KindCache | None = None) -> str:
    """The article of a plain-text page: headline first, then body paragraphs, joined by blank lines.

    ``title`` (from a sidecar, say) helps to find the page's own headline; ``known`` holds the kinds of
    this page's units that reading its metadata classified (:func:`classify_known`).
    """
    return "\n\n".join(clean_units(split_units(raw), title, known))


def clean_paragraphs(paragraphs: Iterable[str], title: str | None = None) -> str:
    """:func:`clean_text` for text already cut into paragraphs (an HTML extractor's output)."""
    units: list[Unit] = []
    for paragraph in paragraphs:
        units.extend(split_units(paragraph))
    return "\n\n".join(clean_units(units, title))


register_records(sys.modules[__name__])  # its frozen records pickle and copy when compiled (`make native`)
