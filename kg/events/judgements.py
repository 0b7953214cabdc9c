"""Event judgements: stored, append-only, replayed in order into event clusters (as actor merges are).

Three kinds, all about reported events (assertion IDs); a cluster is named by its *anchor*, the root
assertion of its tree:

* ``link`` (machine, with ``score`` and ``rule``): ``b`` joins the cluster anchored at ``a``
  (``a == b`` records that ``b`` was compared and starts its own cluster);
* ``merge`` (analyst, with a reason): the clusters anchored at ``a`` and ``b`` are one event;
* ``split`` (analyst, with a reason): ``b`` leaves the cluster of ``a``; undoes the merge or link that
  attached it, so splitting after a merge restores both clusters exactly.

Nothing is deleted: a split is one more judgement, and a later merge puts the clusters back together.

>>> js = [EventJudgement("link", "a", "a"), EventJudgement("link", "a", "b", score=0.9, rule="same day"),
...       EventJudgement("link", "c", "c"), EventJudgement("merge", "a", "c", reason="one summit")]
>>> sorted(clusters_of(js).items())
[('a', ['a', 'b', 'c'])]
>>> sorted(clusters_of(js + [EventJudgement("split", "a", "c", reason="two summits")]).items())
[('a', ['a', 'b']), ('c', ['c'])]
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

from pyoxigraph import DefaultGraph, Literal, Quad

from kg.desk.records import HistoryEntry
from kg.rdf.ids import DATA_NS, agent_iri, assertion_iri, content_hash
from kg.rdf.terms import PROV_ATTRIBUTED, PROV_GENERATED_AT, RDF_TYPE, RDFS_LABEL, iri, lit
from kg.rdf.vocab import DIP

if TYPE_CHECKING:
    from kg.api import KnowledgeGraph

KINDS = ("link", "merge", "split")
_CLASS = {"link": DIP.EventLink, "merge": DIP.EventMerge, "split": DIP.EventSplit}
MACHINE = "extractor:kg-events@1"

_READ = """SELECT ?j ?cls ?a ?b ?score ?rule ?reason ?at ?seq ?who WHERE {
  ?j a ?cls ; dip:eventA ?a ; dip:eventB ?b ; prov:generatedAtTime ?at ; prov:wasAttributedTo ?ag .
  VALUES ?cls { dip:EventLink dip:EventMerge dip:EventSplit }
  OPTIONAL { ?ag rdfs:label ?who } OPTIONAL { ?j dip:sequence ?seq }
  OPTIONAL { ?j dip:matchScore ?score } OPTIONAL { ?j dip:matchRule ?rule } OPTIONAL { ?j dip:reason ?reason } }"""


@dataclass(frozen=True)
class EventJudgement:
    """One judgement about event identity (see the module docstring for the kinds)."""

    kind: str
    a: str
    b: str
    score: float | None = None
    rule: str | None = None
    reason: str | None = None
    by: str = MACHINE
    at: str = ""
    seq: int = 0
    id: str = ""

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"judgement kind must be one of {KINDS}, got {self.kind!r}")
        if self.kind != "link" and (self.a == self.b or not (self.reason or "").strip()):
            raise ValueError(f"a {self.kind} needs two different events and a reason")


def _root(parent: dict[str, str], x: str) -> str:
    while x in parent:
        x = parent[x]
    return x


def anchors(judgements: Iterable[EventJudgement]) -> dict[str, str]:
    """Replay judgements in order: every judged reported event -> the anchor of its cluster."""
    parent: dict[str, str] = {}
    seen: dict[str, None] = {}
    for j in judgements:
        seen.setdefault(j.a)
        seen.setdefault(j.b)
        if j.kind == "link":
            if j.a != j.b and _root(parent, j.a) != j.b and j.b not in parent:
                parent[j.b] = j.a
        elif j.kind == "merge":
            ra, rb = _root(parent, j.a), _root(parent, j.b)
            if ra != rb:
                parent[rb] = ra
        elif parent.get(j.b) == j.a or (j.b in parent and _root(parent, j.b) == _root(parent, j.a)):
            del parent[j.b]
        elif parent.get(j.a) == j.b:
            del parent[j.a]
    return {x: _root(parent, x) for x in seen}


def clusters_of(judgements: Iterable[EventJudgement]) -> dict[str, list[str]]:
    """Anchor -> sorted member IDs, from the replayed judgements."""
    out: dict[str, list[str]] = {}
    for member, anchor in anchors(judgements).items():
        out.setdefault(anchor, []).append(member)
    return {k: sorted(v) for k, v in out.items()}


def _local(value: Any) -> str:
    return str(value).rsplit("/", 1)[-1]


def read_judgements(graph: "KnowledgeGraph") -> list[EventJudgement]:
    """Every stored judgement in replay order (record time, then sequence)."""
    rows = graph.select(_READ)
    kinds = {str(v): k for k, v in _CLASS.items()}
    out = [EventJudgement(kinds[str(r["cls"])], _local(r["a"]), _local(r["b"]),
                          score=float(r["score"]) if r.get("score") is not None else None,
                          rule=str(r["rule"]) if r.get("rule") else None,
                          reason=str(r["reason"]) if r.get("reason") else None,
                          by=str(r.get("who") or ""), at=str(r["at"]), seq=int(r.get("seq") or 0), id=_local(r["j"]))
           for r in rows]
    return sorted(out, key=lambda j: (j.at, j.seq, j.id))


def store_judgements(graph: "KnowledgeGraph", judgements: list[EventJudgement], *, by: str = MACHINE,
                     extra: list[Quad] | None = None, remove: list[Quad] | None = None) -> list[str]:
    """Append ``judgements`` (and ``extra`` quads) in one transaction; returns the judgement IDs."""
    quads, ids = judgement_quads(judgements, by=by)
    graph.store.apply(quads + list(extra or []), list(remove or []))
    return ids


def judgement_quads(judgements: list[EventJudgement], *, by: str, start_seq: int = 0) -> tuple[list[Quad], list[str]]:
    """The quads that store ``judgements`` (one timestamp, increasing sequence numbers) and their IDs."""
    ids: list[str] = []
    at = datetime.now(timezone.utc)
    agent = iri(agent_iri(by))
    quads: list[Quad] = [Quad(agent, RDFS_LABEL, Literal(by.partition(":")[2] or by), DefaultGraph()),
                         Quad(agent, RDF_TYPE, iri(DIP.Extractor if by.startswith("extractor:") else DIP.Analyst),
                              DefaultGraph())]
    for i, j in enumerate(judgements):
        seq = start_seq + i
        # A machine judgement is a function of the reports it links, so its ID is too: the same articles
        # ingested again (or after a crash) give the same records.  An analyst may judge the same pair
        # again later (merge, split, merge), so their IDs carry the time.
        rid = (content_hash(f"{j.kind}|{j.a}|{j.b}|{j.rule}")[:32] if by == MACHINE else
               content_hash(f"{j.kind}|{j.a}|{j.b}|{j.reason}|{at.isoformat()}|{seq}")[:32])
        ids.append(rid)
        node = iri(f"{DATA_NS}eventjudgement/{rid}")
        triples: list[tuple[Any, Any, Any]] = [
            (node, RDF_TYPE, iri(_CLASS[j.kind])), (node, iri(DIP.eventA), iri(assertion_iri(j.a))),
            (node, iri(DIP.eventB), iri(assertion_iri(j.b))), (node, PROV_ATTRIBUTED, agent),
            (node, PROV_GENERATED_AT, lit(at)), (node, iri(DIP.sequence), lit(seq)),
        ]
        if j.score is not None:
            triples.append((node, iri(DIP.matchScore), Literal(f"{j.score:.2f}", datatype=iri(
                "http://www.w3.org/2001/XMLSchema#decimal"))))
        if j.rule:
            triples.append((node, iri(DIP.matchRule), Literal(j.rule)))
        if j.reason:
            triples.append((node, iri(DIP.reason), Literal(j.reason)))
        quads += [Quad(s, p, o, DefaultGraph()) for s, p, o in triples]
    return quads, ids


def history_entries(graph: "KnowledgeGraph", assertion_id: str) -> list[HistoryEntry]:
    """``kg history`` entries for the event judgements naming ``assertion_id`` (machine links to itself omitted)."""
    out = []
    for j in read_judgements(graph):
        if assertion_id not in (j.a, j.b) or (j.kind == "link" and j.a == j.b):
            continue
        other = j.b if j.a == assertion_id else j.a
        why = j.reason if j.kind != "link" else f"{j.rule} (score {j.score:.2f})"
        out.append(HistoryEntry(f"event {j.kind}", j.at, j.by, f"{why}; with {other}", j.id))
    return out
