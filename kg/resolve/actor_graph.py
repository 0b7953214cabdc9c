"""Actors in the graph: gazetteer positions (so ``dip:Leader`` is typed from dated
offices) and analysts' merge/split decisions stored as records.

The gazetteer is written into its own named graph
``<https://w3id.org/diplomacy-kg/id/graph/gazetteer>`` and copied into the
current view; reloading a changed gazetteer replaces that graph and drops from
the view only the triples no other graph states.  Merge and split decisions are
append-only ``dip:Merge`` / ``dip:Split`` records; the resolver derives its
mapping from them (:func:`actor_decisions`), and a merge adds ``owl:sameAs``
between the two nodes to the current view.

>>> from kg.api import KnowledgeGraph
>>> g = KnowledgeGraph.open("memory:")
>>> load_gazetteer(g) > 1000
True
>>> rows = g.select('''SELECT ?name WHERE { ?p a dip:Leader ; rdfs:label ?name ;
...     dip:holdsPosition [ dip:office ?o ; dip:positionStart ?start ] . ?o dip:wikidata "Q218295" .
...     FILTER(?start <= "2010-06-01"^^xsd:date) } ORDER BY DESC(?start) LIMIT 1''')
>>> rows[0]["name"]
'Dmitry Medvedev'
"""

from __future__ import annotations

from datetime import date, datetime, timezone
from typing import TYPE_CHECKING

from pyoxigraph import DefaultGraph, Literal, NamedNode, Quad

from kg.rdf.ids import DATA_NS, actor_iri_for_name, actor_iri_for_qid, agent_iri, content_hash, office_iri, wikidata_iri
from kg.rdf.terms import OWL_SAME_AS, PROV_ATTRIBUTED, PROV_DERIVED, PROV_GENERATED_AT, RDF_TYPE, RDFS_LABEL, iri, lit, typed
from kg.desk.records import view_removals_for_graph
from kg.model.core import ActorRef
from kg.model.inputs import fold_name
from kg.resolve import ActorDecision, Gazetteer, ResolvedActor, Resolver
from kg.resolve.records import ActorRecord, Office
from kg.rdf.vocab import DIP

if TYPE_CHECKING:
    from kg.api import KnowledgeGraph

GAZETTEER_GRAPH = f"{DATA_NS}graph/gazetteer"
LEADERSHIP_KINDS = ("head_of_state", "head_of_government", "minister", "foreign_minister", "defense_minister",
                    "finance_minister", "supreme_leader", "secretary")


def actor_iri(record: ActorRecord) -> str:
    """The node IRI of a gazetteer actor (same rule as the resolver)."""
    return actor_iri_for_qid(record.qid) if record.qid else actor_iri_for_name(record.name, record.type)


def _office_iri(office: Office) -> str:
    return office_iri(office.id)


def _is_leadership(office: Office) -> bool:
    return any(office.kind.startswith(k) or office.kind.endswith("minister") for k in LEADERSHIP_KINDS)


