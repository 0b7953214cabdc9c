"""Small helpers to build pyoxigraph terms from vocabulary names and Python values.

>>> iri(DIP.Summit)
<NamedNode value=https://w3id.org/diplomacy-kg/ontology#Summit>
>>> lit(3).datatype.value
'http://www.w3.org/2001/XMLSchema#integer'
"""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache

from pyoxigraph import Literal, NamedNode

from kg.rdf.vocab import DIP

XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_TYPE = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
RDFS_LABEL = NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
RDFS_SUBCLASS = NamedNode("http://www.w3.org/2000/01/rdf-schema#subClassOf")
OWL_SAME_AS = NamedNode("http://www.w3.org/2002/07/owl#sameAs")
PROV = "http://www.w3.org/ns/prov#"
PROV_DERIVED = NamedNode(PROV + "wasDerivedFrom")
PROV_ATTRIBUTED = NamedNode(PROV + "wasAttributedTo")
PROV_GENERATED_AT = NamedNode(PROV + "generatedAtTime")
PROV_PRIMARY_SOURCE = NamedNode(PROV + "hadPrimarySource")

__all__ = ["DIP", "iri", "lit", "typed", "XSD"]


@lru_cache(maxsize=65536)  # bounded: ingest and the server mint IRIs without end
def iri(value: str) -> NamedNode:
    """A NamedNode for an IRI string or ``DIP`` term (cached)."""
    return NamedNode(str(value))


def typed(value: str, xsd_type: str) -> Literal:
    """A literal with an explicit XSD datatype (``typed("2025-08-15", "date")``)."""
    return Literal(value, datatype=iri(XSD + xsd_type))


def lit(value: object) -> Literal:
    """A literal for a Python value: str, bool, int, float, date or datetime."""
    if isinstance(value, bool):
        return Literal("true" if value else "false", datatype=iri(XSD + "boolean"))
    if isinstance(value, int):
        return typed(str(value), "integer")
    if isinstance(value, float):
        return typed(repr(round(value, 6)), "decimal")
    if isinstance(value, datetime):
        return typed(value.isoformat(), "dateTime")
    if isinstance(value, date):
        return typed(value.isoformat(), "date")
    return Literal(str(value))
