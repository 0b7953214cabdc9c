"""CAMEO and PLOVER codes for an extracted claim (docs: FIELD.md, docs/extraction.md).

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


def codes_for(relation: str, status: str, event_type: str | None, *, is_host: bool = False) -> tuple[str | None, str | None]:
    """(CAMEO, PLOVER) for a relation with a status; None where the typologies have no code."""
    if relation == "advises":
        return None, None  # a standing role, not an event
    if status == "refused":
        return {"releases": ("1243", "REJECT"), "pardons": ("1243", "REJECT")}.get(relation, ("125", "REJECT"))
    if status in ("negated", "cancelled"):
        return None, None  # nothing happened; no event code
    if status == "planned":
        return {"releases": ("0353", "AGREE"), "pardons": ("0353", "AGREE"),
                "sanctions": ("1312", "THREATEN")}.get(relation, ("036", "AGREE"))
    if relation == "meets":
        if event_type == "Visit":
            return ("043" if is_host else "042"), "CONSULT"
        return "044", "CONSULT"
    if relation == "talksWith":
        return ("041" if event_type == "Call" else "040"), "CONSULT"
    return {"releases": ("0841", "RETREAT"), "pardons": ("080", "CONCEDE"),
            "sanctions": ("163", "SANCTION")}[relation]
