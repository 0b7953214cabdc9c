"""Rows of an ask query as an honest answer: events grouped, planned and held kept apart, every source listed.

Yes/no questions get one of three verdicts: ``yes`` (the events and their sources), ``no`` (the graph records
that it did not happen: cancelled, refused or negated, with sources) or ``no record`` (nothing either way).
Rows are grouped into events by :mod:`kg.events` (:func:`events_of`): one event is listed once with every
article that reports it, and persons, events and sources are counted once (:func:`totals`).  Each event
line names its status (and its status history over reporting time: planned, then held), date and time
(local as stated, plus UTC when the start time has an offset), place, and its sources (outlet, date, URL,
quote) with the number of articles, independent sources and outlets.

>>> rows = [{"event": "e1", "type": "dip#Meeting", "subjectLabel": "A", "objectLabel": "B", "status": "held",
...          "date": "2017-03-03", "source": "https://www.paper.example/x", "quote": "A met B."}]
>>> event = Event(rows)
>>> event.outlets, event.status, event_lines(event, "meet")[0]
(['paper.example'], 'held', '- held meeting between A and B on 2017-03-03 — 1 article(s), 1 independent source(s), 1 outlet(s); sources:')
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any
from urllib.parse import urlparse

from typing import TYPE_CHECKING

from kg.events.facts import independent_sources
from kg.events.facts import outlet_of as outlet_key
from kg.query.ask_sparql import NEGATIVE
from kg.query.question import ParsedQuestion

if TYPE_CHECKING:
    from kg.api import KnowledgeGraph
    from kg.events.facts import EventCluster

#: how each status reads in an answer
STATUS_WORDS = {"held": "held", "planned": "planned", "cancelled": "cancelled", "refused": "refused",
                "negated": "did not happen (the source says so):"}


@dataclass
class Event:
    """One event as the answer shows it: its event cluster (:mod:`kg.events`) and the query rows that report it.

    ``split_status`` is set when the cluster's sources disagree on one reporting day: each status then has
    its own line (the conflict stays visible) and the line lists the sources of that status.
    """

    rows: list[dict[str, Any]] = field(default_factory=list)
    cluster: "EventCluster | None" = None
    split_status: str | None = None

    @property
    def best(self) -> dict[str, Any]:
        """The best-informed row: one of the event's date, then with a start time, a clock time, the longest place."""
        day = self.date
        return max(self.rows, key=lambda r: (str(r.get("date") or "") == (day or ""), bool(r.get("startTime")),
                                             bool(r.get("localTime")), len(str(r.get("place") or ""))))

    def value(self, key: str) -> Any:
        """The best-informed row's value of ``key``, else the first row's that has one."""
        best = self.best
        return best.get(key) if best.get(key) not in (None, "") else next((r[key] for r in self.rows if r.get(key)), None)

    @property
    def status(self) -> str:
        """The cluster's current status (its latest reporting day's), or this line's status when sources disagree."""
        if self.split_status:
            return self.split_status
        if self.cluster is not None and self.cluster.status:
            return self.cluster.status
        return str(self.rows[0].get("status") or "held")

    @property
    def history(self) -> list[str]:
        """Statuses over reporting time (``['planned', 'held']``); one day's disagreement reads ``cancelled/planned``."""
        if self.cluster is None:
            return [self.status]
        out: list[str] = []
        for h in self.cluster.status_history:
            word = "/".join(h["statuses"]) if h["conflict"] else h["status"]
            if not out or out[-1] != word:
                out.append(word)
        return out

    @property
    def date(self) -> str | None:
        """The event's first day: the date range the texts state (a publication date only when none is stated)."""
        if self.cluster is not None and self.cluster.first_date:
            return self.cluster.first_date
        value = next((r.get("date") for r in self.rows if r.get("date")), None)
        return str(value) if value else None

    @property
    def count(self) -> int | None:
        """Persons the event concerns (the cluster's count: one event of 30 is 30, however often reported)."""
        if self.cluster is not None and self.cluster.count is not None:
            return self.cluster.count
        value = str(self.value("count") or "")
        return int(value) if value.isdigit() else None

    @property
    def kind(self) -> str:
        if self.cluster is not None and self.cluster.type:
            return self.cluster.type
        return str(self.rows[0].get("type", "")).rsplit("#", 1)[-1] or "Event"

    @property
    def subjects(self) -> list[str]:
        return _labels(self.rows, "subject")

    @property
    def objects(self) -> list[str]:
        return _labels(self.rows, "object")

    @property
    def articles(self) -> list[dict[str, Any]]:
        """The articles reporting the event (copies of a text under other URLs included), as :mod:`kg.events` counts them."""
        if self.cluster is None:
            out: dict[str, dict[str, Any]] = {}
            for row in self.rows:
                url = str(row["source"]) if row.get("source") else None
                publisher = str(row["publisher"]) if row.get("publisher") else None
                out.setdefault(_row_document(row), {
                    "document": _row_document(row), "url": url, "publisher": publisher,
                    "published": str(row["published"]) if row.get("published") else None,
                    "outlet": outlet_key(url, publisher), "copy": False})
            return list(out.values())
        arts = self.cluster.articles_list
        if self.split_status:
            mine = {_local(r.get("assertion")) for r in self.rows}
            docs = {d["document"] for d in self.cluster.reported_events if mine.intersection(d["assertions"])}
            arts = [a for a in arts if a["document"] in docs]
        return arts

    @property
    def sources(self) -> list[dict[str, Any]]:
        """One entry per article: outlet, date, URL, title, quotes, grade and assertion (from the rows that report it).

        A copy of a text under another URL is listed with ``copyOf`` (the original's URL) and no quote of its own.
        """
        arts = self.articles
        if self.cluster is not None:
            docs = {d["document"]: set(d["assertions"]) for d in self.cluster.reported_events}
            originals = {a["document"]: a["url"] for a in arts if not a.get("copy")}
        out: list[dict[str, Any]] = []
        for art in arts:
            url = art.get("url")
            entry: dict[str, Any] = {"outlet": outlet_of({"publisher": art.get("publisher"), "source": url})}
            if art.get("published"):
                entry["date"] = str(art["published"])
            if url:
                entry["url"] = str(url)
            if self.cluster is None:
                rows = [r for r in self.rows if _row_document(r) == art["document"]]
            elif art.get("copy"):
                entry["copyOf"] = str(originals.get(art["document"]) or art["document"])
                rows = []
            else:
                rows = [r for r in self.rows if _local(r.get("assertion")) in docs.get(art["document"], set())]
            for row in rows:
                for key in ("title", "assertion"):
                    if row.get(key) and key not in entry:
                        entry[key] = str(row[key])
                if row.get("reliability") and "grade" not in entry:
                    entry["grade"] = f"{row['reliability']}{row.get('credibility', '')}"
            if len(self.history) > 1:  # which status this article reported (planned on the 8th, held on the 15th)
                said = list(dict.fromkeys(str(r.get("status") or "held") for r in rows))
                if said:
                    entry["status"] = "/".join(said)
            quotes = list(dict.fromkeys(str(r["quote"]) for r in rows if r.get("quote")))
            if quotes:
                entry["quote"] = quotes[0]
            if len(quotes) > 1:
                entry["quotes"] = quotes
            out.append(entry)
        return out

    @property
    def outlets(self) -> list[str]:
        """The outlets' names (publisher, else the host)."""
        return sorted({s["outlet"] for s in self.sources})

    @property
    def independent(self) -> int:
        """Independent sources: articles sharing a text or an outlet count once (:func:`kg.events.facts.independent_sources`)."""
        return independent_sources(self.articles)

    def to_json(self) -> dict[str, Any]:
        """The event as the JSON answer lists it."""
        return {"cluster": self.cluster.id if self.cluster else None, "type": self.kind, "status": self.status,
                "history": self.history, "conflict": bool(self.split_status), "date": self.date,
                "localTime": self.value("localTime"), "startTime": _text(self.value("startTime")),
                "place": self.value("place"), "count": self.count, "subjects": self.subjects, "objects": self.objects,
                "sources": self.sources, "articles": len(self.articles), "independentSources": self.independent,
                "outlets": len(self.outlets)}


