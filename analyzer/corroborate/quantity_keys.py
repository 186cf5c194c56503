"""The key and label of a quantity: the words most of its items share, made unique.

A key reads as what is counted, where and which year ("north-korean-troops-russia",
"protesters-lyon-2019"); the label is the item that says most of what the group shares.

>>> from analyzer.corroborate.grouping import group_block
>>> from analyzer.corroborate.profiles import profile
>>> from analyzer.models import Claim
>>> items = ["demonstrators marching in Lyon", "protesters in Lyon", "protesters"]
>>> members = [(Claim(str(i), "d", 1.0, "", 0, 0, item=item), profile(item)) for i, item in enumerate(items)]
>>> (group,) = group_block((None, None, "protesters"), members, 60.0)
>>> slug, common = group_slug(group)
>>> slug, group_label(group, slug, common)
('protesters-lyon', 'protesters in Lyon')
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from analyzer.corroborate.grouping import Group
from analyzer.corroborate.item_words import GENERIC_PEOPLE, RATE_TOKENS, SHOWN
from analyzer.corroborate.profiles import Profile
from analyzer.models import Claim


class UniqueKeys:
    """Keys made unique in the order they are asked for: a suffix ``-2``, ``-3`` ... on a clash.

    Each base remembers the last suffix it gave, so n equal bases cost n steps, not n squared.

    >>> keys = UniqueKeys()
    >>> [keys.take(k) for k in ("deaths", "deaths", "deaths-2", "deaths")]
    ['deaths', 'deaths-2', 'deaths-2-2', 'deaths-3']
    """

    def __init__(self) -> None:
        self.used: set[str] = set()
        self._last: dict[str, int] = {}  # base -> the suffix number it last gave (1: no suffix)

    def take(self, base: str) -> str:
        n = self._last.get(base, 1)
        key = base if n == 1 else f"{base}-{n}"
        while key in self.used:  # every suffix below n is taken already: used only grows
            n += 1
            key = f"{base}-{n}"
        self._last[base] = n
        self.used.add(key)
        return key


def group_slug(group: Group) -> tuple[str, tuple[str, ...]]:
    """A readable key from the words most of the group's items share, in their usual order."""
    counts: Counter[str] = Counter()
    surfaces: dict[str, Counter[str]] = defaultdict(Counter)
    positions: dict[str, list[float]] = defaultdict(list)
    for _, prof in group.members:
        seen = set()
        for i, (norm, surface) in enumerate(prof.tokens):
            surfaces[norm][surface] += 1
            if norm not in seen:
                seen.add(norm)
                counts[norm] += 1
                positions[norm].append(i / max(1, len(prof.tokens)))
    # Words in at least half the items (in two of them when there are two or more), and the thing
    # counted, places and nationalities that set the group apart, even when only some items name them.
    need = 1 if len(group.members) == 1 else max(2, (len(group.members) + 1) // 2)
    head = group.block[2]
    placed = {"E:" + e for e in group.nat | group.loc} | {"C:" + head if group.anchor.vocab else head}
    if group.anchor.era:
        placed.add("Y:" + group.anchor.era)
    ranked = sorted(counts.items(), key=lambda nk: (nk[0] not in placed, -nk[1], nk[0]))
    common = [n for n, k in ranked if k >= need or n in placed][:5]
    common.sort(key=lambda n: (sum(positions[n]) / len(positions[n]), n))

    # The most used spelling; between equals, the vocabulary's own word ("protesters" over "marchers").
    # "people" says least of all: a group of "people" who marched is shown by another of its words.
    def shown(norm: str) -> str:
        wanted = SHOWN.get(norm[2:], norm[2:]) if norm.startswith("C:") else ""
        surface = surfaces[norm].items()
        return min(surface, key=lambda sk: (sk[0] in GENERIC_PEOPLE, -sk[1], sk[0] != wanted, sk[0]))[0]

    words = [shown(n) for n in common]
    unit, per, _ = group.block
    if not words and head:
        words = [head]
    if per and not any(w in RATE_TOKENS for w in words):
        words += ["per", per]
    if unit:
        words.append("percent" if unit == "%" else unit.lower())
    slug = re.sub(r"[^a-z0-9]+", "-", "-".join(words).lower()).strip("-") or "quantity"
    return slug, tuple(common)


def group_label(group: Group, slug: str, common: tuple[str, ...]) -> str:
    """The item that says most of what the group shares; the key's words when no claim has an item."""

    def rank(cp: tuple[Claim, Profile]) -> tuple[int, int, int, str]:
        claim, prof = cp
        item = claim.item or ""
        shared = len(set(common) & {n for n, _ in prof.tokens})
        return (-shared, -prof.hard, len(item) if item else 10**6, item)

    own = [cp for cp in group.members if cp[0].claim_id not in group.parts]  # a part's item is not its own
    claim, _ = min(own or group.members, key=rank)
    return claim.item or slug.replace("-", " ")
