"""Pardons, releases and sanctions stated through an instrument, a participle, two clauses or a list (round 5).

Sentences written here, with invented names: a pardon or amnesty whose signer is the one who pardons, a counted
group freed "by" a state, an exchange whose clauses each keep their own subject, a handing over, the targets of
measures named by the state that took them, and a proposal that was blocked (no sanction at all).
"""

from __future__ import annotations

import pytest

from kg.extract.parsed import ParseExtractor
from kg.model.core import Document


def _found(text: str) -> set[tuple[str, str, str, str, int | None]]:
    doc = Document.from_text("Report\n" + text, published="2025-09-16")
    return {(a.claim.relation, s.label, o.label if o else "", a.claim.status, a.claim.count)
            for a in ParseExtractor().extract(doc) for s, o in a.claim.pairs()}


@pytest.mark.parametrize("sentence, expected", [
    ("The pardon granted by President Lena Markov to Tomas Varga drew criticism from the opposition.",
     ("pardons", "Lena Markov", "Tomas Varga", "held", None)),
    ("The clemency granted by King Aurel Dinescu to Paul Rusu surprised his lawyers.",
     ("pardons", "Aurel Dinescu", "Paul Rusu", "held", None)),
    ("An amnesty signed by President Aldo Renzi will free 900 prisoners.",
     ("pardons", "Aldo Renzi", "prisoners", "held", 900)),
    ("The decree pardoning 30 inmates was signed by President Oleg Brandt on Tuesday.",
     ("pardons", "Oleg Brandt", "prisoners", "held", 30)),
])
def test_the_signer_of_a_pardon_pardons(sentence, expected):
    assert expected in _found(sentence)


def test_a_pardon_shares_the_object_of_the_next_verb():
    found = _found("President Oleg Brandt pardoned and released the journalist Mikhail Sorin.")
    assert {("pardons", "Oleg Brandt", "Mikhail Sorin", "held", None),
            ("releases", "Oleg Brandt", "Mikhail Sorin", "held", None)} <= found


@pytest.mark.parametrize("sentence, expected", [
    ("The two servicemen freed by Armenia arrived in Tbilisi on Friday.",
     ("releases", "Armenia", "prisoners", "held", 2)),
    ("The three sailors released by Iran flew home on Monday.",
     ("releases", "Iran", "prisoners", "held", 3)),
])
def test_a_counted_group_freed_by_a_state_keeps_its_count(sentence, expected):
    assert expected in _found(sentence)


def test_each_clause_of_an_exchange_keeps_its_subject():
    found = _found("Georgia handed over four fishermen and Russia freed two students.")
    assert {("releases", "Georgia", "prisoners", "held", 4), ("releases", "Russia", "prisoners", "held", 2)} <= found
    found = _found("Moscow freed Daniel Hart and Washington released Pavel Orlov.")
    assert {("releases", "Russia", "Daniel Hart", "held", None),
            ("releases", "United States", "Pavel Orlov", "held", None)} <= found


def test_handing_over_documents_is_no_release():
    found = _found("In the prisoner swap talks, Georgia handed over the documents to Russia.")
    assert not [f for f in found if f[0] == "releases"]


@pytest.mark.parametrize("text, imposer", [
    ("Bern widened its sanctions on Friday. Those targeted by the new Swiss measures include Viktor Ramov and "
     "Sergei Dolin.", "Switzerland"),
    ("The people targeted by the latest British sanctions include the banker Viktor Ramov and Sergei Dolin.",
     "United Kingdom"),
])
def test_the_state_that_took_the_measures_imposes_them(text, imposer):
    found = _found(text)
    assert {("sanctions", imposer, "Viktor Ramov", "held", None),
            ("sanctions", imposer, "Sergei Dolin", "held", None)} <= found


@pytest.mark.parametrize("sentence", [
    "Hungary blocked an EU proposal to impose a travel ban on Patriarch Kirill.",
    "Parliament rejected a government plan to sanction Viktor Ramov.",
    "France vetoed the proposal to impose sanctions on Viktor Ramov.",
])
def test_a_blocked_proposal_is_no_sanction(sentence):
    assert not [f for f in _found(sentence) if f[0] == "sanctions" and f[3] in ("held", "planned")]


def _pairs(text: str) -> set[tuple[str, str]]:
    return {(s, o) for r, s, o, st, _n in _found(text) if r == "sanctions" and st == "held"}


@pytest.mark.parametrize("text, imposer", [
    ("On 3 March 2025, Australia designated the following persons for targeted financial sanctions:\n"
     "(1) Ivan Petrov (national of Russia, born 1970), a businessman who finances the militia;\n"
     "(2) Olga Sidorova (national of Belarus, born 1981), deputy head of the prison service;\n", "Australia"),
    ("The Council of the European Union today designated the following persons. (1) Ivan Petrov (national of "
     "Russia, born 1970) (2) Olga Sidorova (national of Belarus, born 1981)", "Council of the European Union"),
    ("Canada today announced sanctions against the following persons: (1) Ivan Petrov (national of Russia, born "
     "1970); (2) Olga Sidorova (national of Belarus, born 1981).", "Canada"),
    ("The Council today added the following individuals to the list of persons subject to restrictive measures. "
     "(1) Ivan Petrov (national of Russia, born 1970). (2) Olga Sidorova (national of Belarus, born 1981).", "Council"),
])
def test_each_numbered_entry_under_a_designation_is_a_target(text, imposer):
    assert {(imposer, "Ivan Petrov"), (imposer, "Olga Sidorova")} <= _pairs(text)


def test_a_list_announced_without_a_colon_goes_on_by_numbers_only():
    found = _pairs("Canada is imposing sanctions against the following individuals in relation to the coup.\n\n"
                   "1. Ivan Petrov (national of Russia, born 1970)\n"
                   "2. Olga Sidorova (national of Belarus, born 1981)\n\n"
                   "Canadian measures\n\n"
                   "The Special Economic Measures (Northland) Regulations impose on listed persons an asset freeze.\n")
    assert {("Canada", "Ivan Petrov"), ("Canada", "Olga Sidorova")} <= found
    assert not [o for _s, o in found if "Measures" in o or "Canadian" in o]


def test_a_list_entry_is_named_in_full_before_its_aliases():
    found = _pairs("Canada is imposing sanctions against the following entities.\n\n"
                   "The names of the entities added to the schedule are the following:\n\n"
                   "  • Northland Directorate of Procurement (also known as, among other names, Directorate of "
                   "Procurement and Directorate of Defence Procurement)\n")
    assert ("Canada", "Northland Directorate of Procurement") in found


@pytest.mark.parametrize("sentence, expected", [
    ("The US and Russia have exchanged jailed US basketball player Jane Roe for arms dealer Pavel Orlov.",
     {("Russia", "Jane Roe"), ("United States", "Pavel Orlov")}),
    ("Washington and Moscow swapped American journalist Daniel Hart for the Russian spy Pavel Orlov on Thursday.",
     {("Russia", "Daniel Hart"), ("United States", "Pavel Orlov")}),
])
def test_two_states_swapping_nationals_each_let_the_other_s_go(sentence, expected):
    assert {(s, o) for r, s, o, _st, _n in _found(sentence) if r == "releases"} == expected


def test_a_swap_of_two_sides_without_nationalities_says_nothing_of_who_let_whom_go():
    assert not _found("Norland and Valoria swapped Daniel Hart for Pavel Orlov in Vienna.")


def test_counted_nationals_are_a_group_not_their_country():
    assert ("releases", "Venezuela", "prisoners", "held", 3) in _found(
        "Three Americans freed by Venezuela landed in Texas on Saturday.")
