"""SHACL validation (pyshacl) of quads before they are written.

>>> from pyoxigraph import Quad, NamedNode, Literal, DefaultGraph
>>> bad = [Quad(NamedNode("http://ex/e"), NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
...             NamedNode("https://w3id.org/diplomacy-kg/ontology#Summit"), DefaultGraph())]
>>> try:
...     validate_quads(bad, what="example")
... except ValidationError as exc:
...     print(str(exc)[:40])
example does not conform to the shapes: 
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from typing import Any

from pyoxigraph import BlankNode, Literal, NamedNode, Quad
from rdflib import Graph

from kg.rdf.ontology import ontology_graph
from kg.rdf.resources import ontology_path


_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


class ValidationError(ValueError):
    """Data does not conform to ``ontology/shapes.ttl``; the message is one line."""


@lru_cache(maxsize=1)
def shapes_graph() -> Graph:
    return Graph().parse(ontology_path("shapes.ttl"), format="turtle")


def validate_quads(quads: Iterable[Quad], *, what: str = "input") -> None:
    """Raise :class:`ValidationError` naming ``what`` when the triples violate a shape."""
    from pyshacl import validate

    data = Graph()
    for q in quads:  # terms are converted directly: no N-Triples text round trip (rdflib's parser refused
        data.add((_term(q.subject), _term(q.predicate), _term(q.object)))  # IRIs pyoxigraph accepts, e.g. U+2028)
    data += _class_hierarchy()
    conforms, report, _ = validate(data, shacl_graph=shapes_graph(), inference="none", allow_warnings=True)
    if not conforms:
        raise ValidationError(f"{what} does not conform to the shapes: {_first_message(report)}")


def _term(term: Any) -> Any:
    """The rdflib term for a pyoxigraph NamedNode, BlankNode or Literal.

    >>> from pyoxigraph import Literal as L, NamedNode as N
    >>> _term(L("1", datatype=N("http://www.w3.org/2001/XMLSchema#integer"))).toPython(), str(_term(N("http://e/\u2028")))
    (1, 'http://e/\u2028')
    """
    from rdflib import BNode, URIRef
    from rdflib import Literal as RdfLiteral

    if isinstance(term, NamedNode):
        return URIRef(term.value)
    if isinstance(term, BlankNode):
        return BNode(term.value)
    if isinstance(term, Literal):
        if term.language:
            return RdfLiteral(term.value, lang=term.language)
        if term.datatype.value == _XSD_STRING:  # as rdflib's own parsers: a simple literal has no datatype
            return RdfLiteral(term.value)
        return RdfLiteral(term.value, datatype=URIRef(term.datatype.value))
    raise ValidationError(f"unsupported RDF term {term!r}")  # pragma: no cover - quoted triples are not used


@lru_cache(maxsize=1)
def _class_hierarchy() -> Graph:
    """Class hierarchy and typed individuals (statuses) of the ontology, for sh:class checks."""
    from rdflib import RDF, RDFS, URIRef

    from kg.rdf.ids import ONTOLOGY_NS

    ontology = ontology_graph()
    graph = Graph()
    for triple in ontology.triples((None, RDFS.subClassOf, None)):
        graph.add(triple)
    for cls in (URIRef(ONTOLOGY_NS + "EventStatus"), URIRef(ONTOLOGY_NS + "ReviewStatus")):
        for individual in ontology.subjects(RDF.type, cls):
            for triple in ontology.triples((individual, None, None)):
                graph.add(triple)
    return graph


def _first_message(report: Graph) -> str:
    from rdflib import Namespace

    sh = Namespace("http://www.w3.org/ns/shacl#")
    results = []
    for result in report.subjects(sh.resultMessage, None):
        focus = report.value(result, sh.focusNode)
        path = report.value(result, sh.resultPath)
        message = report.value(result, sh.resultMessage)
        where = f"{focus}" + (f" {path}" if path else "")
        results.append(f"{message} ({where})")
    results.sort()
    if not results:
        return "unknown violation"
    more = f" (+{len(results) - 1} more)" if len(results) > 1 else ""
    return " ".join(results[0].split()) + more
