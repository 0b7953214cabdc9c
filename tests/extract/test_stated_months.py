"""A month named without a year dates an event to that month, and an event dated from another event keeps no date."""

from __future__ import annotations

from datetime import date

import pytest

from kg.extract import get_extractor
from kg.extract.dates import anchored_elsewhere, find_date
from kg.model.core import Document

PUB = date(2026, 11, 19)


@pytest.mark.parametrize("text, future, expected", [
    ("The two leaders met in March in Tallinn.", False, ("2026-03-01", "2026-03-31")),
    ("They will meet in January.", True, ("2027-01-01", "2027-01-31")),
    ("They last spoke in December.", False, ("2025-12-01", "2025-12-31")),
    ("She met him last November.", False, ("2025-11-01", "2025-11-30")),
    ("They meet again next November.", True, ("2027-11-01", "2027-11-30")),
    ("A summit is planned for early June.", True, None),  # "for" alone makes no date
    ("Talks are expected by late May.", True, ("2027-05-01", "2027-05-31")),
])
def test_a_month_without_a_year_is_the_nearest_such_month(text: str, future: bool, expected: tuple[str, str] | None) -> None:
    start, end, basis = find_date(text, PUB, future=future)
    if expected is None:
        assert start is None
    else:
        assert (start, end, basis) == (*expected, "relative")


def test_a_march_that_is_no_month_is_no_date() -> None:
    assert find_date("The March on Rome is remembered.", PUB)[0] is None
    assert find_date("They may meet in May 5 talks.", PUB)[0] is not None  # "May 5" is a day


def test_an_event_dated_from_another_event_is_anchored_elsewhere() -> None:
    assert anchored_elsewhere("Two days after the vote, Kallas met Orban in Brussels.")
    assert anchored_elsewhere("On the eve of the summit, the ministers spoke by phone.")
    assert not anchored_elsewhere("On Tuesday, Kallas met Orban in Brussels.")


def _claims(text: str) -> list:
    doc = Document.from_text(text, published=PUB.isoformat())
    return [a.claim for a in get_extractor().extract(doc)]


def test_extracted_meetings_carry_the_stated_month_and_no_month_as_a_place() -> None:
    claims = _claims("Prime Minister Kaja Kallas met Chancellor Karl Nehammer in Vienna in March.")
    meeting = next(c for c in claims if c.relation == "meets")
    assert (meeting.date, meeting.end_date, meeting.date_basis) == ("2026-03-01", "2026-03-31", "relative")
    assert meeting.place == "Vienna"


def test_a_meeting_dated_from_another_event_does_not_take_the_publication_date() -> None:
    claims = _claims("Two days after the election, Prime Minister Kaja Kallas met Chancellor Karl Nehammer in Vienna.")
    meeting = next(c for c in claims if c.relation == "meets")
    assert meeting.date is None
