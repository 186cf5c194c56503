"""Which claims measure the same thing: quantity keys from items, places, units and rates.

A claim's ``item`` ("North Korean special forces deployed to Russia") is read
for its head (what is counted, through a general vocabulary of count nouns:
troops ~ soldiers ~ forces; dead ~ killed ~ toll ...), the places and
nationalities it names, and its unit and rate. Claims are blocked by (unit,
rate, head), then grouped within a block: a place or nationality that differs
splits ("protesters in Paris" / "protesters in France"), a missing one does
not ("troops" in a sentence about North Korea and Russia joins the North
Korean troops). A rate is never grouped with a total.

What the item leaves out is read in its sentence (:mod:`analyzer.corroborate.scope_words`): what
bare "people" did ("the march drew 42,000 people" counts marchers), a place set at the front ("In
Lyon, ...") or the whole country ("nationwide"), an earlier year ("In 2019, ..." never joins this
year's count), and a part given with its whole ("500 arrests, 120 of them in Lyon": the part goes
where its whole goes, for the scope conflict to find).

The work is done in rooms of its own; this module ties them together and keeps their public names:

- :mod:`~analyzer.corroborate.item_words`: tokens and the vocabulary of counted things;
- :mod:`~analyzer.corroborate.places`: countries, names, and the place a sentence gives an item;
- :mod:`~analyzer.corroborate.heads`: what an item counts;
- :mod:`~analyzer.corroborate.profiles`: an item (and a claim) read into its :class:`Profile`;
- :mod:`~analyzer.corroborate.parts`: parts of a whole;
- :mod:`~analyzer.corroborate.grouping`: claims of a block grouped into quantities;
- :mod:`~analyzer.corroborate.quantity_keys`: keys and labels;
- :mod:`~analyzer.corroborate.query_match`: a user's words matched to quantities.

>>> from analyzer.models import Claim
>>> claims = [
...     Claim("a", "d1", 800.0, "Police said 800 protesters gathered in Lyon.", 0, 0, item="protesters in Lyon"),
...     Claim("b", "d2", 950.0, "About 950 demonstrators marched in Lyon.", 0, 0, item="demonstrators"),
...     Claim("c", "d2", 30.0, "Thirty marchers were arrested.", 0, 0, item="marchers arrested"),
... ]
>>> keyed, _, quantities = assign_quantities(claims, [])
>>> [c.quantity_key for c in keyed]
['protesters-lyon', 'protesters-lyon', 'marchers-arrested']
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from analyzer.corroborate.grouping import Group, group_block
from analyzer.corroborate.item_words import (
    CLASSES,
    DETERMINERS,
    EVENT_CLASSES,
    GENERIC_PEOPLE,
    LOCATIVE,
    NOT_NAMES,
    ORIGIN,
    PART_NOUNS,
    PLACE_PREPOSITIONS,
    POPULATION,
    PROTEST_CONTEXT,
    PROTEST_NOUNS,
    PROTEST_VERBS,
    RATE_TOKENS,
    STOPWORDS,
    day_months,
    head_class,
    lemma,
    looks_plural,
    tokenize,
)
from analyzer.corroborate.parts import resolve_parts, stated_wholes
from analyzer.corroborate.places import COUNTRYWIDE, PLACES, lookup_place
from analyzer.corroborate.profiles import Profile, claim_profiles, fits, profile
from analyzer.corroborate.quantity_keys import UniqueKeys, group_label, group_slug
from analyzer.corroborate.query_match import match_quantity
from analyzer.models import Claim, Quantity, Statement

__all__ = [
    "CLASSES",
    "COUNTRYWIDE",
    "DETERMINERS",
    "EVENT_CLASSES",
    "GENERIC_PEOPLE",
    "LOCATIVE",
    "NOT_NAMES",
    "ORIGIN",
    "PART_NOUNS",
    "PLACES",
    "PLACE_PREPOSITIONS",
    "POPULATION",
    "PROTEST_CONTEXT",
    "PROTEST_NOUNS",
    "PROTEST_VERBS",
    "RATE_TOKENS",
    "STOPWORDS",
    "Profile",
    "UniqueKeys",
    "assign_quantities",
    "day_months",
    "fits",
    "head_class",
    "lemma",
    "looks_plural",
    "lookup_place",
    "match_quantity",
    "profile",
]

_RATE_WORDS = re.compile(
    r"\b(?:daily|a day|per day|each day|every day|weekly|a week|per week|monthly|a month|per)\b"
)


def assign_quantities(
    claims: Sequence[Claim], statements: Sequence[Statement], *, similarity: float = 60.0
) -> tuple[tuple[Claim, ...], tuple[Statement, ...], tuple[Quantity, ...]]:
    """Give every claim the key of the quantity it measures, and every statement the key it is about.

    Claims come back in their input order; ``Quantity`` records sorted by key.
    ``similarity`` (rapidfuzz token-set ratio) is the bar for items whose head
    is not in the vocabulary.
    """
    blocks: dict[tuple[str | None, str | None, str], list[tuple[Claim, Profile]]] = defaultdict(list)
    profiles = resolve_parts(claims, claim_profiles(claims))
    whole_of = stated_wholes(claims)
    for i, (claim, prof) in enumerate(zip(claims, profiles, strict=True)):
        if i not in whole_of:
            blocks[(claim.unit, claim.per, prof.head)].append((claim, prof))
    groups = [
        g
        for block in sorted(blocks, key=lambda b: tuple(x or "" for x in b))
        for g in group_block(block, blocks[block], similarity)
    ]
    # A part goes where its whole went, read as its whole: "including 42,000 in Lyon" of a total.
    group_of = {c.claim_id: g for g in groups for c, _ in g.members}
    for i, w in sorted(whole_of.items(), key=lambda iw: claims[iw[0]].claim_id):
        group = group_of[claims[w].claim_id]
        group.add(claims[i], profiles[w])
        group.parts.add(claims[i].claim_id)
    named = sorted(
        ((*group_slug(g), min(c.claim_id for c, _ in g.members), g) for g in groups),
        key=lambda t: (t[0], t[2]),
    )
    key_of: dict[str, str] = {}
    quantities = []
    keys = UniqueKeys()
    for slug, common, _, group in named:
        key = keys.take(slug)
        ids = tuple(sorted(c.claim_id for c, _ in group.members))
        key_of.update(dict.fromkeys(ids, key))
        quantities.append((Quantity(key, group_label(group, slug, common), group.block[0], ids), group))
    keyed = tuple(replace(c, quantity_key=key_of[c.claim_id]) for c in claims)
    stated = _key_statements(statements, quantities)
    return keyed, stated, tuple(sorted((q for q, _ in quantities), key=lambda q: q.key))


def _key_statements(
    statements: Sequence[Statement], quantities: list[tuple[Quantity, Group]]
) -> tuple[Statement, ...]:
    """Each statement takes the key of a quantity whose counted thing it names ("DPRK troops in
    Russia" names troops), the one that shares most of its places and names.

    Quantities are looked up by what they count, never all against all.
    """
    by_head: dict[str, list[tuple[Quantity, Group]]] = defaultdict(list)
    for quantity, group in quantities:
        by_head[group.anchor.head].append((quantity, group))
    keyed = []
    key_of: dict[tuple[str, str], str] = {}  # a sentence syndicated to many pages is read once
    for statement in statements:
        text = statement.topic or statement.sentence
        key = key_of.get((text, statement.sentence))
        if key is None:
            prof = profile(text, statement.sentence)
            words = [t.word for t in tokenize(text)]
            heads = {prof.head} | {CLASSES[w] for w in words if w in CLASSES} | {lemma(w) for w in words}
            candidates = [qg for head in sorted(heads) for qg in by_head.get(head, ())]
            key = key_of[(text, statement.sentence)] = _best_key(prof, text, candidates)
        keyed.append(replace(statement, quantity_key=key))
    return tuple(keyed)


def _best_key(prof: Profile, text: str, candidates: list[tuple[Quantity, Group]]) -> str:
    rate = bool(_RATE_WORDS.search(text.lower()))
    best: tuple[int, int] | None = None
    key = ""
    for quantity, group in sorted(candidates, key=lambda qg: qg[0].key):
        if (group.block[1] and not rate) or not group.fits(prof):
            continue
        score = (sum(1 for e in prof.entities if group.entities[e]), len(group.members))
        if best is None or score > best:
            best, key = score, quantity.key
    return key
