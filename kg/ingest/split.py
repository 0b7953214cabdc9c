"""Long texts in parts for the extractor: spaCy refuses a text over ``nlp.max_length`` (1,000,000
characters) and its parser needs about 1 GB per 100,000 characters, so a document longer than
:data:`PART_CHARS` is extracted part by part and the evidence offsets are shifted back into the whole text.

Parts end at a paragraph break, else a line break, else a sentence end, else a space (a part is never cut
inside a word unless a single "word" is longer than a part).  The document keeps its identity: the
assertions name the whole document as their source.

>>> from kg.model.core import Document
>>> doc = Document.from_text("Title\\n" + "Ann Lee met Raj Patel. " * 10)
>>> [len(p.text) for p, _ in parts(doc, limit=100)]
[98, 92, 46]
>>> all(doc.text[at:at + len(p.text)] == p.text for p, at in parts(doc, limit=100))
True
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace

from kg.model.core import Assertion, Document

#: largest text given to the extractor in one piece (spaCy's own limit is 1,000,000)
PART_CHARS = 200_000
_BREAKS = ("\n\n", "\n", ". ", "! ", "? ", " ")


def parts(document: Document, limit: int = PART_CHARS) -> Iterator[tuple[Document, int]]:
    """(part document, offset of the part in the whole text); the whole document when it is short."""
    text = document.text or ""
    if len(text) <= limit:
        yield document, 0
        return
    at = 0
    while at < len(text):
        end = min(at + limit, len(text))
        if end < len(text):
            for mark in _BREAKS:
                cut = text.rfind(mark, at + limit // 2, end)
                if cut >= 0:
                    end = cut + len(mark)
                    break
        yield replace(document, text=text[at:end]), at
        at = end


def _shift(assertion: Assertion, document: Document, offset: int) -> Assertion:
    evidence = assertion.evidence
    if evidence is not None and offset:
        evidence = replace(evidence, start=None if evidence.start is None else evidence.start + offset,
                           end=None if evidence.end is None else evidence.end + offset)
    return assertion.with_(source=document, evidence=evidence)


def extract_in_parts(extract: Callable[[Sequence[Document]], list[list[Assertion]]],
                     documents: Sequence[Document], limit: int = PART_CHARS) -> list[list[Assertion]]:
    """Assertions per document from ``extract`` (a batch call), long documents given in parts.

    >>> doc = Document.from_text("T\\n" + "x" * 50 + " Ann Lee met Raj Patel.")
    >>> seen = []
    >>> out = extract_in_parts(lambda docs: [seen.append(len(d.text)) or [] for d in docs], [doc], limit=40)
    >>> seen, out
    ([40, 35], [[]])
    """
    pieces = [(i, part, at) for i, d in enumerate(documents) for part, at in parts(d, limit)]
    found = extract([part for _, part, _ in pieces])
    out: list[list[Assertion]] = [[] for _ in documents]
    for (i, _, at), assertions in zip(pieces, found):
        out[i] += [_shift(a, documents[i], at) for a in assertions]
    return out
