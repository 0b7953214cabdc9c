"""Admiralty grading: a registry of sources with a default reliability (A-F), credibility (1-6) from corroboration.

The registry lives in its own named graph ``<https://w3id.org/diplomacy-kg/id/graph/sources>`` as
append-only ``schema:Rating`` records (no new ontology terms): each rating has ``schema:itemReviewed``
(a source node ``<…/id/source/{key}>`` or an assertion IRI), ``schema:reviewAspect``
("sourceReliability" or "informationCredibility"), ``schema:ratingValue``, ``schema:ratingExplanation``
(the reason), ``prov:wasAttributedTo`` and ``prov:generatedAtTime``.  The latest rating is current; older
ones stay as history.

A source's key is the host of its URL without ``www.`` (``https://www.reuters.com/x`` -> ``reuters.com``),
else its publisher name in lower case.  An assertion's effective reliability is its own grade unless that
is F (cannot be judged), in which case the registry's grade for its source applies.

Credibility is computed from corroboration: the number of *independent* sources stating the same claim
(the same event cluster of kg.events, and the same event status).  Copies count once: assertions
from the same outlet, with the same quote hash or the same normalised quote are one origin.  Three or
more origins -> 1 (confirmed), two -> 2 (probably true), one -> 6 (cannot be judged).  The effective
credibility is the better of the assertion's own grade and the computed one; an analyst override (with a
reason, via :func:`override_credibility`) beats both.

>>> from kg.api import KnowledgeGraph
>>> from kg.model.inputs import ClaimInput
>>> g = KnowledgeGraph.open("memory:")
>>> a = g.assert_claim(ClaimInput(subject="A B", relation="meets", object="C D", source="https://www.x.org/1"))
>>> _ = set_source_grade(g, "x.org", "B", reason="long record", by="analyst:alice")
>>> effective_grade(g, a)["reliability"], effective_grade(g, a)["credibility"]
('B', 6)
"""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

from pyoxigraph import Literal, NamedNode, Quad

from kg.desk.sources import source_key as source_key
from kg.events import anchor_map
from kg.events.facts import count_origins
from kg.rdf.ids import DATA_NS, agent_iri, assertion_iri, content_hash, slugify
from kg.rdf.terms import PROV_ATTRIBUTED, PROV_GENERATED_AT, RDF_TYPE, RDFS_LABEL, iri, lit
from kg.desk.records import UnknownAssertionError, check_id
from kg.desk.review import assertion_rows

if TYPE_CHECKING:  # the desk reads a KnowledgeGraph; kg.api imports no desk module but records
    from kg.api import KnowledgeGraph

SOURCES_GRAPH = f"{DATA_NS}graph/sources"
SCHEMA = "https://schema.org/"
RELIABILITY, CREDIBILITY = "sourceReliability", "informationCredibility"
RELIABILITY_GRADES = "ABCDEF"

_RATINGS = """SELECT ?r ?item ?aspect ?value ?reason ?at ?who WHERE { GRAPH ?sg {
  ?r a schema:Rating ; schema:itemReviewed ?item ; schema:reviewAspect ?aspect ; schema:ratingValue ?value ;
     prov:generatedAtTime ?at ; prov:wasAttributedTo ?ag . ?ag rdfs:label ?who .
  OPTIONAL { ?r schema:ratingExplanation ?reason } } } ORDER BY ?at"""


def source_node(key: str) -> NamedNode:
    return iri(f"{DATA_NS}source/{slugify(key)}")


def _reason(reason: str | None) -> str:
    if not (reason or "").strip():
        raise ValueError("reason: a grade change needs a reason")
    return (reason or "").strip()


def _rating(graph: KnowledgeGraph, item: NamedNode, aspect: str, value: Literal, reason: str, by: str,
            label: str | None = None) -> str:
    at = datetime.now(timezone.utc)
    rid = content_hash(f"{item.value}|{aspect}|{value.value}|{by}|{reason}|{at.isoformat()}")[:32]
    node, g = iri(f"{DATA_NS}rating/{rid}"), iri(SOURCES_GRAPH)
    by = by if ":" in by else f"analyst:{by}"
    agent = iri(agent_iri(by))
    triples: list[tuple[Any, Any, Any]] = [
        (node, RDF_TYPE, iri(SCHEMA + "Rating")),
        (node, iri(SCHEMA + "itemReviewed"), item),
        (node, iri(SCHEMA + "reviewAspect"), Literal(aspect)),
        (node, iri(SCHEMA + "ratingValue"), value),
        (node, iri(SCHEMA + "ratingExplanation"), Literal(reason)),
        (node, PROV_ATTRIBUTED, agent),
        (node, PROV_GENERATED_AT, lit(at)),  # microseconds: two changes in one second keep their order
        (agent, RDFS_LABEL, Literal(by.partition(":")[2] or by)),
    ]
    if label is not None:
        triples += [(item, RDF_TYPE, iri(SCHEMA + "Organization")), (item, iri(SCHEMA + "name"), Literal(label))]
    graph.store.apply([Quad(s, p, o, g) for s, p, o in triples])
    return rid


