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
#: Okabe & Ito's colour-blind-safe palette (without vermillion, which is close to the red of the ✗ mark).
OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#000000", "#56B4E9", "#F0E442")
#: vis-network arrowhead types: with the colour, each relation's shape.
ARROW_TYPES = ("circle", "bar", "vee", "diamond", "box", "arrow", "triangle", "inv_triangle", "crow", "curve")
#: Statuses drawn as "did not happen": red, with a ✗ label.
NEGATIVE_STATUSES = frozenset({"refused", "negated", "cancelled"})
MARK_COLOR = "#d62728"


def relation_names() -> list[str]:
    """Every relation type of the ontology (:mod:`kg.model.relation_types`), in its ``dip:listOrder``:
    the legend's rows, and the order in which relations take colours and arrowheads.

    >>> relation_names()[:3]
    ['meets', 'talksWith', 'pardons']
    """
    from kg.model.relation_types import relation_types

    return list(relation_types().names())


def _index(relation: str) -> int:
    names = relation_names()
    if relation in names:
        return names.index(relation)
    return len(names) + int(hashlib.sha256(relation.encode()).hexdigest(), 16) % 64  # not in the ontology: stable


def relation_color(relation: str) -> str:
    """Colour of a relation's edges: its ``dip:colour`` in the ontology, else Okabe-Ito by list order.

    >>> relation_color("meets"), relation_color("talksWith")
    ('#0072B2', '#E69F00')
    """
    from kg.model.relation_types import relation_types

    declared = relation_types().get(relation)
    if declared is not None and declared.colour:
        return declared.colour
    return OKABE_ITO[_index(relation) % len(OKABE_ITO)]


def relation_arrow(relation: str) -> str:
    """vis-network arrowhead type of a relation (its shape besides its colour).

    >>> relation_arrow("meets"), relation_arrow("sanctions")
    ('circle', 'box')
    """
    return ARROW_TYPES[_index(relation) % len(ARROW_TYPES)]


def node_style(actor_type: str) -> dict[str, Any]:
    """vis-network shape and colour for an actor type."""
    shape, color = NODE_STYLES.get(actor_type, DEFAULT_NODE)
    return {"shape": shape, "color": color}


def edge_style(relation: str, status: str, *, disputed: bool = False, symmetric: bool = False) -> dict[str, Any]:
    """Colour, dashes, arrowheads and mark of one edge.

    The relation sets the colour and the arrowhead (at both ends of a symmetric
    relation); the status sets the line: solid held, dashed planned, dotted red
    with a ✗ label when refused, negated, cancelled or disputed.
    """
    arrow = {"enabled": True, "type": relation_arrow(relation), "scaleFactor": 0.7}
    style: dict[str, Any] = {
        "color": relation_color(relation),
        "dashes": status == "planned",
        "arrows": {"to": arrow, "from": arrow} if symmetric else {"to": arrow},
    }
    if status in NEGATIVE_STATUSES or disputed:
        style["color"] = MARK_COLOR
        style["dashes"] = [2, 6] if status in NEGATIVE_STATUSES else True
        style["label"] = "✗ " + (status if status in NEGATIVE_STATUSES else "disputed")
    return style


def node_tooltip(label: str, data: dict[str, Any], degree: float, ties: int) -> str:
    """Plain-text tooltip of an actor.

    >>> node_tooltip("A", {"type": "Person"}, 0.5, 3)
    'A\\nPerson\\nties: 3, degree centrality 0.500'
    """
    return f"{label}\n{data.get('type', 'Actor')}\nties: {ties}, degree centrality {degree:.3f}"
