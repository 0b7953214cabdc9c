"""Faster versions of networkx algorithms that are slow in pure Python (scipy is not a dependency).

``betweenness`` and ``eigenvector`` run in numpy on an undirected simple graph
and return what networkx returns (``betweenness_centrality(normalized=True)``,
``eigenvector_centrality``).  ``louvain`` is ``nx.community.louvain_communities``
on plain lists: the same communities for the same seed, in a fraction of the time.

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
    """(nodes, indptr, indices, weights) of the symmetric adjacency, without self-loops.

    An undirected simple graph is read row by row from its adjacency (each row in
    the graph's own neighbour order); other graphs from their edge list.
    """
    import numpy as np

    nodes = list(G)
    index = {node: i for i, node in enumerate(nodes)}
    n = len(nodes)
    if not G.is_directed() and not G.is_multigraph():
        rows = [row for _, row in G.adjacency()]  # plain dicts, faster than G.adj's views
        counts = np.array([len(row) for row in rows], dtype=np.int64)
        indices = np.array([index[v] for row in rows for v in row], dtype=np.int64)
        if weight:
            weights = np.array([d.get(weight, 1.0) for row in rows for d in row.values()], dtype=float)
        else:
            weights = np.ones(len(indices))
        if nx.number_of_selfloops(G):
            origin = np.repeat(np.arange(n), counts)
            keep = indices != origin
            indices, weights = indices[keep], weights[keep]
            counts = np.bincount(origin[keep], minlength=n)
        indptr = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(counts, out=indptr[1:])
        return nodes, indptr, indices, weights
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
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(src_a, minlength=n), out=indptr[1:])
    return nodes, indptr, dst_a[order], w_a[order]


def _gather(frontier: Any, indptr: Any) -> tuple[Any, Any]:
    """(edge positions, their source nodes) of every edge leaving ``frontier``."""
    import numpy as np

    starts, counts = indptr[frontier], indptr[frontier + 1] - indptr[frontier]
    total = int(counts.sum())
    offsets = np.repeat(starts - np.cumsum(counts) + counts, counts)
    return np.arange(total) + offsets, np.repeat(frontier, counts)


def betweenness(G: nx.Graph, *, k: int | None = None, seed: int | None = 0,
                csr: tuple | None = None) -> dict[Any, float]:
    """Normalised betweenness (Brandes, unweighted), level-synchronous BFS in numpy; ``k`` samples sources.

    ``csr``: ``_csr(G)`` when the caller already has it (weights are ignored).
    """
    import numpy as np

    nodes, indptr, indices, _ = csr if csr is not None else _csr(G)
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


def eigenvector(G: nx.Graph, *, weight: str | None = "weight", max_iter: int = 500, tol: float = 1.0e-6,
                csr: tuple | None = None) -> dict[Any, float]:
    """Eigenvector centrality by shifted power iteration, as networkx computes it (``csr``: ``_csr(G, weight)``)."""
    import numpy as np

    nodes, indptr, indices, weights = csr if csr is not None else _csr(G, weight)
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


def _integral(w: Any) -> bool:
    """True for an int or an integer-valued float: sums of such weights are exact in any order."""
    return type(w) is int or type(w) is bool or (type(w) is float and w.is_integer())


def _one_level(nbrs: list[list[tuple[int, Any]]], degrees: list[Any], m: float, resolution: float,
               rng: random.Random, positive: bool) -> tuple[list[int], bool]:
    """One local-moving phase with the moves of networkx's ``louvain._one_level`` (undirected).

    Same node order (``rng.shuffle``), same floating-point gain expression and
    the same strict ``>`` tie-break in the same candidate order, so the same
    moves.  networkx sums each node's weight to every neighbouring community at
    every visit; with ``positive`` (all weights integral and > 0) those sums
    are kept up to date as nodes move instead (exact: integer sums), and the
    candidate order (first appearance among the neighbours, then the node's own
    community) is only needed when two candidates tie for the best gain.
    """
    n = len(nbrs)
    node2com = list(range(n))
    stot = list(degrees)
    rand_nodes = list(range(n))
    rng.shuffle(rand_nodes)
    m2 = 2 * m**2
    links = [{v: wt for v, wt in row} for row in nbrs] if positive else None
    nb_moves = 1
    improvement = False
    while nb_moves > 0:
        nb_moves = 0
        for u in rand_nodes:
            best_mod = 0
            best_com = own = node2com[u]
            degree = degrees[u]
            stot[own] -= degree
            if links is None:  # networkx's way: sum the weights per neighbouring community now
                weights2com: dict[int, Any] = {}
                get = weights2com.get
                for v, wt in nbrs[u]:
                    c = node2com[v]
                    weights2com[c] = get(c, 0.0) + wt
                if own not in weights2com:  # networkx's defaultdict adds the own community (weight 0) last
                    weights2com[own] = 0.0
                remove_cost = -weights2com[own] / m + resolution * (stot[own] * degree) / m2
                for nbr_com, wt in weights2com.items():
                    gain = remove_cost + wt / m - resolution * (stot[nbr_com] * degree) / m2
                    if gain > best_mod:
                        best_mod = gain
                        best_com = nbr_com
            else:
                weights2com = links[u]
                # An own community without links has gain exactly 0.0 ((0.0 + x) + 0.0 - x) and never wins.
                remove_cost = -weights2com.get(own, 0.0) / m + resolution * (stot[own] * degree) / m2
                tie = False
                for nbr_com, wt in weights2com.items():
                    gain = remove_cost + wt / m - resolution * (stot[nbr_com] * degree) / m2
                    if gain > best_mod:
                        best_mod = gain
                        best_com = nbr_com
                        tie = False
                    elif gain == best_mod:
                        tie = True
                if tie and best_mod > 0:  # networkx takes the first best in neighbour order
                    tied = {c for c, wt in weights2com.items()
                            if remove_cost + wt / m - resolution * (stot[c] * degree) / m2 == best_mod}
                    for v, _ in nbrs[u]:
                        if node2com[v] in tied:
                            best_com = node2com[v]
                            break
            stot[best_com] += degree
            if best_com != own:
                improvement = True
                nb_moves += 1
                node2com[u] = best_com
                if links is not None:
                    for v, wt in nbrs[u]:
                        row = links[v]
                        left = row[own] - wt
                        if left:
                            row[own] = left
                        else:
                            del row[own]
                        row[best_com] = row.get(best_com, 0) + wt
    return node2com, improvement


def _modularity(adj: list[dict[int, Any]], degrees: list[Any], assign: list[int], k: int, resolution: float) -> float:
    """networkx's ``modularity`` of the partition ``assign`` (node -> 0..k-1) of an undirected graph."""
    deg_sum = sum(degrees)
    m = deg_sum / 2
    norm = 1 / deg_sum**2
    inner = [0] * k
    total = [0] * k
    for u, row in enumerate(adj):
        c = assign[u]
        total[c] += degrees[u]
        inner[c] += sum([w for v, w in row.items() if v >= u and assign[v] == c])
    return sum([inner[c] / m - resolution * total[c] * total[c] * norm for c in range(k)])


def _degrees(adj: list[dict[int, Any]]) -> list[Any]:
    """Weighted degrees as networkx's ``G.degree(weight=...)``: a self-loop counts twice."""
    return [sum(row.values()) + (row[u] if u in row else False) for u, row in enumerate(adj)]


def louvain(G: nx.Graph, *, weight: str | None = "weight", resolution: float = 1, threshold: float = 0.0000001,
            seed: Any = None) -> list[set[Any]]:
    """``nx.community.louvain_communities(G, ...)`` for an undirected simple graph, about 3x faster.

    The same algorithm on plain lists instead of networkx graphs rebuilt at every
    level: same shuffles from the same seed, same visiting and neighbour order,
    same floating-point expressions, so the same communities in the same order.
    Graphs that are directed, multigraphs or have non-integer weights (whose sums
    could round differently) go to networkx itself.

    >>> G = nx.karate_club_graph()
    >>> louvain(G, seed=1) == nx.community.louvain_communities(G, seed=1)
    True
    """
    if G.is_directed() or G.is_multigraph():
        return nx.community.louvain_communities(G, weight=weight, resolution=resolution, threshold=threshold, seed=seed)
    nodes = list(G)
    if nx.is_empty(G):
        return [{u} for u in nodes]
    index = {u: i for i, u in enumerate(nodes)}
    # networkx's working copy: add_weighted_edges_from(G.edges(data=weight, default=1)) -> adjacency order.
    # G.edges yields each edge at its first endpoint in node order: read the adjacency the same way.
    adj: list[dict[int, Any]] = [{} for _ in nodes]
    positive = True
    for i, (_, row) in enumerate(G.adjacency()):  # adjacency(): plain dicts, faster than G.adj's views
        own_row = adj[i]
        for v, d in row.items():
            j = index[v]
            if j < i:
                continue
            w = d.get(weight, 1)
            if type(w) is not int and not _integral(w):
                return nx.community.louvain_communities(G, weight=weight, resolution=resolution,
                                                        threshold=threshold, seed=seed)
            if w <= 0:
                positive = False
            own_row[j] = w
            adj[j][i] = w
    degrees = _degrees(adj)
    m = sum(degrees) / 2
    if m <= 0:
        return nx.community.louvain_communities(G, weight=weight, resolution=resolution, threshold=threshold, seed=seed)
    rng = nx.utils.create_py_random_state(seed)
    n = len(nodes)
    mod = _modularity(adj, degrees, list(range(n)), n, resolution)
    member = list(range(n))  # original node -> node of the current level
    nbrs = [[(v, w) for v, w in row.items() if v != u] for u, row in enumerate(adj)]
    node2com, improvement = _one_level(nbrs, degrees, m, resolution, rng, positive)
    improvement = True
    while improvement:
        used = sorted(set(node2com))
        renumber = {c: i for i, c in enumerate(used)}
        assign = [renumber[c] for c in node2com]
        k = len(used)
        member = [assign[x] for x in member]
        new_mod = _modularity(adj, degrees, assign, k, resolution)
        if new_mod - mod <= threshold:
            break
        mod = new_mod
        # networkx's _gen_graph: one node per community, edges summed in the old graph's edge order
        merged: list[dict[int, Any]] = [{} for _ in range(k)]
        for u, row in enumerate(adj):
            cu = assign[u]
            for v, w in row.items():
                if v < u:
                    continue
                cv = assign[v]
                target = merged[cu]
                value = w + target[cv] if cv in target else w + 0
                target[cv] = value
                merged[cv][cu] = value
        adj = merged
        degrees = _degrees(adj)
        nbrs = [[(v, w) for v, w in row.items() if v != u] for u, row in enumerate(adj)]
        node2com, improvement = _one_level(nbrs, degrees, m, resolution, rng, positive)
    found: list[set[Any]] = [set() for _ in range(max(member) + 1)]
    for i, c in enumerate(member):
        found[c].add(nodes[i])
    return found
