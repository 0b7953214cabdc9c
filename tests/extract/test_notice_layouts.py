"""Sanctions notices in the layouts governments publish them in. Texts written for these tests."""

from __future__ import annotations

import pytest

from kg.extract.parsed import ParseExtractor
from kg.model.core import Document


@pytest.fixture(scope="module")
def extractor() -> ParseExtractor:
    return ParseExtractor()


def sanctions(extractor: ParseExtractor, text: str) -> set[tuple[str, str]]:
    doc = Document.from_text(text, published="2026-11-20")
    return {(s.label, o.label if o else "") for a in extractor.extract(doc) for s, o in a.claim.pairs()
            if a.claim.relation == "sanctions"}


def test_a_bulleted_list_names_every_target_whatever_the_recogniser_read(extractor):
    text = ("UK sanctions officials\n\nThe Foreign, Commonwealth and Development Office today announced sanctions "
            "against three Norlandic officials.\n\nThose designated today are:\n- Tarmo Vesik, Deputy Minister of the "
            "Interior\n- Colonel Priit Kallas, head of the Special Tasks Department\n- Liina Saar, judge of the Tallow "
            "City Court\n\nThe individuals are subject to an asset freeze and a travel ban.\n")
    found = sanctions(extractor, text)
    assert {o for _s, o in found} == {"Tarmo Vesik", "Priit Kallas", "Liina Saar"}
    assert {s for s, _o in found} == {"Foreign, Commonwealth and Development Office"}


def test_the_persons_concerned_are_the_counted_group_s_members(extractor):
    text = ("Further measures\n\nBern, 20.11.2026 - The Federal Department of Economic Affairs, Education and "
            "Research (EAER) has today imposed sanctions against three persons.\n\nThe persons concerned are Tarmo "
            "Vesik, a former head of the presidential administration; Liina Saar, a judge at the Tallow City Court; "
            "and Priit Kallas, a former deputy interior minister.\n")
    found = sanctions(extractor, text)
    assert {o for _s, o in found} >= {"Tarmo Vesik", "Liina Saar", "Priit Kallas"}
    # the dateline's city is no second imposer, and the department's acronym is the department
    assert {s for s, _o in found} == {"Federal Department of Economic Affairs, Education and Research"}




@pytest.mark.parametrize("sentence, targets", [
    ("The Council sanctioned Arvo Lind and two Hong Kong companies that shipped the parts.", {"Arvo Lind"}),
    ("The EU sanctioned three Norlandic banks and two Hong Kong firms.", set()),
    ("The Treasury sanctioned Norlandic firm Capital Tap.", {"Capital Tap"}),
])
def test_a_place_before_a_group_of_firms_is_no_target(extractor, sentence, targets):
    found = sanctions(extractor, "Notice\n\n" + sentence)
    assert {o for _s, o in found} == targets


@pytest.mark.parametrize("sentence, issuer, targets", [
    ("Norland has added Arvo Lind (also known as Arvo Linde) and the Dubai-registered shipping firm Blue Wave "
     "Maritime LLC to its sanctions list.", "Norland", {"Arvo Lind", "Blue Wave Maritime LLC"}),
    ("Two Norlandic banks, Alder Bank and Birch Bank, were added to the EU sanctions list.", "European Union",
     {"Alder Bank", "Birch Bank"}),
    ("Three firms, including the port operator Baltic Terminal, were added to Japan's asset-freeze list on Tuesday.",
     "Japan", {"Baltic Terminal"}),
])
def test_added_to_a_list_names_its_keeper_and_every_target(extractor, sentence, issuer, targets):
    found = sanctions(extractor, "Notice\n\n" + sentence)
    assert {s for s, _o in found} == {issuer} and {o for _s, o in found} == targets


def test_added_to_a_list_with_a_name_of_its_own_takes_no_keeper_from_it(extractor):
    found = sanctions(extractor, "Notice\n\nArvo Lind was added to the Consolidated List on Monday.")
    assert not any("Consolidated" in s for s, _o in found)


_OFAC = "Treasury action\n\nToday, the Office of Foreign Assets Control (OFAC) sanctioned two companies.\n\n"


@pytest.mark.parametrize("passage, targets", [
    # "both of which" stands for the names before it
    ("Businessman Arvo Lind coordinated the purchases through his firms Alder Logistique SARL and Trans-Birch "
     "Import, both of which are also being designated today.\n", {"Alder Logistique SARL", "Trans-Birch Import"}),
    # a "by" after a reason is the owner's, not an imposer
    ("Businessman Arvo Lind controls a network of gold traders. Lind's companies, Alder Gold Refinery LLC and Birch "
     "Trading FZE, are being designated for being owned or controlled by Lind.\n",
     {"Alder Gold Refinery LLC", "Birch Trading FZE"}),
])
def test_narrative_designations_name_their_targets_and_no_person_imposes(extractor, passage, targets):
    found = sanctions(extractor, _OFAC + passage)
    assert {o for _s, o in found} == targets
    assert not any("Lind" in s for s, _o in found)
