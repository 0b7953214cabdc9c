"""Analysis that tells the truth: change by the sign of the change, the CLI's actor names, weights by events or sources."""

from __future__ import annotations

import json

import networkx as nx
import pytest

from kg.analysis import project
from kg.analysis.metrics import centrality, communities
from kg.analysis.paths import change
from kg.analysis.projection import find_node, weighted_graph
from kg.api import KnowledgeGraph
from kg.model.inputs import ClaimInput
from tests.analysis.sample import build


def test_rising_and_falling_follow_the_sign_of_the_change(graph):
    build(graph)
    before = project(graph, since="2024-01-01", until="2024-12-31")
    after = project(graph, since="2025-01-01", until="2025-12-31")
    result = change(before, after)
    assert result["rising"] and result["falling"]
    assert all(r["delta"] > 0 or (r["delta"] == 0 and r["betweenness_delta"] > 0) for r in result["rising"])
    assert all(r["delta"] < 0 or (r["delta"] == 0 and r["betweenness_delta"] < 0) for r in result["falling"])
    falling = {r["actor"] for r in result["falling"]}
    assert {"Alice Ames", "Boris Brandt"} <= falling  # ties in 2024, none held or planned in 2025
    assert not falling & {r["actor"] for r in result["rising"]}


def test_an_actor_losing_degree_but_gaining_betweenness_is_falling():
    before = nx.MultiDiGraph()
    for u, v in (("p", "a"), ("p", "b"), ("p", "c"), ("p", "d")):
        before.add_edge(u, v, relation="meets", status="held", assertion=u + v)
    after = nx.MultiDiGraph()
    for u, v in (("a", "p"), ("p", "b"), ("b", "c"), ("c", "d"), ("d", "e"), ("e", "f"), ("f", "g")):
        after.add_edge(u, v, relation="meets", status="held", assertion=u + v)
    result = change(before, after)
    p = next(r for r in result["falling"] if r["actor"] == "p")
    assert p["delta"] < 0  # degree fell although betweenness changed too
    assert "p" not in {r["actor"] for r in result["rising"]}


def test_change_command_lists_falling_actors(kg_cli, tmp_path, monkeypatch):
    store = tmp_path / "store"
    with KnowledgeGraph.open(str(store)) as graph:
        build(graph)
    monkeypatch.setenv("COLUMNS", "250")
    rows = json.loads(kg_cli("analyze", "change", "--from-period", "2024", "--to-period", "2025", "--format", "json",
                             store=store, check=True).stdout)
    kinds = {r["kind"] for r in rows}
    assert {"rising", "falling"} <= kinds
    assert all(r["delta"] > 0 for r in rows if r["kind"] == "rising" and r["delta"] != 0)
    assert all(r["delta"] < 0 for r in rows if r["kind"] == "falling" and r["delta"] != 0)


def _putin_graph() -> nx.MultiDiGraph:
    with KnowledgeGraph.open("memory:") as graph:
        graph.assert_claim(ClaimInput(subject="Vladimir Putin", relation="meets", object="Hugo Chávez",
                                      source="https://example.org/a", date="2010-04-02"))
        return project(graph)


@pytest.mark.parametrize("name", ["Vladimir Putin", "vladimir PUTIN", "Putin", "President Putin", "Russian president"])
def test_analysis_finds_actors_as_the_cli_names_them(name):
    G = _putin_graph()
    assert G.nodes[find_node(G, name)]["label"] == "Vladimir Putin"
    assert G.nodes[find_node(G, "hugo chavez")]["label"] == "Hugo Chávez"


def test_ego_command_accepts_an_alias(kg_cli, tmp_path):
    store = tmp_path / "store"
    with KnowledgeGraph.open(str(store)) as graph:
        graph.assert_claim(ClaimInput(subject="Vladimir Putin", relation="meets", object="Hugo Chávez",
                                      source="https://example.org/a", date="2010-04-02"))
    rows = json.loads(kg_cli("analyze", "ego", "President Putin", "--format", "json", store=store, check=True).stdout)
    assert [r["actor"] for r in rows] == ["Vladimir Putin", "Hugo Chávez"]
    rows = json.loads(kg_cli("timeline", "putin", "hugo chavez", "--format", "json", store=store, check=True).stdout)
    assert [(r["date"], r["relation"], r["with"]) for r in rows] == [("2010-04-02", "meets", "Hugo Chávez")]


def _reported() -> nx.MultiDiGraph:
    """A-B: one meeting reported by five copies of one outlet; C-D: two meetings from two outlets each."""
    M = nx.MultiDiGraph()
    for i in range(5):
        M.add_edge("A", "B", relation="meets", status="held", assertion=f"ab{i}", event="ab", source=f"https://www.wire.org/{i}")
    for i, (event, host) in enumerate((("cd1", "one.org"), ("cd1", "two.org"), ("cd2", "one.org"), ("cd2", "two.org"))):
        M.add_edge("C", "D", relation="meets", status="held", assertion=f"cd{i}", event=event, source=f"https://{host}/{i}")
    M.add_edge("B", "C", relation="talksWith", status="held", assertion="bc", event="bc", source="https://three.org/")
    return M


def test_weights_by_events_and_by_independent_sources():
    M = _reported()
    assert weighted_graph(M)["A"]["B"]["weight"] == 5
    assert weighted_graph(M, weight_by="events")["A"]["B"]["weight"] == 1
    assert weighted_graph(M, weight_by="sources")["A"]["B"]["weight"] == 1
    assert weighted_graph(M, weight_by="events")["C"]["D"]["weight"] == 2
    assert weighted_graph(M, weight_by="sources")["C"]["D"]["weight"] == 2
    by_reports = centrality(M, measures=("eigenvector",))
    by_sources = centrality(M, measures=("eigenvector",), weight_by="sources")
    assert by_reports["A"]["eigenvector"] > by_reports["D"]["eigenvector"]  # five copies inflate A
    assert by_sources["A"]["eigenvector"] < by_sources["D"]["eigenvector"]
    assert set(communities(M, weight_by="events")) == set("ABCD")
    with pytest.raises(ValueError, match="expected one of assertions, events, sources"):
        weighted_graph(M, weight_by="quotes")


def test_centrality_command_weight_option(kg_cli, tmp_path):
    store = tmp_path / "store"
    with KnowledgeGraph.open(str(store)) as graph:
        build(graph)
    rows = json.loads(kg_cli("analyze", "centrality", "--weight", "sources", "--format", "json", store=store, check=True).stdout)
    assert all("strength" in r for r in rows)
    bad = kg_cli("analyze", "communities", "--weight", "quotes", store=store)
    assert bad.returncode != 0 and "weight 'quotes'" in bad.stderr
