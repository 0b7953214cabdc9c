"""The ontology: every class has a SHACL shape, codes are mapped, projections are declared."""

from rdflib import OWL, RDF, Graph, Namespace, URIRef

from kg.model.core import EVENT_TYPES, RELATIONS
from kg.model.relation_types import projections
from kg.rdf.ontology import default_codes, ontology_graph, superclasses
from kg.rdf.resources import ontology_path
from kg.rdf.vocab import DIP

SH = Namespace("http://www.w3.org/ns/shacl#")
NS = "https://w3id.org/diplomacy-kg/ontology#"


def test_every_class_has_a_shape():
    shapes = Graph().parse(ontology_path("shapes.ttl"))
    targeted = set(shapes.objects(None, SH.targetClass))
    classes = {c for c in ontology_graph().subjects(RDF.type, OWL.Class) if isinstance(c, URIRef) and str(c).startswith(NS)}
    assert classes, "no classes parsed"
    assert classes - targeted == set()


def test_every_relation_has_a_projection_read_from_the_ontology():
    assert set(projections()) == set(RELATIONS)
    assert projections()["meets"].symmetric and not projections()["sanctions"].symmetric


def test_event_classes_map_to_cameo_and_plover():
    for name in EVENT_TYPES:
        if name == "AdvisoryRole":
            assert default_codes(str(getattr(DIP, name))) == (None, None)
            continue
        cameo, plover = default_codes(str(getattr(DIP, name)))
        assert cameo and "/cameo/" in cameo, name
        assert plover and "/plover/" in plover, name
        assert (URIRef(cameo), RDF.type, URIRef("http://www.w3.org/2004/02/skos/core#Concept")) in ontology_graph()


def test_summit_is_a_meeting_aligned_with_sem_and_schema():
    supers = superclasses(str(DIP.Summit))
    assert str(DIP.Meeting) in supers and str(DIP.Event) in supers
    assert "http://semanticweb.cs.vu.nl/2009/11/sem/Event" in supers
    assert "https://schema.org/Event" in supers


def test_leader_is_defined_by_positions():
    g = ontology_graph()
    assert (URIRef(DIP.Leader), OWL.equivalentClass, None) in g
