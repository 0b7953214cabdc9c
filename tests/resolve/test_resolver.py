"""Mention -> actor: aliases, metonyms, titles, surnames, roles by date, decisions."""

from __future__ import annotations

import time
from datetime import date, datetime

import pytest

from kg.rdf.ids import actor_iri_for_name, actor_iri_for_qid
from kg.model.core import ActorRef
from kg.resolve import ActorDecision, Gazetteer, ResolvedActor, Resolver


@pytest.fixture(scope="module")
def r() -> Resolver:
    return Resolver.default()


@pytest.mark.parametrize("mention, on, expected", [
    ("the Russian President", date(2005, 6, 1), "Q7747"),
    ("the Russian President", date(2010, 6, 1), "Q23530"),
    ("the Russian President", date(2025, 8, 15), "Q7747"),
    ("Russia's president", date(2010, 6, 1), "Q23530"),
    ("Russia’s President", date(2025, 8, 15), "Q7747"),
    ("Russian President", date(2008, 5, 7), "Q23530"),  # handover day belongs to the successor
    ("Russian President", date(2008, 5, 6), "Q7747"),
    ("President of Russia", date(2010, 6, 1), "Q23530"),
    ("the Secretary of State", date(2010, 6, 1), "Q6294"),
    ("the Secretary of State", date(2025, 8, 15), "Q324546"),
    ("the US Secretary of State", date(2014, 1, 1), "Q22316"),
    ("the U.S. President", date(2018, 1, 1), "Q22686"),
    ("the US President", date(2022, 1, 1), "Q6279"),
    ("the American president", date(2010, 1, 1), "Q76"),
    ("the British Prime Minister", date(2020, 1, 1), "Q180589"),
    ("the UN Secretary-General", date(2012, 1, 1), "Q1253"),
    ("NATO chief", date(2025, 1, 1), "Q57792"),
    ("the Pope", date(2010, 1, 1), "Q2494"),
    ("the German Chancellor", date(2010, 1, 1), "Q567"),
    ("Iran's Supreme Leader", date(2025, 1, 1), "Q57336"),
])
def test_roles_resolve_by_date(r: Resolver, mention: str, on: date, expected: str) -> None:
    got = r.resolve(mention, on=on)
    assert got is not None and got.id == expected
    assert got.matched_by == "role"


@pytest.mark.parametrize("mention, expected, how", [
    ("President Putin", "Q7747", "title"),
    ("Mr. Lavrov", "sergey-lavrov", "title"),
    ("Secretary Rubio", "Q324546", "title"),
    ("Russian Foreign Minister Sergei Lavrov", "sergey-lavrov", "title"),
    ("President Xi", "Q15031", "title"),
    ("Pope Leo", "pope-leo-xiv", "title"),
    ("Zelensky", "Q3874799", "alias"),
    ("ZELENSKIY", "Q3874799", "alias"),
    ("Zelenskyy's", "Q3874799", "alias"),
    ("Lukashenka", "alexander-lukashenko", "alias"),
    ("Tikhanovskaya", "sviatlana-tsikhanouskaya", "alias"),
    ("Tsikhanouskaya", "sviatlana-tsikhanouskaya", "alias"),
    ("Erdoğan", "Q39259", "alias"),
    ("Lavrov", "sergey-lavrov", "surname"),
    ("Vladimir V. Putin", "Q7747", "alias"),
    ("U.S.", "US", "alias"),
    ("Britain", "GB", "alias"),
    ("Belarusian", "BY", "alias"),
    ("Moscow's", "RU", "metonym"),
    ("the Kremlin", "RU", "metonym"),
    ("Kiev", "UA", "metonym"),
    ("Downing Street", "GB", "metonym"),
    ("Brussels", "eu", "metonym"),
    ("the Pentagon", "us-dod", "metonym"),
    ("the Houthis", "houthis", "alias"),
    ("OFAC", "ofac", "alias"),
])
def test_names_titles_metonyms(r: Resolver, mention: str, expected: str, how: str) -> None:
    got = r.resolve(mention, on=date(2025, 8, 15))
    assert got is not None and (got.id, got.matched_by) == (expected, how)


def test_metonym_resolves_to_government_with_iri(r: Resolver) -> None:
    for mention in ("Moscow's", "Moscow's war", "the Kremlin’s offensive"):
        got = r.resolve(mention)
        assert got is not None and got.id == "RU" and got.matched_by == "metonym", mention
        assert got.type == "Country" and got.iri == actor_iri_for_qid("Q159")
    got = r.resolve("Russia's Putin")
    assert got is not None and got.id == "Q7747"


@pytest.mark.parametrize("on, expected", [(date(2010, 1, 1), "Q6294"), (date(1999, 6, 1), "Q1124")])
def test_shared_surname_prefers_office_holder_on_date(r: Resolver, on: date, expected: str) -> None:
    got = r.resolve("Clinton", on=on)
    assert got is not None and got.id == expected and got.matched_by == "surname"


