"""Offline, safe, interactive pages of the current view: the network (vis-network) and the timeline.

>>> import tempfile
>>> from pathlib import Path
>>> from kg.api import KnowledgeGraph
>>> from kg.model.inputs import ClaimInput
>>> with KnowledgeGraph.open("memory:") as kg, tempfile.TemporaryDirectory() as tmp:
...     _ = kg.assert_claim(ClaimInput(subject="Ann Example", relation="meets", object="Bob Example",
...         source="https://example.org/a", quote="<img src=x onerror=alert(1)>"))
...     page = write_html(kg, Path(tmp) / "net.html").read_text()
>>> "<img src=x" in page, "Ann Example" in page
(False, True)
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import networkx as nx

    from kg.api import KnowledgeGraph
    from kg.viz.page import NetworkView

PROJECT_OPTIONS = ("since", "until", "relations", "min_confidence", "min_grade", "actor_types", "accepted_only")
VIEW_OPTIONS = ("actor", "depth", "max_nodes", "per_period", "seed")


def render_network(G: "nx.MultiDiGraph", *, title: str = "diplomacy-kg network", **options: Any) -> "NetworkView":
    """A page for a projected network; ``options`` are :func:`kg.viz.build.build_view`'s."""
    from kg.viz.build import build_view
    from kg.viz.page import NetworkView, render_page

    return NetworkView(render_page(build_view(G, **options), title=title))


def network_view(graph: "KnowledgeGraph", *, title: str = "diplomacy-kg network", **filters: Any) -> "NetworkView":
    """Project ``graph`` with the filters of :func:`kg.analysis.project` and render it."""
    from kg.analysis.projection import project

    unknown = set(filters) - set(PROJECT_OPTIONS) - set(VIEW_OPTIONS)
    if unknown:
        raise TypeError(f"unknown option {sorted(unknown)[0]!r}")
    from kg.viz.timeline_data import identify_events

    G = identify_events(graph, project(graph, **{k: v for k, v in filters.items() if k in PROJECT_OPTIONS and v is not None}))
    return render_network(G, title=title, **{k: v for k, v in filters.items() if k in VIEW_OPTIONS and v is not None})


def write_html(graph: "KnowledgeGraph", out: Path, **filters: Any) -> Path:
    """Write one self-contained HTML page of ``graph``'s actor network to ``out``; returns ``out``.

    ``filters``: ``since``, ``until``, ``relations``, ``min_confidence``,
    ``min_grade``, ``actor_types``, ``accepted_only`` (the projection) and
    ``actor``, ``depth``, ``max_nodes``, ``per_period``, ``title`` (the view).
    """
    title = filters.pop("title", None) or "diplomacy-kg network"
    return network_view(graph, title=title, **filters).save(Path(out))


def write_timeline(graph: "KnowledgeGraph", out: Path, actor: str | None = None, other: str | None = None,
                   **options: Any) -> Path:
    """The timeline page of ``actor`` (and ``other``): see :func:`kg.viz.timeline.write_timeline`."""
    from kg.viz.timeline import write_timeline as write

    return write(graph, out, actor, other, **options)


__all__ = ["network_view", "render_network", "write_html", "write_timeline"]
