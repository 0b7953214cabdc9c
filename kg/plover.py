"""PLOVER JSONL export: one record per active assertion, in the PLOVER manual's fields.

Fields (docs/exchange.md gives the mapping): ``id, date, actor, recipient, event, mode, context, text,
text_info, cite_info``.  ``event`` is the event's PLOVER code (``dip:plover``: CONSULT, AGREE, CONCEDE,
RETREAT, SANCTION); ``mode`` follows the manual (CONSULT: visit, phone, multilateral; RETREAT: release;
SANCTION: discontinue) and its auxiliary modes ``future`` (planned) and ``negation`` (cancelled, refused,
negated).  Advisory roles are standing relations, not PLOVER events, and are left out.

>>> from kg.api import KnowledgeGraph
>>> export_plover(KnowledgeGraph.open("memory:"))
b''
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import TYPE_CHECKING, Any

from kg.desk.records import open_removal

if TYPE_CHECKING:
    from kg.api import KnowledgeGraph

PLOVER_FIELDS = ("id", "date", "actor", "recipient", "event", "mode", "context", "text", "text_info", "cite_info")
CODEBOOK = "PLOVER 2021 via diplomacy-kg ontology/dip.ttl (dip:plover)"
_NEGATED = {"cancelled", "refused", "negated"}

_CLAIMS = """
SELECT ?g ?rel ?e ?elabel ?status ?cls ?date ?plover ?quote ?start ?end ?url ?title ?publisher ?by WHERE {
  ?g a dip:Assertion ; dip:claimEvent ?e ; dip:assertedRelation ?rel ; prov:wasDerivedFrom ?doc ;
     prov:wasAttributedTo ?agent .
  ?agent rdfs:label ?by .
  ?e rdfs:label ?elabel ; dip:status ?st ; a ?cls . BIND(LCASE(STRAFTER(STR(?st), "#")) AS ?status)
  OPTIONAL { ?e dip:date ?date } OPTIONAL { ?e dip:plover ?plover }
  OPTIONAL { ?g dip:evidence ?ev . OPTIONAL { ?ev dip:quote ?quote } OPTIONAL { ?ev dip:startOffset ?start }
             OPTIONAL { ?ev dip:endOffset ?end } }
  OPTIONAL { ?doc dip:url ?url } OPTIONAL { ?doc dip:title ?title } OPTIONAL { ?doc dip:publisher ?publisher }
  FILTER NOT EXISTS { %s }
} ORDER BY ?date ?g
""" % open_removal("?g", "?rec")

_ROLES = """
SELECT ?g ?role ?label WHERE {
  ?g a dip:Assertion ; dip:claimEvent ?e .
  GRAPH ?g { ?e ?p ?a . ?a rdfs:label ?label } BIND(STRAFTER(STR(?p), "#") AS ?role)
}
"""


def _sides() -> tuple[set[str], set[str]]:
    """Event roles on PLOVER's actor side and on its recipient side: the source and target roles of the
    relation types that are not symmetric (:mod:`kg.model.relation_types`), the visitor and the host;
    participants are either.

    >>> sorted(_sides()[0]), sorted(_sides()[1])
    (['advisor', 'agent', 'imposer', 'visitor'], ['advisee', 'host', 'releasedPerson', 'target'])
    """
    from kg.model.relation_types import local_name, relation_types

    directed = [t for t in relation_types().values() if not t.symmetric]
    return ({local_name(t.source_role) for t in directed} | {"visitor"},
            {local_name(t.target_role) for t in directed} | {"host"})


def _context(relation: str) -> str:
    """The PLOVER context of a relation's events (``dip:ploverContext``), or ""."""
    from kg.model.relation_types import relation_types

    found = relation_types().get(relation)
    return (found.plover_context or "") if found is not None else ""


def plover_records(graph: "KnowledgeGraph") -> list[dict[str, Any]]:
    """The PLOVER records of the current view's assertions (see the module docstring)."""
    roles: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for row in graph.select(_ROLES):
        roles[str(row["g"])].append((str(row["role"]), str(row["label"])))
    records: dict[str, dict[str, Any]] = {}
    for row in graph.select(_CLAIMS):
        g = str(row["g"])
        if g in records or "plover" not in row:
            continue
        actor, recipient = _parties(str(row["elabel"]), roles.get(g, []))
        event = str(row["plover"]).rsplit("/", 1)[-1]
        records[g] = {
            "id": g.rsplit("/", 1)[-1],
            "date": str(row.get("date", "")),
            "actor": actor,
            "recipient": recipient,
            "event": event,
            "mode": _mode(event, str(row["cls"]).rsplit("#", 1)[-1], str(row["status"]), len(roles.get(g, []))),
            "context": _context(str(row["rel"])),
            "text": str(row.get("quote", "")),
            "text_info": {"start": _int(row.get("start")), "end": _int(row.get("end"))},
            "cite_info": {"url": str(row.get("url", "")), "title": str(row.get("title", "")),
                          "publication": str(row.get("publisher", "")), "coder": str(row["by"]),
                          "codebook": CODEBOOK},
        }
    return list(records.values())


def export_plover(graph: "KnowledgeGraph") -> bytes:
    """PLOVER JSONL: one JSON object a line, fields in :data:`PLOVER_FIELDS` order."""
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in plover_records(graph)).encode("utf-8")


def _parties(event_label: str, roles: list[tuple[str, str]]) -> tuple[str, str]:
    """Actor and recipient ("; " between several): agents act on targets; of participants, the one the
    event's label names first acts.

    >>> _parties("Meeting: A meets B", [("participant", "B"), ("participant", "A")])
    ('A', 'B')
    >>> _parties("Pardon: C pardons D", [("agent", "C"), ("releasedPerson", "D")])
    ('C', 'D')
    """
    actor_roles, recipient_roles = _sides()
    actors = sorted({label for role, label in roles if role in actor_roles})
    recipients = sorted({label for role, label in roles if role in recipient_roles})
    participants = sorted({label for role, label in roles if role == "participant"} - set(actors) - set(recipients),
                          key=lambda label: (event_label.find(label) % (len(event_label) + 1), label))
    if not actors and participants:
        actors, participants = participants[:1], participants[1:]
    return "; ".join(actors), "; ".join(recipients + participants)


def _mode(event: str, event_class: str, status: str, parties: int) -> str:
    if status in _NEGATED:
        return "" if event == "REJECT" else "negation"  # a refusal is coded REJECT already
    if status == "planned" and event != "AGREE":
        return "future"
    if event == "CONSULT":
        return {"Visit": "visit", "Call": "phone"}.get(event_class, "multilateral" if parties > 2 else "")
    return {"RETREAT": "release", "SANCTION": "discontinue"}.get(event, "")


def _int(value: Any) -> int | None:
    return int(value) if value is not None else None