def test_shared_surname_prefers_context(r: Resolver) -> None:
    got = r.resolve("Clinton", on=date(2030, 1, 1), context_ids=["Q1124"])
    assert got is not None and got.id == "Q1124"
    assert r.resolve("Clinton", on=date(2030, 1, 1)) is None  # neither holds office: ambiguous


def test_bare_title_needs_context(r: Resolver) -> None:
    assert r.resolve("the president", on=date(2025, 1, 1)) is None
    got = r.resolve("the president", on=date(2025, 1, 1), context_ids=["BY"])
    assert got is not None and got.id == "alexander-lukashenko"
    got = r.resolve("the foreign minister", on=date(2025, 1, 1), context_ids=["Q7747"])
    assert got is not None and got.id == "sergey-lavrov"


def test_ambiguous_alias_rule(r: Resolver) -> None:
    assert r.resolve("Congo") is None
    got = r.resolve("Congo", context_ids=["CD"])
    assert got is not None and got.id == "CD"


def test_actor_type_filter(r: Resolver) -> None:
    assert r.resolve("Moscow", actor_type="Person") is None
    got = r.resolve("Moscow", actor_type="Country")
    assert got is not None and got.id == "RU"


def test_resolve_role_and_holders(r: Resolver) -> None:
    assert r.resolve_role("Russia", "President", date(2010, 6, 1)).id == "Q23530"  # type: ignore[union-attr]
    assert r.resolve_role("Russian", "president", date(2025, 8, 15)).id == "Q7747"  # type: ignore[union-attr]
    assert r.resolve_role("Belarus", "head_of_state", date(2000, 1, 1)).id == "alexander-lukashenko"  # type: ignore[union-attr]
    assert r.resolve_role("Atlantis", "President", date(2000, 1, 1)) is None
    assert [a.id for a in r.holders("US-president", date(2025, 6, 1))] == ["Q22686"]
    assert r.holders("US-president", date(1900, 1, 1)) == []


def test_held_role_for_anachronism_check(r: Resolver) -> None:
    assert r.held_role("Q7747", "head_of_state", date(2005, 1, 1))
    assert not r.held_role("Q7747", "head_of_state", date(2010, 6, 1))
    assert r.held_role("Q7747", "head_of_government", date(2010, 6, 1))
    assert r.held_role("Q23530", "RU-president", datetime(2010, 6, 1, 12, 0))
    assert not r.held_role("nobody", "RU-president", date(2010, 6, 1))


def test_unknown_is_stable(r: Resolver) -> None:
    a = r.unknown("Franak  Viačorka-Smith", "Person")
    b = r.unknown("Franak Viačorka-Smith", "Person")
    assert a == b and a.confidence == 0.5 and a.matched_by == "unknown"
    assert a.iri == actor_iri_for_name("Franak Viačorka-Smith", "Person")


def test_to_ref() -> None:
    got = Resolver.default().resolve("Putin")
    assert got is not None
    assert got.to_ref() == ActorRef("Vladimir Putin", "Person", iri=actor_iri_for_qid("Q7747"), qid="Q7747",
                                    confidence=got.confidence)
    with pytest.raises(Exception):
        got.id = "x"  # type: ignore[misc]


def test_decisions_merge_and_split() -> None:
    gaz = Gazetteer.load()
    merged = Resolver(gaz, decisions=[ActorDecision("merge", "Q7747", "Q23530", "test")])
    got = merged.resolve("Medvedev")
    assert got is not None and got.id == "Q7747" and got.label == "Vladimir Putin"
    undone = Resolver(gaz, decisions=[ActorDecision("merge", "Q7747", "Q23530", "test"),
                                      ActorDecision("split", "Q7747", "Q23530", "wrong")])
    assert undone.resolve("Medvedev").id == "Q23530"  # type: ignore[union-attr]
    unknown = Resolver.default().unknown("S. Tsikhanouskaya-X", "Person")
    folded = Resolver(gaz, decisions=[ActorDecision("merge", "sviatlana-tsikhanouskaya", unknown.id, "same")])
    assert folded.unknown("S. Tsikhanouskaya-X", "Person").id == "sviatlana-tsikhanouskaya"
    with pytest.raises(ValueError):
        ActorDecision("marry", "a", "b", "")


def test_resolve_is_fast(r: Resolver) -> None:
    mentions = ["President Putin", "the Kremlin", "Zelensky", "the Russian President", "Mr. Nobody", "Clinton",
                "European Commission President Ursula von der Leyen", "unknown words here"] * 250
    t0 = time.perf_counter()
    for m in mentions:
        r.resolve(m, on=date(2025, 8, 15))
    assert (time.perf_counter() - t0) / len(mentions) < 0.001  # well under a millisecond each


def test_resolved_actor_is_public_type(r: Resolver) -> None:
    assert isinstance(r.resolve("Putin"), ResolvedActor)
