"""Event-time keys: day and month nodes, so "events in March" is an index lookup, not a scan of dates.

One **day node** (``<…/id/day/YYYY-MM-DD>``) per day and one **month node** (``<…/id/month/YYYY-MM>``) per
month; a dated event node gets ``dip:eventMonth`` (written with the assertion, :mod:`kg.rdf.assertion_graph`)
and an event cluster its days and months (:mod:`kg.events.view`).

>>> day_node(date(2025, 3, 14)).value, month_node(date(2025, 3, 14)).value
('https://w3id.org/diplomacy-kg/id/day/2025-03-14', 'https://w3id.org/diplomacy-kg/id/month/2025-03')
>>> [n.value[-7:] for n in months_between(date(2025, 1, 30), date(2025, 3, 2))]
['2025-01', '2025-02', '2025-03']
"""

from __future__ import annotations

from datetime import date

from pyoxigraph import Literal, NamedNode

from kg.rdf.ids import DATA_NS
from kg.rdf.terms import iri
from kg.rdf.vocab import DIP


def day_node(day: date) -> NamedNode:
    """The day node of ``day``."""
    return iri(f"{DATA_NS}day/{day.isoformat()}")


def month_node(day: date) -> NamedNode:
    """The month node of ``day``."""
    return iri(f"{DATA_NS}month/{day.isoformat()[:7]}")


def month_key(day: date) -> str:
    """``YYYY-MM``: ordered as text, so a range of months selects a small range of month nodes.

    >>> month_key(date(2025, 3, 14))
    '2025-03'
    """
    return day.isoformat()[:7]


def event_time_triples(event: NamedNode, value: str | None) -> list[tuple[NamedNode, NamedNode, NamedNode | Literal]]:
    """Event-time keys of one dated event node: ``dip:eventMonth`` its month node, which has ``dip:monthKey``.

    A date range becomes a lookup of a few month nodes (``monthKey`` between two ``YYYY-MM``) and then of
    the events of those months, instead of a comparison of every event's date.

    >>> [t[1].value.rsplit("#")[-1] for t in event_time_triples(iri("https://x.example/e"), "2025-03-14")]
    ['eventMonth', 'monthKey']
    """
    try:
        day = date.fromisoformat((value or "")[:10])
    except ValueError:
        return []
    month = month_node(day)
    return [(event, iri(DIP.eventMonth), month), (month, iri(DIP.monthKey), Literal(month_key(day)))]


def months_between(first: date, last: date) -> list[NamedNode]:
    """Month nodes from ``first``'s month to ``last``'s, inclusive."""
    out, y, m = [], first.year, first.month
    while (y, m) <= (last.year, last.month):
        out.append(iri(f"{DATA_NS}month/{y:04d}-{m:02d}"))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out
