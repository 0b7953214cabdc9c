"""The Virtuoso dialect's rewrites (text in, text out) and its answers on a real Virtuoso."""

from __future__ import annotations

import json

import httpx
import pytest
from pyoxigraph import BlankNode, DefaultGraph, Literal, NamedNode, Quad, QueryBoolean

from kg.store import StoreError, open_store
from kg.store.virtuoso import VirtuosoStore, _mapped, explicit_default, hide_graphs

D = "urn:d"
EX = "http://example.org/"


def test_braces_keywords_and_comments_in_strings_are_left_alone():
    update = 'INSERT DATA { <a:s> <a:p> "GRAPH ?g { FILTER } #" . <a:s> <a:q> "x" } # GRAPH ?h {'
    assert explicit_default(update, D) == ('INSERT DATA { GRAPH <urn:d> { <a:s> <a:p> "GRAPH ?g { FILTER } #" . '
                                           '<a:s> <a:q> "x" } } # GRAPH ?h {')
    assert hide_graphs(update, [D], update=True) == update


def test_nested_patterns_of_a_where_group():
    update = ("DELETE { ?s ?p ?o } WHERE { GRAPH <a:g> { ?s ?p ?o } "
              "FILTER NOT EXISTS { GRAPH ?h { ?s ?p ?o } FILTER(?h != <a:g>) } }")
    text = hide_graphs(explicit_default(update, D), [D], update=True)
    assert text == ("DELETE { GRAPH <urn:d> { ?s ?p ?o } } WHERE { GRAPH <a:g> { ?s ?p ?o } FILTER NOT EXISTS { "
                    "{ GRAPH ?h { ?s ?p ?o } FILTER(?h NOT IN (<urn:d>)) } FILTER(?h != <a:g>) } }")


def test_a_template_graph_variable_is_not_filtered_but_its_where_is():
    update = "DELETE { GRAPH ?g { ?s ?p ?o } } WHERE { GRAPH ?g { ?s ?p ?o } }"
    assert hide_graphs(update, [D], update=True) == (
        "DELETE { GRAPH ?g { ?s ?p ?o } } WHERE { { GRAPH ?g { ?s ?p ?o } FILTER(?g NOT IN (<urn:d>)) } }")


def test_query_parts_outside_triples_stay_as_written():
    query = ("SELECT ?s (COUNT(*) AS ?n) WHERE { VALUES (?x) { (1) } ?s ?p ?x . BIND(STR(?s) AS ?t) "
             "{ ?s a ?c } UNION { ?s <a:q> [ <a:r> ?c ] } FILTER regex(?t, 'a') } GROUP BY ?s")
    assert explicit_default(query, D, query=True) == (
        "SELECT ?s (COUNT(*) AS ?n) WHERE { VALUES (?x) { (1) } GRAPH <urn:d> { ?s ?p ?x . } BIND(STR(?s) AS ?t) "
        "{ GRAPH <urn:d> { ?s a ?c } } UNION { GRAPH <urn:d> { ?s <a:q> [ <a:r> ?c ] } } FILTER regex(?t, 'a') } "
        "GROUP BY ?s")
    assert explicit_default("SELECT * FROM <a:g> WHERE { ?s ?p ?o }", D, query=True).endswith("{ ?s ?p ?o }")


def test_with_and_using_are_refused_in_one_line():
    with pytest.raises(StoreError, match="without WITH or USING"):
        explicit_default("WITH <a:g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", D)


def _response(doc: dict, **headers: str) -> httpx.Response:
    return httpx.Response(200, headers={"content-type": "application/sparql-results+json", **headers},
                          content=json.dumps(doc).encode())


def test_ask_table_and_node_ids_are_mapped():
    ask = {"head": {"vars": ["__ASK_RETVAL"]}, "results": {"bindings": [{"__ASK_RETVAL": {
        "type": "typed-literal", "datatype": "http://www.w3.org/2001/XMLSchema#integer", "value": "1"}}]}}
    assert json.loads(_mapped(_response(ask), "u")) == {"head": {}, "boolean": True}
    assert json.loads(_mapped(_response({**ask, "results": {"bindings": []}}), "u"))["boolean"] is False
    rows = {"head": {"vars": ["s"]}, "results": {"bindings": [{"s": {"type": "bnode", "value": "nodeID://b10001"}}]}}
    assert json.loads(_mapped(_response(rows), "u"))["results"]["bindings"][0]["s"]["value"] == "b10001"


def test_a_result_cut_by_result_set_max_rows_raises():
    rows = {"head": {"vars": ["s"]}, "results": {"bindings": [{"s": {"type": "uri", "value": EX}}] * 2}}
    with pytest.raises(StoreError, match="ResultSetMaxRows"):
        _mapped(_response(rows, **{"x-sparql-maxrows": "2"}), "u")
    assert _mapped(_response(rows, **{"x-sparql-maxrows": "3"}), "u")


