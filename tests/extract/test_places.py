"""Where an encounter took place, read from the parse of sentences of our own."""

from __future__ import annotations

import pytest

from kg.extract.parsed import ParseExtractor
from kg.model.core import Document


@pytest.fixture(scope="module")
def parse() -> ParseExtractor:
    return ParseExtractor(resolver=None)


def places(ex: ParseExtractor, text: str) -> dict[tuple[str, str, str], str | None]:
    out: dict[tuple[str, str, str], str | None] = {}
    for a in ex.extract(Document.from_text(text, published="2024-05-02")):
        for s, o in a.claim.pairs():
            if o is not None:
                key = (a.claim.relation, *sorted((s.label, o.label)))
                out[key] = out.get(key) or a.claim.place
    return out


@pytest.mark.parametrize("text, pair, place", [
    # the counterparts' own prepositions: conjuncts and appositions
    ("Senator Ana Lopes met with Governor Tom Reed and Mayor Ella Park in Denver.",
     ("Ana Lopes", "Ella Park"), "Denver"),
    ("Minister Ola Berg met his Danish counterpart, Lars Holm, in Copenhagen.", ("Lars Holm", "Ola Berg"), "Copenhagen"),
    # what the encounter is for: "hosted X for talks at Y"
    ("Minister Carla Ruiz hosted her Chilean counterpart Pedro Soto for talks at the Foreign Ministry in Madrid on Monday.",
     ("Carla Ruiz", "Pedro Soto"), "Foreign Ministry in Madrid"),
    # the journey the encounter is part of
    ("The envoy Marek Nowak flew to Oslo last week to meet with Prime Minister Ingrid Dahl.",
     ("Ingrid Dahl", "Marek Nowak"), "Oslo"),
    ("During his visit to Hanoi, Chancellor Felix Brandt met Prime Minister Tran Van Minh.",
     ("Felix Brandt", "Tran Van Minh"), "Hanoi"),
    ("Visiting Nairobi, Foreign Minister Lena Berg met President Samuel Otieno.", ("Lena Berg", "Samuel Otieno"), "Nairobi"),
    ("Premier Jonas Vik went to Geneva last month and met Secretary General Ana Ruiz.", ("Ana Ruiz", "Jonas Vik"), "Geneva"),
    ("President Hugo Lind left Rome on Monday. He traveled to Warsaw, where he held talks with President Piotr Zielinski.",
     ("Hugo Lind", "Piotr Zielinski"), "Warsaw"),
    # "where" after a journey noun, and the subject of a passive raising verb ("he is expected to hold talks")
    ("Premier Lea Stanek will fly to Vienna next week for an official visit, where she is expected to hold talks "
     "with Chancellor Rolf Bauer.", ("Lea Stanek", "Rolf Bauer"), "Vienna"),
    ("President Ada Moll left the capital on Monday en route to Camp Larsen in Bodo, where she is scheduled to meet "
     "Prime Minister Eik Dahl.", ("Ada Moll", "Eik Dahl"), "Camp Larsen in Bodo"),
])
def test_place_of_an_encounter(parse: ParseExtractor, text: str, pair: tuple[str, str], place: str) -> None:
    assert places(parse, text).get(("meets", *pair)) == place


def test_no_place_from_a_time_or_a_manner(parse: ParseExtractor) -> None:
    found = places(parse, "President Karl Ostrom met Chancellor Mia Vogel in secret in 2019 to discuss trade.")
    assert found == {("meets", "Karl Ostrom", "Mia Vogel"): None}


def test_co_hosts_do_not_meet_each_other(parse: ParseExtractor) -> None:
    found = places(parse, "Minister Carla Ruiz and Minister Jorge Sanz hosted Foreign Minister Pedro Soto and Defence "
                          "Minister Ana Vidal for talks at the Foreign Ministry in Madrid.")
    assert ("meets", "Carla Ruiz", "Jorge Sanz") not in found
    assert found[("meets", "Carla Ruiz", "Pedro Soto")] == "Foreign Ministry in Madrid"


def test_a_capital_is_a_place_whatever_the_recogniser_calls_it() -> None:
    from kg.extract.parsed import ParseExtractor
    from kg.model.core import Document

    text = ("Report\nForeign Minister Kofi Mensah said he had discussed the drought in the Sahel with Senegal's "
            "Awa Ndiaye during a meeting in Dakar on Thursday.")
    [a] = ParseExtractor(resolver=None).extract(Document.from_text(text, published="2024-03-06"))
    assert (a.claim.relation, a.claim.place) == ("meets", "Dakar")
