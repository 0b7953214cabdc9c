"""Synthetic actor networks shaped like :func:`~kg.analysis.projection.project` output, for benchmarks and tests.

>>> G = synthetic_network(50, 200, seed=1)
>>> G.number_of_nodes(), G.number_of_edges() >= 200
(50, True)
>>> {d["status"] for *_, d in G.edges(data=True)} <= {"held", "planned", "refused"}
True
"""

from __future__ import annotations

import random

import networkx as nx

from kg.model.relation_types import projections

_TYPES = ("Person", "Person", "Person", "Country", "Organization", "Group")
_STATUSES = ("held",) * 7 + ("planned", "planned", "refused")


def synthetic_network(n_actors: int, n_edges: int, *, seed: int = 0, communities: int = 8) -> nx.MultiDiGraph:
    """``n_actors`` actors in ``communities`` clusters and about ``n_edges`` sourced edges (mostly within clusters)."""
    rng = random.Random(seed)
    relations = {name: p.symmetric for name, p in projections().items()}
    names = list(relations)
    G = nx.MultiDiGraph()
    for i in range(n_actors):
        G.add_node(f"actor:{i}", label=f"Actor {i}", type=_TYPES[i % len(_TYPES)])
    size = max(1, n_actors // communities)
    made = 0
    while made < n_edges:
        u = rng.randrange(n_actors)
        if rng.random() < 0.85:
            base = (u // size) * size
            v = min(n_actors - 1, base + rng.randrange(size))
        else:
            v = rng.randrange(n_actors)
        if u == v:
            continue
        relation = rng.choice(names)
        aid = f"{made:08x}"
        data = {
            "relation": relation, "status": rng.choice(_STATUSES),
            "date": f"{rng.choice((2023, 2024, 2025))}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            "confidence": round(rng.uniform(0.3, 1.0), 2), "grade": f"{rng.choice('ABCDEF')}{rng.randint(1, 6)}",
            "quote": f"Actor {u} {relation} Actor {v}.", "source": f"https://example.org/{aid}",
            "assertion": aid, "assertions": [aid], "review": "accepted", "disputed": False,
            "symmetric": relations[relation],
        }
        G.add_edge(f"actor:{u}", f"actor:{v}", key=f"{aid}:{relation}", **data)
        if relations[relation]:
            G.add_edge(f"actor:{v}", f"actor:{u}", key=f"{aid}:{relation}", **data)
        made += 1
    return G
