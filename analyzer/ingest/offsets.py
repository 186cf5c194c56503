"""Offsets in the cleaned text of a page mapped back to the text as it was given.

A ``.txt`` file (or a record's ``text``) is the document: a claim's ``start`` and ``end`` must point
into it, though extraction reads the text the cleaner kept (menus and teasers dropped, the headline
first, spaces folded, paragraphs joined by blank lines). Cleaning only drops lines, moves the headline
and changes spaces, so the kept text's non-space characters ("ink") stand, paragraph by paragraph, in
the given text's ink in the same order: each kept paragraph is found there by its ink, and an offset
is carried through its ink index.

>>> given = "Menu | News\\n\\nStorm kills 40\\n\\nThe  coastguard said\\n42 were rescued."
>>> kept = "Storm kills 40\\n\\nThe coastguard said 42 were rescued."
>>> where = SourceMap(kept, given)
>>> s = kept.index("42")
>>> given[where.to_source(s) : where.to_source_end(s + 2)]
'42'
"""

from __future__ import annotations

import re
from bisect import bisect_right

__all__ = ["SourceMap"]

# characters the cleaner drops or folds: spaces of every kind and zero-width marks
_INK_RE = re.compile(r"[^\s\u200b\u200c\u200d\u2060\ufeff\u00ad]+")


class _Ink:
    """The non-space characters of a text in one string, and where each run of them starts."""

    __slots__ = ("ink", "inks", "starts")

    def __init__(self, text: str) -> None:
        starts: list[int] = []
        inks: list[int] = []
        pieces: list[str] = []
        n = 0
        for m in _INK_RE.finditer(text):
            piece = m.group()
            starts.append(m.start())
            inks.append(n)
            pieces.append(piece)
            n += len(piece)
        self.ink = "".join(pieces)
        self.starts = starts
        self.inks = inks

    def index(self, offset: int) -> int:
        """The ink characters before ``offset``."""
        j = bisect_right(self.starts, offset) - 1
        if j < 0:
            return 0
        run_end = self.inks[j + 1] if j + 1 < len(self.inks) else len(self.ink)
        return min(self.inks[j] + offset - self.starts[j], run_end)

    def offset(self, index: int) -> int:
        """The offset of the ink character ``index``."""
        j = max(0, bisect_right(self.inks, index) - 1)
        return self.starts[j] + index - self.inks[j] if self.starts else 0


class SourceMap:
    """Where each offset of ``kept`` (the cleaned text) stands in ``given`` (the text as given)."""

    __slots__ = ("_given", "_given_ink", "_kept", "_kept_ink", "_paragraphs", "_starts")

    WINDOW = 4096  # how far past the last paragraph found a paragraph is first looked for as printed

    def __init__(self, kept: str, given: str) -> None:
        self._kept, self._given = kept, given
        self._kept_ink: _Ink | None = None
        self._given_ink: _Ink | None = None
        # per kept paragraph: (start in kept, end in kept, start in given or -1, written as given)
        self._paragraphs: list[tuple[int, int, int, bool]] = []
        pointer = 0  # where the last paragraph found ends in given: the next one is looked for after it
        at = 0
        for k, paragraph in enumerate(kept.split("\n\n")):
            a, b = at, at + len(paragraph)
            at = b + 2
            if not paragraph.strip():
                continue
            # most paragraphs are printed as kept, a little after the last one: a bounded look first
            found = given.find(paragraph, pointer, pointer + len(paragraph) + self.WINDOW)
            if found < 0 and k == 0:
                found = given.find(paragraph)  # the headline, moved to the front, may stand anywhere
            if found >= 0:
                self._paragraphs.append((a, b, found, True))
                if k > 0:  # the headline does not move the search: a standfirst may stand above it
                    pointer = found + len(paragraph)
                continue
            found = self._by_ink(a, b, pointer)  # spaces folded, marks dropped, or far from the last
            self._paragraphs.append((a, b, found, False))
            if found >= 0:
                pointer = self._given_offset(found + len(self._ink_of_kept(a, b)))
        self._starts = [p[0] for p in self._paragraphs]

    def _kept_inks(self) -> _Ink:
        if self._kept_ink is None:
            self._kept_ink = _Ink(self._kept)
        return self._kept_ink

    def _given_inks(self) -> _Ink:
        if self._given_ink is None:
            self._given_ink = _Ink(self._given)
        return self._given_ink

    def _ink_of_kept(self, a: int, b: int) -> str:
        ink = self._kept_inks()
        return ink.ink[ink.index(a) : ink.index(b)]

    def _by_ink(self, a: int, b: int, pointer: int) -> int:
        """The ink index in given of the kept paragraph [a, b) (spaces changed or marks dropped), or -1."""
        ink, given = self._ink_of_kept(a, b), self._given_inks()
        found = given.ink.find(ink, given.index(pointer))
        return found if found >= 0 else given.ink.find(ink)

    def _given_offset(self, index: int) -> int:
        return self._given_inks().offset(index) if index < len(self._given_inks().ink) else len(self._given)

    def to_source(self, offset: int) -> int:
        """The offset in the given text of the character at ``offset`` in the kept text (itself, within the
        given text, when its paragraph was not found there)."""
        j = bisect_right(self._starts, offset) - 1
        if j >= 0:
            a, b, found, as_given = self._paragraphs[j]
            if a <= offset < b and found >= 0:
                if as_given:
                    return found + offset - a
                kept = self._kept_inks()
                return self._given_inks().offset(found + kept.index(offset) - kept.index(a))
        return min(offset, len(self._given))

    def to_source_end(self, end: int) -> int:
        """:meth:`to_source` for the end of a span (one past its last character)."""
        return self.to_source(end - 1) + 1 if end > 0 else self.to_source(end)
