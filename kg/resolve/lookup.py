"""One actor lookup for every command and the web desk: gazetteer and graph actors together.

:func:`find_actor` answers "which actor does the analyst mean by this name?".  It looks in the
gazetteer (aliases, titles, roles, surnames: :class:`~kg.resolve.Resolver`) and among the actors of the
graph's current view (labels), folding accents and case; a Wikidata QID or an actor IRI names one actor
directly.  It never chooses silently: several candidates come back as a list, each with what tells them
apart (type, roles, country, dates, number of events), and the caller asks the analyst to pick one by
QID or IRI.  :func:`near_matches` finds the known actors a new name is close to or looks like
("Vladmir Putin", a Cyrillic "Р"), so creating an actor by a typo needs ``--new-actor``.

>>> from kg.api import KnowledgeGraph
>>> with KnowledgeGraph.open("memory:") as graph:
...     found = find_actor(graph, "President Putin")
...     found.one().label, found.one().qid, found.one().in_graph
('Vladimir Putin', 'Q7747', False)
>>> with KnowledgeGraph.open("memory:") as graph:
...     [c.label for c in near_matches(graph, "Vladmir Putin")]
['Vladimir Putin']
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from datetime import date
from dataclasses import asdict, dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from kg.rdf.ids import actor_iri_for_name, actor_iri_for_qid, is_qid
from kg.resolve.gazetteer import Gazetteer
from kg.resolve.normalize import norm
from kg.resolve.records import ActorRecord
from kg.resolve.resolver import Resolver

if TYPE_CHECKING:  # the lookup reads a KnowledgeGraph; kg.api calls find_actor
    from kg.api import KnowledgeGraph

ACTOR_TYPES = ("Person", "Country", "Organization", "Group")
#: Similarity (difflib ratio of the folded names) from which a new name counts as a near match.
NEAR_RATIO = 0.85
#: A right-to-left override shows the text up to the next pop (or the end) reversed.
_RLO = re.compile("\u202e([^\u202c]*)\u202c?")
_IRI = re.compile(r"^(https?|urn):", re.IGNORECASE)
#: Letters of other scripts that look like Latin ones (Unicode confusables, the common part).
_LOOKALIKES = str.maketrans({
    "а": "a", "в": "b", "е": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p", "с": "c", "т": "t",
    "у": "y", "х": "x", "і": "i", "ј": "j", "ѕ": "s", "ԁ": "d", "ɡ": "g", "ο": "o", "α": "a", "ν": "v",
    "ρ": "p", "τ": "t", "ι": "i", "κ": "k", "χ": "x", "υ": "u", "ε": "e",
})


class ActorNotFound(KeyError):
    """No actor answers to the name (the message names it)."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else "no such actor"


class AmbiguousActor(KeyError):
    """Several actors answer to the name; ``candidates`` tells them apart."""

    def __init__(self, name: str, candidates: tuple["Candidate", ...]) -> None:
        self.name, self.candidates = name, candidates
        super().__init__(f"{name!r} names {len(candidates)} actors: "
                         + "; ".join(c.summary() for c in candidates)
                         + " (give a QID or IRI to pick one)")

    def __str__(self) -> str:
        return str(self.args[0])


@dataclass(frozen=True)
class Candidate:
    """One actor a name may mean, with what tells it apart from the others.

    >>> Candidate("https://w3id.org/diplomacy-kg/id/actor/Q7747", "Vladimir Putin", "Person", "Q7747",
    ...           country="RU", events=3).summary()
    'Vladimir Putin (Person, Q7747, RU, 3 events)'
    """

    iri: str
    label: str
    type: str
    qid: str | None = None
    country: str = ""
    roles: str = ""
    dates: str = ""
    events: int = 0
    in_graph: bool = False
    in_gazetteer: bool = False
    matched_by: str = ""

    def summary(self) -> str:
        """The label and what tells this actor apart, on one line."""
        parts = [self.type, self.qid or self.iri, self.country, self.roles,
                 self.dates and f"events {self.dates}", f"{self.events} events"]
        return f"{self.label} ({', '.join(p for p in parts if p)})"

    def as_dict(self) -> dict[str, Any]:
        """A plain dict (the JSON form documented in docs/actors.md)."""
        return asdict(self)


