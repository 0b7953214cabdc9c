"""A reported clause's object the parser hangs on the reporting verb, and an event noun conjoined to another."""

from __future__ import annotations

import pytest

from kg.extract.parsed import ParseExtractor
from kg.model.core import Document


@pytest.fixture(scope="module")
def extractor() -> ParseExtractor:
    return ParseExtractor(resolver=None)


def findings(extractor: ParseExtractor, sentence: str) -> list[tuple[str, str, str, str]]:
    doc = Document.from_text("Report\n" + sentence, published="2024-03-06")
    return sorted((a.claim.relation, s.label, o.label if o else "", a.claim.status)
                  for a in extractor.extract(doc) for s, o in a.claim.pairs())


@pytest.mark.parametrize("sentence, relation", [
    ("President Tomas Varga pardoned opposition activist Marina Kovaleva, state media reported.", "pardons"),
    ("President Tomas Varga freed opposition activist Marina Kovaleva, state media reported.", "releases"),
    ("Prime Minister Tomas Varga met opposition activist Marina Kovaleva, state media reported.", "meets"),
    ("President Tomas Varga has pardoned jailed blogger Marina Kovaleva, state television reported.", "pardons"),
])
def test_the_object_before_a_reporting_clause_is_no_speaker(extractor, sentence, relation):
    assert findings(extractor, sentence) == [(relation, "Tomas Varga", "Marina Kovaleva", "held")]


def test_the_reporter_is_still_not_a_party(extractor):
    found = findings(extractor, "Norland imposed sanctions on Lena Orlova, Foreign Minister Tomas Varga said.")
    assert [f[:3] for f in found] == [("sanctions", "Norland", "Lena Orlova")]


@pytest.mark.parametrize("sentence, status", [
    ("Prime Minister Tomas Varga will travel to Oslo for a state visit and talks with Lena Orlova in May.", "planned"),
    ("Prime Minister Tomas Varga flew to Oslo on Monday for a summit and a meeting with Lena Orlova.", "held"),
])
def test_an_event_noun_conjoined_to_another_keeps_the_traveller(extractor, sentence, status):
    assert findings(extractor, sentence) == [("meets", "Tomas Varga", "Lena Orlova", status)]


def test_a_subject_pronoun_is_not_the_person_named_in_the_phrase_before_it(extractor):
    text = ("Profile\n\nLerato Nkosi rarely speaks to the press. As national security adviser to President Sizwe "
            "Dube, she is the most powerful official in the capital.")
    doc = Document.from_text(text, published="2026-11-13")
    found = {(a.claim.relation, s.label, o.label if o else "") for a in extractor.extract(doc) for s, o in a.claim.pairs()}
    assert found == {("advises", "Lerato Nkosi", "Sizwe Dube")}


def test_a_pronoun_still_takes_the_subject_of_its_own_fronted_clause(extractor):
    text = "Report\n\nTomas Varga landed in Oslo on Sunday. When Tomas Varga arrived in Oslo, he met Lena Orlova."
    doc = Document.from_text(text, published="2026-11-13")
    found = {(a.claim.relation, s.label, o.label if o else "") for a in extractor.extract(doc) for s, o in a.claim.pairs()}
    assert ("meets", "Tomas Varga", "Lena Orlova") in found


@pytest.mark.parametrize("sentence, relation, actor", [
    ("The Houthis released a Yemeni employee of the UN office, Karim Haddad, on Sunday.", "releases", "Houthis"),
    ("Norland freed a Danish aid worker, Karim Haddad, after mediation by Oman.", "releases", "Norland"),
    ("President Tomas Varga pardoned a Lithuanian citizen, Karim Haddad.", "pardons", "Tomas Varga"),
])
def test_the_name_after_a_described_object_is_the_object(extractor, sentence, relation, actor):
    found = findings(extractor, sentence)
    assert any(f[0] == relation and f[2] == "Karim Haddad" and (not actor or f[1] == actor) for f in found)


def test_a_profile_s_she_and_her_stay_with_its_subject(extractor):
    text = ("Profile\n\nFew people would know Wanjiru Kamau in the street. Yet the 49-year-old former ambassador has "
            "become the most trusted voice around President Daniel Otieno.\n\nOfficially she is the President's "
            "special adviser on foreign affairs, a post created for her in 2025.\n\nLast month she held talks in "
            "Pretoria with Foreign Minister Sibusiso Ndlovu.")
    doc = Document.from_text(text, published="2026-11-13")
    found = {(a.claim.relation, s.label, o.label if o else "") for a in extractor.extract(doc) for s, o in a.claim.pairs()}
    assert ("advises", "Wanjiru Kamau", "Daniel Otieno") in found
    assert any(r == "meets" and {s, o} == {"Wanjiru Kamau", "Sibusiso Ndlovu"} for r, s, o in found)
    assert not any("Daniel Otieno" in (s, o) and r == "meets" for r, s, o in found)


def test_a_title_s_country_before_an_honorific(extractor):
    found = findings(extractor, "On November 11, Minister for Foreign Affairs Mr. Taro Ueda held a telephone talk with "
                                "Minister for Foreign Affairs of Thailand Mr. Somchai Rattana.")
    assert found == [("talksWith", "Taro Ueda", "Somchai Rattana", "held")]
