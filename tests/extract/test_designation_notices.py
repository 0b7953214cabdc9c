"""Designation notices as treasuries and foreign ministries publish them: unbulleted list entries, the issuer
of agentless passive designations, repeated prepositions and companies described by their owner.
Every text here is written for the test."""

from __future__ import annotations

import pytest

from kg.extract.parsed import ParseExtractor
from tests.extract.test_report_roles import pairs, parse  # noqa: F401  (the fixture and the helper are shared)

NOTICE = """Press release
Foreign and Development Office

The UK has today imposed sanctions on three individuals and one entity.
The designations announced today are:
SMIRNOV, Alexei; DOB 01 Jan 1970; nationality Russian
PETROVA, Galina; DOB 12 Mar 1981; position Director

KOVAL, Pyotr (a.k.a. Peter Koval); nationality Russian
Orel Trading LLC; address Moscow
The Minister said the measures send a clear message.
"""


def test_unbulleted_list_entries_are_targets(parse: ParseExtractor) -> None:
    found = {o for r, s, o in pairs(parse, NOTICE) if r == "sanctions" and s == "United Kingdom"}
    assert {"Alexei Smirnov", "Galina Petrova", "Pyotr Koval", "Orel Trading LLC"} <= found, found


def test_a_list_ends_with_the_first_sentence_after_it(parse: ParseExtractor) -> None:
    found = pairs(parse, NOTICE)
    assert not any(r == "sanctions" and o == "Minister" for r, _s, o in found), found


def test_semicolons_in_a_sentence_are_no_list_entries(parse: ParseExtractor) -> None:
    text = ("The UK sanctioned Orel Trading LLC on Monday. The designations follow:\n"
            "Talks between Ivan Marek and Boris Tal resumed on Friday; no date was set.\n")
    assert not any(r == "sanctions" and o in ("Ivan Marek", "Boris Tal") for r, _s, o in pairs(parse, text))


@pytest.mark.parametrize("text", [
    "Office of the Spokesperson\nMarch 3, 2026\n\nKarel Novak is being designated pursuant to Executive Order 14024 "
    "for operating in the technology sector of the Russian economy.",
    "Office of the Spokesperson\n\nKarel Novak was designated today pursuant to E.O. 13818 for serious human rights abuse.",
])
def test_an_agentless_designation_takes_the_government_whose_order_it_cites(parse: ParseExtractor, text: str) -> None:
    assert ("sanctions", "United States", "Karel Novak") in pairs(parse, text)


def test_the_department_named_first_issues_the_passive_designations(parse: ParseExtractor) -> None:
    text = ("Treasury Sanctions Drone Suppliers\n\nWASHINGTON — Today, the Department of the Treasury is taking action "
            "against a network supplying drones.\nKarel Novak is being designated pursuant to Executive Order 14024.\n"
            "Blue Heron Trading Ltd was designated today for its role in the scheme.")
    found = {(s, o) for r, s, o in pairs(parse, text) if r == "sanctions"}
    assert {("Department of the Treasury", "Karel Novak"), ("Department of the Treasury", "Blue Heron Trading Ltd")} \
        <= found, found
    assert not any(s == "United States" for s, _o in found), found


def test_a_passive_without_a_sanctions_context_is_no_designation(parse: ParseExtractor) -> None:
    text = "Mayor Tom Ellis said on Monday that Karel Novak was designated as the party's candidate."
    assert not any(r == "sanctions" for r, _s, _o in pairs(parse, text))


@pytest.mark.parametrize("text, targets", [
    ("Canada imposed sanctions on Ivan Lesko and on Olga Brand.", {"Ivan Lesko", "Olga Brand"}),
    ("Canada imposed sanctions on Ivan Lesko, and against Olga Brand and Piotr Dale.",
     {"Ivan Lesko", "Olga Brand", "Piotr Dale"}),
])
def test_a_repeated_preposition_governs_more_targets(parse: ParseExtractor, text: str, targets: set[str]) -> None:
    found = {o for r, s, o in pairs(parse, text) if r == "sanctions" and s == "Canada"}
    assert targets <= found, found


def test_the_owner_of_a_sanctioned_company_is_not_a_target(parse: ParseExtractor) -> None:
    found = pairs(parse, "The European Union sanctioned Viktor Malin's company Northstar Freight.")
    assert ("sanctions", "European Union", "Northstar Freight") in found, found
    assert not any(o == "Viktor Malin" for _r, _s, o in found), found


def test_indented_bullets_after_a_cut_entry_stay_in_the_list(parse: ParseExtractor) -> None:
    text = ("Canada is imposing sanctions on the following entities:\n  • Aurora Veterans Society\n"
            "  • Kestrel Supply Ltd (a.k.a. Kestrel Trade)\n  • Boreal Shipping LLC\n")
    found = {o for r, s, o in pairs(parse, text) if r == "sanctions" and s == "Canada"}
    assert {"Aurora Veterans Society", "Kestrel Supply Ltd", "Boreal Shipping LLC"} <= found, found


@pytest.mark.parametrize("text, targets", [
    ("The UK has today imposed sanctions on the following individuals: Alexei Smirnov; Galina Petrova; and Boris Lem.",
     {"Alexei Smirnov", "Galina Petrova", "Boris Lem"}),
    ("The EU today designated two companies: Baltic Star Lines and Orel Trading LLC, both based in Riga.",
     {"Baltic Star Lines", "Orel Trading LLC"}),
])
def test_a_colon_after_a_plural_target_lists_its_members(parse: ParseExtractor, text: str, targets: set[str]) -> None:
    found = {o for r, _s, o in pairs(parse, text) if r == "sanctions"}
    assert targets <= found and "Riga" not in found, found


