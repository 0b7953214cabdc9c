"""Read what the code needs from ``dip.ttl``: projections and the class hierarchy.

>>> p = projections()["pardons"]
>>> (p.event_class.split("#")[1], p.source_role.split("#")[1], p.target_role.split("#")[1])
('Pardon', 'agent', 'releasedPerson')
>>> "https://w3id.org/diplomacy-kg/ontology#Meeting" in superclasses(DIP.Summit)
True
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rdflib import RDF, RDFS, Graph, URIRef

from kg.rdf.resources import ontology_path
from kg.rdf.vocab import DIP


@dataclass(frozen=True)
class Projection:
    """Fillers of ``source_role`` in events of ``event_class`` get ``edge`` to fillers of ``target_role``."""

    relation: str
    event_class: str
    source_role: str
    target_role: str
    edge: str

    @property
    def symmetric(self) -> bool:
        return self.source_role == self.target_role


@lru_cache(maxsize=1)
def ontology_graph() -> Graph:
    """The parsed ontology (``dip.ttl``) plus the CAMEO and PLOVER code schemes."""
    graph = Graph()
    graph.parse(ontology_path("dip.ttl"), format="turtle")
    for name in ("cameo.ttl", "plover.ttl"):
        graph.parse(ontology_path("codes", name), format="turtle")
    return graph


@lru_cache(maxsize=1)
def projections() -> dict[str, Projection]:
    """Relation name -> projection, as declared by ``dip:Projection`` nodes."""
    graph = ontology_graph()
    result = {}
    for node in graph.subjects(RDF.type, URIRef(DIP.Projection)):
        name = str(graph.value(node, URIRef(DIP.relationName)))
        result[name] = Projection(
            relation=name,
            event_class=str(graph.value(node, URIRef(DIP.eventClass))),
            source_role=str(graph.value(node, URIRef(DIP.sourceRole))),
            target_role=str(graph.value(node, URIRef(DIP.targetRole))),
            edge=str(graph.value(node, URIRef(DIP.edge))),
        )
    return result


@lru_cache(maxsize=None)
def superclasses(cls: str) -> frozenset[str]:
    """``cls`` and all its named superclasses in the ontology."""
    graph = ontology_graph()
    return frozenset(str(c) for c in graph.transitive_objects(URIRef(cls), RDFS.subClassOf) if isinstance(c, URIRef))


@lru_cache(maxsize=None)
def superproperties(prop: str) -> frozenset[str]:
    """``prop`` and all its named superproperties."""
    graph = ontology_graph()
    return frozenset(str(p) for p in graph.transitive_objects(URIRef(prop), RDFS.subPropertyOf) if isinstance(p, URIRef))


@lru_cache(maxsize=None)
def default_codes(event_class: str) -> tuple[str | None, str | None]:
    """The (CAMEO, PLOVER) concept IRIs the ontology maps ``event_class`` to."""
    graph = ontology_graph()
    cameo = graph.value(URIRef(event_class), URIRef(DIP.cameo))
    plover = graph.value(URIRef(event_class), URIRef(DIP.plover))
    return (str(cameo) if cameo else None, str(plover) if plover else None)
