"""Constructions read in the eleventh session: a quoted byname inside a person's name, a colon list after a dated
patient, who breaks measures in force, intents stated by "warned" or "vowed". Sentences written for these tests."""

from __future__ import annotations

import pytest

from kg.extract.parsed import ParseExtractor
from kg.model.core import Assertion, Document
from tests.extract.test_ninth_session import claims, extractor, pairs  # noqa: F401  (the fixture and helpers are shared)


def read(text: str, *, resolver: str | None = None) -> list[Assertion]:
    """What the extractor reads in a whole document ``text`` (its first line the headline), published 2026-11-19."""
    return list(ParseExtractor(resolver=resolver).extract(Document.from_text(text, published="2026-11-19")))


def found(text: str) -> set[tuple[str, str, str]]:
    """(relation, subject, object) of every pair read in the document ``text``."""
    return {(a.claim.relation, a.claim.subject.label, o.label) for a in read(text) for _s, o in a.claim.pairs()
            if o is not None}


def test_a_quoted_byname_inside_a_name_is_one_person(extractor):
    got = pairs(extractor, 'Peru sanctioned Ramiro "El Zorro" Quispe Mamani and Lidia Condori on Tuesday.')
    assert got == {("sanctions", "Peru", "Ramiro Quispe Mamani"), ("sanctions", "Peru", "Lidia Condori")}


def test_the_family_name_alone_later_is_the_same_person(extractor):
    text = ('Colombian marines detained Hernán "Cachaco" Ospina in 2019. Colombia released Ospina on Friday in a '
            'deal with Ecuador.')
    got = pairs(extractor, text)
    assert ("releases", "Colombia", "Hernán Ospina") in got
    assert not any("Cachaco" in s or "Cachaco" in o for _r, s, o in got)


def test_a_quoted_title_is_no_byname(extractor):
    got = pairs(extractor, 'The EU sanctioned the "Wagner Group" and its founder on Friday.')
    assert not any(" " in o and o.split()[0] == "EU" for _r, _s, o in got)


def test_a_colon_list_after_a_dated_patient_names_the_targets(extractor):
    text = ("Norway froze the assets of three shipping executives on Wednesday: Olav Brekke, Sigrun Dahl and "
            "Petter Lund.")
    got = pairs(extractor, text)
    assert {o for r, s, o in got if r == "sanctions" and s == "Norway"} == {"Olav Brekke", "Sigrun Dahl", "Petter Lund"}


@pytest.mark.parametrize("text, imposer, target", [
    ("Regulators said Nordlys Trading had breached the asset freeze on Belarusian banker Ales Hrydzin.",
     None, "Ales Hrydzin"),
    ("Prosecutors say Harbourline Ltd evaded US sanctions on Venezuela for three years.", "United States", "Venezuela"),
    ("Aster Shipping violated EU sanctions against Syrian businessman Samer Foz.", "European Union", "Samer Foz"),
])
def test_who_breaks_measures_in_force_imposed_none(extractor, text, imposer, target):
    got = pairs(extractor, text)
    breaker = text.split(" had ")[0].split(" say ")[-1].split(" said ")[-1].split(" evaded")[0].split(" violated")[0]
    assert not any(s == breaker for _r, s, _o in got)
    if imposer is not None:
        assert ("sanctions", imposer, target) in got


@pytest.mark.parametrize("text, status", [
    ("The Foreign Office warned that it would impose sanctions on Ivo Markov if the vote went ahead.", "planned"),
    ("Japan vowed it would freeze the assets of Ivo Markov.", "planned"),
])
def test_a_warning_or_a_vow_states_a_planned_act(extractor, text, status):
    got = claims(extractor, text)
    assert any(r == "sanctions" and o == "Ivo Markov" and st == status for r, _s, o, st, _d in got)


def test_a_warning_reports_a_refusal_as_negated(extractor):
    got = claims(extractor, "Uzbek President Shavkat Mirziyoyev warned that he would not meet Tajik President "
                            "Emomali Rahmon in Dushanbe.")
    assert {(r, st) for r, _s, _o, st, _d in got} == {("meets", "negated")}


