"""kg.analysis.fast: the list-based Louvain gives networkx's communities; the shared adjacency changes no values."""

from __future__ import annotations

import random

import networkx as nx
import pytest

from kg.analysis import fast
from kg.analysis.metrics import _pagerank_csr, centrality, communities, interaction_graph, pagerank
from kg.analysis.projection import weighted_graph
from kg.analysis.synthetic import synthetic_network


def _weighted(G: nx.Graph, seed: int, choices: tuple = (1, 2, 3, 5, 8)) -> nx.Graph:
    rng = random.Random(seed)
    for u, v in G.edges:
        G[u][v]["weight"] = rng.choice(choices)
    return G


def _graphs() -> list[tuple[str, nx.Graph]]:
    self_loops = _weighted(nx.gnm_random_graph(120, 360, seed=4), 4)
    for u in range(0, 120, 7):
        self_loops.add_edge(u, u, weight=3)
    labels = {i: f"actor:{(i * 37) % 100}" for i in range(100)}
    labelled = nx.relabel_nodes(nx.gnm_random_graph(100, 300, seed=5), labels)
    return [
        ("karate", nx.karate_club_graph()),  # integer weights
        ("les miserables", nx.les_miserables_graph()),
        ("ring of cliques", nx.ring_of_cliques(6, 5)),  # many exact ties between candidate communities
        ("grid", nx.grid_2d_graph(8, 8)),
        ("cycle", nx.cycle_graph(30)),
        ("planted", nx.planted_partition_graph(5, 30, 0.3, 0.02, seed=1)),
        ("weighted", _weighted(nx.gnm_random_graph(200, 700, seed=2), 2)),
        ("self-loops", self_loops),
        ("string nodes", labelled),
        ("disconnected", nx.disjoint_union(nx.path_graph(6), nx.complete_graph(5))),
        ("synthetic", interaction_graph(synthetic_network(600, 4000, seed=3))),
        ("zero weights", _weighted(nx.gnm_random_graph(100, 300, seed=6), 6, (0, 1, 2))),  # per-visit sums
        ("integral floats", _weighted(nx.gnm_random_graph(100, 300, seed=7), 7, (1.0, 2.0, 4.0))),
        ("float weights", _weighted(nx.gnm_random_graph(100, 300, seed=8), 8, (0.5, 1.25, 2.0))),  # networkx itself
    ]


@pytest.mark.parametrize("name,G", _graphs(), ids=lambda x: x if isinstance(x, str) else "")
def test_louvain_equals_networkx(name, G):
    for seed in (0, 1, 42):
        for resolution in (1, 0.5, 2.0):
            ours = fast.louvain(G, seed=seed, resolution=resolution)
            theirs = nx.community.louvain_communities(G, seed=seed, resolution=resolution)
            assert ours == theirs, (name, seed, resolution)  # same sets, same order
    assert fast.louvain(G, weight=None, seed=3) == nx.community.louvain_communities(G, weight=None, seed=3)
    assert fast.louvain(G, seed=3, threshold=0.01) == nx.community.louvain_communities(G, seed=3, threshold=0.01)


def test_louvain_on_directed_and_empty_graphs():
    D = nx.gnm_random_graph(60, 200, seed=1, directed=True)
    assert fast.louvain(D, seed=2) == nx.community.louvain_communities(D, seed=2)
    assert fast.louvain(nx.empty_graph(3)) == [{0}, {1}, {2}]


def test_communities_keep_the_networkx_result_on_a_projection_shaped_network():
    W = interaction_graph(synthetic_network(2000, 20000, seed=11))
    parts = communities(W, seed=0)
    found = nx.community.louvain_communities(W, weight="weight", seed=0)
    ordered = sorted(found, key=lambda c: (-len(c), min(str(n) for n in c)))
    assert parts == {node: i for i, members in enumerate(ordered) for node in members}


