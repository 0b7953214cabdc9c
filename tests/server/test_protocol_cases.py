"""The SPARQL 1.1 Protocol's own test cases (W3C protocol test descriptions), replayed against a real ``kg serve``.

Each case is written from the test suite's description of the request (method, media type, parameters)
and the outcome it expects; the data are three side graphs of our own (``DATA1..3``) beside the analyst
claims.  Then real clients (SPARQLWrapper, rdflib's SPARQLStore) query a named dataset.
"""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from pyoxigraph import NamedNode, Quad

from kg.api import KnowledgeGraph
from tests.server.conftest import TOKEN, _seed, _serve

pytestmark = pytest.mark.server

DATA1, DATA2, DATA3 = (f"http://kg.test/data{i}" for i in (1, 2, 3))
DOC, BIB = "http://xmlns.com/foaf/0.1/Document", "http://purl.org/dc/terms/BibliographicResource"
TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
DIRECT_QUERY = {"Content-Type": "application/sparql-query"}
DIRECT_UPDATE = {"Content-Type": "application/sparql-update"} | AUTH
FORM = {"Content-Type": "application/x-www-form-urlencoded"}


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory) -> Iterator[str]:
    store = tmp_path_factory.mktemp("protocol") / "store"
    _seed(store)
    with KnowledgeGraph.open(str(store)) as graph:
        # each side graph says it is a document; DATA3 also names a title
        graph.store.apply([Quad(NamedNode(g), NamedNode(TYPE), NamedNode(DOC), NamedNode(g)) for g in (DATA1, DATA2, DATA3)]
                          + [Quad(NamedNode(DATA3), NamedNode("http://purl.org/dc/terms/title"), NamedNode(DATA3 + "#t"),
                                  NamedNode(DATA3))])
    with _serve(store, "--token", TOKEN) as base:
        yield base + "/sparql"


def _ask(endpoint: str, query: str, **params: str | list[str]) -> bool:
    r = httpx.post(endpoint, params=params, content=query, headers=DIRECT_QUERY)
    assert r.status_code == 200, r.text
    return bool(r.json()["boolean"])


def _size(endpoint: str) -> int:
    r = httpx.get(endpoint, params={"query": "SELECT (COUNT(*) AS ?n) { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }"})
    return int(r.json()["results"]["bindings"][0]["n"]["value"])


# -- positive cases -------------------------------------------------------------------------------------------

def test_query_get_post_form_and_post_direct(endpoint):
    assert httpx.get(endpoint, params={"query": "ASK {}"}).json()["boolean"] is True
    assert httpx.post(endpoint, content="query=ASK%20%7B%7D", headers=FORM).json()["boolean"] is True
    assert httpx.post(endpoint, content="ASK {}", headers=DIRECT_QUERY).json()["boolean"] is True


def test_query_dataset_default_graph_and_graphs(endpoint):
    assert _ask(endpoint, f"ASK {{ <{DATA1}> ?p ?o }}", **{"default-graph-uri": DATA1})
    # the store's own default graph (the claims) is not part of a protocol-named dataset
    assert not _ask(endpoint, "ASK { ?x dip:meets ?y }", **{"default-graph-uri": DATA1})
    assert _ask(endpoint, "ASK { ?x dip:meets ?y }")
    assert _ask(endpoint, f"ASK {{ <{DATA1}> ?p ?o . <{DATA2}> ?p ?o }}", **{"default-graph-uri": [DATA1, DATA2]})


def test_query_dataset_named_graphs(endpoint):
    query = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
    r = httpx.get(endpoint, params={"query": query, "named-graph-uri": [DATA1, DATA2]})
    assert sorted(b["g"]["value"] for b in r.json()["results"]["bindings"]) == [DATA1, DATA2]
    everything = httpx.get(endpoint, params={"query": query}).json()["results"]["bindings"]
    assert len(everything) > 3  # without the parameter: the assertion graphs too


