"""People: full names clustered by spelling, surnames and titles resolved to the person they stand for."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from rapidfuzz import fuzz

from analyzer.resolve.evidence import _Title
from analyzer.resolve.groups import _DisjointSet, _similar
from analyzer.resolve.mentions import _Item, _Node, _Role
from analyzer.resolve.names import _accents, _find_name, _fold, _name_key, _surname


def _initial_block(key: str) -> str:
    return key[:1] + _surname(key)[:1]


class _People:
    """Full names of the corpus, clustered by spelling, indexed by surname per document."""

    def __init__(self, similarity: float) -> None:
        self.similarity = similarity
        self.counts: dict[str, Counter[str]] = defaultdict(Counter)  # name key -> written form -> count
        self.orders: dict[tuple[str, str], list[int]] = defaultdict(list)  # (doc, key) -> mention orders
        self.doc_keys: dict[str, set[str]] = defaultdict(set)
        self.cluster: dict[str, str] = {}
        self.by_surname: dict[str, set[str]] = defaultdict(set)
        self.by_given: dict[str, set[str]] = defaultdict(set)
        self.fuzzy: dict[str, set[str]] = {}
        self.members: dict[str, list[str]] = defaultdict(list)
        self.displays: dict[str, str] = {}

    def add(self, doc: str, name: str, order: int | None, count: int) -> None:
        key = _name_key(name)
        self.counts[key][name] += count
        self.doc_keys[doc].add(key)
        if order is not None:
            self.orders[(doc, key)].append(order)

    def build(self, single_keys: Iterable[str]) -> None:
        keys = sorted(self.counts)
        ds = _DisjointSet()
        for i, j in _similar(keys, keys, fuzz.token_sort_ratio, self.similarity, _initial_block):
            if i < j:
                ds.union((keys[i],), (keys[j],))
        for key in keys:
            self.cluster[key] = ds.find((key,))[0]
            self.members[self.cluster[key]].append(key)
            self.by_surname[_surname(key)].add(key)
            self.by_given[key.split()[0]].add(key)
        surnames = sorted(self.by_surname)
        singles = sorted(set(single_keys))
        self.fuzzy = {s: set() for s in singles}
        for i, j in _similar(singles, surnames, fuzz.ratio, self.similarity):
            self.fuzzy[singles[i]].add(surnames[j])

    def display(self, cluster: str) -> str:
        """The most complete written form of a person's names; then the most frequent; then alphabetical."""
        if cluster not in self.displays:
            forms: Counter[str] = Counter()
            for key in self.members[cluster]:
                forms.update(self.counts[key])
            self.displays[cluster] = min(
                forms, key=lambda f: (-len(_name_key(f).split()), -_accents(f), -forms[f], f)
            )
        return self.displays[cluster]

    def _pick(self, doc: str, keys: Iterable[str], order: int) -> tuple[str | None, bool]:
        """(cluster, ambiguous) among the full names ``keys`` of one document, nearest earlier first."""
        latest: dict[str, int | None] = {}
        for key in keys:
            cl = self.cluster[key]
            before = [o for o in self.orders.get((doc, key), ()) if o < order]
            best = max(before) if before else None
            prev = latest.get(cl)
            latest[cl] = best if prev is None else (prev if best is None else max(prev, best))
        if len(latest) <= 1:
            return (next(iter(latest)) if latest else None), False
        known = {cl: o for cl, o in latest.items() if o is not None}
        if known:
            top = max(known.values())
            winners = [cl for cl, o in known.items() if o == top]
            if len(winners) == 1:
                return winners[0], False
        return None, True

    def resolve_surname(self, doc: str, surname: str, order: int) -> str | None:
        """The cluster a lone surname stands for: same document first, then a unique one in the corpus."""
        in_doc = self.doc_keys.get(doc, set())
        exact = self.by_surname.get(surname, set())
        close = {k for s in self.fuzzy.get(surname, ()) for k in self.by_surname[s]}
        for names in (exact, close):
            cl, ambiguous = self._pick(doc, names & in_doc, order)
            if cl or ambiguous:
                return cl
        for names in (exact, close):
            clusters = {self.cluster[k] for k in names}
            if clusters:
                return clusters.pop() if len(clusters) == 1 else None
        cl, _ = self._pick(doc, self.by_given.get(surname, set()) & in_doc, order)
        return cl


