"""Mention -> canonical actor, using aliases, titles, surnames and roles by date.

Rules, in order (docs/actors.md explains them for analysts):

1. alias: the normalised mention equals an alias ("U.S.", "Lukashenka",
   "the Kremlin" -> metonym for Russia's government);
2. title phrases: ``[holder] title [name]`` or ``title of holder``:
   "President Putin", "Mr. Lavrov", "Russian Foreign Minister Sergei Lavrov"
   (matched_by ``title``) or, without a name, the holder of the office on the
   date: "the Russian President", "Russia's president", "the Secretary of
   State" (matched_by ``role``);
3. surname alone ("Zelensky"), preferring actors in ``context_ids``, then
   those holding an office on the date.

Ambiguity that survives context, date and ``ambiguous_aliases.csv`` gives None
rather than a guess.  Merge/split decisions are applied last.

>>> from datetime import date
>>> r = Resolver.default()
>>> r.resolve("the Russian President", on=date(2010, 6, 1)).label
'Dmitry Medvedev'
>>> r.resolve("Moscow's war", on=date(2025, 8, 15)).matched_by
'metonym'
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime

from kg.rdf.ids import actor_iri_for_name, actor_iri_for_qid, is_qid
from kg.model.core import ActorRef
from kg.resolve.decisions import ActorDecision, derive_mapping
from kg.resolve.gazetteer import Gazetteer
from kg.resolve.normalize import norm
from kg.resolve.records import ActorRecord

HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "madam", "madame", "lord", "lady",
                        "sheikh", "prof", "professor", "gen", "general", "comrade", "senator", "sen"})
_POSSESSOR = re.compile(r"^\s*(?P<head>.+?)['\u2019]s\s+(?P<tail>\S.*)$")
_KIND_CONFIDENCE = {"name": 1.0, "short": 0.95, "acronym": 0.95, "alias": 0.95, "metonym": 0.9, "demonym": 0.8}
_KIND_RANK = {"name": 0, "short": 1, "acronym": 1, "alias": 2, "metonym": 3, "demonym": 4}


@dataclass(frozen=True)
class ResolvedActor:
    """The outcome of resolving one mention.

    >>> ResolvedActor("Q7747", "Vladimir Putin", "Person", "Q7747",
    ...               actor_iri_for_qid("Q7747"), 1.0, "alias").to_ref().qid
    'Q7747'
    """

    id: str
    label: str
    type: str
    qid: str | None
    iri: str
    confidence: float
    matched_by: str

    def to_ref(self) -> ActorRef:
        """This actor as a :class:`kg.model.ActorRef` for claims."""
        return ActorRef(self.label, self.type, iri=self.iri, qid=self.qid, confidence=self.confidence)


def _as_date(on: date | datetime | None) -> date:
    if on is None:
        return date.today()
    return on.date() if isinstance(on, datetime) else on


class Resolver:
    """Resolve mentions against a :class:`Gazetteer`; ``decisions`` are merge/split judgements."""

    def __init__(self, gaz: Gazetteer, decisions: Iterable[ActorDecision] = ()) -> None:
        self.gaz = gaz
        self.decisions = tuple(decisions)
        self.mapping = derive_mapping(self.decisions)
        self._ids_by_iri: dict[str, str] | None = None

    @classmethod
    def default(cls) -> "Resolver":
        """A resolver over the packaged gazetteer."""
        return cls(Gazetteer.load())

    # -- public API ---------------------------------------------------------
    def resolve(self, mention: str, *, on: date | datetime | None = None, context_ids: Sequence[str] = (),
                actor_type: str | None = None) -> ResolvedActor | None:
        """Resolve ``mention`` as of ``on`` (default today), or None when unknown or ambiguous.

        >>> r = Resolver.default()
        >>> r.resolve("President Putin").id, r.resolve("Lukashenka").label
        ('Q7747', 'Alexander Lukashenko')
        >>> r.resolve("the Secretary of State", on=date(2010, 1, 1)).label
        'Hillary Clinton'
        """
        key = norm(mention)
        if not key:
            return None
        day, ctx = _as_date(on), frozenset(context_ids)
        found = self._resolve_key(key, day, ctx, actor_type)
        if found is None:  # "Moscow's war", "Russia's Putin": the possessor, or what follows it
            m = _POSSESSOR.match(mention)
            if m:
                for part in (m["tail"], m["head"]):
                    found = self._resolve_key(norm(part), day, ctx, actor_type)
                    if found:
                        found = replace(found, confidence=round(found.confidence * 0.9, 3))
                        break
        return self._redirect(found) if found else None

    def resolve_role(self, country_or_org: str, role: str, on: date | datetime | None) -> ResolvedActor | None:
        """The holder of ``role`` (a title or an office kind) of a country/org on a date.

        >>> Resolver.default().resolve_role("Russian", "President", date(2005, 1, 1)).label
        'Vladimir Putin'
        """
        holder = self._holder(norm(country_or_org))
        if holder is None:
            return None
        rkey = norm(role)
        offices = [o for o in self.gaz.offices_by_holder.get(holder, ())
                   if o in self.gaz.titles.get(rkey, ()) or self.gaz.offices[o].kind == role]
        return self._role(offices, _as_date(on), frozenset())

    def holders(self, office_id: str, on: date | datetime) -> list[ActorRecord]:
        """Who held ``office_id`` on ``on`` (latest start first).

        >>> [a.name for a in Resolver.default().holders("US-president", date(2010, 1, 1))]
        ['Barack Obama']
        """
        day = _as_date(on)
        return [self.gaz.actors[p.person] for p in self.gaz.terms.get(office_id, ()) if p.covers(day)]

    def held_role(self, actor_id: str, kind_or_office: str, on: date | datetime) -> bool:
        """True when the actor held an office (by id or kind) on ``on``; for anachronism checks.

        >>> r = Resolver.default()
        >>> r.held_role("Q7747", "head_of_state", date(2010, 6, 1))
        False
        >>> r.held_role("Q7747", "RU-president", date(2025, 8, 15))
        True
        """
        rec = self.gaz.get(self.mapping.get(actor_id, actor_id))
        day = _as_date(on)
        if rec is None:
            return False
        return any(p.covers(day) and (p.office == kind_or_office or self.gaz.offices[p.office].kind == kind_or_office)
                   for p in rec.positions)

    def stated_office(self, title: str, *, holder: str | None = None, actor: str | None = None) -> str | None:
        """The one office a title gives an actor ("President" of "Russian" -> ``RU-president``), or None.

        ``holder`` is the country or organisation named with the title, if any;
        without one, ``actor`` (an ID or node IRI) narrows the offices to those
        the actor ever held, then to those of the actor's country.  A title that
        names no office, or several, gives None: the anachronism check only
        compares offices that the mention names unambiguously.

        >>> r = Resolver.default()
        >>> r.stated_office("President", holder="Russian")
        'RU-president'
        >>> r.stated_office("President", actor="Q7747"), r.stated_office("Secretary", holder="US")
        ('RU-president', None)
        """
        offices = list(self.gaz.titles.get(norm(title), ()))
        if holder is not None:
            holder_id = self._holder(norm(holder))
            offices = [o for o in offices if self.gaz.offices[o].holder == holder_id] if holder_id else []
        elif actor is not None and len(offices) > 1:
            rec = self.gaz.get(self._actor_id(actor))
            if rec is None:
                return None
            held = [o for o in offices if any(p.office == o for p in rec.positions)]
            offices = held or [o for o in offices if self.gaz.offices[o].holder == rec.country]
        return offices[0] if len(offices) == 1 else None

    def office_named(self, phrase: str, actor: str | None = None) -> str:
        """The office an analyst names: an office ID ("RU-president") or a title phrase ("Russian President").

        Raises ValueError naming the phrase when it names no single office.

        >>> r = Resolver.default()
        >>> r.office_named("RU-president"), r.office_named("Russian President"), r.office_named("President", "Q76")
        ('RU-president', 'RU-president', 'US-president')
        """
        if phrase in self.gaz.offices:
            return phrase
        by_id = {o.lower(): o for o in self.gaz.offices}
        if phrase.lower() in by_id:
            return by_id[phrase.lower()]
        tokens = norm(phrase).split()
        for i in range(len(tokens)):
            title, holder = " ".join(tokens[i:]), " ".join(tokens[:i]) or None
            if holder and holder.endswith(" s"):  # "Russia's president"
                holder = holder[:-2]
            found = self.stated_office(title, holder=holder, actor=actor) if title in self.gaz.titles else None
            if found:
                return found
            if i == 0 and " of " in f" {title} ":  # "President of Russia"
                head, _, rest = title.partition(" of ")
                found = self.stated_office(head, holder=rest) if head in self.gaz.titles else None
                if found:
                    return found
        raise ValueError(f"role {phrase!r} names no single office of the gazetteer "
                         "(give an office ID such as RU-president, or a title with its country)")

    def _actor_id(self, actor: str) -> str:
        """A gazetteer ID for an ID or node IRI (after merge decisions)."""
        if actor not in self.gaz.actors:
            if self._ids_by_iri is None:
                self._ids_by_iri = {self._make(i, "", 1.0).iri: i for i in self.gaz.actors}
            actor = self._ids_by_iri.get(actor, actor)
        return self.mapping.get(actor, actor)

    def unknown(self, name: str, actor_type: str) -> ResolvedActor:
        """A stable, unresolved actor minted from its normalised name and type.

        >>> Resolver.default().unknown("Franak Viačorka", "Person").iri
        'https://w3id.org/diplomacy-kg/id/actor/person/franak-viacorka'
        """
        label = " ".join(name.split())
        iri = actor_iri_for_name(label, actor_type)
        return self._redirect(ResolvedActor(iri, label, actor_type, None, iri, 0.5, "unknown"))

    def follow(self, found: ResolvedActor) -> ResolvedActor:
        """``found`` after the analysts' merge/split decisions (the canonical actor it now maps to)."""
        return self._redirect(found)

    # -- internals ----------------------------------------------------------
    def _make(self, actor_id: str, matched_by: str, confidence: float) -> ResolvedActor:
        rec = self.gaz.actors[actor_id]
        iri = actor_iri_for_qid(rec.qid) if rec.qid else actor_iri_for_name(rec.name, rec.type)
        return ResolvedActor(rec.id, rec.name, rec.type, rec.qid or None, iri, confidence, matched_by)

    def _redirect(self, found: ResolvedActor) -> ResolvedActor:
        target = self.mapping.get(found.id) or self.mapping.get(found.iri)
        if target is None:
            return found
        if target in self.gaz.actors:
            return replace(self._make(target, found.matched_by, found.confidence))
        qid = target if is_qid(target) else None
        iri = actor_iri_for_qid(target) if qid else target
        return replace(found, id=target, qid=qid, iri=iri)

    def _active(self, actor_id: str, day: date, offices: Iterable[str] | None = None) -> bool:
        wanted = set(offices) if offices is not None else None
        return any(p.covers(day) and (wanted is None or p.office in wanted)
                   for p in self.gaz.actors[actor_id].positions)

    def _choose(self, key: str, ids: Sequence[str], day: date, ctx: frozenset[str],
                offices: Iterable[str] | None = None) -> str | None:
        """Pick one of several candidates, or None when still ambiguous."""
        cands = list(dict.fromkeys(ids))
        if len(cands) > 1 and ctx:
            in_ctx = [c for c in cands if c in ctx or self.gaz.actors[c].country in ctx]
            cands = in_ctx or cands
        if len(cands) > 1 and offices is not None:
            cands = [c for c in cands if self._active(c, day, offices)] or cands
        if len(cands) > 1:
            active = [c for c in cands if self._active(c, day)]
            cands = active or cands
        if len(cands) > 1 and self.gaz.ambiguous.get(key) in cands:
            return self.gaz.ambiguous[key]
        return cands[0] if len(cands) == 1 else None

    def _alias(self, key: str, day: date, ctx: frozenset[str], actor_type: str | None) -> ResolvedActor | None:
        pairs = [p for p in self.gaz.keys.get(key, ()) if actor_type is None or self.gaz.actors[p[0]].type == actor_type]
        if not pairs:
            return None
        best = min(_KIND_RANK.get(k, 9) for _, k in pairs)
        if len({i for i, _ in pairs}) > 1 and key not in self.gaz.ambiguous and not ctx:
            pairs = [p for p in pairs if _KIND_RANK.get(p[1], 9) == best]  # documented kind rule
        chosen = self._choose(key, [i for i, _ in pairs], day, ctx)
        if chosen is None:
            return None
        kind = min((k for i, k in pairs if i == chosen), key=lambda k: _KIND_RANK.get(k, 9))
        return self._make(chosen, "metonym" if kind == "metonym" else "alias", _KIND_CONFIDENCE.get(kind, 0.9))

    def _holder(self, key: str) -> str | None:
        ids = [i for i, _ in self.gaz.keys.get(key, ()) if self.gaz.actors[i].type != "Person"]
        ids = list(dict.fromkeys(ids))
        if len(ids) > 1 and self.gaz.ambiguous.get(key) in ids:
            return self.gaz.ambiguous[key]
        return ids[0] if len(ids) == 1 else None

    def _role(self, offices: Sequence[str], day: date, ctx: frozenset[str]) -> ResolvedActor | None:
        if len(offices) > 1 and ctx:
            near = ctx | {self.gaz.actors[c].country for c in ctx if c in self.gaz.actors}
            offices = [o for o in offices if self.gaz.offices[o].holder in near] or offices
        if len(offices) != 1:
            return None
        found = self.holders(offices[0], day)
        return self._make(found[0].id, "role", 0.9) if found else None

    def _person(self, key: str, day: date, ctx: frozenset[str], offices: Sequence[str] | None) -> str | None:
        ids = [i for i, _ in self.gaz.keys.get(key, ()) if self.gaz.actors[i].type == "Person"]
        if not ids:
            ids = list(self.gaz.surnames.get(key, ()))
        if not ids and " " in key:  # "Vladimir V. Putin": first name + surname
            first, last = key.split()[0], key.split()[-1]
            ids = [i for i in self.gaz.surnames.get(last, ()) if norm(self.gaz.actors[i].name).split()[0] == first]
        return self._choose(key, ids, day, ctx, offices) if ids else None

    def _resolve_key(self, key: str, day: date, ctx: frozenset[str], actor_type: str | None) -> ResolvedActor | None:
        found = self._alias(key, day, ctx, actor_type)
        if found or actor_type not in (None, "Person"):
            return found
        tokens = key.split()
        for i in range(len(tokens)):
            holder = None
            if i:
                holder = self._holder(" ".join(tokens[:i]))
                if holder is None:
                    continue
            for j in range(min(self.gaz.max_title_words, len(tokens) - i), 0, -1):
                title = " ".join(tokens[i:i + j])
                offices = self.gaz.titles.get(title)
                if offices is None and not (title in HONORIFICS and holder is None):
                    continue
                offices = tuple(o for o in offices or () if holder is None or self.gaz.offices[o].holder == holder)
                rest = tokens[i + j:]
                if not rest:
                    return self._role(offices, day, ctx)
                if rest[0] == "of" and holder is None and len(rest) > 1:
                    of_holder = self._holder(" ".join(rest[1:]))
                    if of_holder:
                        return self._role([o for o in offices if self.gaz.offices[o].holder == of_holder], day, ctx)
                person = self._person(" ".join(rest), day, ctx, offices or None)
                if person:
                    return self._make(person, "title", 0.95)
        if len(tokens) <= 3:
            person = self._person(key, day, ctx, None)
            if person:
                return self._make(person, "surname", 0.8)
        return None


__all__ = ["Resolver", "ResolvedActor", "HONORIFICS"]
