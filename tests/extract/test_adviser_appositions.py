"""Advisers named in apposition to a possessive office or pronoun. Passages written for these tests."""

from __future__ import annotations

import pytest

from kg.extract.parsed import ParseExtractor
from kg.model.core import Document


@pytest.fixture(scope="module")
def extractor() -> ParseExtractor:
    return ParseExtractor(resolver=None)


@pytest.mark.parametrize("sentence", [
    "The President's legal adviser, Advocate Sipho Ndaba, said the decree was lawful.",
    "Her chief security adviser, the retired general Sipho Ndaba, travelled with her.",
    "Her adviser, former envoy Sipho Ndaba, travelled with her.",
    "Sipho Ndaba, one of her closest advisers, met the delegation.",
    "Sipho Ndaba, one of the President's closest advisers, met the delegation.",
])
def test_the_adviser_advises_the_president_named_before(extractor, sentence):
    doc = Document.from_text("Profile\n\nPresident Lindiwe Khoza spoke on Monday. " + sentence, published="2026-11-13")
    found = {(a.claim.relation, s.label, o.label if o else "") for a in extractor.extract(doc) for s, o in a.claim.pairs()}
    assert found == {("advises", "Sipho Ndaba", "Lindiwe Khoza")}


def test_her_after_a_plain_subject_is_still_the_subject(extractor):
    doc = Document.from_text("Report\n\nPresident Lindiwe Khoza met Sipho Ndaba. Amara Obi said her adviser Kofi "
                             "Boateng would travel.", published="2026-11-13")
    found = {(a.claim.relation, s.label, o.label if o else "") for a in extractor.extract(doc) for s, o in a.claim.pairs()}
    assert ("advises", "Kofi Boateng", "Amara Obi") in found


def test_his_french_and_german_counterparts_are_the_ministers_named_before(extractor):
    doc = Document.from_text("Report\n\nFrench Foreign Minister Claire Dubois and German Foreign Minister Jonas Keller "
                             "arrived on Sunday. US Secretary of State Mark Hale met his French and German counterparts "
                             "in Paris on Monday.", published="2026-11-13")
    found = {(a.claim.relation, s.label, o.label if o else "") for a in extractor.extract(doc) for s, o in a.claim.pairs()}
    assert {("meets", "Mark Hale", "Claire Dubois"), ("meets", "Mark Hale", "Jonas Keller")} <= found
