"""Plain questions: a few templates (regexes over the normalised question) mapped to named queries.

Every answer comes from a named query's rows: date and time (local as stated,
plus UTC when the event has an offset-bearing ``dip:startTime``), place, status
and the source with its quote.  When no template matches, or the graph has no
rows, the answer says so and names the closest named query; nothing is invented.

>>> from kg.api import KnowledgeGraph
>>> with KnowledgeGraph.open("memory:") as g:
...     print(ask(g, "when is trump meeting with putin").text.splitlines()[0])
The graph holds no meeting between Donald Trump and Vladimir Putin.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from typing import TYPE_CHECKING, Any

from kg.query.named import actor_term, list_queries, load_query, select_named

if TYPE_CHECKING:
    from kg.api import KnowledgeGraph

_MEET = r"(?:meeting|meet|met|see|seeing|sit down|hold talks|holding talks)"
_AUX = r"(?:is|are|was|were|will|would|did|do|does|has|have|could|should)"
_PLANNED = r"(?:going to |scheduled to |set to |due to |expected to |planning to |supposed to )?"


@dataclass(frozen=True)
class Template:
    """One question shape: its regex, the named query it runs and how it words the answer."""

    name: str
    pattern: re.Pattern[str]
    query: str
    params: tuple[str, ...]  # regex groups -> query params, in order


def _t(name: str, regex: str, query: str, *params: str) -> Template:
    return Template(name, re.compile(regex), query, params)


TEMPLATES: tuple[Template, ...] = (
    _t("when-meet", rf"^(?:when|where|at what time) {_AUX} (?P<a>.+?) and (?P<b>.+?) {_PLANNED}{_MEET}(?: each other)?$", "meetings-between", "a", "b"),
    _t("when-meet", rf"^(?:when|where|at what time) (?:{_AUX} )?(?P<a>.+?) {_PLANNED}{_MEET} (?:with )?(?P<b>.+?)$", "meetings-between", "a", "b"),
    _t("who-met", rf"^(?:who|whom) (?:{_AUX} )?(?P<a>.+?) {_PLANNED}{_MEET}(?: with)?(?: (?:in|during|on|between|since) (?P<period>.+))?$", "meetings-of", "a"),
    _t("who-met", rf"^who (?:{_AUX} )?(?:met|meets|meeting|has met) (?:with )?(?P<a>.+?)(?: (?:in|during|on|between|since) (?P<period>.+))?$", "meetings-of", "a"),
    _t("sanctioned-by", r"^(?:whom|who|what|which \w+) (?:did|has|have|does|do) (?P<a>.+?) sanction(?:ed)?$", "sanctions-by", "a"),
    _t("sanctioned-by", r"^(?:who|what|which \w+) (?:is|are|was|were|has been|have been) sanctioned by (?P<a>.+)$", "sanctions-by", "a"),
    _t("who-sanctioned", r"^(?:who|which \w+) (?:has |have |did )?(?:sanctioned|sanctions|sanction|imposed sanctions on|is sanctioning) (?P<a>.+)$", "sanctions-against", "a"),
    _t("releases-all", r"^who (?:pardoned|released|freed)(?: or (?:pardoned|released|freed))? (?:whom|who)(?: and how many)?$", "releases-by"),
    _t("releases-by", r"^(?:how many (?:\w+ )*?|who |whom )(?:did|has|have|does) (?P<a>.+?) (?:pardon|release|free|pardoned|released|freed)(?: or (?:pardon|release|free))?$", "releases-by", "a"),
    _t("released-who", r"^who (?:pardoned|released|freed) (?P<x>.+)$", "releases-by"),
    _t("advisers", r"^who (?:advises|is advising|are advising|advised|counsels|is an? advis[eo]r (?:to|of)|are (?:the )?advis[eo]rs (?:to|of)) (?P<a>.+)$", "advisers-of", "a"),
    _t("advisers", r"^who (?:are|is) (?P<a>.+?)(?:'s|s'|s) advis[eo]rs?$", "advisers-of", "a"),
    _t("between", r"^(?:what|anything) (?:happened|is happening|has happened|is going on|went on|do we know|is known|happens|links?) between (?P<a>.+?) and (?P<b>.+)$", "between", "a", "b"),
    _t("between", r"^(?:what|how) (?:are|is|were) (?:the )?relations? between (?P<a>.+?) and (?P<b>.+)$", "between", "a", "b"),
)


@dataclass
class Answer:
    """The answer to a question, with the named query, its bindings and the sources behind it."""

    question: str
    text: str
    template: str | None = None
    query: str | None = None
    params: dict[str, str] = field(default_factory=dict)
    rows: list[dict[str, Any]] = field(default_factory=list)
    sources: list[dict[str, str]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict: question, answer text, template, named query, params, bindings, sources."""
        return {
            "question": self.question, "answer": self.text, "template": self.template, "query": self.query,
            "params": self.params, "bindings": [{k: str(v) for k, v in r.items()} for r in self.rows],
            "sources": self.sources,
        }


