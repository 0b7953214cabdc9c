"""The embedded default (pyoxigraph on disk) and the in-memory store for tests.

The on-disk store takes an exclusive ``fcntl`` lock on ``<dir>/kg.lock``
holding the owner's PID, so a second process gets a clear "locked by PID"
error instead of RocksDB's lock message.  A store directory the user cannot
write opens read-only (``read_only``): a shared lock on an existing lock file,
no file written, and writes fail with one line.

>>> s = OxigraphStore(None)
>>> from pyoxigraph import NamedNode, Quad, Literal, DefaultGraph
>>> s.apply([Quad(NamedNode("http://ex/a"), NamedNode("http://ex/p"), Literal("x"), DefaultGraph())])
>>> len(s)
1
>>> bool(s.query("ASK { ?s ?p 'x' }"))
True
"""

from __future__ import annotations

import fcntl
import os
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO

from pyoxigraph import NamedNode, Quad, RdfFormat, Store

from kg.query.bindings import inject_values
from kg.store.base import GraphName, QueryResult, StoreError, StoreLockedError, Term, quad_text

LOCK_FILE = "kg.lock"


class OxigraphStore:
    """A pyoxigraph ``Store``: on disk at ``path``, or in memory when ``path`` is None."""

    def __init__(self, path: str | os.PathLike[str] | None) -> None:
        # Held while a write runs, and by kg.server.worker while it forks: a child forked in the middle of a
        # write would inherit the engine's locks held by a thread that does not exist in it, and hang.
        self.fork_guard = threading.Lock()
        self.path = Path(path) if path is not None else None
        self.name = "oxigraph" if path is not None else "memory"
        self._lock: IO[str] | None = None
        self.read_only = False
        if self.path is None:
            self._store = Store()
            return
        if self.path.exists() and not self.path.is_dir():
            raise StoreError(f"store path {self.path} is a file, not a store directory")
        try:
            self.path.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"store path {self.path}: cannot create directory ({exc.strerror})") from None
        self.read_only = not os.access(self.path, os.W_OK)
        self._lock = _take_shared_lock(self.path / LOCK_FILE) if self.read_only else _take_lock(self.path / LOCK_FILE)
        try:
            self._store = Store.read_only(str(self.path)) if self.read_only else Store(str(self.path))
        except OSError as exc:
            self._release()
            raise StoreError(f"store {self.path}: cannot open ({exc})") from None

    # -- writes -------------------------------------------------------------------------
    def apply(self, add: Sequence[Quad], remove: Sequence[Quad] = ()) -> None:
        with self.fork_guard:
            self._apply(add, remove)

    def _apply(self, add: Sequence[Quad], remove: Sequence[Quad] = ()) -> None:
        if not remove:
            self._store.extend(add)  # pyoxigraph: extend is one transaction
            return
        # One SPARQL update is one transaction; terms are serialised by pyoxigraph (escaped).
        self._store.update(_delete_insert(remove, add))

    def update(self, sparql: str) -> None:
        with self.fork_guard:
            self._store.update(sparql)

    def load(self, data: bytes, fmt: RdfFormat) -> None:
        # Store.load is transactional: a parse error leaves the store untouched.
        with self.fork_guard:
            self._store.load(data, format=fmt)

    def bulk_load(self, path: str | os.PathLike[str], fmt: RdfFormat, *, lenient: bool = False) -> None:
        """pyoxigraph's bulk loader (fast, not transactional: validate first; kg.bulkload does).

        ``lenient`` skips the parser's IRI and literal checks (for a file that was just parsed strictly).
        """
        with self.fork_guard:
            self._store.bulk_load(path=str(path), format=fmt, lenient=lenient)

    # -- reads --------------------------------------------------------------------------
    def query(self, sparql: str, *, bindings: Mapping[str, Term] | None = None,
              default_graphs: Sequence[NamedNode] | None = None,
              named_graphs: Sequence[NamedNode] | None = None) -> QueryResult:
        if bindings:
            sparql = inject_values(sparql, bindings)
        if default_graphs is None and named_graphs is None:
            return self._store.query(sparql)
        # A protocol-named dataset (default-graph-uri / named-graph-uri): exactly those graphs.
        return self._store.query(sparql, default_graph=list(default_graphs or []), named_graphs=list(named_graphs or []))

    def quads(
        self,
        subject: Term | None = None,
        predicate: NamedNode | None = None,
        obj: Term | None = None,
        graph: GraphName | None = None,
    ) -> Iterator[Quad]:
        return iter(self._store.quads_for_pattern(subject, predicate, obj, graph))  # type: ignore[arg-type]

    def contains_graph(self, graph: NamedNode) -> bool:
        return self._store.contains_named_graph(graph)

    def dump(self, fmt: RdfFormat) -> bytes:
        if fmt.supports_datasets:
            data = self._store.dump(format=fmt)
        else:
            from pyoxigraph import DefaultGraph

            data = self._store.dump(format=fmt, from_graph=DefaultGraph())
        return data or b""

    def __len__(self) -> int:
        return len(self._store)

    def close(self) -> None:
        if self.path is not None and hasattr(self, "_store") and not self.read_only:
            self._store.flush()
            del self._store
        self._release()

    def _release(self) -> None:
        if self._lock is not None:
            fcntl.flock(self._lock, fcntl.LOCK_UN)
            self._lock.close()
            self._lock = None


def _take_lock(lock_path: Path) -> IO[str]:
    handle = open(lock_path, "a+", encoding="utf-8")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        owner = _owner(handle)
        handle.close()
        raise StoreLockedError(f"store {lock_path.parent} is locked by PID {owner}") from None
    handle.seek(0)
    handle.truncate()
    handle.write(str(os.getpid()))
    handle.flush()
    return handle


def _owner(handle: IO[str]) -> str:
    """The PID in a lock file another process holds.

    The holder writes its PID just after taking the lock, so a racer can find the file empty for an
    instant: read again for up to 0.2 s before saying "unknown".
    """
    for _ in range(20):
        handle.seek(0)
        owner = handle.read().strip()
        if owner:
            return owner
        time.sleep(0.01)
    return "unknown"


def _take_shared_lock(lock_path: Path) -> IO[str] | None:
    """A shared lock for a reader that cannot write the store: waits for no one, fails while a writer holds it."""
    try:
        handle = open(lock_path, encoding="utf-8")
    except FileNotFoundError:
        return None  # no writer ever opened it, and none can while the directory stays read-only for us
    try:
        fcntl.flock(handle, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        owner = _owner(handle)
        handle.close()
        raise StoreLockedError(f"store {lock_path.parent} is locked by PID {owner}") from None
    return handle


def _delete_insert(remove: Sequence[Quad], add: Sequence[Quad]) -> str:
    parts = []
    if remove:
        parts.append("DELETE DATA { " + " ".join(quad_text(q) for q in remove) + " }")
    if add:
        parts.append("INSERT DATA { " + " ".join(quad_text(q) for q in add) + " }")
    return " ;\n".join(parts)
