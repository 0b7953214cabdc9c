"""Constructions read in the twelfth session: a programme's verbless entries, organs "in" a state, the rest of a
hyphenated compound, "whom" after a place, and a sentence's verb read as a modifier after its subject's apposition.
Sentences and documents written for these tests."""

from __future__ import annotations

import pytest

from tests.extract.test_eleventh_session import found, read
from tests.extract.test_ninth_session import extractor, pairs  # noqa: F401  (the fixture and helper are shared)


def test_a_programmes_verbless_entries_are_its_principals_encounters():
    text = ("President's programme in Nairobi\n\n"
            "President Hakainde Hichilema held several meetings on the sidelines of the summit on Friday.\n\n"
            "- Bilateral meeting with President William Ruto of Kenya.\n"
            "- Phone call with Prime Minister Keir Starmer.\n"
            "- Bilateral with President Samia Suluhu Hassan, who invited him to Dodoma in March.\n"
            "- Courtesy call by the Ambassador of Japan, Kenji Mori.\n")
    got = found(text)
    assert ("meets", "Hakainde Hichilema", "William Ruto") in got
    assert ("talksWith", "Hakainde Hichilema", "Keir Starmer") in got
    assert ("meets", "Hakainde Hichilema", "Samia Suluhu Hassan") in got
    assert ("meets", "Hakainde Hichilema", "Kenji Mori") in got
    assert not any(r == "meets" and o == "Keir Starmer" for r, _s, o in got)


def test_an_entry_that_did_not_happen_is_no_held_meeting():
    text = ("Minister's week\n\nForeign Minister Ana Brnabic had a busy week in Brussels.\n\n"
            "- Meeting with Kaja Kallas, postponed.\n- Working lunch with Marta Kos.\n")
    got = {(a.claim.relation, a.claim.subject.label, o.label, a.claim.status) for a in read(text)
           for _s, o in a.claim.pairs() if o is not None}
    assert ("meets", "Ana Brnabic", "Marta Kos", "held") in got
    assert ("meets", "Ana Brnabic", "Kaja Kallas", "cancelled") in got
    assert not any(o == "Kaja Kallas" and st == "held" for _r, _s, o, st in got)


def test_an_entry_with_nobody_named_before_it_is_nobodys():
    text = "Schedule\n\nThe summit opened on Friday.\n\n- Bilateral meeting with President William Ruto of Kenya.\n"
    assert not any(r == "meets" for r, _s, _o in found(text))


def test_authorities_in_a_state_are_the_state(extractor):
    got = pairs(extractor, "On Friday, authorities in Tajikistan released the blogger Daler Imomali and two relatives.")
    assert ("releases", "Tajikistan", "Daler Imomali") in got


def test_the_government_in_a_capital_is_the_state(extractor):
    got = pairs(extractor, "Government in Caracas freed the Colombian activist Rocio Baena on Monday.")
    assert ("releases", "Venezuela", "Rocio Baena") in got


def test_the_rest_of_a_hyphenated_compound_is_no_person():
    text = ("Summit\n\nPresident Lula met Premier Li Qiang to prepare the China-Brazil Partnership Forum in Brasilia.")
    got = found(text)
    assert not any("Brazil Partnership" in o or "Brazil Partnership" in s for _r, s, o in got)


def test_whom_after_a_place_stands_for_the_persons_before_it(extractor):
    text = ("The minister spoke about the release of nine Senegalese traders held in Mauritania, whom the "
            "Mauritanian authorities freed on Sunday.")
    got = pairs(extractor, text)
    assert not any(r == "releases" and o == "Mauritania" for r, _s, o in got)
    assert any(r == "releases" and s == "Mauritania" and "traders" in o for r, s, o in got)


def test_a_verb_after_the_subjects_apposition_is_the_sentences_own(extractor):
    text = ("The Minister of Foreign Affairs of Peru, Elmer Schialer, received on Monday at the Torre Tagle Palace "
            "his Chilean counterpart, Alberto van Klaveren.")
    assert ("meets", "Elmer Schialer", "Alberto van Klaveren") in pairs(extractor, text)


def test_a_bulleted_entry_naming_the_counterpart_and_topics_is_a_meeting_dated_by_its_heading():
    text = ("Chancellor's week in Brussels\n\nChancellor Ewa Lindqvist met four leaders this week, her office said.\n\n"
            "Tuesday 3 March\n- President of Portugal Rui Tavares: energy links, the Lisbon port project.\n"
            "- Prime Minister of Greece Nikos Vlachos: migration.\n\nWednesday 4 March\n"
            "- President of Latvia Inese Ozola: defence.\n")
    got = {(a.claim.subject.label, o.label, a.claim.date) for a in read(text) for _s, o in a.claim.pairs()
           if a.claim.relation == "meets" and o is not None}
    assert ("Ewa Lindqvist", "Rui Tavares", "2026-03-03") in got
    assert ("Ewa Lindqvist", "Nikos Vlachos", "2026-03-03") in got
    assert ("Ewa Lindqvist", "Inese Ozola", "2026-03-04") in got
    assert not any(s == "Rui Tavares" for s, _o, _d in got)


