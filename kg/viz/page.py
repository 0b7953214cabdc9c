"""One self-contained, offline, safe HTML page for a :class:`~kg.viz.build.View`.

Safety rules, each for a reason:

* vis-network's JS and CSS (shipped inside the pyvis package) are inlined, so
  the page makes no network request (pyvis's own template loads Bootstrap and,
  in several modes, vis-network from CDNs);
* data goes in as JSON inside ``<script>`` with ``<``, ``>`` and ``&`` written
  as ``\\u003c`` etc. (stricter than ``<\\/script>``), so article text cannot
  close the script element or open a comment;
* tooltips are plain strings turned into DOM nodes with ``textContent``; no
  data ever reaches ``innerHTML``;
* everything else (title, legend, the note on omitted actors) goes through
  Jinja2 with autoescaping on.

>>> safe_json({"q": "</script>"})
'{"q": "\\\\u003c/script\\\\u003e"}'
"""

from __future__ import annotations

import html
import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from kg.viz.build import View
from kg.viz.style import MARK_COLOR, NODE_STYLES, relation_arrow, relation_color, relation_names
from kg.viz.template import PAGE
from kg.viz.timeline_data import clock

VIS_VERSION = "vis-9.1.2"
#: As Django's json_script: no "<", ">" or "&" survives, so neither "</script>" nor "<!--" can.
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def safe_json(value: Any) -> str:
    """JSON that is safe inside an HTML ``<script>`` element."""
    text = json.dumps(value, ensure_ascii=False)
    for char, escaped in _JSON_ESCAPES.items():
        text = text.replace(char, escaped)
    return text


@lru_cache(maxsize=1)
def vis_assets() -> tuple[str, str]:
    """(vis-network JS, CSS) from the pyvis package, checked safe to inline."""
    import pyvis

    lib = Path(pyvis.__file__).parent / "templates" / "lib" / VIS_VERSION
    js = (lib / "vis-network.min.js").read_text(encoding="utf-8")
    css = (lib / "vis-network.css").read_text(encoding="utf-8")
    if "</script" in js.lower() or "</style" in css.lower():
        raise RuntimeError("vis-network assets cannot be inlined safely")
    return js, css


#: How the legend draws each vis-network arrowhead type.
ARROW_GLYPHS = {"circle": "●", "bar": "|", "vee": "›", "diamond": "◆", "box": "■", "arrow": "▶", "triangle": "▲",
                "inv_triangle": "▼", "crow": "<", "curve": ")"}


def legend(view: View | None = None) -> dict[str, list[dict[str, Any]]]:
    """Legend rows: actor types of the view, every relation type of the ontology, status marks."""
    shapes = {"dot": "●", "square": "■", "diamond": "◆", "triangle": "▲"}
    kinds = view.types if view is not None else list(NODE_STYLES)
    types = [{"name": t, "color": NODE_STYLES.get(t, ("dot", "#9d9d9d"))[1],
              "symbol": shapes.get(NODE_STYLES.get(t, ("dot", ""))[0], "●")} for t in kinds]
    relations = [{"name": r, "color": relation_color(r), "arrow": ARROW_GLYPHS.get(relation_arrow(r), "▶"),
                  "shown": view is None or r in view.relations} for r in relation_names()]
    marks = [{"name": "held", "color": "#555", "dash": ""}, {"name": "planned", "color": "#555", "dash": "6 4"},
             {"name": "✗ refused / negated / cancelled / disputed", "color": MARK_COLOR, "dash": "2 5"}]
    return {"types": types, "relations": relations, "marks": marks}


#: Event fields -> their short keys in the page data (the page script expands them).
EVENT_KEYS = {"relation": "r", "status": "st", "date": "d", "place": "p", "grade": "g", "disputed": "x",
              "mentions": "m", "independent": "i"}
#: Edge and node keys that the page rebuilds from a shared style table instead of repeating per item.
_EDGE_STYLE_KEYS = ("color", "dashes", "arrows", "label")
_NODE_STYLE_KEYS = ("shape", "color")


