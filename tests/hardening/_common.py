"""Shared pieces of the hardening tests: the clean-error contract and store snapshots."""

from __future__ import annotations

import os
import shutil
from contextlib import contextmanager
from collections.abc import Iterator

import pytest
from pyoxigraph import RdfFormat

from kg.api import KnowledgeGraph
from kg.cli.common import _known_errors

#: Exceptions the CLI turns into one ``error: ...`` line (kg/cli/common.py); anything else is a crash.
CLEAN = _known_errors()
#: Examples per fuzz family; KG_FUZZ_EXAMPLES raises it for long runs (bench/bench_soak.py).
EXAMPLES = int(os.environ.get("KG_FUZZ_EXAMPLES", "1000"))


def snapshot(graph: KnowledgeGraph) -> bytes:
    """The whole dataset as N-Quads: byte-identical means nothing was written."""
    return graph.export(RdfFormat.N_QUADS)


def check_clean(exc: BaseException) -> None:
    """Fail unless ``exc`` is one the CLI reports as one line (and its message is one line)."""
    if not isinstance(exc, CLEAN):
        raise AssertionError(f"unclean exception {type(exc).__module__}.{type(exc).__name__}: {exc!r}"[:600]) from exc


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
