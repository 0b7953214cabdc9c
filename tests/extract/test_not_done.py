"""Verbs whose complement did not happen ("failed to", "refrained from", "stopped short of"), on sentences written here."""

from __future__ import annotations

import pytest

from kg.extract.parsed import ParseExtractor
from kg.model.core import Document


@pytest.fixture(scope="module")
def extractor() -> ParseExtractor:
    return ParseExtractor(resolver=None)


def statuses(extractor: ParseExtractor, sentence: str) -> set[tuple[str, str]]:
    doc = Document.from_text("Report\n" + sentence, published="2024-03-06")
    return {(a.claim.relation, a.claim.status) for a in extractor.extract(doc)}


@pytest.mark.parametrize("sentence, relation", [
    ("The European Union stopped short of sanctioning the shipping firm Kestrel Tankers.", "sanctions"),
    ("The European Union refrained from sanctioning the shipping firm Kestrel Tankers.", "sanctions"),
    ("The Treasury held off on sanctioning the shipping firm Kestrel Tankers.", "sanctions"),
    ("President Lena Roos failed to meet Prime Minister Aron Vaher during the summit.", "meets"),
])
def test_what_did_not_happen_is_negated(extractor, sentence, relation):
    assert statuses(extractor, sentence) == {(relation, "negated")}


@pytest.mark.parametrize("sentence, relation", [
    ("President Lena Roos did not fail to meet Prime Minister Aron Vaher during the summit.", "meets"),
    ("President Lena Roos met Prime Minister Aron Vaher after talks with Mark Kallas failed.", "meets"),
])
def test_a_failure_elsewhere_leaves_the_event_held(extractor, sentence, relation):
    assert (relation, "held") in statuses(extractor, sentence)
