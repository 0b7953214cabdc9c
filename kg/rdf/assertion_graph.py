"""Turn an :class:`~kg.model.Assertion` into quads.

Layout (nanopublication style, see docs/provenance.md):

* the claim (event node, roles, attributes, actor descriptions and the direct
  edges projected from the roles) goes into the assertion's own named graph;
* provenance about the assertion (source document, evidence, asserter, time,
  confidence, Admiralty grade) goes into the default graph and is never removed;
* while the assertion is active its claim triples are also in the default
  graph, which is the *current view* queries see by default.

>>> from kg.model import ActorRef, Assertion, Claim, Document
>>> a = Assertion(Claim("meets", ActorRef("A B", "Person"), ActorRef("C D", "Person")),
...               Document.from_url("https://example.org/x"), asserted_by="analyst:me")
>>> quads = assertion_quads(a)
>>> any(q.predicate.value.endswith("#meets") for q in quads)
True
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from pyoxigraph import DefaultGraph, Literal, NamedNode, Quad

from kg.rdf.ids import (
    CODES_NS,
    actor_iri_for_name,
    agent_iri,
    assertion_iri,
    content_hash,
    document_iri,
    event_iri,
    office_iri,
    wikidata_iri,
)
from kg.model import ActorRef, Assertion, Claim, Document
from kg.model.relation_types import RelationType as Projection, relation_types
from kg.rdf.event_time import event_time_triples
from kg.rdf.ontology import default_codes
from kg.rdf.terms import (
    OWL_SAME_AS,
    PROV_ATTRIBUTED,
    PROV_DERIVED,
    PROV_GENERATED_AT,
    RDF_TYPE,
    RDFS_LABEL,
    iri,
    lit,
    typed,
)
from kg.rdf.vocab import DIP

_STATUS = {
    "held": DIP.Held,
    "planned": DIP.Planned,
    "cancelled": DIP.Cancelled,
    "refused": DIP.Refused,
    "negated": DIP.Negated,
}
_REVIEW = {"proposed": DIP.Proposed, "accepted": DIP.Accepted}
#: Only events that happened or are planned project to direct edges: a refused
#: meeting is not a "meets" edge (it stays queryable on the event node).
PROJECTED_STATUSES = frozenset({"held", "planned"})


def _actor_node(actor: ActorRef, document: Document) -> NamedNode:
    if actor.iri:
        return iri(actor.iri)
    if actor.type == "Group" and not actor.qid:
        # An unnamed group ("16 prisoners") is specific to the story that reports it.
        return iri(actor_iri_for_name(f"{actor.label} {actor.count or ''} {document.iri_hash[:12]}", "group"))
    return iri(actor.canonical_iri())


def _actor_triples(node: NamedNode, actor: ActorRef) -> list[tuple[NamedNode, NamedNode, object]]:
    triples: list[tuple[NamedNode, NamedNode, object]] = [
        (node, RDF_TYPE, iri(getattr(DIP, actor.type))),
        (node, RDFS_LABEL, Literal(actor.label)),
    ]
    if actor.qid:
        triples.append((node, iri(DIP.wikidata), Literal(actor.qid)))
        triples.append((node, OWL_SAME_AS, iri(wikidata_iri(actor.qid))))
    if actor.count is not None:
        triples.append((node, iri(DIP.personCount), typed(str(actor.count), "nonNegativeInteger")))
    return triples


def _role_fillers(claim: Claim, projection: Projection) -> list[tuple[str, ActorRef]]:
    """(role IRI, actor) pairs: subject fills the source role, object(s) the target role."""
    roles: list[tuple[str, ActorRef]] = [(projection.source_role, s) for s in (claim.subject, *claim.co_subjects)]
    targets: list[ActorRef] = [claim.obj] if claim.obj else []
    targets += list(claim.co_objects) + list(claim.released) + list(claim.participants)
    roles += [(projection.target_role, t) for t in targets]
    if claim.host is not None:
        roles.append((str(DIP.host), claim.host))
        for role, actor in list(roles):
            if role == projection.source_role and actor != claim.host and claim.event_type == "Visit":
                roles.append((str(DIP.visitor), actor))
    return roles


def _event_label(claim: Claim) -> str:
    other = claim.obj.label if claim.obj else (f"{claim.count} persons" if claim.count else "")
    if claim.co_objects:
        other = ", ".join([other, *(o.label for o in claim.co_objects)])
    subject = ", ".join(s.label for s in (claim.subject, *claim.co_subjects))
    label = f"{claim.event_type}: {subject} {claim.relation} {other}".strip()
    return f"{label} ({claim.status})" if claim.status != "held" else label


def _date_literal(value: str, xsd_type: str, field: str) -> Literal:
    try:
        if xsd_type == "date":
            date.fromisoformat(value)
        else:
            datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{field} {value!r} is not an ISO 8601 {xsd_type}") from None
    return typed(value, xsd_type)


def claim_triples(assertion: Assertion) -> list[tuple[NamedNode, NamedNode, object]]:
    """The claim's triples: event node, roles, attributes, actors and projected edges."""
    claim, aid = assertion.claim, assertion.id
    types = relation_types()
    projection = types.get_type(claim.relation)
    event = iri(event_iri(aid))
    event_class = iri(types.event_class_iri(claim.event_type) if claim.event_type else DIP.Event)
    triples: list[tuple[NamedNode, NamedNode, object]] = [
        (event, RDF_TYPE, event_class),
        (event, RDFS_LABEL, Literal(_event_label(claim))),
        (event, iri(DIP.status), iri(_STATUS[claim.status])),
    ]
    fillers = _role_fillers(claim, projection)
    nodes: dict[ActorRef, NamedNode] = {}
    for role, actor in fillers:
        node = nodes.setdefault(actor, _actor_node(actor, assertion.source))
        triples.append((event, iri(role), node))
    for actor, node in nodes.items():
        triples += _actor_triples(node, actor)
    if claim.date:
        triples.append((event, iri(DIP.date), _date_literal(claim.date, "date", "date")))
        triples += event_time_triples(event, claim.date)  # event-time keys: date ranges are lookups
    if claim.end_date:
        triples.append((event, iri(DIP.endDate), _date_literal(claim.end_date, "date", "end date")))
    if claim.datetime:
        triples.append((event, iri(DIP.startTime), _date_literal(claim.datetime, "dateTime", "time")))
    for prop, value in ((DIP.localTime, claim.time), (DIP.dateBasis, claim.date_basis), (DIP.place, claim.place)):
        if value:
            triples.append((event, iri(prop), Literal(value)))
    if claim.count is not None:
        triples.append((event, iri(DIP.personCount), typed(str(claim.count), "nonNegativeInteger")))
    for hedge in claim.hedges:
        triples.append((event, iri(DIP.hedge), Literal(hedge)))
    cameo, plover = default_codes(str(event_class.value))
    if claim.cameo:
        cameo = f"{CODES_NS}cameo/{claim.cameo}"
    if claim.plover:
        plover = f"{CODES_NS}plover/{claim.plover}"
    if not projection.coded:  # a standing relation (advises): no event codes
        cameo = plover = None
    for prop, code in ((DIP.cameo, cameo), (DIP.plover, plover)):
        if code:
            triples.append((event, iri(prop), iri(code)))
    triples += _stated_role_triples(event, claim, nodes, assertion.source)
    if claim.status in PROJECTED_STATUSES:
        triples += _projected_edges(fillers, nodes, projection)
    return triples


