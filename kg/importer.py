"""``kg import``: load an RDF file all-or-nothing, never touching an assertion already stored.

Rules (docs/exchange.md):

* a named graph of the file must be new: adding to a graph the store already holds is refused (an import never
  rewrites a sourced assertion; repeating exactly what is stored changes nothing and is allowed), and so is a name in the project's ID space that is not an assertion IRI
  (``https://w3id.org/diplomacy-kg/id/assertion/<32 hex>``), which is reserved;
* a graph named by a blank node is refused (it would keep its edge in the view after a retraction);
* default-graph triples about a stored assertion (its grades, its evidence, a review record about it)
  are refused;
* the data is validated before anything is written: every file in a streaming pass (syntax, the rules
  above, the shapes' value ranges); a file under :data:`BULK_BYTES` also against the SHACL shapes together
  with what the store already says about the nodes it names (the result, not only the input).  Then one
  transaction writes it; a larger file goes through pyoxigraph's bulk loader, and a failure there drops
  the graphs it had started to write.

>>> from kg.api import KnowledgeGraph
>>> import tempfile, pathlib
>>> with tempfile.TemporaryDirectory() as d, KnowledgeGraph.open("memory:") as graph:
...     f = pathlib.Path(d, "x.nq")
...     _ = f.write_text('<https://example.org/a> <https://example.org/p> "v" <https://example.org/g> .\\n')
...     import_file(graph, f).quads
1
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pyoxigraph import BlankNode, DefaultGraph, Literal, NamedNode, Quad, RdfFormat, parse

from kg.events.view import EVENTS_GRAPH
from kg.rdf.ids import assertion_iri

#: Files from this size on go through the bulk loader (streaming checks only, no SHACL pass).
BULK_BYTES = 32 * 1024 * 1024
ID_SPACE = "https://w3id.org/diplomacy-kg/"
ASSERTION_SPACE = assertion_iri("0" * 32)[:-32]
_ASSERTION = re.compile(re.escape(ASSERTION_SPACE) + r"[0-9a-f]{32}$")
_DIP = "https://w3id.org/diplomacy-kg/ontology#"
_EVENTS = NamedNode(EVENTS_GRAPH)
_NON_NEGATIVE = {f"{_DIP}startOffset", f"{_DIP}endOffset", f"{_DIP}personCount"}
_RANGES: dict[str, Callable[[str], bool]] = {
    f"{_DIP}informationCredibility": lambda v: v.isdigit() and 1 <= int(v) <= 6,
    f"{_DIP}sourceReliability": lambda v: v in {"A", "B", "C", "D", "E", "F"},
    f"{_DIP}confidence": lambda v: _float(v) is not None and 0.0 <= _float(v) <= 1.0,  # type: ignore[operator]
}
_CHECKED = frozenset(NamedNode(p) for p in (*_NON_NEGATIVE, *_RANGES))
Progress = Callable[[int, int, int], None]  # (quads so far, bytes read, file size)


class ImportRefused(ValueError):
    """The file breaks an import rule; the one-line message names the file and the reason."""


@dataclass(frozen=True)
class ImportReport:
    """What an import wrote: quads read, named graphs, how it was loaded, and its speed."""

    quads: int
    graphs: int
    mode: str
    seconds: float
    written: int = 0

    @property
    def rate(self) -> float:
        """Quads per second over the whole import (validation included)."""
        return self.quads / self.seconds if self.seconds else 0.0


def import_file(graph: Any, path: Path, *, progress: Progress | None = None, bulk: bool | None = None) -> ImportReport:
    """Validate and load ``path`` into ``graph`` all-or-nothing (module docstring); ``bulk`` forces the path."""
    started = time.perf_counter()
    fmt = RdfFormat.from_extension(path.suffix.lstrip(".").lower())
    if fmt is None:
        raise ImportRefused(f"{path}: unknown RDF file extension {path.suffix!r} (use .ttl, .trig, .nq, .nt, .jsonld)")
    size = path.stat().st_size
    bulk = size >= BULK_BYTES if bulk is None else bulk
    check = _Checker(graph.store, path)
    kept: list[Quad] = []
    with path.open("rb") as handle:
        try:
            for i, q in enumerate(parse(handle, format=fmt), 1):
                q = q if isinstance(q, Quad) else Quad(q.subject, q.predicate, q.object, DefaultGraph())
                check.quad(q)
                if not bulk:
                    kept.append(q)
                if progress is not None and i % 100_000 == 0:
                    progress(i, handle.tell(), size)
        except SyntaxError as exc:
            raise ImportRefused(f"{path}: {' '.join(str(exc).split())}") from None
    to_write = check.finish(None if bulk else kept)
    if progress is not None:
        progress(check.count, size, size)
    if to_write is not None:
        from kg.rdf.validate import validate_quads

        validate_quads([*kept, *_context(graph.store, kept)], what=str(path))
        if to_write:
            graph.store.apply(to_write)
        return ImportReport(check.count, len(check.graphs), "transaction", time.perf_counter() - started,
                            len(to_write))
    _bulk_load(graph.store, path, fmt, check.graphs)
    return ImportReport(check.count, len(check.graphs), "bulk", time.perf_counter() - started, check.count)


class _Checker:
    """The streaming validation pass: graph names, assertions touched, value ranges."""

    def __init__(self, store: Any, path: Path) -> None:
        self.store, self.path = store, path
        self.graphs: set[NamedNode] = set()
        self.about: set[str] = set()
        self.count = 0
        self._last: Any = None
        self._default = False

    def quad(self, q: Quad) -> None:
        self.count += 1
        g = q.graph_name
        if g != self._last:
            self._last, self._default = g, isinstance(g, DefaultGraph)
            if isinstance(g, BlankNode):
                raise ImportRefused(f"{self.path}: quad {self.count}: a graph named by a blank node (_:{g.value}) "
                                    "is refused; name it with an IRI")
            if isinstance(g, NamedNode) and g not in self.graphs and g != _EVENTS:
                # the derived events index (kg.events) travels with a dump; `kg events update --full` rebuilds it
                if g.value.startswith(ID_SPACE) and not _ASSERTION.match(g.value):
                    raise ImportRefused(f"{self.path}: graph <{g.value}> is a reserved name "
                                        "(only assertion IRIs name graphs in the project's ID space)")
                self.graphs.add(g)
        if self._default:
            for term in (q.subject, q.object):
                if type(term) is NamedNode and term.value.startswith(ASSERTION_SPACE):
                    self.about.add(term.value.split("#", 1)[0])
        p = q.predicate
        if p in _CHECKED:
            self._value(p.value, q.object)

    def _value(self, predicate: str, obj: Any) -> None:
        """The shapes' value range of a checked property (offsets and counts, grades, confidence)."""
        if not isinstance(obj, Literal):
            return
        value = obj.value
        ok = value.lstrip("+").isdigit() if predicate in _NON_NEGATIVE else _RANGES[predicate](value)
        if not ok:
            name = predicate.rsplit("#", 1)[-1]
            raise ImportRefused(f"{self.path}: quad {self.count}: dip:{name} {value!r} is out of range")

    def finish(self, kept: list[Quad] | None) -> list[Quad] | None:
        """The quads still to write (``kept`` less what the store holds already); refuses changes to stored assertions.

        Repeating what the store holds is no change (re-importing the same file is allowed); adding to a stored
        graph, or saying anything new about a stored assertion, is refused.  ``kept`` is None on the bulk path,
        which cannot compare and refuses any graph the store already has.
        """
        existing = {g for g in self.graphs if self.store.contains_graph(g)}
        touched = {iri for iri in self.about - {g.value for g in self.graphs}
                   if self.store.contains_graph(NamedNode(iri))}
        if not existing and not touched:
            return kept
        if kept is None:
            name = sorted(g.value for g in existing)[0] if existing else sorted(touched)[0]
            raise ImportRefused(f"{self.path}: graph <{name}> already exists; an import never changes "
                                "a stored assertion (nothing was written)")
        new = [q for q in kept if not any(True for _ in self.store.quads(q.subject, q.predicate, q.object, q.graph_name))]
        for q in new:
            if isinstance(q.graph_name, NamedNode) and q.graph_name in existing:
                raise ImportRefused(f"{self.path}: graph <{q.graph_name.value}> already exists; an import never "
                                    "changes a stored assertion (nothing was written)")
            for term in (q.subject, q.object):
                if isinstance(term, NamedNode) and term.value.split("#", 1)[0] in touched:
                    raise ImportRefused(f"{self.path}: triples about the stored assertion <{term.value.split('#')[0]}> "
                                        "are refused; an import never changes a stored assertion (nothing was written)")
        return new


def _context(store: Any, quads: Iterable[Quad]) -> list[Quad]:
    """What the store's current view already says about the IRIs the input names (for validating the result)."""
    nodes = {t for q in quads for t in (q.subject, q.object) if isinstance(t, NamedNode)}
    return [c for node in nodes for c in store.quads(node, None, None, DefaultGraph())]


def _bulk_load(store: Any, path: Path, fmt: RdfFormat, graphs: set[NamedNode]) -> None:
    loader = getattr(store, "bulk_load", None)
    if loader is None:  # a remote store: one request, which the server applies as one transaction
        store.load(path.read_bytes(), fmt)
        return
    try:
        loader(path, fmt)
    except (OSError, SyntaxError, ValueError) as exc:
        for g in graphs:  # they did not exist before: dropping them undoes the partial load
            store.update(f"DROP SILENT GRAPH <{g.value}>")
        raise ImportRefused(f"{path}: bulk load failed ({' '.join(str(exc).split())}); its graphs were dropped") from None


def _float(value: str) -> float | None:
    try:
        return float(value)
    except ValueError:
        return None

