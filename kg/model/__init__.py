"""The plain core objects: actors, documents, claims, evidence and assertions.

Validation of untrusted input happens at the edge (:mod:`kg.model.inputs`,
pydantic); these dataclasses are what the library passes around inside.
"""

from typing import TYPE_CHECKING, Any

from kg.model.core import (
    STATUSES,
    ActorRef,
    Assertion,
    Claim,
    Document,
    Evidence,
    Grade,
    StatedRole,
)
from kg.model.relation_types import RelationType, RelationTypes, relation_type, relation_types

if TYPE_CHECKING:
    from kg.model.core import RELATIONS


def __getattr__(name: str) -> Any:
    """``RELATIONS``: the relation names of the ontology in use (read on first use)."""
    if name == "RELATIONS":
        return relation_types().names()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "RELATIONS",
    "STATUSES",
    "ActorRef",
    "Assertion",
    "Claim",
    "Document",
    "Evidence",
    "Grade",
    "StatedRole",
    "RelationType",
    "RelationTypes",
    "relation_type",
    "relation_types",
]
