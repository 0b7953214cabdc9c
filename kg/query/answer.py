"""Rows of an ask query as an honest answer: events grouped, planned and held kept apart, every source listed.

Yes/no questions get one of three verdicts: ``yes`` (the events and their sources), ``no`` (the graph records
that it did not happen: cancelled, refused or negated, with sources) or ``no record`` (nothing either way).
Each event line names its status, date and time (local as stated, plus UTC when the start time has an
offset), place, and its sources (outlet, date, URL, quote) with the number of independent outlets.

>>> rows = [{"event": "e1", "type": "dip#Meeting", "subjectLabel": "A", "objectLabel": "B", "status": "held",
...          "date": "2017-03-03", "source": "https://www.paper.example/x", "quote": "A met B."}]
>>> events = group_events(rows)
>>> events[0].outlets, events[0].status
(['paper.example'], 'held')
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any
from urllib.parse import urlparse

from kg.query.ask_sparql import NEGATIVE
from kg.query.question import ParsedQuestion

#: how each status reads in an answer
STATUS_WORDS = {"held": "held", "planned": "planned", "cancelled": "cancelled", "refused": "refused",
                "negated": "did not happen (the source says so)"}


@dataclass
class Event:
    """One event as the answer shows it: the rows (one per source and participant) that report it."""

    rows: list[dict[str, Any]] = field(default_factory=list)

    @property
    def best(self) -> dict[str, Any]:
        """The best-informed row: one with a start time, a clock time, the longest place."""
        return max(self.rows, key=lambda r: (bool(r.get("startTime")), bool(r.get("localTime")), len(str(r.get("place") or ""))))

    def value(self, key: str) -> Any:
        """The best-informed row's value of ``key``, else the first row's that has one."""
        best = self.best
        return best.get(key) if best.get(key) not in (None, "") else next((r[key] for r in self.rows if r.get(key)), None)

    @property
    def status(self) -> str:
        return str(self.rows[0].get("status") or "held")

    @property
    def date(self) -> str | None:
        value = self.value("date")
        return str(value) if value else None

    @property
    def kind(self) -> str:
        return str(self.rows[0].get("type", "")).rsplit("#", 1)[-1] or "Event"

    @property
    def subjects(self) -> list[str]:
        return _labels(self.rows, "subject")

    @property
    def objects(self) -> list[str]:
        return _labels(self.rows, "object")

    @property
    def sources(self) -> list[dict[str, str]]:
        out: list[dict[str, str]] = []
        for row in self.rows:
            entry = source_entry(row)
            if entry not in out:
                out.append(entry)
        return out

    @property
    def outlets(self) -> list[str]:
        return sorted({s["outlet"] for s in self.sources})

    def to_json(self) -> dict[str, Any]:
        """The event as the JSON answer lists it."""
        return {"type": self.kind, "status": self.status, "date": self.date, "localTime": self.value("localTime"),
                "startTime": _text(self.value("startTime")), "place": self.value("place"),
                "count": _text(self.value("count")), "subjects": self.subjects, "objects": self.objects,
                "sources": self.sources, "outlets": len(self.outlets)}


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


def source_entry(row: dict[str, Any]) -> dict[str, str]:
    """One source as listed: outlet, date, URL, title, quote, grade and assertion."""
    entry = {"outlet": outlet_of(row)}
    for key, name in (("published", "date"), ("source", "url"), ("title", "title"), ("quote", "quote"),
                      ("assertion", "assertion")):
        if row.get(key):
            entry[name] = str(row[key])
    if row.get("reliability"):
        entry["grade"] = f"{row['reliability']}{row.get('credibility', '')}"
    return entry


def group_events(rows: list[dict[str, Any]]) -> list[Event]:
    """Rows that report one event, grouped: first by event node, then events of the same kind, status,
    date and participants whose clock times do not clash (several sources of one meeting).

    This is the one place answers group reports into events; when event identity (``kg.events``) lands it
    replaces the second step.

    >>> a = {"event": "1", "status": "planned", "date": "2025-08-15", "localTime": "11:30", "source": "https://x.org"}
    >>> b = {"event": "2", "status": "planned", "date": "2025-08-15", "source": "https://y.org"}
    >>> c = {"event": "3", "status": "cancelled", "date": "2025-08-15", "source": "https://z.org"}
    >>> [len(e.outlets) for e in group_events([a, b, c])]
    [2, 1]
    """
    by_node: dict[str, Event] = {}
    for row in rows:
        by_node.setdefault(str(row.get("event")), Event()).rows.append(row)
    merged: list[Event] = []
    for event in by_node.values():
        key = _identity(event)
        for other in merged:
            times = {r.get("localTime") for r in other.rows + event.rows if r.get("localTime")}
            if event.date and _identity(other) == key and len(times) <= 1:
                other.rows += event.rows
                break
        else:
            merged.append(event)
    return merged


def _identity(event: Event) -> tuple[Any, ...]:
    family = "Meeting" if event.kind in ("Meeting", "Summit", "Visit") else event.kind
    people = frozenset(event.subjects) | frozenset(event.objects)
    return family, event.status, event.date, people


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
    count = event.value("count")
    persons = f" ({count} persons)" if count else ""
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
    """The event's line and one line per source."""
    best = event.best
    place = f" at {best['place']}" if best.get("place") else ""
    outlets = len(event.outlets)
    head = (f"- {STATUS_WORDS.get(event.status, event.status)}: {describe(event, relation)} {when_text(best)}{place}"
            f" — {outlets} independent outlet{'s' if outlets != 1 else ''}; sources:")
    return [head, *(f"    {source_line(s)}" for s in event.sources)]


def source_line(source: dict[str, str]) -> str:
    """``source: URL "title" [grade B2] (outlet, date) — quote: "..."``."""
    url = source.get("url") or "a document without URL"
    title = f' "{source["title"]}"' if source.get("title") else ""
    grade = f" [grade {source['grade']}]" if source.get("grade") else ""
    when = f", {source['date']}" if source.get("date") else ""
    quote = f' — quote: "{source["quote"]}"' if source.get("quote") else ""
    return f"source: {url}{title}{grade} ({source['outlet']}{when}){quote}"


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
