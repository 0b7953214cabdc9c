"""The analyst's review desk: the queue of proposed assertions, one item in detail, decisions.

Extracted assertions enter as ``proposed`` with their extractor's confidence; analyst claims enter as
``accepted``.  An assertion's *effective status* is its latest decision record (kg.desk.records), else the
``dip:reviewStatus`` it entered with.  Retracting or rejecting takes it out of the current view; accepting
or disputing it is then refused until it is *reinstated* (:func:`reinstate`), which undoes the removal and
puts its claim triples back.  Between removals and reinstatements the latest decision wins; a reinstated
assertion has the status it had before it was removed (the latest acceptance or dispute, else its entry
status), so a reinstated extraction is back in the queue as proposed.

When an acceptance and a dispute share a timestamp, the more cautious wins (disputed > accepted).

>>> from kg.api import KnowledgeGraph
>>> from kg.model import ActorRef, Assertion, Claim, Document, Evidence
>>> g = KnowledgeGraph.open("memory:")
>>> doc = Document.from_text("Trump will meet Putin.", url="https://news.example/a")
>>> a = Assertion(Claim("meets", ActorRef("Donald Trump"), ActorRef("Vladimir Putin"), status="planned"),
...               doc, asserted_by="extractor:rules@0.1", confidence=0.8,
...               evidence=Evidence("meet Putin", "Trump will meet Putin.", 11, 21))
>>> g.add_document(doc, [a])
1
>>> [i["id"] == a.id for i in review_queue(g)]
[True]
>>> review_item(g, a.id)["highlight"]
('Trump will ', 'meet Putin', '.')
>>> _ = accept(g, a.id, "checked", "analyst:alice")
>>> review_queue(g), effective_status(g, a.id)
([], 'accepted')
>>> _ = reject(g, a.id, "satire", "analyst:alice")
>>> _ = reinstate(g, a.id, "the satire label was wrong", "analyst:alice")
>>> effective_status(g, a.id)
'accepted'
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from pyoxigraph import NamedNode

from kg.rdf.ids import assertion_iri
from kg.rdf.terms import iri
from kg.desk.records import REINSTATING, UnknownAssertionError, check_id, decide, open_removal, sort_records
from kg.desk.records import status_from as status_from

if TYPE_CHECKING:  # the desk reads a KnowledgeGraph; kg.api imports no desk module but records
    from kg.api import KnowledgeGraph

#: view modes: which assertions a query should see.
VIEW_MODES: tuple[str, ...] = ("accepted", "default")

_ASSERTIONS = """
SELECT ?g ?relation ?event ?label ?st ?date ?place ?count ?doc ?url ?title ?publisher ?by ?kind ?at ?conf
       ?rel ?cred ?rs ?quote ?qh ?sentence ?start ?end WHERE {
  ?g a dip:Assertion ; dip:assertedRelation ?relation ; dip:claimEvent ?event ; prov:wasDerivedFrom ?doc ;
     prov:wasAttributedTo ?agent ; prov:generatedAtTime ?at ; dip:confidence ?conf ;
     dip:sourceReliability ?rel ; dip:informationCredibility ?cred ; dip:reviewStatus ?rs .
  ?agent rdfs:label ?by .
  OPTIONAL { ?agent a ?kind . FILTER(?kind IN (dip:Extractor, dip:Analyst)) }
  GRAPH ?g { ?event rdfs:label ?label ; dip:status ?st .
             OPTIONAL { ?event dip:date ?date } OPTIONAL { ?event dip:place ?place }
             OPTIONAL { ?event dip:personCount ?count } }
  OPTIONAL { ?doc dip:url ?url } OPTIONAL { ?doc dip:title ?title } OPTIONAL { ?doc dip:publisher ?publisher }
  OPTIONAL { ?g dip:evidence ?ev . ?ev dip:quote ?quote . OPTIONAL { ?ev dip:quoteHash ?qh }
             OPTIONAL { ?ev dip:sentence ?sentence }
             OPTIONAL { ?ev dip:startOffset ?start } OPTIONAL { ?ev dip:endOffset ?end } }
}"""

_DECISIONS = """SELECT ?g ?rec ?d ?at ?who ?reason WHERE {
  ?rec dip:about ?g ; dip:decision ?d ; prov:generatedAtTime ?at ; prov:wasAttributedTo ?ag .
  ?ag rdfs:label ?who . OPTIONAL { ?rec dip:reason ?reason } }"""

_UNDOES = "SELECT ?rec ?u WHERE { ?rec dip:about ?g ; dip:decision dip:Reinstated ; dip:undoes ?u }"

_ACTORS = """SELECT ?g ?role ?actor ?label ?type WHERE {
  ?g a dip:Assertion ; dip:claimEvent ?e .
  GRAPH ?g { ?e ?role ?actor . ?actor rdfs:label ?label ; a ?type } }"""


def _local(value: Any) -> str:
    return str(value).rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def decisions(graph: KnowledgeGraph) -> dict[str, list[dict[str, Any]]]:
    """Every decision record per assertion ID, oldest first (ties: most cautious last).

    A reinstatement also lists the IDs of the records it undoes (``undoes``).
    """
    undoes: dict[str, list[str]] = {}
    for row in graph.select(_UNDOES):
        undoes.setdefault(_local(row["rec"]), []).append(_local(row["u"]))
    out: dict[str, list[dict[str, Any]]] = {}
    for row in graph.select(_DECISIONS):
        decision = _local(row["d"]).lower()
        rid = _local(row["rec"])
        record: dict[str, Any] = {"decision": decision, "at": str(row["at"]), "by": str(row["who"]),
                                  "reason": str(row["reason"]) if row.get("reason") else None, "record": rid}
        if decision == REINSTATING:
            record["undoes"] = sorted(undoes.get(rid, []))
        out.setdefault(_local(row["g"]), []).append(record)
    return {aid: sort_records(records) for aid, records in out.items()}


def assertion_rows(graph: KnowledgeGraph) -> dict[str, dict[str, Any]]:
    """Every stored assertion ID -> its claim summary, source, asserter, grades and effective status."""
    records = decisions(graph)
    rows: dict[str, dict[str, Any]] = {}
    for row in graph.select(_ASSERTIONS):
        aid = _local(row["g"])
        kind = "extractor" if _local(row.get("kind", "")) == "Extractor" else "analyst"
        if aid in rows and kind != "extractor":
            continue
        entered = _local(row["rs"]).lower()
        rows[aid] = {
            "id": aid, "relation": str(row["relation"]), "event": str(row["event"]), "label": str(row["label"]),
            "event_status": _local(row["st"]).lower(), "date": _opt(row, "date"), "place": _opt(row, "place"),
            "count": int(row["count"]) if row.get("count") is not None else None,
            "document": str(row["doc"]), "url": _opt(row, "url"), "title": _opt(row, "title"),
            "publisher": _opt(row, "publisher"), "asserted_by": f"{kind}:{row['by']}", "at": str(row["at"]),
            "confidence": float(row["conf"]), "reliability": str(row["rel"]), "credibility": int(row["cred"]),
            "entered_as": entered, "quote": _opt(row, "quote"), "quote_hash": _opt(row, "qh"),
            "sentence": _opt(row, "sentence"),
            "start": int(row["start"]) if row.get("start") is not None else None,
            "end": int(row["end"]) if row.get("end") is not None else None,
            "status": status_from(entered, records.get(aid, [])), "decisions": records.get(aid, []),
        }
    return rows


def actors_by_assertion(graph: KnowledgeGraph) -> dict[str, list[dict[str, str]]]:
    """Assertion ID -> the actors its claim names, with role, IRI, label and type."""
    out: dict[str, list[dict[str, str]]] = {}
    for row in graph.select(_ACTORS):
        kind = _local(row["type"])
        if kind not in ("Person", "Country", "Organization", "Group"):
            continue
        out.setdefault(_local(row["g"]), []).append(
            {"role": _local(row["role"]), "iri": str(row["actor"]), "label": str(row["label"]), "type": kind})
    return out


def _opt(row: dict[str, Any], key: str) -> str | None:
    return str(row[key]) if row.get(key) is not None else None


def source_matches(row: dict[str, Any], source: str) -> bool:
    """True when ``source`` (case-insensitive) occurs in the row's URL, title or publisher."""
    needle = source.lower()
    return any(needle in (row.get(k) or "").lower() for k in ("url", "title", "publisher"))


