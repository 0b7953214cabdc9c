"""The library facade: sourced assertions, provenance, retraction, history, import/export."""

from __future__ import annotations

import pytest
from pyoxigraph import RdfFormat
from rdflib import Dataset
from rdflib.compare import isomorphic

from kg.api import KnowledgeGraph
from kg.model.inputs import ClaimInput
from kg.desk.records import UnknownAssertionError
from kg.rdf.validate import ValidationError
from kg.desk.history import history
from kg.desk.review import retract

SUMMIT = dict(subject="Donald Trump", relation="meets", object="Vladimir Putin", source="https://example.org/a",
              quote="Trump will meet Putin in Anchorage.", date="2025-08-15", place="Anchorage",
              reliability="B", credibility=2, analyst="alice")

MEETS_LABELS = "SELECT ?la ?lb WHERE { ?a dip:meets ?b . ?a rdfs:label ?la . ?b rdfs:label ?lb }"
PROVENANCE = """SELECT ?url ?who ?rel ?cred WHERE {
  GRAPH ?g { ?a dip:meets ?b } ?g prov:wasDerivedFrom ?doc ; prov:wasAttributedTo ?agent ;
  dip:sourceReliability ?rel ; dip:informationCredibility ?cred . ?doc dip:url ?url . ?agent rdfs:label ?who }"""


def test_assert_creates_meets_edge_with_provenance(graph: KnowledgeGraph):
    aid = graph.assert_claim(ClaimInput(**SUMMIT))
    pairs = {(r["la"], r["lb"]) for r in graph.select(MEETS_LABELS)}
    assert ("Donald Trump", "Vladimir Putin") in pairs and ("Vladimir Putin", "Donald Trump") in pairs
    prov = graph.select(PROVENANCE)
    assert {(r["url"], r["who"], r["rel"], int(r["cred"])) for r in prov} == {("https://example.org/a", "alice", "B", 2)}
    assert len(aid) == 32


def test_same_claim_twice_is_a_no_op(graph):
    first = graph.assert_claim(ClaimInput(**SUMMIT))
    size = len(graph.store)
    assert graph.assert_claim(ClaimInput(**SUMMIT)) == first
    assert len(graph.store) == size


def test_retract_hides_from_view_and_keeps_history(graph):
    aid = graph.assert_claim(ClaimInput(**SUMMIT))
    retract(graph, aid, reason="wrong date", by="analyst:bob")
    assert graph.select(MEETS_LABELS) == []
    assert bool(graph.query("ASK { GRAPH ?g { ?a dip:meets ?b } }"))  # the assertion graph stays
    kinds = [e.kind for e in history(graph, aid)]
    assert kinds == ["asserted", "retracted"]
    assert history(graph, aid)[1].reason == "wrong date"


def test_retracting_one_of_two_sources_keeps_the_edge(graph):
    first = graph.assert_claim(ClaimInput(**SUMMIT))
    graph.assert_claim(ClaimInput(**{**SUMMIT, "source": "https://example.org/b"}))
    retract(graph, first, reason="duplicate")
    # the event of the second assertion still projects the edge
    assert graph.select(MEETS_LABELS)


def test_conflicting_claims_coexist(graph):
    graph.assert_claim(ClaimInput(**{**SUMMIT, "status": "planned"}))
    graph.assert_claim(ClaimInput(**{**SUMMIT, "status": "cancelled", "source": "https://example.org/c"}))
    statuses = {r["s"] for r in graph.select("SELECT ?s WHERE { ?e a dip:Meeting ; dip:status ?st . BIND(LCASE(STRAFTER(STR(?st), '#')) AS ?s) }")}
    assert statuses == {"planned", "cancelled"}


def test_retract_unknown_id(graph):
    with pytest.raises(UnknownAssertionError):
        retract(graph, "0" * 32, reason="x")


def test_labels_with_markup_are_stored_as_given(graph):
    name = 'Mr. "X" <b>&amp; } ; DROP ALL ; #'
    graph.assert_claim(ClaimInput(**{**SUMMIT, "object": name, "object_type": "Person"}))
    labels = {r["l"] for r in graph.select("SELECT ?l WHERE { ?a rdfs:label ?l }")}
    assert name in labels


