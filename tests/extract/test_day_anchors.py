"""Events dated from the event told before them ("the same day", "the next day"). Passages written for these tests."""

from __future__ import annotations

import pytest

from kg.extract.day_anchors import anchor_offset
from kg.extract.parsed import ParseExtractor
from kg.model.core import Document


@pytest.fixture(scope="module")
def extractor() -> ParseExtractor:
    return ParseExtractor(resolver=None)


def dated(extractor: ParseExtractor, text: str) -> dict[frozenset[str], tuple[str | None, str | None]]:
    doc = Document.from_text("Report\n\n" + text, published="2026-11-13")
    return {frozenset((s.label, o.label if o else "")): (a.claim.date, a.claim.date_basis)
            for a in extractor.extract(doc) for s, o in a.claim.pairs()}


def test_the_same_day_is_the_day_of_the_event_before(extractor):
    got = dated(extractor, "On Monday, Ana Ruiz met Tomas Varga in Lima. On the same day, Ana Ruiz spoke with Lena "
                           "Orlova by phone.")
    assert got[frozenset(("Ana Ruiz", "Lena Orlova"))] == ("2026-11-09", "relative")


def test_the_next_day_is_one_after(extractor):
    got = dated(extractor, "Ana Ruiz met Tomas Varga in Lima on 3 November. The next day she flew to Quito to meet "
                           "Lena Orlova.")
    assert got[frozenset(("Ana Ruiz", "Lena Orlova"))] == ("2026-11-04", "relative")


def test_a_stated_date_wins_over_the_anchor(extractor):
    got = dated(extractor, "Ana Ruiz met Tomas Varga on 3 November. On the same day as the vote, on 5 November, Ana "
                           "Ruiz met Lena Orlova.")
    assert got[frozenset(("Ana Ruiz", "Lena Orlova"))] == ("2026-11-05", "explicit")


@pytest.mark.parametrize("sentence, offset", [
    ("Later that day they met.", 0), ("A day later they met.", 1), ("The previous day they had spoken.", -1),
    ("The day after the vote they met.", None), ("They met on Friday.", None),
])
def test_anchor_offsets(sentence, offset):
    assert anchor_offset(sentence) == offset


@pytest.mark.parametrize("sentence, day", [
    ("Ana Ruiz met Tomas Varga on the 12th of November.", "2026-11-12"),
    ("Ana Ruiz met Tomas Varga on 12/11/2026 in Lima.", "2026-11-12"),  # day first, as most of the world writes it
    ("Ana Ruiz met Tomas Varga on 11/28/2026 in Lima.", "2026-11-28"),  # month first when the day cannot be one
    ("Ana Ruiz met Tomas Varga last weekend.", "2026-11-07"),
])
def test_more_ways_to_state_a_day(extractor, sentence, day):
    assert dated(extractor, sentence)[frozenset(("Ana Ruiz", "Tomas Varga"))][0] == day


def test_a_numeric_dateline_dates_a_notice_that_came_without_a_date(extractor):
    doc = Document.from_text("Measures\n\nBern, 20.11.2026 - Canada today imposed sanctions on Ana Ruiz.")
    [a] = extractor.extract(doc)
    assert (a.claim.date, a.claim.date_basis) == ("2026-11-20", "relative")
