"""The JSONL record of an extracted assertion (the ``kg extract --format jsonl`` line).

Documented in docs/extraction.md.  ``status`` is ``negated`` for anything
stated as not happening (negated, refused or cancelled; the precise value is kept in
``status_detail``), so a consumer that only checks ``status`` never reads a
refused meeting as held.

>>> from kg.model.core import ActorRef, Assertion, Claim, Document, Evidence
>>> doc = Document.from_text("Obama declined to meet Duda.")
>>> a = Assertion(Claim("meets", ActorRef("Barack Obama"), ActorRef("Andrzej Duda"), status="refused"), doc,
...               asserted_by="extractor:rules@0.1.0", evidence=Evidence("Obama declined to meet Duda", None, 0, 27))
>>> r = to_record(a, "a.txt")
>>> r["status"], r["status_detail"], r["subject"]["label"], r["evidence"]["end"]
('negated', 'refused', 'Barack Obama', 27)

A claim with several actors on a side (one multilateral event) gives one line
per dyad, all with the same ``id`` and the whole ``participants`` list; a
meeting gives every pair of its (first four) participants:

>>> multi = Assertion(Claim("meets", ActorRef("A A"), ActorRef("C C"), co_subjects=(ActorRef("B B"),)), doc,
...                   asserted_by="extractor:rules@0.1.0")
>>> [(r["subject"]["label"], r["object"]["label"], len(r["participants"])) for r in to_records(multi)]
[('A A', 'B B', 3), ('A A', 'C C', 3), ('B B', 'C C', 3)]
"""

from __future__ import annotations

from typing import Any

from kg.model.core import ActorRef, Assertion

NOT_HAPPENED = {"negated", "refused", "cancelled"}
#: a multi-party meeting gives the pairs of its first participants named, as annotation guidelines count them; a
#: summit of twenty is not 190 bilateral meetings. Every line lists all of them in ``participants``, and the graph
#: keeps the whole event.
MAX_PAIRED = 4


def actor_record(ref: ActorRef | None) -> dict[str, Any] | None:
    """``{label, type, iri}`` (+ ``qid``, ``count`` when known)."""
    if ref is None:
        return None
    out: dict[str, Any] = {"label": ref.label, "type": ref.type, "iri": ref.canonical_iri()}
    if ref.qid:
        out["qid"] = ref.qid
    if ref.count is not None:
        out["count"] = ref.count
    return out


def to_records(a: Assertion, source: str | None = None) -> list[dict[str, Any]]:
    """One JSON-ready dict per dyad of the assertion (see :meth:`kg.model.Claim.pairs`).

    Everyone at one meeting meets everyone else there, so a multi-party meeting or summit
    gives every pair of its first :data:`MAX_PAIRED` participants named; visits (guests of
    one host) and other relations give the subject-side x object-side dyads.

    >>> from kg.model.core import ActorRef, Assertion, Claim, Document
    >>> doc = Document.from_text("A, B, C and D met E.")
    >>> big = Assertion(Claim("meets", ActorRef("A A"), ActorRef("E E"), event_type="Meeting",
    ...                       co_subjects=(ActorRef("B B"), ActorRef("C C"), ActorRef("D D"))), doc,
    ...                 asserted_by="extractor:rules@0.1.0")
    >>> rows = to_records(big)
    >>> len(rows), sorted({p["label"] for r in rows for p in (r["subject"], r["object"])}), len(rows[0]["participants"])
    (6, ['A A', 'B B', 'C C', 'D D'], 5)
    """
    c = a.claim
    if c.relation == "meets" and c.event_type in ("Meeting", "Summit") and (c.co_subjects or c.co_objects):
        people = list(dict.fromkeys([c.subject, *c.co_subjects, *([c.obj] if c.obj else []), *c.co_objects]))
        people = people[:MAX_PAIRED]  # the rest stay in every line's ``participants``
        return [to_record(a, source, pair=(x, y)) for i, x in enumerate(people) for y in people[i + 1:]]
    return [to_record(a, source, pair=(s, o)) for s, o in c.pairs()]


def to_record(a: Assertion, source: str | None = None,
              pair: tuple[ActorRef, ActorRef | None] | None = None) -> dict[str, Any]:
    """The JSON-ready dict of one dyad of the assertion (default: its subject and object)."""
    c = a.claim
    ev = a.evidence
    subject, obj = pair or (c.subject, c.obj)
    everyone = list(dict.fromkeys([c.subject, *c.co_subjects, *([c.obj] if c.obj else []), *c.co_objects,
                                   *c.participants]))
    return {
        "source": source or a.source.path or a.source.url or a.source.iri_hash,
        "relation": c.relation,
        "subject": actor_record(subject),
        "object": actor_record(obj),
        "participants": [actor_record(p) for p in everyone],
        "status": "negated" if c.status in NOT_HAPPENED else c.status,
        "status_detail": c.status,
        "event_type": c.event_type,
        "date": c.date,
        "end_date": c.end_date,
        "date_basis": c.date_basis,
        "time": c.time,
        "datetime": c.datetime,
        "place": c.place,
        "count": c.count,
        "host": actor_record(c.host),
        "hedges": list(c.hedges),
        "evidence": {"text": ev.quote, "start": ev.start, "end": ev.end, "sentence": ev.sentence} if ev else None,
        "confidence": a.confidence,
        "codes": {"cameo": c.cameo, "plover": c.plover},
        "roles": [{"actor": r.actor.canonical_iri(), "label": r.actor.label, "office": r.office, "stated_as": r.stated_as}
                  for r in c.stated_roles],
        "asserted_by": a.asserted_by,
        "document": a.source.iri_hash,
        "id": a.id,
    }
