"""Constructions read in the ninth session: adopted and regime-named sanctions, described list members, armed groups,
meetings still to come, calls as a setting. Sentences and passages written for these tests."""

from __future__ import annotations

import pytest

from kg.extract.parsed import ParseExtractor
from kg.model.core import Document


@pytest.fixture(scope="module")
def extractor() -> ParseExtractor:
    return ParseExtractor(resolver=None)


def claims(extractor: ParseExtractor, text: str, published: str = "2026-11-19") -> set[tuple[str, str, str, str, str]]:
    """(relation, subject, object, status, date) of every pair the extractor reads in ``text``."""
    doc = Document.from_text("Report\n\n" + text, published=published)
    return {(a.claim.relation, s.label, o.label if o else a.claim.obj.label, a.claim.status, a.claim.date or "")
            for a in extractor.extract(doc) for s, o in a.claim.pairs()}


def pairs(extractor: ParseExtractor, text: str) -> set[tuple[str, str, str]]:
    return {c[:3] for c in claims(extractor, text)}


NOTICE = """The UK has today sanctioned four individuals and entities linked to the war in Myanmar.

Those designated under the Global Anti-Corruption sanctions regime and the Myanmar sanctions regime are:

- Colonel Aung Kyaw Thura, head of the air force's procurement office
- Golden Lotus Aviation Company, which imports aircraft parts

They will be subject to an asset freeze."""


def test_a_regime_named_after_a_country_does_not_make_it_the_imposer(extractor):
    got = pairs(extractor, NOTICE)
    assert ("sanctions", "United Kingdom", "Aung Kyaw Thura") in got
    assert ("sanctions", "United Kingdom", "Golden Lotus Aviation Company") in got
    assert not any(s == "Myanmar" for _, s, _ in got)


def test_sanctions_imposed_by_one_government_and_adopted_by_another(extractor):
    got = pairs(extractor, "Norway adopted the sanctions imposed by the EU on Ivan Petrov and Sergei Orlov.")
    assert got == {("sanctions", imposer, target) for imposer in ("Norway", "European Union")
                   for target in ("Ivan Petrov", "Sergei Orlov")}


def test_the_preposition_the_parser_hangs_on_the_agent_belongs_to_the_verb(extractor):
    got = pairs(extractor, "The measures imposed by Canada against Ivan Petrov last year remain in force.")
    assert got == {("sanctions", "Canada", "Ivan Petrov")}


ADOPTION = ("Bern - Switzerland has today decided to adopt the sanctions imposed by the European Union on 3 November "
            "against three persons and one entity responsible for serious human rights violations in Belarus.\n\n"
            "The persons concerned are Ivan Petrov, director of the prison system, who is responsible for the conditions "
            "in which political prisoners are held at the Volodarsky prison; Sergei Orlov, a colonel of the riot police; "
            "and the company Minsk Steel Works, which supplied the authorities with surveillance equipment.")


def test_members_named_in_semicolon_items_after_a_paragraph_break_with_a_body_among_them(extractor):
    got = pairs(extractor, ADOPTION)
    for target in ("Ivan Petrov", "Sergei Orlov", "Minsk Steel Works"):
        assert ("sanctions", "Switzerland", target) in got
        assert ("sanctions", "European Union", target) in got


def test_a_body_in_a_member_s_description_or_reporting_is_no_member(extractor):
    text = ("Canada sanctioned four officials on Monday. They include Ivan Petrov, a director of the Minsk Tractor "
            "Works, and Oleg Sidorov, the Foreign Ministry said.")
    got = pairs(extractor, text)
    assert {("sanctions", "Canada", "Ivan Petrov"), ("sanctions", "Canada", "Oleg Sidorov")} <= got
    assert not {t for _, _, t in got} & {"Minsk Tractor Works", "Foreign Ministry"}


def test_members_named_after_the_group_take_the_group_s_date_once(extractor):
    got = claims(extractor, "Canada sanctioned four officials on Monday. They include Ivan Petrov and Oleg Sidorov.")
    assert {c for c in got if c[2] == "Ivan Petrov"} == {("sanctions", "Canada", "Ivan Petrov", "held", "2026-11-16")}