def test_a_heading_dates_no_planned_event():
    text = ("Programme\n\nPresident Ana Ruiz travelled to Accra.\n\nMonday 9 March\n"
            "- Meeting with President John Mahama, who invited her to return in the autumn.\n")
    got = {(a.claim.status, a.claim.date) for a in read(text) if a.claim.relation == "meets"}
    assert ("held", "2026-03-09") in got
    assert not any(st == "planned" and d == "2026-03-09" for st, d in got)


def test_a_named_dam_or_debate_is_no_person(extractor):
    text = ("Prime Minister Abiy Ahmed discussed the Grand Ethiopian Renaissance Dam with President Sisi after his "
            "address to the General Debate.")
    got = pairs(extractor, text)
    assert not any("Dam" in o or "Debate" in o or "Dam" in s or "Debate" in s for _r, s, o in got)


def test_the_owner_of_an_upheld_freeze_imposed_it_not_the_court(extractor):
    got = pairs(extractor, "The Federal Court on Monday upheld the Treasury's freeze on the assets of Olga Berezina.")
    assert not any(r == "sanctions" and s == "Federal Court" for r, s, _o in got)


def test_a_regime_named_inside_an_owned_list_is_no_imposer(extractor):
    text = "Taras Hlib and Oksana Vovk were added to the EU's Belarus human rights sanctions list in March."
    got = pairs(extractor, text)
    assert ("sanctions", "European Union", "Taras Hlib") in got
    assert not any(r == "sanctions" and s == "Belarus" for r, s, _o in got)


def test_a_courts_chamber_is_no_person():
    text = ("Ruling\n\nThe court's Second Chamber ruled on Friday. It found that Pavel Dudko had met General Anton "
            "Sholk twice.")
    assert not any("Chamber" in s for _r, s, _o in found(text))


def test_malay_honorifics_are_no_part_of_the_name(extractor):
    text = ("The Foreign Minister, Dato' Seri Hassan Rahim, met the Foreign Minister of Brunei, Dato Haji Amin "
            "Yusof, in Kuala Lumpur.")
    assert ("meets", "Hassan Rahim", "Amin Yusof") in pairs(extractor, text)


def test_a_courtesy_call_received_is_a_visit(extractor):
    got = pairs(extractor, "On Monday the minister, Hassan Rahim, received a courtesy call from Ambassador Lena Brooke.")
    assert ("meets", "Hassan Rahim", "Lena Brooke") in got
    assert not any(r == "talksWith" for r, _s, _o in got)


def test_the_released_of_a_verb_read_as_the_main_one_are_its_subject(extractor):
    text = "Nine Thai fishermen, detained since May for illegal fishing, were released by Myanmar on Sunday."
    got = pairs(extractor, text)
    assert any(r == "releases" and s == "Myanmar" and "fishermen" in o for r, s, o in got)


def test_a_numbered_section_marker_is_no_part_of_the_count():
    text = ("Report\n\n4.2 Eleven Filipino seafarers held since June were freed by the Houthis on 2 March 2026.")
    got = [(a.claim.obj.label, a.claim.obj.count) for a in read(text) if a.claim.relation == "releases"]
    assert got and got[0] == ("Filipino seafarers", 11)


def test_a_second_object_hung_on_the_verb_is_met_too(extractor):
    text = ("On the sidelines, the Minister, Ana Ruiz, met the Foreign Minister of the Kingdom of Bhutan, H.E. Karma "
            "Dorji, and the Foreign Minister of Nepal, H.E. Sita Rana, in separate meetings.")
    got = pairs(extractor, text)
    assert {("meets", "Ana Ruiz", "Karma Dorji"), ("meets", "Ana Ruiz", "Sita Rana")} <= got


def test_a_release_signed_in_its_dateline_is_that_bodys():
    text = ("March 2, 2026 - Canberra - Department of Foreign Affairs and Trade\n\n"
            "Today the Minister announced sanctions against two individuals responsible for abuses in Port Moresby.\n\n"
            "The sanctions target Kila Wari and Peni Toa.\n")
    got = found(text)
    assert not any(r == "sanctions" and s == "Papua New Guinea" for r, s, _o in got)
    assert any(r == "sanctions" and o == "Kila Wari" and s == "Department of Foreign Affairs and Trade"
               for r, s, o in got)


