"""Who takes part, on sentences written here: a family name standing alone, and discussing with someone.

News copy often names a person only by family name, the full name having come paragraphs earlier or never
("Ilves and Moretti last met in 2021"). Where the parser reads such a lone proper noun as a party to the verb (its
subject, object, or the object of "with", "to" or "by") it is a person; a place, a dateline or a given name
shared with the family name after it is not. Discussing something with someone is an encounter, unless it retells
one the text has told.
"""

from __future__ import annotations

import pytest

from kg.extract.parsed import ParseExtractor
from kg.model.core import Document


@pytest.fixture(scope="module")
def extractor() -> ParseExtractor:
    return ParseExtractor(resolver=None)


def findings(extractor: ParseExtractor, sentence: str) -> set[tuple[str, frozenset[str], str]]:
    doc = Document.from_text("Report\n" + sentence, published="2024-03-06")
    return {(a.claim.relation, frozenset(x.label for x in pair if x is not None), a.claim.status)
            for a in extractor.extract(doc) for pair in a.claim.pairs()}


@pytest.mark.parametrize("sentence, relation, pair, status", [
    ("Kowalczyk told reporters he had spoken to Haugland late on Tuesday.", "talksWith",
     {"Kowalczyk", "Haugland"}, "held"),
    ("Szabo could meet Lindqvist as early as next month, an official in the ministry said.", "meets",
     {"Szabo", "Lindqvist"}, "planned"),
    ("Okafor, who first met Brennan in 2015 when both were junior diplomats, called him a friend.", "meets",
     {"Okafor", "Brennan"}, "held"),
    ("Halvorsen and Brandt last met in Oslo in 2019, at a Nordic summit.", "meets", {"Halvorsen", "Brandt"}, "held"),
    ("Ilves and Moretti last met in Rome in 2021.", "meets", {"Ilves", "Moretti"}, "held"),
    ("The two envoys, Achterberg and Quispe, met in Lima on Friday.", "meets", {"Achterberg", "Quispe"}, "held"),
    ("Delacroix held talks with Varga on the sidelines of the forum.", "meets",
     {"Delacroix", "Varga"}, "held"),
])
def test_a_lone_family_name_in_a_partys_slot_is_a_person(extractor, sentence, relation, pair, status):
    assert (relation, frozenset(pair), status) in findings(extractor, sentence)


@pytest.mark.parametrize("sentence, not_an_actor", [
    ("Tromsø, Norway — Foreign Minister Lena Dahl said she had spoken to Prime Minister Aron Vaher.", "Tromsø"),
    ("Kiruna, Lapland — Foreign Minister Lena Dahl met Prime Minister Aron Vaher at the mine.", "Lapland"),
    ("Police freed Peter and Linda Hargreaves, a couple held for two months.", "Peter"),
    ("The minister praised the Global Food Security Call to Action and spoke with Prime Minister Aron Vaher.",
     "Action"),
])
def test_a_place_a_dateline_or_a_given_name_is_not_a_person(extractor, sentence, not_an_actor):
    labels = {label for _rel, pair, _status in findings(extractor, sentence) for label in pair}
    assert not_an_actor not in labels


def test_paying_a_courtesy_call_is_a_visit_not_a_phone_call(extractor):
    found = findings(extractor, "Minister Ana Moreau paid a courtesy call on President Tomas Lind before flying home.")
    assert ("meets", frozenset({"Ana Moreau", "Tomas Lind"}), "held") in found
    assert not any(rel == "talksWith" for rel, _pair, _status in found)


@pytest.mark.parametrize("sentence, relation", [
    ("Foreign Minister Kofi Mensah said he had discussed the drought with Mali's Awa Traore during a meeting in Bamako.",
     "meets"),
    ("President Lena Roos discussed trade with Prime Minister Aron Vaher by phone on Monday.", "talksWith"),
])
def test_discussing_something_with_someone_is_an_encounter(extractor, sentence, relation):
    assert {rel for rel, pair, _status in findings(extractor, sentence) if len(pair) == 2} == {relation}


