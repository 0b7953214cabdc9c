"""Review records (retract, accept, reject, dispute, reinstate) and current-view maintenance.

A record is appended to the default graph and points at the assertion; the
assertion's own graph is never touched.  Retracting or rejecting removes the
assertion's claim triples from the current view (the default graph) unless
another active assertion also states them.  Reinstating appends a
``dip:Reinstatement`` that names (``dip:undoes``) every rejection and retraction
of the assertion not yet undone, and copies the claim triples back from the
assertion's graph.

An assertion is *active* when every rejection or retraction about it is undone
by a reinstatement: for removals vs reinstatements the latest decision wins, and
the ``dip:undoes`` links make that independent of clock resolution.

>>> DECISIONS["retracted"][0].endswith("#Retraction")
True
>>> status_from("proposed", [{"decision": "rejected", "record": "r1"},
...                          {"decision": "reinstated", "record": "r2", "undoes": ["r1"]}])
'proposed'
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from pyoxigraph import DefaultGraph, Literal, NamedNode, Quad, QuerySolutions

from kg.rdf.ids import agent_iri, assertion_iri, content_hash, record_iri
from kg.rdf.terms import PROV_ATTRIBUTED, PROV_GENERATED_AT, RDF_TYPE, RDFS_LABEL, iri, lit
from kg.store import GraphStore
from kg.store.base import QueryResult, quad_text, writer
from kg.rdf.vocab import DIP

#: decision -> (record class, review status)
DECISIONS: dict[str, tuple[str, str]] = {
    "retracted": (str(DIP.Retraction), str(DIP.Retracted)),
    "rejected": (str(DIP.Rejection), str(DIP.Rejected)),
    "accepted": (str(DIP.Acceptance), str(DIP.Accepted)),
    "disputed": (str(DIP.Dispute), str(DIP.Disputed)),
    "reinstated": (str(DIP.Reinstatement), str(DIP.Reinstated)),
}
#: Decisions that take an assertion out of the current view.
REMOVING = frozenset({"retracted", "rejected"})
#: The decision that puts a removed assertion back into the current view.
REINSTATING = "reinstated"
#: Order of decisions recorded at the same instant (higher sorts later).  Only display order depends
#: on it: removals vs reinstatements are settled by ``dip:undoes``, not by time.
PRIORITY = {"accepted": 0, "disputed": 1, "retracted": 2, "rejected": 3, "reinstated": 4}


def open_removal(var: str = "?g", rec: str = "?rec") -> str:
    """SPARQL: ``rec`` is a rejection or retraction about ``var`` that no reinstatement undoes.

    >>> "undoes" in open_removal()
    True
    """
    return (f"{rec} <{DIP.about}> {var} ; <{DIP.decision}> {rec}_d . "
            f"FILTER({rec}_d IN (<{DIP.Retracted}>, <{DIP.Rejected}>)) "
            f"FILTER NOT EXISTS {{ {rec}_u <{DIP.undoes}> {rec} ; <{DIP.about}> {var} ; "
            f"<{DIP.decision}> <{DIP.Reinstated}> }}")


INACTIVE_FILTER = f"""
FILTER NOT EXISTS {{ {open_removal("?g", "?rec")} }}"""


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
    undoes: tuple[str, ...] = ()


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
    triples += [(node, iri(DIP.undoes), iri(record_iri(undone))) for undone in record.undoes]
    return [Quad(s, p, o, DefaultGraph()) for s, p, o in triples]  # type: ignore[arg-type]


def make_record(about: str, decision: str, by: str, reason: str | None, undoes: Sequence[str] = ()) -> Record:
    if decision not in DECISIONS:
        raise ValueError(f"unknown decision {decision!r}; expected one of {', '.join(DECISIONS)}")
    at = datetime.now(timezone.utc)
    rid = content_hash(f"{about}|{decision}|{by}|{reason}|{at.isoformat()}")[:32]
    return Record(rid, about, decision, by, at, reason, tuple(undoes))


def is_active(store: GraphStore, assertion_id: str) -> bool:
    """True unless the assertion has a rejection or retraction that no reinstatement undoes."""
    graph = iri(assertion_iri(assertion_id))
    return bool(store.query(f"ASK {{ BIND(?a AS ?g) {INACTIVE_FILTER} }}", bindings={"a": graph}))


def open_removals(store: GraphStore, assertion_id: str) -> list[str]:
    """IDs of the assertion's rejection and retraction records that no reinstatement undoes."""
    rows = store.query(f"SELECT ?rec WHERE {{ {open_removal('?a', '?rec')} }}",
                       bindings={"a": iri(assertion_iri(assertion_id))})
    return sorted(str(row["rec"].value).rsplit("/", 1)[-1] for row in rows)  # type: ignore[union-attr]


