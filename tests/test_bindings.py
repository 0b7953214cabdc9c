"""Parameters reach SPARQL only as RDF terms."""

import pytest
from pyoxigraph import Literal, NamedNode

from kg.query.bindings import BindingError, inject_values, where_brace

PAYLOAD = 'x" } ; DROP ALL ; #'


@pytest.mark.parametrize("query", [
    "SELECT ?s WHERE { ?s ?p ?o }",
    "PREFIX ex: <http://ex/{}> SELECT * { ?s ?p ?o }",
    "ASK { ?s ?p ?o }",
    "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }",
    "# a comment with { brace\nSELECT ?s WHERE { ?s ?p '{' }",
])
def test_values_block_lands_in_the_where_group(query):
    out = inject_values(query, {"o": Literal(PAYLOAD)})
    brace = where_brace(query)
    assert out[brace + 1:].startswith(" VALUES (?o)")


def test_payload_is_one_escaped_literal(graph):
    from kg.model.inputs import ClaimInput

    graph.assert_claim(ClaimInput(subject="A B", relation="meets", object="C D", source="https://x.org/1"))
    size = len(graph.store)
    rows = graph.select("SELECT ?a WHERE { ?a rdfs:label ?name }", name=Literal(PAYLOAD))
    assert rows == [] and len(graph.store) == size


@pytest.mark.parametrize("name", ["x y", "1x;", "a}"])
def test_bad_variable_names_are_refused(name):
    with pytest.raises(BindingError):
        inject_values("SELECT * WHERE { ?s ?p ?o }", {name: NamedNode("http://ex/a")})
