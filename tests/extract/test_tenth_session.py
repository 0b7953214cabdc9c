"""Constructions read in the tenth session: two "Country's Title Name" people joined by "and", a call and a
meeting of their own in one sentence, a verb joined to a passive one, captives returned. Sentences written for
these tests."""

from __future__ import annotations

import pytest

from kg.model.core import Document
from tests.extract.test_ninth_session import claims, extractor, pairs  # noqa: F401  (the fixture and helpers are shared)


@pytest.mark.parametrize("text, relation", [
    ("Kenya's President Wanjiru Kamau and Tanzania's President Amani Mfinanga spoke by phone on Sunday.", "talksWith"),
    ("Chile's Foreign Minister Rosa Valdés and Peru's Foreign Minister Jorge Quispe met in Lima on Monday.", "meets"),
    ("Ghana's President Kofi Asante and Togo's President Edem Agbeko held a tête-à-tête in Lomé.", "meets"),
])
def test_two_country_titled_people_joined_by_and_are_both_sides(extractor, text, relation):
    got = pairs(extractor, text)
    sides = {frozenset((s, o)) for r, s, o in got if r == relation}
    assert len(sides) == 1 and all(" " in name for name in next(iter(sides)))


def test_a_joint_possessor_is_not_a_pair(extractor):
    assert not any(r == "meets" for r, _, _ in pairs(extractor, "Macron and Scholz's advisers met in Paris."))


def test_a_call_and_a_meeting_to_come_in_one_sentence(extractor):
    got = claims(extractor, "Wanjiru Kamau phoned Ethiopian Prime Minister Dawit Bekele on Friday and will meet him "
                            "in Nairobi next month.")
    assert ("talksWith", "Wanjiru Kamau", "Dawit Bekele", "held", "2026-11-13") in got
    assert any(c[:4] == ("meets", "Wanjiru Kamau", "Dawit Bekele", "planned") for c in got)
    assert not any(c[0] == "meets" and c[3] == "held" for c in got)


def test_talking_beside_an_in_person_verb_is_still_a_meeting(extractor):
    got = pairs(extractor, "Jane Roe and John Doe shook hands and talked for an hour.")
    assert ("meets", "Jane Roe", "John Doe") in got and not any(r == "talksWith" for r, _, _ in got)


def test_a_verb_joined_to_a_passive_one_shares_its_subject_and_keeps_its_own_day(extractor):
    got = claims(extractor, "The aid worker Ann Berg was handed over by the kidnappers to police on Monday and met "
                            "Foreign Minister Carl Lind the next day.")
    assert ("meets", "Ann Berg", "Carl Lind", "held", "2026-11-17") in got
    assert not any(c[0] == "meets" and "kidnappers" in c[1].lower() for c in got)


def test_a_later_day_of_a_joined_verb_is_its_own(extractor):
    got = claims(extractor, "Jane Roe flew to Oslo on Monday and met John Doe on Wednesday.")
    assert ("meets", "Jane Roe", "John Doe", "held", "2026-11-18") in got


def test_captives_returned_by_each_side(extractor):
    got = {c for c in claims(extractor, "Armenia and Azerbaijan each returned 32 prisoners of war on Tuesday.")}
    assert {(c[0], c[1]) for c in got} == {("releases", "Armenia"), ("releases", "Azerbaijan")}
    assert all(c[4] == "2026-11-17" for c in got)


def test_returning_home_or_returning_bodies_is_no_release(extractor):
    assert pairs(extractor, "The 32 prisoners returned home on Tuesday.") == set()
    assert pairs(extractor, "Armenia returned the bodies of 50 soldiers to Azerbaijan.") == set()


@pytest.mark.parametrize("text", [
    "Australia placed travel bans and asset freezes on three Iranian officials on Monday, including Reza Karimi and "
    "the prison director Ali Moradi.",
    "Britain imposed asset freezes and travel bans on Reza Karimi and Ali Moradi.",
    "China imposed countermeasures on the defence contractor Halden Systems and its chief executive, Ali Moradi.",
])
def test_measures_in_a_list_and_countermeasures(extractor, text):
    got = pairs(extractor, text)
    assert {o for r, _, o in got if r == "sanctions"} >= ({"Ali Moradi"} | ({"Reza Karimi"} if "Karimi" in text else set()))
    assert len({s for r, s, _ in got if r == "sanctions"}) == 1


