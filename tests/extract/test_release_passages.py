"""Releases told as a noun with its agent after "by", through "ordered his release", and with the freed named in
the next sentence. Sentences and passages written for these tests."""

from __future__ import annotations

import pytest

from kg.extract.parsed import ParseExtractor
from kg.model.core import Document


@pytest.fixture(scope="module")
def extractor() -> ParseExtractor:
    return ParseExtractor(resolver=None)


def found(extractor: ParseExtractor, text: str) -> set[tuple[str, str, str, int | None]]:
    doc = Document.from_text("Report\n\n" + text, published="2026-11-13")
    return {(a.claim.relation, s.label, o.label if o else "", a.claim.count)
            for a in extractor.extract(doc) for s, o in a.claim.pairs()}


def test_the_release_by_x_of_a_counted_group(extractor):
    assert ("releases", "Norland", "political prisoners", 41) in found(
        extractor, "The release by Norland of 41 political prisoners was welcomed by the Vatican.")


def test_ordered_his_release_after_a_pardon_is_the_pardoned_one_s(extractor):
    got = found(extractor, "President Tomas Varga pardoned the lawyer Karim Haddad and ordered his immediate release.")
    assert ("pardons", "Tomas Varga", "Karim Haddad", None) in got
    assert ("releases", "Tomas Varga", "Karim Haddad", None) in got


def test_praising_a_release_is_no_release(extractor):
    got = found(extractor, "President Tomas Varga met Karim Haddad and praised his release.")
    assert not any(r == "releases" for r, *_ in got)


def test_as_many_names_as_the_count_in_the_next_sentence_are_the_freed(extractor):
    got = found(extractor, "Norland freed two Americans on Sunday. Jens Holm and Mette Lund landed "
                           "in Doha hours later.")
    assert {o for r, _s, o, _n in got if r == "releases"} >= {"Jens Holm", "Mette Lund"}


def test_a_different_number_of_names_is_no_list_of_the_freed(extractor):
    got = found(extractor, "Norland freed two Americans on Sunday. Jens Holm, Mette Lund and Anna Berg said the talks "
                           "went well.")
    assert not {"Jens Holm", "Mette Lund", "Anna Berg"} & {o for r, _s, o, _n in got if r == "releases"}


def test_an_including_list_stops_at_the_clause_after_it(extractor):
    got = found(extractor, "Norland released 31 prisoners on Thursday, including a US citizen and the journalist Jens "
                           "Holm, after President Tomas Varga met the envoy Karl Lind in Oslo.")
    released = {o for r, _s, o, _n in got if r == "releases"}
    assert "Jens Holm" in released and not {"Tomas Varga", "Karl Lind", "United States"} & released


def test_the_31_is_the_counted_group(extractor):
    assert ("pardons", "Tomas Varga", "prisoners", 31) in found(
        extractor, "President Tomas Varga pardoned the 31 in a decree signed on Wednesday.")


def test_a_station_named_like_a_person_is_a_body(extractor):
    got = found(extractor, "Norland released 31 prisoners, including the journalist Jens Holm. The freed prisoners "
                           "were driven to the border, where they were met by diplomats. Among them was Holm, a "
                           "reporter for Radio Free "
                           "Europe who had spent five years in prison.")
    assert not any("Radio" in s or "Radio" in o for _r, s, o, _n in got)


def test_a_broadcaster_the_recogniser_reads_as_a_body_is_one():
    doc = Document.from_text("Report\n\nBelarus released 31 prisoners on Thursday, including the journalist Jens Holm. "
                             "The freed prisoners were driven to the Lithuanian border, where they were met by U.S. "
                             "diplomats. Among them was Holm, a journalist for Radio Free Europe who had spent more than "
                             "five years in prison.", published="2026-11-13")
    parties = [r for a in ParseExtractor().extract(doc) for r in (a.claim.subject, a.claim.obj) if r is not None]
    assert all(r.type != "Person" for r in parties if "Radio" in r.label)
    assert not any("Radio" in r.label for a in ParseExtractor().extract(doc) if a.claim.relation == "meets"
                   for r in (a.claim.subject, a.claim.obj) if r is not None)


@pytest.mark.parametrize("sentence, label, count", [
    ("Norland freed two Danes on Sunday.", "Danes", 2), ("Norland released three Britons on Friday.", "Britons", 3),
    ("Two Danes were freed by Norland on Sunday.", "Danes", 2),
])
def test_counted_nationals_are_a_group_and_no_name(extractor, sentence, label, count):
    got = found(extractor, sentence)
    assert got == {("releases", "Norland", label, count)}
