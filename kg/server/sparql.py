"""SPARQL protocol pieces: content negotiation, query execution with a row cap and cancellation, serialisation.

Results are written here rather than by pyoxigraph's ``serialize`` because the
row limit and the cancellation check must sit inside the loop that pulls
solutions from the engine.

>>> pick_format("application/sparql-results+xml;q=0.9, text/csv", graph=False)
('csv', 'text/csv; charset=utf-8')
>>> pick_format(None, graph=True)
('turtle', 'text/turtle; charset=utf-8')
"""

from __future__ import annotations

import csv
import io
import json
import threading
from collections.abc import Iterable
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from pyoxigraph import BlankNode, Literal, NamedNode, QueryBoolean, QuerySolutions, RdfFormat, serialize

from kg.store.base import QueryResult

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RESULT_TYPES: dict[str, tuple[str, ...]] = {
    "json": ("application/sparql-results+json", "application/json", "text/javascript", "application/javascript"),
    "xml": ("application/sparql-results+xml", "application/xml", "text/xml"),
    "csv": ("text/csv",),
    "tsv": ("text/tab-separated-values",),
}
GRAPH_TYPES: dict[str, tuple[str, ...]] = {
    "turtle": ("text/turtle", "application/x-turtle"),
    "nt": ("application/n-triples", "text/plain"),
    "jsonld": ("application/ld+json", "application/json"),
    "rdfxml": ("application/rdf+xml", "application/xml", "text/xml"),
}
_RDF_FORMATS = {"turtle": RdfFormat.TURTLE, "nt": RdfFormat.N_TRIPLES, "jsonld": RdfFormat.JSON_LD, "rdfxml": RdfFormat.RDF_XML}


class Cancelled(Exception):
    """The request timed out; the worker stops at the next row."""


def _accepted(accept: str | None) -> list[tuple[str, float]]:
    out = []
    for part in (accept or "*/*").split(","):
        fields = [f.strip() for f in part.split(";")]
        q = 1.0
        for f in fields[1:]:
            if f.startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        if fields[0]:
            out.append((fields[0].lower(), q))
    return sorted(out, key=lambda x: -x[1])


def pick_format(accept: str | None, *, graph: bool) -> tuple[str, str]:
    """(format key, Content-Type) for an Accept header; the default is JSON or Turtle."""
    table = GRAPH_TYPES if graph else RESULT_TYPES
    for mime, q in _accepted(accept):
        if q <= 0:
            continue
        for key, mimes in table.items():
            if mime in mimes:
                return key, f"{mimes[0]}; charset=utf-8"
        if mime in ("*/*", "application/*", "text/*"):
            break
    key = "turtle" if graph else "json"
    return key, f"{table[key][0]}; charset=utf-8"


def render(result: QueryResult, accept: str | None, max_rows: int, cancel: threading.Event) -> tuple[bytes, str, bool]:
    """Serialise a query result for ``accept``: (body, content type, truncated)."""
    if isinstance(result, QueryBoolean):
        key, ctype = pick_format(accept, graph=False)
        return _boolean(bool(result), key), ctype, False
    if isinstance(result, QuerySolutions):
        key, ctype = pick_format(accept, graph=False)
        names = [v.value for v in result.variables]
        rows, truncated = _take(result, max_rows, cancel)
        return _SOLUTIONS[key](names, rows), ctype, truncated
    key, ctype = pick_format(accept, graph=True)
    triples, truncated = _take(result, max_rows, cancel)
    return serialize(triples, format=_RDF_FORMATS[key]) or b"", ctype, truncated


def _take(items: Iterable[Any], limit: int, cancel: threading.Event) -> tuple[list[Any], bool]:
    out: list[Any] = []
    for item in items:
        if cancel.is_set():
            raise Cancelled()
        if len(out) >= limit:
            return out, True
        out.append(item)
    return out, False


def _json_term(term: Any) -> dict[str, str]:
    if isinstance(term, NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != _XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    return {"type": "literal", "value": str(term)}


def _json(names: list[str], rows: list[Any]) -> bytes:
    bindings = [{n: _json_term(row[n]) for n in names if row[n] is not None} for row in rows]
    return json.dumps({"head": {"vars": names}, "results": {"bindings": bindings}}, ensure_ascii=False).encode()


def _xml_term(term: Any) -> str:
    if isinstance(term, NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if isinstance(term, Literal):
        if term.language:
            return f"<literal xml:lang={quoteattr(term.language)}>{escape(term.value)}</literal>"
        if term.datatype.value != _XSD_STRING:
            return f"<literal datatype={quoteattr(term.datatype.value)}>{escape(term.value)}</literal>"
        return f"<literal>{escape(term.value)}</literal>"
    return f"<literal>{escape(str(term))}</literal>"


def _xml(names: list[str], rows: list[Any]) -> bytes:
    out = ['<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head>']
    out += [f"<variable name={quoteattr(n)}/>" for n in names]
    out.append("</head><results>")
    for row in rows:
        out.append("<result>")
        out += [f"<binding name={quoteattr(n)}>{_xml_term(row[n])}</binding>" for n in names if row[n] is not None]
        out.append("</result>")
    out.append("</results></sparql>\n")
    return "".join(out).encode()


def _csv(names: list[str], rows: list[Any]) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(names)
    for row in rows:
        writer.writerow(["" if row[n] is None else (f"_:{row[n].value}" if isinstance(row[n], BlankNode) else row[n].value)
                         for n in names])
    return buf.getvalue().encode()


def _tsv(names: list[str], rows: list[Any]) -> bytes:
    lines = ["\t".join(f"?{n}" for n in names)]
    lines += ["\t".join("" if row[n] is None else str(row[n]) for n in names) for row in rows]
    return ("\n".join(lines) + "\n").encode()


_SOLUTIONS = {"json": _json, "xml": _xml, "csv": _csv, "tsv": _tsv}


def _boolean(value: bool, key: str) -> bytes:
    if key == "xml":
        return (f'<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head/>'
                f"<boolean>{'true' if value else 'false'}</boolean></sparql>\n").encode()
    if key in ("csv", "tsv"):
        return f"{'true' if value else 'false'}\n".encode()
    return json.dumps({"head": {}, "boolean": value}).encode()
