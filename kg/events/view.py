"""Cluster facts as RDF in the named graph ``<…/id/graph/events>``, with event-time keys for lookups.

Each cluster ``<…/id/eventcluster/{anchor}>`` gets its members, their event nodes, participants, types,
status, place, dates, GDELT-like counts and sources, plus one **day node** (``<…/id/day/YYYY-MM-DD>``) per
day of its event date range (at most :data:`MAX_DAYS`) and one **month node** (``<…/id/month/YYYY-MM>``)
per month, so "events in March" is an index lookup on ``dip:eventMonth`` instead of a scan of every date.
The graph is derived data: it is rebuilt from the judgements and the assertions.

The day and month nodes and the event-time keys of one event live in :mod:`kg.rdf.event_time` (an
assertion's graph writes them too).

>>> cluster_iri("a" * 32).rsplit("/", 2)[-2]
'eventcluster'
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from pyoxigraph import Literal, NamedNode, Quad

from kg.events.facts import EventCluster
from kg.rdf.event_time import day_node as day_node
from kg.rdf.event_time import event_time_triples as event_time_triples
from kg.rdf.event_time import month_key as month_key
from kg.rdf.event_time import month_node as month_node
from kg.rdf.event_time import months_between as months_between
from kg.rdf.ids import DATA_NS, assertion_iri, document_iri
from kg.rdf.terms import RDF_TYPE, RDFS_LABEL, iri, lit
from kg.rdf.vocab import DIP

if TYPE_CHECKING:
    from kg.api import KnowledgeGraph

EVENTS_GRAPH = f"{DATA_NS}graph/events"
MAX_DAYS = 62


def cluster_iri(anchor: str) -> str:
    """IRI of the event cluster anchored at ``anchor``."""
    return f"{DATA_NS}eventcluster/{anchor}"


def cluster_triples(c: EventCluster) -> list[tuple[Any, Any, Any]]:
    """The triples describing one cluster."""
    node = iri(cluster_iri(c.id))
    t: list[tuple[Any, Any, Any]] = [(node, RDF_TYPE, iri(DIP.EventCluster)), (node, RDFS_LABEL, Literal(c.label)),
                                     (node, iri(DIP.numMentions), lit(c.mentions)),
                                     (node, iri(DIP.numArticles), lit(c.articles)),
                                     (node, iri(DIP.numSources), lit(c.sources)),
                                     (node, iri(DIP.numOutlets), lit(c.outlets))]
    from kg.model.relation_types import relation_types  # event classes of every relation type, added ones too

    if c.type and c.type in relation_types().event_types():
        t.append((node, iri(DIP.eventType), iri(relation_types().event_class_iri(c.type))))
    t += [(node, iri(DIP.clusterParticipant), iri(p["iri"])) for p in c.participants]
    t += [(node, iri(DIP.member), iri(assertion_iri(m))) for m in c.members]
    t += [(node, iri(DIP.memberEvent), iri(e)) for e in c.events if e]
    t += [(node, iri(DIP.clusterSource), iri(document_iri(a["document"]))) for a in c.articles_list]
    if c.status:
        t.append((node, iri(DIP.currentStatus), iri(getattr(DIP, c.status.capitalize()))))
    if c.place:
        t.append((node, iri(DIP.place), Literal(c.place)))
    if c.count is not None:
        t.append((node, iri(DIP.personCount), lit(c.count)))
    for prop, value in ((DIP.firstReported, c.first_reported), (DIP.lastReported, c.last_reported)):
        if value:
            t.append((node, iri(prop), lit(date.fromisoformat(value))))
    if c.first_date and c.last_date:
        first, last = date.fromisoformat(c.first_date), date.fromisoformat(c.last_date)
        t += [(node, iri(DIP.firstDate), lit(first)), (node, iri(DIP.lastDate), lit(last))]
        span = min((last - first).days, MAX_DAYS - 1)
        t += [(node, iri(DIP.eventDay), day_node(first + timedelta(days=i))) for i in range(span + 1)]
        t += [(node, iri(DIP.eventMonth), m) for m in months_between(first, last)]
        t += [(m, iri(DIP.monthKey), Literal(month_key(day))) for day, m in
              ((date.fromisoformat(m.value[-7:] + "-01"), m) for m in months_between(first, last))]
    return t


def view_quads(clusters: Iterable[EventCluster]) -> list[Quad]:
    """All quads of the events graph for ``clusters``."""
    g = iri(EVENTS_GRAPH)
    return [Quad(s, p, o, g) for c in clusters for s, p, o in cluster_triples(c)]


def current_view(graph: "KnowledgeGraph") -> list[Quad]:
    """The quads now in the events graph (to be replaced)."""
    return list(graph.store.quads(None, None, None, iri(EVENTS_GRAPH)))