def test_query_dataset_full(endpoint):
    r = httpx.post(endpoint, params={"default-graph-uri": DATA3, "named-graph-uri": [DATA1, DATA2]},
                   content="SELECT ?g ?x ?s { ?x ?y ?o GRAPH ?g { ?s ?p ?o } }", headers=DIRECT_QUERY)
    rows = r.json()["results"]["bindings"]
    assert rows and {b["g"]["value"] for b in rows} == {DATA1, DATA2} and {b["x"]["value"] for b in rows} == {DATA3}


def test_query_multiple_dataset_protocol_wins_over_from(endpoint):
    query = f"ASK FROM <{DATA1}> {{ <{DATA1}> ?p ?o }}"
    assert _ask(endpoint, query)
    assert not _ask(endpoint, query, **{"default-graph-uri": DATA2})


@pytest.mark.parametrize("query,types", [
    ("SELECT (1 AS ?value) {}", ("application/sparql-results+xml", "application/sparql-results+json", "text/csv",
                                 "text/tab-separated-values")),
    ("ASK {}", ("application/sparql-results+xml", "application/sparql-results+json")),
    ("DESCRIBE <http://example.org/>", ("application/rdf+xml", "text/turtle", "application/n-triples")),
    ("CONSTRUCT { <http://ex/s> <http://ex/p> 1 } WHERE {}", ("application/rdf+xml", "text/turtle", "application/n-triples")),
])
def test_query_content_types(endpoint, query, types):
    r = httpx.post(endpoint, content=query, headers=DIRECT_QUERY)
    assert r.status_code == 200 and r.headers["content-type"].split(";")[0] in types


def test_update_dataset_default_graph_and_graphs(endpoint):
    out = "http://kg.test/out-default"
    update = f"INSERT {{ GRAPH <{out}> {{ ?s a <{BIB}> }} }} WHERE {{ ?s a <{DOC}> }}"
    r = httpx.post(endpoint, params={"using-graph-uri": DATA1}, content=update, headers=DIRECT_UPDATE)
    assert r.status_code == 204, r.text
    assert _ask(endpoint, f"ASK {{ GRAPH <{out}> {{ <{DATA1}> a <{BIB}> }} }}")
    assert not _ask(endpoint, f"ASK {{ GRAPH <{out}> {{ <{DATA2}> a <{BIB}> }} }}")
    out2 = "http://kg.test/out-defaults"
    update2 = update.replace(out, out2)
    r = httpx.post(endpoint, params={"using-graph-uri": [DATA1, DATA2]}, content=update2, headers=DIRECT_UPDATE)
    assert r.status_code == 204
    assert _ask(endpoint, f"ASK {{ GRAPH <{out2}> {{ <{DATA1}> a <{BIB}> . <{DATA2}> a <{BIB}> }} }}")
    assert not _ask(endpoint, f"ASK {{ GRAPH <{out2}> {{ <{DATA3}> a <{BIB}> }} }}")


def test_update_dataset_named_graphs_and_full(endpoint):
    out = "http://kg.test/out-named"
    update = f"INSERT {{ GRAPH <{out}> {{ ?s a <{BIB}> }} }} WHERE {{ GRAPH ?g {{ ?s a <{DOC}> }} }}"
    r = httpx.post(endpoint, data={"update": update, "using-named-graph-uri": DATA2}, headers=AUTH)
    assert r.status_code == 204, r.text
    got = httpx.get(endpoint, params={"query": f"SELECT ?s {{ GRAPH <{out}> {{ ?s a <{BIB}> }} }}"}).json()
    assert [b["s"]["value"] for b in got["results"]["bindings"]] == [DATA2]
    full = "http://kg.test/out-full"
    update = (f"INSERT {{ GRAPH <{full}> {{ ?x <http://kg.test/sees> ?s }} }} "
              f"WHERE {{ ?x <http://purl.org/dc/terms/title> ?t GRAPH ?g {{ ?s a <{DOC}> }} }}")
    r = httpx.post(endpoint, data={"update": update, "using-graph-uri": DATA3, "using-named-graph-uri": DATA1}, headers=AUTH)
    assert r.status_code == 204
    got = httpx.get(endpoint, params={"query": f"SELECT ?x ?s {{ GRAPH <{full}> {{ ?x ?p ?s }} }}"}).json()
    assert [(b["x"]["value"], b["s"]["value"]) for b in got["results"]["bindings"]] == [(DATA3, DATA1)]


