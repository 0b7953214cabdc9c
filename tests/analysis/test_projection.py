"""The projection: ontology-driven, every status, filters, review decisions."""

from __future__ import annotations

import networkx as nx
import pytest

from kg.analysis.projection import ego_network, project, projection_sparql, subclasses, weighted_graph, _short
from kg.model import ActorRef, Assertion, Claim, Document, Evidence, Grade
from kg.model.relation_types import projections
from kg.desk.review import retract
from tests.analysis.sample import build


@pytest.fixture
def sample(graph):
    ids = build(graph)
    return graph, ids


def _labelled(G: nx.MultiDiGraph) -> set[tuple[str, str, str, str]]:
    return {(G.nodes[u]["label"], d["relation"], G.nodes[v]["label"], d["status"]) for u, v, d in G.edges(data=True)}


def test_sparql_is_built_from_every_ontology_projection():
    sparql = projection_sparql()
    for p in projections().values():
        for cls in subclasses(p.event_class):
            assert f'("{p.relation}" {_short(cls)} {_short(p.source_role)} {_short(p.target_role)})' in sparql


def test_unknown_relation_is_an_error():
    with pytest.raises(ValueError, match="unknown relation 'meet'"):
        projection_sparql(["meet"])


def test_every_relation_and_status_is_projected(sample):
    graph, _ = sample
    edges = _labelled(project(graph))
    assert ("Alice Ames", "meets", "Boris Brandt", "held") in edges
    assert ("Boris Brandt", "meets", "Alice Ames", "held") in edges  # symmetric: both directions
    assert ("Carla Cruz", "meets", "Dmitri Dal", "planned") in edges
    assert ("Dmitri Dal", "meets", "Alice Ames", "refused") in edges  # not a dip:meets edge, read from roles
    assert ("Ruritania", "sanctions", "Freedonia", "held") in edges
    assert ("Freedonia", "sanctions", "Ruritania", "held") not in edges  # directed
    assert ("Carla Cruz", "advises", "Erik Eng", "held") in edges
    assert ("Erik Eng", "pardons", "Prisoners", "held") in edges


def test_edge_attributes_carry_evidence(sample):
    graph, ids = sample
    G = project(graph)
    data = next(d for _, _, d in G.edges(data=True) if d["relation"] == "sanctions")
    assert data["assertion"] == ids["Ruritania-sanctions-Freedonia"] and data["assertions"] == [data["assertion"]]
    assert data["date"] == "2025-04-01" and data["grade"] == "A2" and data["confidence"] == 1.0
    assert data["quote"] == "Ruritania sanctions Freedonia." and data["source"].startswith("https://example.org/")
    assert data["symmetric"] is False and data["review"] == "accepted" and data["disputed"] is False
    types = {G.nodes[n]["label"]: G.nodes[n]["type"] for n in G}
    assert types["Ruritania"] == "Country" and types["Prisoners"] == "Group" and types["Alice Ames"] == "Person"


@pytest.mark.parametrize(
    "filters, present, absent",
    [
        ({"since": "2025-01-01"}, "sanctions", "talksWith"),
        ({"until": "2024-12-31"}, "talksWith", "sanctions"),
        ({"relations": ["sanctions"]}, "sanctions", "meets"),
        ({"min_confidence": 0.5}, "meets", "advises"),
        ({"min_grade": "B2"}, "talksWith", "advises"),
        ({"actor_types": ["Country"]}, "sanctions", "meets"),
    ],
)
def test_filters(sample, filters, present, absent):
    graph, _ = sample
    relations = {d["relation"] for *_, d in project(graph, **filters).edges(data=True)}
    assert present in relations and absent not in relations


def test_bad_filters_fail_with_one_line(sample):
    graph, _ = sample
    with pytest.raises(ValueError, match="Admiralty"):
        project(graph, min_grade="Z9")
    with pytest.raises(ValueError, match="actor type"):
        project(graph, actor_types=["Planet"])


def test_retracted_leave_and_disputed_are_marked(sample):
    graph, ids = sample
    retract(graph, ids["Alice Ames-meets-Boris Brandt"], reason="wrong")
    graph.decide(ids["Ruritania-sanctions-Freedonia"], "disputed", reason="doubtful")
    G = project(graph)
    assert ("Alice Ames", "meets", "Boris Brandt", "held") not in _labelled(G)
    sanctions = next(d for *_, d in G.edges(data=True) if d["relation"] == "sanctions")
    assert sanctions["disputed"] is True
    assert "sanctions" not in {d["relation"] for *_, d in project(graph, accepted_only=True).edges(data=True)}


def test_accepted_only_drops_proposed_extractions(graph):
    doc = Document.from_text("Ann met Bob.", url="https://example.org/news")
    proposed = Assertion(Claim("meets", ActorRef("Ann Proposed"), ActorRef("Bob Proposed"), date="2025-01-01"), doc,
                         asserted_by="extractor:rules@1", evidence=Evidence("Ann met Bob."), grade=Grade("C", 3))
    graph.add_document(doc, [proposed])
    assert project(graph).number_of_edges() == 2
    assert project(graph, accepted_only=True).number_of_edges() == 0
    graph.decide(proposed.id, "accepted", reason="checked")
    assert project(graph, accepted_only=True).number_of_edges() == 2


def test_multilateral_event_links_every_participant(graph):
    doc = Document.from_url("https://example.org/g3")
    claim = Claim("meets", ActorRef("Ann Multi"), ActorRef("Bob Multi"), participants=(ActorRef("Cy Multi"),),
                  event_type="Summit", date="2025-05-05")
    graph.add_document(doc, [Assertion(claim, doc, asserted_by="analyst:x")])
    G = project(graph)
    assert G.number_of_nodes() == 3 and G.number_of_edges() == 6  # every ordered pair of a Summit (a Meeting subclass)
    assert {d["event_class"] for *_, d in G.edges(data=True)} == {"Summit"}


def test_ego_network_and_weighted_graph(sample):
    graph, _ = sample
    G = project(graph)
    ego = ego_network(G, "Carla Cruz", 1)
    assert {ego.nodes[n]["label"] for n in ego} == {"Carla Cruz", "Boris Brandt", "Dmitri Dal", "Erik Eng"}
    W = weighted_graph(G)
    assert isinstance(W, nx.Graph) and not W.is_directed()
    labels = {(W.nodes[u]["label"], W.nodes[v]["label"]) for u, v in W.edges()}
    assert not any({"Dmitri Dal", "Alice Ames"} == set(p) for p in labels)  # refused: no interaction
    assert all(d["weight"] == 1 for *_, d in W.edges(data=True))  # symmetric pairs counted once
    assert any({"Dmitri Dal", "Alice Ames"} == {W2u, W2v} for W2u, W2v in
               ((weighted_graph(G, statuses=None).nodes[u]["label"], weighted_graph(G, statuses=None).nodes[v]["label"])
                for u, v in weighted_graph(G, statuses=None).edges()))
