"""The library facade: a graph over a store and a resolver, opened, written, read and exported.

``KnowledgeGraph(store, resolver)`` takes its actor resolver as nomenklatura's ``Store(dataset, resolver)``
does (default: the packaged gazetteer's), and applies the merge/split records stored in the graph on top.
It keeps what every caller needs: open, write (documents, assertions, analysts' claims, RDF), read
(SPARQL, counts) and export.  Feature logic lives in its package: decisions and history in
:mod:`kg.desk` (:func:`kg.desk.records.decide`, :func:`kg.desk.review.retract`,
:func:`kg.desk.history.history`, :func:`kg.desk.review.assertions_about`), claims as assertions in
:mod:`kg.desk.claim`, actor resolution in :mod:`kg.resolve` (:func:`kg.resolve.actor_graph.resolve_actor`,
:func:`kg.resolve.lookup.find_actor`).  ``decide``, ``reinstate``, ``resolve_actor`` and ``find_actor``
stay as thin delegating methods because the docs name them as public API.

>>> with KnowledgeGraph.open("memory:") as graph:
...     aid = graph.assert_claim(ClaimInput(subject="Donald Trump", relation="meets",
...         object="Vladimir Putin", source="https://example.org/a", date="2025-08-15"))
...     rows = graph.select("SELECT ?b WHERE { ?a dip:meets ?b }")
...     len(rows) >= 1
True
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from pyoxigraph import DefaultGraph, Literal, NamedNode, Quad, QuerySolutions, RdfFormat, parse

from kg.desk.claim import claim_to_assertion
from kg.desk.records import HistoryEntry as HistoryEntry  # moved to kg.desk.records; kept importable here
from kg.desk.records import REINSTATING, decide, open_removal
from kg.model import ActorRef, Assertion, Document
from kg.model.inputs import ClaimInput
from kg.query.nesting import check_nesting
from kg.query.prefixes import user_position, with_prefixes
from kg.rdf.assertion_graph import assertion_quads, dedupe, document_triples
from kg.rdf.ids import assertion_iri, document_iri
from kg.rdf.terms import iri
from kg.rdf.validate import validate_quads
from kg.rdf.vocab import DIP
from kg.resolve import Resolver
from kg.resolve.actor_graph import resolve_actor, resolver_for
from kg.resolve.lookup import find_actor
from kg.store import GraphStore, open_store
from kg.store.base import QueryResult, Term, insert_unless_present, writer


#: claims checked against the shapes at once (pyshacl grows faster than linearly past a few hundred)
SHAPES_BATCH = 200
#: assertions written by one conditional UPDATE; larger batches are a plain insert under the writer
CONDITIONAL_GROUPS = 64


class KnowledgeGraph:
    """A diplomacy knowledge graph over any :class:`~kg.store.GraphStore`, resolving actors with ``resolver``.

    ``resolver`` (default :meth:`Resolver.default <kg.resolve.Resolver.default>`, the packaged gazetteer) is
    the base; :attr:`resolver` adds the merge/split records stored in the graph on top of it.

    >>> from kg.resolve import Gazetteer
    >>> from kg.store import open_store
    >>> base = Resolver(Gazetteer.load())
    >>> graph = KnowledgeGraph(open_store("memory:"), base)
    >>> graph.base_resolver is base, graph.resolver.gaz is base.gaz
    (True, True)
    """

    def __init__(self, store: GraphStore, resolver: Resolver | None = None) -> None:
        self.store = store
        self._base = resolver
        self._resolver: Resolver | None = None

    @property
    def base_resolver(self) -> Resolver:
        """The resolver the graph was given (built from the packaged gazetteer when none was)."""
        if self._base is None:
            self._base = Resolver.default()
        return self._base

    @property
    def resolver(self) -> Resolver:
        """The actor resolver: :attr:`base_resolver` plus this graph's merge/split records."""
        if self._resolver is None:
            self._resolver = resolver_for(self, self.base_resolver)
        return self._resolver

    def reset_resolver(self) -> None:
        """Forget the cached resolver (after a merge or split); the base resolver stays."""
        self._resolver = None

    @classmethod
    def open(cls, spec: str | None = None, *, resolver: Resolver | None = None) -> "KnowledgeGraph":
        """Open the store named by ``spec`` (path, ``memory:``, or endpoint URL) with ``resolver``."""
        return cls(open_store(spec), resolver)

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
        always = [Quad(s, p, o, DefaultGraph()) for s, p, o in document_triples(document)]
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
        assertion = claim_to_assertion(self, claim)
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
            batch = [claim_to_assertion(self, c) for c in claims[start:start + SHAPES_BATCH]]
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

    def resolve_actor(self, name: str, actor_type: str | None = None, *, on: date | datetime | None = None,
                      follow_decisions: bool = True) -> ActorRef:
        """Resolve a name (documented public API; delegates to :func:`kg.resolve.actor_graph.resolve_actor`).

        The gazetteer, an actor already in the graph by label, or a new node; ``follow_decisions=False``
        ignores analysts' merge/split records (the raw node).
        """
        return resolve_actor(self, name, actor_type, on=on, follow_decisions=follow_decisions)

    # -- decisions (documented public API; the one door is kg.desk.records.decide) -------------------
    def decide(self, assertion_id: str, decision: str, *, reason: str | None, by: str = "analyst:analyst") -> str:
        """Record a decision (retracted, rejected, accepted, disputed, reinstated); returns the record ID.

        Delegates to :func:`kg.desk.records.decide`, the one door every face comes through with the same
        guards (deciding the same thing twice is a clear error); :mod:`kg.desk.review` has one function per
        decision.
        """
        return decide(self.store, assertion_id, decision, reason=reason, by=by)

    def reinstate(self, assertion_id: str, *, reason: str, by: str = "analyst:analyst") -> str:
        """Undo a rejection or retraction (delegates to :func:`kg.desk.records.decide`); returns the record ID.

        Raises ValueError (nothing written) when the assertion is active or the reason is empty.
        """
        return decide(self.store, assertion_id, REINSTATING, reason=reason, by=by)

    # -- reading -----------------------------------------------------------------------
    def query(self, sparql: str, **bindings: Term) -> QueryResult:
        """Run SPARQL over the current view (``GRAPH ?g`` reaches assertion graphs).

        Common prefixes (dip, prov, rdfs, xsd, owl, skos, schema) are predeclared.  Queries nesting deeper
        than :data:`kg.query.nesting.MAX_NESTING` are refused before parsing (the parser would crash).
        """
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
        try:
            quads = [q if isinstance(q, Quad) else Quad(q.subject, q.predicate, q.object, DefaultGraph())
                     for q in parse(data, format=fmt)]
        except SyntaxError as exc:
            raise ValueError(f"{name}: {' '.join(str(exc).split())}") from None
        validate_quads(quads, what=name)
        before = len(self.store)
        self.store.apply(quads)
        return len(self.store) - before

    def find_actor(self, name: str) -> ActorRef:
        """The one actor of the graph ``name`` means; KeyError when none or several.

        Documented public API; delegates to :func:`kg.resolve.lookup.find_actor` (``in_graph=True``).
        """
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
