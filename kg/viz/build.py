"""From the projection to vis-network data: choose nodes, style them, lay them out (with pyvis).

pyvis collects the nodes, edges and options; it escapes nothing, so what it
receives here is plain text that the page (:mod:`kg.viz.page`) renders
through ``textContent``, and pyvis's own template (which fetches CDN scripts
and switches tooltips to ``innerHTML``) is never used.

>>> import networkx as nx
>>> M = nx.MultiDiGraph()
>>> M.add_node("a", label="A", type="Person"); M.add_node("b", label="B", type="Country")
>>> _ = M.add_edge("a", "b", relation="sanctions", status="held", date="2025-03-01", assertion="1")
>>> view = build_view(M)
>>> [n["label"] for n in view.nodes], view.edges[0]["relation"], view.periods
(['A', 'B'], 'sanctions', ['2025'])
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from kg.analysis.projection import ego_network, find_node, weighted_graph
from kg.viz.layout import spring_positions
from kg.viz.style import edge_style, edge_tooltip, node_style, node_tooltip

#: Above this many nodes the layout is computed in Python and physics is off.
PHYSICS_LIMIT = 150
DEFAULT_MAX_NODES = 500


@dataclass
class View:
    """Everything the page needs: vis nodes/edges, options, legend, what was left out."""

    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]
    options: dict[str, Any]
    physics: bool
    periods: list[str]
    granularity: str
    total_nodes: int
    total_edges: int
    omitted: list[str] = field(default_factory=list)
    types: list[str] = field(default_factory=list)
    relations: list[str] = field(default_factory=list)
    statuses: list[str] = field(default_factory=list)
    center: str | None = None


def select_nodes(G: nx.Graph, *, max_nodes: int, actor: Any = None, depth: int = 2) -> tuple[list[Any], Any]:
    """The nodes to draw: the ego network of ``actor`` (if any), cut to the ``max_nodes`` most central.

    >>> select_nodes(nx.MultiDiGraph(nx.star_graph(5)), max_nodes=3)[0]
    [0, 1, 2]
    """
    center = None
    if actor is not None:
        center = find_node(G, actor)
        G = ego_network(G, center, depth)
    degree = dict(weighted_graph(G, statuses=None).degree())
    ranked = sorted(G, key=lambda n: (n != center, -degree.get(n, 0), str(G.nodes[n].get("label", n)), str(n)))
    return ranked[:max_nodes], center


def _period(day: str | None, granularity: str) -> str | None:
    if not day:
        return None
    return day[:7] if granularity == "month" else day[:4]


def build_view(G: nx.MultiDiGraph, *, actor: Any = None, depth: int = 2, max_nodes: int = DEFAULT_MAX_NODES,
               per_period: str = "year", seed: int = 0) -> View:
    """Select, style and lay out ``G`` for vis-network (no HTML yet)."""
    from pyvis.edge import Edge
    from pyvis.network import Network

    if per_period not in ("month", "year"):
        raise ValueError(f"per period {per_period!r}: expected month or year")
    if max_nodes < 1:
        raise ValueError("max nodes must be at least 1")
    keep, center = select_nodes(G, max_nodes=max_nodes, actor=actor, depth=depth)
    scope = ego_network(G, center, depth) if center is not None else G
    kept = set(keep)
    omitted_nodes = sorted((n for n in scope if n not in kept), key=lambda n: -scope.degree(n))  # nearest misses first
    H = G.subgraph(keep)
    W = weighted_graph(H, statuses=None)
    degree = nx.degree_centrality(W) if len(W) > 1 else {n: 0.0 for n in W}
    top = max(degree.values(), default=0.0) or 1.0
    physics = len(H) <= PHYSICS_LIMIT
    # Positions always come from Python: fixed above PHYSICS_LIMIT, a head start for vis physics below it.
    positions = spring_positions(W, seed=seed)
    net = Network(directed=True)
    for node in keep:
        data = H.nodes[node]
        label = str(data.get("label", node))
        extra: dict[str, Any] = {"size": 10 + 25 * math.sqrt(degree.get(node, 0.0) / top), "actor_type": data.get("type", "Actor")}
        if node in positions:
            extra["x"], extra["y"] = positions[node]
        if node == center:
            extra["borderWidth"] = 4
        style = node_style(str(data.get("type")))
        net.add_node(str(node), label=label, shape=style["shape"], color=style["color"],
                     title=node_tooltip(label, data, degree.get(node, 0.0), W.degree(node)), **extra)
    seen: set[tuple[Any, ...]] = set()
    periods: set[str] = set()
    for i, (u, v, data) in enumerate(H.edges(data=True)):
        symmetric = bool(data.get("symmetric"))
        mark = (data.get("assertion"), data.get("relation"), *sorted((str(u), str(v))))
        if symmetric and mark in seen:
            continue  # one line per symmetric pair: the reverse direction is the same claim
        seen.add(mark)
        status = str(data.get("status", "held"))
        period = _period(data.get("date"), per_period)
        if period:
            periods.add(period)
        style = edge_style(str(data.get("relation", "")), status, disputed=bool(data.get("disputed")), symmetric=symmetric)
        # pyvis's add_edge scans the node list twice per edge (O(nodes x edges)); its Edge class
        # builds the same dict, appended directly.
        net.edges.append(Edge(
            str(u), str(v), True, id=f"e{i}", title=edge_tooltip(H.nodes[u].get("label", u), H.nodes[v].get("label", v), data),
            relation=data.get("relation"), status=status, period=period, assertion=data.get("assertion"),
            disputed=bool(data.get("disputed")), width=1.5, **style,
        ).options)
    options: dict[str, Any] = {
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": not physics},
        "edges": {"smooth": physics, "font": {"size": 11, "color": "#d62728", "strokeWidth": 3}},
        "nodes": {"font": {"size": 14}},
        "layout": {"improvedLayout": False, "randomSeed": seed},
        "physics": {"enabled": physics, "stabilization": {"enabled": physics, "iterations": 120, "updateInterval": 50},
                    "barnesHut": {"gravitationalConstant": -6000, "springLength": 120}},
    }
    net.options = options
    nodes, edges, *_ = net.get_network_data()
    labels = [str(scope.nodes[n].get("label", n)) for n in omitted_nodes]
    return View(
        nodes=nodes, edges=edges, options=options, physics=physics, periods=sorted(periods),
        granularity=per_period, total_nodes=len(scope), total_edges=scope.number_of_edges(),
        omitted=labels, types=sorted({str(n.get("actor_type")) for n in nodes}),
        relations=sorted({str(e.get("relation")) for e in edges}),
        statuses=sorted({str(e.get("status")) for e in edges}),
        center=str(G.nodes[center].get("label", center)) if center is not None else None,
    )
