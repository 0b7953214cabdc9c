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
from kg.resolve.lookup import ActorNotFound
from kg.resolve.lookup import search_rows as search_rows
from kg.resolve.resolver import Resolver


def actor_detail(id_or_name: str, on: date | None = None, gaz: Gazetteer | None = None) -> dict[str, Any]:
    """Everything known about one actor (by id, or resolved from a name); KeyError when unknown."""
    gaz = gaz or Gazetteer.load()
    rec = gaz.get(id_or_name)
    if rec is None:
        found = Resolver(gaz).resolve(id_or_name, on=on)
        rec = gaz.get(found.id) if found else None
    if rec is None:
        raise ActorNotFound(f"no actor {id_or_name!r} in the gazetteer (try: kg actors search NAME)")
    kinds = [{"alias": a.text, "kind": a.kind} for a in rec.alias_kinds]
    positions = [{"office": gaz.offices[p.office].label, "office_id": p.office, "start": p.start,
                  "end": p.end or "(current)", "source": p.source, "note": p.note} for p in rec.positions]
    offices = [{"office": o.label, "kind": o.kind, "titles": " | ".join(o.titles)}
               for o in gaz.offices.values() if o.holder == rec.id]
    return {"id": rec.id, "name": rec.name, "type": rec.type, "qid": rec.qid, "country": rec.country,
            "note": rec.note, "aliases": kinds, "positions": positions, "offices": offices}
