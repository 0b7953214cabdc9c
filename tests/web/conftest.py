"""Fixtures for the web desk: an app over an in-memory graph, a client, login and CSRF helpers."""

from __future__ import annotations

import re
import warnings
from typing import Any

import pytest
from fastapi import FastAPI

from kg.api import KnowledgeGraph
from kg.model import Assertion, Claim, Document, Evidence
from kg.web import mount

TOKEN = "correct horse battery staple"


def add_extracted(graph: KnowledgeGraph, *, text: str = "Donald Trump will meet Vladimir Putin in Alaska on Friday.",
                  quote: str = "Donald Trump will meet Vladimir Putin", url: str = "https://news.example.com/planned",
                  status: str = "planned", obj: str = "Vladimir Putin", confidence: float = 0.8) -> str:
    """Store one proposed extraction with its document; return its ID."""
    doc = Document.from_text(text, url=url, title="Story", publisher="Example News")
    start = text.find(quote)
    claim = Claim("meets", graph.resolve_actor("Donald Trump"), graph.resolve_actor(obj), status=status,
                  date="2025-08-15", place="Alaska")
    assertion = Assertion(claim, doc, asserted_by="extractor:rules@0.1", confidence=confidence,
                          evidence=Evidence(quote, text, start, start + len(quote)), review_status="proposed")
    graph.add_document(doc, [assertion])
    return assertion.id


def csrf_of(html: str) -> str:
    match = re.search(r'name="csrf" value="([^"]+)"', html)
    assert match, "no CSRF field in the page"
    return match.group(1)


@pytest.fixture
def web_graph():
    with KnowledgeGraph.open("memory:") as graph:
        yield graph


def make_client(graph: KnowledgeGraph, token: str | None = TOKEN) -> Any:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    app = FastAPI()
    mount(app, graph, write_token=token)
    return TestClient(app)


@pytest.fixture
def client(web_graph):
    return make_client(web_graph)


@pytest.fixture
def logged_in(client):
    csrf = csrf_of(client.get("/ui/login").text)
    response = client.post("/ui/login", data={"token": TOKEN, "csrf": csrf}, follow_redirects=False)
    assert response.status_code == 303
    return client


@pytest.fixture
def helpers() -> Any:
    """add_extracted, csrf_of, make_client and TOKEN for tests (conftest modules are not importable)."""
    from types import SimpleNamespace

    return SimpleNamespace(add_extracted=add_extracted, csrf_of=csrf_of, make_client=make_client, TOKEN=TOKEN)
