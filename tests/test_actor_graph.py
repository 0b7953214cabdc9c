"""Gazetteer positions in the graph, and merge/split decisions stored as records."""

from pyoxigraph import RdfFormat

from kg.resolve.actor_graph import actor_decisions, load_gazetteer, record_actor_decision
from kg.model.inputs import ClaimInput
from tests.conftest import run_kg

LEADER_ON = """SELECT ?name WHERE {
  ?p a dip:Leader ; rdfs:label ?name ; dip:holdsPosition ?pos . ?pos dip:office ?o ; dip:positionStart ?s .
  OPTIONAL { ?pos dip:positionEnd ?e }
  ?o dip:officeOf ?country . ?country rdfs:label "Russia" . ?o rdfs:label ?office . FILTER(CONTAINS(?office, "President"))
  FILTER(?s <= ?day && (!BOUND(?e) || ?e > ?day)) }"""


def test_leader_of_a_country_on_any_date(graph):
    load_gazetteer(graph)
    from pyoxigraph import Literal, NamedNode

    def leader(day: str) -> set[str]:
        lit = Literal(day, datatype=NamedNode("http://www.w3.org/2001/XMLSchema#date"))
        return {r["name"] for r in graph.select(LEADER_ON, day=lit)}

    assert leader("2010-06-01") == {"Dmitry Medvedev"}
    assert leader("2025-08-15") == {"Vladimir Putin"}
    assert leader("2005-01-01") == {"Vladimir Putin"}


def test_loading_the_same_gazetteer_twice_changes_nothing(graph):
    assert load_gazetteer(graph) > 0
    before = graph.export(RdfFormat.N_QUADS)
    assert load_gazetteer(graph) == 0
    assert graph.export(RdfFormat.N_QUADS) == before


def test_gazetteer_reload_keeps_labels_that_assertions_state(graph):
    graph.assert_claim(ClaimInput(subject="Donald Trump", relation="meets", object="Vladimir Putin", source="https://x.org/1"))
    load_gazetteer(graph)
    # simulate a new gazetteer version: drop its hash so the next load replaces the graph
    graph.store.update(
        "DELETE WHERE { <https://w3id.org/diplomacy-kg/id/graph/gazetteer> "
        "<https://w3id.org/diplomacy-kg/ontology#contentHash> ?h }")
    load_gazetteer(graph)
    assert graph.select("SELECT ?a WHERE { ?a dip:meets ?b ; rdfs:label 'Donald Trump' }")


def test_merge_is_a_record_the_resolver_follows_and_split_undoes(graph):
    graph.assert_claim(ClaimInput(subject="Jonathan Smythe", relation="advises", object="Sviatlana Tsikhanouskaya",
                                  source="https://x.org/1"))
    before = graph.resolve_actor("Jon Smyth", "Person").canonical_iri()
    record_actor_decision(graph, "merge", "Jonathan Smythe", "Jon Smyth", reason="same adviser")
    assert [d.kind for d in actor_decisions(graph)] == ["merge"]
    after = graph.resolve_actor("Jon Smyth", "Person").canonical_iri()
    assert after != before and after == graph.resolve_actor("Jonathan Smythe").canonical_iri()
    assert graph.select("SELECT ?x WHERE { ?x owl:sameAs ?y }")
    record_actor_decision(graph, "split", "Jonathan Smythe", "Jon Smyth", reason="different people after all")
    assert graph.resolve_actor("Jon Smyth", "Person").canonical_iri() == before
    assert graph.select("SELECT ?x WHERE { ?x owl:sameAs ?y FILTER(!STRSTARTS(STR(?y), 'http://www.wikidata.org/')) }") == []


def test_merge_cli_needs_a_reason(tmp_path):
    proc = run_kg("actors", "merge", "A", "B", store=tmp_path / "s")
    assert proc.returncode == 2 and "--reason" in proc.stderr
