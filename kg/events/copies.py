"""Copies of one text under other URLs: a syndicated or republished article is a new source of a known document.

Documents are identified by the SHA-256 of their text, so a second outlet carrying the same text is the
same document.  Instead of skipping it, ingest records a ``dip:DocumentCopy`` (``dip:copyOf`` the
document, with its own URL, publisher and publication date), so the outlet counts as an article of every
event the text reports, while the text stays one independent source.

>>> from kg.api import KnowledgeGraph
>>> from kg.model import Document
>>> g = KnowledgeGraph.open("memory:")
>>> d = Document.from_text("Ann Lee met Raj Patel.", url="https://a.example/1")
>>> _ = g.add_document(d, [])
>>> record_copy(g, Document.from_text("Ann Lee met Raj Patel.", url="https://b.example/x")), record_copy(g, d)
(True, False)
>>> [c["url"] for c in copies(g)[d.iri_hash]]
['https://b.example/x']
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

from pyoxigraph import DefaultGraph, Literal, Quad

from kg.rdf.ids import DATA_NS, content_hash, document_iri
from kg.model.core import Document
from kg.rdf.terms import PROV_GENERATED_AT, RDF_TYPE, iri, lit, typed
from kg.rdf.vocab import DIP

if TYPE_CHECKING:
    from kg.api import KnowledgeGraph

_COPIES = """SELECT ?c ?doc ?url ?publisher ?published ?title WHERE {
  ?c a dip:DocumentCopy ; dip:copyOf ?doc ; dip:url ?url .
  OPTIONAL { ?c dip:publisher ?publisher } OPTIONAL { ?c dip:published ?published } OPTIONAL { ?c dip:title ?title } }"""


def document_node(doc_hash: str) -> Any:
    """The IRI node of a stored document."""
    return iri(document_iri(doc_hash))


def copies(graph: "KnowledgeGraph") -> dict[str, list[dict[str, Any]]]:
    """Document hash -> its recorded copies (url, publisher, published, title)."""
    out: dict[str, list[dict[str, Any]]] = {}
    for row in graph.select(_COPIES):
        out.setdefault(str(row["doc"]).rsplit("/", 1)[-1], []).append(
            {"url": str(row["url"]), "publisher": str(row["publisher"]) if row.get("publisher") else None,
             "published": str(row["published"])[:10] if row.get("published") else None,
             "title": str(row["title"]) if row.get("title") else None})
    return out


def _known_urls(graph: "KnowledgeGraph", node: Any) -> set[str]:
    rows = graph.select("SELECT ?u WHERE { { ?d dip:url ?u } UNION { ?c dip:copyOf ?d ; dip:url ?u } }", d=node)
    return {str(r["u"]) for r in rows}


def record_copy(graph: "KnowledgeGraph", document: Document) -> bool:
    """Record ``document`` (same text as a stored one) as published at its URL; False when nothing is new."""
    if not document.url or not graph.has_document(document.iri_hash):
        return False
    node = document_node(document.iri_hash)
    if document.url in _known_urls(graph, node):
        return False
    copy = iri(f"{DATA_NS}document/{document.iri_hash}/copy/{content_hash(document.url)[:16]}")
    triples: list[tuple[Any, Any, Any]] = [
        (copy, RDF_TYPE, iri(DIP.DocumentCopy)), (copy, iri(DIP.copyOf), node),
        (copy, iri(DIP.url), typed(document.url, "anyURI")),
        (copy, PROV_GENERATED_AT, lit(datetime.now(timezone.utc).replace(microsecond=0))),
    ]
    if document.publisher:
        triples.append((copy, iri(DIP.publisher), Literal(document.publisher)))
    if document.title:
        triples.append((copy, iri(DIP.title), Literal(document.title)))
    if document.published:
        triples.append((copy, iri(DIP.published), lit(document.published)))
    graph.store.apply([Quad(s, p, o, DefaultGraph()) for s, p, o in triples])
    return True
