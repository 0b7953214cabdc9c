"""Sanctions named after the verb or by a pronoun: fronted passives, "targets include", "the listed X include",
"X said it had frozen", and companies that only their legal form names."""

from __future__ import annotations

import pytest

from kg.extract.parsed import ParseExtractor
from kg.model.core import Document
from tests.extract.test_report_roles import pairs, parse  # noqa: F401  (the fixture and the helper are shared)


ISSUER = "Treasury sanctions arms network\n\nThe Treasury Department on Monday sanctioned the Orlen Arms Company.\n"


@pytest.mark.parametrize("second, targets", [
    ("Also designated were Tomas Varga and Irina Belko, two of its directors.", {"Tomas Varga", "Irina Belko"}),
    ("Also sanctioned was the company's chief financier, Dmitri Solnik.", {"Dmitri Solnik"}),
    ("Targets include its chief engineer, Colonel Anton Rusev.", {"Anton Rusev"}),
    ("The listed individuals include Tomas Varga and Irina Belko.", {"Tomas Varga", "Irina Belko"}),
])
def test_targets_named_after_the_measure_take_the_issuer_named_before(parse: ParseExtractor, second: str,
                                                                      targets: set[str]) -> None:
    found = pairs(parse, ISSUER + second)
    got = {o for r, s, o in found if r == "sanctions" and "Treasury" in s}
    assert targets <= got, found


def test_targets_without_a_sanctions_context_are_not_sanctions(parse: ParseExtractor) -> None:
    found = pairs(parse, "Rebels shelled the city.\nTargets include the central market and Colonel Anton Rusev's base.")
    assert not any(r == "sanctions" for r, _s, _o in found), found


def test_it_in_a_report_is_the_reporter(parse: ParseExtractor) -> None:
    found = pairs(parse, "Canada imposed sanctions on Ivan Lesko on Monday.\n"
                         "Norway said on Friday it had frozen the assets of businessman Petr Hanak.")
    assert ("sanctions", "Norway", "Petr Hanak") in found, found
    assert ("sanctions", "Canada", "Petr Hanak") not in found, found


def test_a_company_named_by_its_legal_form_is_an_actor(parse: ParseExtractor) -> None:
    found = pairs(parse, "The European Union on Tuesday sanctioned Brightwater Logistic LLC for shipping arms to Russia.")
    assert ("sanctions", "European Union", "Brightwater Logistic LLC") in found, found


def test_the_antecedent_of_who_is_the_target(parse: ParseExtractor) -> None:
    found = pairs(parse, "The club's owner, Viktor Malin, who was sanctioned by Canada in 2023, sold his yacht.")
    assert ("sanctions", "Canada", "Viktor Malin") in found, found


def test_a_prefixed_participle_names_the_imposer(parse: ParseExtractor) -> None:
    found = pairs(parse, "The EU-sanctioned businessman Pavel Kordin attended the match.")
    assert ("sanctions", "EU", "Pavel Kordin") in found, found


def test_a_release_in_a_swap_is_not_credited_to_the_other_side(parse: ParseExtractor) -> None:
    found = pairs(parse, "Iran released Karl Weiss in exchange for Reza Amini, who was freed by Belgium.")
    assert ("releases", "Iran", "Karl Weiss") in found and ("releases", "Belgium", "Reza Amini") in found, found
    assert ("releases", "Belgium", "Karl Weiss") not in found, found


class TestWhoMet:
    """A meeting's parties are who the parse says met, not names nearby."""

    def test_a_name_after_a_finished_pair_is_not_a_third_party(self, parse: ParseExtractor) -> None:
        found = pairs(parse, "Soon after the meeting between Kenyan President William Ruto and Nigerian President Bola "
                             "Tinubu, Ghanaian President John Mahama said Africa must speak with one voice.")
        assert ("meets", "William Ruto", "Bola Tinubu") in found, found
        assert not any("Mahama" in (s, o) for _r, s, o in found), found

    def test_unnamed_parties_are_not_replaced_by_a_nearby_name(self, parse: ParseExtractor) -> None:
        found = pairs(parse, "Farmers' leaders met Prime Minister Kwame Osei on Monday, a week after police "
                             "released activist Esi Boateng.")
        assert not any(r == "meets" for r, _s, _o in found), found

    def test_he_in_a_clause_below_is_the_named_subject_above(self, parse: ParseExtractor) -> None:
        found = pairs(parse, "After meeting Prime Minister Anil Rao, President Tomas Berg flew to Hanoi, "
                             "where he was greeted by President Vo Van Lam.")
        assert ("meets", "Vo Van Lam", "Tomas Berg") in found or ("meets", "Tomas Berg", "Vo Van Lam") in found, found
        assert not any({s, o} == {"Vo Van Lam", "Anil Rao"} for _r, s, o in found), found


def test_the_noun_of_a_passive_light_verb_is_read_once(parse: ParseExtractor) -> None:
    found = pairs(parse, "Britain sanctions militia financiers\n\nBritain today announced sanctions on militia leaders.\n"
                         "Sanctions were also imposed on Hezbollah financier Karim Osman.")
    assert ("sanctions", "United Kingdom", "Karim Osman") in found, found
    assert not any(o == "Hezbollah" for _r, _s, o in found), found


