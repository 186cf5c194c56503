"""Organisations: one entity per institution through names, acronyms and (place, institution class)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from analyzer.resolve.evidence import _Definition, _initials
from analyzer.resolve.groups import _DisjointSet
from analyzer.resolve.mentions import _Item, _Node, _parse_org, _Parsed
from analyzer.resolve.names import canonical_label

# Words before a name that make another body of it, not its place: "Former Provincial Disaster Agency"
_NO_PLACE = frozenset(
    {"former", "new", "old", "interim", "acting", "caretaker", "then", "shadow", "joint", "deputy"}
)


def _nested(keys: set[str]) -> bool:
    """True when every pair of names is one inside the other ("General Staff" in a longer form)."""
    sets = sorted((set(k.split()) for k in keys), key=len)
    return all(a <= b for i, a in enumerate(sets) for b in sets[i + 1 :])


class _Orgs:
    """Union of organisation mentions through names, acronyms and (place, institution class) keys."""

    def __init__(self, items: Sequence[_Item], indices: Sequence[int], definitions: Sequence[_Definition]):
        self.ds = _DisjointSet()
        self.forms: dict[_Node, Counter[str]] = defaultdict(Counter)
        self.proper: set[str] = set()
        self.node: dict[int, _Node] = {}
        orgs = [(i, items[i].doc, items[i].parsed) for i in indices if not items[i].parsed.acronym]
        defs = [(d, _parse_org(canonical_label(d.expansion))) for d in definitions]
        self.countries: dict[str, set[str]] = defaultdict(set)  # org name -> countries it is given
        self.by_class: dict[tuple[str, str], set[str]] = defaultdict(set)  # (doc or "", class) -> places
        for _, doc, p in orgs:
            if p.country:
                if p.proper:
                    self.countries[p.org_key].add(p.country)
                self.by_class[(doc, p.cls)].add(p.country)
                self.by_class[("", p.cls)].add(p.country)
        for d, p in defs:
            if d.country or p.country:
                self.countries[p.org_key].add(d.country or p.country or "")
        self._link(items, orgs, defs)
        self._acronyms(items, [i for i in indices if items[i].parsed.acronym], orgs, defs)

    def _name_node(self, key: str, country: str | None) -> _Node:
        return ("name", key, (country or "") if len(self.countries[key]) > 1 else "")

    def _class_node(self, p: _Parsed, doc: str) -> _Node:
        place = p.country or p.possessor
        if not place:
            for pool in (self.by_class.get((doc, p.cls)), self.by_class.get(("", p.cls))):
                if pool:
                    place = next(iter(pool)) if len(pool) == 1 else None
                    break
        return ("cls", place or "", p.cls)

    def _add(self, node: _Node, form: str, count: int, proper: bool) -> None:
        self.ds.find(node)
        self.forms[node][form] += count
        if proper:
            self.proper.add(form)

    def _link(
        self,
        items: Sequence[_Item],
        orgs: Sequence[tuple[int, str, _Parsed]],
        defs: Sequence[tuple[_Definition, _Parsed]],
    ) -> None:
        entries: list[tuple[int, _Node | None, _Node, _Parsed]] = []
        on_class: dict[_Node, set[str]] = defaultdict(set)
        for i, doc, p in orgs:
            cn = self._class_node(p, doc)
            nn = self._name_node(p.org_key, p.country) if p.proper else None
            entries.append((i, nn, cn, p))
            if nn:
                on_class[cn].add(p.org_key)
        for d, p in defs:
            q = _Parsed("org", p.label, country=d.country or p.country, cls=p.cls)
            cn, nn = self._class_node(q, d.doc), self._name_node(p.org_key, q.country)
            entries.append((-1, nn, cn, p))
            on_class[cn].add(p.org_key)
        for i, nn, cn, p in entries:
            count = items[i].count if i >= 0 else 1
            if nn is None:
                self._add(cn, p.label, count, False)
                self.node[i] = cn
                continue
            form = p.display
            if nn[2] and not form.endswith(")"):  # one name, several countries: "General Staff (Finland)"
                form = f"{form} ({nn[2].title()})"
            self._add(nn, form, count, True)
            if _nested(on_class[cn]):
                self.ds.union(nn, cn)
            if i >= 0:
                self.node[i] = nn
        named = {p.org_key: nn for _, nn, _, p in entries if nn is not None}
        self._placed_names(named)
        by_word: dict[str, set[str]] = defaultdict(set)  # a word -> the names that have it
        for key in named:
            for word in key.split():
                by_word[word].add(key)
        for cn in sorted({cn for _, nn, cn, _ in entries if nn is None}):
            self._describe(cn, named, by_word)

    def _placed_names(self, named: dict[str, _Node]) -> None:
        """A name of three words or more and the same name after one more word ("Tamberlane Provincial
        Disaster Management Agency" and "Provincial Disaster Management Agency") are one body in a story,
        unless the story has that name after two different words (two provinces' agencies) or the word
        makes another body of it ("Former ...", "Interim ...")."""
        longer: dict[str, set[str]] = defaultdict(set)  # a name -> the words found before it in longer names
        for key in named:
            first, _, rest = key.partition(" ")
            if rest in named and rest.count(" ") >= 2 and first not in _NO_PLACE:
                longer[rest].add(first)
        for rest, firsts in longer.items():
            if len(firsts) == 1:
                self.ds.union(named[rest], named[f"{next(iter(firsts))} {rest}"])

    def _describe(self, described: _Node, named: dict[str, _Node], by_word: dict[str, set[str]]) -> None:
        """A description made of one name's own words, with its head ("provincial disaster agency" for the
        Provincial Disaster Management Agency), is that name when no other name of the story fits it.
        The names are found by intersecting the names of each of its words, rarest first: no scan of all."""
        words = str(described[2]).split()
        if described[1] or len(words) < 2:
            return
        pools = sorted((by_word.get(w, set()) for w in set(words)), key=len)
        keys = pools[0].intersection(*pools[1:])
        fits = {
            self.ds.find(named[k])
            for k in keys
            if k.rsplit(" ", 1)[-1] == words[-1] and k.count(" ") >= len(words)
        }
        if len(fits) == 1:
            self.ds.union(described, next(iter(fits)))

    def _acronyms(
        self,
        items: Sequence[_Item],
        indices: Sequence[int],
        orgs: Sequence[tuple[int, str, _Parsed]],
        defs: Sequence[tuple[_Definition, _Parsed]],
    ) -> None:
        defined: dict[tuple[str, str], set[_Node]] = defaultdict(set)
        by_initials: dict[str, set[_Node]] = defaultdict(set)
        for d, p in defs:
            node = self._name_node(p.org_key, d.country or p.country)
            defined[(d.doc, d.acronym)].add(node)
            defined[("", d.acronym)].add(node)
            by_initials[_initials(p.display)].add(node)
        for _, doc, p in orgs:
            if p.proper:
                named = self._name_node(p.org_key, p.country)
                by_initials[_initials(p.display)].add(named)
                if p.defines:
                    defined[(doc, p.defines)].add(named)
                    defined[("", p.defines)].add(named)
        for i in indices:
            p, doc = items[i].parsed, items[i].doc
            letters = p.acronym or ""
            node = ("acr", letters)
            for pool in (defined.get((doc, letters)), defined.get(("", letters)), by_initials.get(letters)):
                if pool:
                    if len(pool) == 1:
                        node = next(iter(pool))
                    break
            self._add(node, p.label, items[i].count, True)
            self.node[i] = node

    def entity(self, i: int) -> _Node:
        return ("O", *self.ds.find(self.node[i]))

    def displays(self) -> dict[_Node, str]:
        grouped: dict[_Node, Counter[str]] = defaultdict(Counter)
        for node, forms in self.forms.items():
            grouped[("O", *self.ds.find(node))].update(forms)
        return {
            entity: min(forms, key=lambda f: (f not in self.proper, -len(f.split()), -forms[f], f))
            for entity, forms in grouped.items()
        }
