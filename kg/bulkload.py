"""The bulk path of ``kg import``: pyoxigraph's ``Store.bulk_load``, checked by the streaming pass, undone on failure.

The bulk loader is fast because it is not transactional: it writes sorted files straight into the store, and a
failure in the middle leaves what it wrote.  So nothing reaches it unchecked, and what it wrote can always be
taken back:

* **Empty store** (a restore, a migration, a first load): the loader runs in a thread (its Rust threads work
  without Python's lock) *beside* the streaming check of :func:`kg.importer.scan`, which then costs no extra
  time.  The check parses strictly and the loader leniently (the loader takes longer, so the parser's own
  checks go to the check's side).  If either fails, the store is emptied again (``DROP ALL``: it was empty),
  so nothing half-written remains.
* **Store with data**: the strict streaming check runs first and refuses any graph the store already holds;
  then the loader reads the file leniently (it has just been parsed strictly), and if it still fails (disk
  full, I/O error), the graphs it started are dropped: they did not exist before.

>>> from kg.api import KnowledgeGraph
>>> from kg.importer import import_file
>>> import tempfile, pathlib
>>> with tempfile.TemporaryDirectory() as d, KnowledgeGraph.open("memory:") as graph:
...     f = pathlib.Path(d, "x.nq")
...     _ = f.write_text('<https://example.org/a> <https://example.org/p> "v" <https://example.org/g> .\\n')
...     report = import_file(graph, f, bulk=True)
...     report.mode, report.quads, len(graph.store)
('bulk beside the check', 1, 1)
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pyoxigraph import RdfFormat

from kg.import_refusal import ImportRefused, Progress, syntax_refusal

#: ``scan(phase)``: the strict streaming check (kg.importer.scan bound to the store and file).
Scan = Callable[[str], Any]


def load_checked(store: Any, path: Path, fmt: RdfFormat, scan: Scan, *,
                 progress: Progress | None = None) -> tuple[Any, str]:
    """Check and bulk-load ``path`` into ``store`` all-or-nothing; returns the check's result and the way taken."""
    if is_empty(store):
        return _beside(store, path, fmt, scan, progress), "bulk beside the check"
    check = scan("checking")
    check.finish(None)  # refuses a graph the store holds, and triples about a stored assertion
    if progress is not None:
        progress("loading", check.count, 0, 0)
    try:
        store.bulk_load(path, fmt, lenient=True)
    except (OSError, SyntaxError, ValueError) as exc:
        for g in check.graphs:  # they did not exist before: dropping them undoes the partial load
            store.update(f"DROP SILENT GRAPH {g}")  # a NamedNode the strict parse accepted, written by pyoxigraph
        raise ImportRefused(f"{path}: bulk load failed ({' '.join(str(exc).split())}); "
                            "the graphs it started were dropped") from None
    return check, "bulk after the check"


def is_empty(store: Any) -> bool:
    """True when ``store`` holds no quad and no named graph (so emptying it again undoes a load exactly).

    >>> from kg.store.oxigraph_store import OxigraphStore
    >>> is_empty(OxigraphStore(None))
    True
    """
    return not bool(store.query("ASK { { ?s ?p ?o } UNION { GRAPH ?g { } } }"))


def _beside(store: Any, path: Path, fmt: RdfFormat, scan: Scan, progress: Progress | None) -> Any:
    """The loader in a thread while the check runs here; any failure empties the store again."""
    failed: list[BaseException] = []

    def load() -> None:
        try:
            store.bulk_load(path, fmt, lenient=True)  # the strict check beside it has the syntax
        except BaseException as exc:  # noqa: BLE001 - handed to the main thread, which undoes and reports it
            failed.append(exc)

    loader = threading.Thread(target=load, name="kg-bulk-load")
    loader.start()
    try:
        check = scan("checking and loading")
        if progress is not None:
            progress("loading", check.count, 0, 0)
    except BaseException:
        _undo(store, loader, progress)
        raise
    _wait(loader)
    if failed:
        _undo(store, loader, progress)
        exc = failed[0]
        if isinstance(exc, SyntaxError):
            raise syntax_refusal(path, exc) from None
        raise ImportRefused(f"{path}: bulk load failed ({' '.join(str(exc).split())}); nothing was kept") from None
    return check


def _wait(loader: threading.Thread) -> None:
    """Join the loader; an interrupt (Ctrl-C) is passed on only after it ends (it cannot be stopped midway)."""
    interrupted: BaseException | None = None
    while loader.is_alive():
        try:
            loader.join()
        except KeyboardInterrupt as exc:
            interrupted = exc
    if interrupted is not None:
        raise interrupted


def _undo(store: Any, loader: threading.Thread, progress: Progress | None) -> None:
    """Wait for the loader, then empty the store (it was empty before this import)."""
    if progress is not None:
        progress("undoing (the loader finishes first)", 0, 0, 0)
    try:
        _wait(loader)
    finally:
        store.update("DROP ALL")
