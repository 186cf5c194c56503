"""The one function that composes the corroboration stage: keys, copies, clusters, conflicts, timelines.

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
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from analyzer.corroborate.clusters import StatementCluster, build_clusters, cluster_statements
from analyzer.corroborate.conflicts import find_conflicts
from analyzer.corroborate.copies import copy_groups
from analyzer.corroborate.quantities import assign_quantities
from analyzer.corroborate.timeline import build_timelines
from analyzer.models import Claim, Cluster, Conflict, Quantity, Statement, Timeline
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


def corroborate(
    claims: Sequence[Claim],
    statements: Sequence[Statement],
    *,
    fingerprints: Mapping[str, frozenset[int]],
    published: Mapping[str, date | None],
    outlets: Mapping[str, str | None],
    settings: Settings,
) -> Corroboration:
    """Key the claims by quantity, trace copied text, then cluster, find conflicts and build timelines.

    ``fingerprints`` (from :func:`analyzer.corroborate.copies.fingerprint`),
    ``published`` and ``outlets`` are per document id.
    """
    keyed, stated, quantities = assign_quantities(claims, statements, similarity=settings.quantity_similarity)
    origin = copy_groups(fingerprints, published)
    tolerance = {
        "relative_tolerance": settings.relative_tolerance,
        "approximate_tolerance": settings.approximate_tolerance,
    }
    clusters = build_clusters(keyed, origin, outlets, **tolerance)
    conflicts = find_conflicts(keyed, stated, **tolerance)
    timelines = build_timelines(keyed, stated)
    statement_clusters = cluster_statements(stated, origin, outlets, similarity=settings.quote_similarity)
    copies = tuple((doc, source) for doc, source in origin.items() if doc != source)
    LOGGER.info(
        "%d claims, %d quantities, %d clusters, %d conflicts, %d copied documents",
        len(keyed),
        len(quantities),
        len(clusters),
        len(conflicts),
        len(copies),
    )
    return Corroboration(
        keyed, stated, quantities, clusters, conflicts, timelines, statement_clusters, copies
    )