def review_queue(graph: KnowledgeGraph, *, min_confidence: float | None = None, relation: str | None = None,
                 source: str | None = None, status: str | None = "proposed") -> list[dict[str, Any]]:
    """Assertions whose effective status is ``status`` (None: any), highest confidence first."""
    if min_confidence is not None and not 0.0 <= min_confidence <= 1.0:
        raise ValueError(f"min_confidence: {min_confidence} is not in [0, 1]")
    if relation is not None:
        from kg.model.inputs import normalise_relation

        relation = normalise_relation(relation)
    rows = [
        r for r in assertion_rows(graph).values()
        if (status is None or r["status"] == status)
        and (min_confidence is None or r["confidence"] >= min_confidence)
        and (relation is None or r["relation"] == relation)
        and (source is None or source_matches(r, source))
    ]
    return sorted(rows, key=lambda r: (-r["confidence"], r["at"], r["id"]))


def highlight(sentence: str | None, quote: str | None, start: int | None = None) -> tuple[str, str, str]:
    """Split ``sentence`` into (before, quote, after); the web escapes each part.

    >>> highlight("Trump met Putin in Alaska.", "met Putin")
    ('Trump ', 'met Putin', ' in Alaska.')
    >>> highlight(None, "a quote")
    ('', 'a quote', '')
    """
    if not sentence or not quote:
        return "", quote or sentence or "", ""
    at = sentence.find(quote)
    if at < 0:
        at = sentence.lower().find(quote.lower())
    if at < 0:
        return sentence + " — ", quote, ""
    return sentence[:at], sentence[at:at + len(quote)], sentence[at + len(quote):]


