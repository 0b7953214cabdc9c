"""Presidential communiques: the principal named once under a long title and then called "the Head of State",
acts done by decree, and counts written in words and figures. Texts written for these tests."""

from __future__ import annotations

import pytest

from kg.extract.numerals import count_value, is_count
from kg.extract.parsed import ParseExtractor
from kg.model.core import Document

COMMUNIQUE = """Communique of the Presidency

On Tuesday 3 November 2026, the President of the Transitional Council for National Renewal (CTRN), Head of \
State, His Excellency General Oumar Sidibe, signed a decree granting presidential pardon to six hundred and \
twelve (612) detainees.

The Head of State also ordered the release of thirty-one (31) soldiers.

On Monday 2 November 2026, a telephone conversation took place between the Head of State and the President of \
the Republic of Ghana, His Excellency Mr. Kofi Mensah-Boateng.

The mediator of the regional bloc, former President of Benin Paul Houngbedji, is expected in the capital next week.
"""


@pytest.fixture(scope="module")
def found() -> set[tuple[str, str, str, str | None, int | None]]:
    doc = Document.from_text(COMMUNIQUE, published="2026-11-04")
    return {(a.claim.relation, s.label, o.label if o else "", a.claim.date, a.claim.count)
            for a in ParseExtractor(resolver=None).extract(doc) for s, o in a.claim.pairs()}


def test_the_decree_pardons_in_the_name_of_its_signer_on_the_signing_day(found):
    assert ("pardons", "Oumar Sidibe", "detainees", "2026-11-03", 612) in found


def test_the_head_of_state_is_the_principal_not_the_last_president_named(found):
    assert ("releases", "Oumar Sidibe", "soldiers", "2026-11-04", 31) in found
    assert any(f[0] == "talksWith" and {f[1], f[2]} == {"Oumar Sidibe", "Kofi Mensah-Boateng"} for f in found)
    assert not any("Houngbedji" in f[1] or "Houngbedji" in f[2] for f in found)


def test_the_office_of_a_body_is_no_actor(found):
    assert not any("Council" in f[1] or "CTRN" in f[1] for f in found)


@pytest.mark.parametrize("phrase, value", [
    ("six hundred and twelve (612)", 612), ("thirty-one", 31), ("31 (thirty-one)", 31), ("2,300", 2300),
    ("one thousand two hundred and eighty-seven", 1287), ("twenty", 20),
])
def test_counts_in_words_and_figures(phrase, value):
    assert is_count(phrase) and count_value(phrase) == value


@pytest.mark.parametrize("phrase", ["thousands", "hundred", "several", "the"])
def test_words_that_are_no_count(phrase):
    assert count_value(phrase) is None


def claims_of(text: str, published: str) -> list[tuple[str, str, str, int | None]]:
    doc = Document.from_text(text, published=published)
    return [(a.claim.relation, s.label, o.label if o else "", a.claim.count)
            for a in ParseExtractor(resolver=None).extract(doc) for s, o in a.claim.pairs()]


def test_a_list_announced_after_the_freezing_of_assets_is_the_freezers():
    text = ("Notice\n\nThe Government of Norland decided to implement measures including the freezing of assets "
            "against 3 individuals.\n\nThe individuals subject to the measures are as follows:\n"
            "(1) U Min Thein Naing, Director of Irrawaddy Air Cargo\n(2) Daw Khin Mya Nwe, broker\n"
            "(3) Peter Lindqvist, national of Sweden\n\nNorland will keep the measures under review.\n")
    found = {(s, o) for r, s, o, _n in claims_of(text, "2026-11-13") if r == "sanctions"}
    targets = {o for _s, o in found}
    assert {s for s, _o in found} == {"Government of Norland"}
    assert len(targets) == 3 and any("Min Thein Naing" in t for t in targets) and any("Khin Mya Nwe" in t for t in targets)


def test_a_decree_s_vague_group_and_its_count_are_one_act():
    text = ("President Sadykova pardons 211 convicts\n\nPresident Aliya Sadykova signed a decree on pardoning a "
            "group of persons who have served their sentences.\n\nIn accordance with the decree, 211 persons were "
            "pardoned, including 19 women.\n\nThe head of state also instructed the Prosecutor General's Office to "
            "consider further cases.\n")
    got = claims_of(text, "2026-12-07")  # one group of 211, whichever of its names labels it
    assert len(got) == 1 and got[0][:2] == ("pardons", "Aliya Sadykova") and got[0][3] == 211
    assert got[0][2] in ("convicts", "persons")