def _stated_role_triples(event: NamedNode, claim: Claim, nodes: dict[ActorRef, NamedNode],
                         document: Document) -> list[tuple[NamedNode, NamedNode, object]]:
    """``event dip:statedRole [dip:roleActor A ; dip:roleOffice O ; dip:statedAs "..."]`` per stated role."""
    triples: list[tuple[NamedNode, NamedNode, object]] = []
    for role in claim.stated_roles:
        actor = nodes.get(role.actor) or _actor_node(role.actor, document)
        node = iri(f"{event.value}#role-{content_hash(actor.value + '|' + role.office)[:16]}")
        triples += [
            (event, iri(DIP.statedRole), node),
            (node, RDF_TYPE, iri(DIP.StatedRole)),
            (node, iri(DIP.roleActor), actor),
            (node, iri(DIP.roleOffice), iri(office_iri(role.office))),
        ]
        if role.stated_as:
            triples.append((node, iri(DIP.statedAs), Literal(role.stated_as)))
    return triples


#: most pairwise view edges one event projects: a summit of 32 members (32 x 31); a larger event keeps
#: only its role triples, so one sentence naming 1,000 participants stays linear (issue 17 item 11)
MAX_PAIR_EDGES = 32 * 31


def _projected_edges(
    fillers: list[tuple[str, ActorRef]], nodes: dict[ActorRef, NamedNode], projection: Projection
) -> list[tuple[NamedNode, NamedNode, object]]:
    """Pairwise edges of the view, or none when they would exceed :data:`MAX_PAIR_EDGES` (the event
    stays n-ary: its role triples name every participant, and pairs are derived from them by query)."""
    edge = iri(projection.edge)
    sources = list(dict.fromkeys(nodes[a] for r, a in fillers if r == projection.source_role))
    targets = list(dict.fromkeys(nodes[a] for r, a in fillers if r == projection.target_role))
    if projection.symmetric:
        members = list(dict.fromkeys(sources + targets))
        if len(members) * (len(members) - 1) > MAX_PAIR_EDGES:
            return []
        return [(a, edge, b) for a in members for b in members if a != b]
    if len(sources) * len(targets) > MAX_PAIR_EDGES:
        return []
    return [(s, edge, t) for s in sources for t in targets if s != t]


