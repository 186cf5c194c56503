"""The graph: speakers, their figures and the outlets that reported them, with the conflicts between figures."""

from __future__ import annotations

import math
from datetime import date
from typing import TYPE_CHECKING, Any

from analyzer.corroborate.conflicts import format_figure, when
from analyzer.models import Analysis
from analyzer.plots.common import (
    _ARC_KINDS,
    _GREY,
    _KIND_COLOURS,
    _MAX_NODES,
    _SMALL,
    _below,
    _empty,
    _pyplot,
    _speaker_name,
    _title,
)

if TYPE_CHECKING:
    from matplotlib.axes import Axes


def _graph_of(analysis: Analysis, key: str) -> Any:
    """Speakers, figures and outlets of one quantity, from :func:`analyzer.graph.build_graph`.

    The claims of one cluster (the same figure from one speaker across
    outlets) are one figure node; documents give way to their outlets.
    """
    import networkx as nx

    from analyzer.graph import build_graph

    full = build_graph(analysis)
    figure_of: dict[str, str] = {}
    graph = nx.Graph()
    claims = sorted(
        (c for c in analysis.claims if c.quantity_key == key), key=lambda c: (when(c) or date.max, c.claim_id)
    )
    for c in claims:
        node = f"figure:{full.nodes[f'claim:{c.claim_id}'].get('cluster_id', c.claim_id)}"
        figure_of[f"claim:{c.claim_id}"] = node
        if node not in graph:
            graph.add_node(node, kind="figure", label=format_figure(c), reports=0, conflict=False)
        graph.nodes[node]["reports"] += 1
        speaker = f"speaker:{_speaker_name(c.speaker)}"
        graph.add_node(speaker, kind="speaker", label=_speaker_name(c.speaker))
        graph.add_edge(speaker, node, kinds={"asserts"})
    for claim_node, node in figure_of.items():
        for source, _, kind in full.in_edges(claim_node, data="kind"):
            if kind == "reports":  # a document reports the claim: the outlet that published it
                outlet = full.nodes[source].get("outlet") or full.nodes[source]["label"]
                _link(graph, node, f"outlet:{outlet}", outlet, "reports")
        for _, target, data in full.out_edges(claim_node, data=True):
            if data["kind"] == "cites":
                _link(graph, node, target, full.nodes[target]["label"], "cites")
            elif data["kind"] == "conflicts_with" and target in figure_of and figure_of[target] != node:
                graph.nodes[node]["conflict"] = graph.nodes[figure_of[target]]["conflict"] = True
                ends = sorted((node, figure_of[target]))
                kinds = graph.edges[ends]["kinds"] if graph.has_edge(*ends) else set()
                graph.add_edge(*ends, kinds=kinds | {data["conflict_kind"]})
    return _prune(graph)


def _prune(graph: Any) -> Any:
    """At most _MAX_NODES figures (in a conflict, then most reported) and outlets (most linked)."""
    order = {node: i for i, node in enumerate(graph)}
    totals = {kind: sum(1 for _, k in graph.nodes(data="kind") if k == kind) for kind in ("figure", "outlet")}
    for kind, rank in (
        ("figure", lambda n: (not graph.nodes[n]["conflict"], -graph.nodes[n]["reports"], order[n])),
        ("outlet", lambda n: (-graph.degree(n), order[n])),
    ):
        nodes = sorted((n for n, k in graph.nodes(data="kind") if k == kind), key=rank)
        graph.remove_nodes_from(nodes[_MAX_NODES:])
        graph.remove_nodes_from([n for n in list(graph) if graph.degree(n) == 0])
    shown = {kind: sum(1 for _, k in graph.nodes(data="kind") if k == kind) for kind in totals}
    graph.graph["hidden"] = tuple(totals[kind] - shown[kind] for kind in ("figure", "outlet"))
    return graph


def _link(graph: Any, figure: str, outlet: str, label: str, kind: str) -> None:
    graph.add_node(outlet, kind="outlet", label=label)
    kinds = graph.edges[figure, outlet]["kinds"] if graph.has_edge(figure, outlet) else set()
    graph.add_edge(figure, outlet, kinds=kinds | {kind})


_COLUMN = {"speaker": 0, "figure": 1, "outlet": 2}


def _layers(graph: Any) -> dict[str, tuple[float, float]]:
    """Speakers left, figures in the middle, outlets right; each column ordered to limit crossings."""
    order: dict[str, float] = {}
    for kind in ("speaker", "figure", "outlet"):
        nodes = [n for n, k in graph.nodes(data="kind") if k == kind]  # speakers: in order of first figure

        def barycentre(node: str) -> tuple[float, str]:
            near = [order[m] for m in graph[node] if m in order]
            return (sum(near) / len(near) if near else math.inf, node)

        for i, node in enumerate(nodes if kind == "speaker" else sorted(nodes, key=barycentre)):
            order[node] = i / max(len(nodes) - 1, 1) if len(nodes) > 1 else 0.5
    return {node: (float(_COLUMN[graph.nodes[node]["kind"]]), -y) for node, y in order.items()}