def records_about(store: GraphStore, assertion_id: str) -> list[dict[str, Any]]:
    """The assertion's decision records, oldest first: decision, at, record ID, undone record IDs."""
    found: dict[str, dict[str, Any]] = {}
    rows = store.query(
        f"SELECT ?rec ?d ?at ?u WHERE {{ ?rec <{DIP.about}> ?a ; <{DIP.decision}> ?d ; <{PROV_GENERATED_AT.value}> ?at . "
        f"OPTIONAL {{ ?rec <{DIP.undoes}> ?u }} }}",
        bindings={"a": iri(assertion_iri(assertion_id))},
    )
    for row in rows:  # type: ignore[union-attr]
        rid = str(row["rec"].value).rsplit("/", 1)[-1]
        entry = found.setdefault(rid, {"decision": str(row["d"].value).rsplit("#", 1)[-1].lower(),
                                       "at": str(row["at"].value), "record": rid, "undoes": []})
        if row["u"] is not None:
            entry["undoes"].append(str(row["u"].value).rsplit("/", 1)[-1])
    return sort_records(list(found.values()))


def sort_records(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Records in time order; ties by :data:`PRIORITY`."""
    return sorted(records, key=lambda r: (_instant(r["at"]), PRIORITY.get(r["decision"], 0)))


def _instant(text: str) -> datetime:
    try:
        value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return datetime.min.replace(tzinfo=timezone.utc)
    return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value


def status_from(entered: str, records: Sequence[Mapping[str, Any]]) -> str:
    """Effective status from the entry status and the decision records (oldest first).

    A rejection or retraction not undone by a reinstatement (``undoes``) decides, the latest one if
    several.  Otherwise the latest acceptance or dispute, else the status the assertion entered with:
    a reinstated assertion is back where it was before it was removed.

    >>> status_from("proposed", [{"decision": "rejected"}, {"decision": "accepted"}])
    'rejected'
    >>> status_from("proposed", [{"decision": "disputed"}, {"decision": "accepted"}])
    'accepted'
    >>> status_from("accepted", [{"decision": "retracted", "record": "a"},
    ...                          {"decision": "reinstated", "record": "b", "undoes": ["a"]},
    ...                          {"decision": "rejected", "record": "c"}])
    'rejected'
    """
    undone = {u for r in records for u in r.get("undoes") or ()}
    removing = [r["decision"] for r in records if r["decision"] in REMOVING and r.get("record") not in undone]
    if removing:
        return str(removing[-1])
    others = [r["decision"] for r in records if r["decision"] not in REMOVING and r["decision"] != REINSTATING]
    return str(others[-1]) if others else entered


def entered_status(store: GraphStore, assertion_id: str) -> str:
    """The review status the assertion entered with (proposed, accepted)."""
    for q in store.quads(iri(assertion_iri(assertion_id)), iri(DIP.reviewStatus), None, DefaultGraph()):
        return str(getattr(q.object, "value", q.object)).rsplit("#", 1)[-1].lower()
    return "proposed"


def current_status(store: GraphStore, assertion_id: str) -> str:
    """The assertion's effective status (:func:`status_from` over its own records)."""
    return status_from(entered_status(store, assertion_id), records_about(store, assertion_id))


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


_ID = re.compile(r"^[0-9a-f]{32}$")
_AGENT = re.compile(r"^([a-z]+:)?[\w.@-]{1,64}$")
#: decisions that need a reason (an acceptance may go without)
NEEDS_REASON = frozenset({"retracted", "rejected", "disputed", "reinstated"})


def check_id(assertion_id: str) -> str:
    """Return ``assertion_id`` if it looks like an assertion ID, else raise ValueError.

    >>> check_id("x")
    Traceback (most recent call last):
    ValueError: id: 'x' is not an assertion ID (32 hex digits)
    """
    if not _ID.match(assertion_id or ""):
        raise ValueError(f"id: {assertion_id!r} is not an assertion ID (32 hex digits)")
    return assertion_id


def check_agent(by: str) -> str:
    """The decider as ``kind:name`` (``alice`` -> ``analyst:alice``), or ValueError.

    >>> check_agent("alice"), check_agent("analyst:bob")
    ('analyst:alice', 'analyst:bob')
    """
    by = (by or "").strip()
    if not _AGENT.match(by):
        raise ValueError(f"by: {by!r} is not an analyst ID (letters, digits, . _ - @)")
    return by if ":" in by else f"analyst:{by}"


def refusal(decision: str, assertion_id: str, status: str, open_ids: Sequence[str]) -> str | None:
    """Why ``decision`` is refused for an assertion whose effective status is ``status``, or None.

    Deciding the same thing twice is an error, as is any decision but a reinstatement about an
    assertion out of the view, and a reinstatement of one in it.

    >>> refusal("retracted", "a" * 32, "retracted", ["r1"])
    'id: assertion aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa was retracted; reinstate it first'
    >>> refusal("accepted", "a" * 32, "accepted", []).endswith("is already accepted")
    True
    >>> refusal("accepted", "a" * 32, "proposed", []) is None
    True
    """
    if decision == REINSTATING:
        if not open_ids:
            return (f"id: assertion {assertion_id} is {status}, not rejected or retracted; "
                    "only an assertion out of the view can be reinstated")
        return None
    if status in REMOVING:
        return f"id: assertion {assertion_id} was {status}; reinstate it first"
    if status == decision:
        return f"id: assertion {assertion_id} is already {decision}"
    return None


@dataclass(frozen=True)
class HistoryEntry:
    """One record about an assertion: its creation or a later decision (see :func:`kg.desk.history.history`)."""

    kind: str
    at: str
    by: str
    reason: str | None
    record: str


def decide(store: GraphStore, assertion_id: str, decision: str, *, reason: str | None,
           by: str = "analyst:analyst") -> str:
    """The one door for decisions (retracted, rejected, accepted, disputed, reinstated); returns the record ID.

    Every face (``kg retract``, ``kg review``, the web desk, the HTTP API, :mod:`kg.desk.review`'s
    ``retract``/``reject``/``accept``/``dispute``/``reinstate``) comes through here, with the same guards: a
    known ID, a reason for all but an acceptance, no decision about an assertion out of the view but a
    reinstatement, and no decision made twice (retracting a retracted assertion, accepting an accepted
    one).  The check, the record and the view maintenance happen under the store's one writer, and the
    write is one SPARQL UPDATE (:func:`decision_update`).

    >>> from kg.store import open_store
    >>> decide(open_store("memory:"), "a" * 32, "retracted", reason="x")
    Traceback (most recent call last):
    kg.desk.records.UnknownAssertionError: no assertion with ID 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' in the store
    """
    if decision not in DECISIONS:
        raise ValueError(f"decision: unknown decision {decision!r}; expected one of {', '.join(DECISIONS)}")
    check_id(assertion_id)
    text = (reason or "").strip() or None
    if decision in NEEDS_REASON and text is None:
        raise ValueError(f"reason: a {DECISIONS[decision][0].rsplit('#', 1)[-1].lower()} needs a reason")
    agent = check_agent(by)
    with writer(store):
        if not store.contains_graph(iri(assertion_iri(assertion_id))):
            raise UnknownAssertionError(assertion_id)
        status = current_status(store, assertion_id)
        undone = open_removals(store, assertion_id)
        why = refusal(decision, assertion_id, status, undone)
        if why:
            raise ValueError(why)
        record = make_record(assertion_id, decision, agent, text, undoes=undone if decision == REINSTATING else ())
        store.update(decision_update(record, leaves_view=not undone))
    return record.id


def decision_update(record: Record, *, leaves_view: bool) -> str:
    """One SPARQL UPDATE appending ``record`` and maintaining the current view, computed by the server.

    A rejection or retraction of an active assertion (``leaves_view``) deletes the default-graph
    copies of its claim triples that no other active assertion graph states; a reinstatement copies
    them back.  Both happen in the transaction that appends the record, so a claim another writer adds
    meanwhile is either seen (and its triples kept) or written after (and its triples added back).
    """
    graph = iri(assertion_iri(record.about))
    ops = []
    if leaves_view and record.decision in REMOVING:
        ops.append(f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} "
                   f"FILTER NOT EXISTS {{ GRAPH ?h {{ ?s ?p ?o }} FILTER(?h != {graph}) "
                   f"FILTER NOT EXISTS {{ {open_removal('?h', '?hrec')} }} }} }}")
    if record.decision == REINSTATING:
        ops.append(f"INSERT {{ ?s ?p ?o }} WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} }}")
    ops.append("INSERT DATA { " + " ".join(quad_text(q) for q in record_quads(record)) + " }")
    return " ;\n".join(ops)


