"""An adviser named after the advisee's title ("Aide to the President of Russia X", "an aide to the President, X",
"Adviser to the President of the Republic of X on foreign policy issues Y") advises the title's holder, and is not
that holder."""

from __future__ import annotations

import pytest

from kg.extract import get_extractor
from kg.model.core import Document


def _advises(text: str) -> set[tuple[str, str]]:
    doc = Document.from_text(text, published="2026-11-19")
    return {(a.claim.subject.label, a.claim.obj.label) for a in get_extractor().extract(doc)
            if a.claim.relation == "advises" and a.claim.obj is not None}


@pytest.mark.parametrize("text", [
    "President of the Republic of Kazakhstan Aidos Zhumabekov spoke with Ana Ruiz. Aide to the President of the "
    "Republic of Kazakhstan Marat Seitov took part in the call.",
    "President of the Republic of Kazakhstan Aidos Zhumabekov spoke with Ana Ruiz. Adviser to the President of the "
    "Republic of Kazakhstan on foreign policy issues Marat Seitov took part in the conversation.",
    "President of the Republic of Kazakhstan Aidos Zhumabekov spoke with Ana Ruiz. An aide to the President of the "
    "Republic of Kazakhstan, Marat Seitov, said the call went well.",
    "President Aidos Zhumabekov spoke with Ana Ruiz. Marat Seitov, adviser to the President, took part in the call.",
])
def test_the_aide_named_after_the_advisee_s_title_advises_its_holder(text: str) -> None:
    assert _advises(text) == {("Marat Seitov", "Aidos Zhumabekov")}
