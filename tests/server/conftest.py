"""Start ``kg serve`` for real on loopback in a subprocess; the fixture stops it."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from kg.api import KnowledgeGraph
from kg.model.inputs import ClaimInput

REPO = Path(__file__).resolve().parents[2]
TOKEN = "s3cret-token"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def _serve(store: Path, *args: str, token_env: str | None = None) -> Iterator[str]:
    """Run ``kg serve --store STORE --port P ARGS`` until the block ends; yields the base URL."""
    port = free_port()
    env = dict(os.environ)
    env.pop("KG_TOKEN", None)
    env.pop("KG_STORE", None)
    if token_env is not None:
        env["KG_TOKEN"] = token_env
    proc = subprocess.Popen([sys.executable, "-m", "kg.cli.main", "serve", "--store", str(store), "--port", str(port), *args],
                            cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 30
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"kg serve exited: {proc.stderr.read().decode()[-2000:]}")  # type: ignore[union-attr]
            try:
                if httpx.get(base + "/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.time() > deadline:
                raise RuntimeError("kg serve did not start within 30 s")
            time.sleep(0.1)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


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
