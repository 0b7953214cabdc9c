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
     ("pardons", "Oleg Brandt", "inmates", "held", 30)),
])
def test_the_signer_of_a_pardon_pardons(sentence, expected):
    assert expected in _found(sentence)


def test_a_pardon_shares_the_object_of_the_next_verb():
    found = _found("President Oleg Brandt pardoned and released the journalist Mikhail Sorin.")
    assert {("pardons", "Oleg Brandt", "Mikhail Sorin", "held", None),
            ("releases", "Oleg Brandt", "Mikhail Sorin", "held", None)} <= found


@pytest.mark.parametrize("sentence, expected", [
    ("The two servicemen freed by Armenia arrived in Tbilisi on Friday.",
     ("releases", "Armenia", "servicemen", "held", 2)),
    ("The three sailors released by Iran flew home on Monday.",
     ("releases", "Iran", "sailors", "held", 3)),
])
def test_a_counted_group_freed_by_a_state_keeps_its_count(sentence, expected):
    assert expected in _found(sentence)


def test_each_clause_of_an_exchange_keeps_its_subject():
    found = _found("Georgia handed over four fishermen and Russia freed two students.")
    assert {("releases", "Georgia", "fishermen", "held", 4), ("releases", "Russia", "students", "held", 2)} <= found
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
    assert ("releases", "Venezuela", "Americans", "held", 3) in _found(
        "Three Americans freed by Venezuela landed in Texas on Saturday.")


@pytest.mark.parametrize("sentence, expected", [
    ("Under a decree signed by President Lena Markov, 300 prisoners will be released.",
     ("releases", "Lena Markov", "prisoners", "planned", 300)),
    ("Anna Petrova was pardoned under a decree signed by President Lena Markov.",
     ("pardons", "Lena Markov", "Anna Petrova", "held", None)),
])
def test_an_act_done_under_an_instrument_is_its_signer_s(sentence, expected):
    assert expected in _found(sentence)


@pytest.mark.parametrize("sentence, expected", [
    ("The sanctions imposed by Japan on Viktor Ramov took effect on Monday.",
     ("sanctions", "Japan", "Viktor Ramov", "held", None)),
    ("Viktor Ramov was hit by sanctions from Japan last year.", ("sanctions", "Japan", "Viktor Ramov", "held", None)),
    ("Daniel Hart walked free after President Lena Markov pardoned him.",
     ("pardons", "Lena Markov", "Daniel Hart", "held", None)),
])
def test_the_measure_s_participle_and_an_object_pronoun_name_the_sides(sentence, expected):
    assert expected in _found(sentence)


def test_a_nationality_in_apposition_is_no_second_patient():
    found = _found("Germany freed Pavel Orlov, a Russian convicted of murder, in exchange for Daniel Hart.")
    assert {(s, o) for r, s, o, _st, _n in found if r == "releases"} == {("Germany", "Pavel Orlov")}


def test_a_release_only_sought_takes_no_releaser_named_before():
    found = _found("Norland freed Daniel Hart on Monday. Valoria had long sought the release of Pavel Orlov.")
    assert ("releases", "Norland", "Daniel Hart", "held", None) in found
    assert not [f for f in found if f[2] == "Pavel Orlov"]


def test_each_clause_of_two_sanctions_keeps_its_own_imposer():
    found = _pairs("Britain sanctioned Viktor Ramov, while Canada imposed sanctions on Sergei Dolin.")
    assert found == {("United Kingdom", "Viktor Ramov"), ("Canada", "Sergei Dolin")}


@pytest.mark.parametrize("sentence, pair", [
    ("Japan placed the Dolin Group on its entity list.", ("Japan", "Dolin Group")),
    ("Washington put the Dolin Group on its sanctions list last year.", ("United States", "Dolin Group")),
])
def test_placing_on_a_sanctions_list_is_a_sanction_by_the_one_who_placed(sentence, pair):
    assert pair in _pairs(sentence)


@pytest.mark.parametrize("sentence", [
    "Russia put Viktor Ramov on its list of foreign agents.",
    "Viktor Ramov is on the list of the world's richest people.",
])
def test_other_lists_are_no_sanctions(sentence):
    assert not _pairs(sentence)


@pytest.mark.parametrize("sentence, expected", [
    ("In a prisoner exchange on Friday, Armenia freed two Azerbaijani servicemen and Azerbaijan repatriated 32 "
     "Armenian soldiers.", {("Armenia", 2), ("Azerbaijan", 32)}),
    ("Under the swap, Russia repatriated 95 Ukrainian prisoners of war and Ukraine handed over 95 Russian soldiers.",
     {("Russia", 95), ("Ukraine", 95)}),
])
def test_the_second_side_of_an_exchange_the_parser_hung_on_an_object_releases_its_own(sentence, expected):
    assert {(s, n) for r, s, o, _st, n in _found(sentence) if r == "releases" and n} == expected


def test_repatriating_is_a_release_only_in_a_swap():
    assert not _found("Minister Lena Markov repatriated the Dolin Group's staff from Viktor Ramov's country.")


@pytest.mark.parametrize("sentence", [
    "President Lena Markov commuted the death sentence of Daniel Hart.",
    "President Lena Markov commuted Daniel Hart's prison sentence on Friday.",
])
def test_commuting_a_sentence_is_clemency(sentence):
    assert ("pardons", "Lena Markov", "Daniel Hart", "held", None) in _found(sentence)
