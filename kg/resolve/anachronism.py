"""The anachronism check: roles a source gives an actor that the actor did not hold on the event date.

The extractor records the office each titled mention gives a participant
("Russian President Vladimir Putin" -> ``RU-president``) as a
``dip:StatedRole`` of the event.  With the gazetteer's dated positions in the
graph (``kg actors load``), the named query ``anachronisms`` lists every stated
role whose actor held no position in that office on the event date, with the
actor who did.  Such a row means the source is wrong, the resolver linked the
wrong person, or the event date is wrong; each is worth an analyst's look.

>>> from kg.resolve.actor_graph import load_gazetteer
>>> from kg.api import KnowledgeGraph
>>> from kg.extract import get_extractor
>>> from kg.model import Document
>>> g = KnowledgeGraph.open("memory:")
>>> _ = load_gazetteer(g)
>>> doc = Document.from_text("Russian President Vladimir Putin met Barack Obama in Moscow on July 7, 2009.",
...                          published="2009-07-08")
>>> g.add_document(doc, list(get_extractor("rules").extract(doc)))
1
>>> [(a.actor_label, a.office_label, a.holder_label, a.date) for a in find_anachronisms(g)]
[('Vladimir Putin', 'President of Russia', 'Dmitry Medvedev', '2009-07-07')]
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from kg.query.named import select_named

if TYPE_CHECKING:
    from kg.api import KnowledgeGraph

QUERY_NAME = "anachronisms"


class PositionsMissing(RuntimeError):
    """The graph has no dated positions, so no stated role can be checked."""


@dataclass(frozen=True)
class Anachronism:
    """One stated role the actor did not hold on the event date."""

    assertion: str
    event: str
    date: str
    actor: str
    actor_label: str
    office: str
    office_label: str
    holder: str
    holder_label: str
    stated_as: str | None = None
    source: str | None = None
    quote: str | None = None

    def as_dict(self) -> dict[str, Any]:
        """Plain values for JSON output."""
        return dict(self.__dict__)


def has_positions(graph: "KnowledgeGraph") -> bool:
    """True when dated positions (``kg actors load``) are in the graph."""
    return bool(graph.select("SELECT ?p WHERE { ?p a dip:Position } LIMIT 1"))


def find_anachronisms(graph: "KnowledgeGraph", actor: str | None = None) -> list[Anachronism]:
    """Every anachronistic stated role in the current view (optionally for one ``actor``, a name or IRI).

    Raises :class:`PositionsMissing` when the graph has no positions to check against.
    """
    if not has_positions(graph):
        raise PositionsMissing("the store has no dated positions to check roles against; run: kg actors load")
    rows = select_named(graph, QUERY_NAME, {"actor": actor} if actor else {})
    seen: set[tuple[str, str, str]] = set()
    out = []
    for r in rows:
        key = (r["assertion"], r["actor"], r["office"])
        if key in seen:  # one row per role even when a multi-holder office had several holders
            continue
        seen.add(key)
        out.append(Anachronism(
            assertion=r["assertion"].rsplit("/", 1)[-1], event=r["event"], date=str(r["date"]), actor=r["actor"],
            actor_label=r.get("actorLabel", r["actor"]), office=r["office"], office_label=r.get("officeLabel", r["office"]),
            holder=r["holder"], holder_label=r.get("holderLabel", r["holder"]), stated_as=r.get("statedAs"),
            source=r.get("source"), quote=r.get("quote"),
        ))
    return out