def _local(value: Any) -> str:
    return str(value or "").rsplit("/", 1)[-1]


def _row_document(row: dict[str, Any]) -> str:
    """A row's article when it has no event cluster: its URL, else its assertion."""
    return str(row.get("source") or row.get("assertion") or row.get("event"))


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def _labels(rows: list[dict[str, Any]], side: str) -> list[str]:
    seen: list[str] = []
    for row in rows:
        label = row.get(f"{side}Label") or row.get(side)
        if label and str(label) not in seen:
            seen.append(str(label))
    return seen


def outlet_of(row: dict[str, Any]) -> str:
    """The outlet of a source row: its publisher, else the URL's host without ``www.``.

    >>> outlet_of({"source": "https://www.example.org/a"}), outlet_of({"publisher": "Daily X", "source": "https://x.org"})
    ('example.org', 'Daily X')
    """
    if row.get("publisher"):
        return str(row["publisher"])
    host = urlparse(str(row.get("source") or "")).hostname or ""
    return host.removeprefix("www.") or str(row.get("title") or "an unnamed source")


def events_of(graph: "KnowledgeGraph", rows: list[dict[str, Any]]) -> list[Event]:
    """The query rows grouped into events by :mod:`kg.events` (the one module that owns "same event").

    Rows of one event cluster are one event however many articles, sentences or participants report it; a
    planned-then-held event is one event with its status history.  When a cluster's sources disagree on one
    reporting day each status keeps its own line.  Rows of no active report keep their event node.  Events
    come in event-time order (undated first, as the query orders them).

    >>> from kg.api import KnowledgeGraph
    >>> from kg.model.inputs import ClaimInput
    >>> g = KnowledgeGraph.open("memory:")
    >>> for url in ("https://a.example/1", "https://b.example/2"):
    ...     _ = g.assert_claim(ClaimInput(subject="Ann Lee", relation="meets", object="Raj Patel", date="2025-08-15",
    ...                                   source=url))
    >>> rows = g.select("SELECT ?assertion ?event ?source ?status WHERE { ?assertion dip:claimEvent ?event ; "
    ...                 "prov:wasDerivedFrom/dip:url ?source . ?event dip:status ?st "
    ...                 'BIND(LCASE(STRAFTER(STR(?st), "#")) AS ?status) }')
    >>> [(len(e.rows), e.independent) for e in events_of(g, rows)]
    [(2, 2)]
    """
    from kg.events import clusters_of

    by_member = clusters_of(graph, [str(r.get("assertion") or "") for r in rows]) if rows else {}
    groups: dict[tuple[str, ...], Event] = {}
    for row in rows:
        found = by_member.get(_local(row.get("assertion")))
        if found is None:
            key: tuple[str, ...] = ("event", str(row.get("event")))
        else:
            key = ("cluster", found.id, str(row.get("status") or "held") if found.conflict else "")
        if key not in groups:
            groups[key] = Event(cluster=found, split_status=(key[2] or None) if found is not None else None)
        groups[key].rows.append(row)
    return sorted(groups.values(), key=lambda e: e.date or "")


