"""Claims that disagree: held vs cancelled/refused/planned, different counts, dates or places of one event.

Two active assertions are about *one event* when they have the same relation and the same named actors
(unnamed groups such as "16 prisoners" are per-story nodes, so they are left out of the key) and their
dates lie within ``window_days`` of each other (undated claims join every cluster).  Inside such a
cluster each attribute (event status, person count, date, place) with more than one value is a
conflict (places that contain one another, "Anchorage" and "Elmendorf, Anchorage", agree); each side
lists its assertions with source, asserter and effective Admiralty grade.

Nothing is merged or decided here: conflicts are read from the assertions as stored.

>>> from kg.api import KnowledgeGraph
>>> from kg.model.inputs import ClaimInput
>>> g = KnowledgeGraph.open("memory:")
>>> base = dict(subject="A B", relation="meets", object="C D", date="2025-08-15")
>>> _ = g.assert_claim(ClaimInput(**base, source="https://x.org/1", status="planned"))
>>> _ = g.assert_claim(ClaimInput(**base, source="https://y.org/2", status="held"))
>>> [(c["kind"], sorted(c["sides"])) for c in conflicts(g)]
[('status', ['held', 'planned'])]
"""

from __future__ import annotations

from datetime import date
from typing import Any

from kg.api import KnowledgeGraph
from kg.grading import all_grades
from kg.review import actors_by_assertion, assertion_rows

#: attributes compared inside one event cluster, in report order.
ATTRIBUTES: tuple[tuple[str, str], ...] = (("status", "event_status"), ("count", "count"),
                                           ("date", "date"), ("place", "place"))


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _clusters(rows: list[dict[str, Any]], window_days: int) -> list[list[dict[str, Any]]]:
    """Single-linkage clusters of dated rows (gap <= window); undated rows join every cluster."""
    dated = sorted((r for r in rows if _day(r["date"])), key=lambda r: _day(r["date"]))  # type: ignore[arg-type,return-value]
    undated = [r for r in rows if not _day(r["date"])]
    clusters: list[list[dict[str, Any]]] = []
    for row in dated:
        if clusters and (_day(row["date"]) - _day(clusters[-1][-1]["date"])).days <= window_days:  # type: ignore[operator]
            clusters[-1].append(row)
        else:
            clusters.append([row])
    if not clusters:
        return [undated] if undated else []
    return [c + undated for c in clusters]


def _normal(kind: str, value: Any) -> Any:
    if value is None:
        return None
    return " ".join(str(value).lower().split()) if kind == "place" else value


def _nested(places: list[str]) -> bool:
    """True when every pair of places is one inside the other ("anchorage" in "elmendorf, anchorage").

    >>> _nested(["anchorage", "joint base elmendorf-richardson, anchorage"]), _nested(["anchorage", "helsinki"])
    (True, False)
    """
    return all(a in b or b in a for i, a in enumerate(places) for b in places[i + 1:])


def _side(row: dict[str, Any], grade: dict[str, Any], actors: list[dict[str, str]]) -> dict[str, Any]:
    return {"id": row["id"], "status": row["event_status"], "date": row["date"], "place": row["place"],
            "count": row["count"], "url": row["url"], "title": row["title"], "publisher": row["publisher"],
            "by": row["asserted_by"], "quote": row["quote"], "review": row["status"],
            "grade": grade.get("grade"), "reliability": grade.get("reliability"),
            "credibility": grade.get("credibility"), "actors": [a["label"] for a in actors]}


def conflicts(graph: KnowledgeGraph, *, window_days: int = 14, actor: str | None = None,
              relation: str | None = None) -> list[dict[str, Any]]:
    """Every disagreement among active assertions (optionally about one actor IRI or relation).

    Each conflict: ``kind`` (status, count, date, place), ``relation``, ``actors`` (labels), ``event``
    (a readable label) and ``sides``: value -> list of assertions (id, source, grade, quote ...).
    """
    if window_days < 0:
        raise ValueError(f"window_days: {window_days} must not be negative")
    rows = {k: r for k, r in assertion_rows(graph).items() if r["status"] not in ("rejected", "retracted")}
    actors = actors_by_assertion(graph)
    grades = all_grades(graph)
    groups: dict[tuple[Any, ...], list[dict[str, Any]]] = {}
    for aid, row in rows.items():
        named = actors.get(aid, [])
        if actor is not None and actor not in {a["iri"] for a in named}:
            continue
        if relation is not None and row["relation"] != relation:
            continue
        key = (row["relation"], frozenset(a["iri"] for a in named if a["type"] != "Group"))
        groups.setdefault(key, []).append(row)
    found: list[dict[str, Any]] = []
    for (rel, _), members in sorted(groups.items(), key=lambda kv: (kv[0][0], sorted(kv[0][1]))):
        for cluster in _clusters(members, window_days):
            if len(cluster) < 2:
                continue
            labels = sorted({a["label"] for r in cluster for a in actors.get(r["id"], []) if a["type"] != "Group"})
            for kind, field in ATTRIBUTES:
                sides: dict[str, list[dict[str, Any]]] = {}
                for row in cluster:
                    value = _normal(kind, row[field])
                    if value is None:
                        continue
                    sides.setdefault(str(value), []).append(_side(row, grades.get(row["id"], {}), actors.get(row["id"], [])))
                if len(sides) > 1 and not (kind == "place" and _nested(list(sides))):
                    found.append({"kind": kind, "relation": rel, "actors": labels,
                                  "event": f"{rel} {' / '.join(labels)}", "sides": sides,
                                  "dates": sorted({r["date"] for r in cluster if r["date"]})})
    return found


def describe(conflict: dict[str, Any]) -> str:
    """One line: ``status: meets Donald Trump / Vladimir Putin: planned (1) vs held (1)``.

    >>> describe({"kind": "count", "event": "releases X", "sides": {"16": [{}], "15": [{}, {}]}})
    'count: releases X: 16 (1) vs 15 (2)'
    """
    parts = " vs ".join(f"{value} ({len(rows)})" for value, rows in conflict["sides"].items())
    return f"{conflict['kind']}: {conflict['event']}: {parts}"
