"""The corroboration stage: its steps, and the one function that composes them.

:func:`assign_keys` (which claims measure the same quantity), :func:`build_per_quantity` (clusters,
conflicts, timelines and statement clusters, one quantity key at a time) and :func:`weigh_sources`
(trust across quantities) are the steps; :func:`corroborate` runs them, and the Dask backend passes
it a ``per_quantity`` that runs the middle step on its cluster.

>>> from datetime import date
>>> from analyzer.models import Claim
>>> from analyzer.settings import Settings
>>> claims = [
...     Claim("a", "d1", 12.0, "Police said 12 people were arrested.", 0, 0, speaker="Police", item="people arrested"),
...     Claim("b", "d2", 40.0, "Organisers said 40 people were detained.", 0, 0, speaker="Organisers", item="detained"),
... ]
>>> result = corroborate(claims, [], fingerprints={}, published={}, outlets={}, settings=Settings())
>>> [q.key for q in result.quantities], [c.kind for c in result.conflicts]
(['arrested'], ['disagreement'])
"""

from __future__ import annotations

import logging
import sys
from collections import defaultdict
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import TypeVar

from analyzer.corroborate.clusters import StatementCluster, build_clusters, cluster_statements
from analyzer.corroborate.conflicts import find_conflicts, part_marker, said_order, when
from analyzer.corroborate.copies import copy_groups
from analyzer.corroborate.quantities import UniqueKeys, assign_quantities
from analyzer.corroborate.timeline import build_timelines
from analyzer.corroborate.trust import claim_observations, estimate_trust
from analyzer.models import (
    Claim,
    Cluster,
    Conflict,
    Quantity,
    QuantityVerdict,
    SourceReliability,
    Statement,
    Timeline,
)
from analyzer.native import register_records
from analyzer.settings import Settings

LOGGER = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Corroboration:
    """What the stage found: claims and statements with their quantity keys, and everything built on them."""

    claims: tuple[Claim, ...]
    statements: tuple[Statement, ...]
    quantities: tuple[Quantity, ...]
    clusters: tuple[Cluster, ...]
    conflicts: tuple[Conflict, ...]
    timelines: tuple[Timeline, ...]
    statement_clusters: tuple[StatementCluster, ...] = ()
    copy_origin: tuple[tuple[str, str], ...] = ()  # (doc_id, doc_id of the text it copies), copies only
    verdicts: tuple[QuantityVerdict, ...] = ()
    reliabilities: tuple[SourceReliability, ...] = ()


