"""The ``GraphStore`` protocol every store implements.

Terms are pyoxigraph terms (``NamedNode``, ``Literal``, ``BlankNode``,
``Quad``); query results are pyoxigraph's ``QuerySolutions``,
``QueryBoolean`` or ``QueryTriples`` (a remote store parses the server's
response into the same types with ``pyoxigraph.parse_query_results``), so code
above the store never depends on which engine runs underneath.

Invariant: ``apply`` and ``load`` are atomic. Either every quad of the call is
written or none is, which is what makes one document or one claim one write.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Protocol, Union, runtime_checkable

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