def _role_compatible(mention: _Role, held: _Role) -> bool:
    if mention.cls != held.cls and not (
        (mention.cls == "leader" and held.cls in ("president", "prime minister"))
        or (mention.cls == "president" and held.cls == "leader")
    ):
        return False
    if mention.country is not None and mention.country != held.country:
        return False
    # "Castrelle's health minister" is also the "Health Minister X" whose title names no place or body
    if (
        mention.possessor is not None
        and mention.possessor != held.possessor
        and (held.possessor is not None or held.country is not None)
    ):
        return False
    return mention.mods <= held.mods


class _Roles:
    """Title -> person: "the Ukrainian president" is whoever the corpus calls "Ukrainian President X"."""

    def __init__(self, titles: Sequence[_Title], people: _People) -> None:
        self.people = people
        self.by_class: dict[tuple[str, str], list[_Title]] = defaultdict(list)  # (doc or "", class)
        for t in titles:
            self.by_class[(t.doc, t.role.cls)].append(t)
            self.by_class[("", t.role.cls)].append(t)
        self.cache: dict[_Role, str | None] = {}

    def _candidates(self, role: _Role, doc: str) -> set[str]:
        classes = {role.cls, "leader"} if role.cls == "president" else {role.cls}
        if role.cls == "leader":
            classes |= {"president", "prime minister"}
        return {
            self.people.cluster[_name_key(t.name)]
            for cls in classes
            for t in self.by_class.get((doc, cls), ())
            if _role_compatible(role, t.role)
        }

    def resolve(self, role: _Role, doc: str) -> str | None:
        found = self._candidates(role, doc)
        if found:
            return found.pop() if len(found) == 1 else None
        if not (role.country or role.mods or role.possessor):
            return None
        if role not in self.cache:
            found = self._candidates(role, "")
            self.cache[role] = found.pop() if len(found) == 1 else None
        return self.cache[role]


def _merge_lone_surnames(
    entity: dict[int, _Node], written: dict[_Node, Counter[str]], similarity: float
) -> None:
    """Surnames no full name explains still merge by spelling: "Dobrowskaya" ~ "Dobrovskaya"."""
    lone = sorted({node[1] for node in entity.values() if node[0] == "S"})
    ds = _DisjointSet()
    for a, b in _similar(lone, lone, fuzz.ratio, similarity):
        ds.union((lone[a],), (lone[b],))
    for i, node in entity.items():
        if node[0] == "S" and ds.find(node[1:]) != node[1:]:
            entity[i] = ("S", *ds.find(node[1:]))
            written[entity[i]].update(written.pop(node, Counter()))


def _person_entities(
    items: Sequence[_Item], titles: Sequence[_Title], similarity: float
) -> tuple[dict[int, _Node], dict[_Node, str], _People]:
    people = _People(similarity)
    singles: list[str] = []
    for it in items:
        p = it.parsed
        if p.kind == "person":
            if p.full:
                people.add(it.doc, p.name, it.order, it.count)
            else:
                singles.append(_name_key(p.name))
        elif p.possessor and _find_name(p.possessor_text):
            singles.append(_name_key(p.possessor_text))
    for t in titles:
        people.add(t.doc, t.name, None, 0)
    people.build(singles)
    roles = _Roles(titles, people)
    entity: dict[int, _Node] = {}
    written: dict[_Node, Counter[str]] = defaultdict(Counter)
    for i, it in enumerate(items):
        p = it.parsed
        cluster: str | None = None
        if p.kind == "person":
            key = _name_key(p.name)
            cluster = people.cluster[key] if p.full else people.resolve_surname(it.doc, key, it.order)
            if cluster is None:
                entity[i] = ("S", key)
                written[entity[i]][p.name] += it.count
                continue
        elif p.kind == "role" and p.role is not None:
            cluster = roles.resolve(p.role, it.doc)
        if cluster is not None:
            entity[i] = ("P", cluster)
        elif p.possessor and _find_name(p.possessor_text):  # "Okafor's deputy" -> "Lena Okafor's deputy"
            key = _name_key(p.possessor_text)
            owner = people.cluster.get(key) or people.resolve_surname(it.doc, key, it.order)
            if owner is not None:
                entity[i] = ("R", owner, _fold(p.rest))
                written[entity[i]][f"{people.display(owner)}'s {p.rest}"] += it.count
    _merge_lone_surnames(entity, written, similarity)
    displays = {
        node: min(forms, key=lambda f: (-forms[f], -_accents(f), f)) for node, forms in written.items()
    }
    for node in set(entity.values()):
        if node[0] == "P":
            displays[node] = people.display(node[1])
    return entity, displays, people