def view_drift(store: GraphStore) -> tuple[list[Quad], list[Quad]]:
    """(missing, stale): claim triples of active assertions absent from the current view, and view
    triples stated only by assertions out of it.  Both empty when the view equals the view rebuilt
    from the assertions.
    """
    active_only = f"FILTER NOT EXISTS {{ {open_removal('?g', '?rec')} }}"
    missing = store.query(f"SELECT DISTINCT ?s ?p ?o WHERE {{ ?g a <{DIP.Assertion}> . GRAPH ?g {{ ?s ?p ?o }} "
                          f"{active_only} FILTER NOT EXISTS {{ ?s ?p ?o }} }}")
    stale = store.query(f"SELECT DISTINCT ?s ?p ?o WHERE {{ ?x a <{DIP.Assertion}> . GRAPH ?x {{ ?s ?p ?o }} ?s ?p ?o . "
                        f"FILTER NOT EXISTS {{ ?g a <{DIP.Assertion}> . GRAPH ?g {{ ?s ?p ?o }} {active_only} }} }}")
    return _view_quads(missing), _view_quads(stale)


def _view_quads(result: QueryResult) -> list[Quad]:
    """The ``?s ?p ?o`` rows of a SELECT as default-graph quads."""
    if not isinstance(result, QuerySolutions):
        raise TypeError("expected SELECT solutions")
    return [Quad(row["s"], row["p"], row["o"], DefaultGraph()) for row in result]
