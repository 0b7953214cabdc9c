"""Centrality, brokers and communities, networkx-style: ``G`` first, keyword options, dict results.

Every function accepts the projection (a ``MultiDiGraph``) or any graph; it
works on the undirected interaction graph (:func:`~kg.analysis.projection.weighted_graph`),
because a diplomatic tie matters in both directions.

>>> G = nx.barbell_graph(4, 1)
>>> c = centrality(G)
>>> max(c, key=lambda n: c[n]["betweenness"])
4
>>> sorted(brokers(G))[:3]
[3, 4, 5]
>>> len(set(communities(G).values()))
2
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from kg.analysis import fast
from kg.analysis.projection import weighted_graph

#: Above this many nodes, betweenness is estimated from a sample of ``k`` sources.
EXACT_BETWEENNESS_LIMIT = 300
#: Sampling budget: about this many edge visits in total (k * edges), at least 16 sources.
BETWEENNESS_BUDGET = 1_000_000
MEASURES = ("degree", "betweenness", "eigenvector", "pagerank")


def interaction_graph(G: nx.Graph, *, weight_by: str = "assertions") -> nx.Graph:
    """``G`` as an undirected simple graph with ``weight`` (returned as is when it already is one).

    ``weight_by`` (``assertions``, ``events`` or ``sources``): see
    :func:`~kg.analysis.projection.weighted_graph`.

    >>> interaction_graph(nx.path_graph(3)).number_of_edges()
    2
    """
    if G.is_directed() or G.is_multigraph():
        return weighted_graph(G, weight_by=weight_by)
    return G


def betweenness_k(G: nx.Graph) -> int | None:
    """The sample size used for betweenness on ``G`` (``None``: exact).

    >>> betweenness_k(nx.path_graph(10)) is None
    True
    """
    n, m = G.number_of_nodes(), G.number_of_edges()
    if n <= EXACT_BETWEENNESS_LIMIT:
        return None
    return max(16, min(n, BETWEENNESS_BUDGET // max(m, 1)))


def pagerank(G: nx.Graph, *, alpha: float = 0.85, max_iter: int = 100, tol: float = 1.0e-8,
             weight: str | None = "weight") -> dict[Any, float]:
    """PageRank by power iteration in numpy (networkx's own needs scipy).

    >>> pr = pagerank(nx.star_graph(3))
    >>> max(pr, key=pr.get), round(sum(pr.values()), 6)
    (0, 1.0)
    """
    import numpy as np

    if len(G) == 0:
        return {}
    if not G.is_directed() and not G.is_multigraph() and nx.number_of_selfloops(G) == 0:
        return _pagerank_csr(fast._csr(G, weight), alpha=alpha, max_iter=max_iter, tol=tol)
    nodes = list(G)
    index = {node: i for i, node in enumerate(nodes)}
    src, dst, w = [], [], []
    for u, v, d in G.edges(data=True):
        pairs = [(u, v)] if G.is_directed() else [(u, v), (v, u)]
        for a, b in pairs:
            value = float(d.get(weight, 1.0)) if weight else 1.0
            src.append(index[a])
            dst.append(index[b])
            w.append(value)
    return _pagerank_arrays(nodes, np.array(src, dtype=int), np.array(dst, dtype=int), np.array(w, dtype=float),
                            alpha=alpha, max_iter=max_iter, tol=tol)


def _pagerank_csr(csr: tuple, *, alpha: float = 0.85, max_iter: int = 100, tol: float = 1.0e-8) -> dict[Any, float]:
    """PageRank of an undirected simple graph from its ``fast._csr`` arrays (both directions of every edge)."""
    import numpy as np

    nodes, indptr, indices, weights = csr
    src = np.repeat(np.arange(len(nodes)), np.diff(indptr))
    return _pagerank_arrays(nodes, src, indices, weights, alpha=alpha, max_iter=max_iter, tol=tol)


def _pagerank_arrays(nodes: list[Any], src: Any, dst: Any, w: Any, *, alpha: float, max_iter: int,
                     tol: float) -> dict[Any, float]:
    """Power iteration over directed weighted links ``src -> dst``."""
    import numpy as np

    n = len(nodes)
    if n == 0:
        return {}
    out_weight = np.bincount(src, weights=w, minlength=n) if len(src) else np.zeros(n)
    dangling = out_weight == 0
    share = np.divide(w, out_weight[src], out=np.zeros_like(w), where=out_weight[src] > 0)
    x = np.full(n, 1.0 / n)
    for _ in range(max_iter):
        spread = np.bincount(dst, weights=x[src] * share, minlength=n)
        new = alpha * (spread + x[dangling].sum() / n) + (1 - alpha) / n
        done = np.abs(new - x).sum() < n * tol
        x = new
        if done:
            break
    return dict(zip(nodes, x.tolist()))


def centrality(G: nx.Graph, *, measures: tuple[str, ...] = MEASURES, k: int | None = None,
               seed: int = 0, weight_by: str = "assertions") -> dict[Any, dict[str, float]]:
    """Node -> {measure: value} for degree, betweenness, eigenvector and pagerank.

    Betweenness is exact up to :data:`EXACT_BETWEENNESS_LIMIT` nodes, then
    estimated from ``k`` sampled sources (see :func:`betweenness_k`).  Betweenness
    and eigenvector centrality run in numpy (:mod:`kg.analysis.fast`) and equal
    networkx's ``betweenness_centrality`` and ``eigenvector_centrality``.

    >>> c = centrality(nx.star_graph(3), measures=("degree", "betweenness"))
    >>> c[0]
    {'degree': 1.0, 'betweenness': 1.0}
    """
    unknown = set(measures) - set(MEASURES)
    if unknown:
        raise ValueError(f"unknown measure {sorted(unknown)[0]!r}; expected one of {', '.join(MEASURES)}")
    W = interaction_graph(G, weight_by=weight_by)
    result: dict[Any, dict[str, float]] = {n: {} for n in W}
    values: dict[str, dict[Any, float]] = {}
    # One adjacency in numpy for betweenness, eigenvector and PageRank (each built its own before).
    csr = fast._csr(W, "weight") if {"betweenness", "eigenvector", "pagerank"} & set(measures) else None
    if "degree" in measures:
        values["degree"] = nx.degree_centrality(W) if len(W) > 1 else {n: 0.0 for n in W}
    if "betweenness" in measures:
        values["betweenness"] = fast.betweenness(W, k=k if k is not None else betweenness_k(W), seed=seed, csr=csr)
    if "eigenvector" in measures:
        values["eigenvector"] = fast.eigenvector(W, weight="weight", csr=csr)
    if "pagerank" in measures:
        values["pagerank"] = _pagerank_csr(csr) if csr is not None and nx.number_of_selfloops(W) == 0 else pagerank(W)
    for measure in measures:
        for node, value in values[measure].items():
            result[node][measure] = float(value)
    return result


def communities(G: nx.Graph, *, seed: int = 0, resolution: float = 1.0, weight_by: str = "assertions") -> dict[Any, int]:
    """Node -> community number (Louvain on ``weight``; 0 is the largest community).

    ``weight_by`` decides what a tie's weight counts (reports, events or
    independent sources; see :func:`~kg.analysis.projection.weighted_graph`).

    >>> parts = communities(nx.barbell_graph(5, 0))
    >>> parts[0] == parts[4], parts[0] == parts[9]
    (True, False)
    """
    W = interaction_graph(G, weight_by=weight_by)
    if W.number_of_edges() == 0:
        return {n: i for i, n in enumerate(W)}
    # fast.louvain: networkx's Louvain step for step (same seed, same communities) on plain lists.
    found = fast.louvain(W, weight="weight", seed=seed, resolution=resolution)
    ordered = sorted((list(c) for c in found), key=lambda c: (-len(c), min(str(n) for n in c)))
    return {node: i for i, members in enumerate(ordered) for node in members}


def brokers(G: nx.Graph, *, top: int | None = 10, seed: int = 0) -> dict[Any, dict[str, Any]]:
    """Actors who connect otherwise separate parts of the network, most central first.

    A broker is an articulation point (removing it disconnects the network) or
    an actor whose neighbours fall into two or more communities.  Values:
    ``betweenness``, ``articulation`` (bool), ``communities`` (number bridged),
    ``community`` (its own).

    >>> b = brokers(nx.path_graph(4))
    >>> list(b), b[1]["articulation"]
    ([1, 2], True)
    """
    W = interaction_graph(G)
    parts = communities(W, seed=seed)
    between = centrality(W, measures=("betweenness",), seed=seed)
    cut = set(nx.articulation_points(W))
    found: dict[Any, dict[str, Any]] = {}
    for node in W:
        bridged = {parts[m] for m in W[node]} | {parts[node]}
        if node in cut or len(bridged) > 1:
            found[node] = {
                "betweenness": between[node]["betweenness"],
                "articulation": node in cut,
                "communities": len(bridged),
                "community": parts[node],
            }
    ranked = sorted(found, key=lambda n: (-found[n]["betweenness"], -found[n]["communities"], str(n)))
    return {n: found[n] for n in (ranked if top is None else ranked[:top])}