def _csr_from_edges(G: nx.Graph, weight: str | None) -> dict[int, list[tuple[int, float]]]:
    index = {n: i for i, n in enumerate(G)}
    rows: dict[int, list[tuple[int, float]]] = {i: [] for i in index.values()}
    for u, v, d in G.edges(data=True):
        if u != v:
            w = float(d.get(weight, 1.0)) if weight else 1.0
            rows[index[u]].append((index[v], w))
            rows[index[v]].append((index[u], w))
    return {i: sorted(r) for i, r in rows.items()}


@pytest.mark.parametrize("weight", [None, "weight"])
def test_csr_from_the_adjacency_holds_every_edge_once_per_direction(weight):
    G = _weighted(nx.gnm_random_graph(80, 250, seed=9), 9)
    G.add_edge(3, 3, weight=7)  # self-loops are left out
    nodes, indptr, indices, weights = fast._csr(G, weight)
    assert nodes == list(G)
    got = {i: sorted(zip(indices[indptr[i]:indptr[i + 1]].tolist(), weights[indptr[i]:indptr[i + 1]].tolist()))
           for i in range(len(nodes))}
    assert got == _csr_from_edges(G, weight)


def test_centrality_with_one_shared_adjacency_matches_each_measure_alone():
    W = interaction_graph(synthetic_network(400, 3000, seed=12))
    together = centrality(W, k=40, seed=5)
    alone_pr = pagerank(W)
    alone_ev = fast.eigenvector(W, weight="weight")
    alone_bt = fast.betweenness(W, k=40, seed=5)
    for n in W:
        assert together[n]["pagerank"] == pytest.approx(alone_pr[n], rel=1e-12)
        assert together[n]["eigenvector"] == pytest.approx(alone_ev[n], rel=1e-12, abs=1e-15)
        assert together[n]["betweenness"] == pytest.approx(alone_bt[n], rel=1e-12, abs=1e-15)


def test_pagerank_paths_agree():
    """The CSR path (undirected simple graphs) and the edge-list path (everything else) give the same ranks."""
    G = _weighted(nx.gnm_random_graph(150, 500, seed=13), 13)
    by_csr = _pagerank_csr(fast._csr(G, "weight"))
    by_edges = pagerank(nx.MultiGraph(G))
    assert all(by_csr[n] == pytest.approx(by_edges[n], rel=1e-12) for n in G)


def _weighted_graph_reference(G: nx.Graph, statuses=frozenset({"held", "planned"})) -> nx.Graph:
    """weighted_graph as first written (one pass over G.edges), to pin down order and values."""
    pairs: dict = {}
    seen: set = set()
    for u, v, data in G.edges(data=True):
        if statuses is not None and data.get("status", "held") not in statuses:
            continue
        pair = (u, v) if str(u) <= str(v) else (v, u)
        rel = str(data.get("relation", ""))
        mark = (pair, data.get("assertion"), rel)
        if mark in seen:
            continue
        seen.add(mark)
        relations = pairs.setdefault(pair, {})
        relations[rel] = relations.get(rel, 0) + 1
    W = nx.Graph()
    W.add_nodes_from(G.nodes(data=True))
    W.add_edges_from((a, b, {"weight": sum(r.values()), "relations": r}) for (a, b), r in pairs.items())
    return W


@pytest.mark.parametrize("kind", [nx.MultiDiGraph, nx.DiGraph, nx.MultiGraph, nx.Graph])
@pytest.mark.parametrize("statuses", [frozenset({"held", "planned"}), None])
def test_weighted_graph_keeps_order_and_values(kind, statuses):
    G = kind(synthetic_network(300, 2000, seed=14))
    ours, ref = weighted_graph(G, statuses=statuses), _weighted_graph_reference(G, statuses)
    assert list(ours.nodes(data=True)) == list(ref.nodes(data=True))
    assert list(ours.edges(data=True)) == list(ref.edges(data=True))  # edge order feeds Louvain's tie-breaks
