r"""Sentences, tokens and mentions as plain Python objects, read in bulk from a spaCy ``Doc``.

>>> from kg.extract.nlp import get_nlp
>>> [s.text.strip() for s in sentences(get_nlp()("Leaders meet\nThey met in Oslo. Then they left."))]
['Leaders meet', 'They met in Oslo.', 'Then they left.']
>>> is_headline(sentences(get_nlp()("Leaders Meet In Oslo Today"))[0])
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc


class Token:
    """The few token attributes the rules read, as plain Python (spaCy re-creates Token objects on access)."""

    __slots__ = ("text", "idx", "whitespace_", "is_alpha")

    def __init__(self, text: str, idx: int, whitespace_: str, is_alpha: bool) -> None:
        self.text, self.idx, self.whitespace_, self.is_alpha = text, idx, whitespace_, is_alpha


@dataclass
class Sentence:
    """One sentence: its character span in the document, its text and its tokens."""

    start_char: int
    end_char: int
    text: str
    toks: list[Token]
    #: entity spans a trained recogniser found: (document start, end, label); empty when not parsed
    ner: tuple[tuple[int, int, str], ...] = ()


def sentences(doc: "Doc", text: str | None = None) -> list[Sentence]:
    """The sentences of a spaCy ``Doc`` as plain objects.

    Reads token attributes in bulk (``Doc.to_array``): creating spaCy ``Token``
    objects one by one costs more than all the rules together.  Pass the
    document's ``text`` when you have it: ``Doc.text`` rebuilds it token by token.
    """
    from spacy.attrs import IDX, IS_ALPHA, LENGTH, SENT_START, SPACY

    if text is None:
        text = doc.text
    if not len(doc):
        return []
    arr = doc.to_array([IDX, LENGTH, SPACY, IS_ALPHA, SENT_START]).tolist()
    toks = [Token(text[i:i + n], i, " " if sp else "", bool(al)) for i, n, sp, al, _ in arr]
    starts = [k for k, row in enumerate(arr) if row[4] == 1 or k == 0] + [len(arr)]
    # an opening quotation mark or bracket the sentencizer left at the end of a sentence begins the next one
    # ("... the following persons. (1) Ivan Petrov ...")
    starts = [k - 1 if 1 < k < len(arr) and (_opening_quote(toks, k - 1) or toks[k - 1].text == "(" and
                                             toks[k - 1].whitespace_ == "") else k for k in starts]
    out = []
    for a, b in zip(starts, starts[1:]):
        first, last = toks[a], toks[b - 1]
        end = last.idx + len(last.text)
        out.append(Sentence(first.idx, end, text[first.idx:end], toks[a:b]))
    return out


def _opening_quote(toks: list[Token], k: int) -> bool:
    """True when token ``k`` opens a quotation: a left curly quote, or a straight one after a space.

    >>> from kg.extract.nlp import get_nlp
    >>> [s.text.strip() for s in sentences(get_nlp()('He left on Friday. "We will talk again," she said.'))]
    ['He left on Friday.', '"We will talk again," she said.']
    """
    t = toks[k].text
    return t in ("“", "‘") or (t in ('"', "'") and toks[k - 1].whitespace_ != "" and toks[k].whitespace_ == "")


@dataclass
class Mention:
    """One actor mention: a span of the document text and what it tells."""

    start: int
    end: int
    text: str
    kind: str  # name | surname | title | pronoun | pair | country | org | acronym
    type: str = "Person"
    name: str | None = None
    titles: tuple[str, ...] = ()
    country: str | None = None
    entity: Any = None  # set by coref: kg.extract.coref.Entity
    extra: dict[str, Any] = field(default_factory=dict)


def cap(tok: "Token") -> bool:
    """True for a token that starts with a capital and holds a letter."""
    t = tok.text
    return bool(t) and t[0].isupper() and any(c.isalpha() for c in t)


def is_headline(sent: Sentence, *, first: bool = False) -> bool:
    """A line without a full stop that is in title case, or (``first``) the document's first line."""
    if sent.text.rstrip().endswith((".", "!", ".”", '."', ".’")):
        return False  # body sentences end with a full stop; headlines do not
    if first:
        return True
    if sent.text.rstrip().endswith(":"):
        return False  # "Foreign Secretary Jane Roe said:" introduces a quotation or a list: body text
    if re.match(r"\s*(?:[-•*·▪]|\d{1,3}[.)])\s", sent.text):
        return False  # a bullet item ("- Vakhtang Gomelauri, Minister of Internal Affairs") is body text
    words = [t for t in sent.toks if t.is_alpha and len(t.text) > 3]
    if len(words) < 2:
        return False
    caps = sum(1 for t in words if t.text[0].isupper())
    return caps / len(words) > 0.6
