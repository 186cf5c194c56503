"""Speaker names: one canonical name per actor across a corpus.

The extractor hands over speaker mentions as the text writes them ("White House
spokesperson Tomas Vell", "Vell", "the HRA", "Norway's spy agency").
:func:`resolve_speakers` maps every mention to one canonical name per actor with
general rules of news text only: a surname after a full name, an acronym after its
expansion, spelling variants, a title after a title+name pair, possessive and
demonym forms of institutions, user alias groups. Unnamed sources ("a senior
diplomat", "officials") are normalised lightly and never merged with named actors.

>>> names = resolve_speakers([Mention("a", "Harbour Minister Tomas Vell", 0), Mention("a", "Vell", 5)])
>>> names[("a", "Vell")]
'Tomas Vell'
"""

from __future__ import annotations

import logging
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence

from analyzer.resolve.aliases import _Aliases, _apply_aliases
from analyzer.resolve.evidence import _evidence
from analyzer.resolve.mentions import _collect, _Item, _Node
from analyzer.resolve.names import Mention, _fold, canonical_label, is_unnamed, person_name
from analyzer.resolve.orgs import _Orgs
from analyzer.resolve.people import _person_entities

LOGGER = logging.getLogger(__name__)

__all__ = ["Mention", "canonical_label", "is_unnamed", "person_name", "resolve_speakers"]


_TYPE_WORDS = ("society", "association", "organisation", "organization")


def _type_word_names(items: Sequence[_Item], entity: dict[int, _Node], org_indices: Sequence[int]) -> None:
    """One body named with and without its type word in one story: "the Kenya Red Cross Society" and "the
    Red Cross" (read as a name of its own) are one actor; a name of two words or more only."""
    full: dict[tuple[str, str], _Node] = {}
    for i in org_indices:
        p = items[i].parsed
        if p.kind == "org" and p.proper and p.org_key.rsplit(" ", 1)[-1] in _TYPE_WORDS:
            full.setdefault((items[i].doc, p.org_key), entity[i])
    if not full:
        return
    for i, it in enumerate(items):
        p = it.parsed
        key = _fold(p.name) if p.kind == "person" else p.org_key if p.kind == "org" and p.proper else ""
        if key.count(" ") < 1 or i not in entity:
            continue
        for word in _TYPE_WORDS:
            node = full.get((it.doc, f"{key} {word}"))
            if node is not None:
                entity[i] = node
                break


def resolve_speakers(
    mentions: Sequence[Mention],
    *,
    aliases: Sequence[Sequence[str]] = (),
    doc_texts: Mapping[str, str] | None = None,
    similarity: float = 90.0,
) -> dict[tuple[str, str], str]:
    """Map every (doc_id, mention text) to one canonical name per actor across the corpus.

    ``aliases`` are user groups of names whose first name is canonical; they win over every
    other rule. ``doc_texts`` (doc_id -> text) teach acronym definitions ("Harbour Rescue
    Agency (HRA)") and title+name pairs ("Norwegian President Ana Ruiz"). ``similarity`` is
    the rapidfuzz score (0-100) at which two spellings are one name. The result does not
    depend on the order of ``mentions``.

    >>> m = [Mention("d1", "Norwegian President Ana Ruiz", 1), Mention("d2", "the Norwegian president", 3),
    ...      Mention("d2", "the HRA", 4), Mention("d1", "the Harbour Rescue Agency", 2)]
    >>> names = resolve_speakers(m)
    >>> names[("d2", "the Norwegian president")], names[("d2", "the HRA")]
    ('Ana Ruiz', 'Harbour Rescue Agency')
    """
    items = _collect(mentions)
    titles, definitions = _evidence(items, doc_texts or {})
    entity, display, people = _person_entities(items, titles, similarity)
    org_indices = [i for i, it in enumerate(items) if i not in entity and it.parsed.kind in ("org", "role")]
    role_nodes: dict[int, _Node] = {}
    for i in org_indices:
        p = items[i].parsed
        if p.kind == "role" and p.role is not None:
            r = p.role
            role_nodes[i] = ("role", r.country or r.possessor or "", r.cls, *sorted(r.mods))
    orgs = _Orgs(items, [i for i in org_indices if i not in role_nodes], definitions)
    display.update(orgs.displays())
    for i in org_indices:
        entity[i] = role_nodes.get(i) or orgs.entity(i)
    _type_word_names(items, entity, org_indices)
    forms: dict[_Node, Counter[str]] = defaultdict(Counter)
    for i, it in enumerate(items):
        if i not in entity:  # unnamed and empty mentions stand for themselves
            entity[i] = ("U", it.parsed.label)
        if entity[i][0] in ("U", "role"):
            forms[entity[i]][it.parsed.label] += it.count
    for node, counts in forms.items():
        display[node] = min(counts, key=lambda f: (-len(f.split()), -counts[f], f))
    result = _apply_aliases(items, entity, display, people, _Aliases(aliases, similarity))
    LOGGER.debug("resolved %d mentions to %d names", len(result), len(set(result.values())))
    return result
