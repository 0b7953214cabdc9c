"""Record time: what the graph believed at a moment (``as_of``) and what changed between two (``diff``).

Record time is when something was written (``prov:generatedAtTime`` of an assertion, a decision record
or a registry rating), not when the event happened (``dip:date``, valid time).  A date means the end of
that day (UTC); a date-time without offset is UTC.

>>> from kg.api import KnowledgeGraph
>>> from kg.model.inputs import ClaimInput
>>> g = KnowledgeGraph.open("memory:")
>>> aid = g.assert_claim(ClaimInput(subject="A B", relation="meets", object="C D", source="https://x.org/1"))
>>> past = as_of(g, "2000-01-01")
>>> past.stats()["assertions"], as_of(g, "2999-01-01").stats()["assertions"]
(0, 1)
>>> [a["id"] for a in diff(g, "2000-01-01", "2999-01-01")["added"]] == [aid]
True
"""

from __future__ import annotations

from datetime import date, datetime, time, timezone
from typing import Any

from pyoxigraph import DefaultGraph, NamedNode, Quad

from kg.api import KnowledgeGraph
from kg.desk.grading import SOURCES_GRAPH, ratings
from kg.rdf.terms import PROV_DERIVED, PROV_GENERATED_AT, RDF_TYPE, iri
from kg.desk.records import PRIORITY, REINSTATING, REMOVING, HistoryEntry, UnknownAssertionError
from kg.rdf.ids import assertion_iri
from kg.desk.review import assertion_rows, decisions
from kg.rdf.vocab import DIP


def history(graph: KnowledgeGraph, assertion_id: str) -> list[HistoryEntry]:
    """The assertion's creation and every later record about it (decisions, event judgements), oldest first.

    >>> from kg.model.inputs import ClaimInput
    >>> g = KnowledgeGraph.open("memory:")
    >>> aid = g.assert_claim(ClaimInput(subject="A B", relation="meets", object="C D", source="https://x.org/1"))
    >>> [e.kind for e in history(g, aid)]
    ['asserted']
    """
    from kg.events.judgements import history_entries

    if not graph.has_assertion(assertion_id):
        raise UnknownAssertionError(assertion_id)
    node = iri(assertion_iri(assertion_id))
    entries = []
    for row in graph.select(
        "SELECT ?at ?who WHERE { ?a prov:generatedAtTime ?at ; prov:wasAttributedTo ?ag . ?ag rdfs:label ?who }",
        a=node,
    ):
        entries.append(HistoryEntry("asserted", str(row["at"]), str(row["who"]), None, assertion_id))
    for row in graph.select(
        "SELECT ?rec ?dec ?at ?who ?reason WHERE { ?rec dip:about ?a ; dip:decision ?d ; prov:generatedAtTime ?at ;"
        " prov:wasAttributedTo ?ag . ?ag rdfs:label ?who . BIND(LCASE(STRAFTER(STR(?d), '#')) AS ?dec)"
        " OPTIONAL { ?rec dip:reason ?reason } }",
        a=node,
    ):
        entries.append(HistoryEntry(str(row["dec"]), str(row["at"]), str(row["who"]),
                                    str(row["reason"]) if row.get("reason") else None,
                                    str(row["rec"]).rsplit("/", 1)[-1]))
    entries += history_entries(graph, assertion_id)  # event merges, splits and machine links naming it
    return sorted(entries, key=lambda e: (datetime.fromisoformat(e.at), e.kind != "asserted",
                                          PRIORITY.get(e.kind, 0)))


def moment(when: str | date | datetime) -> datetime:
    """An aware UTC datetime for ``when`` (a date means the end of that day).

    >>> moment("2025-08-15").isoformat()
    '2025-08-15T23:59:59.999999+00:00'
    >>> moment("2025-08-15T10:00:00+02:00").isoformat()
    '2025-08-15T08:00:00+00:00'
    """
    value: date | datetime
    if isinstance(when, (date, datetime)):
        value = when
    else:
        text = str(when).strip()
        try:
            value = datetime.fromisoformat(text.replace("Z", "+00:00")) if ("T" in text or " " in text) \
                else date.fromisoformat(text)
        except ValueError:
            raise ValueError(f"when: {text!r} is not an ISO 8601 date or date-time") from None
    if not isinstance(value, datetime):
        value = datetime.combine(value, time.max)
    return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value.astimezone(timezone.utc)


def _v(term: Any) -> str:
    """The lexical value of a pyoxigraph term (IRI or literal text)."""
    return str(getattr(term, "value", term))


def _stamp(text: str) -> datetime:
    return moment(text if "T" in text else text + "T00:00:00")


