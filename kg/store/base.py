"""The ``GraphStore`` protocol every store implements.

Terms are pyoxigraph terms (``NamedNode``, ``Literal``, ``BlankNode``,
``Quad``); query results are pyoxigraph's ``QuerySolutions``,
``QueryBoolean`` or ``QueryTriples`` (a remote store parses the server's
response into the same types with ``pyoxigraph.parse_query_results``), so code
above the store never depends on which engine runs underneath.

Invariant: ``apply`` and ``load`` are atomic. Either every quad of the call is
written or none is, which is what makes one document or one claim one write.

A write that reads first (insert an assertion unless present, a decision and its view maintenance)
runs inside :func:`writer`: one writer per store, shared by every face of the process (CLI, web desk,
HTTP API) and, for a remote store, by every process of the machine (a lock file).  The write itself is
one SPARQL UPDATE (:func:`insert_unless_present`) so the server computes what it depends on.

>>> from pyoxigraph import NamedNode, Quad, Literal
>>> g = NamedNode("http://ex/g")
>>> text = insert_unless_present([(g, [Quad(NamedNode("http://ex/a"), NamedNode("http://ex/p"), Literal("x"), g)])])
>>> "FILTER NOT EXISTS { GRAPH <http://ex/g>" in text
True
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import tempfile
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, Protocol, Union, runtime_checkable

from pyoxigraph import (
    BlankNode,
    DefaultGraph,
    Literal,
    NamedNode,
    Quad,
    QueryBoolean,
    QuerySolutions,
    QueryTriples,
    RdfFormat,
)

Term = Union[NamedNode, BlankNode, Literal]
GraphName = Union[NamedNode, BlankNode, DefaultGraph]
QueryResult = Union[QuerySolutions, QueryBoolean, QueryTriples]


class StoreError(Exception):
    """A store could not be opened, read or written; the message is one line."""


class StoreLockedError(StoreError):
    """Another process holds the embedded store's write lock."""


@runtime_checkable
class GraphStore(Protocol):
    """What diplomacy-kg needs from a quad store."""

    name: str

    def apply(self, add: Sequence[Quad], remove: Sequence[Quad] = ()) -> None:
        """Atomically remove ``remove`` then add ``add``."""

    def query(self, sparql: str, *, bindings: Mapping[str, Term] | None = None) -> QueryResult:
        """Run a SPARQL 1.1 query; ``bindings`` are substituted as RDF terms, never as text."""

    def update(self, sparql: str) -> None:
        """Run a SPARQL 1.1 update atomically."""

    def quads(
        self,
        subject: Term | None = None,
        predicate: NamedNode | None = None,
        obj: Term | None = None,
        graph: GraphName | None = None,
    ) -> Iterator[Quad]:
        """Quads matching a pattern (``None`` is a wildcard)."""

    def contains_graph(self, graph: NamedNode) -> bool:
        """True when the named graph exists."""

    def dump(self, fmt: RdfFormat) -> bytes:
        """Serialise the whole dataset (a quad format) or the default graph (a triple format)."""

    def load(self, data: bytes, fmt: RdfFormat) -> None:
        """Atomically add parsed data; nothing is written if parsing fails."""

    def __len__(self) -> int:
        """Number of quads."""

    def close(self) -> None:
        """Release files and locks."""


def extend_atomic(store: GraphStore, quads: Iterable[Quad]) -> None:
    """Add ``quads`` in one atomic write."""
    store.apply(list(quads))


def quad_text(q: Quad) -> str:
    """A quad as SPARQL update data (terms serialised, so escaped, by pyoxigraph)."""
    triple = f"{q.subject} {q.predicate} {q.object} ."
    if isinstance(q.graph_name, DefaultGraph):
        return triple
    return f"GRAPH {q.graph_name} {{ {triple} }}"


def insert_unless_present(groups: Sequence[tuple[NamedNode, Sequence[Quad]]], always: Sequence[Quad] = ()) -> str:
    """One SPARQL UPDATE: ``always`` inserted, each group's quads inserted unless its graph already exists.

    The server decides "already present" inside the one transaction that writes, so a writer that
    shares no lock with us still cannot add a second grade to an assertion it did not see.
    """
    ops = []
    if always:
        ops.append("INSERT DATA { " + " ".join(quad_text(q) for q in always) + " }")
    for graph, quads in groups:
        if quads:
            ops.append("INSERT { " + " ".join(quad_text(q) for q in quads) + " } WHERE { FILTER NOT EXISTS { "
                       f"GRAPH {graph} {{ ?_s ?_p ?_o }} }} }}")
    return " ;\n".join(ops)


_LOCKS: dict[str, threading.RLock] = {}
_DEPTH: dict[str, int] = {}
_GUARD = threading.Lock()


def store_key(store: Any) -> str:
    """What identifies a store for its writer: the update URL, the store folder, else the object."""
    url = getattr(store, "update_url", None)
    if url:
        return f"remote:{url}"
    path = getattr(store, "path", None)
    if path is not None:
        return f"path:{Path(path).resolve()}"
    return f"object:{id(store)}"


@contextlib.contextmanager
def writer(store: Any) -> Iterator[None]:
    """Hold the store's one writer for a read-then-write sequence (reentrant within a thread).

    Threads of a process share one lock per store; for a remote store processes of the machine also
    share a lock file (an embedded store on disk is already one process's, by its own lock file).

    >>> from kg.store.oxigraph_store import OxigraphStore
    >>> s = OxigraphStore(None)
    >>> with writer(s):
    ...     with writer(s):
    ...         True
    True
    """
    key = store_key(store)
    with _GUARD:
        lock = _LOCKS.setdefault(key, threading.RLock())
    with lock:
        outer = _DEPTH.get(key, 0) == 0
        _DEPTH[key] = _DEPTH.get(key, 0) + 1
        try:
            if outer and key.startswith("remote:"):
                with _machine_lock(key):
                    yield
            else:
                yield
        finally:
            _DEPTH[key] -= 1


@contextlib.contextmanager
def _machine_lock(key: str) -> Iterator[None]:
    folder = Path(tempfile.gettempdir()) / f"kg-writers-{os.getuid()}"
    folder.mkdir(mode=0o700, exist_ok=True)
    path = folder / (hashlib.sha256(key.encode()).hexdigest()[:24] + ".lock")
    with open(path, "a+", encoding="utf-8") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
