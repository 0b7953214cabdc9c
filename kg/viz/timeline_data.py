"""One item per event of the current view, for the time bar, the actor panel and the timeline page.

Today an event is an event node of the store (``dip:claimEvent``), read from
the projection (:func:`kg.analysis.projection.project`), so every filter of the
projection applies.  When events get identity (clusters of assertions that
report one event), pass ``event_of``: a function from a projected edge's data
to its cluster key; everything downstream works on the items unchanged.

The grade shown for an event comes from :func:`item_grade` only, so switching
to the effective grade of :mod:`kg.grading` is a one-line change there.

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
[{'url': 'https://example.org/x', 'title': 'X'}]
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import networkx as nx

_RELIABILITY = "ABCDEF"


def event_key(data: dict[str, Any]) -> str:
    """The event a projected edge belongs to: today its event node (or, lacking one, its assertion)."""
    return str(data.get("event") or data.get("assertion") or id(data))


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
    ``assertions``, ``quotes``, ``grade`` (see :func:`item_grade`),
    ``disputed``, ``symmetric``.
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
                "disputed": False, "symmetric": bool(data.get("symmetric")),
            }
            grades[key] = []
        for node in (u, v):
            if node not in item["actors"]:
                item["actors"].append(node)
        for field in ("date", "start_time", "local_time", "place"):
            if not item[field] and data.get(field):
                item[field] = data[field]
        src = {"url": safe_url(data.get("source")), "title": data.get("title") or data.get("source")}
        if (src["url"] or src["title"]) and src not in item["sources"]:
            item["sources"].append(src)
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
        if item["symmetric"]:
            item["actors"].sort(key=str)
            item["source"], item["target"] = item["actors"][0], item["actors"][-1]
    return sorted(found.values(), key=lambda i: (i["date"] is None, i["date"] or "", clock(i) or "", i["id"]))


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


__all__ = ["clock", "event_items", "event_key", "item_grade", "safe_url"]
