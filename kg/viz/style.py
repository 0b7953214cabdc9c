"""How actors and ties look: shapes and colours by actor type and relation, plain-text tooltips.

Tooltips are plain text on purpose: the page renders them through
``textContent``, never ``innerHTML``, so article text cannot become markup.

>>> node_style("Country")["shape"]
'square'
>>> edge_style("meets", "planned")["dashes"], edge_style("meets", "refused")["label"]
(True, '✗ refused')
"""

from __future__ import annotations

import hashlib
from typing import Any

#: Actor type -> (vis shape, colour).
NODE_STYLES: dict[str, tuple[str, str]] = {
    "Person": ("dot", "#4e79a7"),
    "Country": ("square", "#59a14f"),
    "Organization": ("diamond", "#f28e2b"),
    "Group": ("triangle", "#b07aa1"),
}
DEFAULT_NODE = ("dot", "#9d9d9d")
#: Relation -> colour; relations added to the ontology later get a stable colour from PALETTE.
RELATION_COLORS: dict[str, str] = {
    "meets": "#1f77b4",
    "talksWith": "#17becf",
    "pardons": "#2ca02c",
    "releases": "#bcbd22",
    "sanctions": "#ff7f0e",
    "advises": "#9467bd",
}
PALETTE = ("#8c564b", "#e377c2", "#7f7f7f", "#393b79", "#637939", "#8c6d31")
#: Statuses drawn as "did not happen": red, with a ✗ label.
NEGATIVE_STATUSES = frozenset({"refused", "negated", "cancelled"})
MARK_COLOR = "#d62728"


def relation_color(relation: str) -> str:
    """Colour of a relation's edges.

    >>> relation_color("sanctions")
    '#ff7f0e'
    """
    if relation in RELATION_COLORS:
        return RELATION_COLORS[relation]
    digest = int(hashlib.sha256(relation.encode()).hexdigest(), 16)
    return PALETTE[digest % len(PALETTE)]


def node_style(actor_type: str) -> dict[str, Any]:
    """vis-network shape and colour for an actor type."""
    shape, color = NODE_STYLES.get(actor_type, DEFAULT_NODE)
    return {"shape": shape, "color": color}


def edge_style(relation: str, status: str, *, disputed: bool = False, symmetric: bool = False) -> dict[str, Any]:
    """Colour, dashes, arrows and mark of one edge."""
    style: dict[str, Any] = {
        "color": relation_color(relation),
        "dashes": status == "planned",
        "arrows": "" if symmetric else "to",
    }
    if status in NEGATIVE_STATUSES or disputed:
        style["color"] = MARK_COLOR
        style["dashes"] = [2, 6] if status in NEGATIVE_STATUSES else True
        style["label"] = "✗ " + (status if status in NEGATIVE_STATUSES else "disputed")
    return style


def edge_tooltip(source: str, target: str, data: dict[str, Any]) -> str:
    """Plain-text tooltip: who, relation, date, status, grade, source and quote.

    >>> print(edge_tooltip("A", "B", {"relation": "meets", "status": "held", "date": "2025-01-02",
    ...                               "source": "https://x.org", "quote": "A met B", "grade": "B2"}))
    A meets B
    status: held
    date: 2025-01-02
    grade: B2
    source: https://x.org
    quote: “A met B”
    """
    lines = [f"{source} {data.get('relation', '')} {target}", f"status: {data.get('status', 'held')}"
             + (" (disputed)" if data.get("disputed") else "")]
    for key in ("date", "start_time", "place"):
        if data.get(key):
            lines.append(f"{key.replace('_', ' ')}: {data[key]}")
    if data.get("grade"):
        conf = data.get("confidence")
        lines.append(f"grade: {data['grade']}" + (f", confidence {conf:.2f}" if isinstance(conf, float) else ""))
    if data.get("title"):
        lines.append(f"title: {data['title']}")
    if data.get("source"):
        lines.append(f"source: {data['source']}")
    if data.get("quote"):
        lines.append(f"quote: “{data['quote']}”")
    if data.get("asserted_by"):
        lines.append(f"asserted by: {data['asserted_by']}")
    if data.get("assertion"):
        lines.append(f"assertion: {data['assertion']}")
    return "\n".join(lines)


def node_tooltip(label: str, data: dict[str, Any], degree: float, ties: int) -> str:
    """Plain-text tooltip of an actor.

    >>> node_tooltip("A", {"type": "Person"}, 0.5, 3)
    'A\\nPerson\\nties: 3, degree centrality 0.500'
    """
    return f"{label}\n{data.get('type', 'Actor')}\nties: {ties}, degree centrality {degree:.3f}"
