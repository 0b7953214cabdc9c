"""Render query results: W3C SPARQL JSON/XML/CSV/TSV, RDF for graph results, rows for tables.

>>> from pyoxigraph import Store
>>> r = Store().query("SELECT ?x WHERE { VALUES ?x { 1 } }")
>>> import json; json.loads(serialize_result(r, "json"))["results"]["bindings"][0]["x"]["value"]
'1'
"""

from __future__ import annotations

from typing import Any

from pyoxigraph import (
    BlankNode,
    Literal,
    NamedNode,
    QueryBoolean,
    QueryResultsFormat,
    QuerySolutions,
    QueryTriples,
    RdfFormat,
)

from kg.store.base import QueryResult

RESULT_FORMATS = {
    "json": QueryResultsFormat.JSON,
    "xml": QueryResultsFormat.XML,
    "csv": QueryResultsFormat.CSV,
    "tsv": QueryResultsFormat.TSV,
}
GRAPH_FORMATS = {
    "ttl": RdfFormat.TURTLE,
    "turtle": RdfFormat.TURTLE,
    "nt": RdfFormat.N_TRIPLES,
    "jsonld": RdfFormat.JSON_LD,
    "xml": RdfFormat.RDF_XML,
}


def serialize_result(result: QueryResult, fmt: str) -> str:
    """Serialise a SELECT/ASK result in a W3C results format, or a graph result as RDF."""
    if isinstance(result, QueryTriples):
        rdf_format = GRAPH_FORMATS.get(fmt, RdfFormat.TURTLE)
        text = (result.serialize(format=rdf_format) or b"").decode("utf-8")
        if fmt == "xml":
            from kg.xmltext import xml_safe

            text = xml_safe(text)
        return text
    if fmt not in RESULT_FORMATS:
        raise ValueError(f"format {fmt!r} is not one of {', '.join(RESULT_FORMATS)}")
    data = result.serialize(format=RESULT_FORMATS[fmt])  # type: ignore[union-attr]
    if fmt == "xml":  # well-formed whatever the data (a NUL in a label): kg.xmltext
        from kg.xmltext import xml_safe

        return xml_safe((data or b"").decode("utf-8", "surrogatepass"))
    return (data or b"").decode("utf-8")


def term_text(term: Any) -> str:
    """Plain text of a term for tables: IRI, literal value, or ``_:id``."""
    if isinstance(term, (NamedNode, Literal)):
        return term.value
    if isinstance(term, BlankNode):
        return f"_:{term.value}"
    return "" if term is None else str(term)


def result_rows(result: QueryResult) -> tuple[list[str], list[dict[str, str]]]:
    """(columns, rows of text) for any result kind."""
    if isinstance(result, QueryBoolean):
        return ["result"], [{"result": "true" if bool(result) else "false"}]
    if isinstance(result, QuerySolutions):
        columns = [v.value for v in result.variables]
        rows = [{c: term_text(solution[c]) for c in columns if solution[c] is not None} for solution in result]
        return columns, rows
    columns = ["subject", "predicate", "object"]
    return columns, [dict(zip(columns, map(term_text, (t.subject, t.predicate, t.object)))) for t in result]
