"""A force-directed layout in numpy, for pages too big for in-browser physics.

networkx's ``spring_layout`` needs scipy above 500 nodes; this is the same
Fruchterman-Reingold scheme on a dense float32 matrix, which handles a few
thousand nodes in seconds.  Positions are scaled to pixels for vis-network.

>>> import networkx as nx
>>> pos = spring_positions(nx.path_graph(4), seed=1)
>>> sorted(pos), all(isinstance(x, float) for xy in pos.values() for x in xy)
([0, 1, 2, 3], True)
"""

from __future__ import annotations

import math
from typing import Any

import networkx as nx


def spring_positions(G: nx.Graph, *, seed: int = 0, iterations: int | None = None,
                     scale: float | None = None) -> dict[Any, tuple[float, float]]:
    """Node -> (x, y) in pixels (centred on 0), Fruchterman-Reingold with cooling."""
    import numpy as np

    nodes = list(G)
    n = len(nodes)
    if n == 0:
        return {}
    scale = scale if scale is not None else 60.0 * math.sqrt(n)
    if n == 1:
        return {nodes[0]: (0.0, 0.0)}
    index = {node: i for i, node in enumerate(nodes)}
    adjacency = np.zeros((n, n), dtype=np.float32)
    for u, v in G.edges():
        if u != v:
            adjacency[index[u], index[v]] = adjacency[index[v], index[u]] = 1.0
    rng = np.random.default_rng(seed)
    pos = rng.random((n, 2), dtype=np.float32)
    k = 1.0 / math.sqrt(n)
    steps = iterations if iterations is not None else (50 if n <= 500 else 30 if n <= 1000 else 20)
    temperature = 0.1
    cooling = temperature / (steps + 1)
    x, y = pos[:, 0].copy(), pos[:, 1].copy()
    for _ in range(steps):
        dx = x[:, None] - x[None, :]
        dy = y[:, None] - y[None, :]
        distance2 = dx * dx + dy * dy
        np.clip(distance2, 1e-4, None, out=distance2)
        # repulsion k^2/d and attraction d^2/k, both along the unit vector (dx, dy)/d
        force = (k * k) / distance2 - adjacency * np.sqrt(distance2) / k
        move_x = (dx * force).sum(axis=1)
        move_y = (dy * force).sum(axis=1)
        length = np.sqrt(move_x * move_x + move_y * move_y)
        np.clip(length, 0.01, None, out=length)
        x += move_x * (temperature / length)
        y += move_y * (temperature / length)
        temperature -= cooling
    pos = np.stack([x, y], axis=1)
    pos -= pos.mean(axis=0)
    extent = float(np.abs(pos).max()) or 1.0
    pos *= scale / extent
    return {node: (float(pos[i, 0]), float(pos[i, 1])) for node, i in index.items()}