def test_a_discussion_of_a_pair_already_told_is_not_a_second_encounter(extractor):
    text = ("Prime Minister Aron Vaher spoke by phone with President Lena Roos on Monday. "
            "The Prime Minister and the President discussed energy prices.")
    assert {rel for rel, _pair, _status in findings(extractor, text)} == {"talksWith"}


def test_discussing_with_reporters_is_no_encounter(extractor):
    assert findings(extractor, "President Lena Roos discussed the budget with reporters on Monday.") == set()


@pytest.mark.parametrize("sentence, names", [
    ("The interior ministers of Chile, Peru and Bolivia, Ana Soto, Luis Prado and Rosa Mamani, met in Lima on Monday.",
     {"Ana Soto", "Luis Prado", "Rosa Mamani"}),
    ("The foreign ministers of Ghana and Togo, Kofi Mensah and Ama Lawson, met in Accra.", {"Kofi Mensah", "Ama Lawson"}),
])
def test_names_after_a_plural_description_are_the_parties(extractor, sentence, names):
    doc = Document.from_text("Report\n" + sentence, published="2024-03-06")
    [meeting] = [a.claim for a in extractor.extract(doc) if a.claim.relation == "meets"]
    assert {x.label for pair in meeting.pairs() for x in pair if x is not None} == names


@pytest.mark.parametrize("sentence, pair", [
    ("Speaking after talks in Riga with his Latvian counterpart, Janis Ozols, Estonian Foreign Minister Peeter Kask "
     "said the two countries would share radar data.", {"Janis Ozols", "Peeter Kask"}),
    ("Speaking after talks with Prime Minister Aron Vaher, President Lena Roos said the two sides agreed.",
     {"Aron Vaher", "Lena Roos"}),
])
def test_an_opening_participles_talks_are_the_main_subjects(extractor, sentence, pair):
    assert ("meets", frozenset(pair), "held") in findings(extractor, sentence)


def test_the_lone_holder_of_a_post_is_a_person(extractor):
    found = findings(extractor, "Lindqvist's senior policy adviser, Maja Berglund, met Prime Minister Aron Vaher.")
    assert ("advises", frozenset({"Maja Berglund", "Lindqvist"}), "held") in found


@pytest.mark.parametrize("sentence, relation, pair", [
    ("In a phone call on Tuesday, Chancellor Ines Hartmann told President Rafael Ortiz that aid would come.",
     "talksWith", {"Ines Hartmann", "Rafael Ortiz"}),
    ("During a meeting in Oslo, Prime Minister Kari Lund assured President Rafael Ortiz of her support.",
     "meets", {"Kari Lund", "Rafael Ortiz"}),
])
def test_the_one_addressed_in_an_encounter_is_its_other_side(extractor, sentence, relation, pair):
    assert (relation, frozenset(pair), "held") in findings(extractor, sentence)


def test_telling_a_news_agency_in_an_interview_is_no_encounter(extractor):
    assert findings(extractor, "In an interview, President Rafael Ortiz told Reuters that he would run again.") == set()


@pytest.mark.parametrize("sentence, expected", [
    ("Foreign Minister Kenji Sato called on President Ana Ruiz at the palace on Monday.",
     {("meets", frozenset({"Kenji Sato", "Ana Ruiz"}), "held")}),
    ("President Ana Ruiz called on Prime Minister Lars Berg to step down.", set()),
    ("Sato has invited Ruiz to visit Tokyo next year.", {("meets", frozenset({"Sato", "Ruiz"}), "planned")}),
    ("The meeting between Sato and Ruiz ended without an agreement.", {("meets", frozenset({"Sato", "Ruiz"}), "held")}),
])
def test_courtesy_calls_invitations_and_meetings_between_two(extractor, sentence, expected):
    assert findings(extractor, sentence) == expected


