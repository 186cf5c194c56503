"""The user alias table: groups of names whose first name is canonical, matched exactly or by spelling."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence

from rapidfuzz import fuzz

from analyzer.resolve.groups import _similar
from analyzer.resolve.mentions import _Item, _Node, _parse, _Parsed
from analyzer.resolve.names import _fold, _name_key
from analyzer.resolve.people import _People


def _match_keys(p: _Parsed) -> tuple[list[tuple[str, ...]], list[tuple[str, ...]]]:
    """Strong and weak keys under which a mention (or an alias) can be looked up."""
    label: tuple[str, ...] = ("label", _fold(p.label))
    if p.kind == "unnamed" or p.kind == "empty":
        return [label], []
    if p.kind == "person":
        if not p.full:
            return [], [label, ("surname", _name_key(p.name))]
        return [label, ("person", _name_key(p.name))], []
    strong: list[tuple[str, ...]] = [label]
    if p.acronym:
        strong.append(("acr", p.acronym))
    if p.defines:
        strong.append(("acr", p.defines))
    if p.kind == "role" and p.role is not None:
        strong.append(
            ("role", p.role.country or "", p.role.possessor or "", p.role.cls, *sorted(p.role.mods))
        )
    elif p.proper and not p.acronym:
        strong.append(("name", p.org_key, p.country or ""))
    if p.kind == "org" and not p.acronym:
        strong.append(("cls", p.country or p.possessor or "", p.cls))
    return strong, []


class _Aliases:
    def __init__(self, groups: Sequence[Sequence[str]], similarity: float) -> None:
        self.similarity = similarity
        self.canonical: list[str] = []
        self.strong: dict[tuple[str, ...], int] = {}
        self.weak: dict[tuple[str, ...], int] = {}
        self.labels: list[tuple[str, int]] = []
        self.persons: list[tuple[str, int]] = []
        for group in groups:
            names = [n for n in group if n.strip()]
            if not names:
                continue
            gi = len(self.canonical)
            self.canonical.append(names[0].strip())
            for name in names:
                p = _parse(name)
                strong, weak = _match_keys(p)
                for key in strong:
                    self.strong.setdefault(key, gi)
                    if key[0] == "name":
                        self.strong.setdefault(("name-any", key[1]), gi)
                for key in weak:
                    self.weak.setdefault(key, gi)
                if p.kind in ("org", "role") or (p.kind == "person" and p.full):
                    self.labels.append((_fold(p.label), gi))
                if p.kind == "person" and p.full:
                    self.persons.append((_name_key(p.name), gi))

    def strong_hit(self, p: _Parsed) -> int | None:
        strong, _ = _match_keys(p)
        for key in strong:
            hit = self.strong.get(key)
            if hit is None and key[0] == "name":
                hit = (
                    self.strong.get(("name", key[1], "")) if key[2] else self.strong.get(("name-any", key[1]))
                )
            if hit is not None:
                return hit
        return None

    def weak_hit(self, p: _Parsed) -> int | None:
        return next((self.weak[k] for k in _match_keys(p)[1] if k in self.weak), None)

    def fuzzy_hits(self, parsed: Sequence[_Parsed]) -> dict[int, int]:
        """Index of a parsed mention -> alias group, for spellings within ``similarity`` of an alias."""
        hits: dict[int, int] = {}
        named = [
            i for i, p in enumerate(parsed) if p.kind in ("org", "role") or (p.kind == "person" and p.full)
        ]
        for table, text_of, scorer in (
            (self.persons, lambda p: _name_key(p.name) if p.kind == "person" and p.full else "",
             fuzz.token_sort_ratio),
            (self.labels, lambda p: _fold(p.label), fuzz.ratio),
        ):  # fmt: skip
            if not table:
                continue
            queries = [text_of(parsed[i]) for i in named]
            choices = [t for t, _ in table]
            for qi, cj in sorted(_similar(queries, choices, scorer, self.similarity)):
                if queries[qi]:
                    hits.setdefault(named[qi], table[cj][1])
        return hits


def _apply_aliases(
    items: Sequence[_Item],
    entity: Mapping[int, _Node],
    display: Mapping[_Node, str],
    people: _People,
    table: _Aliases,
) -> dict[tuple[str, str], str]:
    if not table.canonical:
        return {(it.doc, it.text): display[entity[i]] for i, it in enumerate(items)}
    parsed = [it.parsed for it in items]
    fuzzy = table.fuzzy_hits(parsed)
    own: dict[int, int] = {}
    claims: dict[_Node, Counter[int]] = defaultdict(Counter)
    weak_claims: dict[_Node, Counter[int]] = defaultdict(Counter)
    for i, p in enumerate(parsed):
        hit = table.strong_hit(p)
        if hit is None and p.kind != "unnamed":
            hit = fuzzy.get(i)
        if hit is not None:
            own[i] = hit
            if p.kind != "unnamed":
                claims[entity[i]][hit] += 1
        elif (weak := table.weak_hit(p)) is not None:
            weak_claims[entity[i]][weak] += 1
    for key, cluster in people.cluster.items():  # names the corpus gives a person count for the person
        hit = table.strong.get(("person", key))
        if hit is not None and ("P", cluster) in display:
            claims[("P", cluster)][hit] += 1
    result: dict[tuple[str, str], str] = {}
    for i, it in enumerate(items):
        node = entity[i]
        votes = claims.get(node) or (weak_claims.get(node) if node[0] == "S" else None)
        if i in own:
            name = table.canonical[own[i]]
        elif votes:
            name = table.canonical[min(votes, key=lambda g: (-votes[g], g))]
        else:
            name = display[node]
        result[(it.doc, it.text)] = name
    return result