def test_a_list_line_names_an_officer_beside_the_body():
    notice = ("Wellington sanctions arms brokers\n\nNew Zealand has imposed sanctions on three entities and persons. "
              "The designations, made under the Russia Sanctions Act 2022, are:\n"
              "- Korund Optics JSC, a Kazan maker of rifle scopes, and its general director, Ilya Rudnev\n"
              "- Marlin Freight FZE, a Sharjah shipping agent\n")
    got = {(s, o) for _r, s, o in found(notice)}
    assert {("New Zealand", "Korund Optics JSC"), ("New Zealand", "Ilya Rudnev"),
            ("New Zealand", "Marlin Freight FZE")} <= got
    assert not any(s == "Russia" or o == "Russia" for s, o in got)


def test_the_speaker_after_an_including_list_is_no_member(extractor):
    text = ("Norway is imposing sanctions on a further nine individuals and entities, including firms in third "
            "countries that helped Moscow, Foreign Minister Kari Holm announced today.")
    assert not any(o == "Kari Holm" for _r, _s, o in pairs(extractor, text))


@pytest.mark.parametrize("text, pair", [
    ("Kenyan Foreign Minister Amina Odhiambo sat down with her Ugandan counterpart, Joseph Okello, in Kampala on "
     "Monday and was later received by President Moses Kato.", ("Moses Kato", "Amina Odhiambo")),
    ("Visiting Accra, Liberian Foreign Minister Sara Toe met Ghanaian President Kwame Boateng on Tuesday.",
     ("Sara Toe", "Kwame Boateng")),
    ("On a stopover in Doha, Fijian Prime Minister Jone Vula caught up with his Qatari counterpart, Khalid Al-Thani, "
     "over lunch and later with Foreign Minister Salem Al-Kuwari.", ("Jone Vula", "Salem Al-Kuwari")),
])
def test_a_meeting_read_through_a_joined_or_fronted_clause(extractor, text, pair):
    got = pairs(extractor, text)
    assert ("meets", *pair) in got or ("meets", pair[1], pair[0]) in got


def test_guests_named_after_their_description_are_received(extractor):
    got = pairs(extractor, "The foreign ministers of Chad and Sudan, Idriss Mahamat and Hamid Osman, were received "
                           "by Egyptian President Karim Nabil in Cairo on Monday.")
    assert {("meets", "Karim Nabil", "Idriss Mahamat"), ("meets", "Karim Nabil", "Hamid Osman")} <= got


def test_a_transitional_title_is_still_a_title(extractor):
    got = pairs(extractor, "Ousmane Diallo, security adviser to Guinea's transitional president, Lansana Camara, "
                           "travelled with him to Conakry.")
    assert got == {("advises", "Ousmane Diallo", "Lansana Camara")}


def test_an_aged_description_is_no_counted_group(extractor):
    got = pairs(extractor, "Slovak President Pavol Novak granted a pardon to Eva Horakova, a 79-year-old convicted "
                           "of helping her husband die.")
    assert got == {("pardons", "Pavol Novak", "Eva Horakova")}


@pytest.mark.parametrize("text", [
    "Washington lifted the sanctions it had imposed on Ramon Villeda in 2019.",
    "The EU will review the travel bans that it imposed last year on two Bolivian judges, Ana Quispe and Luis Mamani.",
])
def test_measures_named_before_the_clause_that_imposed_them(extractor, text):
    got = pairs(extractor, text)
    assert got and all(r == "sanctions" and s in ("United States", "European Union") for r, s, _o in got)


def test_a_deferred_designation_is_not_held(extractor):
    got = claims(extractor, "The designation of the tanker owner Kim Song Il by Seoul has been deferred.")
    assert not any(st == "held" for _r, _s, _o, st, _d in got)


def test_kosovo_is_a_state(extractor):
    got = pairs(extractor, "Kosovo's prime minister, Arben Krasniqi, met Serbian President Dragan Milovanovic. "
                           "The two leaders last met in Brussels in 2023.")
    assert {frozenset((s, o)) for r, s, o in got if r == "meets"} == {frozenset(("Arben Krasniqi", "Dragan Milovanovic"))}