def test_spec_forms():
    store = open_store("virtuoso+https://db.example/sparql?default=urn:kg&hide=urn:sys")
    assert isinstance(store, VirtuosoStore) and store.query_url == "https://db.example/sparql"
    assert store.hidden[0] == "urn:kg" and store.hidden[-1] == "urn:sys"
    assert VirtuosoStore.from_spec("virtuoso+http://h/sparql", token="s3cret")._client.headers["authorization"] == \
        "Bearer s3cret"
    with pytest.raises(StoreError, match="expected virtuoso"):
        VirtuosoStore.from_spec("virtuoso+ftp://h/sparql")


@pytest.mark.server
def test_on_virtuoso_blank_nodes_big_writes_and_graph_updates(virtuoso_endpoint):
    from tests.servers import virtuoso_reset

    virtuoso_reset(virtuoso_endpoint)
    store = open_store("virtuoso+" + virtuoso_endpoint)
    g = NamedNode(EX + "g")
    many = [Quad(NamedNode(f"{EX}s{i}"), NamedNode(EX + "p"), Literal(f"v{i} é \"q\" {{ #"), g) for i in range(6000)]
    store.apply(many + [Quad(BlankNode(), NamedNode(EX + "p"), Literal("bn"), DefaultGraph())])
    assert len(store) == 6001
    assert isinstance(store.query("ASK { ?b <http://example.org/p> 'bn' }"), QueryBoolean)
    assert [q.subject for q in store.quads(obj=Literal("bn"))][0].value.startswith("b")
    # a copy into the default graph and out again, as view maintenance does
    store.update(f"INSERT {{ ?s ?p ?o }} WHERE {{ GRAPH {g} {{ ?s ?p ?o }} FILTER(?s = <{EX}s1>) }}")
    assert len(list(store.quads(graph=DefaultGraph()))) == 2
    store.update(f"DELETE WHERE {{ GRAPH ?x {{ <{EX}s2> ?p ?o }} }}")
    store.update("DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }")
    assert len(list(store.quads(graph=DefaultGraph()))) == 0 and len(store) == 5999
    # an update written by hand with thousands of default-graph triples in one block (cut into blocks on the way)
    store.update("INSERT DATA { " + " ".join(f"<{EX}t{i}> <{EX}p> {i}.5 ." for i in range(6000)) + " }")
    assert len(list(store.quads(graph=DefaultGraph()))) == 6000
    assert len(list(store.query("SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 1"))) == 1  # only ours, no system graph
    assert {row["g"].value for row in store.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")} == {g.value}


@pytest.mark.server
def test_on_virtuoso_a_write_that_fails_on_the_server_leaves_nothing(virtuoso_endpoint):
    """Virtuoso commits each operation of a request on its own, so a remove-and-add is one operation."""
    from tests.servers import virtuoso_reset

    virtuoso_reset(virtuoso_endpoint)
    store = open_store("virtuoso+" + virtuoso_endpoint)
    old = Quad(NamedNode(EX + "a"), NamedNode(EX + "p"), Literal("old"), DefaultGraph())
    store.apply([old])
    new = Quad(NamedNode(EX + "a"), NamedNode(EX + "p"), Literal("new"), NamedNode(EX + "g"))
    # a literal Virtuoso 7.2 cannot convert in a template: the server fails after parsing the request
    bad = Quad(NamedNode(EX + "a"), NamedNode(EX + "t"),
               Literal("11:30:00", datatype=NamedNode("http://www.w3.org/2001/XMLSchema#time")), DefaultGraph())
    with pytest.raises(StoreError, match="HTTP 500"):
        store.apply([new, bad], remove=[old])
    assert list(store.quads()) == [old]
    # a large remove-and-add still goes through (split, as documented)
    many = [Quad(NamedNode(f"{EX}s{i}"), NamedNode(EX + "p"), Literal(str(i)), NamedNode(EX + "g")) for i in range(2500)]
    store.apply(many, remove=[old])
    assert len(store) == 2500


@pytest.mark.server
def test_on_virtuoso_processes_racing_to_write_lose_nothing(virtuoso_endpoint):
    """tests/hardening/test_write_races.py's race between four writer processes, on Virtuoso."""
    import os
    import subprocess
    import sys

    from kg.api import KnowledgeGraph
    from tests.hardening.test_write_races import WORKER, _claim, check_consistent
    from tests.servers import REPO, virtuoso_reset

    virtuoso_reset(virtuoso_endpoint)
    spec, rounds = "virtuoso+" + virtuoso_endpoint, 20
    with KnowledgeGraph.open(spec) as graph:
        for i in range(rounds):
            graph.assert_claim(_claim(i, "x"))
    env = {k: v for k, v in os.environ.items() if k not in ("KG_STORE", "KG_TOKEN")}
    procs = [subprocess.Popen([sys.executable, "-c", WORKER, spec, role, str(rounds)], cwd=REPO, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE) for role in ("reject", "y", "A1", "E5")]
    for proc in procs:
        _, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err.decode()[-2000:]
    with KnowledgeGraph.open(spec) as graph:
        assert graph.stats()["assertions"] == 3 * rounds
        check_consistent(graph)
