"""Shared pieces of the hardening tests: the clean-error contract and store snapshots."""

from __future__ import annotations

import os
import shutil
import contextlib
from contextlib import contextmanager
from collections.abc import Iterator

import pytest
from pyoxigraph import RdfFormat

from kg.api import KnowledgeGraph
from kg.cli.common import _known_errors
from tests import servers
from tests.servers import free_port

__all__ = ["free_port", "kg_serve"]

#: Exceptions the CLI turns into one ``error: ...`` line (kg/cli/common.py); anything else is a crash.
CLEAN = _known_errors()
#: Examples per fuzz family; KG_FUZZ_EXAMPLES raises it for long runs (bench/bench_soak.py).
EXAMPLES = int(os.environ.get("KG_FUZZ_EXAMPLES", "1000"))


def snapshot(graph: KnowledgeGraph) -> bytes:
    """The whole dataset as N-Quads: byte-identical means nothing was written."""
    return graph.export(RdfFormat.N_QUADS)


def check_clean(exc: BaseException, expected: tuple[type[BaseException], ...] = CLEAN) -> None:
    """Fail unless ``exc`` is a documented one-line error: one of ``expected`` (by default what the CLI
    reports as ``error: ...``), with a message of one line that says something.

    A crash dressed as a known type is not clean: a RecursionError or other RuntimeError, a KeyError whose
    message is a bare key (a failed lookup, not a sentence), an OSError without an errno (not from the OS).
    """
    from pydantic import ValidationError

    def fail(why: str) -> None:
        raise AssertionError(f"{why}: {type(exc).__module__}.{type(exc).__name__}: {exc!r}"[:600]) from exc

    if not isinstance(exc, expected):
        fail("unclean exception")
    if isinstance(exc, RuntimeError):
        fail("a crash, not a documented error")
    if type(exc) is KeyError and not (exc.args and isinstance(exc.args[0], str) and " " in exc.args[0]):
        fail("a failed lookup, not a documented error")
    if type(exc) is OSError and getattr(exc, "errno", None) is None:
        fail("an OSError that is no OS error")
    message = str(exc) if not isinstance(exc, ValidationError) else "validation error"
    if not message.strip() or "\n" in message.strip():
        fail("the message is not one line")


@contextmanager
def rejected_leaves_store_alone(graph: KnowledgeGraph) -> Iterator[list[BaseException]]:
    """Run the block; when it raises a clean error the store must be byte-identical to before."""
    before = snapshot(graph)
    caught: list[BaseException] = []
    try:
        yield caught
    except BaseException as exc:  # noqa: BLE001 - the contract is checked here
        check_clean(exc)
        caught.append(exc)
        assert snapshot(graph) == before, f"store changed after rejected input ({type(exc).__name__}: {exc})"


def need_chromium() -> str:
    path = "/usr/bin/chromium"
    if shutil.which(path) is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is missing (CI is set)")
        pytest.skip("chromium is missing")
    return path


CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


REPO = __import__("pathlib").Path(__file__).resolve().parents[2]


def kg_serve(store: str, *args: str) -> contextlib.AbstractContextManager[str]:
    """Run the real ``kg serve`` on loopback in a subprocess until the block ends; yields the base URL."""
    return servers.kg_serve(store, *args)


def raw_http(base: str, request_line: str, extra: bytes = b"") -> tuple[int, bytes]:
    """Send one request with an exact, unnormalised path; (status, body)."""
    import socket

    host, port = base.rsplit("//", 1)[1].split(":")
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        sock.sendall(f"{request_line}\r\nHost: {host}\r\nConnection: close\r\n".encode() + extra + b"\r\n")
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    return int(head.split(b" ", 2)[1]), body
