"""What an event cluster knows: participants, type, place, status history, dates, sources and counts.

Three times are kept apart: **event time** (the dates the texts state, ``first_date``..``last_date``),
**reporting time** (publication dates of the articles: ``first_reported``, ``last_reported`` and the status
history) and **record time** (when the graph learned each report; ``kg ... --as-of``).

Counts follow GDELT: ``mentions`` (reports, i.e. assertions / evidence spans), ``articles`` (documents and
copies of them under other URLs), ``sources`` (independent sources: articles sharing a text or an outlet
count once) and ``outlets`` (distinct hosts or publishers).

>>> from datetime import date
>>> from kg.events.reported import Reported
>>> def r(i, status, d, doc, url, pub):
...     return Reported(i * 32, "meets", "Summit", status, d, "explicit", None, None, None,
...                     frozenset({"x", "y"}), doc, url, None, pub, "2025-08-20T00:00:00")
>>> c = build("a" * 32, [r("a", "planned", date(2025, 8, 15), "d1", "https://a.example/1", date(2025, 8, 8)),
...                      r("b", "held", date(2025, 8, 15), "d2", "https://b.example/2", date(2025, 8, 15))],
...           {"d1": [{"url": "https://a.example/amp/1", "publisher": None, "published": "2025-08-08"}]})
>>> [(h["day"], h["status"]) for h in c.status_history], c.status
([('2025-08-08', 'planned'), ('2025-08-15', 'held')], 'held')
>>> c.mentions, c.articles, c.sources, c.outlets
(2, 3, 2, 2)
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from kg.desk.sources import source_key
from kg.events.reported import Reported

#: the cluster's one type when members differ: most frequent, then the most specific.
_TYPE_ORDER = ("Summit", "Visit", "Meeting", "Call", "Pardon", "PrisonerRelease", "SanctionsAction", "AdvisoryRole")
#: when one reporting day holds several statuses, the one reported as current (most definite first).
_STATUS_ORDER = ("held", "cancelled", "refused", "negated", "planned")


def outlet_of(url: str | None, publisher: str | None) -> str | None:
    """The outlet key of an article: the URL's host without ``www.``, else the publisher in lower case.

    >>> outlet_of("https://www.Example.org/a", None), outlet_of(None, "Press Agency")
    ('example.org', 'press agency')
    """
    for value in (url, publisher):
        if value:
            try:
                return source_key(value)
            except ValueError:
                continue
    return None


@dataclass
class EventCluster:
    """One event as the graph knows it (see the module docstring)."""

    id: str
    family: str
    type: str
    types: list[str]
    participants: list[dict[str, str]]
    status: str | None
    conflict: bool
    status_history: list[dict[str, Any]]
    place: str | None
    count: int | None
    first_date: str | None
    last_date: str | None
    first_reported: str | None
    last_reported: str | None
    members: list[str]
    events: list[str]
    reported_events: list[dict[str, Any]]
    articles_list: list[dict[str, Any]] = field(default_factory=list)
    mentions: int = 0
    articles: int = 0
    sources: int = 0
    outlets: int = 0

    @property
    def label(self) -> str:
        """``meeting: Donald Trump / Vladimir Putin (2025-08-15)``."""
        names = " / ".join(p["label"] for p in self.participants) or "unnamed"
        when = self.first_date or (f"reported {self.first_reported}" if self.first_reported else "undated")
        return f"{self.family}: {names} ({when})"

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (the ``articles_list`` under ``sources_list``)."""
        out = asdict(self)
        out["label"] = self.label
        return out