@dataclass(frozen=True)
class Lookup:
    """The answer of :func:`find_actor`: every candidate, best match kind first."""

    name: str
    candidates: tuple[Candidate, ...]

    def one(self) -> Candidate:
        """The single candidate; :class:`ActorNotFound` or :class:`AmbiguousActor` otherwise."""
        if not self.candidates:
            raise ActorNotFound(f"no actor named {self.name!r} (try: kg actors search NAME)")
        if len(self.candidates) > 1:
            raise AmbiguousActor(self.name, self.candidates)
        return self.candidates[0]


def find_actor(graph: KnowledgeGraph, name: str, *, in_graph: bool = False, on: Any = None,
               actors: dict[str, tuple[str, str]] | None = None) -> Lookup:
    """Every actor ``name`` may mean: gazetteer and graph together; ``in_graph`` keeps those in the view.

    ``name`` may be a name, alias, title phrase or surname (accents and case folded), a Wikidata QID or
    an actor IRI.  ``actors`` is the graph's actors when the caller has them already.  See the module
    docstring for an example.
    """
    name = " ".join(name.split())
    resolver = graph.resolver
    actors = _graph_actors(graph) if actors is None else actors
    found: dict[str, Candidate] = {}

    def add(iri: str, label: str, kind: str, qid: str | None, matched_by: str) -> None:
        if iri not in found:
            found[iri] = Candidate(iri, label, kind, qid, matched_by=matched_by)

    if _IRI.match(name) or is_qid(name.upper()):
        iri = actor_iri_for_qid(name.upper()) if is_qid(name.upper()) else name
        gaz = _gazetteer_by_iri(resolver).get(iri)
        if gaz is not None:
            add(iri, gaz.name, gaz.type, gaz.qid or None, "id")
        elif iri in actors:
            add(iri, actors[iri][0], actors[iri][1], None, "id")
    else:
        key = norm(name)
        resolved = resolver.resolve(name, on=on) if key else None
        if resolved is not None:
            add(resolved.iri, resolved.label, resolved.type, resolved.qid, resolved.matched_by)
        elif key in resolver.gaz.keys:  # an alias several gazetteer actors share: list them all
            for actor_id in dict.fromkeys(i for i, _ in resolver.gaz.keys[key]):
                r = resolver.follow(resolver._make(actor_id, "alias", 0.9))
                add(r.iri, r.label, r.type, r.qid, "alias")
        exact = [iri for iri, (label, _) in actors.items() if norm(label) == key]
        for iri in exact:
            add(iri, actors[iri][0], actors[iri][1], None, "label")
        in_view = any(iri in actors for iri in found)
        if not exact and (resolved is None or norm(resolved.label) != key or (in_graph and not in_view)):
            # "Trump": every graph label holding its words; "Alexander Lukashenko": a longer name the graph holds
            words = set(key.split())
            for iri, (label, kind) in actors.items():
                if words and words <= set(norm(label).split()):
                    add(iri, label, kind, None, "part of label")
    candidates = [_describe(graph, resolver, c, c.iri in actors) for c in found.values()]
    if in_graph:
        candidates = [c for c in candidates if c.in_graph]
    return Lookup(name, tuple(candidates))


def actor_key(graph: KnowledgeGraph, name: str) -> str:
    """The IRI of the one graph actor ``name`` means; ``name`` itself when none (the caller reports it).

    Raises :class:`AmbiguousActor` when several graph actors answer: the analyst picks one by QID or IRI.
    """
    found = find_actor(graph, name, in_graph=True)
    return found.one().iri if found.candidates else name


def _gazetteer_current(gaz: Gazetteer, rec: ActorRecord, on: date) -> str:
    return "; ".join(gaz.offices[p.office].label for p in rec.positions if p.covers(on))