TRANSCRIPT = """Briefing

Question (Nadia Rahman, Daily Post): Did Foreign Minister Tom Berg speak with Ana Ruiz this week?

Official Spokesperson: Yes. Minister Tom Berg met Ana Ruiz in Oslo on Tuesday.

MR LEE: Thank you, Nadia Rahman."""


def test_a_transcripts_speaker_labels_name_no_party(extractor):
    got = pairs(extractor, TRANSCRIPT)
    assert ("meets", "Tom Berg", "Ana Ruiz") in got
    assert not any("Rahman" in s or "Rahman" in o or "Daily Post" in s for _, s, o in got)


def test_a_state_named_by_a_two_word_demonym_acts_through_its_authorities(extractor):
    got = claims(extractor, "Seventeen Indian fishermen were released by the Sri Lankan authorities on Tuesday.")
    assert {(c[0], c[1]) for c in got} == {("releases", "Sri Lanka")}


def test_playing_host_is_hosting_a_meeting(extractor):
    got = pairs(extractor, "Egypt's foreign minister, Karim Mansour, played host in Cairo on Monday to Sudanese Foreign "
                           "Minister Ali Osman and Libyan Foreign Minister Salem Fathi.")
    assert {("meets", "Karim Mansour", "Ali Osman"), ("meets", "Karim Mansour", "Salem Fathi")} <= got
    assert pairs(extractor, "Cairo played host to the Arab League summit.") == set()


def test_a_description_freed_by_someone_stands_for_the_name_beside_it(extractor):
    got = pairs(extractor, "Iran released the academic Ann Lee on Monday in exchange for Reza Karimi, an engineer "
                           "freed by Germany the same day.")
    assert got == {("releases", "Iran", "Ann Lee"), ("releases", "Germany", "Reza Karimi")}


def test_a_regulator_that_directs_banks_to_freeze_accounts_imposes_the_measure(extractor):
    got = pairs(extractor, "Singapore's Monetary Authority directed banks on Monday to freeze the accounts of Orchid "
                           "Holdings and its director, Tan Wei.")
    assert got == {("sanctions", "Monetary Authority", "Orchid Holdings"), ("sanctions", "Monetary Authority", "Tan Wei")}
    assert pairs(extractor, "Iran's judiciary freed Ann Lee on Monday.") == {("releases", "Iran", "Ann Lee")}


def test_a_later_release_counted_from_another_date_keeps_that_date(extractor):
    got = claims(extractor, "In October Saudi Arabia freed 14 prisoners of war, and the Houthis released a Saudi "
                            "pilot, Colonel Majed Harbi, a week later.")
    assert ("releases", "Houthis", "Majed Harbi", "held", "2026-10-01") in got


def test_groups_are_labelled_by_their_own_words_and_one_count_is_one_group(extractor):
    got = claims(extractor, "Sri Lanka released 17 Indian fishermen on Tuesday.")
    assert {c[2] for c in got if c[0] == "releases"} == {"Indian fishermen"}
    got = claims(extractor, "President Ann Lee pardons 211 convicts\n\nPresident Ann Lee signed a decree on Monday. "
                            "Under the decree, 211 persons were pardoned.")
    assert len({c[2] for c in got if c[0] == "pardons"}) == 1


@pytest.mark.parametrize("text", [
    "Secretary Jane Halvorsen discussed the sanctions by phone on Monday with Foreign Minister Seo Dong-hwan.",
    "Jane Halvorsen discussed the crisis with Seo Dong-hwan over the phone.",
])
def test_a_discussion_by_phone_is_a_call_wherever_the_parser_hangs_the_phone(extractor, text):
    assert {r for r, _, _ in pairs(extractor, text)} == {"talksWith"}


def test_one_group_keeps_one_label_across_sentences(extractor):
    doc = Document.from_text("Report\n\nPresident Ann Lee pardoned 16 individuals on Monday. Police released the 16 "
                             "prisoners later that day.", published="2026-11-19")
    labels = {a.claim.obj.label for a in extractor.extract(doc) if a.claim.obj is not None and a.claim.obj.type == "Group"}
    assert labels == {"individuals"}
