"""Who reports and who issues: the speaker of "..., X said" and a document's issuer are not targets."""

from __future__ import annotations

import pytest

from kg.extract.parsed import ParseExtractor
from kg.model.core import Document


@pytest.fixture(scope="module")
def parse() -> ParseExtractor:
    return ParseExtractor(resolver=None)


def pairs(ex: ParseExtractor, text: str) -> set[tuple[str, str, str]]:
    return {(a.claim.relation, s.label, o.label if o else "")
            for a in ex.extract(Document.from_text(text, published="2024-05-02")) for s, o in a.claim.pairs()}


@pytest.mark.parametrize("text", [
    "Norway has imposed travel bans and sanctions on four senior Eritrean officials, Foreign Minister Kari Holt said.",
    "Canada froze the assets of two shipping firms on Friday, Deputy Prime Minister Ann Blake told reporters.",
])
def test_the_speaker_of_a_trailing_report_is_no_target(parse: ParseExtractor, text: str) -> None:
    found = pairs(parse, text)
    assert not any(o in ("Kari Holt", "Ann Blake") for _r, _s, o in found), found


def test_a_speaker_who_is_also_the_actor_keeps_the_relation(parse: ParseExtractor) -> None:
    found = pairs(parse, "Prime Minister Ola Strand said he met President Rui Costa in Lisbon on Monday.")
    assert ("meets", "Ola Strand", "Rui Costa") in found


def test_targets_named_first_are_not_the_issuer(parse: ParseExtractor) -> None:
    # nobody is named as imposing these: the first body of the text is a target, not the one who imposed them
    found = pairs(parse, "The sanctions target the Volta Mining Company and its chief executive, Marek Halas.")
    assert not any(s == "Volta Mining Company" for _r, s, _o in found), found


def test_an_issuer_named_before_still_designates(parse: ParseExtractor) -> None:
    text = ("The Treasury Department announced new measures on Tuesday.\n\n"
            "Marek Halas is being designated pursuant to Executive Order 14024.")
    assert ("sanctions", "Treasury Department", "Marek Halas") in pairs(parse, text)


@pytest.mark.parametrize("text, names", [
    ("The Taliban freed two American prisoners, Tomas Lind and Ines Moreau, in a swap for a jailed commander.",
     {"Tomas Lind", "Ines Moreau"}),
    ("Belarus released 14 political prisoners on Friday, including Aleh Vasko, a lawyer.", {"Aleh Vasko"}),
])
def test_named_members_of_a_freed_group_hung_on_the_verb(parse: ParseExtractor, text: str, names: set[str]) -> None:
    found = {o for r, _s, o in pairs(parse, text) if r == "releases"}
    assert names <= found, found
