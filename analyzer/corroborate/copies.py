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

import logging
import re
import zlib
from collections import Counter, defaultdict
from collections.abc import Mapping
from datetime import date

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


def _shared_counts(fingerprints: Mapping[str, frozenset[int]]) -> Counter[tuple[str, str]]:
    """How many sampled shingles each pair of documents shares, through an inverted index.

    Shingles found in very many documents (site furniture, stock phrases) are
    skipped: they say nothing about copying and would make the count quadratic.
    """
    postings: dict[int, list[str]] = defaultdict(list)
    for doc_id in sorted(fingerprints):
        for h in fingerprints[doc_id]:
            postings[h].append(doc_id)
    limit = max(8, len(fingerprints) // 2)
    shared: Counter[tuple[str, str]] = Counter()
    skipped = 0
    for docs in postings.values():
        if len(docs) > limit:
            skipped += 1
            continue
        for i, a in enumerate(docs):
            for b in docs[i + 1 :]:
                shared[(a, b)] += 1
    if skipped:
        LOGGER.debug("skipped %d shingles shared by more than %d documents", skipped, limit)
    return shared


def copy_groups(
    fingerprints: Mapping[str, frozenset[int]], published: Mapping[str, date | None]
) -> dict[str, str]:
    """Map each document to the document its text comes from (itself when it is original).

    Among documents linked as near-duplicates, the origin is the earliest
    published (undated ones after dated ones), then the smallest id; a copy of
    a copy leads back to the first.
    """

    def rank(doc_id: str) -> tuple[int, date, str]:
        day = published.get(doc_id)
        return (0 if day else 1, day or date.min, doc_id)

    neighbours: dict[str, set[str]] = defaultdict(set)
    for (a, b), count in _shared_counts(fingerprints).items():
        smaller = min(len(fingerprints[a]), len(fingerprints[b]))
        if count >= MIN_SHARED and (count >= PASSAGE or count >= CONTAINMENT * smaller):
            neighbours[a].add(b)
            neighbours[b].add(a)
    origin = {d: min((d, *neighbours.get(d, ())), key=rank) for d in fingerprints}
    for doc_id in sorted(origin):
        seen = {doc_id}
        target = origin[doc_id]
        while origin[target] != target and origin[target] not in seen:
            seen.add(target)
            target = origin[target]
        origin[doc_id] = target
    return dict(sorted(origin.items()))
