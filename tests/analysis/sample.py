"""A small network with every status and review case, shared by analysis and viz tests."""

from __future__ import annotations

from kg.api import KnowledgeGraph
from kg.model.inputs import ClaimInput

SRC = "https://example.org/"


def claim(subject: str, relation: str, obj: str, **kw: object) -> ClaimInput:
    kw.setdefault("source", SRC + f"{subject}-{relation}-{obj}".replace(" ", "_"))
    kw.setdefault("quote", f"{subject} {relation} {obj}.")
    return ClaimInput(subject=subject, relation=relation, object=obj, **kw)  # type: ignore[arg-type]


CLAIMS = [
    claim("Alice Ames", "meets", "Boris Brandt", date="2024-03-01", reliability="A", credibility=1, confidence=0.9),
    claim("Boris Brandt", "talksWith", "Carla Cruz", date="2024-05-10", reliability="B", credibility=2),
    claim("Carla Cruz", "meets", "Dmitri Dal", date="2025-02-01", status="planned", reliability="B", credibility=2),
    claim("Dmitri Dal", "meets", "Alice Ames", date="2025-03-01", status="refused", reliability="C", credibility=3),
    claim("Ruritania", "sanctions", "Freedonia", date="2025-04-01", subject_type="Country", object_type="Country",
          reliability="A", credibility=2),
    claim("Carla Cruz", "advises", "Erik Eng", date="2025-01-01", reliability="D", credibility=4, confidence=0.4),
    claim("Erik Eng", "pardons", "Prisoners", date="2025-06-01", object_type="Group", count=16),
]


def build(graph: KnowledgeGraph) -> dict[str, str]:
    """Write the claims; returns subject-relation-object -> assertion ID."""
    ids = graph.assert_claims(CLAIMS)
    return {f"{c.subject}-{c.relation}-{c.object}": i for c, i in zip(CLAIMS, ids)}