def review_item(graph: KnowledgeGraph, assertion_id: str) -> dict[str, Any]:
    """One assertion in detail: claim, actors, quote highlighted in its sentence, source, asserter, history."""
    check_id(assertion_id)
    row = assertion_rows(graph).get(assertion_id)
    if row is None:
        raise UnknownAssertionError(assertion_id)
    item = dict(row)
    item["actors"] = actors_by_assertion(graph).get(assertion_id, [])
    item["highlight"] = highlight(row["sentence"], row["quote"], row["start"])
    return item


def effective_status(graph: KnowledgeGraph, assertion_id: str) -> str:
    """The assertion's latest decision, else the status it entered with."""
    item = assertion_rows(graph).get(check_id(assertion_id))
    if item is None:
        raise UnknownAssertionError(assertion_id)
    return str(item["status"])


def _decide(graph: KnowledgeGraph, assertion_id: str, decision: str, reason: str | None, by: str) -> str:
    return decide(graph.store, assertion_id, decision, reason=reason, by=by)


def retract(graph: KnowledgeGraph, assertion_id: str, reason: str, by: str = "analyst:analyst") -> str:
    """Retract an assertion: it leaves the current view, its history stays; returns the record ID."""
    return _decide(graph, assertion_id, "retracted", reason, by)


def accept(graph: KnowledgeGraph, assertion_id: str, reason: str | None = None, by: str = "analyst:analyst") -> str:
    """Accept an assertion (append an Acceptance record); returns the record ID."""
    return _decide(graph, assertion_id, "accepted", reason, by)


def reject(graph: KnowledgeGraph, assertion_id: str, reason: str, by: str = "analyst:analyst") -> str:
    """Reject an assertion: it leaves the current view until reinstated; returns the record ID."""
    return _decide(graph, assertion_id, "rejected", reason, by)


