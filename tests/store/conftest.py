"""Remote engines for the store suites: one Virtuoso per session (emptied before each test), Oxigraph per test."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.servers import oxigraph_server, virtuoso_reset, virtuoso_server

#: the SPARQL servers every remote-store suite runs against
ENGINES = ["oxigraph", "virtuoso"]


@pytest.fixture(scope="session")
def virtuoso_endpoint(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """One real Virtuoso for the session (it takes seconds to start); its start-up time is reported."""
    started = time.monotonic()
    with virtuoso_server(tmp_path_factory.mktemp("virtuoso")) as endpoint:
        print(f"\nVirtuoso ready in {time.monotonic() - started:.1f} s at {endpoint}")
        yield endpoint


@contextlib.contextmanager
def engine_spec(engine: str, folder: Path, request: pytest.FixtureRequest) -> Iterator[str]:
    """A store spec for an empty store on ``engine``: a fresh Oxigraph server, or the session's Virtuoso emptied."""
    if engine == "oxigraph":
        with oxigraph_server(folder / "oxigraph") as url:
            yield url
    else:
        endpoint = request.getfixturevalue("virtuoso_endpoint")
        virtuoso_reset(endpoint)
        yield "virtuoso+" + endpoint


@pytest.fixture(params=ENGINES)
def remote_spec(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The spec of an empty remote store, once per engine."""
    with engine_spec(request.param, tmp_path, request) as spec:
        yield spec