def test_rung_is_a_call(extractor):
    text = "Latvian President Edgars Rinkevics said he had rung Estonian President Alar Karis on Sunday night."
    assert ("talksWith", "Edgars Rinkevics", "Alar Karis") in pairs(extractor, text)


@pytest.mark.parametrize("text, kept, blocker, target", [
    ("Austria once again blocked the EU from sanctioning the Serbian banker Goran Ilic.", "European Union", "Austria",
     "Goran Ilic"),
    ("Greece prevented the EU from imposing sanctions on the Turkish shipowner Emre Kaya.", "European Union", "Greece",
     "Emre Kaya"),
])
def test_one_kept_from_sanctioning_did_not_and_the_blocker_imposed_nothing(text, kept, blocker, target):
    got = {(a.claim.subject.label, o.label, a.claim.status) for a in read(text) for _s, o in a.claim.pairs()
           if a.claim.relation == "sanctions" and o is not None}
    assert (kept, target, "negated") in got
    assert not any(s == blocker for s, _o, _st in got)
    assert not any(st == "held" for _s, _o, st in got)


def test_a_states_police_or_state_security_is_the_state(extractor):
    assert ("releases", "Nigeria", "Chinese engineers") in pairs(extractor, "Nigerian police freed two Chinese engineers on Sunday.")
    got = pairs(extractor, "Iranian state security released the French teacher Cecile Morel on Friday.")
    assert ("releases", "Iran", "Cecile Morel") in got


def test_breaking_bread_with_or_being_the_guest_of_is_a_meeting(extractor):
    got = pairs(extractor, "In Tunis on Monday, President Kais Saied broke bread with Algerian President Abdelmadjid Tebboune.")
    assert ("meets", "Kais Saied", "Abdelmadjid Tebboune") in got
    got = pairs(extractor, "Ghanaian President John Mahama was the guest of his Togolese counterpart, Faure Gnassingbe, "
                           "at a state dinner in Lome.")
    assert ("meets", "John Mahama", "Faure Gnassingbe") in got
    assert not pairs(extractor, "The guest of honour at the gala was the actor Tom Hanks.")


def test_each_side_of_a_swap_frees_its_own_prisoner(extractor):
    text = ("Serbia and Croatia exchanged prisoners on Friday, with Belgrade freeing the Croatian engineer Ivan Horvat "
            "and Zagreb releasing a Serbian national convicted of smuggling, Milan Jovic.")
    got = pairs(extractor, text)
    assert ("releases", "Serbia", "Ivan Horvat") in got
    assert ("releases", "Croatia", "Milan Jovic") in got
    assert not any(s == "Ivan Horvat" for _r, s, _o in got)


def test_a_guest_named_after_a_place_with_its_own_of_phrase_is_received(extractor):
    text = ("The Prime Minister, Luis Montenegro, received this Thursday in the Palace of Sao Bento the head of the "
            "Cape Verdean Government, Ulisses Correia e Silva.")
    assert any(r == "meets" and s == "Luis Montenegro" and o.startswith("Ulisses") for r, s, o in pairs(extractor, text))


def test_a_bulleted_meeting_that_did_not_take_place_is_negated():
    text = ("Programme\n\nPresident Ana Ruiz held talks in Lima on Monday.\n\n"
            "- The meeting with President Jose Jeri, scheduled for the afternoon, did not take place.\n"
            "- Meeting with Prime Minister Eduardo Arana.\n")
    got = {(o.label, a.claim.status) for a in read(text) for _s, o in a.claim.pairs()
           if a.claim.relation == "meets" and a.claim.subject.label == "Ana Ruiz" and o is not None}
    assert got == {("Jose Jeri", "negated"), ("Eduardo Arana", "held")}


def test_a_subheading_in_a_story_is_no_programme_entry():
    text = ("Live: the crisis talks\n\nPresident Ana Ruiz spoke to reporters in Brussels on Monday.\n\n"
            "Talks with Iran\n\nDiplomats said a round of talks could open next week.\n\n"
            "Call with Zelensky\n\nNo call has been scheduled, her office said.\n")
    assert not any(s == "Ana Ruiz" for _r, s, _o in found(text))


def test_a_meeting_on_the_sidelines_of_an_attended_event_is_placed_there():
    text = ("Report\n\nOn 12 May, Foreign Minister Ana Ruiz attended the OSCE Ministerial Council in Valletta. On the "
            "sidelines, the Minister met the Foreign Minister of Malta, Ian Borg.")
    places = {a.claim.place for a in read(text) if a.claim.relation == "meets"}
    assert places == {"Valletta"}
