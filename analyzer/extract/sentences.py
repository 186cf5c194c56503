"""Split web text into paragraphs and sentences, with offsets into the text.

A paragraph is a line: web text usually puts one paragraph per line, so a
single newline and a blank line both end one. Menus, headings and bullet
lines ("- ...", "• ...") therefore come out as sentences of their own; a
leading bullet mark or Markdown ``#`` is left out of the sentence span.

Inside a paragraph a sentence ends at ``.``, ``!``, ``?`` or ``…`` (with any
closing quotes or brackets after it) when white space and an opening
capital, digit, quote or bracket follow. It does not end

* after an abbreviation or an initial ("Gen.", "Mr.", "U.S.", "a.m.",
  "Sept.", "John F. Kennedy", "No. 5");
* inside a quotation that opens and closes in the same paragraph
  (``"We pulled 42 people out. They were cold," said Ruiz.`` is one
  sentence), unless that would make the sentence longer than
  :data:`MAX_QUOTED_SENTENCE` characters.

No sentence is longer than :data:`MAX_SENTENCE` characters: a longer run
without a sentence end (a table flattened into one line, a list of figures)
is cut at white space, so that no later stage ever meets an unbounded
sentence.

Everything is linear in the length of the text: regexes find the candidate
ends and the quote marks, and small bounded checks decide.

>>> [s.text for s in split_sentences("Gen. Ana Ruiz spoke. Then she left.\\n- A bullet")]
['Gen. Ana Ruiz spoke.', 'Then she left.', 'A bullet']
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from analyzer.models import Sentence

__all__ = ["MAX_QUOTED_SENTENCE", "MAX_SENTENCE", "split_paragraphs", "split_sentences"]

MAX_QUOTED_SENTENCE = 800
"""A quotation does not keep a sentence open past this many characters."""
MAX_SENTENCE = 1000
"""No sentence is longer: news sentences stay well under it, and past it the text is a table or a list."""

_LINE = re.compile(r"[^\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]+")
_WORD = re.compile(r"[^\W_]")
# A bullet mark or a Markdown heading mark, then white space.
_LEAD_MARK = re.compile(r"(?:[-–•*·▪●◦‣■►]|#{1,6})[^\S\n]+")
# Terminal punctuation and whatever closes after it (quotes, brackets).
_END = re.compile(r"[.!?…]+[\"'”’»)\]]*")
# What must follow a sentence end: white space, then an opener, a capital or a digit.
_NEXT = re.compile(r"\s+([\"“‘'«(\[]|[^\W_])")
_QUOTE = re.compile(r"[\"“”«»'‘’]")

_OPENING_CHARS = frozenset("\"“‘'«([")
_BEFORE_OPENER = frozenset(" \t\u00a0([{<—–-/\"“‘'«")
_DOUBLE = frozenset('"“”«»')

# Abbreviations after which a period does not end a sentence (case matters).
_ABBREVIATION_LIST = """
    Gen Gens Lt Col Maj Sgt Capt Cpl Pvt Adm Cmdr Cdr Brig Gov Govs Sen Sens Rep Reps Pres
    Mr Mrs Ms Messrs Mme Mlle Dr Drs Prof Rev Hon St Ste Mt Ft Jr Sr Inc Corp Co Cos Ltd Bros
    Dept Univ Assn Supt Insp Det Atty Sup vs Vs cf al approx est ca Fig fig Vol vol pp
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Ph.D
"""
_ABBREVIATIONS = frozenset(_ABBREVIATION_LIST.split())
# Abbreviations that only hold before a number ("No. 5", "Nos. 3 and 4").
_NUMBER_ABBREVIATIONS = frozenset({"No", "Nos", "no", "nos", "Art", "art"})
_INITIALISM = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
_MAX_ABBREVIATION = 12


def split_paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """Yield ``(start, end)`` of each paragraph: each non-blank line, stripped.

    >>> list(split_paragraphs("  One.\\n\\nTwo\\r\\n"))
    [(2, 6), (8, 11)]
    """
    for match in _LINE.finditer(text):
        line = match.group()
        stripped = line.strip()  # str.strip drops what str.isspace calls white space
        if stripped:
            start = match.start() + len(line) - len(line.lstrip())
            yield start, start + len(stripped)


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences; ``text[s.start:s.end] == s.text``.

    ``index`` counts sentences in the document and ``paragraph`` counts the
    paragraphs (non-blank lines with a letter or digit), both from 0.

    >>> [s.text for s in split_sentences('"We pulled 42 out. They were cold," said Ruiz. He left.')]
    ['"We pulled 42 out. They were cold," said Ruiz.', 'He left.']
    >>> [(s.index, s.paragraph) for s in split_sentences("A b.\\n\\nC d. E f.")]
    [(0, 0), (1, 1), (2, 1)]
    """
    sentences: list[Sentence] = []
    paragraph = 0
    for start, end in split_paragraphs(text):
        lead = _LEAD_MARK.match(text, start, end)
        if lead is not None:
            start = lead.end()
        found = False
        for a, b in _sentence_spans(text, start, end):
            sentences.append(Sentence(text[a:b], a, b, len(sentences), paragraph))
            found = True
        if found:
            paragraph += 1
    return sentences


