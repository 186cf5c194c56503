"""What a plain-text page says about itself when no sidecar does: its title, outlet and date.

The date is read only where a page prints its own: date stamps, bylines and datelines in the header
(the lines before the first body paragraph) or a "Published"/"Updated" line near the top; never from
a caption, a related-story list or the body.
The outlet is read from a masthead line that matches a domain printed on the page, a "Subscribe to X"
or "Sign up for X's newsletters" block, an all-capitals masthead in the first lines ("EASTERN HERALD"),
a masthead-like line beside the dateline, or the domain of the author's sign-off email; it stays None
when unsure, because a false outlet is worse than none.

>>> meta = read_page_metadata("Coastal Herald\\nStorm Leaves 42 Dead in Coastal Towns\\n"
...                           "Published 3 March 2024 10:30 GMT\\nThe coastguard said 42 people died.")
>>> meta.title, meta.outlet, meta.published
('Storm Leaves 42 Dead in Coastal Towns', 'Coastal Herald', datetime.date(2024, 3, 3))
"""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import overload

from analyzer.ingest import vocab as v
from analyzer.ingest.boilerplate import (
    _TO_NORMALIZE_RE,
    HEADER_UNITS,
    Kind,
    KindCache,
    Unit,
    classify_known,
    ends_with_terminator,
    find_title,
    is_date_line,
    normalize_spaces,
    split_units,
)
from analyzer.native import register_records

LOGGER = logging.getLogger(__name__)

HEADER_LINES = 15  # where mastheads are looked for
PUBLISHED_LINES = 40  # how far down the header and a "Published ..." line are looked for

# "LOWMERE, Oct. 21, 2024 (Agency) --" or "Port Hale, 21 October 2024 —": a place in capitals or Title Case.
_DATELINE_RE = re.compile(
    r"(?!(?:On|In|By|At|From|Since|Until|Last|This|Next|Early|Late|Then|But|And)\b)"
    r"(?:[A-Z][A-Z.'’-]*(?: [A-Z][A-Z.'’-]*){0,3}|[A-Z][a-z.'’-]+(?: [A-Z][a-z.'’-]+){0,2}),\s"
)

# "Ana Ruiz · Fri 30 Jan 2026 // 11:05 UTC", "Ana Ruiz | 30 Jan 2026": a byline without "By", a
# name of two to four capitalised words, then a separator, then the date stamp.
_NAMED_STAMP_RE = re.compile(r"[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3}\s*(?:[·•|—–]|//?|-)\s*")


@dataclass(frozen=True, slots=True)
class PageMetadata:
    """What the page itself says: each field None when the page does not say it clearly."""

    title: str | None = None
    outlet: str | None = None
    published: date | None = None


def find_date(text: str) -> date | None:
    """The first valid calendar date written in ``text``; numeric dates are read day first unless
    that is impossible ("10/21/2024" is 21 October).

    >>> find_date("by Jane Roe May 25, 2024 4:40 PM"), find_date("21/10/2024 22h20")
    (datetime.date(2024, 5, 25), datetime.date(2024, 10, 21))
    >>> find_date("Monday 21 October 2024 10.30 BST"), find_date("Oct. 21, 2024"), find_date("2024-10-21")
    (datetime.date(2024, 10, 21), datetime.date(2024, 10, 21), datetime.date(2024, 10, 21))
    """
    for match in v.DATE_RE.finditer(text):
        found = _match_date(match)
        if found is not None:
            return found
    return None


def _match_date(match: re.Match[str]) -> date | None:
    groups = match.groupdict()
    if groups["y1"]:
        candidates = [(int(groups["y1"]), v.MONTHS[groups["m1"][:3].lower()], int(groups["d1"]))]
    elif groups["y2"]:
        candidates = [(int(groups["y2"]), v.MONTHS[groups["m2"][:3].lower()], int(groups["d2"]))]
    elif groups["y3"]:
        candidates = [(int(groups["y3"]), int(groups["m3"]), int(groups["d3"]))]
    else:
        first, second, year = int(groups["a4"]), int(groups["b4"]), int(groups["y4"])
        candidates = [(year, second, first), (year, first, second)]
    for year, month, day in candidates:
        if 1900 <= year <= 2100:
            try:
                return date(year, month, day)
            except ValueError:
                continue
    return None


