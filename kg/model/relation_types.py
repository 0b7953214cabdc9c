"""Relation types, read from the ontology: one :class:`RelationType` per ``dip:Projection`` of ``dip.ttl``.

A relation type is everything the code needs to know about a relation such as ``meets`` or
``sanctions``: its event class (and the subclasses that are event types of it too), the roles its
subject and object fill, whether it is symmetric (its edge is an ``owl:SymmetricProperty``) or
multi-party (``dip:multiParty``), its CAMEO and PLOVER codes per status (``dip:eventCode``) and PLOVER
context (``dip:ploverContext``), its label, its place in lists (``dip:listOrder``) and an optional edge
colour (``dip:colour``).  Nothing
here names a relation: a new relation type is new triples in the ontology (or in a file named by
``KG_ONTOLOGY``, see :mod:`kg.rdf.ontology`) plus its trigger data for extraction.

>>> types = relation_types()
>>> types.names()
('meets', 'talksWith', 'pardons', 'releases', 'sanctions', 'advises')
>>> m = types["meets"]
>>> (m.event_type, m.event_types, m.symmetric, m.multi_party, m.label)
('Meeting', ('Meeting', 'Summit', 'Visit'), True, True, 'meets')
>>> m.codes("held", "Visit", subject_hosts=True), m.codes("planned", "Summit"), m.codes("negated")
(('043', 'CONSULT'), ('036', 'AGREE'), (None, None))

A registry can be read from any ontology file, for tests and extensions:

>>> import tempfile, pathlib
>>> extra = '''@prefix dip: <https://w3id.org/diplomacy-kg/ontology#> .
... @prefix owl: <http://www.w3.org/2002/07/owl#> .
... @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
... dip:Toast rdfs:subClassOf dip:Event .
... dip:toasts a owl:ObjectProperty ; rdfs:label "toasts"@en .
... dip:ToastsProjection a dip:Projection ; dip:eventClass dip:Toast ; dip:sourceRole dip:agent ;
...     dip:targetRole dip:target ; dip:edge dip:toasts ; dip:relationName "toasts" ; dip:colour "#123456" .
... '''
>>> with tempfile.TemporaryDirectory() as tmp:
...     path = pathlib.Path(tmp, "extra.ttl")
...     _ = path.write_text(extra, encoding="utf-8")
...     more = RelationTypes.from_files(path, base=True)
>>> more.names()[-1], more["toasts"].symmetric, more["toasts"].colour, more["toasts"].codes("held")
('toasts', False, '#123456', (None, None))
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rdflib import OWL, RDF, RDFS, SKOS, Graph, Literal, URIRef
from rdflib.term import Node

from kg.rdf.ids import ONTOLOGY_NS

#: event statuses, as the local names of the dip:EventStatus individuals (lower case)
_STATUS_NAMES = {"Held": "held", "Planned": "planned", "Cancelled": "cancelled", "Refused": "refused",
                 "Negated": "negated"}
_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")


def _dip(name: str) -> URIRef:
    return URIRef(ONTOLOGY_NS + name)


def local_name(iri: str) -> str:
    """The part of an IRI after ``#`` (or the last ``/``).

    >>> local_name("https://w3id.org/diplomacy-kg/ontology#Summit"), local_name("https://w3id.org/x/cameo/044")
    ('Summit', '044')
    """
    return re.split(r"[#/]", iri)[-1]


@dataclass(frozen=True)
class EventCoding:
    """The CAMEO / PLOVER codes of a relation's events with ``status`` (``dip:eventCode``).

    ``event_class`` (an IRI) limits it to events of that class or a subclass; ``host`` to events the
    subject hosts.  Codes are the codes' notations (``"044"``, ``"CONSULT"``), or None.
    """

    status: str
    cameo: str | None
    plover: str | None
    event_class: str | None = None
    host: bool = False


@dataclass(frozen=True)
class RelationType:
    """One relation type of the ontology (a ``dip:Projection``).

    ``event_class``, ``edge``, ``source_role`` and ``target_role`` are IRIs; ``event_types`` are the
    local names of the event class and its subclasses (the event class first); ``superclasses`` maps
    each event type to its named superclasses (for choosing the most specific coding).
    """

    name: str
    label: str
    edge: str
    event_class: str
    event_classes: tuple[str, ...]
    source_role: str
    target_role: str
    symmetric: bool
    multi_party: bool
    order: int | None
    colour: str | None
    codings: tuple[EventCoding, ...]
    superclasses: tuple[tuple[str, frozenset[str]], ...] = ()
    aliases: tuple[str, ...] = ()
    plover_context: str | None = None

    @property
    def relation(self) -> str:
        """The relation name (as :attr:`name`; the attribute the old projection records had)."""
        return self.name

    @property
    def event_type(self) -> str:
        """Local name of the relation's event class: the default event type of its claims."""
        return local_name(self.event_class)

    @property
    def event_types(self) -> tuple[str, ...]:
        """Local names of the event class and its subclasses."""
        return tuple(local_name(c) for c in self.event_classes)

    def spellings(self) -> tuple[str, ...]:
        """Lower-case ways to write the relation's name on input: the name, its label with spaces,
        hyphens or underscores, and the edge's ``dip:alias`` / ``skos:altLabel`` values.

        >>> relation_types()["talksWith"].spellings()
        ('talkswith', 'talks with', 'talks-with', 'talks_with', 'talks')
        """
        label = " ".join(self.label.lower().split())
        forms = [self.name.lower(), label, label.replace(" ", "-"), label.replace(" ", "_"),
                 *(a.lower() for a in self.aliases)]
        return tuple(dict.fromkeys(forms))

    @property
    def coded(self) -> bool:
        """Whether the relation's events carry CAMEO/PLOVER codes at all (a standing role does not)."""
        return bool(self.codings)

    def _supers(self, event_class: str) -> frozenset[str]:
        for cls, supers in self.superclasses:
            if cls == event_class:
                return supers
        return frozenset({event_class})

    def codes(self, status: str, event_type: str | None = None, *,
              subject_hosts: bool = False) -> tuple[str | None, str | None]:
        """(CAMEO, PLOVER) of an event of this relation with ``status``: the most specific coding
        that matches (event class, then host), or (None, None) when none does.

        >>> relation_types()["talksWith"].codes("held", "Call"), relation_types()["talksWith"].codes("held")
        (('041', 'CONSULT'), ('040', 'CONSULT'))
        """
        cls = next((c for c in self.event_classes if local_name(c) == event_type), None) if event_type else None
        supers = self._supers(cls) if cls else frozenset()
        best: EventCoding | None = None
        best_rank = (-1, -1)
        for coding in self.codings:
            if coding.status != status or (coding.host and not subject_hosts):
                continue
            if coding.event_class is not None and coding.event_class not in supers:
                continue
            rank = (len(self._supers(coding.event_class)) if coding.event_class else 0, int(coding.host))
            if rank > best_rank:
                best, best_rank = coding, rank
        return (best.cameo, best.plover) if best else (None, None)


