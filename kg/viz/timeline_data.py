"""One item per event of the current view, for the time bar, the actor panel and the timeline page.

Items are read from the projection (:func:`kg.analysis.projection.project`), so
every filter of the projection applies.  "One event" is what :mod:`kg.events`
says: :func:`identify_events` tags each projected edge with its event cluster,
and :func:`event_key` groups by it, so one meeting reported five times is one
item with five sources, its status history and its counts (GDELT's mentions,
articles, independent sources).  Without it an item is one event node.

The grade shown for an event comes from :func:`item_grade` only: the best
effective grade (:func:`kg.desk.grading.all_grades`, which the projection carries)
of its assertions; each source keeps its own.

>>> import networkx as nx
>>> M = nx.MultiDiGraph()
>>> M.add_node("a", label="Ann", type="Person"); M.add_node("b", label="Bob", type="Person")
>>> for key, (u, v) in enumerate((("a", "b"), ("b", "a"))):
...     _ = M.add_edge(u, v, relation="meets", status="planned", date="2025-08-15", event="e:1", assertion="1",
...                    symmetric=True, source="https://example.org/x", title="X", grade="B2")
>>> items = event_items(M)
>>> [(i["relation"], i["status"], i["date"], i["actors"], i["grade"]) for i in items]
[('meets', 'planned', '2025-08-15', ['a', 'b'], 'B2')]
>>> items[0]["sources"]
[{'url': 'https://example.org/x', 'title': 'X', 'grade': 'B2'}]
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

import networkx as nx

if TYPE_CHECKING:
    from kg.api import KnowledgeGraph

_RELIABILITY = "ABCDEF"


def event_key(data: dict[str, Any]) -> str:
    """The event a projected edge belongs to: its cluster (:func:`identify_events`), else its event node."""
    return str(data.get("cluster") or data.get("event") or data.get("assertion") or id(data))


def identify_events(graph: "KnowledgeGraph", G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Tag each edge of ``G`` (a projection of ``graph``) with its event cluster; returns ``G``.

    ``cluster`` is the cluster ID of :mod:`kg.events` (the one owner of "same event");
    ``G.graph`` keeps the reported events and document copies so :func:`event_items`
    can give each item its cluster's facts.

    >>> from kg.api import KnowledgeGraph
    >>> from kg.analysis.projection import project
    >>> from kg.model.inputs import ClaimInput
    >>> g = KnowledgeGraph.open("memory:")
    >>> meet = dict(subject="Ann Lee", relation="meets", object="Raj Patel", date="2025-08-15")
    >>> a = g.assert_claim(ClaimInput(**meet, source="https://x.example/1", status="planned", published="2025-08-08"))
    >>> b = g.assert_claim(ClaimInput(**meet, source="https://y.example/2", published="2025-08-15"))
    >>> items = event_items(identify_events(g, project(g)))
    >>> [(i["status"], [h["status"] for h in i["status_history"]], len(i["sources"]), i["independent"]) for i in items]
    [('held', ['planned', 'held'], 2, 2)]
    """
    from kg.events import copies, state

    st = state(graph)
    for _, _, data in _edges(G):
        aid = data.get("assertion")
        if aid in st.reports:
            data["cluster"] = st.anchor_of.get(aid, aid)
    G.graph["event_reports"], G.graph["event_copies"] = st.reports, copies(graph)
    return G


def item_grade(grades: Iterable[str]) -> str | None:
    """The grade shown for an event: the best Admiralty grade of its assertions (one place to change).

    >>> item_grade(["C3", "B2", "B4"]), item_grade([])
    ('B2', None)
    """
    valid = [g for g in grades if g and g[0] in _RELIABILITY and g[1:].isdigit()]
    return min(valid, key=lambda g: (_RELIABILITY.index(g[0]), int(g[1:]))) if valid else None


def safe_url(url: Any) -> str | None:
    """``url`` if it is an http(s) address, else ``None`` (never a ``javascript:`` or ``data:`` link).

    >>> safe_url("https://example.org/a"), safe_url("javascript:alert(1)"), safe_url(" HTTP://x.org")
    ('https://example.org/a', None, 'HTTP://x.org')
    """
    text = str(url or "").strip()
    return text if text.lower().startswith(("http://", "https://")) and len(text) < 4096 else None


