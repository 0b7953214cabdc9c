"""The library facade: everything the CLI, the server and the demo call.

>>> with KnowledgeGraph.open("memory:") as graph:
...     aid = graph.assert_claim(ClaimInput(subject="Donald Trump", relation="meets",
...         object="Vladimir Putin", source="https://example.org/a", date="2025-08-15"))
...     rows = graph.select("SELECT ?b WHERE { ?a dip:meets ?b }")
...     len(rows) >= 1
True
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from pyoxigraph import DefaultGraph, Literal, NamedNode, Quad, QuerySolutions, RdfFormat

from kg.rdf.ids import assertion_iri, document_iri
from kg.model import ActorRef, Assertion, Claim, Document, Evidence, Grade, StatedRole
from kg.model.inputs import ClaimInput
from kg.query.prefixes import user_position, with_prefixes
from kg.rdf.assertion_graph import assertion_quads, dedupe, document_triples
from kg.rdf.terms import iri
from kg.desk.records import (
    DECISIONS,
    NEEDS_REASON,
    PRIORITY,
    REINSTATING,
    UnknownAssertionError,
    check_agent,
    check_id,
    current_status,
    decision_update,
    make_record,
    open_removal,
    open_removals,
    refusal,
)
from kg.store import GraphStore, open_store
from kg.store.base import QueryResult, Term, insert_unless_present, writer
from kg.rdf.validate import validate_quads
from kg.rdf.vocab import DIP

if TYPE_CHECKING:  # kg.resolve.actor_graph reads a KnowledgeGraph: a type-only import, no import circle
    from kg.resolve import Resolver


#: claims checked against the shapes at once (pyshacl grows faster than linearly past a few hundred)
SHAPES_BATCH = 200
#: assertions written by one conditional UPDATE; larger batches are a plain insert under the writer
CONDITIONAL_GROUPS = 64


@dataclass(frozen=True)
class HistoryEntry:
    """One record about an assertion: its creation or a later decision."""

    kind: str
    at: str
    by: str
    reason: str | None
    record: str


class KnowledgeGraph:
    """A diplomacy knowledge graph over any :class:`~kg.store.GraphStore`."""

    def __init__(self, store: GraphStore) -> None:
        self.store = store
        self._resolver: Resolver | None = None

    @property
    def resolver(self) -> Resolver:
        """The actor resolver: the packaged gazetteer plus this graph's merge/split records."""
        if self._resolver is None:
            from kg.resolve.actor_graph import resolver_for

            self._resolver = resolver_for(self)
        return self._resolver

    def reset_resolver(self) -> None:
        """Forget the cached resolver (after a merge or split)."""
        self._resolver = None

    @classmethod
    def open(cls, spec: str | None = None) -> "KnowledgeGraph":
        """Open the store named by ``spec`` (path, ``memory:``, or endpoint URL)."""
        return cls(open_store(spec))

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> "KnowledgeGraph":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing -----------------------------------------------------------------------
    def has_assertion(self, assertion_id: str) -> bool:
        return self.store.contains_graph(iri(assertion_iri(assertion_id)))

    def has_document(self, doc_hash: str) -> bool:
        """True when a document with this content hash was already stored."""
        node = iri(document_iri(doc_hash))
        return any(True for _ in self.store.quads(node, iri(DIP.contentHash), None, DefaultGraph()))

    def add_assertion(self, assertion: Assertion, *, validate: bool = True) -> bool:
        """Write one assertion atomically unless it is stored; returns False when it was already stored."""
        quads = dedupe(assertion_quads(assertion))
        if validate:
            validate_quads(quads, what=f"assertion {assertion.id}")
        return bool(self._insert_new([assertion], quads_of={assertion.id: quads}))

    def add_document(self, document: Document, assertions: Sequence[Assertion], *, validate: bool = False) -> int:
        """Write a document and its assertions in one atomic write; returns new assertion count.

        Idempotent: assertions already stored are skipped, so re-ingesting changes nothing.
        """
        unique = list(dict((a.id, a) for a in assertions).values())
        always = [Quad(s, p, o, DefaultGraph()) for s, p, o in document_triples(document)]  # type: ignore[arg-type]
        quads_of = {a.id: dedupe(assertion_quads(a)) for a in unique}
        if validate:
            validate_quads(dedupe(always + [q for qs in quads_of.values() for q in qs]),
                           what=f"document {document.path or document.url or document.iri_hash}")
        return len(self._insert_new(unique, quads_of=quads_of, always=always))

    def _insert_new(self, assertions: Sequence[Assertion], *, quads_of: Mapping[str, Sequence[Quad]],
                    always: Sequence[Quad] = ()) -> list[str]:
        """Insert each assertion unless stored, in one transaction under the store's writer; new IDs.

        Up to :data:`CONDITIONAL_GROUPS` assertions the write is one UPDATE in which the server checks
        presence again (a writer on another machine shares no lock with us); a larger batch, checked under
        the writer, is one plain atomic insert (a conditional UPDATE of 10,000 assertions is 60 MB of text).
        """
        with writer(self.store):
            new = [a for a in assertions if not self.has_assertion(a.id)]
            if len(new) > CONDITIONAL_GROUPS:
                self.store.apply(dedupe([*always, *(q for a in new for q in quads_of[a.id])]))
            elif new or always:
                groups = [(iri(assertion_iri(a.id)), quads_of[a.id]) for a in new]
                self.store.update(insert_unless_present(groups, always))
        return [a.id for a in new]

    def assert_claim(self, claim: ClaimInput) -> str:
        """Validate and store an analyst's sourced claim; returns the assertion ID."""
        assertion = self.claim_to_assertion(claim)
        self.add_assertion(assertion)
        return assertion.id

    def assert_claims(self, claims: Sequence[ClaimInput], *,
                      on_progress: Callable[[int, int], None] | None = None) -> list[str]:
        """Validate every claim, then store them all in one atomic write; returns their IDs.

        Claims are resolved and checked against the shapes in batches of :data:`SHAPES_BATCH` (pyshacl's
        time grows faster than linearly with the graph it checks), ``on_progress(done, total)`` after each;
        nothing is written until every batch has passed.  A claim whose assertion is stored already (the
        same claim, source and analyst) keeps the grade and time it was first stored with: concurrent
        identical claims give one assertion, one grade.
        """
        assertions: list[Assertion] = []
        quads_of: dict[str, list[Quad]] = {}
        for start in range(0, len(claims), SHAPES_BATCH):
            batch = [self.claim_to_assertion(c) for c in claims[start:start + SHAPES_BATCH]]
            fresh = {a.id: dedupe(assertion_quads(a)) for a in batch if a.id not in quads_of}
            validate_quads(dedupe([q for qs in fresh.values() for q in qs]),
                           what=f"claims {start + 1}-{start + len(batch)}")
            assertions += batch
            quads_of.update(fresh)
            if on_progress is not None:
                on_progress(len(assertions), len(claims))
        unique = list(dict((a.id, a) for a in assertions).values())
        self._insert_new(unique, quads_of=quads_of)
        return [a.id for a in assertions]

    def claim_to_assertion(self, claim: ClaimInput) -> Assertion:
        """Resolve the claim's actors and build its assertion (nothing is written)."""
        subject = self.resolve_actor(claim.subject, claim.subject_type, on=claim.date)
        obj = self.resolve_actor(claim.object, claim.object_type, on=claim.date)
        if claim.relation in ("pardons", "releases") and claim.count is not None and claim.object_type == "Group":
            obj = ActorRef(obj.label, "Group", count=claim.count)
        core = Claim(
            relation=claim.relation,
            subject=subject,
            obj=obj,
            status=claim.status,
            date=claim.date.isoformat() if claim.date else None,
            time=claim.time,
            date_basis="explicit" if claim.date else None,
            place=claim.place,
            count=claim.count,
            stated_roles=self._stated_roles(claim, subject, obj),
        )
        source = Document.from_url(claim.source, published=claim.published)
        evidence = Evidence(quote=claim.quote) if claim.quote else None
        return Assertion(
            claim=core,
            source=source,
            asserted_by=f"analyst:{claim.analyst}",
            evidence=evidence,
            confidence=claim.confidence,
            grade=Grade(claim.reliability, claim.credibility),
            review_status="accepted",
        )

    def _stated_roles(self, claim: ClaimInput, subject: ActorRef, obj: ActorRef) -> tuple[StatedRole, ...]:
        """The offices an analyst gives the claim's actors (``subject_role``/``object_role``)."""
        roles = []
        for field, actor, phrase in (("subject_role", subject, claim.subject_role),
                                     ("object_role", obj, claim.object_role)):
            if not phrase:
                continue
            if actor.type != "Person":
                raise ValueError(f"{field}: {actor.label!r} is a {actor.type}; only a person holds an office")
            try:
                office = self.resolver.office_named(phrase, actor.canonical_iri())
            except ValueError as exc:
                raise ValueError(f"{field}: {exc}") from None
            roles.append(StatedRole(actor, office, phrase))
        return tuple(roles)

    def resolve_actor(self, name: str, actor_type: str | None = None, *, on: Any = None,
                      follow_decisions: bool = True) -> ActorRef:
        """Resolve a name: the gazetteer, an actor already in the graph by label, or a new node.

        ``follow_decisions=False`` ignores analysts' merge/split records (the raw node).
        """
        from kg.model.inputs import fold_name
        from kg.resolve import ResolvedActor, Resolver

        name = fold_name(name) or name  # invisible variants (soft hyphen, word joiner) are the same name
        resolver = self.resolver if follow_decisions else Resolver.default()
        resolved = resolver.resolve(name, on=on, actor_type=actor_type)
        if resolved is not None:
            return resolved.to_ref()
        for row in self.select(
            "SELECT ?a ?type ?label ?needle WHERE { ?a rdfs:label ?label ; a ?type . "
            "FILTER(LCASE(STR(?label)) = LCASE(STR(?needle))) "
            "VALUES ?type { dip:Person dip:Country dip:Organization dip:Group } } LIMIT 1",
            needle=Literal(name),
        ):
            kind = str(row["type"]).rsplit("#", 1)[-1]
            found = ResolvedActor(row["a"], row["label"], kind, None, row["a"], 0.5, "label")
            return resolver.follow(found).to_ref()
        return resolver.unknown(name, actor_type or "Person").to_ref()

    # -- review records ---------------------------------------------------------------
    def decide(self, assertion_id: str, decision: str, *, reason: str | None, by: str = "analyst:analyst") -> str:
        """The one door for decisions (retracted, rejected, accepted, disputed, reinstated); returns the record ID.

        Every face (``kg retract``, ``kg review``, the web desk, the HTTP API) comes through here, with the
        same guards: a known ID, a reason for all but an acceptance, no decision about an assertion out of
        the view but a reinstatement, and no decision made twice (retracting a retracted assertion,
        accepting an accepted one).  The check, the record and the view maintenance happen under the
        store's one writer, and the write is one SPARQL UPDATE (:func:`kg.desk.records.decision_update`).
        """
        if decision not in DECISIONS:
            raise ValueError(f"decision: unknown decision {decision!r}; expected one of {', '.join(DECISIONS)}")
        check_id(assertion_id)
        text = (reason or "").strip() or None
        if decision in NEEDS_REASON and text is None:
            raise ValueError(f"reason: a {DECISIONS[decision][0].rsplit('#', 1)[-1].lower()} needs a reason")
        agent = check_agent(by)
        with writer(self.store):
            if not self.has_assertion(assertion_id):
                raise UnknownAssertionError(assertion_id)
            status = current_status(self.store, assertion_id)
            undone = open_removals(self.store, assertion_id)
            why = refusal(decision, assertion_id, status, undone)
            if why:
                raise ValueError(why)
            record = make_record(assertion_id, decision, agent, text,
                                 undoes=undone if decision == REINSTATING else ())
            self.store.update(decision_update(record, leaves_view=not undone))
        return record.id

    def retract(self, assertion_id: str, *, reason: str, by: str = "analyst:analyst") -> str:
        """Retract an assertion: it leaves the current view; its history stays."""
        return self.decide(assertion_id, "retracted", reason=reason, by=by)

    def reinstate(self, assertion_id: str, *, reason: str, by: str = "analyst:analyst") -> str:
        """Undo a rejection or retraction: the claim returns to the current view; returns the record ID.

        Raises ValueError (nothing written) when the assertion is active or the reason is empty.
        """
        return self.decide(assertion_id, REINSTATING, reason=reason, by=by)

    def history(self, assertion_id: str) -> list[HistoryEntry]:
        """The assertion's creation and every later record about it, oldest first."""
        if not self.has_assertion(assertion_id):
            raise UnknownAssertionError(assertion_id)
        node = iri(assertion_iri(assertion_id))
        entries = []
        for row in self.select(
            "SELECT ?at ?who WHERE { ?a prov:generatedAtTime ?at ; prov:wasAttributedTo ?ag . ?ag rdfs:label ?who }",
            a=node,
        ):
            entries.append(HistoryEntry("asserted", str(row["at"]), str(row["who"]), None, assertion_id))
        for row in self.select(
            "SELECT ?rec ?dec ?at ?who ?reason WHERE { ?rec dip:about ?a ; dip:decision ?d ; prov:generatedAtTime ?at ;"
            " prov:wasAttributedTo ?ag . ?ag rdfs:label ?who . BIND(LCASE(STRAFTER(STR(?d), '#')) AS ?dec)"
            " OPTIONAL { ?rec dip:reason ?reason } }",
            a=node,
        ):
            entries.append(
                HistoryEntry(
                    str(row["dec"]), str(row["at"]), str(row["who"]),
                    str(row["reason"]) if row.get("reason") else None, str(row["rec"]).rsplit("/", 1)[-1],
                )
            )
        from kg.events.judgements import history_entries

        entries += history_entries(self, assertion_id)  # event merges, splits and machine links naming it
        return sorted(entries, key=lambda e: (datetime.fromisoformat(e.at), e.kind != "asserted",
                                              PRIORITY.get(e.kind, 0)))

    # -- reading -----------------------------------------------------------------------
    def query(self, sparql: str, **bindings: Term) -> QueryResult:
        """Run SPARQL over the current view (``GRAPH ?g`` reaches assertion graphs).

        Common prefixes (dip, prov, rdfs, xsd, owl, skos, schema) are predeclared.  Queries nesting deeper
        than :data:`kg.query.nesting.MAX_NESTING` are refused before parsing (the parser would crash).
        """
        from kg.query.nesting import check_nesting

        check_nesting(sparql)
        try:
            return self.store.query(with_prefixes(sparql), bindings=bindings or None)
        except SyntaxError as exc:
            raise SyntaxError(user_position(" ".join(str(exc).split()))) from None

    def select(self, sparql: str, **bindings: Term) -> list[dict[str, Any]]:
        """A SELECT query as a list of ``{variable: value}`` dicts (unbound variables omitted)."""
        result = self.query(sparql, **bindings)
        if not isinstance(result, QuerySolutions):
            raise ValueError("select() needs a SELECT query")
        names = [v.value for v in result.variables]
        rows = []
        for solution in result:
            row = {}
            for name in names:
                value = solution[name]
                if value is not None:
                    row[name] = value.value if isinstance(value, (NamedNode, Literal)) else value
            rows.append(row)
        return rows

    def stats(self) -> dict[str, int]:
        """Counts of quads, assertions, active assertions, actors, events, documents and records."""
        counts = {"quads": len(self.store)}
        queries = {
            "assertions": "SELECT (COUNT(?a) AS ?n) WHERE { ?a a dip:Assertion }",
            "retracted_or_rejected": f"SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE {{ {open_removal('?a', '?r')} }}",
            "documents": "SELECT (COUNT(?d) AS ?n) WHERE { ?d a dip:Document }",
            "actors": "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a ?t . VALUES ?t { dip:Person dip:Country dip:Organization dip:Group } }",
            "events": "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a ?t . VALUES ?t { "  # every relation type's classes
                      + " ".join(f"<{c}>" for c in _event_classes()) + " } }",
            "records": "SELECT (COUNT(?r) AS ?n) WHERE { ?r dip:about ?a }",
        }
        for key, sparql in queries.items():
            rows = self.select(sparql)
            counts[key] = int(rows[0]["n"]) if rows else 0
        return counts

    # -- import / export ---------------------------------------------------------------
    def export(self, fmt: RdfFormat) -> bytes:
        """Serialise the store: quad formats hold every graph, triple formats the current view."""
        return self.store.dump(fmt)

    def import_rdf(self, data: bytes, fmt: RdfFormat, *, name: str = "input") -> int:
        """Validate and load RDF atomically; returns the number of quads added."""
        from pyoxigraph import parse

        try:
            quads = [q if isinstance(q, Quad) else Quad(q.subject, q.predicate, q.object, DefaultGraph())
                     for q in parse(data, format=fmt)]
        except SyntaxError as exc:
            raise ValueError(f"{name}: {' '.join(str(exc).split())}") from None
        validate_quads(quads, what=name)
        before = len(self.store)
        self.store.apply(quads)
        return len(self.store) - before

    def assertions_about(self, actor: NamedNode) -> Iterator[dict[str, Any]]:
        """Active assertions whose claim involves ``actor``, with source and grade."""
        yield from self.select(
            """
            SELECT ?g ?relation ?event ?eventLabel ?status ?date ?place ?source ?title ?quote ?by ?rel ?cred ?conf WHERE {
              GRAPH ?g { ?event ?role ?actor . }
              ?g dip:claimEvent ?event ; dip:assertedRelation ?relation ; prov:wasDerivedFrom ?doc ;
                 prov:wasAttributedTo ?agent ; dip:sourceReliability ?rel ; dip:informationCredibility ?cred ;
                 dip:confidence ?conf .
              ?agent rdfs:label ?by .
              ?event rdfs:label ?eventLabel ; dip:status ?st . BIND(LCASE(STRAFTER(STR(?st), "#")) AS ?status)
              OPTIONAL { ?event dip:date ?date } OPTIONAL { ?event dip:place ?place }
              OPTIONAL { ?doc dip:url ?source } OPTIONAL { ?doc dip:title ?title }
              OPTIONAL { ?g dip:evidence/dip:quote ?quote }
              FILTER NOT EXISTS { %s }
            } ORDER BY ?relation ?date
            """ % open_removal("?g", "?rec"),
            actor=actor,
        )

    def find_actor(self, name: str) -> ActorRef:
        """The one actor of the graph ``name`` means (kg.resolve.lookup.find_actor); KeyError when none or several."""
        from kg.resolve.lookup import find_actor

        found = find_actor(self, name, in_graph=True).one()
        return ActorRef(found.label, found.type, iri=found.iri, qid=found.qid)


def load_file(path: Path) -> tuple[bytes, RdfFormat]:
    """Read an RDF file and guess its format from the extension."""
    fmt = RdfFormat.from_extension(path.suffix.lstrip(".").lower())
    if fmt is None:
        raise ValueError(f"{path}: unknown RDF file extension {path.suffix!r} (use .ttl, .trig, .nq, .nt, .jsonld, .rdf)")
    return path.read_bytes(), fmt


def _event_classes() -> list[str]:
    """IRIs of every event class of every relation type (:mod:`kg.model.relation_types`)."""
    from kg.model.relation_types import relation_types

    return [c for t in relation_types().values() for c in t.event_classes]
