"""The analysis as a graph: who asserts what, who reports it, through whom, what conflicts and corroborates.

Nodes are ``speaker:<name>``, ``claim:<id>``, ``statement:<id>``,
``quantity:<key>``, ``outlet:<name>`` and ``document:<id>``, each with a
``kind``; edges carry a ``kind`` too (asserts, reports, publishes, cites,
measures, conflicts_with, corroborates). Every attribute is a str, int, float
or bool, so the graph writes to GraphML, GEXF and node-link JSON as it is.

>>> from analyzer.models import Analysis, Claim
>>> claim = Claim("c1", "d1", 87.0, "Police said 87 died.", 0, 2, speaker="Police", outlet="Herald",
...               via=("Reuters",), quantity_key="dead")
>>> graph = build_graph(Analysis(documents=(), claims=(claim,)))
>>> sorted(kind for _, _, kind in graph.edges(data="kind"))
['asserts', 'cites', 'measures', 'publishes', 'reports']
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterable
from datetime import date
from itertools import combinations, pairwise
from pathlib import Path
from typing import BinaryIO

import networkx as nx

from analyzer.atomic import write_atomic
from analyzer.corroborate.conflicts import compatible, part_marker, when
from analyzer.errors import OutputError
from analyzer.models import Analysis, Claim, Conflict

Attr = str | int | float | bool


def _clean(values: dict[str, object]) -> dict[str, Attr]:
    """Attributes GraphML can hold: None dropped, dates as ISO text, tuples joined."""
    out: dict[str, Attr] = {}
    for name, value in values.items():
        if value is None:
            continue
        if isinstance(value, date):
            out[name] = value.isoformat()
        elif isinstance(value, tuple | list):
            out[name] = "; ".join(str(v) for v in value)
        elif isinstance(value, str | int | float | bool):
            out[name] = value
        else:
            out[name] = str(value)
    return out


def _node(graph: nx.MultiDiGraph, node: str, kind: str, **attrs: object) -> str:
    if node not in graph:
        graph.add_node(node, **_clean({"kind": kind, "label": node.split(":", 1)[1], **attrs}))
    return node


def _edge(graph: nx.MultiDiGraph, a: str, b: str, kind: str, **attrs: object) -> None:
    graph.add_edge(a, b, key=f"{kind}:{len(graph[a].get(b, {}))}", **_clean({"kind": kind, **attrs}))


def _claim_nodes(graph: nx.MultiDiGraph, analysis: Analysis, cluster_of: dict[str, str]) -> None:
    for claim in analysis.claims:
        node = _node(
            graph,
            f"claim:{claim.claim_id}",
            "claim",
            value=float(claim.value),
            unit=claim.unit,
            per=claim.per,
            qualifier=claim.qualifier,
            approximate=claim.approximate,
            item=claim.item,
            stance=claim.stance,
            sentence=claim.sentence,
            asserted_on=claim.asserted_on,
            published=claim.published,
            doc_id=claim.doc_id,
            speaker=claim.speaker,
            quantity_key=claim.quantity_key,
            cluster_id=cluster_of.get(claim.claim_id),
        )
        _link(
            graph,
            node,
            claim.doc_id,
            claim.outlet,
            claim.speaker,
            claim.stance,
            claim.quantity_key,
            claim.via,
        )


def _link(
    graph: nx.MultiDiGraph,
    node: str,
    doc_id: str,
    outlet: str | None,
    speaker: str | None,
    stance: str,
    key: str,
    via: Iterable[str],
) -> None:
    """The edges every claim and statement has: its document, speaker, quantity and credited sources."""
    document = _node(graph, f"document:{doc_id}", "document", outlet=outlet)
    _edge(graph, document, node, "reports")
    if outlet:
        publisher = _node(graph, f"outlet:{outlet}", "outlet")
        if not graph.has_edge(publisher, document):
            _edge(graph, publisher, document, "publishes")
    if speaker:
        _edge(graph, _node(graph, f"speaker:{speaker}", "speaker"), node, "asserts", stance=stance)
    if key:
        _edge(graph, node, _node(graph, f"quantity:{key}", "quantity"), "measures")
    for position, source in enumerate(via):
        _edge(graph, node, _node(graph, f"outlet:{source}", "outlet"), "cites", position=position)


def _conflict_pairs(conflict: Conflict, claims: dict[str, Claim]) -> Iterable[tuple[str, str]]:
    """The member pairs that actually clash: a disagreement lists figures, not all of them against all."""
    ids = [m.claim_id for m in conflict.members]
    if conflict.kind == "revision":
        return pairwise(ids)
    if conflict.kind == "denial":  # the denier is the member that denies, or a statement (no figure)
        deniers = [i for i in ids if i not in claims or claims[i].stance == "denies"]
        return ((d, other) for d in deniers for other in ids if other not in deniers)
    known = [claims[i] for i in ids if i in claims]
    if conflict.kind == "scope":  # each part against the wholes it falls short of
        parts = [c for c in known if part_marker(c)]
        wholes = [c for c in known if not part_marker(c)]
        return ((p.claim_id, w.claim_id) for p in parts for w in wholes if not compatible(p, w))
    return (
        (a.claim_id, b.claim_id)
        for a, b in combinations(known, 2)
        if (a.speaker is None or a.speaker != b.speaker) and not compatible(a, b)
    )


def build_graph(analysis: Analysis) -> nx.MultiDiGraph:
    """Speakers, claims, statements, quantities, outlets and documents, and how they are linked.

    Claims of one cluster corroborate its earliest claim (a star, not all
    pairs); conflict edges join the members that cannot both hold.
    """
    graph = nx.MultiDiGraph()
    for doc in analysis.documents:
        _node(
            graph,
            f"document:{doc.doc_id}",
            "document",
            outlet=doc.outlet,
            published=doc.published,
            title=doc.title,
        )
    for quantity in analysis.quantities:
        _node(graph, f"quantity:{quantity.key}", "quantity", label=quantity.label, unit=quantity.unit)
    claims = {c.claim_id: c for c in analysis.claims}
    cluster_of = {cid: cluster.cluster_id for cluster in analysis.clusters for cid in cluster.claim_ids}
    _claim_nodes(graph, analysis, cluster_of)
    for s in analysis.statements:
        node = _node(
            graph,
            f"statement:{s.statement_id}",
            "statement",
            stance=s.stance,
            sentence=s.sentence,
            topic=s.topic,
            asserted_on=s.asserted_on,
            doc_id=s.doc_id,
            speaker=s.speaker,
        )
        _link(graph, node, s.doc_id, s.outlet, s.speaker, s.stance, s.quantity_key, s.via)
    for cluster in analysis.clusters:
        members = sorted(
            (claims[i] for i in cluster.claim_ids if i in claims),
            key=lambda c: (when(c) or date.max, c.claim_id),
        )
        for other in members[1:]:
            _edge(
                graph,
                f"claim:{other.claim_id}",
                f"claim:{members[0].claim_id}",
                "corroborates",
                cluster_id=cluster.cluster_id,
            )
    for conflict in analysis.conflicts:
        for a, b in _conflict_pairs(conflict, claims):
            for node in (a, b):  # a denial without a figure is a statement
                if f"claim:{node}" not in graph and f"statement:{node}" not in graph:
                    _node(graph, f"claim:{node}", "claim")
            source = f"claim:{a}" if f"claim:{a}" in graph else f"statement:{a}"
            target = f"claim:{b}" if f"claim:{b}" in graph else f"statement:{b}"
            _edge(
                graph,
                source,
                target,
                "conflicts_with",
                conflict_id=conflict.conflict_id,
                conflict_kind=conflict.kind,
                explanation=conflict.explanation,
            )
    return graph


def _node_link(graph: nx.MultiDiGraph, handle: object) -> None:
    data = nx.node_link_data(graph, edges="edges")
    json.dump(data, handle, ensure_ascii=False, indent=1)  # type: ignore[arg-type]


def write_graph(graph: nx.MultiDiGraph, path: str | Path) -> None:
    """Write the graph as GraphML (``.graphml``), GEXF (``.gexf``) or node-link JSON (``.json``).

    The file appears whole or not at all (written beside it, then renamed).
    Raises :class:`OutputError` for another suffix or a path that cannot be written.
    """
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in (".graphml", ".gexf", ".json"):
        raise OutputError(
            str(path), f"unknown graph format {suffix or '(none)'!r}: use .graphml, .gexf or .json"
        )

    # rendered in memory first: a writer that swallows an error on the file cannot leave half of it
    if suffix == ".json":
        text = io.StringIO()
        _node_link(graph, text)
        data = text.getvalue().encode("utf-8")
    else:
        buffer = io.BytesIO()
        (nx.write_graphml if suffix == ".graphml" else nx.write_gexf)(graph, buffer)
        data = buffer.getvalue()
        if suffix == ".gexf":  # the GEXF writer stamps today's date: the same corpus must give the same bytes
            data = _GEXF_DATE_RE.sub(b'lastmodifieddate="' + _graph_date(graph).encode() + b'"', data)

    def write(handle: BinaryIO) -> None:
        handle.write(data)

    write_atomic(target, write)


_GEXF_DATE_RE = re.compile(rb'lastmodifieddate="[^"]*"')


def _graph_date(graph: nx.MultiDiGraph) -> str:
    """The latest publication date among the graph's documents (the corpus's own date), else a fixed one."""
    dates = [str(d.get("published")) for _, d in graph.nodes(data=True) if d.get("kind") == "document"]
    dates = [d for d in dates if len(d) == 10 and d[4] == "-"]
    return max(dates, default="1970-01-01")
