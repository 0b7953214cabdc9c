"""Status, arguments and attributes the frames read from the parse, on sentences written for these tests."""

from __future__ import annotations

import pytest

from kg.extract.frames import describe, match
from kg.extract.model import get_model
from kg.extract.parsed import ParseExtractor
from kg.model.core import Document


@pytest.fixture(scope="module")
def extractor() -> ParseExtractor:
    return ParseExtractor(resolver=None)


def findings(extractor: ParseExtractor, sentence: str) -> list[tuple[str, frozenset[str], str]]:
    doc = Document.from_text("Report\n" + sentence, published="2024-03-06")
    return sorted((a.claim.relation, frozenset((s.label, o.label if o else "")), a.claim.status)
                  for a in extractor.extract(doc) for s, o in a.claim.pairs())


@pytest.mark.parametrize("sentence, relation, status", [
    # refusal, denial and cancellation are read from the governing verb
    ("Jane Roe has ruled out a meeting with John Doe.", "meets", "refused"),
    ("Jane Roe turned down talks with John Doe.", "meets", "refused"),
    ("Jane Roe denied that she had met John Doe.", "meets", "negated"),
    ("Jane Roe called off her meeting with John Doe.", "meets", "cancelled"),
    ("Jane Roe had planned to meet John Doe but the trip was called off.", "meets", "cancelled"),
    # more ways to say two persons met or talked
    ("Jane Roe hosted a dinner for John Doe at the palace.", "meets", "held"),
    ("Jane Roe hosted a state banquet in honour of John Doe.", "meets", "held"),
    ("Jane Roe paid a visit to John Doe in Lisbon.", "meets", "held"),
    ("Jane Roe received a call from John Doe.", "talksWith", "held"),
    ("Jane Roe and John Doe, who met in Lisbon on Monday, agreed to cooperate.", "meets", "held"),
    ("Jane Roe told John Doe during their meeting that the border would stay open.", "meets", "held"),
    ("Speaking in Lisbon after meeting John Doe, Jane Roe said the talks were good.", "meets", "held"),
])
def test_who_met_or_talked_with_whom_and_the_status(extractor, sentence, relation, status):
    assert findings(extractor, sentence) == [(relation, frozenset({"Jane Roe", "John Doe"}), status)]


def test_a_purpose_clause_shares_the_mood_of_the_journey(extractor):
    hedged = findings(extractor, "Officials said Jane Roe may travel to Lisbon to meet John Doe.")
    assert hedged == [("meets", frozenset({"Jane Roe", "John Doe"}), "planned")]
    done = findings(extractor, "Jane Roe travelled to Lisbon on Monday to meet John Doe.")
    assert done == [("meets", frozenset({"Jane Roe", "John Doe"}), "held")]


def test_a_threat_is_a_plan_not_an_act(extractor):
    assert findings(extractor, "The European Union threatened to impose sanctions on John Doe.") == [
        ("sanctions", frozenset({"European Union", "John Doe"}), "planned")]


def test_a_common_noun_named_by_its_appositions_is_no_side():
    [hit] = [h for h in match(get_model()("The two ministers, Jane Roe and Ann Lee, last spoke in June."))
             if h.relation == "talksWith"]
    assert describe(hit)["agents"] == ["Roe"] and describe(hit)["others"] == ["Lee"]


def test_the_pair_named_in_apposition_is_found(extractor):
    assert findings(extractor, "The two ministers, Jane Roe and Ann Lee, last spoke in June.") == [
        ("talksWith", frozenset({"Jane Roe", "Ann Lee"}), "held")]


def places(extractor: ParseExtractor, sentence: str) -> dict[frozenset[str], str | None]:
    doc = Document.from_text("Report\n" + sentence, published="2024-03-06")
    return {frozenset((s.label, o.label)): a.claim.place for a in extractor.extract(doc) for s, o in a.claim.pairs()}


@pytest.mark.parametrize("sentence, place", [
    ("Talks between Jane Roe and John Doe took place in Lisbon on Monday.", "Lisbon"),
    ("Jane Roe arrived in Lisbon on Monday for talks with John Doe.", "Lisbon"),
])
def test_the_place_of_an_event_noun_is_read_from_the_verb_that_carries_it(extractor, sentence, place):
    assert places(extractor, sentence) == {frozenset({"Jane Roe", "John Doe"}): place}


def test_a_where_clause_takes_the_place_it_hangs_from_not_the_person_before_it(extractor):
    got = places(extractor, "Jane Roe met John Doe in Lisbon, where she also met Ann Lee.")
    assert got == {frozenset({"Jane Roe", "John Doe"}): "Lisbon", frozenset({"Jane Roe", "Ann Lee"}): "Lisbon"}


def test_targets_the_parser_strands_under_pursuant_are_the_verbs_objects(extractor):
    doc = Document.from_text("Report\nThe Treasury today designated Ivan Orlov, Petra Stoll, and Kestrel Shipping "
                             "pursuant to E.O. 13224.", published="2024-03-06")
    targets = {o.label for a in extractor.extract(doc) if a.claim.relation == "sanctions" for _s, o in a.claim.pairs()}
    assert targets == {"Ivan Orlov", "Petra Stoll", "Kestrel Shipping"}


