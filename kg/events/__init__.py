"""Event identity across documents: one module owns "same event".

A *reported event* is what one assertion says about one event; an *event cluster* is what happened.
Clusters come from deterministic blocking (relation family + named participants after actor resolution),
a scored match (:mod:`kg.events.match`) and stored, append-only judgements replayed in order
(:mod:`kg.events.judgements`): machine links with score and rule, analyst merges and splits with a reason.
Reading never writes: reports not yet judged are clustered in memory exactly as :func:`update` would
store them.  See docs/events.md.

>>> from kg.api import KnowledgeGraph
>>> from kg.model.inputs import ClaimInput
>>> g = KnowledgeGraph.open("memory:")
>>> base = dict(subject="Ann Lee", relation="meets", object="Raj Patel", date="2025-08-15")
>>> a = g.assert_claim(ClaimInput(**base, source="https://x.example/1", status="planned", published="2025-08-08"))
>>> b = g.assert_claim(ClaimInput(**base, source="https://y.example/2", status="held", published="2025-08-15"))
>>> [(c.mentions, c.sources, c.status, [h["status"] for h in c.status_history]) for c in clusters(g)]
[(2, 2, 'held', ['planned', 'held'])]
>>> update(g)
2
>>> _ = split(g, a, b, reason="two meetings", by="analyst:alice")
>>> len(clusters(g))
2
>>> _ = merge(g, a, b, reason="one meeting after all", by="analyst:alice")
>>> len(clusters(g))
1
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from kg.events.cluster import Clusterer
from kg.events.copies import copies, record_copy
from kg.events.facts import EventCluster, build
from kg.events.judgements import MACHINE, EventJudgement, anchors, read_judgements, store_judgements
from kg.events.reported import Reported, replay_order, reported_events
from kg.events.view import cluster_iri, current_view, view_quads

if TYPE_CHECKING:
    from kg.api import KnowledgeGraph

__all__ = ["EventCluster", "EventJudgement", "Reported", "State", "anchor_map", "annotate_rows", "cluster", "clusters", "clusters_of", "merge",
           "record_copy", "split", "state", "timeline", "update"]


@dataclass
class State:
    """Everything event identity knows at one moment (see :func:`state`)."""

    reports: dict[str, Reported]
    judgements: list[EventJudgement]
    pending: list[EventJudgement]
    anchor_of: dict[str, str]

    def members(self) -> dict[str, list[Reported]]:
        """Anchor -> active member reports."""
        out: dict[str, list[Reported]] = {}
        for aid, report in self.reports.items():
            out.setdefault(self.anchor_of.get(aid, aid), []).append(report)
        return out


def state(graph: "KnowledgeGraph") -> State:
    """Replay the stored judgements and cluster the active reports not yet judged (in memory)."""
    reports = reported_events(graph)
    judged = read_judgements(graph)
    before = anchors(judged)
    clusterer = Clusterer()
    clusterer.load(reports, {k: v for k, v in before.items() if k in reports})
    pending = clusterer.feed(sorted((r for r in reports.values() if r.id not in before), key=replay_order))
    return State(reports, judged, pending, anchors(judged + pending))


def anchor_map(graph: "KnowledgeGraph") -> dict[str, str]:
    """Active assertion ID -> the ID of its event cluster (one call; use it to count events once)."""
    st = state(graph)
    return {aid: st.anchor_of.get(aid, aid) for aid in st.reports}


def _built(st: State, cp: dict[str, list[dict[str, Any]]], only: set[str] | None = None) -> list[EventCluster]:
    found = [build(anchor, members, cp) for anchor, members in st.members().items() if only is None or anchor in only]
    return sorted(found, key=lambda c: (c.first_date or c.first_reported or "", c.id))


def clusters(graph: "KnowledgeGraph", *, actor: str | None = None, other: str | None = None,
             family: str | None = None) -> list[EventCluster]:
    """Event clusters in event-time order, optionally of an actor IRI (and another), or of one family."""
    out = []
    for c in _built(state(graph), copies(graph)):
        iris = {p["iri"] for p in c.participants}
        if actor is not None and actor not in iris or other is not None and other not in iris:
            continue
        if family is not None and c.family != family:
            continue
        out.append(c)
    return out


class UnknownEvent(ValueError):
    """No event cluster and no reported event of the current view has that ID (the CLI's "nothing matched")."""


def _resolve(st: State, ident: str) -> str:
    """The anchor of a cluster ID or of a member assertion ID; ValueError when unknown."""
    from kg.desk.records import check_id

    check_id(ident)
    if ident not in st.anchor_of:
        raise UnknownEvent(f"event: {ident!r} is neither an event cluster nor a reported event in the current view")
    return st.anchor_of[ident]


def cluster(graph: "KnowledgeGraph", ident: str) -> EventCluster:
    """The cluster with this ID, or the one a member assertion ID belongs to."""
    st = state(graph)
    anchor = _resolve(st, ident)
    return build(anchor, st.members().get(anchor, []), copies(graph))


def timeline(graph: "KnowledgeGraph", actor: str, other: str | None = None) -> list[dict[str, Any]]:
    """An actor's (or a pair's) events in event-time order, each with status history and sources.

    ``actor`` and ``other`` are actor IRIs.  Each item is :meth:`EventCluster.as_dict`; undated events
    sort by their first report.
    """
    return [c.as_dict() for c in clusters(graph, actor=actor, other=other)]


def _write(graph: "KnowledgeGraph", st: State, new: list[EventJudgement], by: str, touched: set[str] | None) -> list[str]:
    """Store judgements ``new`` and refresh the events graph for the ``touched`` anchors (None: all)."""
    after = anchors(st.judgements + new)
    final = State(st.reports, st.judgements + new, [], after)
    cp = copies(graph)
    if touched is None:
        remove = current_view(graph)
        built = _built(final, cp)
    else:
        touched = touched | {after.get(a, a) for a in touched}
        remove = [q for a in touched for q in graph.store.quads(_node(a), None, None, None)]
        built = _built(final, cp, touched)
    return store_judgements(graph, new, by=by, extra=view_quads(built), remove=remove)


def _node(anchor: str) -> Any:
    from kg.rdf.terms import iri

    return iri(cluster_iri(anchor))


def update(graph: "KnowledgeGraph", *, full: bool = False) -> int:
    """Store the machine judgements for reports not yet judged and refresh their clusters; returns how many.

    ``full`` rebuilds the whole events graph (after retractions or reinstatements).
    """
    st = state(graph)
    if not st.pending and not full:
        return 0
    touched = {j.a for j in st.pending} | {j.b for j in st.pending}
    _write(graph, st, st.pending, MACHINE, None if full else touched)
    return len(st.pending)


def merge(graph: "KnowledgeGraph", a: str, b: str, *, reason: str, by: str = "analyst:analyst") -> str:
    """Judge the events of ``a`` and ``b`` (cluster or assertion IDs) one event; returns the judgement ID."""
    from kg.desk.records import check_agent as _agent

    _reason(reason)
    st = state(graph)
    ra, rb = _resolve(st, a), _resolve(st, b)
    if ra == rb:
        raise ValueError(f"event: {a} and {b} are already one event ({ra})")
    j = EventJudgement("merge", ra, rb, reason=(reason or "").strip(), by=_agent(by))
    return _write(graph, _flushed(graph, st), [j], _agent(by), {ra, rb})[0]


def split(graph: "KnowledgeGraph", event: str, member: str, *, reason: str, by: str = "analyst:analyst") -> str:
    """Take ``member`` (a reported event or a merged-in cluster) out of ``event``'s cluster; returns the judgement ID."""
    from kg.desk.records import check_agent as _agent

    _reason(reason)
    st = state(graph)
    anchor = _resolve(st, event)
    _resolve(st, member)
    if st.anchor_of[member] != anchor:
        raise ValueError(f"event: {member} is not part of event {anchor}")
    if member == anchor:
        raise ValueError(f"event: {member} anchors event {anchor}; split the other members away from it instead")
    j = EventJudgement("split", anchor, member, reason=(reason or "").strip(), by=_agent(by))
    return _write(graph, _flushed(graph, st), [j], _agent(by), {anchor, member})[0]


def _reason(reason: str | None) -> None:
    if not (reason or "").strip():
        raise ValueError("reason: an event merge or split needs a reason")


def _flushed(graph: "KnowledgeGraph", st: State) -> State:
    """Store pending machine judgements first, so an analyst's judgement replays after them."""
    if not st.pending:
        return st
    _write(graph, st, st.pending, MACHINE, None)
    return state(graph)


def event_day(c: EventCluster) -> date | None:
    """The first day of the cluster's event date range."""
    return date.fromisoformat(c.first_date) if c.first_date else None


def clusters_of(graph: "KnowledgeGraph", assertions: "list[str] | set[str]") -> dict[str, EventCluster]:
    """Active assertion ID -> its event cluster, for the given assertions (IDs or IRIs) only.

    Builds only the clusters these assertions belong to (one reading of the current state); an assertion
    that is not active is left out.
    """
    st = state(graph)
    wanted = {str(a).rsplit("/", 1)[-1] for a in assertions}
    anchors_wanted = {st.anchor_of.get(a, a) for a in wanted if a in st.reports}
    return {a: c for c in _built(st, copies(graph), anchors_wanted) for a in c.members if a in wanted}


def annotate_rows(graph: "KnowledgeGraph", rows: list[dict[str, Any]], key: str = "assertion") -> list[dict[str, Any]]:
    """Add each row's event cluster to query rows that name an assertion (IRI or ID) in ``key``.

    Added keys: ``cluster`` (its ID), ``clusterStatus``, ``clusterCount`` (persons), ``clusterSources``
    (independent sources), ``clusterArticles``, ``clusterDate``, ``clusterHistory`` (statuses by reporting time), ``clusterConflict`` (sources disagree on one day).  Rows of no active assertion are left as they are.
    """
    by_member = clusters_of(graph, [str(r.get(key, "")) for r in rows])
    for row in rows:
        c = by_member.get(str(row.get(key, "")).rsplit("/", 1)[-1])
        if c is not None:
            history = [h["status"] if not h["conflict"] else "/".join(h["statuses"]) for h in c.status_history]
            row.update(cluster=c.id, clusterStatus=c.status, clusterCount=c.count, clusterSources=c.sources,
                       clusterArticles=c.articles, clusterDate=c.first_date,
                       clusterHistory=list(dict.fromkeys(history)), clusterConflict=c.conflict)
    return rows


def neighbourhoods(graph: "KnowledgeGraph", window_days: int) -> list[list[Reported]]:
    """Event clusters, joined when they share a block and their event dates lie within ``window_days``.

    A neighbourhood is "possibly one event": :mod:`kg.desk.conflicts` looks for disagreements inside one.
    Undated clusters stay on their own.
    """
    from kg.events.match import blocking_key

    st = state(graph)
    blocks: dict[Any, list[tuple[date | None, list[Reported]]]] = {}
    for anchor, members in sorted(st.members().items()):
        days = sorted(d for d in (m.strong_date or m.date for m in members) if d)
        key = next((blocking_key(m) for m in members if blocking_key(m) is not None), ("alone", anchor))
        blocks.setdefault(key, []).append((days[0] if days else None, members))
    out: list[list[Reported]] = []
    for entries in blocks.values():
        undated = [m for d, m in entries if d is None]
        dated = sorted(((d, m) for d, m in entries if d is not None), key=lambda e: e[0])
        last: date | None = None
        for day, members in dated:
            if out and last is not None and (day - last).days <= window_days:
                out[-1] = out[-1] + members
            else:
                out.append(list(members))
            last = max(d for d in (m.strong_date or m.date for m in members) if d)
        out += undated
    return out
