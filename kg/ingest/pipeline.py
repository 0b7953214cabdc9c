"""Ingest files into a knowledge graph: read, extract, one atomic write per document.

Idempotent: a document whose content hash is already stored is skipped, and
the graph skips assertions it holds, so re-ingesting changes nothing.  The same
text under a new URL is not extracted again but recorded as a copy of the stored
document (``copies``), so the second outlet counts as a source of its events.
After the writes, new reports are clustered into events (kg.events.update).  One
unreadable file is reported in the summary and the rest are ingested.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "a.txt").write_text("Talks\\nPresident Ann Lee spoke by phone with Raj Patel.")
>>> _ = (folder / "b.txt").write_bytes(b"")
>>> class Graph:  # the two methods ingest needs from kg.api.KnowledgeGraph
...     def __init__(self): self.docs = {}
...     def has_document(self, h): return h in self.docs
...     def add_document(self, d, assertions): self.docs[d.iri_hash] = assertions; return len(assertions)
>>> g = Graph()
>>> s = ingest_paths(g, [folder])
>>> (s.documents, s.failed, s.assertions, s.ok)
(1, 1, 1, False)
>>> ingest_paths(g, [folder / "a.txt"]).skipped
1
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from kg.extract.registry import DEFAULT_EXTRACTOR, get_extractor
from kg.ingest.batch import extract_batch as extract_batch  # moved to kg.ingest.batch; kept importable here
from kg.ingest.readers import ReaderError, iter_documents
from kg.model.core import Assertion, Document


class GraphLike(Protocol):
    """What ingest needs from :class:`kg.api.KnowledgeGraph`."""

    def has_document(self, doc_hash: str) -> bool: ...  # pragma: no cover

    def add_document(self, document: Document, assertions: Sequence[Assertion]) -> int: ...  # pragma: no cover


@dataclass
class IngestSummary:
    """Counts over one ingest run; ``errors`` are one-line messages naming files."""

    documents: int = 0
    skipped: int = 0
    copies: int = 0
    failed: int = 0
    assertions: int = 0
    actors: int = 0
    events: int = 0
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when nothing failed."""
        return self.failed == 0


def ingest_paths(graph: GraphLike, paths: Sequence[str | Path], *, extractor: str = DEFAULT_EXTRACTOR, published: Any = None,
                 url: str | None = None, on_progress: Callable[[str, str], None] | None = None) -> IngestSummary:
    """Read every file under ``paths``, extract, and store each new document atomically.

    ``on_progress(file, outcome)`` is called once per file (outcome: ``ingested``,
    ``skipped`` or ``failed``) so a CLI can drive a progress bar.
    """
    ex = get_extractor(extractor)
    summary = IngestSummary()
    actors: set[str] = set()
    for f, result in iter_documents(list(paths), published=published, url=url, warnings=summary.warnings):
        outcome = "skipped"
        if isinstance(result, ReaderError):
            summary.failed += 1
            summary.errors.append(str(result))
            outcome = "failed"
        else:
            fresh = []
            for doc in result:
                if graph.has_document(doc.iri_hash):
                    if _record_copy(graph, doc):
                        summary.copies += 1
                        outcome = "ingested"
                    else:
                        summary.skipped += 1
                else:
                    fresh.append(doc)
            try:
                found = extract_batch(ex, fresh)
            except Exception as exc:  # noqa: BLE001 - one file the extractor fails on never stops a folder
                summary.failed += 1
                summary.errors.append(f"{f}: extraction failed: {type(exc).__name__}: {_first_line(exc)}")
                found, outcome = [], "failed"
            for doc, assertions in zip(fresh, found):
                try:
                    added = graph.add_document(doc, assertions)
                except Exception as exc:  # noqa: BLE001 - one bad document never stops a folder
                    summary.failed += 1
                    summary.errors.append(f"{f}: {type(exc).__name__}: {_first_line(exc)}")
                    outcome = "failed"
                    continue
                summary.documents += 1
                summary.assertions += added
                summary.events += sum(1 for a in assertions if a.claim.relation != "advises")
                for a in assertions:
                    for ref in (a.claim.subject, a.claim.obj, *a.claim.co_subjects, *a.claim.co_objects):
                        if ref is not None and ref.type != "Group":
                            actors.add(ref.canonical_iri())
                if outcome != "failed":
                    outcome = "ingested"
        if on_progress is not None:
            on_progress(f, outcome)
    summary.actors = len(actors)
    if summary.documents or summary.copies:
        _cluster_events(graph, summary)
    return summary


def _record_copy(graph: GraphLike, document: Document) -> bool:
    """Record a known text under a new URL as a copy (only on a real graph with a store)."""
    if not hasattr(graph, "store"):
        return False
    from kg.events.copies import record_copy

    return record_copy(graph, document)  # type: ignore[arg-type]


def _cluster_events(graph: GraphLike, summary: IngestSummary) -> None:
    """Store the event judgements of the new reports; a failure is a warning, the documents stay."""
    if not hasattr(graph, "store"):
        return
    from kg.events import update

    try:
        update(graph)  # type: ignore[arg-type]
    except Exception as exc:  # noqa: BLE001 - clustering is derived data; ingest has succeeded
        summary.warnings.append(f"event clustering: {type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}")


def _first_line(exc: BaseException) -> str:
    text = str(exc)
    return text.splitlines()[0][:300] if text.strip() else ""


def total_files(paths: Sequence[str | Path]) -> int:
    """How many files ``ingest_paths`` will visit (for a progress bar)."""
    from kg.ingest.readers import expand_paths

    return len(expand_paths(list(paths)))
