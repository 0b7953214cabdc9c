"""A parsed question as one SPARQL query over events, with every value from the question bound as a term.

The relation picks the event classes and the two roles from the ontology: the ``dip:Projection`` nodes of
``ontology/dip.ttl`` (``meets`` is ``dip:Meeting`` with ``dip:participant`` on both sides, ``sanctions``
is ``dip:SanctionsAction`` from ``dip:imposer`` to ``dip:target`` ...), each class with its subclasses
and each role with its subproperties.  ``visit`` (``dip:visitor`` to ``dip:host`` of a ``dip:Visit``) and
``host`` (``dip:host`` to the other participants of a meeting) read the two roles the ontology declares
beside the projections.  Actors, dates and the place text are bound as a ``VALUES`` row
(:mod:`kg.query.bindings`); only ontology terms are written into the query text.

>>> from pyoxigraph import NamedNode
>>> built = build_query("sanction", subject=NamedNode("https://w3id.org/diplomacy-kg/id/actor/Q30"),
...                     object_type="Organization", period=("2017-01-01", "2017-12-31"))
>>> sorted(built.params)
['from', 'subject', 'to']
>>> "dip:imposer" in built.sparql and "?object a dip:Organization" in built.sparql
True
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from pyoxigraph import Literal, NamedNode
from rdflib import RDFS, URIRef

from kg.model.relation_types import projections
from kg.rdf.ontology import ontology_graph
from kg.store.base import Term
from kg.rdf.vocab import DIP

#: question relation -> the ontology's relation name (dip:relationName of its projection)
PROJECTED = {"meet": "meets", "call": "talksWith", "pardon": "pardons", "release": "releases",
             "sanction": "sanctions", "advise": "advises"}
#: statuses that say an event did not take place
NEGATIVE = ("cancelled", "refused", "negated")
#: actor classes a question may filter on ("which countries")
ACTOR_CLASSES = ("Country", "Organization", "Person", "Group")


@dataclass(frozen=True)
class RelationShape:
    """Event classes and the subject / object role properties of one relation."""

    relation: str
    classes: tuple[str, ...]
    subject_roles: tuple[str, ...]
    object_roles: tuple[str, ...]

    @property
    def symmetric(self) -> bool:
        return self.subject_roles == self.object_roles


@dataclass
class BuiltQuery:
    """The SPARQL text and the terms bound into it (by variable name)."""

    sparql: str
    params: dict[str, Term] = field(default_factory=dict)

    def params_json(self) -> dict[str, str]:
        """The bound values as text (IRIs and literal values)."""
        return {k: v.value for k, v in self.params.items()}


def _local(iri: str) -> str:
    return "dip:" + iri.rsplit("#", 1)[-1]


@lru_cache(maxsize=None)
def _below(term: str, prop: URIRef) -> tuple[str, ...]:
    """``term`` and every ontology term declared below it through ``prop`` (subclass or subproperty)."""
    graph = ontology_graph()
    found, todo = [term], [term]
    while todo:
        for child in graph.subjects(prop, URIRef(todo.pop())):
            if isinstance(child, URIRef) and str(child) not in found and str(child).startswith(str(DIP._NS)):
                found.append(str(child))
                todo.append(str(child))
    return tuple(found)


@lru_cache(maxsize=None)
def relation_shape(relation: str) -> RelationShape:
    """The event classes and roles of a question relation, read from the ontology.

    >>> s = relation_shape("meet")
    >>> [_local(c) for c in s.classes], [_local(r) for r in s.subject_roles]
    (['dip:Meeting', 'dip:Summit', 'dip:Visit'], ['dip:participant', 'dip:host', 'dip:visitor'])
    >>> [_local(r) for r in relation_shape("visit").object_roles]
    ['dip:host']
    """
    if relation in PROJECTED:
        p = projections()[PROJECTED[relation]]
        classes = _below(p.event_class, RDFS.subClassOf)
        return RelationShape(relation, classes, _below(p.source_role, RDFS.subPropertyOf),
                             _below(p.target_role, RDFS.subPropertyOf))
    if relation in projections():  # a relation type by its own name ("condemns"), as the ontology declares it
        p = projections()[relation]
        return RelationShape(relation, _below(p.event_class, RDFS.subClassOf), _below(p.source_role, RDFS.subPropertyOf),
                             _below(p.target_role, RDFS.subPropertyOf))
    if relation == "pardon-or-release":
        pardon, release = relation_shape("pardon"), relation_shape("release")
        return RelationShape(relation, pardon.classes + release.classes, tuple(dict.fromkeys(pardon.subject_roles + release.subject_roles)),
                             tuple(dict.fromkeys(pardon.object_roles + release.object_roles)))
    meetings = _below(projections()["meets"].event_class, RDFS.subClassOf)
    if relation == "visit":
        return RelationShape(relation, _below(DIP.Visit, RDFS.subClassOf), (DIP.visitor,), (DIP.host,))
    if relation == "host":
        others = tuple(r for r in _below(DIP.participant, RDFS.subPropertyOf) if r != DIP.host)
        return RelationShape(relation, meetings, (DIP.host,), others)
    if relation == "between":
        classes = tuple(dict.fromkeys(c for p in projections().values() for c in _below(p.event_class, RDFS.subClassOf)))
        roles = tuple(dict.fromkeys(r for p in projections().values()
                                    for r in (*_below(p.source_role, RDFS.subPropertyOf), *_below(p.target_role, RDFS.subPropertyOf))))
        return RelationShape(relation, classes, roles, roles)
    raise ValueError(f"unknown relation {relation!r}; known: {', '.join([*PROJECTED, 'visit', 'host', 'between'])}")


_SELECT = ("SELECT DISTINCT ?event ?type ?subject ?subjectLabel ?object ?objectLabel ?date ?localTime ?startTime "
           "?place ?status ?count ?assertion ?source ?title ?publisher ?published ?quote ?reliability ?credibility")


def build_query(relation: str, *, subject: NamedNode | None = None, obj: NamedNode | None = None,
                subject_type: str | None = None, object_type: str | None = None,
                period: tuple[str, str] | None = None, place: str | None = None,
                statuses: tuple[str, ...] = (), object: NamedNode | None = None) -> BuiltQuery:
    """One SELECT over the events of ``relation`` with the given participants and filters.

    ``subject``/``object`` are actor IRIs (bound); ``*_type`` an actor class name; ``period`` first and
    last ISO day (compared on the event's ``dip:date``); ``place`` a text the event's place must contain
    (case-insensitive); ``statuses`` keeps only those event statuses.
    """
    obj = obj if obj is not None else object
    shape = relation_shape(relation)
    params: dict[str, Term] = {}
    path_s = "|".join(_local(r) for r in shape.subject_roles)
    path_o = "|".join(_local(r) for r in shape.object_roles)
    lines = [f"  ?event a ?type ; dip:status ?st ; ({path_s}) ?subject ."]
    optional_object = obj is None and relation in ("pardon", "release", "pardon-or-release")
    object_line = f"?event ({path_o}) ?object ."
    lines.append(f"  OPTIONAL {{ {object_line} }}" if optional_object else f"  {object_line}")
    lines.append(f"  FILTER(?type IN ({', '.join(_local(c) for c in shape.classes)}))")
    if not optional_object:
        lines.append("  FILTER(?subject != ?object)")
    if subject is not None:
        params["subject"] = subject
    if obj is not None:
        params["object"] = obj
    for var, kind in (("subject", subject_type), ("object", object_type)):
        if kind:
            if kind not in ACTOR_CLASSES:
                raise ValueError(f"actor type {kind!r}: expected one of {', '.join(ACTOR_CLASSES)}")
            lines.append(f"  ?{var} a dip:{kind} .")
    lines += [
        "  ?assertion dip:claimEvent ?event ; prov:wasDerivedFrom ?doc .",
        "  OPTIONAL { ?subject rdfs:label ?subjectLabel } OPTIONAL { ?object rdfs:label ?objectLabel }",
        "  OPTIONAL { ?event dip:date ?date } OPTIONAL { ?event dip:localTime ?localTime }",
        "  OPTIONAL { ?event dip:startTime ?startTime } OPTIONAL { ?event dip:place ?place }",
        "  OPTIONAL { ?event dip:personCount ?count }",
        "  OPTIONAL { ?doc dip:url ?source } OPTIONAL { ?doc dip:title ?title }",
        "  OPTIONAL { ?doc dip:publisher ?publisher } OPTIONAL { ?doc dip:published ?published }",
        "  OPTIONAL { ?assertion dip:sourceReliability ?reliability ; dip:informationCredibility ?credibility }",
        "  OPTIONAL { ?assertion dip:evidence ?ev . ?ev dip:quote ?quote }",
        '  BIND(LCASE(STRAFTER(STR(?st), "#")) AS ?status)',
    ]
    if period is not None:
        params["from"], params["to"] = Literal(period[0]), Literal(period[1])
        lines.append("  FILTER(BOUND(?date) && SUBSTR(STR(?date), 1, 10) >= ?from && STR(?date) <= ?to)")
    if place:
        params["placeText"] = Literal(place)
        lines.append("  FILTER(BOUND(?place) && CONTAINS(LCASE(STR(?place)), LCASE(?placeText)))")
    if statuses:
        unknown = [s for s in statuses if s not in ("held", "planned", *NEGATIVE)]
        if unknown:
            raise ValueError(f"status {unknown[0]!r}: expected held, planned, {', '.join(NEGATIVE)}")
        lines.append(f"  FILTER(?status IN ({', '.join(repr(s).replace(chr(39), chr(34)) for s in statuses)}))")
    sparql = f"{_SELECT}\nWHERE {{\n" + "\n".join(lines) + "\n}\nORDER BY ?date ?localTime ?event ?objectLabel"
    return BuiltQuery(sparql, params)
