"""Project the current view onto a networkx ``MultiDiGraph`` of actors.

Which event roles become which edges is read from the ontology
(``dip:Projection``, via :func:`kg.model.relation_types.projections`), so a new event
type needs no code here.  Unlike the stored direct edges (held and planned
events only), the projection reads the *roles* of events, so refused, negated
and cancelled events appear too, carrying their ``status`` for the viewer to
mark.  Symmetric relations (both roles the same, e.g. ``meets``) get both
directions, each flagged ``symmetric=True``.

>>> from kg.api import KnowledgeGraph
>>> from kg.model.inputs import ClaimInput
>>> with KnowledgeGraph.open("memory:") as kg:
...     _ = kg.assert_claim(ClaimInput(subject="Ann Example", relation="meets", object="Bob Example",
...         source="https://example.org/a", date="2025-01-02", status="planned"))
...     G = project(kg)
>>> sorted(G.nodes[n]["label"] for n in G)
['Ann Example', 'Bob Example']
>>> [(d["relation"], d["status"], d["date"], d["symmetric"]) for _, _, d in G.edges(data=True)][0]
('meets', 'planned', '2025-01-02', True)
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import networkx as nx

from kg.resolve.normalize import fold

if TYPE_CHECKING:
    from kg.api import KnowledgeGraph

DIP_NS = "https://w3id.org/diplomacy-kg/ontology#"
ACTOR_TYPES = ("Person", "Country", "Organization", "Group")
#: Statuses whose events count as interactions (the ontology projects only these).
INTERACTION_STATUSES = frozenset({"held", "planned"})
_RELIABILITY = "ABCDEF"


@lru_cache(maxsize=None)
def subclasses(cls: str) -> frozenset[str]:
    """``cls`` and every named class of the ontology below it.

    >>> sorted(c.rsplit("#", 1)[1] for c in subclasses(DIP_NS + "Meeting"))
    ['Meeting', 'Summit', 'Visit']
    """
    from kg.rdf.ontology import ontology_graph, superclasses
    from rdflib import RDFS

    graph = ontology_graph()
    named = {str(s) for s in graph.subjects(RDFS.subClassOf, None)} | {cls}
    return frozenset(c for c in named if cls in superclasses(c))


def projection_sparql(relations: Iterable[str] | None = None) -> str:
    """The SELECT that reads every projected role pair, built from ``dip:Projection``.

    >>> "dip:Pardon dip:agent dip:releasedPerson" in projection_sparql(["pardons"])
    True
    """
    from kg.model.relation_types import projections

    known = projections()
    wanted = list(known) if relations is None else list(relations)
    unknown = [r for r in wanted if r not in known]
    if unknown:
        raise ValueError(f"unknown relation {unknown[0]!r}; expected one of {', '.join(known)}")
    rows = []
    for name in wanted:
        p = known[name]
        for cls in sorted(subclasses(p.event_class)):
            rows.append(f'("{name}" {_short(cls)} {_short(p.source_role)} {_short(p.target_role)})')
    return f"""
