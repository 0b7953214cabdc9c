"""What the web pages show, as plain dicts (no HTML here; templates escape everything).

>>> from kg.api import KnowledgeGraph
>>> from kg.model.inputs import ClaimInput
>>> g = KnowledgeGraph.open("memory:")
>>> _ = g.assert_claim(ClaimInput(subject="A B", relation="meets", object="C D", source="https://x.org/1"))
>>> page = actor_page(g, "A B")
>>> list(page["groups"]), [n["label"] for n in page["neighbours"]]
(['meets'], ['C D'])
>>> _ = g.assert_claim(ClaimInput(subject="A B", relation="meets", object="C D", source="https://y.org/2"))
>>> [(e["mentions"], [s["source"] for s in e["sources"]]) for e in actor_page(g, "A B")["groups"]["meets"]]
[(2, ['https://x.org/1', 'https://y.org/2'])]
"""

from __future__ import annotations

import importlib
import importlib.util
import inspect
from typing import Any

from kg.api import KnowledgeGraph
from kg.desk.grading import all_grades
from kg.rdf.terms import iri

#: the %s slot takes the direct edges of every relation type (:mod:`kg.model.relation_types`)
_NEIGHBOURS = """SELECT DISTINCT ?edge ?other ?label ?dir WHERE {
  { ?me ?edge ?other . BIND("out" AS ?dir) } UNION { ?other ?edge ?me . BIND("in" AS ?dir) }
  VALUES ?edge { %s }
  ?other rdfs:label ?label } ORDER BY ?label ?edge"""


def _neighbours_query() -> str:
    from kg.model.relation_types import relation_types

    return _NEIGHBOURS % " ".join(f"<{t.edge}>" for t in relation_types().values())


def actor_page(graph: KnowledgeGraph, name: str) -> dict[str, Any]:
    """Everything known about an actor in the current view: its events grouped by relation, with grades.

    One entry per event (the event clusters of :mod:`kg.events`), each with its status history, counts
    and its sources (one per assertion, with that assertion's effective grade).
    """
    from kg.desk.conflicts import conflicts

    ref = graph.find_actor(name)
    node = iri(ref.canonical_iri())
    return {"label": ref.label, "iri": ref.canonical_iri(), "groups": _events(graph, node),
            "neighbours": _neighbours(graph, node), "conflicts": conflicts(graph, actor=ref.canonical_iri()),
            "viz": viz_available(), "anachronisms": _anachronisms(graph, ref.canonical_iri())}


def _events(graph: KnowledgeGraph, node: Any) -> dict[str, list[dict[str, Any]]]:
    """Relation -> the actor's events (one per event cluster) in date order, each with its sources."""
    from kg.events import copies, state
    from kg.events.facts import build
    from kg.desk.review import assertions_about

    grades = all_grades(graph)
    st = state(graph)
    events: dict[str, dict[str, Any]] = {}
    for row in assertions_about(graph, node):
        aid = str(row["g"]).rsplit("/", 1)[-1]
        grade = grades.get(aid, {})
        row = {k: (str(v) if v is not None else None) for k, v in row.items()}
        anchor = st.anchor_of.get(aid, aid)
        event = events.setdefault(anchor, {"id": anchor, "relation": row["relation"], "eventLabel": row.get("eventLabel"),
                                           "status": row.get("status"), "date": row.get("date"), "place": row.get("place"),
                                           "history": [], "sources": {}})
        source = event["sources"].get(aid)
        if source is None:
            row.update(id=aid, grade=grade.get("grade", f"{row.get('rel')}{row.get('cred')}"),
                       origins=grade.get("origins"), quotes=[])
            source = event["sources"][aid] = row
        if row.get("quote") and row["quote"] not in source["quotes"]:
            source["quotes"].append(row["quote"])
        for field in ("date", "place"):
            event[field] = event[field] or row.get(field)
    members, cp = st.members(), copies(graph)
    groups: dict[str, list[dict[str, Any]]] = {}
    for anchor, event in events.items():
        mine = [r for r in members.get(anchor, []) if r.id in event["sources"]]
        event["mentions"] = event["independent"] = len(event["sources"])
        if mine:
            facts = build(anchor, mine, cp)
            event.update(status=facts.status or event["status"], date=facts.first_date or event["date"],
                         place=facts.place or event["place"], mentions=facts.mentions, independent=facts.sources,
                         history=[{"day": h["day"], "status": "/".join(h["statuses"])} for h in facts.status_history])
        order = {m.id: i for i, m in enumerate(sorted(mine, key=lambda m: (m.reported_on, m.document, m.id)))}
        event["sources"] = sorted(event["sources"].values(), key=lambda r: (order.get(r["id"], len(order)), r["id"]))
        groups.setdefault(str(event["relation"]), []).append(event)
    for rows in groups.values():
        rows.sort(key=lambda e: (e["date"] is None, e["date"] or "", e["id"]))
    return groups


def _neighbours(graph: KnowledgeGraph, node: Any) -> list[dict[str, Any]]:
    seen: dict[tuple[str, str, str], dict[str, Any]] = {}
    for r in graph.select(_neighbours_query(), me=node):
        key = (str(r["edge"]).rsplit("#", 1)[-1], str(r["other"]), str(r["label"]))
        entry = seen.setdefault(key, {"edge": key[0], "label": key[2], "dir": str(r["dir"])})
        if entry["dir"] != str(r["dir"]):
            entry["dir"] = "both"
    return list(seen.values())


def _anachronisms(graph: KnowledgeGraph, actor_iri: str) -> list[dict[str, Any]]:
    """Roles sources give the actor that the actor did not hold on the event date (none without positions)."""
    from kg.resolve.anachronism import PositionsMissing, find_anachronisms

    try:
        return [a.as_dict() for a in find_anachronisms(graph, actor_iri)]
    except PositionsMissing:
        return []


def viz_available() -> bool:
    """True when the optional ``kg.viz`` module provides ``render_html``."""
    try:
        if importlib.util.find_spec("kg.viz") is None:
            return False
        return callable(getattr(importlib.import_module("kg.viz"), "render_html", None))
    except ImportError:
        return False


def viz_html(graph: KnowledgeGraph, actor_iri: str) -> str | None:
    """The ego-network HTML of ``kg.viz.render_html`` when it takes an actor argument, else None."""
    if not viz_available():
        return None
    render = importlib.import_module("kg.viz").render_html
    params = inspect.signature(render).parameters
    for key in ("actor", "center", "focus", "ego", "node"):
        if key in params:
            html = render(graph, **{key: actor_iri})
            return html if isinstance(html, str) else None
    return None


def ask_page(graph: KnowledgeGraph, question: str) -> dict[str, Any]:
    """The ask box's page: the question, the answer's first line, its events with sources, and the SPARQL.

    >>> page = ask_page(KnowledgeGraph.open("memory:"), "who did putin meet")
    >>> page["head"], page["events"]
    ('The graph holds no meeting of Vladimir Putin with anyone.', [])
    """
    from kg.query.ask import ask

    answer = ask(graph, question)
    lines = answer.text.splitlines()
    notes = [line for line in lines[1:] if line.startswith("(") or line.startswith("I could not")]
    return {"question": question, "head": lines[0] if lines else "", "verdict": answer.verdict,
            "events": [e.to_json() for e in answer.events], "notes": notes, "sparql": answer.sparql,
            "params": answer.params, "outlets": answer.outlets}
