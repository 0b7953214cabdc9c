"""Advisers named the ways wire copy and readouts name them; sentences written here.

", said X, a transport adviser to Y" (a field of advice before the role noun), "Y's senior adviser for European
affairs, X" (a field after it), "her chief of staff, X" (whom "she" would be).
"""

from __future__ import annotations

import pytest

from kg.extract.parsed import ParseExtractor
from kg.model.core import Document


@pytest.fixture(scope="module")
def extractor() -> ParseExtractor:
    return ParseExtractor(resolver=None)


def advisers(extractor: ParseExtractor, text: str) -> set[tuple[str, str]]:
    doc = Document.from_text("Report\n" + text, published="2024-03-06")
    return {(s.label, o.label) for a in extractor.extract(doc) if a.claim.relation == "advises"
            for s, o in a.claim.pairs()}


@pytest.mark.parametrize("text, adviser, advisee", [
    ('"We need more trains," said Lars Eik, a transport adviser to Prime Minister Nils Holm.', "Lars Eik", "Nils Holm"),
    ("Lars Eik, a senior economic adviser to Prime Minister Nils Holm, said the plan would work.",
     "Lars Eik", "Nils Holm"),
    ("Prime Minister Nuno Costa spoke on Monday. Costa's senior adviser for European affairs, Rui Mota, said the "
     "plan would work.", "Rui Mota", "Nuno Costa"),
    ("Rui Mota, an adviser for European affairs to Prime Minister Nuno Costa, said the plan would work.",
     "Rui Mota", "Nuno Costa"),
    ("Chancellor Eva Marr met President Leo Grant. The talks were attended by her chief of staff, Ana Ruiz.",
     "Ana Ruiz", "Eva Marr"),
    ("Chancellor Eva Marr met President Leo Grant. Her chief of staff, Ana Ruiz, attended the talks.",
     "Ana Ruiz", "Eva Marr"),
    ("Few people know Lindiwe Sithole, yet the former ambassador has, in three years as President Tumi Nkosi's "
     "national security adviser, become influential.", "Lindiwe Sithole", "Tumi Nkosi"),
    ("Prime Minister Liis Kuld's chief of staff and longtime adviser, Margo Saar, will lead the delegation.",
     "Margo Saar", "Liis Kuld"),
    ("Mark Otto, an adviser in the office of President Ivo Kran, said the talks would continue.",
     "Mark Otto", "Ivo Kran"),
    ("The economist Farid Nuri is now the chief economic adviser to Uzbekistan's Prime Minister, Akmal Nazar.",
     "Farid Nuri", "Akmal Nazar"),
    ("Prime Minister Vikram Seth's principal secretary, Anand Krishna, has been his closest adviser since 2019.",
     "Anand Krishna", "Vikram Seth"),
    ("Her deputy, Pieter Joubert, a former naval officer who advises President Tumi Nkosi on maritime security, "
     "is seen as the likely successor.", "Pieter Joubert", "Tumi Nkosi"),
])
def test_adviser_phrases(extractor, text, adviser, advisee):
    assert (adviser, advisee) in advisers(extractor, text)


@pytest.mark.parametrize("text", [
    "Jane Roe, who met the adviser to John Doe, said so.",
    "Jane Roe said the envoy, and the adviser to John Doe, were in Oslo.",
])
def test_no_adviser_across_a_clause(extractor, text):
    assert ("Jane Roe", "John Doe") not in advisers(extractor, text)


def test_appointed_as_her_adviser(extractor):
    assert ("Tom Berg", "Ann Lee") in advisers(
        extractor, "President Ann Lee has appointed diplomat Tom Berg as her senior economic adviser.")