def _header(raw_text: str) -> tuple[str, list[str]]:
    """The top of the page (up to its first PUBLISHED_LINES non-empty lines) and those lines."""
    lines: list[str] = []
    start = 0
    # the lines that end before the first character normalize_spaces changes (looked for in the first
    # _NORMAL_REACH characters only, as a header rarely goes further) are normal already
    reach = min(len(raw_text), _NORMAL_REACH)
    odd = _TO_NORMALIZE_RE.search(raw_text, 0, reach)
    runs = raw_text.find("   ", 0, reach)
    normal_until = min(reach if odd is None else odd.start(), reach if runs < 0 else runs)
    while len(lines) < PUBLISHED_LINES and start < len(raw_text):
        end = raw_text.find("\n", start)
        end = len(raw_text) if end < 0 else end
        line = (raw_text[start:end] if end <= normal_until else normalize_spaces(raw_text[start:end])).strip()
        if line:
            lines.append(line)
        start = end + 1
    return raw_text[:start], lines


_NORMAL_REACH = 8192


def _is_date_source(line: str, in_header: bool) -> bool:
    """Lines a page prints its own date on: "Published" lines; in the header, also date stamps,
    bylines and datelines."""
    if len(line) <= 160 and v.DATE_LINE_LEAD_RE.match(line.lower()):
        return True
    if not in_header:
        return False
    if is_date_line(line) or (len(line) <= 200 and v.BYLINE_RE.match(line)):
        return True
    stamp = _NAMED_STAMP_RE.match(line)
    if stamp is not None and len(line) <= 120 and is_date_line(line[stamp.end() :]):
        return True
    dateline = _DATELINE_RE.match(line)
    return dateline is not None and v.DATE_START_RE.match(line, dateline.end()) is not None


def _is_body_paragraph(line: str, known: KindCache) -> bool:
    """A long sentence that is no caption: where the header of a page ends."""
    if len(line) < 60 or not ends_with_terminator(line) or line.count(" ") < 7:
        return False
    unit = Unit(line, line)
    return classify_known(unit, known) is Kind.PROSE


def _published(lines: list[str], known: KindCache) -> tuple[date | None, int | None]:
    """The page's date and the line it is on: a "Published" line wins, an "Updated" one comes last."""
    first: tuple[date, int] | None = None
    updated: tuple[date, int] | None = None
    body_started = False  # the header is what comes before the first paragraph of the body
    for index, line in enumerate(lines):
        if body_started:
            bare = line.lower().rstrip(" :.…!|>»")
            if len(bare) <= 80 and v.RELATED_HEADING_RE.fullmatch(bare):
                break  # a list of other stories: its dates are theirs
        in_header = not body_started
        body_started = body_started or _is_body_paragraph(line, known)
        labelled = (
            index == 0 and v.DATE_LABEL_RE.match(line) is not None
        )  # "date 2021-02-04 ..." atop the page
        value = find_date(line) if labelled or _is_date_source(line, in_header) else None
        if value is None:
            continue
        lower = line.lower()
        if labelled or lower.startswith(("published", "posted", "first published")):
            return value, index
        if lower.startswith(("updated", "last updated")):
            updated = updated or (value, index)
        else:
            first = first or (value, index)
    return first or updated or (None, None)


