"""Plain questions answered from the graph: parsed (:mod:`kg.query.question`), turned into one SPARQL query
with bound terms (:mod:`kg.query.ask_sparql`), and answered honestly from its rows (:mod:`kg.query.answer`).

Nothing is invented: every line comes from a row, names its status and sources, and when the question
cannot be mapped the answer says which part was not understood and suggests a question it can answer.

>>> from kg.api import KnowledgeGraph
>>> with KnowledgeGraph.open("memory:") as g:
...     print(ask(g, "when is trump meeting with putin").text.splitlines()[0])
The graph holds no meeting between Donald Trump and Vladimir Putin.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from pyoxigraph import NamedNode

from kg.query.answer import Event, event_lines, events_of, pick_order, split_by_status, totals, verdict
from kg.query.ask_sparql import build_query
from kg.query.question import RELATIONS, ParsedQuestion, QuestionError, normalise, parse_period, parse_question

if TYPE_CHECKING:
    from kg.api import KnowledgeGraph

__all__ = ["Answer", "ask", "lookup_actor", "normalise", "parse_period"]

#: what each relation's events are called in "the graph holds no ..."
NOUNS = {"meet": "meeting", "call": "call", "visit": "visit", "host": "hosted meeting", "pardon": "pardon",
         "release": "release", "pardon-or-release": "pardon or release", "sanction": "sanctions", "advise": "advisory role", "between": "event"}


@dataclass
class Answer:
    """The answer to a question: its text, the parsed question, the SPARQL it ran, rows, events and sources."""

    question: str
    text: str
    parsed: ParsedQuestion | None = None
    sparql: str | None = None
    params: dict[str, str] = field(default_factory=dict)
    rows: list[dict[str, Any]] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    verdict: str | None = None  # yes, no, no record (yes/no questions only)
    actors: dict[str, str] = field(default_factory=dict)  # name in the question -> IRI

    @property
    def sources(self) -> list[dict[str, str]]:
        """Every source behind the answer, once each."""
        out: list[dict[str, str]] = []
        for event in self.events:
            out += [s for s in event.sources if s not in out]
        return out

    @property
    def outlets(self) -> int:
        """How many independent outlets report the answer's events."""
        return len({s["outlet"] for s in self.sources})

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict: the question, its parsed parts, the SPARQL and bound params, rows, events,
        verdict, sources and the answer text."""
        return {
            "question": self.question, "answer": self.text, "verdict": self.verdict,
            "parsed": self.parsed.to_json() if self.parsed else None, "actors": self.actors,
            "sparql": self.sparql, "params": self.params,
            "rows": [{k: str(v) for k, v in r.items()} for r in self.rows],
            "events": [e.to_json() for e in self.events], "sources": self.sources, "outlets": self.outlets,
        }


# -- actors -----------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ActorMatch:
    """What a name in the question refers to: an IRI and label, how it was found, or the candidates."""

    name: str
    iri: str | None
    label: str
    how: str  # lookup (kg.resolve.lookup.find_actor), spelling, unknown, ambiguous
    candidates: tuple[str, ...] = ()


def lookup_actor(graph: "KnowledgeGraph", name: str, on: date | None = None) -> ActorMatch:
    """The actor a name in a question refers to.

    First the one actor lookup every command uses (:func:`kg.resolve.lookup.find_actor`: gazetteer aliases,
    surnames, titles read on the question's date, accents folded, graph labels); several candidates are
    listed, never chosen silently.  Only when it finds nobody, a close spelling of an actor the graph holds
    ("Lukashenk", "Merkle"), said in the answer.

    >>> from kg.api import KnowledgeGraph
    >>> with KnowledgeGraph.open("memory:") as g:
    ...     m = lookup_actor(g, "Lukashenka")
    >>> m.label, m.how
    ('Alexander Lukashenko', 'lookup')
    """
    from kg.resolve.lookup import find_actor

    for variant in dict.fromkeys((name, name.removeprefix("the ").removeprefix("The "))):
        found = find_actor(graph, variant, on=on).candidates
        if len(found) == 1:
            return ActorMatch(name, found[0].iri, found[0].label, "lookup")
        if found:
            return ActorMatch(name, None, name, "ambiguous", tuple(c.summary() for c in found[:5]))
    return _close_spelling(graph, name)


def _close_spelling(graph: "KnowledgeGraph", name: str) -> ActorMatch:
    """Actors of the graph whose name, or one word of it, is spelt close to ``name`` (folded as the lookup folds)."""
    from kg.resolve.lookup import skeleton

    wanted = skeleton(name)
    scored: dict[str, tuple[float, str]] = {}
    for row in graph.select("SELECT DISTINCT ?a ?l WHERE { ?a rdfs:label ?l ; a ?t . "
                            "VALUES ?t { dip:Person dip:Country dip:Organization dip:Group } }"):
        label = str(row["l"])
        folded = skeleton(label)
        score = max([difflib.SequenceMatcher(None, wanted, part).ratio() for part in (folded, *folded.split())])
        if score >= 0.8 and score > scored.get(str(row["a"]), (0.0, ""))[0]:
            scored[str(row["a"])] = (score, label)
    if not scored:
        return ActorMatch(name, None, name, "unknown")
    ranked = sorted(scored.items(), key=lambda kv: -kv[1][0])
    top = ranked[0][1][0]
    close = [kv for kv in ranked if top - kv[1][0] < 0.03]
    if len(close) > 1:
        return ActorMatch(name, None, name, "ambiguous", tuple(kv[1][1] for kv in close[:5]))
    return ActorMatch(name, ranked[0][0], ranked[0][1][1], "spelling")


# -- asking ------------------------------------------------------------------------------------------------
def ask(graph: "KnowledgeGraph", question: str, *, today: date | None = None) -> Answer:
    """Answer a plain question from the graph, or say plainly which part it could not map."""
    try:
        parsed = parse_question(question, today=today)
    except QuestionError as exc:
        return Answer(question, f"I cannot answer that: {exc}.")
    if parsed.relation is None:
        return _not_understood(graph, parsed, "which relation the question asks about (I know: "
                               + ", ".join(k for k in RELATIONS if k not in ("between", "pardon-or-release")) + ")")
    if not parsed.names and parsed.relation in ("meet", "call", "visit", "host", "between"):
        return _not_understood(graph, parsed, "who takes part: name at least one actor")
    matches = {}
    for name in parsed.names:
        match = lookup_actor(graph, name, on=_day(parsed))
        if match.iri is None:
            why = (f"the name {name!r}: it could be {'; '.join(match.candidates)} (ask again with the full name)"
                   if match.how == "ambiguous"
                   else f"the name {name!r}: no actor of the graph or the gazetteer has that name, alias or a close spelling")
            return _not_understood(graph, parsed, why)
        matches[name] = match
    subject = matches[parsed.subject] if parsed.subject else None
    obj = matches[parsed.object] if parsed.object else None
    statuses = _statuses(parsed)
    built = build_query(parsed.relation, subject=NamedNode(subject.iri) if subject and subject.iri else None,
                        obj=NamedNode(obj.iri) if obj and obj.iri else None, subject_type=parsed.subject_type,
                        object_type=parsed.object_type, period=parsed.period, place=_place(parsed), statuses=statuses)
    rows = graph.select(built.sparql, **built.params)
    events = events_of(graph, rows)
    answer = Answer(question, "", parsed, built.sparql, built.params_json(), rows, events,
                    actors={m.name: m.iri or "" for m in matches.values()})
    lines = _compose(graph, parsed, events, subject, obj, answer)
    if not rows and (parsed.period or parsed.place):
        wider = build_query(parsed.relation, subject=built.params.get("subject"), obj=built.params.get("object"),  # type: ignore[arg-type]
                            subject_type=parsed.subject_type, object_type=parsed.object_type, statuses=statuses)
        others = events_of(graph, graph.select(wider.sparql, **wider.params))
        if others:
            dates = ", ".join(f"{e.date or 'undated'}{' at ' + str(e.value('place')) if e.value('place') else ''} ({e.status})"
                              for e in others[:5])
            lines.append(f"Outside that {'period' if parsed.period else 'place'}{' and place' if parsed.period and parsed.place else ''}, "
                         f"the graph holds {len(others)}: {dates}{' …' if len(others) > 5 else ''}.")
    spelled = [f"(read {m.name!r} as {m.label})" for m in matches.values() if m.how == "spelling"]
    answer.text = "\n".join([*lines, *spelled, *parsed.notes])
    return answer


def _day(parsed: ParsedQuestion) -> date | None:
    """The day titles are read on: the end of the question's period (capped at today), if it has one."""
    if not parsed.period:
        return None
    return min(date.fromisoformat(parsed.period[1]), date.today())


def _statuses(parsed: ParsedQuestion) -> tuple[str, ...]:
    # yes/no and when questions read every status (planned beside held, cancellations as "no");
    # a list question that names a status keeps only that status
    if parsed.kind in ("yesno", "when") or parsed.status is None:
        return ()
    return {"cancelled": ("cancelled",), "refused": ("refused",), "planned": ("planned",),
            "negative": ("cancelled", "refused", "negated")}.get(parsed.status, ())


def _place(parsed: ParsedQuestion) -> str | None:
    if not parsed.place:
        return None
    words = [w for w in parsed.place.split() if w.lower() not in ("the", "summit", "meeting", "talks")]
    return " ".join(words) or parsed.place


def _who(match: "ActorMatch | None", fallback: str) -> str:
    return match.label if match else fallback


def _compose(graph: "KnowledgeGraph", parsed: ParsedQuestion, events: list[Event], subject: "ActorMatch | None",
             obj: "ActorMatch | None", answer: Answer) -> list[str]:
    relation = parsed.relation or "between"
    noun = NOUNS[relation]
    pair = _topic(parsed, subject, obj)
    filters = _filter_words(parsed)
    if parsed.kind == "yesno":
        answer.verdict, hits, others = verdict(parsed, events)
        if answer.verdict == "no record":
            lines = [f"No record: the graph holds nothing either way about a {_wanted(parsed)}{noun} {pair}{filters}."]
            if _wanted(parsed) == "planned " and any("planned" in e.history for e in others):
                lines = [f"No record: the graph holds no {_wanted(parsed)}{noun} still to come {pair}{filters}; "
                         "what was planned is recorded as:"]
            elif others:
                lines.append("It does hold:")
            lines += [line for e in others for line in event_lines(e, relation)]
            return lines
        if answer.verdict == "yes":
            lines = [f"Yes: the graph records {len(hits)} {_wanted(parsed)}{plural(noun, len(hits))} {pair}{filters}:"]
        else:
            lines = [f"No: the graph records that it did not happen as asked ({pair}{filters}):"]
        lines += [line for e in hits for line in event_lines(e, relation)]
        if others:
            lines.append("Also recorded (not what was asked):")
            lines += [line for e in others for line in event_lines(e, relation)]
        return lines
    if not events:
        return [f"The graph holds no {_wanted(parsed)}{noun} {pair}{filters}."]
    held, planned, negative = split_by_status(events)
    if parsed.kind == "when" or (parsed.kind == "where" and relation in ("meet", "call", "visit", "host")):
        future_first = parsed.tense != "past"
        main, second = (planned, held) if future_first else (held, planned)
        main = pick_order(main, parsed.order) if parsed.order else main
        if not main:
            label = "planned" if future_first else "held"
            lines = [f"The graph holds no {label} {noun} {pair}{filters}."]
        else:
            label = "Planned" if future_first else "Held"
            which = f" ({parsed.order})" if parsed.order else ""
            lines = [f"{label}{which} {noun} {pair}{filters}:"]
            lines += [line for e in main for line in event_lines(e, relation)]
        if second:
            lines.append(f"{'Already held (took place)' if future_first else 'Planned (not yet held)'}:")
            lines += [line for e in second for line in event_lines(e, relation)]
        if negative:
            lines.append("Did not take place (cancelled, refused or negated):")
            lines += [line for e in negative for line in event_lines(e, relation)]
        return lines
    if parsed.kind == "count":
        return _count_lines(parsed, events, noun, pair, filters, relation)
    if not parsed.status and not held:
        lines = [f"The graph holds no {noun} that took place {pair}{filters}; it records only:"]
        return lines + [line for e in events for line in event_lines(e, relation)]
    chosen = pick_order(events if parsed.status else held, parsed.order)
    if parsed.kind == "who" and parsed.asked:
        side = "objects" if parsed.asked == "object" else "subjects"
        names: list[str] = []
        for e in chosen:
            names += [n for n in getattr(e, side) if n not in names]
        lines = [f"{', '.join(names)} — from {len(chosen)} {plural(noun, len(chosen))} {pair}{filters}:"]
    elif parsed.kind == "where":
        places = sorted({str(e.value("place")) for e in chosen if e.value("place")})
        lines = [f"{'; '.join(places) if places else 'No place is recorded'} — {noun} {pair}{filters}:"]
    else:
        lines = [f"The graph holds {len(chosen)} {plural(noun, len(chosen))} {pair}{filters}:"]
    lines += [line for e in chosen for line in event_lines(e, relation)]
    lines.append(f"Each counted once, {totals(chosen)}.")
    rest = [e for e in events if e not in chosen]
    if rest and not parsed.order:
        lines.append("Not held (planned, cancelled, refused or negated):")
        lines += [line for e in rest for line in event_lines(e, relation)]
    return lines


def _count_lines(parsed: ParsedQuestion, events: list[Event], noun: str, pair: str, filters: str,
                 relation: str) -> list[str]:
    held, planned, negative = split_by_status(events)
    counted = [e for e in events if e.status == parsed.status] if parsed.status in ("planned", "cancelled", "refused") \
        else held
    if parsed.count == "persons":
        numbers = [e.count for e in counted if e.count is not None]
        head = (f"{sum(numbers)} persons in all, stated in {len(numbers)} of {len(counted)} {plural(noun, len(counted))} {pair}{filters}"
                + (f"; {len(counted) - len(numbers)} give no number" if len(counted) > len(numbers) else "") + ":")
    elif parsed.count == "actors":
        side = "objects" if parsed.asked != "subject" else "subjects"
        names = sorted({n for e in counted for n in getattr(e, side)})
        head = f"{len(names)}: {', '.join(names)} — {noun} {pair}{filters}:"
    else:
        head = f"{len(counted)} {'held ' if not parsed.status else ''}{plural(noun, len(counted))} {pair}{filters}:"
    lines = [head, *(line for e in counted for line in event_lines(e, relation)), f"Each counted once, {totals(counted)}."]
    rest = [e for e in events if e not in counted]
    if rest:
        lines.append("Not counted (planned, cancelled, refused or negated):")
        lines += [line for e in rest for line in event_lines(e, relation)]
    return lines


def plural(noun: str, n: int) -> str:
    """``meeting`` or ``meetings`` for ``n`` events.

    >>> plural("meeting", 2), plural("sanctions", 1), plural("pardon or release", 3), plural("call", 1)
    ('meetings', 'sanctions', 'pardons or releases', 'call')
    """
    if n == 1:
        return noun
    return " or ".join(w if w.endswith("s") else w + "s" for w in noun.split(" or "))


def _wanted(parsed: ParsedQuestion) -> str:
    if parsed.status in ("cancelled", "refused"):
        return f"{parsed.status} "
    if parsed.kind == "yesno" and (parsed.tense == "future" or parsed.status == "planned"):
        return "planned "
    if parsed.kind == "yesno" and parsed.status == "negative":
        return "cancelled, refused or negated "
    if parsed.kind == "yesno":
        return "held "
    return ""


def _topic(parsed: ParsedQuestion, subject: "ActorMatch | None", obj: "ActorMatch | None") -> str:
    relation = parsed.relation
    s_type = f"any {parsed.subject_type.lower()}" if parsed.subject_type else "anyone"
    o_type = f"any {parsed.object_type.lower()}" if parsed.object_type else "anyone"
    s, o = _who(subject, s_type), _who(obj, o_type)
    if relation in ("meet", "call", "between"):
        return f"between {s} and {o}" if subject and obj else f"of {s if subject else o} with {o_type if subject else s_type}"
    return {"visit": f"by {s} to {o}", "host": f"hosted by {s} for {o}", "pardon": f"by {s} of {o}",
            "release": f"by {s} of {o}", "pardon-or-release": f"by {s} of {o}", "sanction": f"by {s} on {o}", "advise": f"in which {s} advises {o}"}[relation or "meet"]


def _filter_words(parsed: ParsedQuestion) -> str:
    parts = []
    if parsed.period_text:
        parts.append(f" {parsed.period_text} ({parsed.period[0]} to {parsed.period[1]})" if parsed.period else "")
    if parsed.place:
        parts.append(f" at a place matching {parsed.place!r}")
    return "".join(parts)


def _not_understood(graph: "KnowledgeGraph", parsed: ParsedQuestion, what: str) -> Answer:
    suggestion = _suggest(graph, parsed)
    text = (f"I cannot answer that: I did not understand {what}, and I do not guess. "
            f"Closest question I can answer: {suggestion!r}")
    return Answer(parsed.text, "\n".join([text, *parsed.notes]), parsed)


def _suggest(graph: "KnowledgeGraph", parsed: ParsedQuestion) -> str:
    """A question the parser reads, built from the parts it did understand."""
    known = []
    for name in parsed.names:
        match = lookup_actor(graph, name)
        if match.iri:
            known.append(match.label)
    verb = RELATIONS.get(parsed.relation or "", "meet")
    if parsed.relation == "between" or (parsed.relation is None and len(known) == 2):
        if len(known) == 2:
            return f"what happened between {known[0]} and {known[1]}"
    actor = known[0] if known else _busiest_actor(graph)
    place = f" in {parsed.place}" if parsed.place else ""
    return f"who did {actor} {verb}{place}"


def _busiest_actor(graph: "KnowledgeGraph") -> str:
    """The label of the actor taking part in the most events (a name the suggestion can use)."""
    rows = graph.select("SELECT ?l (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e dip:participant|dip:agent|dip:imposer ?a . "
                        "?a rdfs:label ?l } GROUP BY ?l ORDER BY DESC(?n) ?l LIMIT 1")
    return str(rows[0]["l"]) if rows else "Putin"