class TestWhoReleased:
    """A release names its releaser and the released; background and descriptions name neither."""

    def test_a_description_of_the_released_is_no_group(self, parse: ParseExtractor) -> None:
        found = pairs(parse, "Russia on Friday released Anna Sorokina, a dual U.S.-Russian citizen serving a "
                             "ten-year sentence, in exchange for Pavel Zimin.")
        assert ("releases", "Russia", "Anna Sorokina") in found, found
        assert ("releases", "Russia", "") not in found, found

    def test_a_release_in_the_background_takes_no_releaser_named_before(self, parse: ParseExtractor) -> None:
        found = pairs(parse, "Iran released French teacher Luc Martin on Tuesday.\n"
                             "Rights groups say Iran still holds several Europeans, including journalist Cecile "
                             "Brun, who was freed on bail last year.")
        assert ("releases", "Iran", "Luc Martin") in found, found
        assert not any(o == "Cecile Brun" for r, _s, o in found if r == "releases"), found

    @pytest.mark.parametrize("text, actor", [
        ("Pope Leo appealed to President Igor Danko to release the jailed journalists.", "Igor Danko"),
        ("Chancellor Eva Lind called on President Igor Danko to free opposition leader Marta Vos.", "Igor Danko"),
        ("Chancellor Eva Lind pressed President Igor Danko to free opposition leader Marta Vos.", "Igor Danko"),
    ])
    def test_the_one_asked_to_release_is_the_releaser_and_it_is_not_done(self, parse: ParseExtractor, text: str,
                                                                         actor: str) -> None:
        found = [(a.claim.subject.label, a.claim.status) for a in
                 parse.extract(Document.from_text(text, published="2024-05-02")) if a.claim.relation == "releases"]
        assert found and all(s == actor and st == "planned" for s, st in found), found


def test_the_leaders_after_a_group_are_the_whole_group(parse: ParseExtractor) -> None:
    found = pairs(parse, "Four leaders meet in Riga\n\nPresident Anna Berzina, President Jonas Kalnins and Prime Minister "
                         "Eva Tamm met President Piotr Nowak in Riga on Monday.\n"
                         "The leaders later held a phone call with Chancellor Klaus Werner.")
    callers = {s for r, s, o in found if r == "talksWith" and o == "Klaus Werner"} | \
        {o for r, s, o in found if r == "talksWith" and s == "Klaus Werner"}
    assert {"Anna Berzina", "Jonas Kalnins", "Eva Tamm", "Piotr Nowak"} <= callers, found


@pytest.mark.parametrize("text, imposer, targets", [
    ("The Kora Shipping Company and its captain, Ivo Maric, were hit with sanctions by the United States on Monday.",
     "United States", {"Kora Shipping Company", "Ivo Maric"}),
    ("Businessman Pavel Sokol was slapped with sanctions by Britain.", "United Kingdom", {"Pavel Sokol"}),
])
def test_hit_with_sanctions_by(parse: ParseExtractor, text: str, imposer: str, targets: set[str]) -> None:
    found = pairs(parse, text)
    assert {o for r, s, o in found if r == "sanctions" and s == imposer} == targets, found


def test_the_host_of_a_summit_does_not_meet_everyone_named(parse: ParseExtractor) -> None:
    found = pairs(parse, "Prime Minister Ravi Menon and President Li Wen held talks on Wednesday on the sidelines of "
                         "the regional summit hosted by President Omar Haddad.")
    assert ("meets", "Ravi Menon", "Li Wen") in found, found
    assert not any("Omar Haddad" in (s, o) for _r, s, o in found), found


@pytest.mark.parametrize("text, relation, status", [
    ("In a phone call on Monday, President Ana Ruiz and President Tomas Berg agreed to resume grain exports.",
     "talksWith", "held"),
    ("President Ana Ruiz and President Tomas Berg were scheduled to meet at a regional meeting in Lima next month.",
     "meets", "planned"),
])
def test_the_status_of_an_event_that_sets_the_scene(parse: ParseExtractor, text: str, relation: str, status: str) -> None:
    got = {(a.claim.relation, a.claim.status) for a in parse.extract(Document.from_text(text, published="2024-05-02"))}
    assert (relation, status) in got and all(st == status for r, st in got if r == relation), got


RELEASE = ("Treasury Targets Drone Parts Network\n\nToday, the Department of the Treasury's Office of Foreign Assets "
           "Control (OFAC) is taking action against a network supplying drone parts.\n")


def test_a_title_case_headline_is_not_the_issuer(parse: ParseExtractor) -> None:
    found = pairs(parse, RELEASE + "Colonel Arman Petrosyan is being designated pursuant to E.O. 13224.")
    assert {s for r, s, _o in found if r == "sanctions"} == {"Department of the Treasury"}, found


def test_a_short_name_the_text_defines_is_the_company(parse: ParseExtractor) -> None:
    found = pairs(parse, RELEASE + "Macau-based Lotus Harbor Trading Limited (Lotus) shipped the parts. Lotus is "
                                   "being designated pursuant to E.O. 13382.")
    assert ("sanctions", "Department of the Treasury", "Lotus Harbor Trading Limited") in found, found


def test_a_target_named_beside_another_is_not_its_imposer(parse: ParseExtractor) -> None:
    found = pairs(parse, RELEASE + "Iran-based Nour Sanat Company (Nour) and its managing director, Reza Kamali, are "
                                   "being designated for their role in the procurement.")
    # the issuer is the office that designates ("the Department of the Treasury's OFAC": OFAC, not its owner)
    assert {(s, o) for r, s, o in found if r == "sanctions"} == {
        ("Office of Foreign Assets Control", "Nour Sanat Company"), ("Office of Foreign Assets Control", "Reza Kamali")}, found
