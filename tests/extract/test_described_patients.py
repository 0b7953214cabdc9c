"""A person named after a description ("the former police officer X") is that person, on sentences written here."""

from __future__ import annotations

import pytest

from kg.extract.parsed import ParseExtractor
from kg.model.core import Document


@pytest.fixture(scope="module")
def extractor() -> ParseExtractor:
    return ParseExtractor(resolver=None)


def findings(extractor: ParseExtractor, text: str) -> set[tuple[str, str, str]]:
    doc = Document.from_text("Report\n" + text, published="2024-03-06")
    return {(a.claim.relation, s.label, o.label if o else "")
            for a in extractor.extract(doc) for s, o in a.claim.pairs()}


@pytest.mark.parametrize("sentence", [
    "President Marta Ilves granted a pardon to the former police officer Jaan Kask on health grounds.",
    "President Marta Ilves granted a pardon to the jailed blogger Jaan Kask.",
    "President Marta Ilves pardoned the former teacher Jaan Kask on Monday.",
])
def test_the_described_person_is_the_patient(extractor, sentence):
    assert ("pardons", "Marta Ilves", "Jaan Kask") in findings(extractor, sentence)


def test_the_former_before_a_description_is_no_pronoun(extractor):
    # "the former" as a pronoun stands for the first of the last two persons; "the former police officer X"
    # describes X and must not pull in a person from an earlier paragraph
    text = ("Prime Minister Lena Roos met Foreign Minister Aron Vaher in Tartu on Friday.\n\n"
            "President Marta Ilves granted a pardon to the former police officer Jaan Kask on health grounds.")
    found = findings(extractor, text)
    assert ("pardons", "Marta Ilves", "Jaan Kask") in found
    assert not any(r == "pardons" and o in ("Lena Roos", "Aron Vaher") for r, _s, o in found)


def test_the_former_as_a_pronoun_still_resolves(extractor):
    text = "Lena Roos met Aron Vaher in Tartu on Friday. The former later pardoned Jaan Kask."
    assert ("pardons", "Lena Roos", "Jaan Kask") in findings(extractor, text)

