"""Fuzzing named-query parameters (kg.query.named) and ``kg ask`` questions (kg.query.ask).

Queries never write: the store is byte-identical after every input, whatever it was; every input ends in
rows or a clean one-line error, within a bounded time.
"""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.api import KnowledgeGraph
from kg.model.inputs import ClaimInput
from kg.query.ask import ask
from kg.query.named import list_queries, select_named
from tests.hardening._common import EXAMPLES, check_clean, snapshot

FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)
INJECT = ['x" } ; DROP ALL ; #', "> } INSERT DATA { <a> <b> <c> } #", "x\\u0022 } ; DROP ALL ; #",
          "\\u003e } INSERT DATA { <a> <b> <c> } #", "x' } ; CLEAR ALL ; #", "https://x/> } ; DROP ALL ; #",
          "urn:x:y", "dip:Summit", "Summit", "rdfs:label", "owl:Thing", "2025-08-15", "-1", "99999999999999999999",
          "Putin", "Trump", "Vladimir Putin", "witkoff", "\x00", "\ud7ff", "", " ", "\n", "a" * 2000,
          "https://w3id.org/diplomacy-kg/id/actor/Q7747", "SERVICE <http://127.0.0.1:1/> { }", "?x", "$x", "<a>"]
TEXT = st.one_of(st.sampled_from(INJECT), st.text(max_size=40))


@pytest.fixture(scope="module")
def qgraph():
    with KnowledgeGraph.open("memory:") as graph:
        for a, r, b in [("Donald Trump", "meets", "Vladimir Putin"), ("Steve Witkoff", "advises", "Donald Trump"),
                        ("United States", "sanctions", "Russia"), ('x" } ; DROP ALL ; #', "meets", "Vladimir Putin")]:
            graph.assert_claim(ClaimInput(subject=a, relation=r, object=b, source="https://example.org/q",
                                          quote="q", date="2025-08-15"))
        yield graph, snapshot(graph)


QUERIES = sorted(list_queries())


STATS = {"rows": 0, "refused": 0}


@FUZZ
@given(name=st.sampled_from(QUERIES + ["nope", "../etc/passwd", "meetings-of.rq", "MEETINGS-OF"]), data=st.data())
def test_named_query_params(qgraph, name: str, data: st.DataObject) -> None:
    graph, base = qgraph
    declared = [p.name for p in list_queries()[name].params] if name in QUERIES else ["actor"]
    params = data.draw(st.dictionaries(st.sampled_from(declared + ["zzz"] if declared else ["zzz"]), TEXT, max_size=3)
                       if data.draw(st.integers(0, 9)) == 0 else st.fixed_dictionaries({k: TEXT for k in declared}))
    start = time.monotonic()
    try:
        rows = select_named(graph, name, params)
        assert isinstance(rows, list)
        STATS["rows"] += 1
    except Exception as exc:  # noqa: BLE001
        check_clean(exc)
        STATS["refused"] += 1
    assert time.monotonic() - start < 10
    assert snapshot(graph) == base


def test_named_fuzz_reached_the_engine():
    assert STATS["rows"] > 100, STATS
    print(f"named-query fuzz: {STATS}")


WORDS = ["when", "is", "are", "will", "did", "who", "whom", "what", "which", "how", "many", "meet", "meeting", "met",
         "with", "and", "sanction", "sanctioned", "by", "pardoned", "released", "advises", "between", "happened",
         "relations", "in", "since", "during", "2025", "august", "0000", "2025-13", "9999-99", "the", "president",
         "trump", "putin", "russia", "'s", "?", "!", "next", "week"]


@FUZZ
@given(question=st.one_of(st.lists(st.one_of(st.sampled_from(WORDS), st.sampled_from(INJECT)), max_size=14).map(" ".join),
                          st.text(max_size=80)))
def test_ask_questions(qgraph, question: str) -> None:
    graph, base = qgraph
    start = time.monotonic()
    try:
        answer = ask(graph, question)
        assert answer.text
    except Exception as exc:  # noqa: BLE001
        check_clean(exc)
    assert time.monotonic() - start < 10
    assert snapshot(graph) == base


@pytest.mark.parametrize("length", [1_000, 20_000])
def test_long_questions_answer_in_bounded_time(qgraph, length):
    graph, _ = qgraph
    for shape in ("when is {x} meeting {x}", "who did {x} meet in {x}", "what happened between {x} and {x}",
                  "how many {x} did {x} pardon"):
        question = shape.format(x=" ".join(["and with"] * (length // 16)))
        start = time.monotonic()
        try:
            ask(graph, question)
        except Exception as exc:  # noqa: BLE001
            check_clean(exc)
        assert time.monotonic() - start < 15, f"{shape!r} at {length} chars took too long"


@pytest.mark.parametrize("period", ["0000", "2025-13", "2025-00", "august 0000"])
def test_unreadable_period_is_a_note_not_an_error(qgraph, period):
    graph, _ = qgraph
    answer = ask(graph, f"who did putin meet in {period}")
    assert "could not read the period" in answer.text