@pytest.mark.parametrize("sentence, state, freed", [
    ("Niger's junta freed the French engineer Paul Marchand on Sunday.", "Niger", "Paul Marchand"),
    ("The junta in Niger freed the French engineer Paul Marchand on Sunday.", "Niger", "Paul Marchand"),
    ("The regime in Tehran released the Swedish diplomat Johan Berg.", "Iran", "Johan Berg"),
])
def test_a_states_rulers_named_by_their_country_act_for_it(extractor, sentence, state, freed):
    assert ("releases", frozenset({state, freed}), "held") in findings(extractor, sentence)


def test_a_country_name_that_is_also_a_word_needs_the_state_after_it(extractor):
    assert not any("Chad" in pair for _rel, pair, _status in findings(
        extractor, "Chad Miller met Foreign Minister Ana Ruiz in Lima."))


def test_a_relative_clause_on_a_description_acts_on_the_name_it_describes(extractor):
    found = findings(extractor, "The Treasury sanctioned Orion Shipping, a firm that the European Union sanctioned in 2021.")
    assert ("sanctions", frozenset({"European Union", "Orion Shipping"}), "held") in found


def test_a_cancellation_after_but_cancels_the_plan(extractor):
    found = findings(extractor, "Sato was scheduled to meet Ruiz on Friday, but Ruiz cancelled the meeting.")
    assert {status for rel, _pair, status in found if rel == "meets"} == {"cancelled"}


def test_a_legal_form_after_a_head_word_belongs_to_the_name(extractor):
    found = findings(extractor, "The Treasury designated the trading firm Falcon Metals FZE and its director.")
    assert any("Falcon Metals FZE" in pair for rel, pair, _status in found if rel == "sanctions")
    assert not any("FZE" in pair for _rel, pair, _status in found)


@pytest.mark.parametrize("sentence", [
    "Tomas Lind was appointed special adviser on the Indo-Pacific to Foreign Secretary Ana Ruiz.",
    "Tomas Lind has been named senior adviser to President Ana Ruiz.",
    "Tomas Lind, special adviser on energy to President Ana Ruiz, resigned on Friday.",
])
def test_an_adviser_named_to_a_post(extractor, sentence):
    assert ("advises", frozenset({"Tomas Lind", "Ana Ruiz"}), "held") in findings(extractor, sentence)


def test_a_listing_under_a_sanctions_law_is_a_sanction(extractor):
    found = findings(extractor, "Canada listed Vostok Trading and its chairman Oleg Malkov under the Special Economic "
                                "Measures Act.")
    assert {pair for rel, pair, _status in found if rel == "sanctions"} == {
        frozenset({"Canada", "Vostok Trading"}), frozenset({"Canada", "Oleg Malkov"})}


@pytest.mark.parametrize("sentence, expected", [
    ("Envoy Tomas Lind handed the letter to President Ana Ruiz in Asmara on Monday.",
     {("meets", frozenset({"Tomas Lind", "Ana Ruiz"}), "held")}),
    ("Lind conveyed a message to President Ana Ruiz by phone.", {("talksWith", frozenset({"Lind", "Ana Ruiz"}), "held")}),
    ("Berg later attended a working dinner with President Ana Ruiz.", {("meets", frozenset({"Berg", "Ana Ruiz"}), "held")}),
    ("Berg had dinner with reporters.", set()),
    ("The announcement came a day after Ruiz met Prime Minister Lars Berg in Oslo.",
     {("meets", frozenset({"Ruiz", "Lars Berg"}), "held")}),
])
def test_letters_dinners_and_meetings_told_in_passing(extractor, sentence, expected):
    assert findings(extractor, sentence) == expected


def test_two_lone_names_that_met_are_persons_whatever_the_recogniser_calls_one(extractor):
    doc = Document.from_text("Report\nIlves and Moretti last met in Rome in 2021.", published="2024-03-06")
    [a] = extractor.extract(doc)
    assert {a.claim.subject.type, a.claim.obj.type} == {"Person"}
