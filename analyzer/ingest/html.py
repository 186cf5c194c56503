"""Main text and metadata of an HTML page, offline.

trafilatura finds the article (comments and tables left out, precision favoured); its XML body is
turned into paragraphs here, so entities are decoded exactly once (trafilatura's own text output
decodes them a second time). When trafilatura fails (a parser error, markup nested too deep) or
finds nothing, a plain scan of the markup without any tree (so no depth limit and no recursion)
gives the text, which goes through the plain-text boilerplate cleaner.

>>> page = html_to_text("<html><body><script>var a = 1;</script><p>Ten &amp;amp; two.</p></body></html>", "a.html", print)
>>> page.text
'Ten &amp; two.'
"""

from __future__ import annotations

import html as htmllib
import logging
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from analyzer.ingest import vocab as v
from analyzer.ingest.boilerplate import clean_paragraphs, clean_text
from analyzer.ingest.fields import Fields, parse_published
from analyzer.ingest.files import Warn
from analyzer.models import CorpusWarning
from analyzer.native import register_records

LOGGER = logging.getLogger(__name__)

_TAG_RE = re.compile(r"<(/?)([A-Za-z][\w:-]{0,40})[^<>]{0,4000}>?")
_TITLE_RE = re.compile(r"<title\b[^<>]{0,400}>([^<]{1,400})</title", re.I)
_TEMPLATE_HINT = re.compile(r"<template\b", re.I)
_TEMPLATE_TAG_RE = re.compile(r"<(/?)template\b[^<>]{0,4000}>?", re.I)
_SKIPPED_ELEMENTS = frozenset({"script", "style", "noscript", "template", "svg", "iframe", "object", "math"})
_BLOCK_ELEMENTS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "td",
        "th",
        "tr",
        "ul",
        "title",
    ]
)
# A summary heading ("Key points", "What we know") as the whole text of a heading-like element (not a
# link or a button), then the list it heads, read item by item.
_SUMMARY_HEADING_RE = re.compile(
    rf"<(?P<tag>h[1-6]|p|div|span|strong|b|dt|header)\b[^<>]{{0,400}}>[^\S<]*(?P<text>{v.SUMMARY_HEADING_RE.pattern})"
    rf"[^\S<]*(?::[^\S<]*)?</(?P=tag)\s*>",
    re.IGNORECASE,
)
_LIST_TAG_RE = re.compile(r"<(/?)([ou]l)\b", re.IGNORECASE)
_ITEM_OPEN_RE = re.compile(r"<li\b", re.IGNORECASE)
LIST_MARKER = "- "  # how a list item is written in the text handed to the cleaner
_SUMMARY_REACH = 400  # characters of markup between the heading and its list
_SUMMARY_SIZE = 8_000  # characters of markup a summary list may span

# htmldate: no guessing from the body text; a fixed upper bound keeps the result independent of today.
_DATE_PARAMS = {"extensive_search": False, "original_date": True, "max_date": "2099-12-31"}


@dataclass(frozen=True, slots=True)
class HtmlPage:
    """The cleaned main text of a page and the metadata found in its markup."""

    text: str
    fields: Fields


def html_to_text(markup: str, source: str, warn: Warn, title_hint: str | None = None) -> HtmlPage:
    """Main text of ``markup`` (paragraphs separated by blank lines) and its title, site name and date."""
    markup = drop_templates(markup)
    try:
        import trafilatura

        document: Any = trafilatura.bare_extraction(
            markup,
            include_comments=False,
            include_tables=False,
            favor_precision=True,
            with_metadata=True,
            date_extraction_params=_DATE_PARAMS,
        )
    except RecursionError:
        warn(CorpusWarning(source, "markup nested too deeply for the HTML extractor; used a plain text scan"))
        document = None
    except Exception as exc:  # a library parser meeting hostile markup: report and fall back
        warn(CorpusWarning(source, f"HTML extractor failed ({type(exc).__name__}); used a plain text scan"))
        document = None
    body = getattr(document, "body", None)
    paragraphs = list(_body_paragraphs(body)) if body is not None else []
    if paragraphs:
        paragraphs = with_summary(markup, paragraphs)
        fields = Fields(
            outlet=_clean(document.sitename),
            url=_clean(document.url),
            published=parse_published(document.date) if isinstance(document.date, str) else None,
            title=_clean(document.title),
        )
        title = title_hint or fields.title
        text = clean_paragraphs(paragraphs, title)
        if title and text and not text.startswith(title):
            text = f"{title}\n\n{text}"
        return HtmlPage(text, fields)
    LOGGER.debug("%s: no main text from trafilatura, scanning the markup", source)
    found = _TITLE_RE.search(markup, 0, 100_000)
    fields = Fields(title=_clean(htmllib.unescape(found.group(1)))) if found else Fields()
    return HtmlPage(clean_text(markup_text(markup), title_hint or fields.title), fields)


def with_summary(markup: str, paragraphs: list[str]) -> list[str]:
    """The extractor's paragraphs with the page's summary list ("Key points" and its items) marked as
    one: its heading, then each item with a list marker, so that the cleaner keeps them as the page's
    own summary. Items the extractor left out go before the body; items it kept are marked in place.

    >>> page = "<h2>Key points</h2><ul><li>Toll rises to 12, police say</li><li>Roads shut</li></ul><p>Body.</p>"
    >>> with_summary(page, ["Body."])
    ['Key points', '- Toll rises to 12, police say', '- Roads shut', 'Body.']
    >>> with_summary(page, ["Toll rises to 12, police say", "Roads shut", "Body."])
    ['Key points', '- Toll rises to 12, police say', '- Roads shut', 'Body.']
    """
    found = summary_list(markup)
    if found is None:
        return paragraphs
    heading, items = found
    wanted = set(items)
    kept = [i for i, paragraph in enumerate(paragraphs) if paragraph.removeprefix(LIST_MARKER) in wanted]
    if not kept:
        return [heading, *(f"{LIST_MARKER}{item}" for item in items), *paragraphs]
    first = kept[0]
    before = [p for p in paragraphs[:first] if p != heading]  # the extractor's copy of the heading goes
    after = [p for p in paragraphs[first:] if p.removeprefix(LIST_MARKER) not in wanted]
    return [*before, heading, *(f"{LIST_MARKER}{item}" for item in items), *after]


