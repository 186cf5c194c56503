"""Claims of one block (unit, rate, head) grouped into the quantities they measure.

A claim joins the group it fits best (:func:`analyzer.corroborate.profiles.fits`: no hard part differs,
one era), weighed by the places and names they share, the likeness of their words and the group's
size; a claim that fits none opens a group of its own. A block of many groups is indexed, so that a
claim meets only the groups it may join (:class:`_Block`).

>>> from analyzer.corroborate.profiles import profile
>>> from analyzer.models import Claim
>>> members = [(Claim(i, "d", 1.0, "", 0, 0), profile(item)) for i, item in
...            [("a", "protesters in Lyon"), ("b", "protesters"), ("c", "protesters in Paris")]]
>>> [[c.claim_id for c, _ in g.members] for g in group_block((None, None, "protesters"), members, 60.0)]
[['a', 'b'], ['c']]
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from analyzer.corroborate.profiles import Profile, nested
from analyzer.models import Claim

_HARD = (
    "nat",
    "loc",
    "pop",
    "when",
    "state",
)  # the parts of a profile that must nest for two claims to group
_SCAN = 32  # up to this many groups in a block, a claim is compared with every one of them
# Words that say which dimension of a thing a measure gives, by dimension: "300 metres long" and "eight
# metres deep" are different quantities however alike their words, "95 metres tall" and "90 metres high"
# one. A limit is never the measure itself ("79 mph" and "a 45 mph limit").
_DIMENSIONS = {
    **dict.fromkeys(("long", "length"), "length"),
    **dict.fromkeys(("deep", "depth"), "depth"),
    **dict.fromkeys(("wide", "width", "broad"), "width"),
    **dict.fromkeys(("high", "height", "tall"), "height"),
    **dict.fromkeys(("thick", "thickness"), "thickness"),
    "diameter": "diameter",
    "radius": "radius",
    "limit": "limit",
}


@dataclass(slots=True, eq=False)
class Group:
    """A quantity as it is built: the profile of the claim that opened it, and its members so far.

    Its hard parts are the union of its members' (a claim joins when its own nest with them).
    """

    order: int  # creation order within its block: ties go to the older group
    block: tuple[str | None, str | None, str]
    anchor: Profile
    nat: frozenset[str] = frozenset()
    loc: frozenset[str] = frozenset()
    pop: frozenset[str] = frozenset()
    when: frozenset[str] = frozenset()
    state: frozenset[str] = frozenset()
    entities: Counter[str] = field(default_factory=Counter)
    members: list[tuple[Claim, Profile]] = field(default_factory=list)
    keys: set[str] = field(default_factory=set)  # the words of its anchor and every entity it names
    unanchored: bool = False  # its anchor names nothing: any claim of a vocabulary block may join
    parts: set[str] = field(default_factory=set)  # claims that joined as a part of one of its figures

    def fits(self, prof: Profile) -> bool:
        return (
            prof.era == self.anchor.era
            and nested(prof.nat, self.nat)
            and nested(prof.loc, self.loc)
            and nested(prof.pop, self.pop)
            and nested(prof.when, self.when)
            and nested(prof.state, self.state)
        )

    def add(self, claim: Claim, prof: Profile) -> None:
        self.members.append((claim, prof))
        self.nat |= prof.nat
        self.loc |= prof.loc
        self.pop |= prof.pop
        self.when |= prof.when
        self.state |= prof.state
        self.entities.update(prof.entities)


def _choose(groups: Iterable[Group], prof: Profile, similarity: float) -> Group | None:
    best: tuple[float, float, int] | None = None
    chosen = None
    dimensions = _dimensions(prof)
    for group in groups:
        if not group.fits(prof) or not _same_dimension(_dimensions(group.anchor), dimensions):
            continue
        ratio = fuzz.token_set_ratio(prof.text, group.anchor.text)
        if not prof.vocab and ratio < similarity:
            continue
        # a place the claim names anywhere, where a group counts ("The Lyon march drew 42,000 people")
        hard_shared = len(prof.entities & (group.nat | group.loc))
        score = (
            2.0 * hard_shared + sum(1 for e in prof.entities if group.entities[e]),
            ratio,
            len(group.members),
        )
        if best is None or score > best:
            best, chosen = score, group
    return chosen


def _dimensions(prof: Profile) -> frozenset[str] | None:
    """The dimensions a measure's item names (:data:`_DIMENSIONS`); None for a bare measure ("metres"),
    which may be of any dimension; none for a counted thing of the vocabulary ("people", "troops")."""
    if prof.vocab:
        return frozenset()
    if len(prof.tokens) == 1:
        return None
    return frozenset(_DIMENSIONS[norm] for norm, _ in prof.tokens if norm in _DIMENSIONS)


def _same_dimension(a: frozenset[str] | None, b: frozenset[str] | None) -> bool:
    """Two measures of one dimension, or a bare measure beside one that is no limit ("metres" and
    "metres long"); "metres wide" and "metres of snow" are two things."""
    if a is None or b is None:
        return "limit" not in (a or b or frozenset())
    return a == b


class _Block:
    """The groups of one block, indexed so that a claim meets only the groups it may join.

    Up to :data:`_SCAN` groups a claim is compared with all of them. Past that, only with the
    groups that share a name or a word with it (besides the head every group of the block shares),
    or name nothing when its head is in the vocabulary. Of those, only the ones that pass the
    gates of :func:`_choose` (its hard parts, its dimension, its likeness) can be chosen, so the candidates are drawn from whichever of these is
    smallest, and each is checked for sharing a key before :func:`_choose` weighs it:

    - the groups that share a key (the definition above);
    - for each hard part the claim names (``loc`` ...), the groups whose part is empty or shares
      one of its values: no other group nests with it;
    - for a claim outside the vocabulary, the groups whose anchor is as similar as ``similarity``
      asks (one comparison per distinct anchor text; a claim with no words is similar to none).

    A block of thousands of claims that each open a group (no item and one name they all share,
    one town each) thus costs a few look-ups per claim, not a pass over every group, and the
    groups are the ones a pass over every candidate gives.
    """

    def __init__(self, block: tuple[str | None, str | None, str], similarity: float) -> None:
        self.block = block
        self.similarity = similarity
        self.groups: list[Group] = []
        self.by_key: dict[str, list[Group]] = defaultdict(list)
        self.unanchored: list[Group] = []
        self.by_text: dict[str, list[Group]] = defaultdict(list)
        self.holding: dict[str, dict[str, list[Group]]] = {part: defaultdict(list) for part in _HARD}
        self.lacking: dict[str, dict[int, Group]] = {part: {} for part in _HARD}  # by order
        self.shared_head = {block[2], "C:" + block[2]}

    def add(self, claim: Claim, prof: Profile) -> None:
        """Put a claim in the group it fits best, or in a new group of its own."""
        words = {"W:" + w for w in prof.text.split() if w not in self.shared_head}
        group = _choose(self._candidates(prof, words), prof, self.similarity)
        if group is None:
            group = self._open(prof, words)
        for entity in prof.entities:
            if not group.entities[entity]:
                self.by_key[entity].append(group)
                group.keys.add(entity)
        for part in _HARD:
            have: frozenset[str] = getattr(group, part)
            new = getattr(prof, part) - have
            if new and not have:
                del self.lacking[part][group.order]
            for value in new:
                self.holding[part][value].append(group)
        group.add(claim, prof)

    def _open(self, prof: Profile, words: set[str]) -> Group:
        group = Group(len(self.groups), self.block, prof, keys=set(words), unanchored=not prof.entities)
        self.groups.append(group)
        for word in words:
            self.by_key[word].append(group)
        if group.unanchored:
            self.unanchored.append(group)
        self.by_text[prof.text].append(group)
        for part in _HARD:
            self.lacking[part][group.order] = group
        return group

    def _candidates(self, prof: Profile, words: set[str]) -> Iterable[Group]:
        if len(self.groups) <= _SCAN:
            return self.groups
        keys = prof.entities | words
        best = sum(len(self.by_key.get(key, ())) for key in keys) + (
            len(self.unanchored) if prof.vocab else 0
        )
        drawn: Iterable[Group] | None = None  # None: the groups that share a key, gathered below
        for part in _HARD:
            values: frozenset[str] = getattr(prof, part)
            if values:
                holding = self.holding[part]
                size = len(self.lacking[part]) + sum(len(holding.get(v, ())) for v in values)
                if size < best:
                    best = size
                    lacking = self.lacking[part].values()
                    drawn = [*lacking, *(g for v in values for g in holding.get(v, ()))]
        if not prof.vocab and len(self.by_text) < best:
            alike = [
                groups
                for text, groups in self.by_text.items()
                if fuzz.token_set_ratio(prof.text, text) >= self.similarity
            ]
            if sum(len(groups) for groups in alike) < best:
                drawn = [g for groups in alike for g in groups]
        if drawn is None:
            found = {id(g): g for key in keys for g in self.by_key.get(key, ())}
            if prof.vocab:
                found.update((id(g), g) for g in self.unanchored)
            return sorted(found.values(), key=lambda g: g.order)
        shares = {id(g): g for g in drawn if (prof.vocab and g.unanchored) or not g.keys.isdisjoint(keys)}
        return sorted(shares.values(), key=lambda g: g.order)


def group_block(
    block: tuple[str | None, str | None, str], members: list[tuple[Claim, Profile]], similarity: float
) -> list[Group]:
    members.sort(key=lambda cp: (-cp[1].hard, cp[1].text, cp[0].claim_id))
    grouping = _Block(block, similarity)
    for claim, prof in members:
        grouping.add(claim, prof)
    return grouping.groups
