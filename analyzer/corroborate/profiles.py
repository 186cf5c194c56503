"""An item read into its profile: what it counts, where, who, which day and which year.

A profile holds the parts of an item that decide its quantity (:class:`Profile`); two profiles whose
hard parts differ measure different things (:func:`fits`). A claim's profile is read from its item
and its sentence (:func:`claim_profiles`): what bare "people" did, a place the sentence sets at its
front or the whole country, and an earlier year it sets its figure in.

>>> p = profile("Russian soldiers killed near Port Selby on 7 March")
>>> p.head, sorted(p.nat), sorted(p.loc), sorted(p.when)
('dead', ['russia'], ['port selby'], ['mar-7'])
>>> fits(p, profile("soldiers killed")), fits(p, profile("Ukrainian soldiers killed"))
(True, False)
"""

from __future__ import annotations

import sys
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import NamedTuple

from analyzer.corroborate.heads import Head, head_from_sentence, only_people, read_head
from analyzer.corroborate.item_words import (
    CLASSES,
    DETERMINERS,
    EVENT_CLASSES,
    GENERIC_PEOPLE,
    LOCATIVE,
    NOT_NAMES,
    ORIGIN,
    PLACE_PREPOSITIONS,
    POPULATION,
    STOPWORDS,
    Token,
    day_months,
    lemma,
    tokenize,
)
from analyzer.corroborate.part_words import without_parts
from analyzer.corroborate.places import Entity, find_entities, placed_by_sentence
from analyzer.corroborate.scope_words import compared_year, earlier_year, figure_clause, nationwide
from analyzer.models import Claim
from analyzer.native import register_records


@dataclass(frozen=True, slots=True)
class Profile:
    """What an item counts and where: the parts of a phrase that decide its quantity.

    ``nat``, ``loc``, ``pop`` and ``when`` are hard: two claims whose sets
    differ (neither contains the other) measure different things. ``soft``
    entities (named in the sentence, or not placed by a preposition) only
    help choose between groups. ``era`` is an earlier year the sentence sets
    its figure in ("In 2019, police counted ..."): claims of different eras
    never group, and no era is not an earlier one. ``state`` is hard too:
    homes destroyed and homes damaged are two counts.
    """

    head: str
    vocab: bool
    nat: frozenset[str] = frozenset()
    loc: frozenset[str] = frozenset()
    pop: frozenset[str] = frozenset()
    when: frozenset[str] = frozenset()
    soft: frozenset[str] = frozenset()
    tokens: tuple[tuple[str, str], ...] = ()  # (normalised, surface) content words, in order
    text: str = ""  # normalised words, for fuzzy comparison
    era: str = ""
    state: frozenset[str] = frozenset()  # what happened to a thing of no vocabulary class: destroyed, damaged

    @property
    def hard(self) -> int:
        return len(self.nat) + len(self.loc) + len(self.pop) + len(self.when)

    @property
    def entities(self) -> frozenset[str]:
        return self.nat | self.loc | self.soft


def profile(
    item: str | None,
    sentence: str = "",
    *,
    lowercase: bool = False,
    clause: str | None = None,
    alone: bool = True,
) -> Profile:
    """Read an item (and its sentence for context) into the parts that decide its quantity.

    What an item of bare people ("people", "teachers") did is read in ``clause``, the part of the
    sentence that holds the figure (the whole sentence when None); for "people" of no kind, in the
    whole sentence too when the figure is ``alone`` (no other figure of the sentence counts another
    thing): "42,000 people, ..., at the end of the march".

    >>> p = profile("North Korean special forces deployed to Russia")
    >>> p.head, sorted(p.nat), sorted(p.loc)
    ('troops', ['north korea'], ['russia'])
    >>> profile("people killed in the floods").head
    'dead'
    """
    text = item or ""
    tokens = tokenize(text)
    # An item that opens its sentence owes its first capital to the sentence, not to a name.
    at = sentence.find(text) if text else -1
    skip_first = not lowercase and (at == 0 or (at < 0 and bool(sentence)))
    entities = find_entities(tokens, lowercase=lowercase, skip_first=skip_first)
    in_entity = {i for e in entities for i in range(e.start, e.end)}
    read = read_head(text, tokens, in_entity)
    read = head_from_sentence(read, tokens, in_entity, sentence, clause=clause, alone=alone)
    where = _where(tokens, entities, read.at, text, sentence, lowercase=lowercase)
    ordered = _ordered_words(tokens, entities, read, where.placed, text)
    return Profile(
        head=read.head,
        vocab=read.vocab,
        nat=frozenset(where.nat),
        loc=frozenset(where.loc),
        pop=_population(tokens, read),
        when=frozenset(day_months(text)),
        soft=frozenset(where.soft - where.nat - where.loc),
        tokens=tuple(ordered),
        text=" ".join(norm.replace(" ", "_") for norm, _ in ordered),
        state=frozenset() if read.vocab else _states(tokens, in_entity),
    )