def search_rows(name: str, on: date | None = None, limit: int = 10, gaz: Gazetteer | None = None) -> list[dict[str, Any]]:
    """Candidates for ``name``: the resolver's pick first, then alias matches."""
    gaz = gaz or Gazetteer.load()
    day = on or date.today()
    best = Resolver(gaz).resolve(name, on=day)
    recs = gaz.search(name, limit)
    if best and best.id in gaz.actors:
        recs = [gaz.actors[best.id]] + [r for r in recs if r.id != best.id]
    return [{"id": r.id, "name": r.name, "type": r.type, "qid": r.qid, "country": r.country,
             "current": _gazetteer_current(gaz, r, day),
             "matched_by": best.matched_by if best and best.id == r.id else "search"} for r in recs[:limit]]


def search_actors(graph: KnowledgeGraph, name: str, *, on: Any = None, limit: int = 10) -> list[dict[str, Any]]:
    """Rows for ``kg actors search``: the lookup's candidates, then gazetteer and graph actors whose names contain it.

    Graph-only actors (found by extraction, not in the gazetteer) are listed too, with their number of events.
    """
    rows: dict[str, dict[str, Any]] = {}
    actors = _graph_actors(graph)
    by_iri = _gazetteer_by_iri(graph.resolver)
    for c in find_actor(graph, name, on=on).candidates:
        rows[c.iri] = _row(c)
    for r in search_rows(name, on=on, limit=limit, gaz=graph.resolver.gaz):
        rec = graph.resolver.gaz.actors[r["id"]]
        iri = actor_iri_for_qid(rec.qid) if rec.qid else actor_iri_for_name(rec.name, rec.type)
        if iri not in rows:
            c = _describe(graph, graph.resolver, Candidate(iri, rec.name, rec.type, rec.qid or None,
                                                           matched_by=r["matched_by"]), iri in actors)
            rows[iri] = _row(c)
        rows[iri]["current"] = r["current"]
    needle = norm(name)
    for iri, (label, kind) in actors.items():
        if needle and iri not in rows and needle in norm(label) and len(rows) < limit:
            rows[iri] = _row(_describe(graph, graph.resolver, Candidate(iri, label, kind, matched_by="label"), True))
    for row in rows.values():
        row.setdefault("current", _current_office(by_iri.get(row["iri"]), graph.resolver, on))
    return list(rows.values())[:limit]


def _row(c: Candidate) -> dict[str, Any]:
    rec_id = c.qid or c.iri.rsplit("/", 1)[-1]
    return {"id": rec_id, "name": c.label, "type": c.type, "country": c.country, "events": c.events,
            "in_graph": c.in_graph, "matched_by": c.matched_by, "qid": c.qid or "", "iri": c.iri, "roles": c.roles}


def _current_office(rec: ActorRecord | None, resolver: Resolver, on: Any) -> str:
    if rec is None:
        return ""
    day = on or date.today()
    return ", ".join(resolver.gaz.offices[p.office].label for p in rec.positions
                     if p.covers(day) and p.office in resolver.gaz.offices)


def near_matches(graph: KnowledgeGraph, name: str, *, limit: int = 3) -> list[Candidate]:
    """Known actors (gazetteer names and aliases, graph labels) that ``name`` is close to or looks like.

    A name that is itself known (:func:`find_actor` finds it) has no near matches.  For many names (a claims
    file) build one :class:`NearMatcher` and call it for each.
    """
    return NearMatcher(graph).near(name, limit=limit)


