"""Review records (retract, accept, reject, dispute) and current-view maintenance.

A record is appended to the default graph and points at the assertion; the
assertion's own graph is never touched.  Retracting or rejecting removes the
assertion's claim triples from the current view (the default graph) unless
another active assertion also states them.

>>> DECISIONS["retracted"][0].endswith("#Retraction")
True
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

from pyoxigraph import DefaultGraph, Literal, NamedNode, Quad

from kg.ids import agent_iri, assertion_iri, content_hash, record_iri
from kg.rdf.terms import PROV_ATTRIBUTED, PROV_GENERATED_AT, RDF_TYPE, RDFS_LABEL, iri, lit
from kg.store import GraphStore
from kg.vocab import DIP

#: decision -> (record class, review status)
DECISIONS: dict[str, tuple[str, str]] = {
    "retracted": (str(DIP.Retraction), str(DIP.Retracted)),
    "rejected": (str(DIP.Rejection), str(DIP.Rejected)),
    "accepted": (str(DIP.Acceptance), str(DIP.Accepted)),
    "disputed": (str(DIP.Dispute), str(DIP.Disputed)),
}
#: Decisions that take an assertion out of the current view.
REMOVING = frozenset({"retracted", "rejected"})

INACTIVE_FILTER = f"""
FILTER NOT EXISTS {{ ?rec <{DIP.about}> ?g ; <{DIP.decision}> ?dec .
                     FILTER(?dec IN (<{DIP.Retracted}>, <{DIP.Rejected}>)) }}"""


class UnknownAssertionError(KeyError):
    """No assertion with that ID is in the store."""

    def __str__(self) -> str:
        return f"no assertion with ID {self.args[0]!r} in the store"


@dataclass(frozen=True)
class Record:
    """A decision about an assertion."""

    id: str
    about: str
    decision: str
    by: str
    at: datetime
    reason: str | None


def record_quads(record: Record) -> list[Quad]:
    node = iri(record_iri(record.id))
    cls, status = DECISIONS[record.decision]
    agent = iri(agent_iri(record.by))
    _, _, agent_name = record.by.partition(":")
    triples = [
        (node, RDF_TYPE, iri(cls)),
        (node, iri(DIP.about), iri(assertion_iri(record.about))),
        (node, iri(DIP.decision), iri(status)),
        (node, PROV_ATTRIBUTED, agent),
        (node, PROV_GENERATED_AT, lit(record.at)),
        (agent, RDF_TYPE, iri(DIP.Analyst)),
        (agent, RDFS_LABEL, Literal(agent_name or record.by)),
    ]
    if record.reason:
        triples.append((node, iri(DIP.reason), Literal(record.reason)))
    return [Quad(s, p, o, DefaultGraph()) for s, p, o in triples]  # type: ignore[arg-type]


def make_record(about: str, decision: str, by: str, reason: str | None) -> Record:
    if decision not in DECISIONS:
        raise ValueError(f"unknown decision {decision!r}; expected one of {', '.join(DECISIONS)}")
    at = datetime.now(timezone.utc)
    rid = content_hash(f"{about}|{decision}|{by}|{reason}|{at.isoformat()}")[:32]
    return Record(rid, about, decision, by, at, reason)


def is_active(store: GraphStore, assertion_id: str) -> bool:
    """True unless the assertion was retracted or rejected."""
    graph = iri(assertion_iri(assertion_id))
    return bool(store.query(f"ASK {{ BIND(?a AS ?g) {INACTIVE_FILTER} }}", bindings={"a": graph}))


def view_removals(store: GraphStore, assertion_id: str) -> list[Quad]:
    """Default-graph quads to drop when the assertion leaves the view (unsupported elsewhere)."""
    return view_removals_for_graph(store, iri(assertion_iri(assertion_id)))


def view_removals_for_graph(store: GraphStore, graph: NamedNode) -> list[Quad]:
    """Default-graph copies of ``graph``'s triples that no other active graph states."""
    removals = []
    for quad in store.quads(None, None, None, graph):
        supported = store.query(
            f"ASK {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(?g != ?self) {INACTIVE_FILTER} }}",
            bindings={"s": quad.subject, "p": quad.predicate, "o": quad.object, "self": graph},  # type: ignore[dict-item]
        )
        if not supported:
            removals.append(Quad(quad.subject, quad.predicate, quad.object, DefaultGraph()))
    return removals


def view_restorations(store: GraphStore, assertion_id: str) -> list[Quad]:
    """Default-graph quads to put back when an assertion re-enters the view."""
    graph: NamedNode = iri(assertion_iri(assertion_id))
    return [Quad(q.subject, q.predicate, q.object, DefaultGraph()) for q in store.quads(None, None, None, graph)]
