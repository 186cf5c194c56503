"""Articles that copy or rewrite another's text: one origin, however many pages carry it.

A document's fingerprint is a deterministic sample of its hashed word
shingles (runs of seven words, kept when the hash is a multiple of four).
Two documents are near-duplicates when they share at least ~30 % of the
smaller one's sampled shingles, or a long passage; each document is then
traced to the earliest published of the copies it is linked to.

>>> story = " ".join(f"the river rose {n} feet near the mill on day {n}" for n in range(30))
>>> prints = {"a": fingerprint(story), "b": fingerprint("From our wires: " + story), "c": fingerprint("other words " * 20)}
>>> from datetime import date
>>> copy_groups(prints, {"a": date(2024, 3, 2), "b": date(2024, 3, 1), "c": None})
{'a': 'b', 'b': 'b', 'c': 'c'}
"""

from __future__ import annotations

import heapq
import logging
import math
import re
import zlib
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Collection, Mapping
from datetime import date
from itertools import groupby, islice

LOGGER = logging.getLogger(__name__)

SHINGLE = 7  # words per shingle
SAMPLE = 4  # keep a shingle when its hash is a multiple of this
CONTAINMENT = 0.3  # share of the smaller document's shingles that makes a copy
PASSAGE = 15  # sampled shingles in common that make a copy whatever the sizes (~65 words)
MIN_SHARED = 3  # below this, a shared fragment is a common phrase, not a copy

_WORD = re.compile(r"\w+")


def fingerprint(text: str) -> frozenset[int]:
    """The sampled hashes of a text's seven-word shingles (case and punctuation ignored).

    Stable across runs and machines (crc32, not Python's ``hash``).

    >>> fingerprint("Ten people died.") == fingerprint("ten PEOPLE died")
    True
    """
    words = _WORD.findall(text.lower())
    if not words:
        return frozenset()
    if len(words) < SHINGLE:
        return frozenset({zlib.crc32(" ".join(words).encode())})
    windows = map(" ".join, zip(*(words[i:] for i in range(SHINGLE)), strict=False))
    return frozenset(h for h in (zlib.crc32(w.encode()) for w in windows) if h % SAMPLE == 0)


_LONG = math.ceil(PASSAGE / CONTAINMENT)  # from this many shingles on, every copy shares a whole passage


def _linked(count: int, size: int, other: int) -> bool:
    """Whether two documents sharing ``count`` sampled shingles are copies (the one rule of this module)."""
    return count >= MIN_SHARED and (count >= PASSAGE or count >= CONTAINMENT * min(size, other))


class _Index:
    """Where each sampled shingle occurs: positions in rank order of the documents that hold it,
    apart for long documents (at least ``_LONG`` shingles) and short ones."""

    def __init__(self, fingerprints: Mapping[str, Collection[int]], order: list[str]) -> None:
        self.sizes = [len(fingerprints[d]) for d in order]
        self.long: dict[int, list[int]] = defaultdict(list)
        self.short: dict[int, list[int]] = defaultdict(list)
        for position, doc_id in enumerate(order):
            table = self.long if self.sizes[position] >= _LONG else self.short
            for h in fingerprints[doc_id]:
                table[h].append(position)
        self.limit = max(8, len(order) // 2)

    def kept(self, shingles: Collection[int]) -> list[int]:
        """The shingles that say something about copying: not held by more than ``limit`` documents."""
        return [h for h in shingles if len(self.long.get(h, ())) + len(self.short.get(h, ())) <= self.limit]

    def source(self, position: int, shingles: list[int]) -> int | None:
        """The earliest document before ``position`` linked to it, or None."""
        size = self.sizes[position]
        best = self._long_source(position, size, [self.long[h] for h in shingles if h in self.long])
        short = self._short_source(position, size, [self.short[h] for h in shingles if h in self.short], best)
        return short if short is not None else best

    def _long_source(self, position: int, size: int, lists: list[list[int]]) -> int | None:
        # A long document linked to this one shares at least `least` shingles, so it is in one of the
        # lists left when the `least - 1` longest are set aside: those, site furniture and stock
        # phrases, are only looked up, never walked through.
        least = max(MIN_SHARED, min(PASSAGE, math.floor(CONTAINMENT * min(size, _LONG))))
        lists.sort(key=len)
        walked = lists[: max(0, len(lists) - (least - 1))]
        prefixes = [islice(p, bisect_left(p, position)) for p in walked]
        for other, _ in groupby(heapq.merge(*prefixes)):
            count = sum(1 for p in lists if _holds(p, other))
            if _linked(count, size, self.sizes[other]):
                return other
        return None

    def _short_source(
        self, position: int, size: int, lists: list[list[int]], before: int | None
    ) -> int | None:
        end = position if before is None else min(position, before)
        prefixes = [islice(p, bisect_left(p, end)) for p in lists]
        for other, run in groupby(heapq.merge(*prefixes)):
            if _linked(sum(1 for _ in run), size, self.sizes[other]):
                return other
        return None


def _holds(positions: list[int], position: int) -> bool:
    i = bisect_left(positions, position)
    return i < len(positions) and positions[i] == position


def copy_groups(
    fingerprints: Mapping[str, Collection[int]], published: Mapping[str, date | None]
) -> dict[str, str]:
    """Map each document to the document its text comes from (itself when it is original).

    Among documents linked as near-duplicates, the origin is the earliest
    published (undated ones after dated ones), then the smallest id; a copy of
    a copy leads back to the first. Shingles found in very many documents
    (site furniture, stock phrases) are skipped: they say nothing about copying.
    Documents are visited in that order and each looks only for its earliest
    source, walking only the rarer of its shingles' holders, so a story reprinted
    a thousand times costs a thousand look-ups, not half a million comparisons.
    """

    def rank(doc_id: str) -> tuple[int, date, str]:
        day = published.get(doc_id)
        return (0 if day else 1, day or date.min, doc_id)

    order = sorted(fingerprints, key=rank)
    index = _Index(fingerprints, order)
    origin: dict[str, str] = {}
    for position, doc_id in enumerate(order):
        source = index.source(position, index.kept(fingerprints[doc_id])) if position else None
        origin[doc_id] = order[source] if source is not None else doc_id
    for doc_id in sorted(origin):
        seen = {doc_id}
        target = origin[doc_id]
        while origin[target] != target and origin[target] not in seen:
            seen.add(target)
            target = origin[target]
        origin[doc_id] = target
    return dict(sorted(origin.items()))