class RelationTypes(Mapping[str, RelationType]):
    """The relation types of one ontology graph, by name, in ``dip:listOrder`` (then by name)."""

    def __init__(self, types: list[RelationType]) -> None:
        ordered = sorted(types, key=lambda t: (t.order is None, t.order or 0, t.name))
        self._types = {t.name: t for t in ordered}
        self._event_classes = {local_name(c): c for t in ordered for c in t.event_classes}
        self._event_types = tuple(self._event_classes)

    @classmethod
    def from_graph(cls, graph: Graph) -> "RelationTypes":
        """Read every ``dip:Projection`` of ``graph``; a malformed one is a one-line ValueError."""
        return cls([_read(graph, node) for node in graph.subjects(RDF.type, _dip("Projection"))])

    @classmethod
    def from_files(cls, *paths: str | Path, base: bool = False) -> "RelationTypes":
        """The relation types of the Turtle files ``paths`` (after the packaged ontology when ``base``).

        >>> RelationTypes.from_files(base=True).names() == relation_types().names()
        True
        """
        from kg.rdf.resources import ontology_path

        graph = Graph()
        if base:
            graph.parse(ontology_path("dip.ttl"), format="turtle")
        for path in paths:
            graph.parse(Path(path), format="turtle")
        return cls.from_graph(graph)

    def __getitem__(self, name: str) -> RelationType:
        return self._types[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._types)

    def __len__(self) -> int:
        return len(self._types)

    def names(self) -> tuple[str, ...]:
        """Relation names in list order."""
        return tuple(self._types)

    def get_type(self, name: str) -> RelationType:
        """The relation type ``name``, or a ValueError naming the known ones.

        >>> relation_types().get_type("greets")
        Traceback (most recent call last):
        ValueError: unknown relation 'greets'; expected one of meets, talksWith, pardons, releases, sanctions, advises
        """
        if name not in self._types:
            raise ValueError(f"unknown relation {name!r}; expected one of {', '.join(self._types)}")
        return self._types[name]

    def event_types(self) -> tuple[str, ...]:
        """Local names of every event class of every relation (each relation's class and subclasses)."""
        return self._event_types

    def event_class_iri(self, event_type: str) -> str:
        """The IRI of an event type's class; ValueError when no relation has it.

        >>> relation_types().event_class_iri("Summit")
        'https://w3id.org/diplomacy-kg/ontology#Summit'
        """
        if event_type not in self._event_classes:
            raise ValueError(f"unknown event type {event_type!r}; expected one of {', '.join(self._event_classes)}")
        return self._event_classes[event_type]

    def symmetric(self) -> frozenset[str]:
        """Names of the symmetric relations."""
        return frozenset(n for n, t in self._types.items() if t.symmetric)

    def multi_party(self) -> frozenset[str]:
        """Names of the multi-party relations."""
        return frozenset(n for n, t in self._types.items() if t.multi_party)


def _one(graph: Graph, node: Node, prop: str, where: str, *, required: bool = True) -> Node | None:
    values = list(graph.objects(node, _dip(prop)))
    if len(values) > 1 or (required and not values):
        raise ValueError(f"ontology: {where} needs exactly one dip:{prop} (found {len(values)})")
    return values[0] if values else None


