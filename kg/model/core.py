"""Core dataclasses of diplomacy-kg.

An :class:`Assertion` is one sourced claim: a :class:`Claim` (an event or
standing relation between actors), the :class:`Document` it came from, the
:class:`Evidence` inside that document, who asserted it, a confidence and an
Admiralty :class:`Grade`.  Its ID is a content hash of exactly the fields that
make it the same claim from the same source, so asserting it twice is a no-op.

>>> trump = ActorRef("Donald Trump", "Person", qid="Q22686")
>>> putin = ActorRef("Vladimir Putin", "Person", qid="Q7747")
>>> doc = Document.from_url("https://example.org/a")
>>> a = Assertion(Claim("meets", trump, putin, status="planned"), doc,
...               asserted_by="analyst:alice")
>>> a.id == Assertion(Claim("meets", trump, putin, status="planned"), doc,
...                   asserted_by="analyst:alice").id
True
>>> a.claim.event_type
'Meeting'
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields, replace
from datetime import date, datetime, timezone
from functools import cached_property
from typing import TYPE_CHECKING, Any

from kg.model.relation_types import relation_types
from kg.rdf.ids import actor_iri_for_name, actor_iri_for_qid, content_hash

#: Event status values (dip:EventStatus individuals).
STATUSES: tuple[str, ...] = ("held", "planned", "cancelled", "refused", "negated")
ACTOR_TYPES: tuple[str, ...] = ("Person", "Country", "Organization", "Group")

if TYPE_CHECKING:  # read from the ontology on first use (module __getattr__ below), never listed here
    #: Direct actor-to-actor relations: the relation types of the ontology, in list order.
    RELATIONS: tuple[str, ...]
    #: Default event class for each relation; extractors may pick a subclass (Summit, Visit).
    DEFAULT_EVENT_TYPE: dict[str, str]
    #: Every event class of a relation type (each relation's class and its subclasses).
    EVENT_TYPES: tuple[str, ...]


def __getattr__(name: str) -> Any:
    """``RELATIONS``, ``DEFAULT_EVENT_TYPE`` and ``EVENT_TYPES``, from :mod:`kg.model.relation_types`.

    >>> from kg.model.core import DEFAULT_EVENT_TYPE, EVENT_TYPES, RELATIONS
    >>> RELATIONS[:2], DEFAULT_EVENT_TYPE["pardons"], "Summit" in EVENT_TYPES
    (('meets', 'talksWith'), 'Pardon', True)
    """
    if name == "RELATIONS":
        return relation_types().names()
    if name == "DEFAULT_EVENT_TYPE":
        return {n: t.event_type for n, t in relation_types().items()}
    if name == "EVENT_TYPES":
        return relation_types().event_types()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@dataclass(frozen=True)
class ActorRef:
    """A mention of an actor, resolved (``iri`` set) or not.

    ``type`` is one of Person, Country, Organization, or Group (an unnamed set
    of persons such as "16 prisoners", which carries ``count``).
    """

    label: str
    type: str = "Person"
    iri: str | None = None
    qid: str | None = None
    count: int | None = None
    confidence: float = 1.0

    def canonical_iri(self) -> str:
        """The node IRI: given, from the Wikidata QID, or minted from name and type."""
        if self.iri:
            return self.iri
        if self.qid:
            return actor_iri_for_qid(self.qid)
        return actor_iri_for_name(self.label, self.type)


@dataclass(frozen=True)
class StatedRole:
    """The office a source gives an actor in a claim ("Russian President Vladimir Putin").

    ``office`` is a gazetteer office ID (``RU-president``); ``stated_as`` is the
    mention as written.  The anachronism check compares it with the positions
    the actor held on the event date (:mod:`kg.resolve.anachronism`).

    >>> StatedRole(ActorRef("Vladimir Putin", qid="Q7747"), "RU-president").key()
    ['https://w3id.org/diplomacy-kg/id/actor/Q7747', 'RU-president']
    """

    actor: ActorRef
    office: str
    stated_as: str | None = None

    def __post_init__(self) -> None:
        if not self.office.strip():
            raise ValueError("stated role: office is empty")

    def key(self) -> list[str]:
        """What identifies the role in the assertion ID: actor IRI and office."""
        return [self.actor.canonical_iri(), self.office]


@dataclass(frozen=True)
class Document:
    """A source: an article (with text) or a cited URL/document for an analyst claim."""

    iri_hash: str
    url: str | None = None
    title: str | None = None
    publisher: str | None = None
    published: date | datetime | None = None
    text: str | None = None
    path: str | None = None

    @classmethod
    def from_text(cls, text: str, **meta: Any) -> "Document":
        """A document whose identity is the SHA-256 of its text."""
        return cls(iri_hash=content_hash(text), text=text, **meta)

    @classmethod
    def from_url(cls, url: str, **meta: Any) -> "Document":
        """A cited source known only by its URL (analyst claims)."""
        return cls(iri_hash=content_hash(url), url=url, **meta)


@dataclass(frozen=True)
class Evidence:
    """Where in the document the claim is stated: sentence, character span, quote."""

    quote: str
    sentence: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True)
class Grade:
    """Admiralty grade: source reliability A-F, information credibility 1-6."""

    reliability: str = "F"
    credibility: int = 6

    def __post_init__(self) -> None:
        if self.reliability not in "ABCDEF" or len(self.reliability) != 1:
            raise ValueError(f"reliability must be one of A-F, got {self.reliability!r}")
        if not 1 <= int(self.credibility) <= 6:
            raise ValueError(f"credibility must be 1-6, got {self.credibility!r}")

    def __str__(self) -> str:
        return f"{self.reliability}{self.credibility}"


@dataclass(frozen=True)
class Claim:
    """An event or standing relation between actors.

    ``subject``/``obj`` are the two sides of the direct relation (for ``meets``
    and ``talksWith`` both are participants; ``obj`` may be None for a release
    of unnamed persons with only ``count``).  One event with several actors on
    a side is one claim (PLOVER's actor and recipient lists): ``co_subjects``
    are further actors on the subject's side ("A, B and C met D"), ``co_objects``
    further ones on the object's side ("sanctioned X, Y and Z"); :meth:`pairs`
    lists the dyads.  ``participants`` lists every participant of a meeting or call.  ``date`` is an ISO date, ``time`` the stated
    local clock time ``HH:MM``, ``datetime`` an xsd:dateTime with offset when
    both date and offset are known.  ``date_basis`` records how the date was
    found: ``explicit``, ``relative`` (resolved against publication) or ``published``.
    """

    relation: str
    subject: ActorRef
    obj: ActorRef | None = None
    status: str = "held"
    event_type: str | None = None
    participants: tuple[ActorRef, ...] = ()
    date: str | None = None
    end_date: str | None = None
    time: str | None = None
    datetime: str | None = None
    date_basis: str | None = None
    place: str | None = None
    count: int | None = None
    host: ActorRef | None = None
    released: tuple[ActorRef, ...] = ()
    hedges: tuple[str, ...] = ()
    cameo: str | None = None
    plover: str | None = None
    stated_roles: tuple[StatedRole, ...] = ()
    co_subjects: tuple[ActorRef, ...] = ()
    co_objects: tuple[ActorRef, ...] = ()

    def pairs(self) -> list[tuple[ActorRef, ActorRef | None]]:
        """Every (subject-side, object-side) dyad of the claim, in order.

        >>> a, b, c = ActorRef("A A"), ActorRef("B B"), ActorRef("C C")
        >>> [(s.label, o.label) for s, o in Claim("sanctions", a, b, co_objects=(c,)).pairs()]
        [('A A', 'B B'), ('A A', 'C C')]
        """
        objects: list[ActorRef | None] = [self.obj, *self.co_objects]
        return [(s, o) for s in (self.subject, *self.co_subjects) for o in objects]

    def __post_init__(self) -> None:
        types = relation_types()
        relation_type = types.get_type(self.relation)  # ValueError: unknown relation ...; expected one of ...
        if self.status not in STATUSES:
            raise ValueError(f"unknown status {self.status!r}; expected one of {', '.join(STATUSES)}")
        if self.event_type is None:
            object.__setattr__(self, "event_type", relation_type.event_type)
        elif self.event_type not in types.event_types():
            raise ValueError(f"unknown event type {self.event_type!r}")

    def key_fields(self) -> dict[str, Any]:
        """The fields that make two claims the same claim (used in the assertion ID)."""
        data = {f.name: getattr(self, f.name) for f in fields(self)}  # shallow: asdict deep-copies (slow)
        data["subject"] = self.subject.canonical_iri()
        data["obj"] = self.obj.canonical_iri() if self.obj else None
        data["host"] = self.host.canonical_iri() if self.host else None
        data["participants"] = sorted(p.canonical_iri() for p in self.participants)
        data["released"] = sorted(p.canonical_iri() for p in self.released)
        for side in ("co_subjects", "co_objects"):  # absent when empty (stable IDs for two-party claims)
            members = data.pop(side)
            if members:
                data[side] = sorted(m.canonical_iri() for m in members)
        roles = data.pop("stated_roles")
        if roles:  # absent when empty, so IDs of claims without roles stay as they were
            data["stated_roles"] = sorted(r.key() for r in roles)
        return data


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(microsecond=0)


@dataclass(frozen=True)
class Assertion:
    """One sourced claim.  Never edited: review decisions are separate records."""

    claim: Claim
    source: Document
    asserted_by: str
    evidence: Evidence | None = None
    confidence: float = 1.0
    grade: Grade = field(default_factory=Grade)
    asserted_at: datetime = field(default_factory=_now)
    review_status: str = "proposed"

    @cached_property
    def id(self) -> str:
        """Content hash of claim + source + evidence span + asserter (not time or grade); computed once."""
        key = {
            "claim": self.claim.key_fields(),
            "source": self.source.iri_hash,
            "evidence": [self.evidence.quote, self.evidence.start] if self.evidence else None,
            "by": self.asserted_by,
        }
        return content_hash(json.dumps(key, sort_keys=True, default=str))[:32]

    def with_(self, **changes: Any) -> "Assertion":
        """A copy with ``changes`` applied (dataclasses.replace)."""
        return replace(self, **changes)
