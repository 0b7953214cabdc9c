"""Releases and meetings in the constructions wire stories and readouts use, on sentences written for these tests.

Each case is a construction, not a sentence from any article: a verb the small model reads as a modifier,
a swap's two sides, a capital standing for its government, a meeting named by a noun phrase.
"""

from __future__ import annotations

import pytest

from kg.extract.parsed import ParseExtractor
from kg.model.core import Document


@pytest.fixture(scope="module")
def extractor() -> ParseExtractor:
    return ParseExtractor(resolver=None)


def found(extractor: ParseExtractor, text: str) -> set[tuple[str, str, str, str]]:
    doc = Document.from_text("Report\n" + text, published="2024-03-06")
    return {(a.claim.relation, s.label, o.label if o else "", a.claim.status)
            for a in extractor.extract(doc) for s, o in a.claim.pairs()}


@pytest.mark.parametrize("text, expected", [
    # the trigger read as a modifier of the noun after it, or as the complement of a participle after it
    ("Valoria freed journalist Mark Otto on Thursday.", ("releases", "Valoria", "Mark Otto", "held")),
    ("Norland released detained engineer Sara Lind on Friday.", ("releases", "Norland", "Sara Lind", "held")),
])
def test_a_release_whose_verb_the_tagger_misreads(extractor, text, expected):
    assert expected in found(extractor, text)


@pytest.mark.parametrize("text", [
    "In a prisoner swap, Valoria freed Mark Otto and Norland released Sara Lind.",
    "Valoria freed Mark Otto and Norland released Sara Lind on Tuesday.",
])
def test_both_sides_of_a_swap(extractor, text):
    out = {(r, s, o) for r, s, o, _ in found(extractor, text)}
    assert {("releases", "Valoria", "Mark Otto"), ("releases", "Norland", "Sara Lind")} <= out
    assert ("releases", "Valoria", "Norland") not in out and ("releases", "Mark Otto", "Sara Lind") not in out


@pytest.mark.parametrize("text", [
    "Jane Roe was among the leaders who met John Doe in Oslo on Monday.",
    "Jane Roe was one of several ministers who met John Doe in Oslo.",
    "One of the leaders who met John Doe was Jane Roe.",
])
def test_a_member_of_a_group_that_met(extractor, text):
    assert {(r, s, o) for r, s, o, _ in found(extractor, text)} & {
        ("meets", "Jane Roe", "John Doe"), ("meets", "John Doe", "Jane Roe")}


def places(extractor: ParseExtractor, text: str) -> set[str | None]:
    doc = Document.from_text("Report\n" + text, published="2024-03-06")
    return {a.claim.place for a in extractor.extract(doc) if a.claim.relation == "meets"}


def test_the_place_one_speaks_from_right_after_a_meeting(extractor):
    assert places(extractor, "Speaking in Oslo after meeting John Doe, Jane Roe said they had agreed.") == {"Oslo"}
    # a journey's end is not where the meeting was
    assert places(extractor, "Jane Roe arrived in Oslo after meeting John Doe.") == {None}


@pytest.mark.parametrize("follow", ["The two sides held talks on border crossings.",
                                    "Both delegations held talks on border crossings."])
def test_the_two_sides_are_the_pair_of_the_last_encounter(extractor, follow):
    text = "Foreign Minister Jane Roe met Foreign Minister John Doe in Oslo on Monday. " + follow
    assert {(r, frozenset((s, o))) for r, s, o, _ in found(extractor, text)} == {
        ("meets", frozenset(("Jane Roe", "John Doe")))}


def test_the_two_sides_with_no_encounter_before_name_nobody(extractor):
    text = "Foreign Minister Jane Roe praised Foreign Minister John Doe on Monday. The two sides held talks on trade."
    assert not found(extractor, text)


@pytest.mark.parametrize("text, place", [
    ("After their talks in Geneva, Jane Roe and John Doe said relations were improving.", "Geneva"),
    ("After their meeting in Lisbon, Jane Roe and John Doe signed a trade accord.", "Lisbon"),
    ("Jane Roe welcomed John Doe to Madrid on Tuesday.", "Madrid"),
])
def test_meetings_named_by_a_fronted_noun_or_a_welcome(extractor, text, place):
    assert {(r, frozenset((s, o))) for r, s, o, _ in found(extractor, text)} == {
        ("meets", frozenset(("Jane Roe", "John Doe")))}
    assert places(extractor, text) == {place}


@pytest.mark.parametrize("text, expected", [
    # a date between the verb and its object: the parser makes the object part of "on Friday ..."
    ("President Jane Roe pardoned on Friday dozens of prisoners, including John Doe.",
     ("pardons", "Jane Roe", "John Doe", "held")),
    ("Jane Roe met on Monday John Doe.", ("meets", "Jane Roe", "John Doe", "held")),
])
def test_an_object_after_a_date(extractor, text, expected):
    out = found(extractor, text)
    assert expected in out or (expected[0], expected[2], expected[1], expected[3]) in out


def test_a_release_sought_is_not_granted_by_its_seeker(extractor):
    text = ("Norland freed Sara Lind on Monday. Norland had long sought the release of Mark Otto, "
            "officials said.")
    out = {(r, s, o) for r, s, o, _ in found(extractor, text)}
    assert ("releases", "Norland", "Sara Lind") in out and ("releases", "Norland", "Mark Otto") not in out


@pytest.mark.parametrize("text, expected", [
    ("President Jane Roe pardoned John Doe along with lawyer Mark Otto.", ("pardons", "Jane Roe", "Mark Otto", "held")),
    ("Mark Otto: Norland frees jailed US journalist in swap", ("releases", "Norland", "Mark Otto", "held")),
])
def test_companions_and_headline_topics(extractor, text, expected):
    assert expected in found(extractor, text)


@pytest.mark.parametrize("text, expected", [
    ("Norland swapped Sara Lind for Mark Otto, who had been held by Valoria.", {("releases", "Norland", "Sara Lind")}),
    ("Norland exchanged Sara Lind for Mark Otto in a prisoner swap on Friday.", {("releases", "Norland", "Sara Lind")}),
    # two agents: which side let whom go is not said
    ("Valoria and Norland exchanged jailed journalist Sara Lind for convicted spy Mark Otto.", set()),
    # goods and words are not prisoners
    ("Norland exchanged oil for grain with Valoria after the prisoner talks.", set()),
])
def test_a_swap_verb_releases_its_object(extractor, text, expected):
    assert {(r, s, o) for r, s, o, _ in found(extractor, text)} == expected
