"""Stable IRIs for everything diplomacy-kg mints.

One namespace, documented in docs/ontology.md:

* terms of the ontology: ``https://w3id.org/diplomacy-kg/ontology#``
* data (actors, events, assertions, documents, sources): ``https://w3id.org/diplomacy-kg/id/``

IRIs are derived from content, never from counters, so the same input always
yields the same node (idempotent ingest, content-hash assertion IDs).

>>> actor_iri_for_qid("Q7747")
'https://w3id.org/diplomacy-kg/id/actor/Q7747'
>>> actor_iri_for_name("Franak  Viačorka", "Person")
'https://w3id.org/diplomacy-kg/id/actor/person/franak-viacorka'
>>> content_hash("abc")[:12]
'ba7816bf8f01'
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

ONTOLOGY_NS = "https://w3id.org/diplomacy-kg/ontology#"
DATA_NS = "https://w3id.org/diplomacy-kg/id/"
WIKIDATA_ENTITY = "http://www.wikidata.org/entity/"
CODES_NS = "https://w3id.org/diplomacy-kg/codes/"

_QID = re.compile(r"^Q[1-9][0-9]*$")


def content_hash(text: str | bytes) -> str:
    """Return the SHA-256 hex digest of ``text`` (UTF-8 when ``str``)."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    return hashlib.sha256(data).hexdigest()


def slugify(text: str) -> str:
    """Lower-case ASCII slug: accents folded, runs of other characters -> ``-``.

    >>> slugify("Sviatlana Tsikhanouskaya")
    'sviatlana-tsikhanouskaya'
    >>> slugify("  Wagner Group (PMC) ")
    'wagner-group-pmc'
    """
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    slug = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
    return slug or content_hash(text)[:16]


def is_qid(value: str) -> bool:
    """True when ``value`` is a well-formed Wikidata item ID such as ``Q7747``."""
    return bool(_QID.match(value))


def actor_iri_for_qid(qid: str) -> str:
    """IRI of an actor known to Wikidata."""
    if not is_qid(qid):
        raise ValueError(f"not a Wikidata QID: {qid!r}")
    return f"{DATA_NS}actor/{qid}"


def actor_iri_for_name(name: str, actor_type: str) -> str:
    """Stable IRI for an actor not in the gazetteer, from its normalised name and type."""
    return f"{DATA_NS}actor/{actor_type.lower()}/{slugify(name)}"


def office_iri(office_id: str) -> str:
    """IRI of a gazetteer office ("RU-president").

    >>> office_iri("RU-president")
    'https://w3id.org/diplomacy-kg/id/office/ru-president'
    """
    return f"{DATA_NS}office/{slugify(office_id)}"


def wikidata_iri(qid: str) -> str:
    """The Wikidata entity IRI for ``qid`` (target of ``owl:sameAs``)."""
    return f"{WIKIDATA_ENTITY}{qid}"


def assertion_iri(assertion_id: str) -> str:
    return f"{DATA_NS}assertion/{assertion_id}"


def event_iri(assertion_id: str) -> str:
    return f"{DATA_NS}event/{assertion_id}"


def document_iri(doc_hash: str) -> str:
    return f"{DATA_NS}document/{doc_hash}"


def record_iri(record_id: str) -> str:
    """IRI of a review record (retraction, acceptance, dispute ...)."""
    return f"{DATA_NS}record/{record_id}"


def agent_iri(agent: str) -> str:
    """IRI of whoever asserted something: ``analyst:alice`` or ``extractor:rules@0.1``."""
    kind, _, name = agent.partition(":")
    if not name:
        kind, name = "analyst", agent
    return f"{DATA_NS}agent/{slugify(kind)}/{slugify(name)}"
