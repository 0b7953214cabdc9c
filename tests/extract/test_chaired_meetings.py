"""Two named persons who chair or co-chair a meeting meet; "between the two ministries" names no counterpart."""

from __future__ import annotations

import pytest

from kg.extract import get_extractor
from kg.model.core import Document


def _pairs(text: str) -> set[frozenset[str]]:
    doc = Document.from_text(text, published="2026-11-19")
    return {frozenset((s.label, o.label)) for a in get_extractor().extract(doc) if a.claim.relation == "meets"
            for s, o in a.claim.pairs() if o is not None}


@pytest.mark.parametrize("text", [
    "Minister Rosa Quispe and Minister of Foreign Affairs Tran Van Minh co-chaired the 4th Political Consultation "
    "between the two Foreign Ministries.",
    "Rosa Quispe and Tran Van Minh chaired the meeting of the joint commission.",
])
def test_two_who_chair_a_meeting_meet(text: str) -> None:
    assert _pairs(text) == {frozenset({"Rosa Quispe", "Tran Van Minh"})}


def test_one_who_chairs_a_meeting_meets_nobody() -> None:
    assert _pairs("Rosa Quispe chaired a meeting of the cabinet on Monday.") == set()


def test_a_courtesy_call_paid_to_someone_is_a_visit_not_a_phone_call() -> None:
    doc = Document.from_text("Rosa Quispe is scheduled to pay a courtesy call to Chairman Tran Van Minh on Monday.",
                             published="2026-11-19")
    found = {(a.claim.relation, a.claim.status) for a in get_extractor().extract(doc)}
    assert found == {("meets", "planned")}


def test_a_capital_the_recogniser_calls_a_person_is_no_party() -> None:
    doc = Document.from_text("Within the framework of the working visit to Ashgabat, Rosa Quispe was received by "
                             "Tran Van Minh.", published="2026-11-19")
    ends = {p.label for a in get_extractor().extract(doc) for pair in a.claim.pairs() for p in pair if p}
    assert "Ashgabat" not in ends and {"Rosa Quispe", "Tran Van Minh"} <= ends, ends