def reinstate(graph: KnowledgeGraph, assertion_id: str, reason: str, by: str = "analyst:analyst") -> str:
    """Undo a rejection or retraction: the claim returns to the current view; returns the record ID.

    Refused (ValueError, nothing written) when the assertion is active.
    """
    return _decide(graph, assertion_id, REINSTATING, reason, by)


def dispute(graph: KnowledgeGraph, assertion_id: str, reason: str, by: str = "analyst:analyst") -> str:
    """Mark an assertion disputed (it stays in the default view, not in the accepted-only view)."""
    return _decide(graph, assertion_id, "disputed", reason, by)


def bulk_accept(graph: KnowledgeGraph, min_confidence: float, by: str = "analyst:analyst",
                reason: str | None = None) -> list[str]:
    """Accept every proposed assertion with confidence >= ``min_confidence``; returns their IDs."""
    ids = [r["id"] for r in review_queue(graph, min_confidence=min_confidence)]
    for aid in ids:
        _decide(graph, aid, "accepted", reason or f"bulk accept, confidence >= {min_confidence}", by)
    return ids


def active_filter(mode: str = "default", var: str = "g") -> str:
    """A SPARQL snippet keeping only assertion graphs ``?var`` visible in ``mode``.

    ``default``: accepted + proposed + disputed (not rejected or retracted, unless reinstated) — what
    the default graph holds.  ``accepted``: entered accepted or accepted by a record, with no later open dispute.  Use it
    inside a WHERE group that binds ``?var`` to an assertion IRI, e.g.
    ``SELECT ?g WHERE { GRAPH ?g { ?a dip:meets ?b } <snippet> }``.

    >>> "dip:Rejected" in active_filter("accepted")
    True
    """
    if mode not in VIEW_MODES:
        raise ValueError(f"mode: {mode!r} is not one of {', '.join(VIEW_MODES)}")
    if not re.match(r"^[A-Za-z_]\w*$", var):
        raise ValueError(f"var: {var!r} is not a SPARQL variable name")
    v = f"?{var}"
    snippet = (f"FILTER NOT EXISTS {{ ?_vr dip:about {v} ; dip:decision ?_vd . "
               f"FILTER(?_vd IN (dip:Retracted, dip:Rejected))\n"
               f"  FILTER NOT EXISTS {{ ?_vu dip:undoes ?_vr ; dip:about {v} ; dip:decision dip:Reinstated }} }}\n")
    if mode == "accepted":
        snippet += (
            f"FILTER(EXISTS {{ {v} dip:reviewStatus dip:Accepted }} || "
            f"EXISTS {{ ?_va dip:about {v} ; dip:decision dip:Accepted }})\n"
            f"FILTER NOT EXISTS {{ ?_vx dip:about {v} ; dip:decision dip:Disputed ; prov:generatedAtTime ?_vt .\n"
            f"  FILTER NOT EXISTS {{ ?_vy dip:about {v} ; dip:decision dip:Accepted ; prov:generatedAtTime ?_vu . "
            f"FILTER(?_vu > ?_vt) }} }}\n"
        )
    return snippet


def active_graphs(graph: KnowledgeGraph, mode: str = "default") -> set[str]:
    """IDs of the assertions visible in ``mode`` (same rule as :func:`active_filter`)."""
    rows = graph.select(f"SELECT ?g WHERE {{ ?g a dip:Assertion . {active_filter(mode)} }}")
    return {_local(r["g"]) for r in rows}


def assertions_about(graph: KnowledgeGraph, actor: NamedNode) -> Iterator[dict[str, Any]]:
    """Active assertions whose claim involves ``actor``, with source and grade."""
    yield from graph.select(
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


def assertion_node(assertion_id: str) -> Any:
    """The assertion's IRI as a pyoxigraph NamedNode."""
    return iri(assertion_iri(check_id(assertion_id)))