@pytest.mark.parametrize("text, body", [
    ("Ukraine's National Security and Defence Council imposed sanctions on the trucking firm Volat-Trans.",
     "National Security and Defense Council of Ukraine"),
    ("ECOWAS leaders meeting in Abuja on Sunday imposed sanctions on Guinea-Bissau.",
     "Economic Community of West African States"),
])
def test_regional_and_national_sanctioning_bodies_are_known(text, body):
    got = {a.claim.subject.label for a in read("Report\n\n" + text, resolver="default")}
    assert got == {body}


def test_i_in_a_transcript_turn_is_its_speaker():
    transcript = ("Interview: the envoy's year\n\nHOST (Lena Vik): My guest is Lars Dahl, Norway's special envoy to "
                  "the Sahel.\n\nDAHL: Thank you.\n\nHOST: Who did you see in Bamako?\n\n"
                  "DAHL: I met Foreign Minister Abdoulaye Traore in Bamako in June.\n\nQ: Did you meet the junta's "
                  "leader?\n\nA: No.\n")
    got = found(transcript)
    assert ("meets", "Lars Dahl", "Abdoulaye Traore") in got
    assert not any("Lena Vik" in (s, o) for _r, s, o in got)


def test_a_counted_patient_read_as_a_measure_is_the_patient(extractor):
    got = claims(extractor, "Belarusian leader Viktor Lutsko pardons 52 prisoners, among them journalist Ihar Losik.")
    assert {(r, s, o) for r, s, o, _st, _d in got} == {("pardons", "Viktor Lutsko", "prisoners"),
                                                       ("pardons", "Viktor Lutsko", "Ihar Losik")}


def test_a_verb_first_translation_names_host_then_guest():
    dispatch = ("Sultan receives Iranian minister\n\nMuscat, Dec 8 (ONA) -- Received His Majesty Sultan Salim bin Hamad "
                "this morning at Al Baraka Palace the Foreign Minister of the Islamic Republic of Iran, Dr. Mohsen "
                "Rahbari, who conveyed the greetings of the Iranian President.\n")
    got = found(dispatch)
    assert got == {("meets", "Salim bin Hamad", "Mohsen Rahbari")}


def test_a_guest_hung_on_the_place_is_the_one_received(extractor):
    got = pairs(extractor, "The Minister of Foreign Affairs, Javiera Morales Lagos, received this Monday at the "
                           "Carrera Palace the Chancellor of Peru, Martín Salazar Vega.")
    assert got == {("meets", "Javiera Morales Lagos", "Martín Salazar Vega")}


def test_a_ministers_counterpart_is_the_other_minister(extractor):
    text = ("Iranian Foreign Minister Mohsen Rahbari brought a message from the Iranian President, Ali Navid. "
            "Omani Foreign Minister Badr Al Harthy held talks with his Iranian counterpart in Muscat on Tuesday.")
    got = pairs(extractor, text)
    assert ("meets", "Badr Al Harthy", "Mohsen Rahbari") in got and not any("Ali Navid" in p for p in got)


def test_a_line_marker_is_no_subject():
    brief = ("Brief\n\nArmenian Prime Minister Davit Harutyunyan and Azerbaijani President Elchin Mammadov have said "
             "they are open to talks.\n\nNotes\n[1] Interview with a senior EU official.\n"
             "[2] Harutyunyan and Mammadov last met in Prague in May 2024.\n")
    got = {(a.claim.relation, a.claim.status, a.claim.date) for a in read(brief)}
    assert ("meets", "held", "2024-05-01") in got


@pytest.mark.parametrize("text, status", [
    ("North Korean leader Kim Jong Un has freed no prisoners since the talks began.", "negated"),
    ("Belarusian leader Viktor Lutsko has released no political prisoners this year.", "negated"),
    ("President Laura Chen weighs an invitation to meet Kim Jong Un in Panmunjom.", "planned"),
])
def test_no_patient_and_an_invitation_set_the_status(extractor, text, status):
    got = claims(extractor, text)
    assert got and {st for _r, _s, _o, st, _d in got} == {status}


def test_an_imagined_scene_states_no_event(extractor):
    text = "President Laura Chen met Kim Jong Un in May. Imagine Chen shaking hands with him again in Pyongyang."
    got = claims(extractor, text)
    assert {(s, st) for r, s, _o, st, _d in got} == {("Laura Chen", "held")}


