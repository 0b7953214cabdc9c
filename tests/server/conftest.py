"""Start ``kg serve`` for real on loopback in a subprocess; the fixture stops it."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.api import KnowledgeGraph
from tests.servers import kg_serve
from kg.model.inputs import ClaimInput

REPO = Path(__file__).resolve().parents[2]
TOKEN = "s3cret-token-for-tests"


def _serve(store: Path, *args: str, token_env: str | None = None) -> contextlib.AbstractContextManager[str]:
    """Run ``kg serve --store STORE ARGS`` until the block ends; yields the base URL."""
    return kg_serve(store, *args, token_env=token_env)


def _seed(store: Path, filler: int = 0) -> None:
    """Two analyst claims, plus ``filler`` unrelated triples for slow queries."""
    from pyoxigraph import DefaultGraph, Literal, NamedNode, Quad

    with KnowledgeGraph.open(str(store)) as graph:
        graph.assert_claim(ClaimInput(subject="Donald Trump", relation="meets", object="Vladimir Putin",
                                      source="https://example.org/alaska", date="2025-08-15", time="11:30",
                                      place="Anchorage", status="planned", quote="Trump will meet Putin."))
        graph.assert_claim(ClaimInput(subject="United States", relation="sanctions", object="Russia",
                                      source="https://example.org/sanctions", date="2025-07-01"))
        if filler:
            graph.store.apply([Quad(NamedNode(f"http://example.org/f{i}"), NamedNode("http://example.org/p"),
                                    Literal(str(i)), DefaultGraph()) for i in range(filler)])


@pytest.fixture
def serve():
    """``with serve(store_dir, *args) as base_url:`` runs ``kg serve`` for the block."""
    return _serve


@pytest.fixture
def seed():
    """``seed(store_dir, filler=0)`` writes two claims (and filler triples) into a store."""
    return _seed


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[str]:
    store = tmp_path_factory.mktemp("served") / "store"
    _seed(store)
    with _serve(store, "--token", TOKEN, "--max-body", "20000", "--max-rows", "1000") as base:
        yield base