def set_source_grade(graph: KnowledgeGraph, source: str, grade: str, *, reason: str,
                     by: str = "analyst:analyst") -> str:
    """Set (or change) the default reliability A-F of an outlet; returns the rating ID."""
    key = source_key(source)
    if len(grade or "") != 1 or grade.upper() not in RELIABILITY_GRADES:
        raise ValueError(f"grade: {grade!r} is not a source reliability grade A-F")
    return _rating(graph, source_node(key), RELIABILITY, Literal(grade.upper()), _reason(reason), by, label=key)


def override_credibility(graph: KnowledgeGraph, assertion_id: str, credibility: int, *, reason: str,
                         by: str = "analyst:analyst") -> str:
    """Override the computed information credibility (1-6) of an assertion; returns the rating ID."""
    check_id(assertion_id)
    if not isinstance(credibility, int) or not 1 <= credibility <= 6:
        raise ValueError(f"credibility: {credibility!r} is not an information credibility grade 1-6")
    reason = _reason(reason)
    if not graph.has_assertion(assertion_id):

        raise UnknownAssertionError(assertion_id)
    return _rating(graph, iri(assertion_iri(assertion_id)), CREDIBILITY, lit(credibility), reason, by)


def ratings(graph: KnowledgeGraph) -> list[dict[str, Any]]:
    """Every rating record of the registry, oldest first."""
    rows = graph.select(_RATINGS, sg=iri(SOURCES_GRAPH))
    return [{"rating": str(r["r"]).rsplit("/", 1)[-1], "item": str(r["item"]), "aspect": str(r["aspect"]),
             "value": str(r["value"]), "reason": str(r.get("reason") or ""), "at": str(r["at"]), "by": str(r["who"])}
            for r in rows]


def _current(graph: KnowledgeGraph, aspect: str) -> dict[str, dict[str, Any]]:
    current: dict[str, dict[str, Any]] = {}
    for rating in ratings(graph):
        if rating["aspect"] == aspect:
            current[rating["item"]] = rating  # oldest first: the last one wins
    return current


def list_sources(graph: KnowledgeGraph) -> list[dict[str, Any]]:
    """Registered outlets with their current grade, who set it, why, and how many changes."""
    history: dict[str, int] = {}
    for rating in ratings(graph):
        if rating["aspect"] == RELIABILITY:
            history[rating["item"]] = history.get(rating["item"], 0) + 1
    names = {str(r["s"]): str(r["n"]) for r in graph.select(
        "SELECT ?s ?n WHERE { GRAPH ?sg { ?s a schema:Organization ; schema:name ?n } }", sg=iri(SOURCES_GRAPH))}
    return sorted(
        ({"source": names.get(item, item), "grade": r["value"], "reason": r["reason"], "by": r["by"], "at": r["at"],
          "changes": history[item]} for item, r in _current(graph, RELIABILITY).items()),
        key=lambda r: r["source"])


def source_grade(graph: KnowledgeGraph, source: str) -> str | None:
    """The registry's current reliability of the outlet named by ``source`` (URL, domain, publisher)."""
    rating = _current(graph, RELIABILITY).get(source_node(source_key(source)).value)
    return rating["value"] if rating else None


def _normalised(text: str | None) -> str:
    folded = unicodedata.normalize("NFKD", text or "").lower()
    return re.sub(r"[\W_]+", " ", folded).strip()


def _origins(rows: list[dict[str, Any]]) -> int:
    """Number of independent origins: union of rows sharing outlet, document, quote hash or quote text."""
    keys = []
    for row in rows:
        outlet = row.get("publisher") or row.get("url")
        item = [("doc", row["document"]), ("qh", row.get("quote_hash") or ""), ("text", _normalised(row.get("quote")))]
        if outlet:
            item.append(("outlet", source_key(outlet) if "://" in outlet else outlet.lower()))
        keys.append(item)
    return count_origins(keys)