def summary_list(markup: str) -> tuple[str, list[str]] | None:
    """The page's summary list: its heading and its items (one per ``<li>``, nested lists included),
    or None. The first summary heading with a list right after it is taken.

    >>> summary_list("<nav><a>Key points</a></nav><h3>Key points:</h3><ol><li>Six <b>dead</b></li><li>Nine hurt</li></ol>")
    ('Key points', ['Six dead', 'Nine hurt'])
    """
    for heading in _SUMMARY_HEADING_RE.finditer(markup):
        opening = _LIST_TAG_RE.search(markup, heading.end(), heading.end() + _SUMMARY_REACH)
        if opening is None or opening.group(1):
            continue
        close = _list_end(markup, opening)
        if close is None:
            continue
        body = markup[opening.end() : close]
        starts = [m.start() for m in _ITEM_OPEN_RE.finditer(body)]
        items = [
            " ".join(markup_text(body[a:b]).split())
            for a, b in zip(starts, [*starts[1:], len(body)], strict=True)
        ]
        items = [item for item in items if item]
        if items:
            return " ".join(heading.group("text").split()), items
    return None


def _list_end(markup: str, opening: re.Match[str]) -> int | None:
    """Where the list opened by ``opening`` closes (its nested lists skipped), within reach, or None."""
    depth = 0
    for tag in _LIST_TAG_RE.finditer(markup, opening.start(), opening.end() + _SUMMARY_SIZE):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            return tag.start()
    return None


def drop_templates(markup: str) -> str:
    """Markup without its ``<template>`` elements, nested ones included: their content is never shown
    (trafilatura keeps it). One scan of the template tags, so linear whatever the nesting.

    >>> drop_templates("<p>A</p><template><p>B<template>C</template>D</p></template><p>E</p>")
    '<p>A</p><p>E</p>'
    """
    if _TEMPLATE_HINT.search(markup) is None:
        return markup
    out: list[str] = []
    depth = pos = 0
    for tag in _TEMPLATE_TAG_RE.finditer(markup):
        if tag.group(1):  # a closing tag
            if depth:
                depth -= 1
                if not depth:
                    pos = tag.end()
            continue
        if not depth:
            out.append(markup[pos : tag.start()])
        depth += 1
    out.append("" if depth else markup[pos:])
    return "".join(out)


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    return text or None


_CONTAINERS = frozenset({"div", "section", "article", "main"})


def _body_paragraphs(body: Any) -> Iterator[str]:
    """One paragraph per block element of trafilatura's XML body; one per item of a list. A container
    that holds only blocks (a live blog's entry: a heading paragraph, then the text) is read block by
    block, with an explicit stack, so no nesting depth can exhaust the interpreter's."""
    stack = [iter(body)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
            continue
        if child.tag == "table":
            continue
        if child.tag in _CONTAINERS and _only_blocks(child):
            stack.append(iter(child))
            continue
        if child.tag == "list":  # each item marked as one, as a text page prints it
            for item in child.findall("item"):
                text = " ".join("".join(item.itertext()).split())
                if text:
                    yield f"{LIST_MARKER}{text}"
            continue
        text = " ".join("".join(child.itertext()).split())
        if text:
            yield text


def _only_blocks(element: Any) -> bool:
    """Whether an element has children and no text of its own between them."""
    if not len(element) or (element.text or "").strip():
        return False
    return not any((child.tail or "").strip() for child in element)


def markup_text(markup: str) -> str:
    """Text of markup by a flat scan (no tree, so any nesting depth): scripts, styles and comments
    dropped, block elements as line breaks, entities decoded once.

    >>> markup_text("<div><p>A &amp;lt; B</p><!-- x --><script>y()</script><p>C</p></div>")
    '\\n\\nA &lt; B\\n\\nC\\n\\n'
    """
    lower = markup.lower()
    out: list[str] = []
    pos, size = 0, len(markup)
    while pos < size:
        start = markup.find("<", pos)
        if start < 0:
            out.append(markup[pos:])
            break
        out.append(markup[pos:start])
        if markup.startswith("<!", start):
            end = markup.find("-->", start + 4) + 3 if markup.startswith("<!--", start) else 0
            pos = end if end >= 3 else _after(markup, start)
            continue
        tag = _TAG_RE.match(markup, start)
        if tag is None:
            out.append("<")
            pos = start + 1
            continue
        name = tag.group(2).lower()
        pos = tag.end()
        if not tag.group(1) and name in _SKIPPED_ELEMENTS:
            close = lower.find(f"</{name}", pos)
            pos = size if close < 0 else _after(markup, close)
        elif name in _BLOCK_ELEMENTS:
            out.append("\n")
    return htmllib.unescape("".join(out))


def _after(markup: str, start: int) -> int:
    end = markup.find(">", start)
    return len(markup) if end < 0 else end + 1


register_records(sys.modules[__name__])  # its frozen records pickle and copy when compiled (`make native`)