@pytest.mark.parametrize("text, group", [
    ("The aid worker Anna Berg was handed over by al-Shabaab to Somali officials on Monday.", "al-Shabaab"),
    ("The aid worker Anna Berg was handed over by al-Qaeda to Malian officials on Monday.", "al-Qaeda"),
])
def test_armed_groups_whose_names_open_in_lower_case(extractor, text, group):
    assert pairs(extractor, text) == {("releases", group, "Anna Berg")}


def test_a_hyphenated_country_is_one_name(extractor):
    got = pairs(extractor, "Guinea-Bissau's President Umaro Embalo met Senegal's President Macky Sall in Dakar.")
    assert got == {("meets", "Umaro Embalo", "Macky Sall")}


@pytest.mark.parametrize("text", [
    "Kenyan President William Otieno and Ugandan President Paul Mugisha held a tête-à-tête in Kampala on Saturday.",
    "Otieno had a brief tete-a-tete with Mugisha in Kampala on Saturday.",
])
def test_a_tete_a_tete_is_a_meeting(extractor, text):
    assert {(r, frozenset((s.split()[-1], o.split()[-1]))) for r, s, o in pairs(extractor, text)} == {
        ("meets", frozenset(("Otieno", "Mugisha")))}


@pytest.mark.parametrize("text", [
    "Foreign Secretary Oliver Pennant was joined by Polish Foreign Minister Jan Nowak for talks on air defence.",
    "Polish Foreign Minister Jan Nowak joined Foreign Secretary Oliver Pennant for dinner in London.",
])
def test_joined_for_talks_is_a_meeting(extractor, text):
    assert {(r, frozenset((s, o))) for r, s, o in pairs(extractor, text)} == {
        ("meets", frozenset(("Jan Nowak", "Oliver Pennant")))}


def test_joining_talks_names_no_counterpart(extractor):
    assert pairs(extractor, "Poland joined the talks in Geneva on Monday.") == set()


def test_a_meeting_still_to_come_after_a_call_keeps_its_own_date(extractor):
    text = ("Chilean Foreign Minister Ana Rojas and Peru's Luis Salazar spoke by phone on Monday ahead of their "
            "meeting in Lima in January.")
    assert claims(extractor, text) == {("talksWith", "Ana Rojas", "Luis Salazar", "held", "2026-11-16"),
                                       ("meets", "Ana Rojas", "Luis Salazar", "planned", "2027-01-01")}


def test_the_call_s_day_does_not_date_the_meeting_to_come(extractor):
    got = claims(extractor, "Ana Rojas and Luis Salazar spoke by phone on Monday prior to their meeting in Lima.")
    assert ("meets", "Ana Rojas", "Luis Salazar", "planned", "") in got


def test_a_call_as_the_setting_of_what_one_side_told_the_other(extractor):
    text = ("On a call late on Monday, Turkish President Cemal Aksoy told Georgian Prime Minister Irakli Beridze that "
            "Ankara would back the deal.")
    assert claims(extractor, text) == {("talksWith", "Cemal Aksoy", "Irakli Beridze", "held", "2026-11-16")}


def test_a_visit_as_a_setting_is_no_call(extractor):
    assert pairs(extractor, "On a visit to Tbilisi, Cemal Aksoy told reporters that Ankara would back the deal.") == set()


def test_a_description_given_a_name(extractor):
    text = ("Two shipping firms and their director, a Chinese national named Lu Jianping, were designated by the "
            "Office of Foreign Assets Control on Tuesday.")
    assert ("sanctions", "Office of Foreign Assets Control", "Lu Jianping") in pairs(extractor, text)


def test_secretary_general_is_a_title_not_a_name(extractor):
    text = ("The Commonwealth Secretary-General, Dr Amara Okoye, has appointed Mr John Brathwaite as her Special "
            "Adviser.")
    assert pairs(extractor, text) == {("advises", "John Brathwaite", "Amara Okoye")}


def test_was_supposed_to_meet_did_not_happen(extractor):
    text = "His chief negotiator, Petar Ilic, was supposed to meet his Kosovo counterpart, Besa Hoxha, in Brussels."
    assert {c[3] for c in claims(extractor, text)} == {"negated"}


def test_a_body_in_a_later_clause_s_including_is_no_listed_member(extractor):
    text = ("Japan imposed sanctions on four individuals on Monday. Japan will keep working with partners, including "
            "the G7, in this regard.")
    assert not any(t == "G7" for _, _, t in pairs(extractor, text))