def corroboration(graph: KnowledgeGraph, rows: dict[str, dict[str, Any]] | None = None) -> dict[str, int]:
    """Assertion ID -> independent origins stating the same claim (itself included), over active assertions.

    The same claim: the same event cluster (kg.events: one module owns "same event") and the same event
    status (a cancellation does not corroborate a meeting).
    """
    rows = rows if rows is not None else assertion_rows(graph)
    active = {k: r for k, r in rows.items() if r["status"] not in ("rejected", "retracted")}
    anchor = anchor_map(graph)
    groups: dict[tuple[Any, ...], list[dict[str, Any]]] = {}
    for aid, row in active.items():
        groups.setdefault((anchor.get(aid, aid), row["event_status"]), []).append(row)
    out: dict[str, int] = {}
    for members in groups.values():
        n = _origins(members)
        for row in members:
            out[row["id"]] = n
    return out


def credibility_from(origins: int) -> int:
    """Admiralty credibility for a number of independent origins.

    >>> [credibility_from(n) for n in (1, 2, 3, 5)]
    [6, 2, 1, 1]
    """
    return 1 if origins >= 3 else 2 if origins == 2 else 6


def effective_grade(graph: KnowledgeGraph, assertion_id: str) -> dict[str, Any]:
    """Reliability (own, else registry) and credibility (override, else computed) with their reasons."""
    return all_grades(graph).get(check_id(assertion_id)) or _missing(assertion_id)


def _missing(assertion_id: str) -> dict[str, Any]:

    raise UnknownAssertionError(assertion_id)


def all_grades(graph: KnowledgeGraph) -> dict[str, dict[str, Any]]:
    """Effective grades of every assertion (one pass; use this for lists)."""
    rows = assertion_rows(graph)
    registry = {r["item"]: r for r in _current(graph, RELIABILITY).values()}
    overrides = {r["item"].rsplit("/", 1)[-1]: r for r in _current(graph, CREDIBILITY).values()}
    origins = corroboration(graph, rows)
    out: dict[str, dict[str, Any]] = {}
    for aid, row in rows.items():
        outlet = row.get("url") or row.get("publisher")
        registered = registry.get(source_node(source_key(outlet)).value) if outlet else None
        reliability = row["reliability"]
        basis = "assertion"
        if reliability == "F" and registered:
            reliability, basis = registered["value"], "registry"
        n = origins.get(aid, 1)
        override = overrides.get(aid)
        credibility = int(override["value"]) if override else min(row["credibility"], credibility_from(n))
        out[aid] = {"reliability": reliability, "reliability_basis": basis, "credibility": credibility,
                    "computed_credibility": credibility_from(n), "origins": n,
                    "override_reason": override["reason"] if override else None,
                    "grade": f"{reliability}{credibility}"}
    return out


def graded_ids(graph: KnowledgeGraph, *, min_reliability: str = "F", max_credibility: int = 6) -> set[str]:
    """IDs of assertions graded at least ``min_reliability`` (A best) and at most ``max_credibility`` (1 best).

    Combine with :func:`values_block` to restrict a query.
    """
    if len(min_reliability) != 1 or min_reliability.upper() not in RELIABILITY_GRADES:
        raise ValueError(f"min_reliability: {min_reliability!r} is not a source reliability grade A-F")
    if not 1 <= max_credibility <= 6:
        raise ValueError(f"max_credibility: {max_credibility} is not an information credibility grade 1-6")
    limit = RELIABILITY_GRADES.index(min_reliability.upper())
    return {aid for aid, grade in all_grades(graph).items()
            if RELIABILITY_GRADES.index(grade["reliability"]) <= limit and grade["credibility"] <= max_credibility}


def values_block(ids: set[str], var: str = "g") -> str:
    """A SPARQL ``VALUES ?var { <…> }`` restricting ``?var`` to these assertion graphs.

    >>> values_block({"0" * 32})
    'VALUES ?g { <https://w3id.org/diplomacy-kg/id/assertion/00000000000000000000000000000000> }'
    """
    if not re.match(r"^[A-Za-z_]\w*$", var):
        raise ValueError(f"var: {var!r} is not a SPARQL variable name")
    nodes = " ".join(f"<{assertion_iri(check_id(i))}>" for i in sorted(ids))
    return f"VALUES ?{var} {{ {nodes} }}"