def _squash(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def _email_domains(raw_text: str) -> list[str]:
    """Domains of sign-off emails (a line that is only an address), webmail left out."""
    hosts = (m.group("domain").lower().removeprefix("www.") for m in v.SIGNOFF_EMAIL_RE.finditer(raw_text))
    return [host for host in hosts if host not in v.WEBMAIL_DOMAINS]


def _masthead_candidates(lines: list[str], title: str | None) -> list[tuple[int, str]]:
    out = []
    for index, line in enumerate(lines[:HEADER_LINES]):
        words = line.split()
        if not 1 <= len(words) <= 5 or line == title or ends_with_terminator(line) or "@" in line:
            continue
        if "://" in line or any(c.isdigit() for c in line):
            continue
        if all(w[:1].isupper() or w.lower() in v.SMALL_WORDS for w in words):
            out.append((index, line))
    return out


def _is_masthead(line: str) -> bool:
    """A name with a masthead word ("Herald", "Post", "Media") that is not a section ("World News")."""
    generic = all(word.lower().strip("'’") in v.GENERIC_SECTION_WORDS for word in line.split())
    return not generic and v.OUTLET_WORD_RE.search(line) is not None


def _subscribe_name(raw_text: str) -> str | None:
    """X of "Subscribe to X" / "Sign up for X's newsletters", when X is a name (not "Our Newsletter")
    that the page also prints outside its subscribe lines."""
    matches = list(v.SUBSCRIBE_OUTLET_RE.finditer(raw_text))
    for match in matches:
        name = match.group("name").strip()
        if any(word.lower() in v.PROMO_NAME_WORDS for word in name.split()):
            continue
        core = name.removeprefix("The ")
        in_promo = sum(1 for other in matches if other.group("name").strip().removeprefix("The ") == core)
        if raw_text.count(core) > in_promo:
            return name
    return None


def _outlet(
    raw_text: str, lines: list[str], title: str | None, date_index: int | None, known: KindCache
) -> str | None:
    emails = _email_domains(raw_text)
    hosts = [m.group("host").lower() for line in lines for m in v.URL_DOMAIN_RE.finditer(line)]
    labels = {label for host in hosts + emails for label in host.split(".") if len(label) >= 4}
    candidates = _masthead_candidates(lines, title)
    for _, line in candidates:
        if _squash(line) in labels:
            return line
    name = _subscribe_name(raw_text)
    if name is not None:
        return name
    for line in lines:
        if _is_body_paragraph(line, known):
            break
        wire = v.BYLINE_WIRE_RE.match(line)
        if wire is not None:
            return wire.group("wire")
    for index, line in candidates:
        if index < 3 and line.isupper() and _is_masthead(line):
            return " ".join(word.capitalize() for word in line.split())
    if date_index is not None:
        for index, line in candidates:
            if abs(index - date_index) <= 2 and _is_masthead(line):
                return line
    return emails[0] if emails else None


class _LazyKinds(Sequence[Kind]):
    """The kinds of ``units``, each classified when first asked for: a title search stops at the body."""

    def __init__(self, units: Sequence[Unit], page: KindCache) -> None:
        self.units = units
        self.page = page
        self.known: dict[int, Kind] = {}

    def __len__(self) -> int:
        return len(self.units)

    @overload
    def __getitem__(self, index: int) -> Kind: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Kind]: ...
    def __getitem__(self, index: int | slice) -> Kind | Sequence[Kind]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index not in self.known:
            self.known[index] = classify_known(self.units[index], self.page)
        return self.known[index]


def read_page_metadata(raw_text: str, url: str | None = None, known: KindCache | None = None) -> PageMetadata:
    """Title, outlet and publication date as the page prints them (None where it does not); the words of
    the page's address, when it has one, point at its headline (:func:`url_words`). ``known`` keeps the
    kinds of the units classified, for the cleaner of the same page (:func:`clean_text`)."""
    if known is None:
        known = {}
    header, lines = _header(raw_text)
    units = split_units(header)[:HEADER_UNITS]
    index = find_title(units, _LazyKinds(units, known), url_words(url))
    title = units[index].text if index is not None else None
    published, date_index = _published(lines, known)
    outlet = _outlet(raw_text, lines, title, date_index, known)
    return PageMetadata(title=title, outlet=outlet, published=published)


def url_words(url: str | None) -> str | None:
    """The words of a page address's last part when it spells a headline ("/2006/04/29/march-organizers-
    say-350k/"), with numeric ids and extensions dropped; None when it spells none (three words at least).

    >>> url_words("https://www.example.com/2006/04/29/march-organizers-say-350k/")
    'march organizers say 350k'
    >>> url_words("https://example.com/news/flood-toll-rises-to-40-1234567.html")
    'flood toll rises to 40'
    >>> url_words("https://example.com/?p=560834") is None, url_words(None) is None
    (True, True)
    """
    if not url:
        return None
    path = url.split("?", 1)[0].split("#", 1)[0].rstrip("/")
    last = path.rsplit("/", 1)[-1].lower()
    if "." in last and not last.endswith((".html", ".htm", ".shtml", ".php", ".asp", ".aspx", ".cms")):
        return None  # a host name, a file
    last = re.sub(r"\.(?:s?html?|php|aspx?|cms)$", "", last)
    last = re.sub(r"[-_]\d{5,}$", "", last)  # a numeric article id after the words
    words = [w for w in re.split(r"[-_]+", last) if w]
    return " ".join(words) if len(words) >= 3 and sum(w.isalpha() for w in words) >= 2 else None


register_records(sys.modules[__name__])  # its frozen records pickle and copy when compiled (`make native`)