def normalise(question: str) -> str:
    """Lower case, plain apostrophes, no trailing punctuation, single spaces.

    >>> normalise("  When is Trump meeting with Putin?? ")
    'when is trump meeting with putin'
    """
    text = question.replace("\u2019", "'").replace("\u2018", "'").lower()
    text = re.sub(r"[?!.,;:]+", " ", text)
    return " ".join(text.split())


def clean_name(name: str) -> str:
    """Strip articles, courtesy titles and trailing words that are not part of a name.

    >>> clean_name("the president putin next week")
    'putin'
    """
    name = re.sub(r"\b(next|this|last) (week|month|year)$|\b(again|today|tomorrow|soon)$", "", name).strip()
    name = re.sub(r"^(the |mr |mrs |ms |president |prime minister |chancellor |leader )+", "", name).strip()
    return re.sub(r"'s?$", "", name).strip()


def parse_period(text: str | None) -> tuple[date, date] | None:
    """A period phrase as (first day, last day), or None when it is not a real period.

    Accepts ``2025``, ``august 2025``, ``2025-08``, a date, and ``X and Y``.

    >>> parse_period("august 2025")
    (datetime.date(2025, 8, 1), datetime.date(2025, 8, 31))
    >>> parse_period("2025-07-01 and 2025-08-15")[1]
    datetime.date(2025, 8, 15)
    >>> parse_period("2025-13") is None
    True
    """
    try:
        return _period(text)
    except ValueError:  # year 0, month 13 ...
        return None


def _period(text: str | None) -> tuple[date, date] | None:
    if not text:
        return None
    text = text.strip()
    if " and " in text:
        first, last = (parse_period(p) for p in text.split(" and ", 1))
        return (first[0], last[1]) if first and last else None
    months = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
    if m := re.fullmatch(r"(\d{4})", text):
        return date(int(m[1]), 1, 1), date(int(m[1]), 12, 31)
    if m := re.fullmatch(r"(\d{4})-(\d{2})", text):
        y, mo = int(m[1]), int(m[2])
        return date(y, mo, 1), date(y, mo, calendar.monthrange(y, mo)[1])
    if m := re.fullmatch(r"([a-z]+) (\d{4})", text):
        if m[1] in months:
            y, mo = int(m[2]), months[m[1]]
            return date(y, mo, 1), date(y, mo, calendar.monthrange(y, mo)[1])
    try:
        day = date.fromisoformat(text)
    except ValueError:
        return None
    return day, day