def totals(events: list[Event]) -> str:
    """Persons, events and independent sources, each counted once: ``in all: 30 persons, 1 event(s), 2 source(s)``.

    >>> rows = [{"event": "e", "count": "30", "source": "https://a.example/1", "assertion": "x"},
    ...         {"event": "e", "count": "30", "source": "https://a.example/1", "assertion": "y"}]
    >>> totals([Event(rows)])
    'in all: 30 persons, 1 event(s), 1 source(s)'
    """
    articles: dict[tuple[str, str], dict[str, Any]] = {}
    for event in events:
        for art in event.articles:
            articles.setdefault((str(art["document"]), str(art.get("url") or "")), art)
    counts = [e.count for e in events if e.count is not None]
    persons = ""
    if counts:
        stated = f" (stated for {len(counts)} of {len(events)} events)" if len(counts) < len(events) else ""
        persons = f"{sum(counts)} persons{stated}, "
    return f"in all: {persons}{len(events)} event(s), {independent_sources(list(articles.values()))} source(s)"


def when_text(row: dict[str, Any]) -> str:
    """Date and time of an event: local time as stated, plus UTC when the start time has an offset.

    >>> when_text({"date": "2025-08-15", "localTime": "11:30", "startTime": "2025-08-15T11:30:00-08:00"})
    'on 2025-08-15 at 11:30 local time (19:30 UTC/GMT)'
    """
    parts = [f"on {row['date']}"] if row.get("date") else []
    local = row.get("localTime")
    utc = ""
    if row.get("startTime"):
        try:
            start = datetime.fromisoformat(str(row["startTime"]).replace("Z", "+00:00"))
        except ValueError:
            start = None
        if start is not None and start.tzinfo is not None:
            local = local or start.strftime("%H:%M")
            moment = start.astimezone(timezone.utc)
            day = "" if moment.date() == start.date() else f" on {moment.date().isoformat()}"
            utc = f" ({moment.strftime('%H:%M')} UTC/GMT{day})"
            if not parts:
                parts.append(f"on {start.date().isoformat()}")
    if local:
        parts.append(f"at {local} local time{utc}")
    return " ".join(parts) if parts else "(no date in the source)"