def count_origins(keys: list[list[tuple[str, str]]]) -> int:
    """How many origins among items, where items sharing any non-empty key are one origin (union-find).

    >>> count_origins([[("doc", "a")], [("doc", "a"), ("outlet", "x")], [("outlet", "x")], [("doc", "b")]])
    2
    """
    parent = list(range(len(keys)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    seen: dict[tuple[str, str], int] = {}
    for i, item in enumerate(keys):
        for key in item:
            if not key[1]:
                continue
            if key in seen:
                parent[find(i)] = find(seen[key])
            else:
                seen[key] = i
    return len({find(i) for i in range(len(keys))})


def independent_sources(articles: list[dict[str, Any]]) -> int:
    """Independent sources among articles (``document``, ``outlet``): articles sharing a document text or an
    outlet are one origin (a cluster's ``sources``; also for a subset or a union of clusters' articles)."""
    return count_origins([[("doc", a["document"]), ("outlet", a.get("outlet") or "")] for a in articles])


def _main_type(members: list[Reported]) -> str:
    counts = Counter(m.type for m in members)
    return min(counts, key=lambda t: (-counts[t], _TYPE_ORDER.index(t) if t in _TYPE_ORDER else 99, t)) if counts else ""


def _history(members: list[Reported]) -> list[dict[str, Any]]:
    days: dict[date, dict[str, list[str]]] = {}
    for m in members:
        days.setdefault(m.reported_on, {}).setdefault(m.status, []).append(m.id)
    out = []
    for day in sorted(days):
        statuses = days[day]
        ordered = sorted(statuses, key=lambda s: _STATUS_ORDER.index(s) if s in _STATUS_ORDER else 99)
        out.append({"day": day.isoformat(), "status": ordered[0], "statuses": ordered, "conflict": len(ordered) > 1,
                    "assertions": sorted(a for s in ordered for a in statuses[s])})
    return out


def build(anchor: str, members: list[Reported], copies: dict[str, list[dict[str, Any]]]) -> EventCluster:
    """The facts of one cluster from its (active) member reports and the recorded document copies."""
    members = sorted(members, key=lambda m: (m.reported_on, m.document, m.start or 0, m.id))
    labels = dict(sorted({kv for m in members for kv in m.labels}))
    strong = sorted(d for d in (m.strong_date for m in members) if d is not None)
    weak = sorted(d for d in (m.date for m in members) if d is not None)
    dates = strong or weak
    places = sorted({m.place for m in members if m.place}, key=lambda p: (-len(p), p))
    counts = Counter(m.count for m in members if m.count is not None)
    count = max(counts, key=lambda c: (counts[c], c)) if counts else None
    articles: dict[tuple[str, str], dict[str, Any]] = {}
    for m in members:
        key = (m.document, m.url or "")
        articles.setdefault(key, {"document": m.document.rsplit("/", 1)[-1], "url": m.url, "publisher": m.publisher,
                                  "published": m.published.isoformat() if m.published else None,
                                  "outlet": outlet_of(m.url, m.publisher), "copy": False})
        for c in copies.get(m.document.rsplit("/", 1)[-1], []):
            articles.setdefault((m.document, c["url"]), {"document": m.document.rsplit("/", 1)[-1], "url": c["url"],
                                                        "publisher": c["publisher"], "published": c["published"],
                                                        "outlet": outlet_of(c["url"], c["publisher"]), "copy": True})
    history = _history(members)
    reported: dict[str, dict[str, Any]] = {}
    for m in members:
        entry = reported.setdefault(m.document, {"document": m.document.rsplit("/", 1)[-1], "url": m.url,
                                                 "assertions": [], "spans": []})
        entry["assertions"].append(m.id)
        entry["spans"].append(m.start)
    arts = list(articles.values())
    reported_days = sorted(d for d in (a["published"] for a in arts) if d) or [h["day"] for h in history]
    return EventCluster(
        id=anchor, family=members[0].family if members else "", type=_main_type(members),
        types=sorted({m.type for m in members}),
        participants=[{"iri": k, "label": v} for k, v in labels.items()],
        status=history[-1]["status"] if history else None, conflict=any(h["conflict"] for h in history),
        status_history=history, place=places[0] if places else None, count=count,
        first_date=dates[0].isoformat() if dates else None, last_date=dates[-1].isoformat() if dates else None,
        first_reported=reported_days[0] if reported_days else None,
        last_reported=reported_days[-1] if reported_days else None,
        members=[m.id for m in members], events=[m.event for m in members], reported_events=list(reported.values()),
        articles_list=arts, mentions=len(members), articles=len(arts), sources=independent_sources(arts),
        outlets=len({a["outlet"] for a in arts if a["outlet"]}),
    )