# What can happen to a counted thing that makes it another count: homes destroyed and homes damaged, flights
# cancelled and flights delayed. Words of one class say one thing ("destroyed", "burned", "lost"); a word
# of no class (most participles) tells nothing, so two items part only when both name a class and no
# class is common to them.
_STATE_CLASSES = {
    word: cls
    for cls, words in {
        "destroyed": "destroyed burned burnt lost razed flattened gutted wrecked demolished levelled leveled",
        "damaged": "damaged",
        "affected": "affected hit impacted compromised exposed",
        "saved": "saved spared",
        "closed": "closed shut",
        "open": "open opened reopened",
        "cancelled": "cancelled canceled scrapped",
        "delayed": "delayed",
        "diverted": "diverted",
        "valid": "valid",
        "invalid": "invalid spoiled spoilt rejected",
        "absent": "absent",
        "present": "present",
        "treated": "treated",
        "admitted": "admitted hospitalised hospitalized",
        "discharged": "discharged",
        "started": "started",
        "finished": "finished completed",
    }.items()
    for word in words.split()
}


def _states(tokens: list[Token], in_entity: set[int]) -> frozenset[str]:
    """What the item says happened to the thing it counts, as classes of :data:`_STATE_CLASSES` ("homes
    destroyed", "burnt homes", "valid ballots"), before any preposition of place (words after it say where:
    "homes in the flooded valley").

    >>> sorted(profile("homes destroyed or damaged").state), sorted(profile("homes burnt").state)
    (['damaged', 'destroyed'], ['destroyed'])
    >>> profile("homes in the damaged district").state, profile("shares traded").state
    (frozenset(), frozenset())
    """
    found = set()
    for i, tok in enumerate(tokens):
        if tok.word in PLACE_PREPOSITIONS:
            break
        cls = _STATE_CLASSES.get(tok.word)
        if cls is not None and i not in in_entity:
            found.add(cls)
    return frozenset(found)


class _Where(NamedTuple):
    nat: set[str]  # nationalities, and places a figure comes from
    loc: set[str]  # places a figure counts in
    soft: set[str]  # names that only help choose between groups
    placed: (
        tuple[str, str] | None
    )  # the place the sentence gives an item that names none: (canonical, surface)


def _where(
    tokens: list[Token], entities: list[Entity], head_at: int, text: str, sentence: str, *, lowercase: bool
) -> _Where:
    """The item's names by their role around its head, a place its sentence gives it, and the sentence's names."""
    roles: dict[str, set[str]] = {"nat": set(), "loc": set(), "soft": set()}
    for entity in entities:
        roles[_role(tokens, entity, head_at)].add(entity.canonical)
    placed = None if roles["loc"] else placed_by_sentence(text, sentence)
    if placed is not None:
        roles["loc"].add(placed[0])
    soft = set(roles["soft"])
    # a place named in a part's clause ("..., 86 of them in Lyon") is the part's, not the sentence's
    around = tokenize(without_parts(sentence)) if sentence else []
    for entity in find_entities(around, lowercase=lowercase, skip_first=True):
        soft.add(entity.canonical)
    return _Where(roles["nat"], roles["loc"], soft, placed)


def _role(tokens: list[Token], entity: Entity, head_at: int) -> str:
    if entity.start < head_at:
        return "nat" if entity.gazetteer else "soft"
    if entity.demonym:
        return "soft"
    k = entity.start - 1
    while k > head_at and tokens[k].word in DETERMINERS:
        k -= 1
    if k > head_at or (k == head_at and k >= 0 and tokens[k].word in LOCATIVE):
        prep = tokens[k].word
        if prep in LOCATIVE:
            return "loc"
        if prep in ORIGIN:
            return "nat"
    return "soft"


def _population(tokens: list[Token], read: Head) -> frozenset[str]:
    """Who was counted, when it is not the head: "civilians killed", "soldiers wounded"."""
    pop = {POPULATION[t.word] for t in tokens if t.word in POPULATION}
    if read.head in EVENT_CLASSES:
        pop |= {"troops" for _, c in read.classes if c == "troops"}
    pop.discard(read.head)
    return frozenset(pop)


