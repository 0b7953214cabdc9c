"""The SPARQL 1.1 Graph Store HTTP Protocol at ``/store`` of a real ``kg serve``: reads for all, writes behind the
token, and never into the current view, kg's namespace or an existing assertion graph."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from rdflib import Graph, URIRef

from kg.api import KnowledgeGraph
from tests.server.conftest import TOKEN, _seed, _serve

pytestmark = pytest.mark.server

AUTH = {"Authorization": f"Bearer {TOKEN}"}
SIDE = "http://kg.test/reference"
TURTLE = {"Content-Type": "text/turtle"}


@pytest.fixture(scope="module")
def served(tmp_path_factory) -> Iterator[tuple[str, str]]:
    store = tmp_path_factory.mktemp("gsp") / "store"
    _seed(store)
    with KnowledgeGraph.open(str(store)) as graph:
        assertion = graph.select("SELECT ?a WHERE { ?a a dip:Assertion } LIMIT 1")[0]["a"]
    with _serve(store, "--token", TOKEN) as base:
        yield base + "/store", assertion


def _dump(base: str) -> str:
    return httpx.get(base.replace("/store", "/sparql"), params={"query": "SELECT * { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } } ORDER BY ?g ?s ?p ?o"},
                     headers={"Accept": "text/csv"}).text


def test_read_the_default_graph_and_an_assertion_graph(served):
    base, assertion = served
    view = httpx.get(base, params={"default": ""})
    assert view.status_code == 200 and view.headers["content-type"].startswith("text/turtle")
    assert any("meets" in str(p) for p in Graph().parse(data=view.text, format="turtle").predicates())
    one = httpx.get(base, params={"graph": assertion}, headers={"Accept": "application/n-triples"})
    assert one.status_code == 200 and one.headers["content-type"].startswith("application/n-triples")
    assert len(Graph().parse(data=one.text, format="nt")) >= 1
    head = httpx.head(base, params={"graph": assertion})
    assert head.status_code == 200 and head.content == b""
    assert httpx.get(base, params={"graph": "http://kg.test/none"}).status_code == 404
    assert httpx.get(base, params={"graph": SIDE, "default": ""}).status_code == 400
    assert httpx.get(base).status_code == 400


def test_side_graph_put_post_delete(served):
    base, _ = served
    data = "<http://kg.test/a> <http://kg.test/p> 'one' ."
    assert httpx.put(base, params={"graph": SIDE}, content=data, headers=TURTLE).status_code == 401
    assert httpx.put(base, params={"graph": SIDE}, content=data, headers=TURTLE | AUTH).status_code == 201
    assert "one" in httpx.get(base, params={"graph": SIDE}).text
    replaced = "<http://kg.test/a> <http://kg.test/p> 'two' . _:b <http://kg.test/p> 'blank' ."
    assert httpx.put(base, params={"graph": SIDE}, content=replaced, headers=TURTLE | AUTH).status_code == 204
    text = httpx.get(base, params={"graph": SIDE}).text
    assert "two" in text and "one" not in text
    more = '<http://kg.test/c> <http://kg.test/p> "three" .'
    assert httpx.post(base, params={"graph": SIDE}, content=more, headers={"Content-Type": "application/n-triples"} | AUTH).status_code == 204
    assert len(Graph().parse(data=httpx.get(base, params={"graph": SIDE}).text, format="turtle")) == 3
    # replacing a graph that holds a blank node works (DELETE DATA could not name it)
    assert httpx.put(base, params={"graph": SIDE}, content=more, headers=TURTLE | AUTH).status_code == 204
    assert httpx.delete(base, params={"graph": SIDE}, headers=AUTH).status_code == 204
    assert httpx.get(base, params={"graph": SIDE}).status_code == 404
    assert httpx.delete(base, params={"graph": SIDE}, headers=AUTH).status_code == 404


def test_writes_never_reach_assertions_the_view_or_kg_namespace(served):
    base, assertion = served
    before = _dump(base)
    forged = f"<{assertion}> <https://w3id.org/diplomacy-kg/ontology#sanctions> <http://kg.test/x> ."
    for params in ({"graph": assertion}, {"default": ""}, {"graph": "https://w3id.org/diplomacy-kg/id/graph/sources"},
                   {"graph": "https://w3id.org/diplomacy-kg/id/assertion/NEW"}):
        for method in ("PUT", "POST"):
            r = httpx.request(method, base, params=params, content=forged, headers=TURTLE | AUTH)
            assert r.status_code == 409, (method, params, r.text)
        assert httpx.delete(base, params=params, headers=AUTH).status_code == 409
    assert _dump(base) == before


def test_bad_bodies_and_types(served):
    base, _ = served
    side = SIDE + "/bad"
    bad = httpx.put(base, params={"graph": side}, content="<http://kg.test/a> <http://kg.test/p> .", headers=TURTLE | AUTH)
    assert bad.status_code == 400 and "text/turtle" in bad.json()["detail"]
    assert httpx.put(base, params={"graph": side}, content="x", headers={"Content-Type": "text/html"} | AUTH).status_code == 415
    assert httpx.put(base, params={"graph": "not an iri"}, content="", headers=TURTLE | AUTH).status_code == 400
    assert httpx.get(base, params={"graph": side}).status_code == 404  # nothing was written


def test_rdflib_reads_a_graph_over_the_protocol(served):
    base, assertion = served
    graph = Graph().parse(f"{base}?graph={assertion}", format="turtle")
    assert (None, None, None) in graph and any(isinstance(s, URIRef) for s in graph.subjects())
