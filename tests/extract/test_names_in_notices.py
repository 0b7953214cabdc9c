"""Names as notices and readouts write them: serial numbers stay in a body's name ("Military Unit 26165"), a name
with a serial number is no person's, a lone family name that meets a person is a person, and the Houthis are one
movement under either name."""

from __future__ import annotations

import pytest

from kg.extract import get_extractor
from kg.model.core import Document


def _pairs(text: str) -> set[tuple[str, str, str, str]]:
    doc = Document.from_text(text, published="2026-11-19")
    out = set()
    for a in get_extractor().extract(doc):
        for s, o in a.claim.pairs():
            out.add((s.label, a.claim.relation, o.label if o else "", o.type if o else ""))
    return out


def test_serial_numbers_stay_in_the_names_of_bodies() -> None:
    found = _pairs("The Council sanctioned Military Unit 74455 and Unit 29155 of the GRU on Monday.")
    targets = {o for _, r, o, _t in found if r == "sanctions"}
    assert {"Military Unit 74455", "Unit 29155"} <= targets, found


def test_a_serial_number_inside_a_company_name_keeps_it_whole() -> None:
    found = _pairs("Britain sanctioned Baltic 4 Shipping LLC on Tuesday.")
    assert ("United Kingdom", "sanctions", "Baltic 4 Shipping LLC", "Organization") in found, found


def test_a_name_with_a_serial_number_is_not_a_person() -> None:
    found = _pairs("Britain sanctioned the tanker Ocean Pioneer 2 on Tuesday.")
    assert ("United Kingdom", "sanctions", "Ocean Pioneer 2", "Organization") in found, found


def test_an_executive_order_number_is_no_target() -> None:
    found = _pairs("Ivan Petrov is being designated pursuant to Executive Order 14024.")
    assert all("14024" not in o for _, _, o, _t in found), found


@pytest.mark.parametrize("text", ["Kurti met Vucic in Brussels on Monday.", "Vucic hosted Kurti in Belgrade."])
def test_a_lone_family_name_that_meets_a_person_is_a_person(text: str) -> None:
    doc = Document.from_text(text, published="2026-11-19")
    claims = [a.claim for a in get_extractor().extract(doc) if a.claim.relation == "meets"]
    assert claims and all(p.type == "Person" for c in claims for pair in c.pairs() for p in pair if p), claims


@pytest.mark.parametrize("name", ["The Houthis", "Ansar Allah"])
def test_the_houthis_under_either_name(name: str) -> None:
    found = _pairs(f"{name} freed 20 sailors on Sunday.")
    assert any(s == "Houthis" and r == "releases" for s, r, _o, _t in found), found


def test_the_place_a_firm_is_based_in_is_no_target() -> None:
    found = _pairs("Britain also sanctioned Omar Haddad and the Sharjah-based trading firm Falcon Metals FZE.")
    targets = {o for _, r, o, _t in found if r == "sanctions"}
    assert targets == {"Omar Haddad", "Falcon Metals FZE"}, found


def test_a_law_is_no_target() -> None:
    found = _pairs("Canada announced sanctions against four gang leaders, including Pierre Lafleur, under the "
                   "Special Economic Measures Act.")
    assert {o for _, r, o, _t in found if r == "sanctions"} == {"Pierre Lafleur"}, found


def test_a_commander_s_force_is_no_target() -> None:
    found = _pairs("The European Union added Revolutionary Guards commander Brig. Gen. Ali Karimi to its sanctions list.")
    assert {o for _, r, o, _t in found if r == "sanctions"} == {"Ali Karimi"}, found


def test_a_counted_group_named_in_full_is_its_members() -> None:
    found = _pairs("Mali's junta freed two Ivorian gendarmes, Sergeant Yao Kone and Corporal Didier Bamba, on Monday.")
    assert {(r, o) for _s, r, o, _t in found} == {("releases", "Yao Kone"), ("releases", "Didier Bamba")}, found


def test_a_counted_group_larger_than_its_named_members_stays() -> None:
    found = _pairs("President Ivan Lutsko pardoned 31 prisoners on Tuesday, among them the musician Ales Zhuk.")
    assert {(r, t) for _s, r, _o, t in found} == {("pardons", "Group"), ("pardons", "Person")}, found


def test_the_members_of_a_counted_group_named_in_the_next_sentence() -> None:
    found = _pairs("Russian authorities freed five Estonian citizens on Tuesday. Among the five were former soldier "
                   "Mart Tamm, 41, and engineer Liis Kask.")
    assert {(s, r, o) for s, r, o, _t in found} >= {("Russia", "releases", "Mart Tamm"),
                                                    ("Russia", "releases", "Liis Kask")}, found


def test_them_stands_for_the_counted_group_that_is_the_subject() -> None:
    found = _pairs("Five Estonian citizens landed in Tallinn on Wednesday after Russian authorities freed them on "
                   "Tuesday. Among the five were engineer Liis Kask and teacher Mart Tamm.")
    assert {(s, o) for s, r, o, _t in found if r == "releases"} >= {("Russia", "Liis Kask"), ("Russia", "Mart Tamm")}, found