def _ordered_words(
    tokens: list[Token], entities: list[Entity], read: Head, placed: tuple[str, str] | None, text: str
) -> list[tuple[str, str]]:
    """The item's content words in order, as (normalised, surface): a name as one word ("E:..."), a word
    or phrase of a class as its class ("C:..."), any other word as its lemma; a place its sentence
    gives last."""
    entity_at = {e.start: e for e in entities}
    ordered: list[tuple[str, str]] = []
    # the words of a phrase that names the class ("walked out") stand as one word of the class
    in_phrase = {
        w: (cls, phrase) for cls, phrase in read.phrases for w in phrase.split() if w not in STOPWORDS
    }
    shown_phrases: set[str] = set()
    i = 0
    while i < len(tokens):
        if i in entity_at:
            e = entity_at[i]
            ordered.append(("E:" + e.canonical, e.surface.lower().replace(" ", "-").replace(".", "")))
            i = e.end
            continue
        tok = tokens[i]
        i += 1
        if tok.word in STOPWORDS or tok.word in NOT_NAMES:
            continue
        if tok.word in in_phrase:
            phrase_class, phrase = in_phrase[tok.word]
            if phrase not in shown_phrases:
                shown_phrases.add(phrase)
                ordered.append(("C:" + phrase_class, phrase))
            continue
        cls = CLASSES.get(tok.word) or (read.head if read.inferred and tok.word in GENERIC_PEOPLE else None)
        ordered.append(("C:" + cls if cls else lemma(tok.word), tok.word))
    if placed is not None and not nationwide(text):
        ordered.append(("E:" + placed[0], placed[1]))
    return ordered


def nested(a: frozenset[str], b: frozenset[str]) -> bool:
    """One set holds the other (an empty set is held by any)."""
    return a <= b or b <= a


def fits(a: Profile, b: Profile) -> bool:
    """No hard part differs: every set of one contains the other's, or is empty; and one era.

    >>> fits(profile("protesters in Paris"), profile("protesters in France"))
    False
    >>> fits(profile("troops"), profile("North Korean troops in Russia"))
    True
    """
    return (
        a.era == b.era
        and nested(a.state, b.state)
        and nested(a.nat, b.nat)
        and nested(a.loc, b.loc)
        and nested(a.pop, b.pop)
        and nested(a.when, b.when)
    )


def claim_profiles(claims: Sequence[Claim]) -> list[Profile]:
    """Each claim's profile, in their order: its item read with its sentence, and the earlier year the
    sentence sets its figure in (or sets it against: "compared with 27,000 in 2023"). Claims of one item,
    sentence, year, clause and era share one reading.

    A part named without its whole ("the first tranche of 3,000") is left for
    :func:`analyzer.corroborate.parts.resolve_parts`.
    """
    cache: dict[tuple[str | None, str, int | None, str | None, bool, int | None], Profile] = {}
    items_of: dict[tuple[str, str], set[str | None]] = defaultdict(set)
    for claim in claims:
        items_of[(claim.doc_id, claim.sentence)].add(claim.item)
    out = []
    for claim in claims:
        year = claim.published.year if claim.published else None
        # what bare "people" did is read in the figure's own clause (and, alone, in its sentence)
        clause = figure_clause(claim.sentence, claim.value) if _people_item(claim.item) else None
        alone = len(items_of[(claim.doc_id, claim.sentence)]) == 1
        # "In 2019, police counted 27,000": the count of another year's event; "30,000 marched, compared
        # with 27,000 in 2023": only the 27,000 is
        era = earlier_year(claim.sentence, year) or compared_year(claim.sentence, claim.value, year)
        key = (claim.item, claim.sentence, year, clause, alone, era)
        if key not in cache:
            prof = profile(claim.item, claim.sentence, clause=clause, alone=alone)
            if era is not None:
                prof = replace(prof, era=str(era), tokens=(*prof.tokens, (f"Y:{era}", str(era))))
            cache[key] = prof
        out.append(cache[key])
    return out


@lru_cache(maxsize=1 << 14)
def _people_item(item: str | None) -> bool:
    """The item names bare people, whose class its sentence may tell: only then is the clause read."""
    if not item:
        return False
    tokens = tokenize(item)
    entities = find_entities(tokens, lowercase=False, skip_first=True)
    return only_people(tokens, {i for e in entities for i in range(e.start, e.end)})


register_records(sys.modules[__name__])  # its frozen records pickle and copy when compiled (`make native`)