def _draw_graph(ax: Axes, analysis: Analysis, key: str | None, layout: str = "layers", seed: int = 7) -> None:
    import networkx as nx
    from matplotlib.lines import Line2D

    _pyplot()  # networkx's drawing imports pyplot: let it find a backend that needs no display
    graph = _graph_of(analysis, key) if key else None
    if graph is None or graph.number_of_nodes() == 0:
        _empty(ax, _title(analysis, key, "who said it, who reported it"))
        return
    pos = _layers(graph)
    if layout == "spring":
        pos = nx.spring_layout(graph, pos=pos, seed=seed, k=1.5 / math.sqrt(len(graph)))
    looks = {
        "asserts": {"edge_color": _GREY, "width": 1.2},
        "reports": {"edge_color": "#9ecae1", "width": 1.0},
        "cites": {"edge_color": "#2ca02c", "width": 1.0, "style": "dashed"},
    }
    for kind, look in looks.items():
        edges = [(a, b) for a, b, ks in graph.edges(data="kinds") if kind in ks]
        nx.draw_networkx_edges(graph, pos, edgelist=edges, ax=ax, **look)
    for kind in _ARC_KINDS:  # a speaker's revisions and denials are arcs; every conflict gives a red border
        edges = [
            (a, b) if pos[a][1] > pos[b][1] else (b, a)
            for a, b, ks in graph.edges(data="kinds")
            if kind in ks
        ]
        if edges:
            nx.draw_networkx_edges(
                graph,
                pos,
                edgelist=edges,
                ax=ax,
                edge_color=_KIND_COLOURS[kind],
                width=1.8,
                arrows=True,
                arrowstyle="-",
                connectionstyle="arc3,rad=-0.4",
            )
    shapes = {"speaker": ("#4c72b0", "o"), "figure": ("#fdd49e", "s"), "outlet": ("#74c476", "o")}
    for kind, (colour, shape) in shapes.items():
        nodes = [n for n, k in graph.nodes(data="kind") if k == kind]
        sizes = [120 + 40 * min(graph.nodes[n].get("reports", 1), 10) for n in nodes]
        borders = ["#d62728" if graph.nodes[n].get("conflict") else "#333333" for n in nodes]
        nx.draw_networkx_nodes(
            graph,
            pos,
            nodelist=nodes,
            ax=ax,
            node_color=colour,
            node_shape=shape,
            node_size=sizes,
            edgecolors=borders,
            linewidths=1.4,
        )
    place = {"speaker": ("right", -12, 0), "figure": ("center", 0, 10), "outlet": ("left", 12, 0)}
    for node, (x, y) in sorted(pos.items()):
        ha, dx, dy = place[graph.nodes[node]["kind"]] if layout == "layers" else ("center", 0, 10)
        ax.annotate(
            graph.nodes[node]["label"],
            (x, y),
            xytext=(dx, dy),
            ha=ha,
            va="bottom" if dy else "center",
            **_SMALL,
        )
    if layout == "layers":
        for x, title in ((0, "speakers"), (1, "figures"), (2, "outlets")):
            ax.annotate(
                title,
                (x, 1.0),
                xycoords=("data", "axes fraction"),
                ha="center",
                va="bottom",
                fontweight="bold",
                color="#444444",
            )
        ax.set_xlim(-1.0, 3.0)
        ax.set_ylim(-1.08, 0.08)
    present = {k for _, _, ks in graph.edges(data="kinds") for k in ks}
    handles = [
        Line2D([], [], color=_GREY, label="asserts"),
        Line2D([], [], color="#9ecae1", label="reported by"),
    ]
    handles += [Line2D([], [], color="#2ca02c", ls="--", label="credits (via)")] if "cites" in present else []
    handles += [Line2D([], [], color=_KIND_COLOURS[k], lw=1.8, label=k) for k in _ARC_KINDS if k in present]
    if any(conflict for _, conflict in graph.nodes(data="conflict")):
        handles.append(Line2D([], [], ls="", marker="s", mfc="#fdd49e", mec="#d62728", label="in a conflict"))
    ax.legend(
        handles=handles,
        loc="upper center",
        bbox_to_anchor=(0.5, 0.0),
        ncol=len(handles),
        fontsize="small",
        frameon=False,
    )
    hidden_figures, hidden_outlets = graph.graph.get("hidden", (0, 0))
    if hidden_figures or hidden_outlets:
        note = f"not shown: {hidden_figures} figures (the least reported), {hidden_outlets} outlets"
        ax.annotate(note, (0, 0), xycoords=_below(ax, 24), va="top", fontsize="x-small", color=_GREY)
    ax.set_title(_title(analysis, key, "who said it, who reported it"), pad=22)
    ax.set_axis_off()