def test_taking_action_against_someone_is_a_sanction_only_in_a_sanctions_context(extractor):
    said = "The United States today took action against Ivan Orlov and Petra Stoll"
    assert findings(extractor, said + ", freezing their assets under sanctions rules.") == [
        ("sanctions", frozenset({"United States", "Ivan Orlov"}), "held"),
        ("sanctions", frozenset({"United States", "Petra Stoll"}), "held")]
    assert findings(extractor, said + " over the collapse of the talks.") == []


def groups(extractor: ParseExtractor, sentence: str) -> list[tuple[str, str, int | None]]:
    doc = Document.from_text("Report\n" + sentence, published="2024-03-06")
    return sorted((a.claim.relation, a.claim.subject.label, a.claim.obj.count) for a in extractor.extract(doc)
                  if a.claim.obj is not None and a.claim.obj.type == "Group")


def test_the_one_thanked_for_a_release_is_the_releaser(extractor):
    assert groups(extractor, "Jane Roe thanked John Doe for the release of 12 prisoners on Friday.") == [
        ("releases", "John Doe", 12)]


def test_any_counted_plural_of_persons_released_is_a_group(extractor):
    assert groups(extractor, "Valoria freed 222 opponents of the government on Thursday.") == [
        ("releases", "Valoria", 222)]


def test_those_thanked_after_a_release_did_not_release_anyone(extractor):
    text = ("Report\nValoria released Mark Otto on Monday.\n"
            "His wife thanked Jane Roe, John Doe and the European Union after her husband was freed.")
    found = {(a.claim.relation, a.claim.subject.label, a.claim.obj.label)
             for a in extractor.extract(Document.from_text(text, published="2024-03-06"))}
    assert found == {("releases", "Valoria", "Mark Otto")}


def test_named_members_the_parser_hangs_on_the_last_noun_belong_to_the_plural_patient(extractor):
    assert findings(extractor, "Britain on Thursday sanctioned several allies of the Valorian president, "
                               "including Ivan Orlov and Petra Stoll.") == [
        ("sanctions", frozenset({"United Kingdom", "Ivan Orlov"}), "held"),
        ("sanctions", frozenset({"United Kingdom", "Petra Stoll"}), "held")]


def test_a_date_in_a_clause_of_its_own_dates_that_clause_not_the_event(extractor):
    doc = Document.from_text("Report\nAnn Lee, who was freed by Valoria in 2019, met John Doe in Oslo.",
                             published="2024-03-06")
    dates = {a.claim.relation: (a.claim.date, a.claim.date_basis) for a in extractor.extract(doc)}
    assert dates == {"releases": ("2019-01-01", "explicit"), "meets": ("2024-03-06", "published")}


def test_a_dinner_for_a_cause_or_a_meeting_of_nobody_named_is_no_pair(extractor):
    assert findings(extractor, "Jane Roe hosted a dinner for charity at the palace.") == []
    assert findings(extractor, "Jane Roe praised the deal during their meeting.") == []


def test_adding_names_to_a_sanctions_list_sanctions_them(extractor):
    assert findings(extractor, "Canada on Friday expanded its sanctions, adding Ivan Orlov and Petra Stoll to its list.") == [
        ("sanctions", frozenset({"Canada", "Ivan Orlov"}), "held"),
        ("sanctions", frozenset({"Canada", "Petra Stoll"}), "held")]
    assert findings(extractor, "Canada added Ivan Orlov to its delegation for the sanctions talks.") == []


def test_a_name_in_a_clause_on_a_common_noun_patient_is_no_target(extractor):
    assert findings(extractor, "The United States announced new sanctions on an arms network supplying Valoria.") == []


def test_a_question_put_to_someone_is_no_event(extractor):
    assert findings(extractor, 'Asked whether he would meet John Doe, Jane Roe said: "There are no plans."') == []


def test_the_main_verbs_date_does_not_date_a_relative_clause_on_its_subject(extractor):
    doc = Document.from_text("Report\nJane Roe, who has met John Doe twice this year, said on Monday that talks "
                             "would resume.", published="2024-03-06")
    [a] = [a for a in extractor.extract(doc) if a.claim.relation == "meets"]
    assert (a.claim.status, a.claim.date) == ("held", None)


def test_each_side_of_a_swap_releases_its_own_prisoner(extractor):
    doc = Document.from_text("Report\nValoria and Norland exchanged prisoners on Friday, with Valoria freeing "
                             "Mark Otto and Norland releasing Sara Lind.", published="2024-03-06")
    pairs = {(s.label, o.label) for a in extractor.extract(doc) if a.claim.relation == "releases"
             for s, o in a.claim.pairs()}
    assert pairs == {("Valoria", "Mark Otto"), ("Norland", "Sara Lind")}


def test_who_arrived_after_being_released_is_the_one_released(extractor):
    assert findings(extractor, "Mark Otto arrived home after being released by Valoria.") == [
        ("releases", frozenset({"Valoria", "Mark Otto"}), "held")]
