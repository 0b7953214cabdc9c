"""A group named before the persons it counts is their affiliation, not the target, on sentences written here."""

from __future__ import annotations

import pytest

from kg.extract.parsed import ParseExtractor
from kg.model.core import Document


@pytest.fixture(scope="module")
def extractor() -> ParseExtractor:
    return ParseExtractor(resolver=None)


def targets(extractor: ParseExtractor, text: str) -> set[str]:
    doc = Document.from_text("Report\n" + text, published="2024-03-06")
    return {o.label for a in extractor.extract(doc) for _s, o in a.claim.pairs()
            if a.claim.relation == "sanctions" and o is not None}


@pytest.mark.parametrize("text", [
    "Washington sanctioned four Hamas leaders on Tuesday, the Treasury said.",
    "The European Union sanctioned three Wagner Group commanders on Monday.",
])
def test_the_group_of_counted_persons_is_not_sanctioned(extractor, text):
    assert not targets(extractor, text) & {"Hamas", "Wagner Group"}


def test_the_persons_named_after_them_are(extractor):
    text = ("Washington sanctioned four Hamas leaders on Tuesday, the Treasury said. "
            "The four are Omar Saleh, Yusuf Barakat, Karim Nasser and Adel Haddad.")
    assert targets(extractor, text) == {"Omar Saleh", "Yusuf Barakat", "Karim Nasser", "Adel Haddad"}


NOTICE = ("WASHINGTON - Today, the Department of the Treasury's Office of Foreign Assets Control (OFAC) is sanctioning "
          "six entities that supplied drone parts.\n\n")


def test_a_fronted_place_is_no_imposer(extractor):
    # "In Iran, ... are being designated": Iran is where the targets are, the notice's issuer designates them
    text = NOTICE + "In Iran, the buyer of the parts, Pars Avionics Company, is being designated for its role."
    doc = Document.from_text("Treasury Targets Drone Network\n\n" + text, published="2024-03-06")
    found = {(s.label, o.label) for a in extractor.extract(doc) for s, o in a.claim.pairs() if o is not None}
    assert {o for _s, o in found} == {"Pars Avionics Company"}
    assert not {s for s, _o in found} & {"Iran"}


def test_together_with_names_more_targets(extractor):
    text = NOTICE + ("OFAC is also designating Orion Freight LLC, a shipping agent in Armenia, together with its owners "
                     "Levon Hakobyan and Arsen Grigoryan.")
    assert targets(extractor, text) >= {"Orion Freight LLC", "Levon Hakobyan", "Arsen Grigoryan"}
