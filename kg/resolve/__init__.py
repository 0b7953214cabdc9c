"""Actor resolution: gazetteer data (countries, organisations, persons, offices
with dates), mention -> canonical actor, and the Wikidata refresh.

>>> from kg.resolve import Resolver
>>> Resolver.default().resolve("Zelenskiy").label
'Volodymyr Zelenskyy'
"""

from kg.resolve.csvio import GazetteerError
from kg.resolve.decisions import ActorDecision, derive_mapping
from kg.resolve.gazetteer import Gazetteer
from kg.resolve.records import ActorRecord, Office, Position
from kg.resolve.resolver import ResolvedActor, Resolver

__all__ = ["ActorDecision", "ActorRecord", "Gazetteer", "GazetteerError", "Office", "Position",
           "ResolvedActor", "Resolver", "derive_mapping"]
