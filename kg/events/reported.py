"""Reported events: what one assertion says about one event, read from the graph for clustering.

A :class:`Reported` row carries the facts event identity needs: relation family, named participants
(after actor resolution; unnamed groups such as "30 prisoners" are per-story nodes and left out), status,
event date with its basis, place, count, and the source's document, URL, outlet and reporting date.

>>> r = Reported("a" * 32, "meets", "Summit", "held", date(2025, 8, 15), "explicit", "Anchorage", None, None,
...              frozenset({"x", "y"}), "d1", "https://a.example/1", None, date(2025, 8, 15), "2025-08-15T10:00:00")
>>> r.family, r.strong_date, r.reported_on
('meeting', datetime.date(2025, 8, 15), datetime.date(2025, 8, 15))
"""

from __future__ import annotations

from dataclasses import dataclass, field
import datetime as dt
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from kg.desk.review import actors_by_assertion, active_graphs

if TYPE_CHECKING:
    from kg.api import KnowledgeGraph

#: relation -> family: reports of one family can be about one event.
FAMILIES: dict[str, str] = {"meets": "meeting", "talksWith": "meeting", "pardons": "release", "releases": "release",
                            "sanctions": "sanctions", "advises": "advisory"}
#: event classes that make a report a call rather than a meeting.
CALL_TYPES = frozenset({"Call"})

_FACTS = """
SELECT ?g ?relation ?event ?type ?st ?date ?basis ?place ?count ?time ?doc ?url ?publisher ?published ?at ?qh ?start
WHERE {
  ?g a dip:Assertion ; dip:assertedRelation ?relation ; dip:claimEvent ?event ; prov:wasDerivedFrom ?doc ;
     prov:generatedAtTime ?at .
  GRAPH ?g { ?event a ?type ; dip:status ?st .
             OPTIONAL { ?event dip:date ?date } OPTIONAL { ?event dip:dateBasis ?basis }
             OPTIONAL { ?event dip:place ?place } OPTIONAL { ?event dip:personCount ?count }
             OPTIONAL { ?event dip:localTime ?time } }
  FILTER(STRSTARTS(STR(?type), STR(dip:)))
  OPTIONAL { ?doc dip:url ?url } OPTIONAL { ?doc dip:publisher ?publisher } OPTIONAL { ?doc dip:published ?published }
  OPTIONAL { ?g dip:evidence ?ev . OPTIONAL { ?ev dip:quoteHash ?qh } OPTIONAL { ?ev dip:startOffset ?start } }
}"""


@dataclass(frozen=True)
class Reported:
    """One reported event (one assertion) with the facts that decide event identity."""

    id: str
    relation: str
    type: str
    status: str
    date: dt.date | None
    date_basis: str | None
    place: str | None
    count: int | None
    time: str | None
    participants: frozenset[str]
    document: str
    url: str | None
    publisher: str | None
    published: dt.date | None
    recorded: str
    start: int | None = None
    quote_hash: str | None = None
    event: str = ""
    labels: tuple[tuple[str, str], ...] = field(default=(), compare=False)

    @property
    def family(self) -> str:
        """Relation family; a call is its own family even when the relation is ``talksWith``."""
        return "call" if self.type in CALL_TYPES else FAMILIES.get(self.relation, self.relation)

    @property
    def strong_date(self) -> dt.date | None:
        """The event date when the text states it (explicitly or relatively), not the publication fallback."""
        return self.date if self.date is not None and self.date_basis != "published" else None

    @property
    def reported_on(self) -> dt.date:
        """Reporting time: the publication date, else the day the graph learned it."""
        return self.published or dt.date.fromisoformat(self.recorded[:10])


def _local(value: Any) -> str:
    return str(value).rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _day(value: Any) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def reported_events(graph: "KnowledgeGraph", *, active_only: bool = True) -> dict[str, Reported]:
    """Every (active) assertion as a :class:`Reported`, keyed by assertion ID."""
    actors = actors_by_assertion(graph)
    active = active_graphs(graph) if active_only else None
    out: dict[str, Reported] = {}
    for row in graph.select(_FACTS):
        aid = _local(row["g"])
        if active is not None and aid not in active:
            continue
        etype = _local(row["type"])
        if etype in ("Event",) and aid in out:
            continue
        named = [a for a in actors.get(aid, []) if a["type"] != "Group"]
        out[aid] = Reported(
            id=aid, relation=str(row["relation"]), type=etype, status=_local(row["st"]).lower(),
            date=_day(row.get("date")), date_basis=str(row["basis"]) if row.get("basis") else None,
            place=str(row["place"]) if row.get("place") else None,
            count=int(row["count"]) if row.get("count") is not None else None,
            time=str(row["time"]) if row.get("time") else None,
            participants=frozenset(a["iri"] for a in named), document=str(row["doc"]),
            url=str(row["url"]) if row.get("url") else None,
            publisher=str(row["publisher"]) if row.get("publisher") else None,
            published=_day(row.get("published")), recorded=str(row["at"]),
            start=int(row["start"]) if row.get("start") is not None else None,
            quote_hash=str(row["qh"]) if row.get("qh") else None, event=str(row["event"]),
            labels=tuple(sorted({(a["iri"], a["label"]) for a in named})),
        )
    return out


def replay_order(r: Reported) -> tuple[Any, ...]:
    """The order new reports are clustered in: reporting time, record time, document, position."""
    return (r.reported_on, r.recorded, r.document, r.start if r.start is not None else -1, r.id)


def parse_time(value: str) -> datetime:
    """A record time as a datetime (``Z`` accepted)."""
    return datetime.fromisoformat(value.replace("Z", "+00:00"))
