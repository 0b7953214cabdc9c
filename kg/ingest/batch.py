"""Extract a set of paths: documents read from files, folders or stdin, extracted in batches, nothing stored.

:func:`extract_paths` is the library call behind ``kg extract`` (it lives in :mod:`kg.ingest`, next to
:func:`kg.ingest.pipeline.ingest_paths`, because it reads files; :mod:`kg.extract` never imports
:mod:`kg.ingest`): it reads every file under the paths
(:func:`kg.ingest.readers.iter_documents`), runs the extractor over documents in batches (``nlp.pipe``
through ``extract_many`` when the extractor has it) and yields, in input order, one :class:`Extracted` per
document and one :class:`InputError` per input that could not be read or extracted; one bad input never
stops the rest.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "a.txt").write_text("Talks\\nPresident Ann Lee spoke by phone with Raj Patel.")
>>> _ = (folder / "b.txt").write_bytes(b"")
>>> done, failed = extract_paths([folder], extractor="rules", url="https://example.org/a")
>>> done.source, [a.claim.relation for a in done.assertions]
('https://example.org/a', ['talksWith'])
>>> failed.path.endswith("b.txt"), str(failed).startswith(failed.path)
(True, True)
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.extract.registry import DEFAULT_EXTRACTOR, Extractor, get_extractor
from kg.ingest.readers import ReaderError, iter_documents
from kg.ingest.split import extract_in_parts
from kg.model.core import Assertion, Document

#: documents per extractor batch (one ``nlp.pipe`` call)
BATCH = 64


@dataclass(frozen=True)
class Extracted:
    """One document's assertions: ``path`` the file it was read from (``-`` stdin), ``source`` what to cite
    (the URL given, else the path)."""

    path: str
    source: str
    document: Document
    assertions: list[Assertion]


@dataclass(frozen=True)
class InputError:
    """An input that could not be read or extracted; ``message`` is one line naming it."""

    path: str
    message: str

    def __str__(self) -> str:
        return self.message


def extract_batch(extractor: Any, documents: Sequence[Document]) -> list[list[Assertion]]:
    """Assertions per document, through ``extract_many`` (``nlp.pipe``) when the extractor has it.

    >>> [len(x) for x in extract_batch(get_extractor("rules"), [Document.from_text("T\\nAnn Lee met Raj Patel.")])]
    [1]
    """
    many = getattr(extractor, "extract_many", None)

    def run(docs: Sequence[Document]) -> list[list[Assertion]]:
        if many is not None and len(docs) > 1:
            return [list(batch) for batch in many(docs)]
        return [list(extractor.extract(d)) for d in docs]

    return extract_in_parts(run, documents)  # texts over spaCy's limit go in parts (kg.ingest.split)


def extract_paths(paths: Sequence[str | Path], *, extractor: str | Extractor = DEFAULT_EXTRACTOR,
                  published: Any = None, url: str | None = None, warnings: list[str] | None = None,
                  batch: int = BATCH) -> Iterator[Extracted | InputError]:
    """Read and extract every file under ``paths`` (folders recursively, ``-`` stdin); nothing is stored.

    ``published`` and ``url`` override the files' own; readers' warnings are appended to ``warnings`` as
    they arise.  Documents go to the extractor ``batch`` at a time; results come out in input order.  When
    a batch fails, its documents are extracted one by one, so the error names the one file that failed.
    """
    ex = get_extractor(extractor) if isinstance(extractor, str) else extractor
    pending: list[tuple[str, Document]] = []

    def flush() -> Iterator[Extracted | InputError]:
        docs = [d for _, d in pending]
        try:
            results: list[list[Assertion] | InputError] = list(extract_batch(ex, docs))
        except Exception:  # noqa: BLE001 - find the input that fails, extract the others
            results = [_one(ex, f, d) for f, d in pending]
        for (f, doc), found in zip(pending, results):
            yield found if isinstance(found, InputError) else Extracted(f, url or f, doc, found)
        pending.clear()

    for f, result in iter_documents(list(paths), published=published, url=url, warnings=warnings):
        if isinstance(result, ReaderError):
            yield from flush()
            yield InputError(f, str(result))
            continue
        pending.extend((f, doc) for doc in result)
        if len(pending) >= batch:
            yield from flush()
    yield from flush()


def _one(extractor: Any, path: str, document: Document) -> list[Assertion] | InputError:
    try:
        return extract_batch(extractor, [document])[0]
    except Exception as exc:  # noqa: BLE001 - one file the extractor fails on never stops the rest
        first = (str(exc).splitlines() or [""])[0][:300]
        return InputError(path, f"{path}: extraction failed: {type(exc).__name__}: {first}")