def describe(event: Event, relation: str) -> str:
    """What happened, in words: ``summit between A and B``, ``sanctions by A on B`` ..."""
    s = " and ".join(event.subjects) or "someone"
    o = " and ".join(event.objects) or "unnamed persons"
    kind = event.kind.lower() if event.kind != "PrisonerRelease" else "prisoner release"
    count = event.count
    persons = f" ({count} persons)" if count is not None else ""
    if relation in ("meet", "call"):
        names = sorted(set(event.subjects) | set(event.objects), key=(event.subjects + event.objects).index)
        return f"{kind} between {' and '.join(names)}"
    return {
        "visit": f"visit by {s} to {o}",
        "host": f"{kind} hosted by {s} with {o}",
        "pardon": f"pardon by {s} of {o}{persons}",
        "release": f"{kind} by {s} of {o}{persons}",
        "pardon-or-release": f"{kind} by {s} of {o}{persons}",
        "sanction": f"sanctions by {s} on {o}",
        "advise": f"advisory role: {s} advises {o}",
    }.get(relation, f"{kind} involving {s} and {o}{persons}")


def event_lines(event: Event, relation: str) -> list[str]:
    """The event's line (status, what, when, where, status history, counts) and one line per source."""
    best = dict(event.best)
    if event.date and str(best.get("date") or "") != event.date:  # a clock time of another day is not this one's
        best = {k: v for k, v in best.items() if k not in ("localTime", "startTime")}
    best["date"] = event.date
    place = f" at {best['place']}" if best.get("place") else ""
    history = event.history
    if event.split_status:
        said = f" (sources disagree on this event's status; reported {' -> '.join(history)})"
    else:
        said = f" (reported {' -> '.join(history)})" if len(history) > 1 else ""
    word = STATUS_WORDS.get(event.status, event.status)
    head = (f"- {word} {describe(event, relation)} {when_text(best)}{place}{said}"
            f" — {len(event.articles)} article(s), {event.independent} independent source(s), {len(event.outlets)} outlet(s);"
            " sources:")
    return [head, *(f"    {source_line(s)}" for s in event.sources)]


def source_line(source: dict[str, Any]) -> str:
    """``source: URL "title" [grade B2] (outlet, date) — quote: "..."``; a copy names its original, and an
    event whose status changed says what each source reported.

    >>> source_line({"url": "https://x.example/a", "outlet": "x.example", "quotes": ["A met B.", "They met."]})
    'source: https://x.example/a (x.example) — quotes: "A met B." / "They met."'
    """
    url = source.get("url") or "a document without URL"
    title = f' "{source["title"]}"' if source.get("title") else ""
    grade = f" [grade {source['grade']}]" if source.get("grade") else ""
    when = f", {source['date']}" if source.get("date") else ""
    quotes = source.get("quotes") or ([source["quote"]] if source.get("quote") else [])
    said = f' — quote{"s" if len(quotes) > 1 else ""}: ' + " / ".join(f'"{q}"' for q in quotes) if quotes else ""
    copy = f" — the same text as {source['copyOf']}" if source.get("copyOf") else ""
    status = f" reported {source['status']}" if source.get("status") else ""
    return f"source: {url}{title}{grade} ({source['outlet']}{when}){status}{said}{copy}"


def split_by_status(events: list[Event]) -> tuple[list[Event], list[Event], list[Event]]:
    """(held, planned, did not happen) events."""
    held = [e for e in events if e.status == "held"]
    planned = [e for e in events if e.status == "planned"]
    negative = [e for e in events if e.status in NEGATIVE]
    return held, planned, negative


def pick_order(events: list[Event], order: str | None) -> list[Event]:
    """The first or last dated event when ``order`` asks for one (undated ones cannot be ordered)."""
    if order not in ("first", "last"):
        return events
    dated = sorted((e for e in events if e.date), key=lambda e: e.date or "")
    if not dated:
        return events
    return [dated[0] if order == "first" else dated[-1]]


def verdict(parsed: ParsedQuestion, events: list[Event]) -> tuple[str, list[Event], list[Event]]:
    """(``yes``/``no``/``no record``, events that answer, other events worth naming) for a yes/no question."""
    held, planned, negative = split_by_status(events)
    if parsed.status in ("cancelled", "refused"):
        hits = [e for e in events if e.status == parsed.status or (parsed.status == "refused" and e.status == "negated")]
        if hits:
            return "yes", hits, [e for e in events if e not in hits]
        return ("no", held + planned, negative) if held or planned else ("no record", [], negative)
    if parsed.status == "negative":
        if negative:
            return "yes", negative, held + planned
        return ("no", held, planned) if held else ("no record", [], planned)
    want = planned if parsed.tense == "future" or parsed.status == "planned" else held
    if want:
        return "yes", want, [e for e in events if e not in want]
    if negative:
        return "no", negative, [e for e in events if e not in negative]
    return "no record", [], events
