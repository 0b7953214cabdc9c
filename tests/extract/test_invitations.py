"""An invitation to talks or a visit is a planned meeting, on sentences written here."""

from __future__ import annotations

import pytest

from kg.extract.parsed import ParseExtractor
from kg.model.core import Document


@pytest.mark.parametrize("sentence, status", [
    ("President Lena Roos has invited Prime Minister Aron Vaher to Tartu for talks next spring.", "planned"),
    ("President Lena Roos invited Prime Minister Aron Vaher for a state visit in May.", "planned"),
])
def test_an_invitation_to_talks_is_a_planned_meeting(sentence, status):
    doc = Document.from_text("Report\n" + sentence, published="2024-03-06")
    found = {(a.claim.relation, frozenset((s.label, o.label if o else "")), a.claim.status)
             for a in ParseExtractor(resolver=None).extract(doc) for s, o in a.claim.pairs()}
    assert found == {("meets", frozenset({"Lena Roos", "Aron Vaher"}), status)}


@pytest.mark.parametrize("sentence, expected", [
    ("Prime Minister Lena Roos has invited Prime Minister Aron Vaher to Riga in January to sign the accord.",
     {("meets", frozenset({"Lena Roos", "Aron Vaher"}), "planned")}),
    ("The shipping firm invited investors to Dubai.", set()),
])
def test_an_invitation_of_a_person_to_a_place_is_a_planned_visit(sentence, expected):
    doc = Document.from_text("Report\n" + sentence, published="2024-03-06")
    found = {(a.claim.relation, frozenset((s.label, o.label if o else "")), a.claim.status)
             for a in ParseExtractor(resolver=None).extract(doc) for s, o in a.claim.pairs()}
    assert found == expected
