"""The analysis graph and its GraphML, GEXF and node-link JSON files."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import networkx as nx
import pytest

from analyzer.errors import OutputError
from analyzer.graph import build_graph, write_graph
from analyzer.models import Analysis, DocumentSummary
from tests.factories import analysis_of, reported, statement

CLAIMS = [
    reported(
        "a",
        "d1",
        87,
        "Governor",
        "people killed in the floods",
        outlet="Courier",
        via=("Reuters",),
        asserted_on=date(2024, 4, 2),
        published=date(2024, 4, 3),
    ),
    reported(
        "b",
        "d2",
        88,
        "Governor",
        "people killed",
        outlet="Herald",
        via=("Reuters",),
        published=date(2024, 4, 3),
    ),
    reported("c", "d2", 140, "Aid agency", "deaths", outlet="Herald", published=date(2024, 4, 3)),
    reported("d", "d3", 25, None, "people missing", outlet=None),
]
STATEMENTS = [
    statement(
        "s",
        "Ministry",
        "denies",
        doc="d3",
        sentence="The ministry denied that anyone had died in the floods.",
        asserted_on=date(2024, 4, 4),
        topic="anyone had died in the floods",
    ),
]


def _analysis() -> Analysis:
    documents = (
        DocumentSummary("d1", "Courier", date(2024, 4, 3), "Floods kill 87", 1),
        DocumentSummary("d2", "Herald", date(2024, 4, 3), None, 2),
        DocumentSummary("d3", None, None, None, 1),
    )
    return analysis_of(CLAIMS, STATEMENTS, documents=documents, outlets={"d1": "Courier", "d2": "Herald"})


def _edges(graph: nx.MultiDiGraph, kind: str) -> set[tuple[str, str]]:
    return {(a, b) for a, b, k in graph.edges(data="kind") if k == kind}


def test_nodes_are_prefixed_by_kind() -> None:
    graph = build_graph(_analysis())
    kinds = {node: data["kind"] for node, data in graph.nodes(data=True)}
    assert all(node.split(":", 1)[0] == kind for node, kind in kinds.items())
    assert {
        "speaker:Governor",
        "claim:a",
        "quantity:people-killed",
        "outlet:Reuters",
        "document:d1",
        "statement:s",
    } <= set(kinds)
    assert "speaker:None" not in kinds


def test_edges_link_speakers_documents_outlets_and_quantities() -> None:
    graph = build_graph(_analysis())
    assert ("speaker:Governor", "claim:a") in _edges(graph, "asserts")
    assert ("document:d2", "claim:c") in _edges(graph, "reports")
    assert ("outlet:Herald", "document:d2") in _edges(graph, "publishes")
    assert ("claim:b", "outlet:Reuters") in _edges(graph, "cites")
    assert ("claim:a", "quantity:people-killed") in _edges(graph, "measures")
    assert _edges(graph, "corroborates") == {("claim:b", "claim:a")}  # same speaker, compatible figure
    conflicts = _edges(graph, "conflicts_with")
    assert ("claim:a", "claim:c") in conflicts or ("claim:c", "claim:a") in conflicts
    assert ("claim:a", "claim:b") not in conflicts and ("claim:b", "claim:a") not in conflicts
    assert ("statement:s", "claim:a") in conflicts  # the ministry's denial


def test_every_attribute_is_a_plain_value() -> None:
    graph = build_graph(_analysis())
    values = [v for _, data in graph.nodes(data=True) for v in data.values()]
    values += [v for _, _, data in graph.edges(data=True) for v in data.values()]
    assert values and all(isinstance(v, str | int | float | bool) for v in values)
    assert graph.nodes["claim:a"]["asserted_on"] == "2024-04-02"
    assert "speaker" not in graph.nodes["claim:d"]  # None is dropped, not written as "None"


@pytest.mark.parametrize("suffix", [".graphml", ".gexf", ".json"])
def test_written_graph_reads_back(tmp_path: Path, suffix: str) -> None:
    graph = build_graph(_analysis())
    path = tmp_path / f"story{suffix}"
    write_graph(graph, path)
    if suffix == ".graphml":
        back = nx.read_graphml(path, force_multigraph=True)
    elif suffix == ".gexf":
        back = nx.read_gexf(path)
    else:
        back = nx.node_link_graph(json.loads(path.read_text(encoding="utf-8")), edges="edges")
    assert set(back.nodes) == set(graph.nodes)
    assert back.number_of_edges() == graph.number_of_edges()
    assert back.nodes["claim:a"]["kind"] == "claim" and float(back.nodes["claim:a"]["value"]) == 87
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]  # no temporary file left behind


def test_unknown_suffix_and_unwritable_path_raise_output_error(tmp_path: Path) -> None:
    graph = build_graph(_analysis())
    with pytest.raises(OutputError, match=r"unknown graph format '\.png'"):
        write_graph(graph, tmp_path / "story.png")
    with pytest.raises(OutputError, match=r"no such directory|cannot write"):
        write_graph(graph, tmp_path / "no-such-folder" / "story.graphml")
    assert list(tmp_path.iterdir()) == []


def test_overwrite_is_atomic(tmp_path: Path) -> None:
    path = tmp_path / "story.json"
    path.write_text("old", encoding="utf-8")
    write_graph(build_graph(_analysis()), path)
    assert json.loads(path.read_text(encoding="utf-8"))["directed"] is True


def test_conflict_edges_join_only_the_members_that_clash() -> None:
    nis, kyiv, aide = "Intelligence agency", "President", "Aide"
    claims = [
        reported("z", "d1", 10000, kyiv, "soldiers sent to Russia"),
        reported("n1", "d1", 1500, nis, "special forces sent to Russia", asserted_on=date(2024, 10, 18)),
        reported("n2", "d2", 12000, nis, "troops sent to Russia", qualifier="about", approximate=True),
        reported("k", "d2", 3000, aide, "troops in the first tranche", qualifier="about", approximate=True),
    ]
    analysis = analysis_of(claims)
    graph = build_graph(Analysis((), analysis.claims, conflicts=analysis.conflicts))
    by_kind: dict[str, set[tuple[str, str]]] = {}
    for a, b, data in graph.edges(data=True):
        if data["kind"] == "conflicts_with":
            by_kind.setdefault(data["conflict_kind"], set()).add((a[6:], b[6:]))
    assert by_kind["revision"] == {("n1", "n2")}
    assert by_kind["scope"] == {("n1", "z"), ("n1", "n2"), ("k", "z"), ("k", "n2")}
    assert ("n1", "n2") not in by_kind["disagreement"]  # one speaker's two figures are a revision
    assert ("z", "n2") in by_kind["disagreement"] or ("n2", "z") in by_kind["disagreement"]