@dataclass(frozen=True, slots=True)
class PerQuantity:
    """What is built one quantity key at a time, each kind in the order its builder gives it."""

    clusters: tuple[Cluster, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    timelines: tuple[Timeline, ...] = ()
    statement_clusters: tuple[StatementCluster, ...] = ()


# Builds the per-quantity records from keyed claims and statements, the copy origin of each document
# and the outlets: build_per_quantity here, or the same on a cluster (the Dask backend).
PerQuantityBuilder = Callable[
    [Sequence[Claim], Sequence[Statement], Mapping[str, str], Mapping[str, str | None], Settings], PerQuantity
]


def assign_keys(
    claims: Sequence[Claim], statements: Sequence[Statement], stories: Mapping[str, str], settings: Settings
) -> tuple[tuple[Claim, ...], tuple[Statement, ...], tuple[Quantity, ...]]:
    """Quantities found within each story; keys made unique across stories (a suffix on a clash).

    Claims and statements come back in their input order, each with its quantity key.
    """
    claims_of: dict[str, list[Claim]] = defaultdict(list)
    statements_of: dict[str, list[Statement]] = defaultdict(list)
    for c in claims:
        claims_of[stories.get(c.doc_id, "")].append(c)
    for st in statements:
        statements_of[stories.get(st.doc_id, "")].append(st)
    keyed_claims: dict[str, Claim] = {}  # claim id -> the claim with its final key
    keyed_statements: dict[str, Statement] = {}
    quantities: list[Quantity] = []
    keys = UniqueKeys()
    for story in sorted(claims_of.keys() | statements_of.keys()):
        keyed, stated, found = assign_quantities(
            claims_of[story], statements_of[story], similarity=settings.quantity_similarity
        )
        rename: dict[str | None, str] = {}
        for q in found:
            rename[q.key] = keys.take(q.key)
            quantities.append(q if rename[q.key] == q.key else replace(q, key=rename[q.key]))
        keyed_claims.update((c.claim_id, _renamed(c, rename)) for c in keyed)
        keyed_statements.update((st.statement_id, _renamed(st, rename)) for st in stated)
    return (
        tuple(keyed_claims[c.claim_id] for c in claims),
        tuple(keyed_statements[st.statement_id] for st in statements),
        tuple(sorted(quantities, key=lambda q: q.key)),
    )


_Keyed = TypeVar("_Keyed", Claim, Statement)


def _renamed(record: _Keyed, rename: Mapping[str | None, str]) -> _Keyed:
    """The record with its quantity key made unique across stories (itself when the key was free)."""
    key = rename.get(record.quantity_key, record.quantity_key)
    return record if key == record.quantity_key else replace(record, quantity_key=key)


def build_per_quantity(
    claims: Sequence[Claim],
    statements: Sequence[Statement],
    origin: Mapping[str, str],
    outlets: Mapping[str, str | None],
    settings: Settings,
) -> PerQuantity:
    """Clusters, conflicts, timelines and statement clusters of keyed claims and statements.

    Each looks at one quantity key at a time, so any split of the records that keeps every key
    whole gives the same records (the Dask backend runs this on each partition of a shuffle).
    ``origin`` maps a document id to the id of the text it copies (:func:`copy_groups`); ``outlets``
    maps document ids to outlets.
    """
    tolerance = {
        "relative_tolerance": settings.relative_tolerance,
        "approximate_tolerance": settings.approximate_tolerance,
    }
    return PerQuantity(
        build_clusters(claims, origin, outlets, **tolerance),
        find_conflicts(claims, statements, **tolerance),
        build_timelines(claims, statements),
        cluster_statements(statements, origin, outlets, similarity=settings.quote_similarity),
    )


def corroborate(
    claims: Sequence[Claim],
    statements: Sequence[Statement],
    *,
    fingerprints: Mapping[str, Collection[int]],
    published: Mapping[str, date | None],
    outlets: Mapping[str, str | None],
    settings: Settings,
    stories: Mapping[str, str] | None = None,
    per_quantity: PerQuantityBuilder = build_per_quantity,
) -> Corroboration:
    """Key the claims by quantity, trace copied text, then cluster, find conflicts and build timelines.

    ``fingerprints`` (from :func:`analyzer.corroborate.copies.fingerprint`),
    ``published`` and ``outlets`` are per document id; ``stories`` (from
    :func:`analyzer.corroborate.stories.story_of`) keeps the quantities of
    unrelated stories apart. ``per_quantity`` builds the records of each
    quantity (:func:`build_per_quantity`, or the Dask backend's stand-in that
    runs it on a cluster); the steps across quantities run here.
    """
    keyed, stated, quantities = assign_keys(claims, statements, stories or {}, settings)
    origin = copy_groups(fingerprints, published)
    built = per_quantity(keyed, stated, origin, outlets, settings)
    copies = tuple((doc, source) for doc, source in origin.items() if doc != source)
    LOGGER.info(
        "%d claims, %d quantities, %d clusters, %d conflicts, %d copied documents",
        len(keyed),
        len(quantities),
        len(built.clusters),
        len(built.conflicts),
        len(copies),
    )
    verdicts, reliabilities = weigh_sources(keyed, settings)  # sources weighed across quantities
    return Corroboration(
        keyed,
        stated,
        quantities,
        built.clusters,
        built.conflicts,
        built.timelines,
        built.statement_clusters,
        copies,
        verdicts,
        reliabilities,
    )


def weigh_sources(
    claims: Sequence[Claim], settings: Settings
) -> tuple[tuple[QuantityVerdict, ...], tuple[SourceReliability, ...]]:
    """Truth discovery over the claims: each quantity's best-supported figure, each source's reliability.

    Speakers are the sources of the figures; outlets are weighed in a second pass on the same quantities.
    Each speaker votes once per quantity, with its latest figure; figures of a part ("special
    forces", "the first tranche") do not vote on the whole. Quantities that only one speaker speaks
    to have no contest to decide and get no verdict.
    """
    latest: dict[tuple[str, str], Claim] = {}
    for c in claims:
        if not c.speaker or not c.quantity_key or part_marker(c) is not None:
            continue  # a part ("the first tranche") does not vote on the whole
        key = (c.quantity_key, c.speaker)
        held = latest.get(key)
        if held is None or (when(c) or date.min, *said_order(c)) > (
            when(held) or date.min,
            *said_order(held),
        ):
            latest[key] = c  # a speaker's later figure supersedes the earlier: a revision votes once
    attributed = sorted(latest.values(), key=lambda c: c.claim_id)
    speakers_of: dict[str, set[str]] = defaultdict(set)
    for c in attributed:
        speakers_of[c.quantity_key].add(c.speaker or "")
    contested = [c for c in attributed if len(speakers_of[c.quantity_key]) > 1]
    if not contested:
        return (), ()
    tolerance = settings.relative_tolerance
    by_speaker = estimate_trust(
        claim_observations(contested, source="speaker", approximate_tolerance=settings.approximate_tolerance),
        relative_tolerance=tolerance,
    )
    by_outlet = estimate_trust(
        claim_observations(contested, source="outlet", approximate_tolerance=settings.approximate_tolerance),
        relative_tolerance=tolerance,
    )
    verdicts = tuple(
        QuantityVerdict(key, float(v.value), round(v.confidence, 4), v.support)
        for key, v in sorted(by_speaker.items.items())
        if isinstance(v.value, float | int)
    )
    reliabilities = tuple(
        SourceReliability(name, kind, round(score, 4), result.claims.get(name, 0))
        for kind, result in (("speaker", by_speaker), ("outlet", by_outlet))
        for name, score in sorted(result.sources.items())
    )
    return verdicts, reliabilities


register_records(sys.modules[__name__])  # its frozen records pickle and copy when compiled (`make native`)