def test_update_post_form_and_direct(endpoint):
    for i, send in enumerate((lambda u: httpx.post(endpoint, data={"update": u}, headers=AUTH),
                              lambda u: httpx.post(endpoint, content=u, headers=DIRECT_UPDATE))):
        triple = f"<http://kg.test/u{i}> <http://kg.test/p> {i}"
        assert send(f"INSERT DATA {{ GRAPH <http://kg.test/updates> {{ {triple} }} }}").status_code == 204
        assert _ask(endpoint, f"ASK {{ GRAPH <http://kg.test/updates> {{ {triple} }} }}")


def test_update_base_uri_is_the_endpoint(endpoint):
    graph = "http://example.org/protocol-base-test/"
    update = f"CLEAR SILENT GRAPH <{graph}> ; INSERT DATA {{ GRAPH <{graph}> {{ <http://example.org/s> <http://example.org/p> <test> }} }}"
    assert httpx.post(endpoint, content=update, headers=DIRECT_UPDATE).status_code == 204
    r = httpx.post(endpoint, content=f"SELECT ?o WHERE {{ GRAPH <{graph}> {{ <http://example.org/s> <http://example.org/p> ?o }} }}",
                   headers=DIRECT_QUERY)
    assert [b["o"]["value"] for b in r.json()["results"]["bindings"]] == [endpoint.rsplit("/", 1)[0] + "/test"]