def page_data(view: View) -> dict[str, Any]:
    """What the page script reads (the JSON embedded in the page), kept small for 20,000-actor pages.

    Relation, status and style go into tables shared by all edges (``styles``)
    and nodes (``looks``); actors are referred to by their position in ``nodes``;
    tooltips are built by the page from the fields (as text), not shipped.
    """
    index = {n["id"]: i for i, n in enumerate(view.nodes)}  # actors are referred to by position, not by IRI
    events = []
    for e in view.events:  # short keys (EVENT_KEYS): 40,000 events are most of a 20,000-actor page
        item = {short: e[key] for key, short in EVENT_KEYS.items() if e.get(key) not in (None, False)}
        for short in ("m", "i"):  # counts of one report say nothing: kept off 20,000-actor pages
            if item.get(short) == 1:
                del item[short]
        item["s"], item["t"] = index[e["source"]], index[e["target"]]
        if clock(e):
            item["tm"] = clock(e)
        sources = [{k: v for k, v in s.items() if v is not None and not (k == "title" and v == s["url"])
                    and not (k == "grade" and len(e["sources"]) == 1)}  # one source: its grade is the event's
                   for s in e["sources"]]
        if sources:
            item["src"] = sources
        if e["assertions"]:
            item["a"] = e["assertions"][0]
        if e.get("status_history"):
            item["h"] = [[h["day"], h["status"]] for h in e["status_history"]]
        if e.get("quotes"):
            item["q"] = e["quotes"][0]
        events.append(item)
    styles: list[dict[str, Any]] = []  # one entry per (relation, status, disputed): the edges' shared look
    style_of: dict[tuple[str, str, bool], int] = {}
    edges = []
    for e in view.edges:  # {"f": from, "t": to, "k": style, "ev": events}; the page rebuilds the rest
        key = (e["relation"], e["status"], bool(e.get("disputed")))
        if key not in style_of:
            style_of[key] = len(styles)
            styles.append({"relation": e["relation"], "status": e["status"], "disputed": key[2],
                           **{k: e[k] for k in _EDGE_STYLE_KEYS if k in e}})
        edges.append({"f": index[e["from"]], "t": index[e["to"]], "k": style_of[key], "ev": e["events"]})
    looks: dict[str, dict[str, Any]] = {}
    nodes = []
    for n in view.nodes:
        looks.setdefault(str(n["actor_type"]), {k: n[k] for k in _NODE_STYLE_KEYS})
        nodes.append({k: (round(v, 1) if k in ("x", "y") else v) for k, v in n.items()
                      if k not in _NODE_STYLE_KEYS and k != "title"})
    groups = [{**g, "members": [index[m] for m in g["members"]]} for g in view.groups]
    return {"nodes": nodes, "edges": edges, "styles": styles, "looks": looks, "options": view.options,
            "physics": view.physics, "periods": view.periods, "months": view.months, "events": events,
            "groups": groups, "labelled": view.labelled}


def render_page(view: View, *, title: str = "diplomacy-kg network") -> str:
    """The HTML page as a string."""
    from jinja2 import Environment
    from markupsafe import Markup

    from kg.viz.scripts import NETWORK_JS, TIMELINE_CSS, TIMELINE_JS

    js, css = vis_assets()
    env = Environment(autoescape=True)
    return env.from_string(PAGE).render(
        title=title,
        vis_js=Markup(js),
        vis_css=Markup(css),
        data_json=Markup(safe_json(page_data(view))),
        app_js=Markup(TIMELINE_JS + NETWORK_JS),
        timeline_css=Markup(TIMELINE_CSS),
        legend=legend(view),
        view=view,
        grouped=bool(view.groups),
    )


class NetworkView:
    """A rendered page; displays itself in Jupyter (sandboxed iframe, ``srcdoc`` escaped).

    >>> v = NetworkView("<p>x</p>")
    >>> v._repr_html_().startswith('<iframe sandbox="allow-scripts"')
    True
    """

    def __init__(self, page: str, *, height: int = 720) -> None:
        self.html = page
        self.height = height

    def _repr_html_(self) -> str:
        return (f'<iframe sandbox="allow-scripts" style="width:100%;height:{int(self.height)}px;border:0" '
                f'srcdoc="{html.escape(self.html, quote=True)}"></iframe>')

    def save(self, path: Path) -> Path:
        """Write the page to ``path`` (UTF-8)."""
        path = Path(path)
        path.write_text(self.html, encoding="utf-8")
        return path
