"""Shortest paths with their evidence, and change between two periods.

>>> M = nx.MultiDiGraph()
>>> for n in "abc":
...     M.add_node(n, label=n.upper())
>>> _ = M.add_edge("a", "b", relation="meets", status="held", assertion="1", quote="A met B", source="https://x.org", confidence=0.9)
>>> _ = M.add_edge("c", "b", relation="sanctions", status="held", assertion="2", quote="C sanctions B", source="https://y.org", confidence=1.0)
>>> [(h["from"], h["to"], h["relation"], h["assertion"]) for h in evidence_path(M, "A", "C")]
[('A', 'B', 'meets', '1'), ('B', 'C', 'sanctions', '2')]
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from kg.analysis.metrics import centrality
from kg.analysis.projection import INTERACTION_STATUSES, find_node, weighted_graph

_EVIDENCE = ("relation", "status", "date", "assertion", "quote", "source", "title", "grade", "confidence")


def _label(G: nx.Graph, node: Any) -> str:
    return str(G.nodes[node].get("label", node))


def _best_evidence(G: nx.Graph, u: Any, v: Any) -> dict[str, Any]:
    """The strongest edge between ``u`` and ``v`` in either direction (held first, then confidence)."""
    candidates: list[tuple[Any, Any, dict[str, Any]]] = []
    for a, b in ((u, v), (v, u)):
        if G.has_edge(a, b):
            data = G.get_edge_data(a, b)
            edges = data.values() if G.is_multigraph() else [data]
            candidates += [(a, b, d) for d in edges if d.get("status", "held") in INTERACTION_STATUSES]
    a, b, best = max(candidates, key=lambda c: (c[2].get("status", "held") == "held", c[2].get("confidence") or 0.0))
    return {"from_node": a, "to_node": b, **{k: best.get(k) for k in _EVIDENCE}}


def evidence_path(G: nx.Graph, source: Any, target: Any) -> list[dict[str, Any]]:
    """The shortest chain of ties from ``source`` to ``target``, one dict of evidence per hop.

    Each hop has ``from``/``to`` (labels, in path order), the relation as
    asserted (``direction`` is ``"->"`` or ``"<-"`` relative to the path) and
    the assertion, quote and source backing it.  Raises ``nx.NetworkXNoPath``.
    """
    start, end = find_node(G, source), find_node(G, target)
    W = weighted_graph(G)
    nodes = nx.shortest_path(W, start, end)
    hops = []
    for u, v in zip(nodes, nodes[1:]):
        evidence = _best_evidence(G, u, v)
        forward = evidence.pop("from_node") == u
        evidence.pop("to_node")
        hops.append({"from": _label(G, u), "to": _label(G, v), "direction": "->" if forward else "<-", **evidence})
    return hops


def _ties(W: nx.Graph) -> dict[tuple[Any, Any], dict[str, Any]]:
    return {(u, v): d for u, v, d in W.edges(data=True)}


def _interaction(G: nx.Graph, W: nx.Graph) -> nx.Graph:
    """What ``interaction_graph(G)`` returns, reusing ``W = weighted_graph(G)`` when that is it."""
    return W if G.is_directed() or G.is_multigraph() else G


def change(before: nx.Graph, after: nx.Graph, *, top: int = 10, seed: int = 0) -> dict[str, list[dict[str, Any]]]:
    """New and lost ties, and actors rising in centrality, from ``before`` to ``after``.

    Ties are unordered actor pairs with their relations.  ``rising`` and
    ``falling`` are classified by the sign of the change of degree centrality
    (of betweenness when degree is unchanged), so a rising actor never has a
    negative ``delta``; each is ranked by the size of its change.

    >>> b = nx.MultiDiGraph([("a", "b")]); a = nx.MultiDiGraph([("a", "c"), ("c", "d")])
    >>> res = change(b, a)
    >>> [(t["a"], t["b"]) for t in res["new_ties"]], [(t["a"], t["b"]) for t in res["lost_ties"]]
    ([('a', 'c'), ('c', 'd')], [('a', 'b')])
    >>> res["rising"][0]["actor"], [r["actor"] for r in res["falling"]]
    ('c', ['b', 'a'])
    """
    # One weighted graph per period, for the ties and (when it is the interaction graph) for centrality.
    w_before, w_after = weighted_graph(before), weighted_graph(after)
    old, new = _ties(w_before), _ties(w_after)
    norm = lambda pairs: {tuple(sorted((u, v), key=str)): d for (u, v), d in pairs.items()}  # noqa: E731
    old_n, new_n = norm(old), norm(new)

    def describe(graph: nx.Graph, pair: tuple[Any, Any], data: dict[str, Any]) -> dict[str, Any]:
        return {"a": _label(graph, pair[0]), "b": _label(graph, pair[1]),
                "relations": ",".join(sorted(data.get("relations", {}))), "weight": data.get("weight", 1)}

    gained = [describe(after, p, d) for p, d in sorted(new_n.items(), key=lambda i: str(i[0])) if p not in old_n]
    lost = [describe(before, p, d) for p, d in sorted(old_n.items(), key=lambda i: str(i[0])) if p not in new_n]
    measures = ("degree", "betweenness")
    c_old = centrality(_interaction(before, w_before), measures=measures, seed=seed)
    c_new = centrality(_interaction(after, w_after), measures=measures, seed=seed)
    rising: list[dict[str, Any]] = []
    falling: list[dict[str, Any]] = []
    zero = {"degree": 0.0, "betweenness": 0.0}
    for node in list(c_new) + [n for n in c_old if n not in c_new]:
        prev, values = c_old.get(node, zero), c_new.get(node, zero)
        delta = values["degree"] - prev["degree"]
        delta_b = values["betweenness"] - prev["betweenness"]
        sign = delta if abs(delta) > 1e-12 else delta_b  # degree decides; betweenness breaks a tie
        if abs(sign) <= 1e-12:
            continue
        row = {"actor": _label(after if node in c_new else before, node), "degree_before": round(prev["degree"], 4),
               "degree_after": round(values["degree"], 4), "delta": round(delta, 4),
               "betweenness_delta": round(delta_b, 4)}
        (rising if sign > 0 else falling).append(row)
    rising.sort(key=lambda r: (-r["delta"], -r["betweenness_delta"], r["actor"]))
    falling.sort(key=lambda r: (r["delta"], r["betweenness_delta"], r["actor"]))
    return {"new_ties": gained, "lost_ties": lost, "rising": rising[:top], "falling": falling[:top]}
