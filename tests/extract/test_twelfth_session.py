"""Constructions read in the twelfth session: a programme's verbless entries, organs "in" a state, the rest of a
hyphenated compound, "whom" after a place, and a sentence's verb read as a modifier after its subject's apposition.
Sentences and documents written for these tests."""

from __future__ import annotations

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
