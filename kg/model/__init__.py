"""The plain core objects: actors, documents, claims, evidence and assertions.

Validation of untrusted input happens at the edge (:mod:`kg.model.inputs`,
pydantic); these dataclasses are what the library passes around inside.
"""

from kg.model.core import (
    RELATIONS,
    STATUSES,
    ActorRef,
    Assertion,
    Claim,
    Document,
    Evidence,
    Grade,
    StatedRole,
)

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
]
