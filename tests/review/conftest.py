"""Fixtures for the analyst's desk: extracted (proposed) assertions built like the extractor does."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any, Callable

import pytest

from kg.api import KnowledgeGraph
from kg.model import Assertion, Claim, Document, Evidence

PLANNED_TEXT = "Donald Trump will meet Vladimir Putin in Alaska on Friday, the White House said."
PLANNED_QUOTE = "Donald Trump will meet Vladimir Putin in Alaska"


def add_extracted(graph: KnowledgeGraph, *, text: str = PLANNED_TEXT, quote: str = PLANNED_QUOTE,
                  url: str = "https://news.example.com/planned", publisher: str | None = "Example News",
                  relation: str = "meets", subject: str = "Donald Trump", obj: str | None = "Vladimir Putin",
                  status: str = "planned", date: str | None = "2025-08-15", place: str | None = "Alaska",
                  count: int | None = None, confidence: float = 0.8, at: datetime | None = None,
                  obj_type: str | None = None) -> str:
    """Store one extracted assertion (review status proposed) with its document; return its ID."""
    doc = Document.from_text(text, url=url, title="Story", publisher=publisher)
    start = text.find(quote)
    s = graph.resolve_actor(subject)
    o = graph.resolve_actor(obj, obj_type) if obj else None
    claim = Claim(relation, s, o, status=status, date=date, place=place, count=count)
    extra: dict[str, Any] = {"asserted_at": at} if at else {}
    assertion = Assertion(claim, doc, asserted_by="extractor:rules@0.1", confidence=confidence,
                          evidence=Evidence(quote, text, start, start + len(quote)), review_status="proposed", **extra)
    graph.add_document(doc, [assertion])
    return assertion.id


@pytest.fixture
def extracted() -> Callable[..., str]:
    return add_extracted


@pytest.fixture
def past() -> datetime:
    return datetime(2025, 6, 1, 12, 0, tzinfo=timezone.utc)