def _flag(value: Node | None) -> bool:
    return bool(value.toPython()) if isinstance(value, Literal) else False


def _subclasses(graph: Graph, cls: URIRef) -> tuple[str, ...]:
    """``cls`` and every named class below it, breadth first (stable: children sorted)."""
    found, todo = [str(cls)], [cls]
    while todo:
        for child in sorted(graph.subjects(RDFS.subClassOf, todo.pop(0)), key=str):
            if isinstance(child, URIRef) and str(child) not in found:
                found.append(str(child))
                todo.append(child)
    return tuple(found)


def _read(graph: Graph, node: Node) -> RelationType:
    where = f"projection {local_name(str(node))}"
    name_node = _one(graph, node, "relationName", where)
    name = str(name_node)
    where = f"relation {name!r}"
    if not re.match(r"^[A-Za-z][A-Za-z0-9]*$", name):
        raise ValueError(f"ontology: {where}: a relation name is letters and digits, starting with a letter")
    terms = {p: _one(graph, node, p, where) for p in ("eventClass", "sourceRole", "targetRole", "edge")}
    for prop, value in terms.items():
        if not isinstance(value, URIRef):
            raise ValueError(f"ontology: {where}: dip:{prop} must be an IRI")
    event_class, edge = terms["eventClass"], terms["edge"]
    assert isinstance(event_class, URIRef) and isinstance(edge, URIRef)
    symmetric = (edge, RDF.type, OWL.SymmetricProperty) in graph
    if (terms["sourceRole"] == terms["targetRole"]) != symmetric:
        raise ValueError(f"ontology: {where}: the edge must be an owl:SymmetricProperty exactly when the source and "
                         "target roles are the same (every pair of fillers of that role gets the edge)")
    classes = _subclasses(graph, event_class)
    order = _one(graph, node, "listOrder", where, required=False)
    colour = _one(graph, node, "colour", where, required=False)
    context = _one(graph, node, "ploverContext", where, required=False)
    if colour is not None and not _COLOUR.match(str(colour)):
        raise ValueError(f"ontology: {where}: dip:colour {str(colour)!r} is not #RRGGBB")
    label = graph.value(edge, RDFS.label)
    aliases = sorted({str(a) for p in (_dip("alias"), SKOS.altLabel) for a in graph.objects(edge, p)})
    codings = tuple(_coding(graph, c, where) for c in graph.objects(node, _dip("eventCode")))
    supers = tuple((c, frozenset(str(s) for s in graph.transitive_objects(URIRef(c), RDFS.subClassOf)
                                 if isinstance(s, URIRef))) for c in classes)
    return RelationType(
        name=name, label=str(label) if label is not None else name, edge=str(edge), event_class=str(event_class),
        event_classes=classes, source_role=str(terms["sourceRole"]), target_role=str(terms["targetRole"]),
        symmetric=symmetric,
        multi_party=_flag(_one(graph, node, "multiParty", where, required=False)),
        order=int(order.toPython()) if isinstance(order, Literal) else None,
        colour=str(colour) if colour is not None else None, codings=codings, superclasses=supers,
        aliases=tuple(aliases), plover_context=str(context) if context is not None else None)


def _coding(graph: Graph, node: Node, where: str) -> EventCoding:
    status = _one(graph, node, "forStatus", f"{where}: an event code")
    status_name = _STATUS_NAMES.get(local_name(str(status)))
    if status_name is None:
        raise ValueError(f"ontology: {where}: dip:forStatus {status} is not an event status")
    cameo = _one(graph, node, "cameo", f"{where}: an event code", required=False)
    plover = _one(graph, node, "plover", f"{where}: an event code", required=False)
    cls = _one(graph, node, "forEventClass", f"{where}: an event code", required=False)
    return EventCoding(status_name, local_name(str(cameo)) if cameo is not None else None,
                       local_name(str(plover)) if plover is not None else None,
                       str(cls) if cls is not None else None,
                       _flag(_one(graph, node, "forHost", f"{where}: an event code", required=False)))


@lru_cache(maxsize=1)
def relation_types() -> RelationTypes:
    """The relation types of the ontology in use (:func:`kg.rdf.ontology.ontology_graph`), read once."""
    from kg.rdf.ontology import ontology_graph

    return RelationTypes.from_graph(ontology_graph())


def projections() -> RelationTypes:
    """Relation name -> relation type (its projection: event class, roles, edge), as ``dip:Projection`` nodes
    declare them; the same registry as :func:`relation_types`, under the name the analysis code uses.

    >>> p = projections()["pardons"]
    >>> (p.event_class.split("#")[1], p.source_role.split("#")[1], p.target_role.split("#")[1])
    ('Pardon', 'agent', 'releasedPerson')
    """
    return relation_types()


def relation_type(name: str) -> RelationType:
    """The relation type ``name`` of the ontology in use; ValueError names the known ones.

    >>> relation_type("sanctions").event_type, relation_type("sanctions").codes("planned")
    ('SanctionsAction', ('1312', 'THREATEN'))
    """
    return relation_types().get_type(name)