def as_of(graph: KnowledgeGraph, when: str | date | datetime) -> KnowledgeGraph:
    """A new in-memory graph holding what was recorded at or before ``when``, with the view of that time.

    Assertions generated later are left out; decision records and registry ratings made later are not
    applied; the default graph (current view) is rebuilt from the assertions active at ``when`` (a
    rejection or retraction counts unless a reinstatement made by then undoes it).
    """
    cut = moment(when)
    store = graph.store
    times = {_v(q.subject): _stamp(_v(q.object))
             for q in store.quads(None, PROV_GENERATED_AT, None, DefaultGraph())}
    assertions = {_v(q.subject) for q in store.quads(None, RDF_TYPE, iri(DIP.Assertion), DefaultGraph())}
    kept = {a for a in assertions if a in times and times[a] <= cut}
    records: dict[str, str] = {_v(q.subject): _v(q.object)
                               for q in store.quads(None, iri(DIP.about), None, DefaultGraph())}
    kept_records = {r for r, about in records.items() if about in kept and r in times and times[r] <= cut}
    undone = {_v(q.object) for r in kept_records for q in store.quads(iri(r), iri(DIP.undoes), None, DefaultGraph())
              if _decision(store, r) == REINSTATING}
    removed = {records[r] for r in kept_records if _decision(store, r) in REMOVING and r not in undone}
    documents = {_v(q.subject) for q in store.quads(None, RDF_TYPE, iri(DIP.Document), DefaultGraph())}
    kept_docs = {_v(q.object) for a in kept for q in store.quads(iri(a), PROV_DERIVED, None, DefaultGraph())}
    claim_triples: set[tuple[Any, Any, Any]] = set()
    out: list[Quad] = []
    for a in assertions:
        for q in store.quads(None, None, None, iri(a)):
            claim_triples.add((q.subject, q.predicate, q.object))
            if a in kept:
                out.append(q)
                if a not in removed:
                    out.append(Quad(q.subject, q.predicate, q.object, DefaultGraph()))
    for q in store.quads(None, None, None, DefaultGraph()):
        s = q.subject.value if isinstance(q.subject, NamedNode) else ""
        owner = s.split("#", 1)[0]
        if (q.subject, q.predicate, q.object) in claim_triples or (owner in assertions and owner not in kept) \
                or (s in records and s not in kept_records) or (s in documents and s not in kept_docs):
            continue
        out.append(q)
    out += _ratings_until(graph, cut)
    result = KnowledgeGraph.open("memory:")
    result.store.apply(list(dict.fromkeys(out)))
    return result


def _decision(store: Any, record: str) -> str:
    for q in store.quads(iri(record), iri(DIP.decision), None, DefaultGraph()):
        return _v(q.object).rsplit("#", 1)[-1].lower()
    return ""


def _ratings_until(graph: KnowledgeGraph, cut: datetime) -> list[Quad]:
    sources = iri(SOURCES_GRAPH)
    quads = list(graph.store.quads(None, None, None, sources))
    stamps = {_v(q.subject): _stamp(_v(q.object)) for q in quads if q.predicate == PROV_GENERATED_AT}
    late = {s for s, t in stamps.items() if t > cut}
    return [q for q in quads if not (isinstance(q.subject, NamedNode) and q.subject.value in late)]


def diff(graph: KnowledgeGraph, from_: str | date | datetime, to: str | date | datetime) -> dict[str, list[dict[str, Any]]]:
    """What was recorded in ``(from_, to]``: assertions added, decisions (by kind, including
    ``reinstated``) and re-gradings."""
    start, end = moment(from_), moment(to)
    if start > end:
        raise ValueError(f"from: {start.isoformat()} is after to: {end.isoformat()}")

    def inside(text: str) -> bool:
        return start < _stamp(text) <= end

    rows = assertion_rows(graph)
    result: dict[str, list[dict[str, Any]]] = {"added": [], "accepted": [], "disputed": [], "rejected": [],
                                               "retracted": [], "reinstated": [], "regraded": []}
    for row in sorted(rows.values(), key=lambda r: r["at"]):
        if inside(row["at"]):
            result["added"].append({"id": row["id"], "label": row["label"], "by": row["asserted_by"],
                                    "at": row["at"], "status": row["entered_as"], "url": row["url"]})
    for aid, records in decisions(graph).items():
        for record in records:
            if inside(record["at"]):
                label = rows[aid]["label"] if aid in rows else ""
                result.setdefault(record["decision"], []).append(
                    {"id": aid, "label": label, "by": record["by"], "at": record["at"], "reason": record["reason"]})
    previous: dict[tuple[str, str], str] = {}
    for rating in ratings(graph):
        key = (rating["item"], rating["aspect"])
        if inside(rating["at"]):
            result["regraded"].append({"item": rating["item"].rsplit("/", 1)[-1], "aspect": rating["aspect"],
                                       "from": previous.get(key), "to": rating["value"], "by": rating["by"],
                                       "at": rating["at"], "reason": rating["reason"]})
        previous[key] = rating["value"]
    for kind in ("accepted", "disputed", "rejected", "retracted", "reinstated"):
        result[kind].sort(key=lambda r: r["at"])
    return result
