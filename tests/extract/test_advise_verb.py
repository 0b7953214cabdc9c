"""The verb "advise" with a named person as its object gives the adviser's role, on sentences written here."""

from __future__ import annotations

import pytest

from kg.extract.parsed import ParseExtractor
from kg.model.core import Document


def advises(sentence: str) -> set[tuple[str, str]]:
    doc = Document.from_text("Report\n" + sentence, published="2024-03-06")
    return {(s.label, o.label) for a in ParseExtractor(resolver=None).extract(doc) for s, o in a.claim.pairs()
            if a.claim.relation == "advises" and o is not None}


@pytest.mark.parametrize("sentence", [
    "Mira Kask, who advised former President Aron Vaher from 2016 to 2019, now teaches in Tartu.",
    "Mira Kask advises President Aron Vaher on energy policy.",
])
def test_the_adviser_and_the_advised(sentence):
    assert advises(sentence) == {("Mira Kask", "Aron Vaher")}


def test_advice_to_the_public_is_no_role():
    assert advises("The embassy advised citizens to leave the country at once.") == set()