SELECT ?g ?rel ?e ?cls ?s ?t ?st ?date ?start ?local ?place ?conf ?rr ?cred ?review ?url ?title ?quote ?by WHERE {{
  VALUES (?rel ?cls ?srole ?trole) {{ {' '.join(rows)} }}
  ?e a ?cls ; ?srole ?s ; ?trole ?t ; dip:status ?st .
  FILTER(?s != ?t)
  ?g dip:claimEvent ?e .
  OPTIONAL {{ ?e dip:date ?date }} OPTIONAL {{ ?e dip:startTime ?start }} OPTIONAL {{ ?e dip:localTime ?local }}
  OPTIONAL {{ ?e dip:place ?place }}
  OPTIONAL {{ ?g dip:confidence ?conf }} OPTIONAL {{ ?g dip:sourceReliability ?rr }}
  OPTIONAL {{ ?g dip:informationCredibility ?cred }} OPTIONAL {{ ?g dip:reviewStatus ?review }}
  OPTIONAL {{ ?g prov:wasDerivedFrom ?doc . OPTIONAL {{ ?doc dip:url ?url }} OPTIONAL {{ ?doc dip:title ?title }} }}
  OPTIONAL {{ ?g dip:evidence ?ev . ?ev dip:quote ?quote }}
  OPTIONAL {{ ?g prov:wasAttributedTo ?agent . ?agent rdfs:label ?by }}
}}"""


def _short(iri: str) -> str:
    if iri.startswith(DIP_NS):
        return "dip:" + iri[len(DIP_NS):]
    return f"<{iri}>"


def _local(iri: Any) -> str:
    return str(iri).rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def grade_ok(grade: str, min_grade: str | None) -> bool:
    """True when an Admiralty grade is at least as good as ``min_grade`` on both axes.

    >>> grade_ok("B2", "C3"), grade_ok("D2", "C3"), grade_ok("B2", "B")
    (True, False, True)
    """
    if not min_grade:
        return True
    want_r = min_grade[0].upper()
    want_c = int(min_grade[1:]) if len(min_grade) > 1 else 6
    if want_r not in _RELIABILITY or not 1 <= want_c <= 6:
        raise ValueError(f"min grade {min_grade!r} is not an Admiralty grade such as B2")
    have_r, have_c = (grade[0], int(grade[1:])) if len(grade) > 1 else ("F", 6)
    return _RELIABILITY.index(have_r) <= _RELIABILITY.index(want_r) and have_c <= want_c


def _decisions(graph: "KnowledgeGraph") -> dict[str, str]:
    """Assertion IRI -> its latest accepted/disputed decision."""
    latest: dict[str, tuple[str, str]] = {}
    for row in graph.select(
        "SELECT ?g ?d ?at WHERE { ?r dip:about ?g ; dip:decision ?d . OPTIONAL { ?r prov:generatedAtTime ?at } "
        "FILTER(?d IN (dip:Accepted, dip:Disputed)) }"
    ):
        key, at = str(row["g"]), str(row.get("at", ""))
        if key not in latest or at >= latest[key][0]:
            latest[key] = (at, _local(row["d"]).lower())
    return {k: v for k, (_, v) in latest.items()}


def _actors(graph: "KnowledgeGraph") -> dict[str, tuple[str, str]]:
    """Actor IRI -> (label, type) for every typed actor in the current view."""
    values = " ".join(f"dip:{t}" for t in ACTOR_TYPES)
    found: dict[str, tuple[str, str]] = {}
    for row in graph.select(f"SELECT ?a ?t ?label WHERE {{ VALUES ?t {{ {values} }} ?a a ?t ; rdfs:label ?label }}"):
        found.setdefault(str(row["a"]), (str(row["label"]), _local(row["t"])))
    return found


def project(
    graph: "KnowledgeGraph",
    *,
    since: date | str | None = None,
    until: date | str | None = None,
    relations: Iterable[str] | None = None,
    min_confidence: float | None = None,
    min_grade: str | None = None,
    actor_types: Iterable[str] | None = None,
    accepted_only: bool = False,
) -> nx.MultiDiGraph:
    """Actors as nodes, one edge per derived relation of each active assertion.

    Nodes are actor IRIs with ``label`` and ``type``.  Edges (key ``ID:relation``)
    carry ``relation``, ``status``, ``date``, ``start_time``, ``local_time``
    (a clock time as the source gave it, e.g. ``"11:30"``), ``place``,
    ``confidence``, ``grade`` (e.g. ``"B2"``), ``quote``, ``source`` (URL),
    ``title``, ``asserted_by``, ``assertion`` (ID), ``assertions`` (list of IDs),
    ``review`` (proposed/accepted), ``disputed``, ``symmetric``, ``event``.
    ``since``/``until`` (ISO dates, inclusive) drop undated events.
    """
    from kg.model.relation_types import projections

    lo, hi = (str(since) if since else None), (str(until) if until else None)
    types = set(actor_types) if actor_types else None
    if types and types - set(ACTOR_TYPES):
        raise ValueError(f"unknown actor type {sorted(types - set(ACTOR_TYPES))[0]!r}; expected one of {', '.join(ACTOR_TYPES)}")
    symmetric = {name: p.symmetric for name, p in projections().items()}
    actors = _actors(graph)
    decisions = _decisions(graph)
    from kg.desk.grading import all_grades

    grades = all_grades(graph)  # the one effective grade, as in kg show, kg review show and /ui/actor
    G = nx.MultiDiGraph()
    for row in graph.select(projection_sparql(relations)):
        s, t, rel = str(row["s"]), str(row["t"]), str(row["rel"])
        day = str(row["date"]) if "date" in row else (str(row["start"])[:10] if "start" in row else None)
        if (lo or hi) and day is None:
            continue
        if (lo and day < lo) or (hi and day > hi):  # type: ignore[operator]
            continue
        confidence = float(row.get("conf", 1.0))
        if min_confidence is not None and confidence < min_confidence:
            continue
        g = str(row["g"])
        grade = grades.get(_local(g), {}).get("grade") or f"{row.get('rr', 'F')}{row.get('cred', 6)}"
        if not grade_ok(grade, min_grade):
            continue
        decision = decisions.get(g)
        review = "accepted" if decision == "accepted" or _local(row.get("review", "")) == "Accepted" else "proposed"
        if accepted_only and (review != "accepted" or decision == "disputed"):
            continue
        s_label, s_type = actors.get(s, (_local(s), "Actor"))
        t_label, t_type = actors.get(t, (_local(t), "Actor"))
        if types and not ({s_type, t_type} <= types):
            continue
        G.add_node(s, label=s_label, type=s_type)
        G.add_node(t, label=t_label, type=t_type)
        aid = _local(g)
        G.add_edge(
            s, t, key=f"{aid}:{rel}",
            relation=rel, status=_local(row["st"]).lower(), date=day,
            start_time=str(row["start"]) if "start" in row else None,
            local_time=str(row["local"]) if "local" in row else None,
            place=str(row["place"]) if "place" in row else None,
            confidence=confidence, grade=grade,
            quote=str(row["quote"]) if "quote" in row else None,
            source=str(row["url"]) if "url" in row else None,
            title=str(row["title"]) if "title" in row else None,
            asserted_by=str(row["by"]) if "by" in row else None,
            assertion=aid, assertions=[aid], review=review, disputed=decision == "disputed",
            symmetric=symmetric.get(rel, False), event=str(row["e"]), event_class=_local(row["cls"]),
        )
    return G


def find_node(G: nx.Graph, name: str) -> Any:
    """The node named ``name`` as the rest of the CLI names actors.

    In order: the node key (an actor IRI), its last segment (a QID or slug), the
    label (case- and accent-insensitive, as the resolver folds), the actor the
    gazetteer's resolver finds for an alias or title ("President Putin", "POTUS"),
    else a unique label containing ``name``.

    >>> G = nx.Graph(); G.add_node("x:1", label="Vladimir Putin"); G.add_node("x:2", label="Hugo Chávez")
    >>> find_node(G, "putin"), find_node(G, "Hugo Chavez"), find_node(G, "President Putin")
    ('x:1', 'x:2', 'x:1')
    """
    if name in G:
        return name
    needle = fold(name).strip()  # the resolver's folding: "Hugo Chavez" finds "Hugo Chávez"
    if not needle:
        raise KeyError("an actor name is empty")
    tails = [n for n in G if isinstance(n, str) and "/" in n and n.rstrip("/").rsplit("/", 1)[-1].lower() == name.strip().lower()]
    if len(tails) == 1:
        return tails[0]
    exact = [n for n, d in G.nodes(data=True) if fold(str(d.get("label", n))).strip() == needle]
    if exact:
        return exact[0]
    resolved = _resolved(G, name)
    if resolved is not None:
        return resolved
    partial = [n for n, d in G.nodes(data=True) if needle in fold(str(d.get("label", n)))]
    if len(partial) == 1:
        return partial[0]
    if partial:
        names = ", ".join(sorted(str(G.nodes[n].get("label", n)) for n in partial)[:5])
        raise KeyError(f"{name!r} matches several actors: {names}")
    from kg.resolve.lookup import ActorNotFound  # a KeyError: the CLI's "nothing matched" (exit 3)

    raise ActorNotFound(f"no actor named {name!r} in the network")


def _resolved(G: nx.Graph, name: str) -> Any:
    """The node of the actor the gazetteer's resolver finds for ``name`` (an alias, title or surname), if any."""
    try:
        from kg.resolve.gazetteer import Gazetteer
        from kg.resolve.resolver import Resolver

        gaz = _gazetteer()
        found = Resolver(gaz).resolve(name)
        record = gaz.get(found.id) if found else None
    except (OSError, ValueError, KeyError, ImportError):  # no gazetteer: labels only
        return None
    if record is None:
        return None
    ids = {str(record.id).lower(), str(getattr(record, "qid", "") or "").lower()} - {""}
    target = fold(str(record.name)).strip()
    for node, data in G.nodes(data=True):
        tail = str(node).rstrip("/").rsplit("/", 1)[-1].lower()
        if tail in ids or fold(str(data.get("label", node))).strip() == target:
            return node
    return None


