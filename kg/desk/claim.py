"""An analyst's sourced claim (:class:`~kg.model.inputs.ClaimInput`) as an assertion: actors resolved, offices
checked, graded; nothing is written (``KnowledgeGraph.assert_claim`` writes it).

>>> from kg.api import KnowledgeGraph
>>> from kg.model.inputs import ClaimInput
>>> with KnowledgeGraph.open("memory:") as g:
...     a = claim_to_assertion(g, ClaimInput(subject="President Putin", relation="meets", object="Ann Lee",
...                                          source="https://example.org/a", subject_role="President of Russia"))
>>> a.claim.subject.qid, a.review_status, a.asserted_by
('Q7747', 'accepted', 'analyst:analyst')
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.model import ActorRef, Assertion, Claim, Document, Evidence, Grade, StatedRole
from kg.model.inputs import ClaimInput
from kg.resolve.actor_graph import resolve_actor

if TYPE_CHECKING:  # kg.api calls this module; the graph is only a parameter here
    from kg.api import KnowledgeGraph


def claim_to_assertion(graph: KnowledgeGraph, claim: ClaimInput) -> Assertion:
    """Resolve the claim's actors (with ``graph``'s resolver and actors) and build its assertion."""
    subject = resolve_actor(graph, claim.subject, claim.subject_type, on=claim.date)
    obj = resolve_actor(graph, claim.object, claim.object_type, on=claim.date)
    if claim.relation in ("pardons", "releases") and claim.count is not None and claim.object_type == "Group":
        obj = ActorRef(obj.label, "Group", count=claim.count)
    core = Claim(
        relation=claim.relation,
        subject=subject,
        obj=obj,
        status=claim.status,
        date=claim.date.isoformat() if claim.date else None,
        time=claim.time,
        date_basis="explicit" if claim.date else None,
        place=claim.place,
        count=claim.count,
        stated_roles=stated_roles(graph, claim, subject, obj),
    )
    source = Document.from_url(claim.source, published=claim.published)
    evidence = Evidence(quote=claim.quote) if claim.quote else None
    return Assertion(
        claim=core,
        source=source,
        asserted_by=f"analyst:{claim.analyst}",
        evidence=evidence,
        confidence=claim.confidence,
        grade=Grade(claim.reliability, claim.credibility),
        review_status="accepted",
    )


def stated_roles(graph: KnowledgeGraph, claim: ClaimInput, subject: ActorRef,
                 obj: ActorRef) -> tuple[StatedRole, ...]:
    """The offices an analyst gives the claim's actors (``subject_role``/``object_role``)."""
    roles = []
    for field, actor, phrase in (("subject_role", subject, claim.subject_role),
                                 ("object_role", obj, claim.object_role)):
        if not phrase:
            continue
        if actor.type != "Person":
            raise ValueError(f"{field}: {actor.label!r} is a {actor.type}; only a person holds an office")
        try:
            office = graph.resolver.office_named(phrase, actor.canonical_iri())
        except ValueError as exc:
            raise ValueError(f"{field}: {exc}") from None
        roles.append(StatedRole(actor, office, phrase))
    return tuple(roles)
