"""Analysis results as rows (lists of flat dicts) for the CLI's table, JSON and CSV output.

>>> import networkx as nx
>>> M = nx.MultiDiGraph()
>>> for n in "abc":
...     M.add_node(n, label=n.upper(), type="Person")
>>> _ = M.add_edge("a", "b", relation="meets", status="held", assertion="1")
>>> _ = M.add_edge("b", "c", relation="meets", status="held", assertion="2")
>>> centrality_rows(M, by="betweenness")[0]["actor"]
'B'
>>> period_bounds("2025-03")
('2025-03-01', '2025-03-31')
"""

from __future__ import annotations

import calendar
from typing import Any

import networkx as nx

from kg.analysis.metrics import MEASURES, brokers, centrality, communities, interaction_graph
from kg.analysis.paths import change, evidence_path
from kg.analysis.projection import ego_network, find_node


def _label(G: nx.Graph, node: Any) -> str:
    return str(G.nodes[node].get("label", node))


def period_bounds(text: str, *, end: bool | None = None) -> tuple[str, str]:
    """(first day, last day) of an ISO year, month or day; ``"A:B"`` spans A's start to B's end.

    >>> period_bounds("2024"), period_bounds("2024-01-15:2024-02")
    (('2024-01-01', '2024-12-31'), ('2024-01-15', '2024-02-29'))
    """
    if ":" in text:
        left, _, right = text.partition(":")
        return period_bounds(left)[0] if left else "0000-01-01", period_bounds(right)[1] if right else "9999-12-31"
    text = text.strip()
    parts = text.split("-")
    try:
        if len(parts) == 1 and len(text) == 4:
            year = int(text)
            return f"{year:04d}-01-01", f"{year:04d}-12-31"
        if len(parts) == 2:
            year, month = int(parts[0]), int(parts[1])
            last = calendar.monthrange(year, month)[1]
            return f"{year:04d}-{month:02d}-01", f"{year:04d}-{month:02d}-{last:02d}"
        if len(parts) == 3:
            from datetime import date

            day = date.fromisoformat(text).isoformat()
            return day, day
    except ValueError:
        pass
    raise ValueError(f"period {text!r} is not an ISO year, month or date (YYYY, YYYY-MM, YYYY-MM-DD), or FROM:TO")


def centrality_rows(G: nx.Graph, *, by: str = "degree", top: int | None = 20, seed: int = 0,
                    weight_by: str = "assertions") -> list[dict[str, Any]]:
    """Actors with every centrality measure and community, sorted by ``by``.

    ``strength`` is the weighted degree: the sum of the actor's tie weights,
    counted by ``weight_by`` (assertions, events or independent sources).
    """
    if by not in MEASURES:
        raise ValueError(f"--by {by!r}: expected one of {', '.join(MEASURES)}")
    W = interaction_graph(G, weight_by=weight_by)
    values = centrality(W, seed=seed)
    parts = communities(W, seed=seed)
    rows = [{"actor": _label(G, n), "type": G.nodes[n].get("type"), "ties": W.degree(n),
             "strength": W.degree(n, weight="weight"),
             **{m: round(v, 4) for m, v in values[n].items()}, "community": parts.get(n)} for n in values]
    rows.sort(key=lambda r: (-r[by], r["actor"]))
    return rows[:top] if top else rows


def broker_rows(G: nx.Graph, *, top: int | None = 20, seed: int = 0) -> list[dict[str, Any]]:
    """Brokers (see :func:`kg.analysis.metrics.brokers`) as rows."""
    return [{"actor": _label(G, n), "type": G.nodes[n].get("type"), "betweenness": round(d["betweenness"], 4),
             "articulation": d["articulation"], "communities_bridged": d["communities"], "community": d["community"]}
            for n, d in brokers(G, top=top, seed=seed).items()]


def community_rows(G: nx.Graph, *, seed: int = 0, show: int = 8, weight_by: str = "assertions") -> list[dict[str, Any]]:
    """One row per community (Louvain on ties weighted by ``weight_by``): size and its best-connected members first."""
    W = interaction_graph(G, weight_by=weight_by)
    parts = communities(W, seed=seed)  # on W: the interaction graph is built once
    groups: dict[int, list[Any]] = {}
    for node, index in parts.items():
        groups.setdefault(index, []).append(node)
    rows = []
    for index in sorted(groups):
        members = sorted(groups[index], key=lambda n: (-W.degree(n), _label(G, n)))
        names = [_label(G, n) for n in members]
        rows.append({"community": index, "size": len(members),
                     "members": ", ".join(names[:show]) + (f" (+{len(names) - show})" if len(names) > show else ""),
                     "all_members": names})
    return rows


def path_rows(G: nx.Graph, source: str, target: str) -> list[dict[str, Any]]:
    """Hops of the shortest path with their evidence; a one-line error when there is none."""
    try:
        hops = evidence_path(G, source, target)
        for hop in hops:
            hop["source"] = hop.get("source") or hop.get("title")  # articles without a URL: their title
        return hops
    except nx.NetworkXNoPath:
        raise ValueError(f"no path between {source!r} and {target!r} in this network") from None


def ego_rows(G: nx.Graph, actor: str, *, depth: int = 1) -> list[dict[str, Any]]:
    """Actors within ``depth`` hops of ``actor``: distance, ties and relations to the neighbourhood."""
    center = find_node(G, actor)
    E = ego_network(G, center, depth)
    W = interaction_graph(E)
    distance = nx.single_source_shortest_path_length(W, center)
    rows = []
    for node in E:
        relations = sorted({str(d.get("relation")) for *_, d in E.edges(node, data=True)}
                           | {str(d.get("relation")) for *_, d in E.in_edges(node, data=True)}) if E.is_directed() else []
        rows.append({"actor": _label(E, node), "type": E.nodes[node].get("type"), "distance": distance.get(node),
                     "ties": W.degree(node), "relations": ",".join(relations)})
    rows.sort(key=lambda r: (r["distance"] if r["distance"] is not None else 99, -r["ties"], r["actor"]))
    return rows


def change_rows(before: nx.Graph, after: nx.Graph, *, top: int = 10, seed: int = 0) -> list[dict[str, Any]]:
    """:func:`kg.analysis.paths.change` flattened: one row per new tie, lost tie, rising and falling actor."""
    result = change(before, after, top=top, seed=seed)
    rows: list[dict[str, Any]] = []
    for kind in ("new_ties", "lost_ties"):
        rows += [{"kind": kind.replace("_", " "), "actor": t["a"], "other": t["b"], "relations": t["relations"],
                  "weight": t["weight"], "delta": None} for t in result[kind]]
    for kind in ("rising", "falling"):
        rows += [{"kind": kind, "actor": r["actor"], "other": None, "relations": None,
                  "weight": r["degree_after"], "delta": r["delta"]} for r in result[kind]]
    return rows
