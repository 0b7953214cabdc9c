"""Claims that disagree: held vs cancelled/refused/planned, different counts, dates or places of one event.

Which assertions are about *one event* is decided by kg.events (the one module that owns "same event");
event clusters of the same block (relation family, named participants) whose dates lie within
``window_days`` of each other are compared too, as possibly one event reported differently.  Inside such
a group each attribute (person count, date, place) with more than one value is a conflict (places that
contain one another, "Anchorage" and "Elmendorf, Anchorage", agree); statuses conflict when two are
reported on one reporting day or a held event is also reported called off (planned on the 8th and held
from the 15th is a status history, not a conflict).  Each side lists its assertions with source,
asserter and effective Admiralty grade.

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

from typing import Any

from kg.api import KnowledgeGraph
from kg.events import neighbourhoods
from kg.events.match import OFF, places_compatible
from kg.events.reported import Reported
from kg.desk.grading import all_grades
from kg.desk.review import actors_by_assertion, assertion_rows

#: attributes compared inside one event cluster, in report order.
ATTRIBUTES: tuple[tuple[str, str], ...] = (("status", "event_status"), ("count", "count"),
                                           ("date", "date"), ("place", "place"))


def _status_conflict(cluster: list[Reported]) -> bool:
    """Statuses disagree when two are reported on one reporting day, or a held event is also called off.

    A plan reported on the 8th and the meeting reported held from the 15th is a status history, not a conflict.
    """
    days: dict[Any, set[str]] = {}
    for r in cluster:
        days.setdefault(r.reported_on, set()).add(r.status)
    statuses = {r.status for r in cluster}
    return any(len(v) > 1 for v in days.values()) or ("held" in statuses and bool(statuses & OFF))


def _normal(kind: str, value: Any) -> Any:
    if value is None:
        return None
    return " ".join(str(value).lower().split()) if kind == "place" else value


def _nested(places: list[str]) -> bool:
    """True when every pair of places is one inside the other ("anchorage" in "elmendorf, anchorage").

    >>> _nested(["anchorage", "joint base elmendorf-richardson, anchorage"]), _nested(["anchorage", "helsinki"])
    (True, False)
    """
    return all(places_compatible(a, b) for i, a in enumerate(places) for b in places[i + 1:])


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
    found: list[dict[str, Any]] = []
    for reports in neighbourhoods(graph, window_days):
        cluster = [rows[r.id] for r in sorted(reports, key=lambda r: r.id) if r.id in rows]
        if len(cluster) < 2:
            continue
        if relation is not None and not any(r["relation"] == relation for r in cluster):
            continue
        named = {a["iri"] for r in cluster for a in actors.get(r["id"], []) if a["type"] != "Group"}
        if actor is not None and actor not in named:
            continue
        rel = cluster[0]["relation"]
        labels = sorted({a["label"] for r in cluster for a in actors.get(r["id"], []) if a["type"] != "Group"})
        for kind, field in ATTRIBUTES:
            if kind == "status" and not _status_conflict(reports):
                continue
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