def test_service_description(endpoint):
    from rdflib import Graph, Namespace, URIRef

    sd = Namespace("http://www.w3.org/ns/sparql-service-description#")
    r = httpx.get(endpoint, headers={"Accept": "text/turtle"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/turtle")
    graph = Graph().parse(data=r.text, format="turtle")
    service = graph.value(predicate=sd.endpoint, object=URIRef(endpoint))
    assert service is not None
    assert {sd.SPARQL11Query, sd.SPARQL11Update} <= set(graph.objects(service, sd.supportedLanguage))
    assert graph.value(service, sd.defaultDataset) is not None
    rdfxml = httpx.get(endpoint, headers={"Accept": "application/rdf+xml"})
    assert rdfxml.headers["content-type"].startswith("application/rdf+xml") and len(Graph().parse(data=rdfxml.text, format="xml")) == len(graph)


# -- negative cases: the request is refused with the status the spec asks for, and nothing is written -----------

def _negative_cases(endpoint: str) -> list[tuple[str, httpx.Response, set[int]]]:
    update = "INSERT DATA { GRAPH <http://kg.test/never> { <http://kg.test/a> <http://kg.test/b> 1 } }"
    conflict = ("WITH <http://kg.test/data1> DELETE { ?s ?p ?o } INSERT { ?s ?p ?o } WHERE { ?s ?p ?o } ; " + update)
    send = httpx.request
    return [
        ("bad-query-method", send("PUT", endpoint, params={"query": "ASK {}"}), {405}),
        ("bad-multiple-queries", send("GET", endpoint, params={"query": ["ASK {}", "SELECT * {}"]}), {400}),
        ("bad-query-wrong-media-type", send("POST", endpoint, content="ASK {}", headers={"Content-Type": "text/plain"}), {415}),
        ("bad-query-missing-form-type", send("POST", endpoint, content="query=ASK%20%7B%7D"), {400}),
        ("bad-query-missing-direct-type", send("POST", endpoint, content="ASK {}"), {400}),
        ("bad-query-non-utf8", send("POST", endpoint, content="ASK {}".encode("utf-16"),
                                    headers={"Content-Type": "application/sparql-query; charset=UTF-16"}), {415}),
        ("bad-query-syntax", send("GET", endpoint, params={"query": "ASK {"}), {400}),
        ("bad-update-get", send("GET", endpoint, params={"update": update}), {400}),
        ("bad-multiple-updates", send("POST", endpoint, data={"update": [update, "CLEAR DEFAULT"]}, headers=AUTH), {400}),
        ("bad-update-wrong-media-type", send("POST", endpoint, content=update, headers={"Content-Type": "text/plain"} | AUTH), {415}),
        ("bad-update-missing-form-type", send("POST", endpoint, content="update=CLEAR%20NAMED", headers=AUTH), {400}),
        ("bad-update-missing-direct-type", send("POST", endpoint, content="CLEAR NAMED", headers=AUTH), {400}),
        ("bad-update-non-utf8", send("POST", endpoint, content="CLEAR NAMED".encode("utf-16"),
                                     headers={"Content-Type": "application/sparql-update; charset=UTF-16"} | AUTH), {415}),
        ("bad-update-syntax", send("POST", endpoint, data={"update": "CLEAR XYZ"}, headers=AUTH), {400}),
        ("bad-update-dataset-conflict", send("POST", endpoint, data={"update": conflict, "using-named-graph-uri": DATA1},
                                             headers=AUTH), {400}),
        ("query-and-update", send("POST", endpoint, data={"query": "ASK {}", "update": update}, headers=AUTH), {400}),
        ("query-with-using-graph", send("GET", endpoint, params={"query": "ASK {}", "using-graph-uri": DATA1}), {400}),
        ("update-with-default-graph", send("POST", endpoint, data={"update": update, "default-graph-uri": DATA1},
                                           headers=AUTH), {400}),
        ("update-as-query", send("POST", endpoint, content=update, headers=DIRECT_QUERY), {400}),
        ("dataset-not-an-iri", send("GET", endpoint, params={"query": "ASK {}", "default-graph-uri": "not an iri"}), {400}),
    ]


def test_every_error_case_has_its_status_and_writes_nothing(endpoint):
    before = _size(endpoint)
    for name, response, statuses in _negative_cases(endpoint):
        assert response.status_code in statuses, (name, response.status_code, response.text)
        if response.headers.get("content-type", "").startswith("application/json"):
            assert response.json()["detail"], name
    assert _size(endpoint) == before
    assert not _ask(endpoint, "ASK { GRAPH <http://kg.test/never> { ?s ?p ?o } }")


# -- real clients on a named dataset ---------------------------------------------------------------------------

def test_sparqlwrapper_queries_a_named_dataset(endpoint):
    from SPARQLWrapper import JSON, SPARQLWrapper

    client = SPARQLWrapper(endpoint)
    client.setReturnFormat(JSON)
    client.addDefaultGraph(DATA2)
    client.setQuery("SELECT ?s WHERE { ?s ?p ?o }")
    assert [b["s"]["value"] for b in client.query().convert()["results"]["bindings"]] == [DATA2]
    named = SPARQLWrapper(endpoint)
    named.setReturnFormat(JSON)
    named.addNamedGraph(DATA1)
    named.addNamedGraph(DATA3)
    named.setMethod("POST")
    named.setQuery("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert sorted(b["g"]["value"] for b in named.query().convert()["results"]["bindings"]) == [DATA1, DATA3]


def test_rdflib_sparqlstore_reads_one_named_graph(endpoint):
    from rdflib import Graph, URIRef
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    graph = Graph(store=SPARQLStore(endpoint, returnFormat="json"), identifier=URIRef(DATA3))
    rows = list(graph.query("SELECT ?s ?p ?o WHERE { ?s ?p ?o }"))
    assert {(str(s), str(p)) for s, p, _ in rows} == {(DATA3, TYPE), (DATA3, "http://purl.org/dc/terms/title")}
    assert len(list(graph.triples((None, URIRef(TYPE), None)))) == 1
