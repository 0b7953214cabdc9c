"""Long titles of translated readouts: "Minister of Foreign Affairs of Moldova Ion Vrabie", "the Ambassador of Japan
to Moldova Kenji Sato"; the person after the title is found, with the office's country, and "the two ministers"
finds a foreign secretary too."""

from __future__ import annotations

import pytest

from kg.extract import get_extractor
from kg.extract.titles import role_head as _role_head
from kg.model.core import Document


def _pairs(text: str) -> set[tuple[str, str, str]]:
    doc = Document.from_text(text, published="2026-11-19")
    out = set()
    for a in get_extractor().extract(doc):
        for s, o in a.claim.pairs():
            out.add((s.label, a.claim.relation, o.label if o else ""))
    return out


@pytest.mark.parametrize("text, pair", [
    ("Prime Minister of India Narendra Modi met Joe Biden.", ("Narendra Modi", "Joe Biden")),
    ("Minister of Foreign Affairs of Moldova Ion Vrabie held a meeting with Omar Said.", ("Ion Vrabie", "Omar Said")),
    ("Ion Vrabie met the Ambassador of Japan to Moldova Kenji Sato.", ("Ion Vrabie", "Kenji Sato")),
    ("The Minister for Foreign Affairs of Australia, Penny Wong, met Wang Yi.", ("Penny Wong", "Wang Yi")),
])
def test_the_name_after_a_long_title_meets(text: str, pair: tuple[str, str]) -> None:
    found = _pairs(text)
    assert (pair[0], "meets", pair[1]) in found or (pair[1], "meets", pair[0]) in found, found


def test_a_country_with_a_possessive_is_no_part_of_the_title() -> None:
    found = _pairs("Ana Ruiz met Oleg Tarasov, the secretary of Russia's Security Council, in Sochi.")
    assert all("Council" not in o for _, _, o in found), found


@pytest.mark.parametrize("words, role", [
    (["minister", "of", "foreign", "affairs"], "foreign minister"),
    (["minister", "for", "foreign", "affairs"], "foreign minister"),
    (["prime", "minister"], "prime minister"),
])
def test_a_title_of_a_portfolio_reads_as_the_role(words: list[str], role: str) -> None:
    assert _role_head(words) == role


def test_the_two_ministers_are_the_minister_and_the_foreign_secretary() -> None:
    text = ("Minister for Foreign Affairs Taro Kono met Secretary of Foreign Affairs Rosa Cruz in Tokyo. "
            "Cruz conveyed the regards of President Luis Reyes to Prime Minister Aiko Mori. "
            "The two ministers also agreed to meet again in Manila.")
    found = _pairs(text)
    assert not any({"Luis Reyes", "Cruz"} <= {s, o} or {"Luis Reyes", "Rosa Cruz"} <= {s, o} for s, _, o in found), found


@pytest.mark.parametrize("text, pair", [
    ("Minister of Foreign Affairs of the Republic of Peru Rosa Quispe was received by Prime Minister Pham Van Duc.",
     ("Pham Van Duc", "Rosa Quispe")),
    ("President of the People's Republic of China Xi Jinping met President of the Republic of Kenya Amos Kiprop.",
     ("Xi Jinping", "Amos Kiprop")),
    ("Chairman of the National Assembly Tran Van Minh met Rosa Quispe in Hanoi.", ("Tran Van Minh", "Rosa Quispe")),
])
def test_a_title_with_a_state_or_a_body_leads_to_the_name(text: str, pair: tuple[str, str]) -> None:
    found = _pairs(text)
    assert (pair[0], "meets", pair[1]) in found or (pair[1], "meets", pair[0]) in found, found
    assert not any(o.startswith(("Chairman", "Republic", "People")) for _, _, o in found), found


def test_a_city_named_after_a_person_is_no_party() -> None:
    found = _pairs("Rosa Quispe will visit Ho Chi Minh City, where she will meet Tran Van Minh.")
    assert all("Ho Chi Minh" not in (s, o) for s, _, o in found), found