def _sentence_spans(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Yield the stripped sentence spans of the paragraph ``text[start:end]``."""
    quoted: list[tuple[int, int]] | None = None  # worked out at the first candidate end, if any
    q = 0
    seg_start = start
    for match in _END.finditer(text, start, end):
        split_at = match.end()
        if split_at >= end:
            break
        following = _NEXT.match(text, split_at, end)
        if following is None:
            if not _glued(text, match.start(), split_at, end):
                continue
            opener = text[split_at]
        else:
            opener = following.group(1)
        if not (opener in _OPENING_CHARS or opener.isupper() or opener.isdigit()):
            continue
        if match.group() == "." and _is_abbreviation(text, match.start(), opener):
            continue
        if quoted is None:
            quoted = _quoted_spans(text, start, end)
        while q < len(quoted) and quoted[q][1] < split_at:
            q += 1
        inside = q < len(quoted) and quoted[q][0] < split_at
        if inside and split_at - seg_start <= MAX_QUOTED_SENTENCE:
            continue
        yield from _stripped(text, seg_start, split_at)
        seg_start = split_at
    yield from _stripped(text, seg_start, end)


def _glued(text: str, period: int, split_at: int, end: int) -> bool:
    """A stop with no space after it between two words, as pasted web text has them: "on Monday.According
    to ..." ends a sentence (a lowercase word of three letters or more, a full stop, a capitalised word);
    not an address or a file name ("example.Com/News", "www.Site.Org"), nor "U.S.Army" (no lowercase run)."""
    if text[period] != "." or split_at != period + 1 or split_at + 1 >= end:
        return False
    if not (text[split_at].isupper() and text[split_at + 1].islower()):
        return False
    if period < 3 or not text[period - 3 : period].isalpha() or not text[period - 3 : period].islower():
        return False
    k = text.rfind(" ", max(0, period - 40), period)
    token = text[k + 1 : period]
    if any(c in token for c in "./@:_") or token.lower().startswith("www"):
        return False
    return text[split_at : split_at + 4].rstrip("/ ").lower() not in _DOMAIN_ENDS


_DOMAIN_ENDS = frozenset({"com", "org", "net", "gov", "edu", "info"})


def _stripped(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while end - start > MAX_SENTENCE:
        cut = _cut(text, start)
        yield from _stripped(text, start, cut)
        start = cut
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end and _WORD.search(text, start, end) is not None:
        yield start, end


def _cut(text: str, start: int) -> int:
    """Where to cut an overlong run that starts at ``start``: after the last white space of its second
    half of :data:`MAX_SENTENCE` characters, else (one giant token) at that length."""
    low, high = start + MAX_SENTENCE // 2, start + MAX_SENTENCE
    last = max(text.rfind(" ", low, high), text.rfind("\t", low, high), text.rfind("\u00a0", low, high))
    return last + 1 if last >= 0 else high


def _is_abbreviation(text: str, period: int, following: str) -> bool:
    """Whether the period at ``text[period]`` closes an abbreviation or an initial."""
    k = period
    limit = max(0, period - _MAX_ABBREVIATION)
    while k > limit and (text[k - 1].isalpha() or text[k - 1] == "."):
        k -= 1
    token = text[k:period]
    if not token or (k > 0 and (text[k - 1].isalnum() or text[k - 1] in "'’")):
        return False
    if len(token) == 1:
        return token.isupper()  # an initial: "John F. Kennedy"
    if token in _ABBREVIATIONS:
        return True
    if token in _NUMBER_ABBREVIATIONS:
        return following.isdigit()
    return _INITIALISM.fullmatch(token) is not None


def _quoted_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sorted, merged ``(open, close)`` offsets of the quotations that pair in the paragraph."""
    marks = _quote_marks(text, start, end)
    if not marks:
        return []
    pairs: list[tuple[int, int]] = []
    for group in (True, False):
        events = [(pos, kind) for pos, kind, double in marks if double is group]
        pairs.extend(_pair(events))
    pairs = [(o, c) for o, c in pairs if c - o <= MAX_QUOTED_SENTENCE]
    pairs.sort()
    merged: list[tuple[int, int]] = []
    for o, c in pairs:
        if merged and o <= merged[-1][1]:
            if c > merged[-1][1]:
                merged[-1] = (merged[-1][0], c)
        else:
            merged.append((o, c))
    return merged


def _quote_marks(text: str, start: int, end: int) -> list[tuple[int, str, bool]]:
    """Quote marks of the paragraph as ``(offset, kind, is_double)``.

    ``kind`` is ``open``, ``close`` or ``weak`` (a closing single quote that
    may be a plural possessive: "the soldiers’ families").
    """
    marks: list[tuple[int, str, bool]] = []
    for match in _QUOTE.finditer(text, start, end):
        pos = match.start()
        ch = text[pos]
        prev = text[pos - 1] if pos > start else " "
        nxt = text[pos + 1] if pos + 1 < end else " "
        if ch in _DOUBLE:
            if ch in "“«":
                kind = "open"
            elif ch in "”»":
                kind = "close"
            else:
                kind = "open" if prev in _BEFORE_OPENER or prev.isspace() else "close"
            marks.append((pos, kind, True))
            continue
        if prev.isalnum() and nxt.isalnum():
            continue  # an apostrophe: "It’s", "Korea's"
        if ch == "‘" or (ch == "'" and (prev in _BEFORE_OPENER or prev.isspace())):
            if nxt.isspace():
                continue
            marks.append((pos, "open", False))
        elif ch != "‘" and not prev.isspace() and prev not in _BEFORE_OPENER:
            weak = prev in "sS" and nxt.isspace()
            marks.append((pos, "weak" if weak else "close", False))
    return marks


def _pair(events: list[tuple[int, str]]) -> list[tuple[int, int]]:
    """Pair openers with closers (innermost first); weak closers only when no closer follows."""
    strong_ahead = [False] * len(events)
    ahead = False
    for i in range(len(events) - 1, -1, -1):
        strong_ahead[i] = ahead
        kind = events[i][1]
        if kind == "close":
            ahead = True
        elif kind == "open":
            ahead = False
    stack: list[int] = []
    pairs: list[tuple[int, int]] = []
    for i, (pos, kind) in enumerate(events):
        if kind == "open":
            stack.append(pos)
        elif stack and (kind == "close" or not strong_ahead[i]):
            pairs.append((stack.pop(), pos))
    return pairs
