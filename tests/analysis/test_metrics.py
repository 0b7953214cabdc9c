"""Centrality, brokers, communities, evidence paths and change."""

from __future__ import annotations

import networkx as nx
import pytest

from kg.analysis import metrics
from kg.analysis.metrics import brokers, centrality, communities, pagerank
from kg.analysis.paths import change, evidence_path
from kg.analysis.projection import project
from tests.analysis.sample import build


def test_centrality_measures_on_karate():
    G = nx.karate_club_graph()
    values = centrality(G)
    assert set(values[0]) == {"degree", "betweenness", "eigenvector", "pagerank"}
    assert max(values, key=lambda n: values[n]["betweenness"]) == 0
    expected = nx.betweenness_centrality(G)
    assert values[33]["betweenness"] == pytest.approx(expected[33])


def test_pagerank_matches_networkx_reference():
    from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python

    G = nx.karate_club_graph()
    ours = pagerank(G)
    reference = _pagerank_python(G, weight="weight")
    assert all(ours[n] == pytest.approx(reference[n], abs=1e-5) for n in G)


def test_betweenness_is_sampled_above_the_limit(monkeypatch):
    G = nx.gnm_random_graph(60, 200, seed=1)
    assert metrics.betweenness_k(G) is None
    monkeypatch.setattr(metrics, "EXACT_BETWEENNESS_LIMIT", 50)
    k = metrics.betweenness_k(G)
    assert k is not None and 16 <= k <= 60
    first = centrality(G, measures=("betweenness",), seed=3)
    assert first == centrality(G, measures=("betweenness",), seed=3)  # seeded sample: reproducible


def test_unknown_measure():
    with pytest.raises(ValueError, match="unknown measure"):
        centrality(nx.path_graph(3), measures=("closeness",))


def test_communities_are_deterministic_and_ordered():
    G = nx.ring_of_cliques(4, 5)
    parts = communities(G, seed=7)
    assert parts == communities(G, seed=7)
    assert len(set(parts.values())) == 4
    assert communities(nx.empty_graph(3)) == {0: 0, 1: 1, 2: 2}


def test_brokers_are_articulation_points_and_bridges():
    G = nx.barbell_graph(5, 1)
    found = brokers(G)
    assert 5 in found and found[5]["articulation"]
    assert list(found)[0] == 5  # the bridge node has the highest betweenness


def test_evidence_path_on_projection(graph):
    build(graph)
    hops = evidence_path(project(graph), "Alice Ames", "Erik Eng")
    assert [(h["from"], h["to"]) for h in hops] == [("Alice Ames", "Boris Brandt"), ("Boris Brandt", "Carla Cruz"),
                                                   ("Carla Cruz", "Erik Eng")]
    assert all(h["assertion"] and h["quote"] and h["source"].startswith("https://") for h in hops)
    assert hops[-1]["relation"] == "advises" and hops[-1]["direction"] == "->"


def test_path_does_not_use_refused_meetings(graph):
    build(graph)
    G = project(graph)
    hops = evidence_path(G, "Dmitri Dal", "Alice Ames")
    assert len(hops) == 3  # Dmitri - Carla - Boris - Alice, not the refused meeting
    with pytest.raises(nx.NetworkXNoPath):
        evidence_path(G, "Ruritania", "Alice Ames")
    with pytest.raises(KeyError, match="no actor named"):
        evidence_path(G, "Nobody Here", "Alice Ames")


def test_change_between_periods(graph):
    build(graph)
    before = project(graph, since="2024-01-01", until="2024-12-31")
    after = project(graph, since="2025-01-01", until="2025-12-31")
    result = change(before, after)
    new = {frozenset((t["a"], t["b"])) for t in result["new_ties"]}
    lost = {frozenset((t["a"], t["b"])) for t in result["lost_ties"]}
    assert frozenset(("Ruritania", "Freedonia")) in new
    assert frozenset(("Alice Ames", "Boris Brandt")) in lost
    assert result["rising"][0]["actor"] == "Erik Eng"