def gazetteer_triples(gaz: Gazetteer) -> list[tuple[NamedNode, NamedNode, object]]:
    """Actors (type, label, aliases, Wikidata link), offices and dated positions."""
    triples: list[tuple[NamedNode, NamedNode, object]] = []
    for office in gaz.offices.values():
        node = iri(_office_iri(office))
        triples.append((node, RDF_TYPE, iri(DIP.LeadershipOffice if _is_leadership(office) else DIP.Office)))
        triples.append((node, RDFS_LABEL, Literal(office.label)))
        holder = gaz.get(office.holder)
        if holder is not None:
            triples.append((node, iri(DIP.officeOf), iri(actor_iri(holder))))
        if office.qid:
            triples.append((node, iri(DIP.wikidata), Literal(office.qid)))
    for record in gaz.actors.values():
        node = iri(actor_iri(record))
        triples += [(node, RDF_TYPE, iri(getattr(DIP, record.type))), (node, RDFS_LABEL, Literal(record.name))]
        if record.qid:
            triples += [(node, iri(DIP.wikidata), Literal(record.qid)), (node, OWL_SAME_AS, iri(wikidata_iri(record.qid)))]
        for alias in record.aliases:
            triples.append((node, iri(DIP.alias), Literal(alias)))
        leader = False
        for position in record.positions:
            held = gaz.offices.get(position.office)
            if held is None:
                continue
            pos = iri(f"{DATA_NS}position/{content_hash(f'{record.id}|{held.id}|{position.start}')[:24]}")
            triples += [(node, iri(DIP.holdsPosition), pos), (pos, RDF_TYPE, iri(DIP.Position)),
                        (pos, iri(DIP.office), iri(_office_iri(held)))]
            if position.start:
                triples.append((pos, iri(DIP.positionStart), typed(position.start_date.isoformat(), "date")))
            if position.end:
                triples.append((pos, iri(DIP.positionEnd), typed(position.end_date.isoformat(), "date")))
            leader = leader or _is_leadership(held)
        if leader:
            triples.append((node, RDF_TYPE, iri(DIP.Leader)))
    return triples


def load_gazetteer(graph: "KnowledgeGraph", gaz: Gazetteer | None = None) -> int:
    """Write the gazetteer into its graph and the current view (one transaction); returns quads added."""
    gaz = gaz or Gazetteer.load()
    graph_node = iri(GAZETTEER_GRAPH)
    triples = gazetteer_triples(gaz)
    version = content_hash("\n".join(f"{s} {p} {o}" for s, p, o in triples))
    if any(True for _ in graph.store.quads(graph_node, iri(DIP.contentHash), Literal(version), DefaultGraph())):
        return 0  # this version is already loaded
    old = list(graph.store.quads(None, None, None, graph_node))
    removals = old + view_removals_for_graph(graph.store, graph_node) if old else []
    removals += list(graph.store.quads(graph_node, None, None, DefaultGraph()))
    prov = [
        (graph_node, RDF_TYPE, iri("http://www.w3.org/ns/prov#Entity")),
        (graph_node, RDFS_LABEL, Literal("gazetteer: actors, offices and positions held")),
        (graph_node, PROV_DERIVED, iri("https://www.wikidata.org/")),
        (graph_node, iri(DIP.contentHash), Literal(version)),
        (graph_node, PROV_GENERATED_AT, lit(datetime.now(timezone.utc).replace(microsecond=0))),
    ]
    add = [Quad(s, p, o, graph_node) for s, p, o in triples]  # type: ignore[arg-type]
    add += [Quad(s, p, o, DefaultGraph()) for s, p, o in triples + prov]  # type: ignore[arg-type]
    graph.store.apply(list(dict.fromkeys(add)), list(dict.fromkeys(removals)))
    return len(add)


def record_actor_decision(graph: "KnowledgeGraph", kind: str, a: str, b: str, *, reason: str,
                          by: str = "analyst:analyst") -> str:
    """Store a merge (mentions of ``b`` become ``a``) or split; returns the record ID."""
    if kind not in ("merge", "split"):
        raise ValueError(f"decision must be merge or split, got {kind!r}")
    if not reason.strip():
        raise ValueError("reason: a merge or split needs a reason")
    actor_a = resolve_actor(graph, a, follow_decisions=False)
    actor_b = resolve_actor(graph, b, follow_decisions=False)
    iri_a, iri_b = iri(actor_a.canonical_iri()), iri(actor_b.canonical_iri())
    if iri_a == iri_b and kind == "merge":
        raise ValueError(f"{a!r} and {b!r} are already the same actor ({iri_a.value})")
    at = datetime.now(timezone.utc).replace(microsecond=0)
    rid = content_hash(f"{kind}|{iri_a}|{iri_b}|{reason}|{at.isoformat()}")[:32]
    node = iri(f"{DATA_NS}decision/{rid}")
    agent = iri(agent_iri(by))
    triples = [
        (node, RDF_TYPE, iri(DIP.Merge if kind == "merge" else DIP.Split)),
        (node, iri(DIP.actorA), iri_a), (node, iri(DIP.actorB), iri_b),
        (node, iri(DIP.reason), Literal(reason)), (node, PROV_ATTRIBUTED, agent), (node, PROV_GENERATED_AT, lit(at)),
        (agent, RDF_TYPE, iri(DIP.Analyst)), (agent, RDFS_LABEL, Literal(by.partition(":")[2] or by)),
    ]
    same = [Quad(iri_b, OWL_SAME_AS, iri_a, DefaultGraph()), Quad(iri_a, OWL_SAME_AS, iri_b, DefaultGraph())]
    add = [Quad(s, p, o, DefaultGraph()) for s, p, o in triples]  # type: ignore[arg-type]
    graph.store.apply(add + same if kind == "merge" else add, () if kind == "merge" else same)
    graph.reset_resolver()
    return rid


