"""XSS payloads placed in an actor name, a quote, a source URL and a source title."""

from __future__ import annotations

from kg.api import KnowledgeGraph
from kg.model import ActorRef, Assertion, Claim, Document, Evidence, Grade

PAYLOADS = [
    "<img src=x onerror=alert(1)>",
    '<img src=x onerror="window.__xss=1">',
    "</script><script>alert(1)</script>",
    "</script><script>window.__xss=1</script>",
    '<a href="javascript:alert(1)">click</a>',
    'x" href="javascript:window.__xss=1" y="',
    "<!--<script>window.__xss=1</script>",
]
PLACES = ("label", "quote", "source", "title")


def add_payload(graph: KnowledgeGraph, payload: str, place: str) -> str:
    """One sanctions assertion with ``payload`` in ``place``; returns the text expected in the page data."""
    url = "https://example.org/" + (payload if place == "source" else "clean")
    doc = Document.from_url(url, title=payload if place == "title" else "A clean title")
    subject = ActorRef(payload if place == "label" else "Clean Actor", "Person")
    claim = Claim("sanctions", subject, ActorRef("Target Land", "Country"), date="2025-01-02")
    quote = payload if place == "quote" else "A clean quote."
    graph.add_document(doc, [Assertion(claim, doc, asserted_by="analyst:x", evidence=Evidence(quote), grade=Grade("B", 2))])
    return payload