def test_a_parliamentary_answer_is_spoken_by_the_minister_in_brackets():
    answer = ("Written Answers\n\nMinister for Foreign Affairs (Deputy Ciara Ní Bhriain): I met my Egyptian "
              "counterpart, Minister Tarek Abdel-Ghaffar, in Brussels on 17 November.\n")
    assert found(answer) == {("meets", "Ciara Ní Bhriain", "Tarek Abdel-Ghaffar")}


def test_a_semicolon_list_of_described_members_names_each():
    text = ("Report\n\nOn 20 November, the Council of the European Union added three individuals and one entity to the "
            "list. They include a deputy prosecutor of Tehran, Mr. Hamid Karimi; the head of the prisons "
            "organisation of Alborz province, Mr. Saeed Navabi; and a company, Arya Vision Systems, which supplies "
            "cameras.")
    assert found(text) == {("sanctions", "Council of the European Union", name)
                           for name in ("Hamid Karimi", "Saeed Navabi", "Arya Vision Systems")}


def test_a_co_defendant_is_one_word(extractor):
    got = pairs(extractor, "I note that his co-defendant, Mr. Youssef Nabil, was released by the Egyptian "
                           "authorities on 15 November.")
    assert got == {("releases", "Egypt", "Youssef Nabil")}


@pytest.mark.parametrize("text, pair", [
    ("The Foreign Secretary, Rt Hon Eleanor Vance MP, met Kenya's Cabinet Secretary for Foreign and Diaspora Affairs, "
     "Dr. Joseph Mwangi, in London today.", ("Eleanor Vance", "Joseph Mwangi")),
    ("Rubio met the Minister of Foreign Affairs and Trade, Jean Dupont, in Paris.", ("Rubio", "Jean Dupont")),
    ("Party Secretary Li Wei met Vietnamese President Tran Van Minh in Hanoi.", ("Li Wei", "Tran Van Minh")),
])
def test_titles_with_joined_portfolios_and_post_nominals(extractor, text, pair):
    got = pairs(extractor, text)
    assert any(r == "meets" and {s, o} == set(pair) for r, s, o in got), got


def test_a_partnership_is_no_person():
    from kg.extract.mentions import find_mentions, sentences
    from kg.extract.nlp import get_nlp

    sent = sentences(get_nlp()("They discussed the UK-Kenya Strategic Partnership and the Lobito Corridor."))[0]
    assert not [m.text for m in find_mentions(sent, headline=False) if m.kind in ("name", "surname")]


def test_a_chronology_dates_entries_by_the_year_above_them():
    timeline = ("Timeline: the road to the exchange\n\n2024\n\n12 March - Ukrainian President Oleh Marchuk and "
                "Belarusian leader Viktor Lutsko speak by phone.\n\n2025\n\n20 January - Marchuk meets Lithuanian "
                "President Ruta Valaitiene in Vilnius.\n")
    got = {(a.claim.relation, a.claim.date) for a in read(timeline)}
    assert got == {("talksWith", "2024-03-12"), ("meets", "2025-01-20")}


def test_a_briefing_speaker_known_only_by_the_label():
    briefing = ("Remarks to the Press\n\nSECRETARY RUBIO: Good morning. I just came from a meeting with Foreign "
                "Minister Wang Yi. I also spoke by phone yesterday with Foreign Minister Sergey Lavrov.\n\n"
                "QUESTION: Will you meet Lavrov in person?\n\nSECRETARY RUBIO: There is no plan to meet him.\n")
    got = {(r, o) for r, s, o in found(briefing) if s.endswith("Rubio")}
    assert got == {("meets", "Wang Yi"), ("talksWith", "Sergey Lavrov")}


@pytest.mark.parametrize("text", [
    "A meeting between Vladimir Putin and Volodymyr Zelensky remains unlikely this year.",
    "A summit between Vladimir Putin and Volodymyr Zelensky is possible in the spring.",
])
def test_an_event_said_to_be_unlikely_or_possible_is_no_fact(extractor, text):
    assert {st for _r, _s, _o, st, _d in claims(extractor, text)} == {"planned"}