@lru_cache(maxsize=1)
def _gazetteer() -> Any:
    from kg.resolve.gazetteer import Gazetteer

    return Gazetteer.load()


def ego_network(G: nx.Graph, actor: Any, depth: int = 1) -> nx.Graph:
    """The subgraph of ``G`` within ``depth`` hops of ``actor`` (in either direction).

    >>> G = nx.path_graph(5, create_using=nx.MultiDiGraph)
    >>> sorted(ego_network(G, 0, depth=2))
    [0, 1, 2]
    """
    center = find_node(G, actor) if actor not in G else actor
    undirected = G.to_undirected(as_view=True) if G.is_directed() else G
    nodes = nx.single_source_shortest_path_length(undirected, center, cutoff=depth)
    return G.subgraph(nodes).copy()


#: What a tie's weight counts: reports (assertions), events, or independent sources (outlets).
WEIGHTS = ("assertions", "events", "sources")


def _unit(data: dict[str, Any], weight_by: str) -> Any:
    """What one projected edge contributes to a tie's weight under ``weight_by``."""
    if weight_by == "events":
        return data.get("event") or data.get("assertion")
    if weight_by == "sources":
        from kg.desk.grading import source_key

        try:  # copies from one outlet count once, as kg.desk.grading counts origins
            return source_key(data.get("source") or data.get("title") or data.get("asserted_by"))
        except ValueError:
            return data.get("assertion")
    return data.get("assertion")