def event_items(G: nx.MultiDiGraph, *, event_of: Callable[[dict[str, Any]], str] = event_key) -> list[dict[str, Any]]:
    """Events of the projection ``G``, sorted by date (undated last).

    Each item: ``id``, ``relation``, ``status``, ``date``, ``start_time``, ``local_time``,
    ``place``, ``actors`` (node keys, source first), ``source``/``target``
    (node keys), ``sources`` (``url``, ``title``; ``url`` only when http(s)),
    ``assertions``, ``quotes``, ``grade`` (see :func:`item_grade`; ``grades``:
    assertion ID -> its effective grade), ``disputed``, ``symmetric``, and from
    the event cluster (:func:`identify_events`; else one report's worth):
    ``cluster``, ``status_history`` (``day``, ``status``, ``conflict`` by
    reporting time), ``conflict``, ``mentions``, ``articles``, ``independent``
    (independent sources), ``outlets``, ``first_reported``, ``last_reported``.
    The status of a cluster is its latest reported one, its date the first
    stated event date.
    """
    found: dict[str, dict[str, Any]] = {}
    grades: dict[str, list[str]] = {}
    for u, v, data in _edges(G):
        key = event_of(data)
        item = found.get(key)
        if item is not None and data.get("assertion") in item["assertions"] and u in item["actors"] and v in item["actors"]:
            continue  # the reverse direction of a symmetric relation: nothing new
        if item is None:
            item = found[key] = {
                "id": key, "relation": str(data.get("relation", "")), "status": str(data.get("status") or "held"),
                "date": data.get("date"), "start_time": data.get("start_time"), "local_time": data.get("local_time"),
                "place": data.get("place"),
                "source": u, "target": v, "actors": [], "sources": [], "assertions": [], "quotes": [],
                "grades": {}, "disputed": False, "symmetric": bool(data.get("symmetric")),
            }
            grades[key] = []
        for node in (u, v):
            if node not in item["actors"]:
                item["actors"].append(node)
        for field in ("date", "start_time", "local_time", "place"):
            if not item[field] and data.get(field):
                item[field] = data[field]
        src = {"url": safe_url(data.get("source")), "title": data.get("title") or data.get("source"),
               "grade": data.get("grade")}
        if (src["url"] or src["title"]) and src not in item["sources"]:
            item["sources"].append(src)
        if data.get("assertion") and data.get("grade"):
            item["grades"][str(data["assertion"])] = str(data["grade"])
        for aid in data.get("assertions") or [data.get("assertion")]:
            if aid and aid not in item["assertions"]:
                item["assertions"].append(aid)
        if data.get("quote") and data["quote"] not in item["quotes"]:
            item["quotes"].append(data["quote"])
        item["disputed"] = item["disputed"] or bool(data.get("disputed"))
        if data.get("grade"):
            grades[key].append(str(data["grade"]))
    for key, item in found.items():
        item["grade"] = item_grade(grades[key])
        _cluster_facts(G, item)
        if item["symmetric"]:
            item["actors"].sort(key=str)
            item["source"], item["target"] = item["actors"][0], item["actors"][-1]
    return sorted(found.values(), key=lambda i: (i["date"] is None, i["date"] or "", clock(i) or "", i["id"]))


def _cluster_facts(G: nx.Graph, item: dict[str, Any]) -> None:
    """Status history, dates, copies and counts of ``item``'s event cluster (:func:`kg.events.facts.build`).

    Only the item's own assertions count, so the projection's filters apply to them too.
    """
    reports = G.graph.get("event_reports") or {}
    members = [reports[a] for a in item["assertions"] if a in reports]
    item.update(cluster=None, status_history=[], conflict=False, mentions=len(item["assertions"]),
                articles=len(item["sources"]), independent=len(item["sources"]), outlets=None,
                first_reported=None, last_reported=None)
    if not members:
        return
    from kg.events.facts import build

    facts = build(item["id"], members, G.graph.get("event_copies") or {})
    item.update(cluster=item["id"], status=facts.status or item["status"], conflict=facts.conflict,
                status_history=[{"day": h["day"], "status": "/".join(h["statuses"]), "conflict": h["conflict"]}
                                for h in facts.status_history],
                date=facts.first_date or item["date"], mentions=facts.mentions, articles=facts.articles,
                independent=facts.sources, outlets=facts.outlets, first_reported=facts.first_reported,
                last_reported=facts.last_reported)
    known = {s["url"] for s in item["sources"]}
    for art in facts.articles_list:  # copies of a text under other URLs are sources too
        url = safe_url(art.get("url"))
        if url and url not in known:
            known.add(url)
            item["sources"].append({"url": url, "title": art.get("publisher") or url, "grade": None})
    order = {safe_url(a.get("url")): i for i, a in reversed(list(enumerate(facts.articles_list)))}
    item["sources"].sort(key=lambda s: order.get(s["url"], len(order)))  # in reporting order


def clock(item: dict[str, Any]) -> str | None:
    """An event's clock time ``HH:MM``: from its start time, else the local time its source gave.

    >>> clock({"start_time": "2025-08-15T11:30:00-08:00"}), clock({"start_time": None, "local_time": "09:05"})
    ('11:30', '09:05')
    """
    start = item.get("start_time") or ""
    return start[11:16] if len(start) >= 16 else (item.get("local_time") or None)


def _edges(G: nx.Graph) -> Any:
    """(u, v, data) of every edge, read from the adjacency (cheaper than ``G.edges(data=True)``)."""
    if G.is_multigraph():
        for u, nbrs in G.adjacency():
            for v, keydict in nbrs.items():
                for data in keydict.values():
                    yield u, v, data
    else:
        yield from G.edges(data=True)


__all__ = ["clock", "event_items", "event_key", "identify_events", "item_grade", "safe_url"]
