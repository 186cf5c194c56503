"""Grouping machinery: a disjoint set and blocked fuzzy matching of strings."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence

import numpy as np
from rapidfuzz import process


class _DisjointSet:
    def __init__(self) -> None:
        self.parent: dict[tuple[str, ...], tuple[str, ...]] = {}

    def find(self, x: tuple[str, ...]) -> tuple[str, ...]:
        parent = self.parent
        root = parent.setdefault(x, x)
        while root != parent[root]:
            root = parent[root]
        while x != root:
            parent[x], x = root, parent[x]
        return root

    def union(self, a: tuple[str, ...], b: tuple[str, ...]) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            ra, rb = min(ra, rb), max(ra, rb)
            self.parent[rb] = ra


_Scorer = Callable[..., float]


def _similar(
    queries: Sequence[str],
    choices: Sequence[str],
    scorer: _Scorer,
    cutoff: float,
    block: Callable[[str], str] = lambda s: s[:1],
) -> Iterable[tuple[int, int]]:
    """Index pairs (query, choice) scoring at least ``cutoff``, compared only within one block."""
    blocks: dict[str, tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
    for i, q in enumerate(queries):
        blocks[block(q)][0].append(i)
    for j, c in enumerate(choices):
        b = block(c)
        if b in blocks:
            blocks[b][1].append(j)
    for _, (qs, cs) in sorted(blocks.items()):
        if not cs:
            continue
        cstr = [choices[j] for j in cs]
        for start in range(0, len(qs), 1000):
            rows = qs[start : start + 1000]
            scores = process.cdist([queries[i] for i in rows], cstr, scorer=scorer, score_cutoff=cutoff)
            for row, col in zip(*np.nonzero(scores), strict=True):
                yield rows[int(row)], cs[int(col)]