def when_text(row: dict[str, Any]) -> str:
    """Date and time of an event row: local time as stated, plus UTC when the start time has an offset.

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


def _source_text(row: dict[str, Any]) -> str:
    src = str(row.get("source") or ("a document without URL" if row.get("title") else "")
              or row.get("assertion") or "an unnamed source")
    title = f' "{row["title"]}"' if row.get("title") else ""
    quote = f' — quote: "{row["quote"]}"' if row.get("quote") else ""
    grade = f" [grade {row['reliability']}{row['credibility']}]" if row.get("reliability") else ""
    return f"source: {src}{title}{grade}{quote}"


def _kind(row: dict[str, Any], default: str = "event") -> str:
    return str(row.get("type", "")).rsplit("#", 1)[-1].lower() or default


def _event_line(row: dict[str, Any], what: str) -> str:
    place = f" at {row['place']}" if row.get("place") else ""
    return f"- {row.get('status', 'held')} {what} {when_text(row)}{place}; {_source_text(row)}"


def same_event_groups(rows: list[dict[str, Any]], *keys: str) -> list[list[dict[str, Any]]]:
    """Rows that report one event, grouped by their event cluster (kg.events, added by ``annotate_rows``).

    Rows without a ``cluster`` (not annotated) fall back to: same status, date and ``keys``, and no clash
    of clock times.  Each source keeps its own assertion (conflicts stay visible); the answer lists an
    event once with every source that reports it.

    >>> [len(g) for g in same_event_groups([{"cluster": "c1"}, {"cluster": "c2"}, {"cluster": "c1"}])]
    [2, 1]

    >>> a = {"status": "planned", "date": "2025-08-15", "localTime": "11:30", "source": "x"}
    >>> b = {"status": "planned", "date": "2025-08-15", "source": "y"}
    >>> c = {"status": "cancelled", "date": "2025-08-15", "source": "z"}
    >>> [len(g) for g in same_event_groups([a, b, c])]
    [2, 1]
    """
    if rows and all(r.get("cluster") for r in rows):
        by_cluster: dict[tuple[str, str], list[dict[str, Any]]] = {}
        for row in rows:  # sources that disagree at one time keep their own line (the conflict stays visible)
            by_cluster.setdefault((str(row["cluster"]), str(row.get("status")) if row.get("clusterConflict") else ""),
                                  []).append(row)
        return list(by_cluster.values())
    groups: list[list[dict[str, Any]]] = []
    for row in rows:
        key = (row.get("status"), row.get("date"), *(str(row.get(k)) for k in keys))
        for group in groups:
            first = group[0]
            times = {r.get("localTime") for r in group + [row] if r.get("localTime")}
            if row.get("date") and (first.get("status"), first.get("date"), *(str(first.get(k)) for k in keys)) == key \
                    and len(times) <= 1:
                group.append(row)
                break
        else:
            groups.append([row])
    return groups


def _grouped_lines(rows: list[dict[str, Any]], what: Any, *keys: str) -> list[str]:
    lines = []
    for group in same_event_groups(rows, *keys):
        if len(group) == 1:
            lines.append(_event_line(group[0], what(group[0])))
            continue
        best = max(group, key=lambda r: (bool(r.get("startTime")), bool(r.get("localTime")), len(str(r.get("place") or ""))))
        place = f" at {best['place']}" if best.get("place") else ""
        status = best.get("status", "held") if best.get("clusterConflict") else best.get("clusterStatus") or best.get("status", "held")
        history = " -> ".join(best.get("clusterHistory") or [])
        history = f" (reported {history})" if "->" in history else ""
        count = (f"the event: {best['clusterArticles']} article(s), {best['clusterSources']} independent source(s); "
                 if best.get("clusterSources") else "") + f"{len(group)} sources"
        lines.append(f"- {status} {what(best)} {when_text(best)}{place}{history}; {count}:")
        lines += [f"    {_source_text(r)}" for r in group]
    return lines


def _meetings_between(rows: list[dict[str, Any]], names: dict[str, str]) -> list[str]:
    return _grouped_lines(rows, lambda r: f"{_kind(r, 'meeting')} between {names['a']} and {names['b']}")


def _meetings_of(rows: list[dict[str, Any]], names: dict[str, str]) -> list[str]:
    return _grouped_lines(rows, lambda r: f"{_kind(r, 'meeting')} of {names['a']} with {r.get('otherLabel', r.get('other'))}",
                          "other")


def _sanctions_by(rows: list[dict[str, Any]], names: dict[str, str]) -> list[str]:
    return [_event_line(r, f"sanctions by {names['a']} on {r.get('targetLabel', r.get('target'))}") for r in rows]


def _sanctions_against(rows: list[dict[str, Any]], names: dict[str, str]) -> list[str]:
    return [_event_line(r, f"sanctions by {r.get('imposerLabel', r.get('imposer'))} on {names['a']}") for r in rows]


def _releases(rows: list[dict[str, Any]], names: dict[str, str]) -> list[str]:
    lines = []
    events = same_event_groups(rows) if rows and all(r.get("cluster") for r in rows) else [[r] for r in rows]
    for group in events:
        r = max(group, key=lambda x: (x.get("date") == x.get("clusterDate"), bool(x.get("count"))))
        verb = "pardon" if _kind(r) == "pardon" else "release"
        n = r.get("clusterCount") or r.get("count")
        count = f" ({n} persons)" if n else ""
        whom = r.get("releasedLabel") or r.get("released") or "unnamed persons"
        if len(group) == 1:
            lines.append(_event_line(r, f"{verb} by {r.get('actorLabel', r.get('actor'))} of {whom}{count}"))
            continue
        lines.append(f"- {r.get('status', 'held')} {verb} by {r.get('actorLabel', r.get('actor'))} of {whom}{count} "
                     f"{when_text(r)}; {len(group)} reports:")
        lines += [f"    {_source_text(x)}" for x in group]
    counts = [int(g[0].get("clusterCount") or g[0]["count"]) for g in events
              if str(g[0].get("clusterCount") or g[0].get("count", "")).isdigit()]
    if counts:
        sources = {str(x.get("source") or x.get("assertion")) for x in rows}
        lines.append(f"- in all: {sum(counts)} persons, {len(events)} event(s), {len(sources)} source(s)")
    return lines


def _advisers(rows: list[dict[str, Any]], names: dict[str, str]) -> list[str]:
    return [_event_line(r, f"advisory role: {r.get('adviserLabel', r.get('adviser'))} advises {names['a']}") for r in rows]


def _between(rows: list[dict[str, Any]], names: dict[str, str]) -> list[str]:
    return [_event_line(r, str(r.get("eventLabel") or _kind(r))) for r in rows]


_RENDER: dict[str, tuple[Callable[[list[dict[str, Any]], dict[str, str]], list[str]], str]] = {
    "meetings-between": (_meetings_between, "meeting between {a} and {b}"),
    "meetings-of": (_meetings_of, "meeting of {a}{period}"),
    "sanctions-by": (_sanctions_by, "sanctions imposed by {a}"),
    "sanctions-against": (_sanctions_against, "sanctions against {a}"),
    "releases-by": (_releases, "pardon or release{by}"),
    "advisers-of": (_advisers, "adviser of {a}"),
    "between": (_between, "event between {a} and {b}"),
}


_STOP = {"the", "and", "what", "which", "who", "whom", "with", "when", "where", "how", "did", "does", "for",
         "from", "its", "one", "all", "are", "was", "has", "have", "any", "every"}


def closest_query(question: str) -> str:
    """Name of the named query whose name and summary share most words with the question.

    >>> closest_query("list the advisers please")
    'advisers-of'
    """
    words = {w[:5] for w in re.findall(r"[a-z]+", question.lower()) if len(w) > 2} - _STOP
    best, score = "meetings-of", 0
    for name, query in list_queries().items():
        theirs = {w[:5] for w in re.findall(r"[a-z]+", f"{name} {query.summary}".lower()) if len(w) > 2} - _STOP
        if len(words & theirs) > score:
            best, score = name, len(words & theirs)
    return best


def _no_template(question: str) -> Answer:
    name = closest_query(question)
    query = load_query(name)
    text = (f"I cannot answer that: the question matches none of the question templates, and I do not guess. "
            f"Closest named query: {name} ({query.summary}) — {query.usage()}")
    return Answer(question, text, query=name)


def ask(graph: "KnowledgeGraph", question: str) -> Answer:
    """Answer a plain question from the graph, or say plainly that it cannot."""
    normal = normalise(question)
    for template in TEMPLATES:
        match = template.pattern.match(normal)
        if match:
            return _answer(graph, question, template, match)
    return _no_template(question)


def _actor(graph: "KnowledgeGraph", name: str) -> tuple[str, str]:
    """(IRI, label) of the actor a name refers to; the label is the graph's when it has one."""
    node = actor_term(graph, name)
    rows = graph.select("SELECT ?l WHERE { ?a rdfs:label ?l } LIMIT 1", a=node)
    return node.value, str(rows[0]["l"]) if rows else graph.resolve_actor(name).label


