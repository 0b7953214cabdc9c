"""Plain-dict views of actors for the CLI and the server (no rendering here).

>>> rows = search_rows("Lukashenko")
>>> rows[0]["name"], rows[0]["current"]
('Alexander Lukashenko', 'President of Belarus')
>>> detail = actor_detail("Lukashenka")
>>> detail["positions"][0]["office"], detail["positions"][0]["start"]
('President of Belarus', '1994-07-20')
"""

from __future__ import annotations

from datetime import date
from typing import Any

from kg.resolve.gazetteer import Gazetteer
from kg.resolve.records import ActorRecord
from kg.resolve.resolver import Resolver


def _current(gaz: Gazetteer, rec: ActorRecord, on: date) -> str:
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
             "current": _current(gaz, r, day),
             "matched_by": best.matched_by if best and best.id == r.id else "search"} for r in recs[:limit]]


def actor_detail(id_or_name: str, on: date | None = None, gaz: Gazetteer | None = None) -> dict[str, Any]:
    """Everything known about one actor (by id, or resolved from a name); KeyError when unknown."""
    gaz = gaz or Gazetteer.load()
    rec = gaz.get(id_or_name)
    if rec is None:
        found = Resolver(gaz).resolve(id_or_name, on=on)
        rec = gaz.get(found.id) if found else None
    if rec is None:
        from kg.resolve.lookup import ActorNotFound

        raise ActorNotFound(f"no actor {id_or_name!r} in the gazetteer (try: kg actors search NAME)")
    kinds = [{"alias": a.text, "kind": a.kind} for a in rec.alias_kinds]
    positions = [{"office": gaz.offices[p.office].label, "office_id": p.office, "start": p.start,
                  "end": p.end or "(current)", "source": p.source, "note": p.note} for p in rec.positions]
    offices = [{"office": o.label, "kind": o.kind, "titles": " | ".join(o.titles)}
               for o in gaz.offices.values() if o.holder == rec.id]
    return {"id": rec.id, "name": rec.name, "type": rec.type, "qid": rec.qid, "country": rec.country,
            "note": rec.note, "aliases": kinds, "positions": positions, "offices": offices}