def test_export_trig_import_round_trip_is_isomorphic(graph):
    graph.assert_claim(ClaimInput(**SUMMIT))
    aid = graph.assert_claim(ClaimInput(**{**SUMMIT, "source": "https://example.org/b"}))
    retract(graph, aid, reason="test")
    first = graph.export(RdfFormat.TRIG)
    other = KnowledgeGraph.open("memory:")
    other.import_rdf(first, RdfFormat.TRIG)
    second = other.export(RdfFormat.TRIG)
    a, b = Dataset(), Dataset()
    a.parse(data=first, format="trig")
    b.parse(data=second, format="trig")
    assert len(a) == len(b)
    for ctx in a.contexts():
        assert isomorphic(ctx, b.graph(ctx.identifier)), ctx.identifier


def test_import_rejects_shape_violations_and_writes_nothing(graph):
    bad = b"""@prefix dip: <https://w3id.org/diplomacy-kg/ontology#> .
    <http://ex/e> a dip:SanctionsAction ; <http://www.w3.org/2000/01/rdf-schema#label> "x" ; dip:status dip:Held ."""
    with pytest.raises(ValidationError, match="bad.ttl.*(imposer|target)"):
        graph.import_rdf(bad, RdfFormat.TURTLE, name="bad.ttl")
    assert len(graph.store) == 0


def test_import_malformed_turtle_names_the_line(graph):
    with pytest.raises(ValueError, match="bad.ttl.*line 2"):
        graph.import_rdf(b"<http://a> <http://b> <http://c> .\n<http://a> <http://b> .\n", RdfFormat.TURTLE, name="bad.ttl")
    assert len(graph.store) == 0


def test_stats_count_what_was_written(graph):
    graph.assert_claim(ClaimInput(**SUMMIT))
    stats = graph.stats()
    assert stats["assertions"] == 1 and stats["events"] == 1 and stats["actors"] == 2 and stats["documents"] == 1


def test_bulk_claims_are_all_or_nothing(graph):
    from kg.desk.claims_file import ClaimsFileError, parse_claims_text

    text = "subject,relation,object,source\nA B,meets,C D,https://x.org/1\nE F,meet,G H,https://x.org/2\n"
    with pytest.raises(ClaimsFileError, match="row 3: relation"):
        parse_claims_text(text, "claims.csv")
    assert len(graph.store) == 0


def _resolver_knowing(name: str, alias: str):
    from kg.resolve import ActorRecord, Gazetteer, Resolver
    from kg.resolve.records import Alias

    record = ActorRecord("zv-1", name, "Person", alias_kinds=(Alias(name, "name"), Alias(alias, "alias")))
    return Resolver(Gazetteer([record], []))


def test_the_graph_resolves_with_the_resolver_it_is_given():
    with KnowledgeGraph.open("memory:", resolver=_resolver_knowing("Zorn Vale", "the Vale envoy")) as graph:
        aid = graph.assert_claim(ClaimInput(subject="the Vale envoy", relation="meets", object="Ann Lee",
                                            source="https://example.org/z"))
        labels = {r["la"] for r in graph.select(MEETS_LABELS)}
        assert "Zorn Vale" in labels and "the Vale envoy" not in labels
        assert graph.resolve_actor("Vladimir Putin").qid is None  # not in the given gazetteer
        assert len(aid) == 32
    with KnowledgeGraph.open("memory:") as graph:  # default: the packaged gazetteer
        assert graph.resolve_actor("Vladimir Putin").qid == "Q7747"
        assert graph.resolve_actor("the Vale envoy").label == "the Vale envoy"


def test_merge_records_apply_on_top_of_the_given_resolver():
    from kg.resolve.actor_graph import record_actor_decision

    with KnowledgeGraph.open("memory:", resolver=_resolver_knowing("Zorn Vale", "the Vale envoy")) as graph:
        graph.assert_claim(ClaimInput(subject="Zed Vale", relation="meets", object="Ann Lee",
                                      source="https://example.org/z"))
        record_actor_decision(graph, "merge", "Zorn Vale", "Zed Vale", reason="one person")
        assert graph.resolve_actor("Zed Vale").label == "Zorn Vale"
        assert graph.resolve_actor("Zed Vale", follow_decisions=False).label == "Zed Vale"
        assert graph.resolver.gaz is graph.base_resolver.gaz


def test_the_resolver_is_typed_not_any():
    import typing

    from kg.resolve import Resolver

    hints = typing.get_type_hints(KnowledgeGraph.__init__)
    assert hints["resolver"] == Resolver | None
    assert typing.get_type_hints(KnowledgeGraph.resolver.fget)["return"] is Resolver
