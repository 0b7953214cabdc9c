"""Named queries: headers, parameter types, every query on a small graph, injection stays harmless."""

from __future__ import annotations

import pytest
from pyoxigraph import RdfFormat

from kg.model.inputs import ClaimInput
from kg.query.named import NamedQueryError, bind_params, list_queries, load_query, select_named
from kg.desk.review import retract

PAYLOAD = 'x" } ; DROP ALL ; #'


@pytest.fixture
def filled(graph):
    ids = graph.assert_claims([
        ClaimInput(subject="Donald Trump", relation="meets", object="Vladimir Putin", source="https://example.org/alaska",
                   date="2025-08-15", time="11:30", place="Anchorage", status="planned", quote="Trump will meet Putin."),
        ClaimInput(subject="Vladimir Putin", relation="meets", object="Alexander Lukashenko", source="https://example.org/m",
                   date="2025-07-01"),
        ClaimInput(subject="United States", relation="sanctions", object="Russia", source="https://example.org/s", date="2025-07-01"),
        ClaimInput(subject="Alexander Lukashenko", relation="pardons", object="prisoners", object_type="Group", count=16,
                   source="https://example.org/p", date="2025-08-15"),
        ClaimInput(subject="Steve Witkoff", relation="advises", object="Donald Trump", source="https://example.org/w"),
    ])
    retracted = graph.assert_claim(ClaimInput(subject="Trump", relation="talks", object="Lukashenko", source="https://example.org/c"))
    retract(graph, retracted, reason="wrong source")
    return graph, ids, retracted


def test_every_query_documents_itself():
    queries = list_queries()
    assert {"meetings-of", "meetings-between", "sanctions-by", "sanctions-against", "releases-by", "advisers-of",
            "between", "within-hops", "events-in-range", "assertions-from-source", "retracted", "provenance-of"} <= set(queries)
    for query in queries.values():
        assert query.summary, query.name
        assert all(p.description for p in query.params), query.name
        for p in query.params:
            assert f"?{p.name}" in query.text, (query.name, p.name)
        assert "*" not in query.text.split("WHERE", 1)[1].replace("COUNT(*)", ""), f"{query.name}: no unbounded paths"


@pytest.mark.parametrize("name,params,check", [
    ("meetings-of", {"actor": "putin"}, lambda rows: {r["otherLabel"] for r in rows} == {"Donald Trump", "Alexander Lukashenko"}),
    ("meetings-between", {"a": "Trump", "b": "Putin"}, lambda rows: rows[0]["place"] == "Anchorage" and rows[0]["status"] == "planned"),
    ("sanctions-by", {"actor": "US"}, lambda rows: [r["targetLabel"] for r in rows] == ["Russia"]),
    ("sanctions-against", {"actor": "russia"}, lambda rows: [r["imposerLabel"] for r in rows] == ["United States"]),
    ("releases-by", {"actor": "lukashenko"}, lambda rows: rows[0]["count"] == "16"),
    ("releases-by", {}, lambda rows: len(rows) == 1),
    ("advisers-of", {"actor": "trump"}, lambda rows: rows[0]["adviserLabel"] == "Steve Witkoff"),
    ("between", {"a": "putin", "b": "trump"}, lambda rows: len(rows) == 1 and rows[0]["quote"] == "Trump will meet Putin."),
    ("within-hops", {"actor": "Witkoff", "hops": "1"}, lambda rows: [r["otherLabel"] for r in rows] == ["Donald Trump"]),
    ("within-hops", {"actor": "Witkoff", "hops": "3"}, lambda rows: {r["otherLabel"]: int(r["distance"]) for r in rows}
     == {"Donald Trump": 1, "Vladimir Putin": 2, "Alexander Lukashenko": 3}),
    ("events-in-range", {"from": "2025-08-01", "to": "2025-08-31"}, lambda rows: len(rows) == 2),
    ("events-in-range", {"from": "2025-08-01", "to": "2025-08-31", "type": "dip:Pardon"}, lambda rows: len(rows) == 1),
    ("assertions-from-source", {"source": "https://example.org/c"}, lambda rows: rows[0]["active"] == "false"),
    ("retracted", {}, lambda rows: rows[0]["reason"] == "wrong source"),
])
def test_named_queries_answer(filled, name, params, check):
    graph, _, _ = filled
    rows = select_named(graph, name, params)
    assert rows and check(rows), rows


def test_provenance_of_an_assertion(filled):
    graph, ids, retracted = filled
    rows = select_named(graph, "provenance-of", {"assertion": retracted})
    assert rows[0]["decision"] == "retracted" and rows[0]["source"] == "https://example.org/c"


def test_retracted_claims_leave_the_answers(filled):
    graph, _, _ = filled
    assert not [r for r in select_named(graph, "between", {"a": "Trump", "b": "Lukashenko"})]


@pytest.mark.parametrize("params,message", [
    ({}, "missing parameter 'actor'"),
    ({"actor": "x", "nope": "1"}, "no parameter 'nope'"),
])
def test_parameter_errors(params, message):
    with pytest.raises(NamedQueryError, match=message):
        bind_params(load_query("meetings-of"), params)


def test_value_errors():
    with pytest.raises(NamedQueryError, match="not an ISO date"):
        bind_params(load_query("events-in-range"), {"from": PAYLOAD, "to": "2025-01-01"})
    with pytest.raises(NamedQueryError, match="not an integer"):
        bind_params(load_query("within-hops"), {"actor": "https://example.org/a", "hops": PAYLOAD})
    with pytest.raises(NamedQueryError, match="not an IRI"):
        bind_params(load_query("events-in-range"), {"from": "2025-01-01", "to": "2025-01-02", "type": PAYLOAD})


@pytest.mark.parametrize("name", ["../../etc/passwd", "meetings-of.rq", "no-such-query"])
def test_unknown_names(name):
    with pytest.raises(NamedQueryError, match="no named query"):
        load_query(name)


@pytest.mark.parametrize("name,params", [
    ("meetings-of", {"actor": PAYLOAD}),
    ("meetings-between", {"a": PAYLOAD, "b": "Putin"}),
    ("assertions-from-source", {"source": PAYLOAD}),
    ("provenance-of", {"assertion": PAYLOAD}),
])
def test_injection_is_harmless(filled, name, params):
    graph, _, _ = filled
    before = graph.export(RdfFormat.N_QUADS)
    assert select_named(graph, name, params) == []
    assert graph.export(RdfFormat.N_QUADS) == before


from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(min_size=1, max_size=40).filter(lambda t: t.strip()))
def test_any_text_is_one_term(filled, text):
    graph, _, _ = filled
    before = len(graph.store)
    for name, key in (("assertions-from-source", "source"), ("meetings-of", "actor"), ("provenance-of", "assertion")):
        rows = select_named(graph, name, {key: text})
        assert all("event" in r or "relation" in r for r in rows)
    assert len(graph.store) == before