class NearMatcher:
    """The known names of the gazetteer and the graph, indexed once, for :func:`near_matches`."""

    def __init__(self, graph: KnowledgeGraph) -> None:
        self.graph, self.resolver = graph, graph.resolver
        self.actors = _graph_actors(graph)
        known: dict[tuple[str, str], tuple[str, str, str | None]] = {}  # (iri, skeleton) -> (label, type, qid)
        for text, actor_id, kind in self.resolver.gaz.alias_index():
            if kind != "surname":
                r = self.resolver.follow(self.resolver._make(actor_id, "alias", 1.0))
                known.setdefault((r.iri, skeleton(text)), (r.label, r.type, r.qid))
        for iri, (label, kind) in self.actors.items():
            known.setdefault((iri, skeleton(label)), (label, kind, None))
        self.known = [(iri, text, *rest) for (iri, text), rest in known.items() if text]

    def near(self, name: str, *, limit: int = 3) -> list[Candidate]:
        """The known actors ``name`` is close to or looks like, closest first (none when it is known)."""
        if find_actor(self.graph, name, actors=self.actors).candidates:
            return []
        wanted = skeleton(name)
        if not wanted:
            return []
        matcher = difflib.SequenceMatcher(None, "", wanted)  # b is fixed: its index is built once
        scored: dict[str, tuple[float, Candidate]] = {}
        for iri, text, label, kind, qid in self.known:
            size = len(text) + len(wanted)
            if 2 * min(len(text), len(wanted)) < NEAR_RATIO * size:
                continue  # lengths alone rule it out
            matcher.set_seq1(text)
            if matcher.quick_ratio() < NEAR_RATIO or (ratio := matcher.ratio()) < NEAR_RATIO:
                continue
            if iri not in scored or scored[iri][0] < ratio:
                scored[iri] = (ratio, Candidate(iri, label, kind, qid, matched_by=f"near {text!r}"))
        best = sorted(scored.values(), key=lambda pair: -pair[0])[:limit]
        return [_describe(self.graph, self.resolver, c, c.iri in self.actors) for _, c in best]


def skeleton(name: str) -> str:
    """A name as it looks: NFKC, format characters removed, look-alike letters mapped, accents and case folded.

    >>> skeleton("Vla\\u2060dimir \\u0420utin") == skeleton("Vladimir Putin") == skeleton("\\u202enituP rimidalV")
    True
    """
    text = unicodedata.normalize("NFKC", _RLO.sub(lambda m: m.group(1)[::-1], name))  # as displayed
    text = "".join(c for c in text if unicodedata.category(c) != "Cf").lower().translate(_LOOKALIKES)
    return norm(text)


def _graph_actors(graph: KnowledgeGraph) -> dict[str, tuple[str, str]]:
    """Actors of the current view: IRI -> (label, type)."""
    rows = graph.select(
        "SELECT ?a ?label ?type WHERE { ?a rdfs:label ?label ; a ?type . "
        "VALUES ?type { dip:Person dip:Country dip:Organization dip:Group } }")
    return {str(r["a"]): (str(r["label"]), str(r["type"]).rsplit("#", 1)[-1]) for r in rows}


def _gazetteer_by_iri(resolver: Resolver) -> dict[str, ActorRecord]:
    return _by_iri(resolver.gaz)


@lru_cache(maxsize=4)
def _by_iri(gaz: Gazetteer) -> dict[str, ActorRecord]:
    return {actor_iri_for_qid(rec.qid) if rec.qid else actor_iri_for_name(rec.name, rec.type): rec
            for rec in gaz.actors.values()}


def _describe(graph: KnowledgeGraph, resolver: Resolver, c: Candidate, in_graph: bool) -> Candidate:
    """``c`` with its country, roles (gazetteer positions), event dates and count (graph)."""
    from dataclasses import replace

    from pyoxigraph import NamedNode

    rec = _gazetteer_by_iri(resolver).get(c.iri)
    country, roles = "", ""
    if rec is not None:
        country = rec.country
        roles = ", ".join(f"{resolver.gaz.offices[p.office].label} {p.start[:4]}-{p.end[:4]}"
                          for p in rec.positions if p.office in resolver.gaz.offices)
    events, dates = 0, ""
    if in_graph:
        rows = graph.select(
            "SELECT (COUNT(DISTINCT ?e) AS ?n) (MIN(STR(?d)) AS ?first) (MAX(STR(?d)) AS ?last) WHERE { "
            "?e dip:status ?st ; ?role ?actor . OPTIONAL { ?e dip:date ?d } }", actor=NamedNode(c.iri))
        if rows:
            events = int(rows[0].get("n", 0))
            first, last = rows[0].get("first"), rows[0].get("last")
            dates = f"{first}..{last}" if first and last and first != last else str(first or "")
    return replace(c, qid=c.qid or (rec.qid if rec is not None and rec.qid else None), country=country,
                   roles=roles, dates=dates, events=events, in_graph=in_graph, in_gazetteer=rec is not None)


__all__ = ["ActorNotFound", "AmbiguousActor", "Candidate", "Lookup", "NearMatcher", "actor_key", "find_actor", "near_matches", "search_actors", "skeleton"]
