"""A meeting's place is the name of a place, not the phrase around it, on sentences written here."""

from __future__ import annotations

import pytest

from kg.extract.parsed import ParseExtractor
from kg.extract.place_names import tidy_place
from kg.model.core import Document


@pytest.mark.parametrize("phrase, place", [
    ("a NATO summit in Vilnius next week", "Vilnius"),
    ("the annual conference in Davos, Switzerland, on Tuesday", "Davos, Switzerland"),
    ("the Polish capital", "Warsaw"),
    ("the Freedonian capital", "Freedonian capital"),  # no such country: the phrase without its article
    ("Government House in Canberra", "Government House in Canberra"),  # a venue and its city stay
])
def test_tidy_place(phrase, place):
    assert tidy_place(phrase) == place


@pytest.mark.parametrize("sentence, place", [
    ("Jane Roe met John Doe at an informal dinner in Tallinn on Friday.", "Tallinn"),
    ("Jane Roe and John Doe are scheduled to meet at a regional summit in Almaty next month.", "Almaty"),
])
def test_the_extracted_place(sentence, place):
    doc = Document.from_text("Report\n" + sentence, published="2024-03-06")
    [a] = [a for a in ParseExtractor(resolver=None).extract(doc) if a.claim.relation == "meets"]
    assert a.claim.place == place