def document_triples(document: Document) -> list[tuple[NamedNode, NamedNode, NamedNode | Literal]]:
    """Triples describing a source document (default graph)."""
    node = iri(document_iri(document.iri_hash))
    triples: list[tuple[NamedNode, NamedNode, NamedNode | Literal]] = [
        (node, RDF_TYPE, iri(DIP.Document)),
        (node, iri(DIP.contentHash), Literal(document.iri_hash)),
    ]
    if document.url:
        triples.append((node, iri(DIP.url), typed(document.url, "anyURI")))
    if document.title:
        triples.append((node, iri(DIP.title), Literal(document.title)))
        triples.append((node, RDFS_LABEL, Literal(document.title)))
    elif document.url:
        triples.append((node, RDFS_LABEL, Literal(document.url)))
    if document.publisher:
        triples.append((node, iri(DIP.publisher), Literal(document.publisher)))
    if document.published:
        triples.append((node, iri(DIP.published), lit(document.published)))
    return triples


def provenance_triples(assertion: Assertion) -> list[tuple[NamedNode, NamedNode, object]]:
    """Provenance about the assertion (default graph)."""
    node = iri(assertion_iri(assertion.id))
    agent = iri(agent_iri(assertion.asserted_by))
    kind, _, agent_name = assertion.asserted_by.partition(":")
    agent_class = DIP.Extractor if kind == "extractor" else DIP.Analyst
    triples: list[tuple[NamedNode, NamedNode, object]] = [
        (node, RDF_TYPE, iri(DIP.Assertion)),
        (node, PROV_DERIVED, iri(document_iri(assertion.source.iri_hash))),
        (node, PROV_ATTRIBUTED, agent),
        (node, PROV_GENERATED_AT, lit(assertion.asserted_at)),
        (node, iri(DIP.confidence), lit(float(assertion.confidence))),
        (node, iri(DIP.sourceReliability), Literal(assertion.grade.reliability)),
        (node, iri(DIP.informationCredibility), lit(int(assertion.grade.credibility))),
        (node, iri(DIP.assertedRelation), Literal(assertion.claim.relation)),
        (node, iri(DIP.claimEvent), iri(event_iri(assertion.id))),
        (node, iri(DIP.reviewStatus), iri(_REVIEW.get(assertion.review_status, DIP.Proposed))),
        (agent, RDF_TYPE, iri(agent_class)),
        (agent, RDFS_LABEL, Literal(agent_name or assertion.asserted_by)),
    ]
    evidence = assertion.evidence
    if evidence is not None:
        ev = iri(assertion_iri(assertion.id) + "#evidence")
        triples += [
            (node, iri(DIP.evidence), ev),
            (ev, RDF_TYPE, iri(DIP.Evidence)),
            (ev, iri(DIP.quote), Literal(evidence.quote)),
            (ev, iri(DIP.quoteHash), Literal(content_hash(evidence.quote))),
        ]
        if evidence.sentence:
            triples.append((ev, iri(DIP.sentence), Literal(evidence.sentence)))
        if evidence.start is not None:
            triples.append((ev, iri(DIP.startOffset), typed(str(evidence.start), "nonNegativeInteger")))
        if evidence.end is not None:
            triples.append((ev, iri(DIP.endOffset), typed(str(evidence.end), "nonNegativeInteger")))
    return triples + document_triples(assertion.source)


def assertion_quads(assertion: Assertion) -> list[Quad]:
    """All quads one assertion writes: claim in its graph + current view, provenance."""
    graph = iri(assertion_iri(assertion.id))
    claim = claim_triples(assertion)
    quads = [Quad(s, p, o, graph) for s, p, o in claim]  # type: ignore[arg-type]
    quads += [Quad(s, p, o, DefaultGraph()) for s, p, o in claim]  # type: ignore[arg-type]
    quads += [Quad(s, p, o, DefaultGraph()) for s, p, o in provenance_triples(assertion)]  # type: ignore[arg-type]
    return quads


def dedupe(quads: Iterable[Quad]) -> list[Quad]:
    """Quads in first-seen order without repeats."""
    return list(dict.fromkeys(quads))