def actor_decisions(graph: "KnowledgeGraph", gaz: Gazetteer | None = None) -> list[ActorDecision]:
    """Every merge/split record in time order, as resolver decisions (IDs are node IRIs or gazetteer ids)."""
    by_iri = {actor_iri(r): r.id for r in (gaz or Gazetteer.load()).actors.values()}
    rows = graph.select(
        "SELECT ?kind ?a ?b ?reason ?at WHERE { ?d dip:actorA ?a ; dip:actorB ?b ; dip:reason ?reason ;"
        " prov:generatedAtTime ?at ; a ?cls . VALUES (?cls ?kind) { (dip:Merge 'merge') (dip:Split 'split') } }"
        " ORDER BY ?at"
    )
    return [ActorDecision(r["kind"], by_iri.get(r["a"], r["a"]), by_iri.get(r["b"], r["b"]), r["reason"]) for r in rows]


def resolver_for(graph: "KnowledgeGraph", base: Resolver | None = None) -> Resolver:
    """``base`` (default: the packaged gazetteer's resolver) that also applies the graph's merge/split records.

    >>> from kg.api import KnowledgeGraph
    >>> with KnowledgeGraph.open("memory:") as g:
    ...     rid = record_actor_decision(g, "merge", "Ann Lee", "A. Lee", reason="one person")
    ...     resolver_for(g).decisions[-1].kind
    'merge'
    """
    base = base if base is not None else Resolver.default()
    return Resolver(base.gaz, decisions=(*base.decisions, *actor_decisions(graph, base.gaz)))


def resolve_actor(graph: "KnowledgeGraph", name: str, actor_type: str | None = None, *,
                  on: date | datetime | None = None, follow_decisions: bool = True) -> ActorRef:
    """Resolve a name: the gazetteer, an actor already in the graph by label, or a new node.

    ``follow_decisions=False`` ignores analysts' merge/split records (the raw node, from the resolver the
    graph was given).

    >>> from kg.api import KnowledgeGraph
    >>> with KnowledgeGraph.open("memory:") as g:
    ...     resolve_actor(g, "President Putin").qid, resolve_actor(g, "Ann Lee").type
    ('Q7747', 'Person')
    """
    name = fold_name(name) or name  # invisible variants (soft hyphen, word joiner) are the same name
    resolver = graph.resolver if follow_decisions else graph.base_resolver
    resolved = resolver.resolve(name, on=on, actor_type=actor_type)
    if resolved is not None:
        return resolved.to_ref()
    for row in graph.select(
        "SELECT ?a ?type ?label ?needle WHERE { ?a rdfs:label ?label ; a ?type . "
        "FILTER(LCASE(STR(?label)) = LCASE(STR(?needle))) "
        "VALUES ?type { dip:Person dip:Country dip:Organization dip:Group } } LIMIT 1",
        needle=Literal(name),
    ):
        kind = str(row["type"]).rsplit("#", 1)[-1]
        found = ResolvedActor(row["a"], row["label"], kind, None, row["a"], 0.5, "label")
        return resolver.follow(found).to_ref()
    return resolver.unknown(name, actor_type or "Person").to_ref()
