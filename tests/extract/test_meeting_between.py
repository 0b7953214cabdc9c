""""The meeting between A and B": both sides, also when the parser hangs the first long name on the second."""

from __future__ import annotations

import pytest

from kg.extract import get_extractor
from kg.model.core import Document


@pytest.mark.parametrize("text", [
    "The meeting between President Zoran Marković and Kosovo Prime Minister Luan Berisha ended.",
    "The meeting between President Nenad Đorđević and Albanian Prime Minister Edi Kola ended.",
    "Talks between Foreign Minister Ana Petrova and Moldovan Foreign Minister Ion Rusu ended without a deal.",
    "The meeting between Jovic and Hoxha took place in Brussels.",
])
def test_both_sides_of_a_meeting_between_two_named_persons(text: str) -> None:
    doc = Document.from_text(text, published="2026-11-19")
    pairs = {frozenset((s.label.split()[-1], o.label.split()[-1])) for a in get_extractor().extract(doc)
             if a.claim.relation == "meets" for s, o in a.claim.pairs() if o is not None}
    names = [w for w in ("Jovic", "Hoxha", "Petrova", "Rusu", "Marković", "Berisha", "Đorđević", "Kola") if w in text]
    assert frozenset(names) in pairs, pairs


def test_a_conversation_between_two_long_titled_names_is_their_call() -> None:
    doc = Document.from_text("On November 12, a telephone conversation took place between President of the Republic "
                             "of Kazakhstan Aidos Zhumabekov and President of the Republic of Korea Park Min-jae.",
                             published="2026-11-19")
    found = {(a.claim.relation, frozenset((s.label, o.label))) for a in get_extractor().extract(doc)
             for s, o in a.claim.pairs() if o is not None}
    assert found == {("talksWith", frozenset({"Aidos Zhumabekov", "Park Min-jae"}))}
