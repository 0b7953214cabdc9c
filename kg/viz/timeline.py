"""The timeline of an actor, a pair or a period: rows for the CLI, one offline HTML page for the browser.

Events come from :func:`kg.viz.timeline_data.event_items` over the projection,
so every projection filter (``since``, ``until``, ``relations`` …) applies.

>>> import tempfile
>>> from pathlib import Path
>>> from kg.api import KnowledgeGraph
>>> from kg.model.inputs import ClaimInput
>>> with KnowledgeGraph.open("memory:") as kg, tempfile.TemporaryDirectory() as tmp:
...     _ = kg.assert_claim(ClaimInput(subject="Ann Example", relation="meets", object="Bob Example",
...         source="https://example.org/a", date="2025-08-15", status="planned", quote="<b>soon</b>"))
...     rows = timeline_rows(kg, "ann example")
...     page = write_timeline(kg, Path(tmp) / "t.html", "Ann", "Bob").read_text()
>>> [(r["date"], r["status"], r["relation"], r["with"]) for r in rows]
[('2025-08-15', 'planned', 'meets', 'Bob Example')]
>>> "<b>soon" in page, "Bob Example" in page
(False, True)
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx

from kg.analysis.projection import find_node
from kg.viz.timeline_data import clock, event_items

if TYPE_CHECKING:
    from kg.api import KnowledgeGraph

PROJECT_OPTIONS = ("since", "until", "relations", "min_confidence", "min_grade", "actor_types", "accepted_only")


def actor_events(G: nx.MultiDiGraph, actor: str | None = None, other: str | None = None) -> tuple[list[dict[str, Any]], Any]:
    """(events of ``actor`` (with ``other`` when given; all when no actor), the actor's node).

    Names are matched as everywhere in the CLI (case and accents folded, or a unique part).
    """
    if other is not None and actor is None:
        raise ValueError("a second actor needs a first one")
    focus = find_node(G, actor) if actor is not None else None
    partner = find_node(G, other) if other is not None else None
    items = event_items(G)
    if focus is not None:
        items = [i for i in items if focus in i["actors"] and (partner is None or partner in i["actors"])]
    return items, focus


def _project(graph: "KnowledgeGraph", filters: dict[str, Any]) -> nx.MultiDiGraph:
    from kg.analysis.projection import project

    unknown = set(filters) - set(PROJECT_OPTIONS)
    if unknown:
        raise TypeError(f"unknown option {sorted(unknown)[0]!r}")
    from kg.viz.timeline_data import identify_events

    return identify_events(graph, project(graph, **{k: v for k, v in filters.items() if v is not None}))


def timeline_rows(graph: "KnowledgeGraph", actor: str | None = None, other: str | None = None,
                  **filters: Any) -> list[dict[str, Any]]:
    """One flat row per event of ``actor`` (and ``other``), oldest first: for tables, JSON and CSV."""
    G = _project(graph, filters)
    items, focus = actor_events(G, actor, other)

    def name(node: Any) -> str:
        return str(G.nodes[node].get("label", node))

    rows = []
    for item in items:
        others = [name(a) for a in item["actors"] if a != focus] if focus is not None else []
        rows.append({
            "date": item["date"], "time": clock(item), "status": item["status"],
            "relation": item["relation"], "from": name(item["source"]), "to": name(item["target"]),
            "with": ", ".join(others) or None, "place": item["place"], "grade": item["grade"],
            "disputed": item["disputed"], "history": " → ".join(h["status"] for h in item["status_history"]) or None,
            "reports": item["mentions"], "independent": item["independent"],
            "sources": " ".join(s["url"] or s["title"] or "" for s in item["sources"]),
            "assertions": ",".join(item["assertions"]),
        })
    return rows


def render_timeline(G: nx.MultiDiGraph, actor: str | None = None, other: str | None = None, *,
                    title: str | None = None) -> str:
    """The self-contained timeline page (no request, no markup from data) as a string."""
    from jinja2 import Environment
    from markupsafe import Markup

    from kg.viz.page import legend, safe_json
    from kg.viz.scripts import TIMELINE_CSS, TIMELINE_JS
    from kg.viz.template import TIMELINE_PAGE

    items, focus = actor_events(G, actor, other)
    keep = ("id", "relation", "status", "date", "place", "source", "target", "actors", "sources",
            "grade", "assertions", "disputed", "status_history", "mentions", "independent")
    events = [{**{k: (str(i[k]) if k in ("source", "target") else i[k]) for k in keep}, "time": clock(i),
               "actors": [str(a) for a in i["actors"]], "quote": (i["quotes"] or [None])[0]} for i in items]
    labels = {str(n): str(d.get("label", n)) for n, d in G.nodes(data=True)}
    heading = ""
    if focus is not None:
        heading = labels[str(focus)] + (f" and {labels[str(find_node(G, other))]}" if other else "") + ": "
    title = title or ("Timeline of " + heading.rstrip(": ") if heading else "Timeline")
    data = {"events": events, "labels": labels, "focus": str(focus) if focus is not None else None, "heading": heading}
    return Environment(autoescape=True).from_string(TIMELINE_PAGE).render(
        title=title, data_json=Markup(safe_json(data)), app_js=Markup(TIMELINE_JS),
        timeline_css=Markup(TIMELINE_CSS), legend=legend(None), focus=focus is not None)


def write_timeline(graph: "KnowledgeGraph", out: Path, actor: str | None = None, other: str | None = None, *,
                   title: str | None = None, **filters: Any) -> Path:
    """Write the timeline page of ``actor`` (and ``other``) in ``graph``'s current view to ``out``."""
    page = render_timeline(_project(graph, filters), actor, other, title=title)
    out = Path(out)
    out.write_text(page, encoding="utf-8")
    return out


__all__ = ["actor_events", "render_timeline", "timeline_rows", "write_timeline"]
