"""A later sentence that says what became of a planned encounter. Passages written for these tests."""

from __future__ import annotations

import pytest

from kg.extract.parsed import ParseExtractor
from kg.model.core import Document


@pytest.fixture(scope="module")
def extractor() -> ParseExtractor:
    return ParseExtractor(resolver=None)


def statuses(extractor: ParseExtractor, text: str) -> list[tuple[str, frozenset[str], str]]:
    doc = Document.from_text("Report\n\n" + text, published="2026-11-13")
    return [(a.claim.relation, frozenset((s.label, o.label if o else "")), a.claim.status)
            for a in extractor.extract(doc) for s, o in a.claim.pairs()]


PAIR = frozenset(("Ana Ruiz", "Tomas Varga"))


@pytest.mark.parametrize("update, status", [
    ("On Thursday the meeting was called off after clashes on the border.", "cancelled"),
    ("The visit has been postponed indefinitely.", "cancelled"),
    ("The meeting between the two leaders has wrapped up, her office said.", "held"),
])
def test_the_update_gives_the_planned_meeting_its_new_status(extractor, update, status):
    got = statuses(extractor, "Ana Ruiz will meet Tomas Varga in Quito on Friday, officials said. " + update)
    assert ("meets", PAIR, "planned") in got and ("meets", PAIR, status) in got


def test_an_update_naming_someone_else_is_not_this_meeting_s(extractor):
    got = statuses(extractor, "Ana Ruiz will meet Tomas Varga on Friday. The meeting with Lena Orlova was called off.")
    assert ("meets", PAIR, "cancelled") not in got


def test_a_held_meeting_is_not_called_off_by_a_later_planned_one(extractor):
    got = statuses(extractor, "Ana Ruiz met Tomas Varga in Quito on Friday. The meeting lasted two hours.")
    assert got == [("meets", PAIR, "held")]
