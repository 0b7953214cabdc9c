"""From the projection to vis-network data: choose nodes, style them, lay them out (with pyvis).

Nodes and edges are vis-network's own dicts (pyvis's ``Network`` adds nothing
but an O(nodes x edges) ``add_edge``); every label and tooltip is plain text
that the page (:mod:`kg.viz.page`) renders through ``textContent``, and
pyvis's template (which fetches CDN scripts and switches tooltips to
``innerHTML``) is never used: pyvis ships the vis-network build we inline.

>>> import networkx as nx
>>> M = nx.MultiDiGraph()
>>> M.add_node("a", label="A", type="Person"); M.add_node("b", label="B", type="Country")
>>> _ = M.add_edge("a", "b", relation="sanctions", status="held", date="2025-03-01", assertion="1")
>>> view = build_view(M)
>>> [n["label"] for n in view.nodes], view.edges[0]["relation"], view.periods, view.months
(['A', 'B'], 'sanctions', ['2025-03'], ['2025-03'])
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from kg.analysis.projection import ego_network, find_node, weighted_graph
from kg.viz.layout import spring_positions
from kg.viz.style import edge_style, node_style, node_tooltip

#: Above this many nodes the layout is computed in Python and physics is off.
PHYSICS_LIMIT = 150
#: Past this many actors the page opens on community groups that expand on click.
DEFAULT_MAX_NODES = 500
#: The most central actors whose labels are always drawn (at least 12 px at the initial zoom) ...
LABELLED = 12
#: ... and every actor's on pages this small.
LABEL_ALL = 50


@dataclass
class View:
    """Everything the page needs: vis nodes/edges, events, options, legend, groups past the cap."""

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
    events: list[dict[str, Any]] = field(default_factory=list)
    groups: list[dict[str, Any]] = field(default_factory=list)
    months: list[str] = field(default_factory=list)
    labelled: int = 0


def rank_nodes(G: nx.Graph, W: nx.Graph, center: Any = None) -> list[Any]:
    """``G``'s nodes, ``center`` first, then by interaction strength in ``W`` (the weighted graph), then label.

    >>> M = nx.MultiDiGraph(nx.star_graph(3))
    >>> rank_nodes(M, weighted_graph(M, statuses=None))[0], rank_nodes(M, weighted_graph(M, statuses=None), 2)[0]
    (0, 2)
    """
    strength = dict(W.degree(weight="weight"))
    return sorted(G, key=lambda n: (n != center, -strength.get(n, 0), str(G.nodes[n].get("label", n)), str(n)))


def _period(day: str | None, granularity: str) -> str | None:
    if not day:
        return None
    return day[:7] if granularity == "month" else day[:4]


def month_range(days: list[str], granularity: str = "month") -> list[str]:
    """Every month (or year) from the earliest to the latest of ``days``: the time bar's steps.

    >>> month_range(["2024-11-02", "2025-02-01"]), month_range(["2023-05-01", "2025-02-01"], "year")
    (['2024-11', '2024-12', '2025-01', '2025-02'], ['2023', '2024', '2025'])
    """
    if granularity == "year":
        years = sorted({int(d[:4]) for d in days if d and d[:4].isdigit()})
        return [f"{y:04d}" for y in range(years[0], years[-1] + 1)] if years else []
    months = sorted({d[:7] for d in days if d and len(d) >= 7 and d[4] == "-"})
    if not months:
        return []
    (y, m), (y2, m2) = (int(months[0][:4]), int(months[0][5:7])), (int(months[-1][:4]), int(months[-1][5:7]))
    out: list[str] = []
    while (y, m) <= (y2, m2) and len(out) < 1200:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def _edge_width(weight: int) -> float:
    return round(1.5 + 2.0 * math.log2(max(weight, 1)), 2)


def _aggregate_edges(H: nx.MultiDiGraph, events: list[dict[str, Any]], event_index: dict[str, int],
                     event_of: Any) -> list[dict[str, Any]]:
    """One vis edge per actor pair, relation and status, weighted by the number of events (not reports).

    The status is the event's (its cluster's latest), so a meeting reported planned and then held is
    one held edge of weight 1, not a planned and a held edge.
    """
    groups: dict[tuple[Any, ...], dict[str, Any]] = {}
    for u, v, data in H.edges(data=True):
        symmetric = bool(data.get("symmetric"))
        a, b = (u, v) if not symmetric or str(u) <= str(v) else (v, u)
        index = event_index[event_of(data)]
        status = str(events[index]["status"] or "held")
        key = (a, b, str(data.get("relation", "")), status)
        group = groups.setdefault(key, {"events": [], "disputed": False, "symmetric": symmetric})
        if index not in group["events"]:
            group["events"].append(index)
        group["disputed"] = group["disputed"] or bool(data.get("disputed"))
    edges = []
    for i, ((a, b, relation, status), group) in enumerate(groups.items()):
        items = [events[j] for j in group["events"]]
        dates = sorted(d for d in (e["date"] for e in items) if d)
        weight = len(items)
        lines = [f"{H.nodes[a].get('label', a)} {relation} {H.nodes[b].get('label', b)}",
                 f"status: {status}" + (" (disputed)" if group["disputed"] else ""),
                 f"{weight} event{'s' if weight != 1 else ''}"
                 + (f", {dates[0]}" + (f" to {dates[-1]}" if dates[-1] != dates[0] else "") if dates else ", undated")]
        # the page builds the full tooltip (sources, quotes, grade) itself, as text, from its events
        style = edge_style(relation, status, disputed=group["disputed"], symmetric=group["symmetric"])
        edges.append({
            "id": f"e{i}", "from": str(a), "to": str(b), "relation": relation, "status": status,
            "weight": weight, "events": group["events"], "disputed": group["disputed"],
            "assertion": items[0]["assertions"][0] if items[0]["assertions"] else None,
            "title": "\n".join(lines), "width": _edge_width(weight), **style,
        })
    return edges


def _groups(W: nx.Graph, nodes: list[Any], max_groups: int, seed: int) -> tuple[dict[Any, int], list[list[Any]]]:
    """Past the cap: node -> group index, groups (most central member first) of at most ``max_groups``."""
    from kg.analysis.metrics import communities

    parts = communities(W, seed=seed)
    members: dict[int, list[Any]] = {}
    for node in nodes:  # ``nodes`` is most central first, so members are too
        members.setdefault(parts[node], []).append(node)
    ordered = sorted(members.values(), key=lambda m: -len(m))
    if len(ordered) > max_groups:  # the smallest communities share one last group
        rest = [n for m in ordered[max_groups - 1:] for n in m]
        order = {n: i for i, n in enumerate(nodes)}
        ordered = ordered[:max_groups - 1] + [sorted(rest, key=order.__getitem__)]
    return {n: i for i, m in enumerate(ordered) for n in m}, ordered


def _sunflower(n: int, centre: tuple[float, float], spacing: float = 28.0) -> list[tuple[float, float]]:
    """``n`` points around ``centre`` on a sunflower spiral, first (most central) in the middle."""
    golden = math.pi * (3 - math.sqrt(5))
    return [(centre[0] + spacing * math.sqrt(i) * math.cos(i * golden), centre[1] + spacing * math.sqrt(i) * math.sin(i * golden))
            for i in range(n)]


def build_view(G: nx.MultiDiGraph, *, actor: Any = None, depth: int = 2, max_nodes: int = DEFAULT_MAX_NODES,
               per_period: str = "month", seed: int = 0, event_of: Any = None) -> View:
    """Select, style and lay out ``G`` for vis-network (no HTML yet).

    Up to ``max_nodes`` actors are drawn one by one.  Past that, actors are
    grouped by community (Louvain on the interaction graph): the page opens on
    one node per group, which expands to its members on click.
    """
    from kg.viz.timeline_data import event_items, event_key

    if per_period not in ("month", "year"):
        raise ValueError(f"per period {per_period!r}: expected month or year")
    if max_nodes < 1:
        raise ValueError("max nodes must be at least 1")
    event_of = event_of or event_key
    center = find_node(G, actor) if actor is not None else None
    scope = ego_network(G, center, depth) if center is not None else G  # a copy, or G itself: no slow subgraph view
    W = weighted_graph(scope, statuses=None)
    ranked = rank_nodes(scope, W, center)
    degree = nx.degree_centrality(W) if len(W) > 1 else {n: 0.0 for n in W}
    top = max(degree.values(), default=0.0) or 1.0
    events = event_items(scope, event_of=event_of)
    event_index = {e["id"]: i for i, e in enumerate(events)}
    grouped = len(ranked) > max_nodes
    group_of: dict[Any, int] = {}
    groups: list[dict[str, Any]] = []
    if grouped:
        group_of, members = _groups(W, ranked, max_nodes, seed)
        Q = nx.Graph()
        Q.add_nodes_from(range(len(members)))
        for u, v in W.edges():
            if group_of[u] != group_of[v]:
                Q.add_edge(group_of[u], group_of[v])
        centres = spring_positions(Q, seed=seed, scale=40.0 * math.sqrt(len(ranked)))
        positions: dict[Any, tuple[float, float]] = {}
        for i, group in enumerate(members):
            positions.update(zip(group, _sunflower(len(group), centres[i])))
            names = [str(scope.nodes[n].get("label", n)) for n in group[:3]]
            label = f"{len(group)} actors: " + ", ".join(names) + (" …" if len(group) > 3 else "")
            groups.append({"id": f"group:{i}", "label": label, "size": min(60, 12 + 6 * math.log2(len(group))),
                           "x": centres[i][0], "y": centres[i][1], "members": [str(n) for n in group],
                           "title": f"{label}\nclick to open this group", "shape": "hexagon", "color": "#bab0ac",
                           "font": {"size": 16}})
    else:
        positions = spring_positions(W, seed=seed)
    physics = not grouped and len(ranked) <= PHYSICS_LIMIT
    nodes = []
    for rank, node in enumerate(ranked):
        data = scope.nodes[node]
        label = str(data.get("label", node))
        style = node_style(str(data.get("type")))
        item: dict[str, Any] = {
            "id": str(node), "label": label, "shape": style["shape"], "color": style["color"],
            "actor_type": data.get("type", "Actor"), "rank": rank,
            "size": round(10 + 25 * math.sqrt(degree.get(node, 0.0) / top), 2),
            "ties": W.degree(node), "degree": round(degree.get(node, 0.0), 4),
            "title": node_tooltip(label, data, degree.get(node, 0.0), W.degree(node)),
        }
        if node in positions:
            item["x"], item["y"] = positions[node]
        if node == center:
            item["borderWidth"] = 4
        if grouped:
            item["group_id"] = f"group:{group_of[node]}"
        nodes.append(item)
    for e in events:
        e["actors"] = [str(a) for a in e["actors"]]
        e["source"], e["target"] = str(e["source"]), str(e["target"])
    edges = _aggregate_edges(scope, events, event_index, event_of)
    days = [e["date"] for e in events if e["date"]]
    periods = sorted({p for p in (_period(d, per_period) for d in days) if p})
    options: dict[str, Any] = {
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": not physics},
        "edges": {"smooth": physics, "font": {"size": 11, "color": "#d62728", "strokeWidth": 3}},
        "nodes": {"font": {"size": 14}, "scaling": {"label": {"drawThreshold": 8, "maxVisible": 28}}},
        "layout": {"improvedLayout": False, "randomSeed": seed},
        "physics": {"enabled": physics, "stabilization": {"enabled": physics, "iterations": 120, "updateInterval": 50},
                    "barnesHut": {"gravitationalConstant": -6000, "springLength": 120}},
    }
    return View(
        nodes=nodes, edges=edges, options=options, physics=physics, periods=periods,
        granularity=per_period, total_nodes=len(scope), total_edges=len(events),
        omitted=[], types=sorted({str(n.get("actor_type")) for n in nodes}),
        relations=sorted({str(e.get("relation")) for e in edges}),
        statuses=sorted({str(e.get("status")) for e in edges}),
        center=str(G.nodes[center].get("label", center)) if center is not None else None,
        events=events, groups=groups, months=month_range(days, per_period), labelled=len(nodes) if len(nodes) <= LABEL_ALL else LABELLED,
    )
