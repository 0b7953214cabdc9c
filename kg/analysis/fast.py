"""numpy versions of centralities that are slow in pure-Python networkx (scipy is not a dependency).

Both work on an undirected simple graph and return what networkx returns
(``betweenness_centrality(normalized=True)``, ``eigenvector_centrality``).

>>> import networkx as nx
>>> G = nx.karate_club_graph()
>>> ours, ref = betweenness(G), nx.betweenness_centrality(G)
>>> all(abs(ours[n] - ref[n]) < 1e-9 for n in G)
True
>>> ours, ref = eigenvector(G, weight=None), nx.eigenvector_centrality(G, tol=1e-9)
>>> all(abs(ours[n] - ref[n]) < 1e-5 for n in G)
True
"""

from __future__ import annotations

import random
from typing import Any

import networkx as nx


def _csr(G: nx.Graph, weight: str | None = None) -> tuple[list[Any], Any, Any, Any]:
    """(nodes, indptr, indices, weights) of the symmetric adjacency."""
    import numpy as np

    nodes = list(G)
    index = {node: i for i, node in enumerate(nodes)}
    src: list[int] = []
    dst: list[int] = []
    w: list[float] = []
    for u, v, d in G.edges(data=True):
        if u == v:
            continue
        value = float(d.get(weight, 1.0)) if weight else 1.0
        i, j = index[u], index[v]
        src += (i, j)
        dst += (j, i)
        w += (value, value)
    src_a, dst_a, w_a = np.array(src, dtype=np.int64), np.array(dst, dtype=np.int64), np.array(w)
    order = np.argsort(src_a, kind="stable")
    indptr = np.zeros(len(nodes) + 1, dtype=np.int64)
    np.cumsum(np.bincount(src_a, minlength=len(nodes)), out=indptr[1:])
    return nodes, indptr, dst_a[order], w_a[order]


def _gather(frontier: Any, indptr: Any) -> tuple[Any, Any]:
    """(edge positions, their source nodes) of every edge leaving ``frontier``."""
    import numpy as np

    starts, counts = indptr[frontier], indptr[frontier + 1] - indptr[frontier]
    total = int(counts.sum())
    offsets = np.repeat(starts - np.cumsum(counts) + counts, counts)
    return np.arange(total) + offsets, np.repeat(frontier, counts)


def betweenness(G: nx.Graph, *, k: int | None = None, seed: int | None = 0) -> dict[Any, float]:
    """Normalised betweenness (Brandes, unweighted), level-synchronous BFS in numpy; ``k`` samples sources."""
    import numpy as np

    nodes, indptr, indices, _ = _csr(G)
    n = len(nodes)
    if n < 3:
        return {node: 0.0 for node in nodes}
    sources = range(n) if k is None or k >= n else random.Random(seed).sample(range(n), k)
    total = np.zeros(n)
    for s in sources:
        dist = np.full(n, -1, dtype=np.int64)
        sigma = np.zeros(n)
        dist[s], sigma[s] = 0, 1.0
        frontier = np.array([s], dtype=np.int64)
        levels = []
        depth = 0
        while frontier.size:
            positions, origin = _gather(frontier, indptr)
            target = indices[positions]
            unseen = target[dist[target] == -1]
            if unseen.size:
                dist[unseen] = depth + 1
            down = dist[target] == depth + 1
            origin, target = origin[down], target[down]
            sigma += np.bincount(target, weights=sigma[origin], minlength=n)
            levels.append((origin, target))
            frontier = np.unique(target)
            depth += 1
        delta = np.zeros(n)
        for origin, target in reversed(levels):
            delta += np.bincount(origin, weights=sigma[origin] / sigma[target] * (1.0 + delta[target]), minlength=n)
        delta[s] = 0.0
        total += delta
    scale = 1.0 / ((n - 1) * (n - 2))
    if k is not None and k < n:
        scale *= n / k
    return {node: float(total[i] * scale) for i, node in enumerate(nodes)}


def eigenvector(G: nx.Graph, *, weight: str | None = "weight", max_iter: int = 500, tol: float = 1.0e-6) -> dict[Any, float]:
    """Eigenvector centrality by shifted power iteration, as networkx computes it."""
    import numpy as np

    nodes, indptr, indices, weights = _csr(G, weight)
    n = len(nodes)
    if n == 0:
        return {}
    origin = np.repeat(np.arange(n), np.diff(indptr))
    x = np.full(n, 1.0 / n)
    for _ in range(max_iter):
        last = x
        x = last + np.bincount(indices, weights=last[origin] * weights, minlength=n)
        norm = np.linalg.norm(x) or 1.0
        x = x / norm
        if np.abs(x - last).sum() < n * tol:
            break
    return {node: float(x[i]) for i, node in enumerate(nodes)}
