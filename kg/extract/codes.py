"""CAMEO and PLOVER codes for an extracted claim (docs: FIELD.md, docs/extraction.md).

The codes per relation and status are data: the ``dip:eventCode`` codings of each relation type in
``ontology/dip.ttl``, read by :mod:`kg.model.relation_types`.

>>> codes_for("meets", "held", "Meeting")
('044', 'CONSULT')
>>> codes_for("meets", "planned", "Summit")
('036', 'AGREE')
>>> codes_for("meets", "held", "Visit", is_host=True)
('043', 'CONSULT')
>>> codes_for("advises", "held", "AdvisoryRole")
(None, None)
"""

from __future__ import annotations

from kg.model.relation_types import relation_type


def codes_for(relation: str, status: str, event_type: str | None, *, is_host: bool = False) -> tuple[str | None, str | None]:
    """(CAMEO, PLOVER) for a relation with a status; None where the typologies have no code."""
    return relation_type(relation).codes(status, event_type, subject_hosts=is_host)
