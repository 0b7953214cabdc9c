"""``kg import``: load an RDF file all-or-nothing, never touching an assertion already stored.

Rules (docs/exchange.md):

* a named graph of the file must be new: adding to a graph the store already holds is refused (an import never
  rewrites a sourced assertion; repeating exactly what is stored changes nothing and is allowed), and so is a name in the project's ID space that is not an assertion IRI
  (``https://w3id.org/diplomacy-kg/id/assertion/<32 hex>``), which is reserved;
* a graph named by a blank node is refused (it would keep its edge in the view after a retraction);
* default-graph triples about a stored assertion (its grades, its evidence, a review record about it)
  are refused;
* the data is validated before anything is kept: every file in a streaming pass (syntax, the rules above, the
  shapes' value ranges); a file under :data:`BULK_BYTES` also against the SHACL shapes together with what the
  store already says about the nodes it names (the result, not only the input), then one transaction writes it.
  A larger file goes through pyoxigraph's bulk loader (:mod:`kg.bulkload`).

Bad input is refused with one line naming the file and the line: ``data.nq:3: dip:startOffset '-3' is out of
range``.

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
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from pyoxigraph import BlankNode, DefaultGraph, Literal, NamedNode, Quad, RdfFormat, parse

from kg.events.view import EVENTS_GRAPH
from kg.import_refusal import ImportRefused, Progress, syntax_refusal
from kg.rdf.ids import assertion_iri
from kg.store.base import writer

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
PROGRESS_EVERY = 100_000


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
    store = graph.store
    with writer(store):  # the store's one writer from the first check to the last write
        return _import(store, path, fmt, started, progress, bulk)


def _import(store: Any, path: Path, fmt: RdfFormat, started: float, progress: Progress | None,
            bulk: bool) -> ImportReport:
    if bulk and hasattr(store, "bulk_load"):
        from kg.bulkload import load_checked

        check, mode = load_checked(store, path, fmt, lambda phase: scan(store, path, fmt, phase=phase, progress=progress),
                                   progress=progress)
        return ImportReport(check.count, len(check.graphs), mode, time.perf_counter() - started, check.count)
    check = scan(store, path, fmt, keep=not bulk, progress=progress)
    to_write = check.finish(None if bulk else check.kept)
    if to_write is None:  # a remote store on the bulk path: one request, which the server applies as one transaction
        store.load(path.read_bytes(), fmt)
        return ImportReport(check.count, len(check.graphs), "bulk", time.perf_counter() - started, check.count)
    from kg.rdf.validate import validate_quads

    kept = check.kept or []
    validate_quads([*kept, *_context(store, kept)], what=str(path))
    if to_write:
        store.apply(to_write)
    return ImportReport(check.count, len(check.graphs), "transaction", time.perf_counter() - started, len(to_write))


def scan(store: Any, path: Path, fmt: RdfFormat, *, keep: bool = False, phase: str = "checking",
         progress: Progress | None = None) -> _Checker:
    """The streaming validation pass over ``path`` (constant memory unless ``keep``); raises :class:`ImportRefused`."""
    check = _Checker(store, path, fmt, keep=keep)
    size = path.stat().st_size
    with path.open("rb") as handle:
        try:
            check.run(_quads(parse(handle, format=fmt), fmt), handle, size, phase, progress)
        except SyntaxError as exc:
            raise syntax_refusal(path, exc) from None
    if progress is not None:
        progress(phase, check.count, size, size)
    return check


def line_of(path: Path, fmt: RdfFormat, n: int) -> int | None:
    """The line on which the ``n``-th statement of ``path`` ends (re-reads the file: for error messages only).

    >>> import tempfile, pathlib
    >>> with tempfile.TemporaryDirectory() as d:
    ...     f = pathlib.Path(d, "x.trig")
    ...     _ = f.write_text('@prefix e: <https://e.org/> .\\n\\ne:g {\\n  e:a e:p "1" ;\\n    e:q "2" .\\n}\\n')
    ...     line_of(f, RdfFormat.TRIG, 2)
    5
    """
    with path.open("rb") as handle:
        reader = _LineReader(handle)
        try:
            for i, _ in enumerate(parse(reader, format=fmt, lenient=True), 1):  # type: ignore[arg-type]
                if i == n:
                    return reader.lines
        except SyntaxError:
            return None
    return None


class _LineReader:
    """Hands the parser at most one line a read, counting them (a statement's line is the count when it comes out)."""

    def __init__(self, handle: IO[bytes]) -> None:
        self.handle, self.lines = handle, 0

    def read(self, size: int = -1) -> bytes:
        line = self.handle.readline(size if size > 0 else -1)
        if line.endswith(b"\n"):
            self.lines += 1
        return line


def _quads(items: Iterable[Any], fmt: RdfFormat) -> Iterator[Quad]:
    """Quads of a dataset format as they come; triples of a graph format put in the default graph."""
    if fmt.supports_datasets:
        return iter(items)
    default = DefaultGraph()
    return (Quad(t.subject, t.predicate, t.object, default) for t in items)


class _Checker:
    """The streaming validation pass: graph names, assertions touched, value ranges."""

    def __init__(self, store: Any, path: Path, fmt: RdfFormat, *, keep: bool = False) -> None:
        self.store, self.path, self.fmt = store, path, fmt
        self.graphs: dict[NamedNode, int] = {}  # graph -> number of its first quad (for the error's line)
        self.about: dict[str, int] = {}  # stored-assertion candidates named in the default graph -> first quad
        self.count = 0
        self.kept: list[Quad] | None = [] if keep else None

    def run(self, quads: Iterator[Quad], handle: IO[bytes], size: int, phase: str, progress: Progress | None) -> None:
        """Check every quad (one tight loop: this pass runs at the parser's pace on large files)."""
        graphs, about, checked, kept = self.graphs, self.about, _CHECKED, self.kept
        space, named = ASSERTION_SPACE, NamedNode
        last: Any = None
        default = False
        n = self.count
        try:
            for q in quads:
                n += 1
                g = q.graph_name
                if g != last:
                    last, default = g, isinstance(g, DefaultGraph)
                    if not default and g not in graphs:
                        self._new_graph(g, n)
                if default:
                    s, o = q.subject, q.object
                    if type(s) is named and s.value.startswith(space):
                        about.setdefault(s.value.split("#", 1)[0], n)
                    if type(o) is named and o.value.startswith(space):
                        about.setdefault(o.value.split("#", 1)[0], n)
                p = q.predicate
                if p in checked:
                    self._value(p.value, q.object, n)
                if kept is not None:
                    kept.append(q)
                if progress is not None and not n % PROGRESS_EVERY:
                    progress(phase, n, handle.tell(), size)
        finally:
            self.count = n

    def refuse(self, n: int, message: str) -> ImportRefused:
        """``FILE:LINE: message`` for the ``n``-th quad."""
        line = line_of(self.path, self.fmt, n)
        return ImportRefused(f"{self.path}:{line}: {message}" if line else f"{self.path}: quad {n}: {message}")

    def _new_graph(self, g: Any, n: int) -> None:
        if g == _EVENTS:  # the derived events index (kg.events) travels with a dump; not an assertion graph
            return
        if isinstance(g, BlankNode):
            raise self.refuse(n, f"a graph named by a blank node (_:{g.value}) is refused; name it with an IRI")
        if g.value.startswith(ID_SPACE) and not _ASSERTION.match(g.value):
            raise self.refuse(n, f"graph <{g.value}> is a reserved name "
                                 "(only assertion IRIs name graphs in the project's ID space)")
        self.graphs[g] = n

    def _value(self, predicate: str, obj: Any, n: int) -> None:
        """The shapes' value range of a checked property (offsets and counts, grades, confidence)."""
        if not isinstance(obj, Literal):
            return
        value = obj.value
        ok = value.lstrip("+").isdigit() if predicate in _NON_NEGATIVE else _RANGES[predicate](value)
        if not ok:
            raise self.refuse(n, f"dip:{predicate.rsplit('#', 1)[-1]} {value!r} is out of range")

    def finish(self, kept: list[Quad] | None) -> list[Quad] | None:
        """The quads still to write (``kept`` less what the store holds already); refuses changes to stored assertions.

        Repeating what the store holds is no change (re-importing the same file is allowed); adding to a stored
        graph, or saying anything new about a stored assertion, is refused.  ``kept`` is None on the bulk path,
        which cannot compare and refuses any graph the store already has.
        """
        graphs = self.graphs
        existing = {g: n for g, n in graphs.items() if self.store.contains_graph(g)}
        touched = {iri: n for iri, n in self.about.items()
                   if NamedNode(iri) not in graphs and self.store.contains_graph(NamedNode(iri))}
        if not existing and not touched:
            return kept
        if kept is None:
            if existing:
                g, n = min(existing.items(), key=lambda item: item[1])
                raise self.refuse(n, f"graph <{g.value}> already exists; an import never changes a stored "
                                     "assertion (nothing was written)")
            iri, n = min(touched.items(), key=lambda item: item[1])
            raise self.refuse(n, f"triples about the stored assertion <{iri}> are refused; an import never changes "
                                 "a stored assertion (nothing was written)")
        new = []
        for n, q in enumerate(kept, 1):
            if any(True for _ in self.store.quads(q.subject, q.predicate, q.object, q.graph_name)):
                continue
            if isinstance(q.graph_name, NamedNode) and q.graph_name in existing:
                raise self.refuse(n, f"graph <{q.graph_name.value}> already exists; an import never changes a "
                                     "stored assertion (nothing was written)")
            for term in (q.subject, q.object):
                if isinstance(term, NamedNode) and term.value.split("#", 1)[0] in touched:
                    raise self.refuse(n, f"triples about the stored assertion <{term.value.split('#')[0]}> are "
                                         "refused; an import never changes a stored assertion (nothing was written)")
            new.append(q)
        return new


def _context(store: Any, quads: Iterable[Quad]) -> list[Quad]:
    """What the store's current view already says about the IRIs the input names (for validating the result)."""
    nodes = {t for q in quads for t in (q.subject, q.object) if isinstance(t, NamedNode)}
    return [c for node in nodes for c in store.quads(node, None, None, DefaultGraph())]


def _float(value: str) -> float | None:
    try:
        return float(value)
    except ValueError:
        return None