def weighted_graph(G: nx.Graph, *, statuses: Iterable[str] | None = INTERACTION_STATUSES,
                   weight_by: str = "assertions") -> nx.Graph:
    """Undirected simple graph; ``weight`` counts what links each pair, per relation.

    ``weight_by``: ``"assertions"`` (distinct reports, the default), ``"events"``
    (distinct events: five reports of one meeting count once) or ``"sources"``
    (distinct independent sources: outlets by URL host, so copies count once).
    Only edges whose ``status`` is in ``statuses`` count (held and planned by
    default: a refused meeting is not an interaction); ``None`` counts all.
    Edge attribute ``relations`` maps relation name -> count.

    >>> M = nx.MultiDiGraph()
    >>> M.add_edge("a", "b", relation="meets", status="held", assertion="1", event="e1", source="https://x.org/1")
    0
    >>> M.add_edge("b", "a", relation="meets", status="held", assertion="2", event="e1", source="https://www.x.org/2")
    0
    >>> M.add_edge("a", "b", relation="sanctions", status="held", assertion="3", event="e2", source="https://y.org/")
    1
    >>> W = weighted_graph(M)
    >>> W["a"]["b"]["weight"], W["a"]["b"]["relations"]
    (3, {'meets': 2, 'sanctions': 1})
    >>> weighted_graph(M, weight_by="events")["a"]["b"]["weight"], weighted_graph(M, weight_by="sources")["a"]["b"]["weight"]
    (2, 2)
    """
    if weight_by not in WEIGHTS:
        raise ValueError(f"weight {weight_by!r}: expected one of {', '.join(WEIGHTS)}")
    allowed = set(statuses) if statuses is not None else None
    pairs: dict[tuple[Any, Any], dict[str, int]] = {}
    seen: set[tuple[Any, ...]] = set()
    for u, v, datas in _edge_groups(G):
        pair = (u, v) if str(u) <= str(v) else (v, u)
        relations = None
        for data in datas:
            if allowed is not None and data.get("status", "held") not in allowed:
                continue
            rel = str(data.get("relation", ""))
            mark = (pair, data.get("assertion") if weight_by == "assertions" else _unit(data, weight_by), rel)
            if mark in seen:
                continue
            seen.add(mark)
            if relations is None:
                relations = pairs.setdefault(pair, {})
            relations[rel] = relations.get(rel, 0) + 1
    W = nx.Graph()
    W.add_nodes_from(G.nodes(data=True))
    W.add_edges_from((a, b, {"weight": sum(rels.values()), "relations": rels}) for (a, b), rels in pairs.items())
    return W


def _edge_groups(G: nx.Graph) -> Iterable[tuple[Any, Any, Iterable[dict[str, Any]]]]:
    """(u, v, data dicts of the u-v edges), in the order of ``G.edges(data=True)``.

    Reads a directed graph's adjacency directly (``G.edges`` costs a generator
    step per edge); undirected graphs go through ``G.edges`` (each edge once).
    """
    if G.is_directed():
        if G.is_multigraph():
            for u, nbrs in G.adjacency():
                for v, keydict in nbrs.items():
                    yield u, v, keydict.values()
        else:
            for u, nbrs in G.adjacency():
                for v, data in nbrs.items():
                    yield u, v, (data,)
    else:
        for u, v, data in G.edges(data=True):
            yield u, v, (data,)
