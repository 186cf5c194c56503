"""Corroboration: quantities, clusters across outlets, conflicts, timelines, and source trust."""

from analyzer.corroborate.clusters import StatementCluster, build_clusters, cluster_statements
from analyzer.corroborate.conflicts import compatible, find_conflicts
from analyzer.corroborate.copies import copy_groups, fingerprint
from analyzer.corroborate.core import Corroboration, corroborate
from analyzer.corroborate.quantities import assign_quantities, match_quantity
from analyzer.corroborate.timeline import build_timelines
from analyzer.corroborate.trust import (
    Candidate,
    ItemVerdict,
    Observation,
    TrustResult,
    claim_observations,
    estimate_trust,
    parse_value,
)

__all__ = [
    "Candidate",
    "Corroboration",
    "ItemVerdict",
    "Observation",
    "StatementCluster",
    "TrustResult",
    "assign_quantities",
    "build_clusters",
    "build_timelines",
    "claim_observations",
    "cluster_statements",
    "compatible",
    "copy_groups",
    "corroborate",
    "estimate_trust",
    "find_conflicts",
    "fingerprint",
    "match_quantity",
    "parse_value",
]