@pytest.mark.parametrize("second", ["Australia today sanctioned them.", "On Monday, Japan froze their assets."])
def test_them_and_their_assets_are_the_pair_named_before(parse: ParseExtractor, second: str) -> None:
    found = pairs(parse, "Pavel Dorn and Anna Ried run the Orlovo fund. " + second)
    assert {o for r, _s, o in found if r == "sanctions"} == {"Pavel Dorn", "Anna Ried"}, found


def test_they_of_the_imposers_names_no_target(parse: ParseExtractor) -> None:
    found = pairs(parse, "Britain and Canada met on Monday. They froze the assets of Pavel Dorn.")
    assert not any(r == "sanctions" and o in ("United Kingdom", "Canada") for r, _s, o in found), found


@pytest.mark.parametrize("agent, office", [
    ("Ministry of Finance’s Office of Sanctions Control (OSC)", "Office of Sanctions Control"),
    ("Ministry of Foreign Affairs' Office of Sanctions (OSO)", "Office of Sanctions"),
])
def test_the_office_designates_not_the_body_owning_it(parse: ParseExtractor, agent: str, office: str) -> None:
    text = (f"Norway imposed sanctions on two men. Tomas Brekke and Ivo Lund were designated by the {agent} "
            "for leading the network.")
    found = {(s, o) for r, s, o in pairs(parse, text) if r == "sanctions"}
    assert (office, "Tomas Brekke") in found, found
    assert not any(s.startswith("Ministry") for s, _o in found), found


def test_a_designated_name_the_recogniser_calls_no_person_is_kept(parse: ParseExtractor) -> None:
    # the recogniser reads the name in this order as a product; the parser hangs it under "pursuant"
    text = "The Department of State is concurrently designating Pavel Dorn pursuant to E.O. 14024."
    assert ("sanctions", "Department of State", "Pavel Dorn") in pairs(parse, text)


def test_a_single_word_the_recogniser_never_named_stays_out(parse: ParseExtractor) -> None:
    text = "The Treasury Department on Monday sanctioned Delegation for its role in the scheme."
    assert not any(o == "Delegation" for _r, _s, o in pairs(parse, text))


@pytest.mark.parametrize("text, office, owner", [
    ("Treasury's Office of Foreign Assets Control designated Pavel Dorn and two of his companies.",
     "Office of Foreign Assets Control", "Treasury"),
    ("Britain's Foreign Office announced sanctions on Pavel Dorn.", "Foreign Office", "United Kingdom"),
])
def test_the_owner_of_the_acting_office_is_no_co_imposer(parse: ParseExtractor, text: str, office: str,
                                                         owner: str) -> None:
    found = {s for r, s, o in pairs(parse, text) if r == "sanctions" and o == "Pavel Dorn"}
    assert office in found and not any(owner in s for s in found - {office}), found


PRESS_RELEASE = """Treasury Targets Shipping Network Supplying Northland Military

March 4, 2026

WASHINGTON — Today, the U.S. Department of the Treasury's Office of Foreign Assets Control (OFAC) sanctioned a network of companies and individuals that procured marine engines for the Northland armed forces. The Department of State is concurrently designating two vessels and one individual.

"We will continue to target those who arm Northland," said Deputy Secretary Mark Fell.

SHIPPING NETWORK

Kestrel Marine Ltd, based in Varna, arranged the shipments. Kestrel Marine Ltd is being designated pursuant to E.O. 14024 for operating in the transportation sector of the Northland economy.

Pavel Dorn is the director of Kestrel Marine Ltd and its Varna office. Dorn is being designated for having acted for or on behalf of Kestrel Marine Ltd.

Anna Ried and Oleg Sorn manage the network's accounts in Cyprus. OFAC also froze their assets.

As a result of today's action, all property and interests in property of the designated persons that are in the United States are blocked.
"""


def test_a_press_release_of_our_own(parse: ParseExtractor) -> None:
    found = {(s, o) for r, s, o in pairs(parse, PRESS_RELEASE) if r == "sanctions"}
    targets = {o for _s, o in found}
    assert {"Kestrel Marine Ltd", "Pavel Dorn", "Anna Ried", "Oleg Sorn"} <= targets, found
    assert ("Office of Foreign Assets Control", "Anna Ried") in found, found
    # the designated and the quoted are no imposers; the network's accounts' country is no target
    assert not any(s in ("Kestrel Marine Ltd", "Pavel Dorn", "Mark Fell") for s, _o in found), found
    assert "Cyprus" not in targets and "Northland" not in targets, found


@pytest.mark.parametrize("text, targets", [
    ("The UK has today sanctioned three individuals.\nThe individuals designated today are:\n"
     "1. Alexei Smirnov, Director of Orel Trading LLC\n2. Galina Petrova\n", {"Alexei Smirnov", "Galina Petrova"}),
    ("Canada today announced sanctions on the following individuals and entities:\nAlexei Smirnov\nGalina Petrova\n"
     "Northern Supply Directorate\n\nThese measures respond to the attack.",
     {"Alexei Smirnov", "Galina Petrova", "Northern Supply Directorate"}),
])
def test_bare_names_on_the_lines_of_a_list_are_targets(parse: ParseExtractor, text: str, targets: set[str]) -> None:
    found = {o for r, _s, o in pairs(parse, text) if r == "sanctions"}
    assert targets <= found and not any(o.startswith("Director") for o in found), found


def test_short_lines_after_an_agenda_are_no_actors(parse: ParseExtractor) -> None:
    text = ("Prime Minister Ana Ruiz met President Tomas Varga in Madrid.\nThey discussed the following:\n"
            "Trade Policy\nClimate Change\n")
    found = pairs(parse, text)
    assert not any("Trade Policy" in (s, o) or "Climate Change" in (s, o) for _r, s, o in found), found
