"""A sentence too long for the parser is cut, and the extractor says so, naming the document."""

from __future__ import annotations

import logging

from kg.extract.parsed import MAX_PARSE_CHARS, ParseExtractor
from kg.model.core import Document


def test_a_cut_sentence_is_reported_with_its_document(caplog):
    text = "Jane Roe met John Doe in Lisbon and said " + "that the talks had gone well " * 200 + "."
    assert len(text) > MAX_PARSE_CHARS
    doc = Document(iri_hash="abc", text=text, path="notes/long.txt")
    with caplog.at_level(logging.WARNING, logger="kg.extract"):
        found = list(ParseExtractor(resolver=None).extract(doc))
    assert any("notes/long.txt" in r.getMessage() and str(MAX_PARSE_CHARS) in r.getMessage() for r in caplog.records)
    assert any(a.claim.relation == "meets" for a in found)  # the start of the sentence is still read


def test_no_report_when_every_sentence_fits(caplog):
    doc = Document(iri_hash="abc", text="Jane Roe met John Doe in Lisbon.", path="short.txt")
    with caplog.at_level(logging.WARNING, logger="kg.extract"):
        list(ParseExtractor(resolver=None).extract(doc))
    assert not [r for r in caplog.records if "parsed only" in r.getMessage()]