def _answer(graph: "KnowledgeGraph", question: str, template: Template, match: re.Match[str]) -> Answer:
    groups = match.groupdict()
    params: dict[str, str] = {}
    names: dict[str, str] = {"by": "", "period": ""}
    for group in template.params:
        node, label = _actor(graph, clean_name(groups[group]))
        params[group if template.query in ("meetings-between", "between") else "actor"] = node
        names[group] = label
    if "a" in names and template.query == "releases-by":
        names["by"] = f" by {names['a']}"
    rows = select_named(graph, template.query, params)
    from kg.events import annotate_rows

    rows = annotate_rows(graph, rows)
    notes = []
    if groups.get("period"):
        period = parse_period(groups["period"])
        if period is None:
            notes.append(f"(I could not read the period {groups['period']!r}; showing every date.)")
        else:
            rows = [r for r in rows if r.get("date") and period[0].isoformat() <= str(r["date"]) <= period[1].isoformat()]
            names["period"] = f" from {period[0]} to {period[1]}"
    if groups.get("x"):
        wanted, label = _actor(graph, clean_name(groups["x"]))
        rows = [r for r in rows if r.get("released") == wanted or str(r.get("releasedLabel", "")).lower() == label.lower()]
        names["by"] = f" of {label}"
    render, noun = _RENDER[template.query]
    query = load_query(template.query)
    usage = f"kg query --name {template.query} " + " ".join(f"--param {k}={v}" for k, v in params.items())
    if not rows:
        text = f"The graph holds no {noun.format(**names)}."
        return Answer(question, "\n".join([text, *notes, f"(named query: {usage.strip()} — {query.summary})"]),
                      template.name, template.query, params)
    sources = []
    for row in rows:
        entry = {k: str(row[k]) for k in ("assertion", "source", "title", "quote") if row.get(k)}
        if entry not in sources:
            sources.append(entry)
    head = f"The graph holds {len(rows)} record(s) of {noun.format(**names)}:"
    text = "\n".join([head, *render(rows, names), *notes])
    return Answer(question, text, template.name, template.query, params, rows, sources)
