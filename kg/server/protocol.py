"""SPARQL 1.1 Protocol requests: which operation, which dataset, and every error case of the spec.

:func:`parse_request` turns a method, a Content-Type, the URL parameters and the body into a
:class:`QueryRequest` or an :class:`UpdateRequest`, or raises :class:`ProtocolError` with the HTTP
status the spec asks for (repeated ``query``/``update`` → 400, both → 400, a media type that is neither
form, ``application/sparql-query`` nor ``application/sparql-update`` → 415, a missing one → 400, a
charset other than UTF-8 → 415, an update by GET → 400).

>>> parse_request("GET", None, [("query", "ASK {}"), ("default-graph-uri", "http://ex/g")], b"")
QueryRequest(query='ASK {}', default_graphs=('http://ex/g',), named_graphs=())
>>> parse_request("GET", None, [("query", "ASK {}"), ("query", "ASK {}")], b"").status
Traceback (most recent call last):
...
kg.server.protocol.ProtocolError: 400: more than one 'query' parameter
>>> parse_request("POST", "text/plain", [], b"ASK {}")
Traceback (most recent call last):
...
kg.server.protocol.ProtocolError: 415: unsupported Content-Type 'text/plain' (use application/x-www-form-urlencoded, application/sparql-query or application/sparql-update)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qsl

from pyoxigraph import Literal, Triple

from kg.query.bindings import strip_literals

FORM = "application/x-www-form-urlencoded"
QUERY_TYPE = "application/sparql-query"
UPDATE_TYPE = "application/sparql-update"
_DATASET = ("default-graph-uri", "named-graph-uri")
_USING = ("using-graph-uri", "using-named-graph-uri")


class ProtocolError(Exception):
    """A request the protocol refuses: ``status`` and a one-line message."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(f"{status}: {message}")
        self.status, self.message = status, message


@dataclass(frozen=True)
class QueryRequest:
    """A query and the dataset the request names (empty: the store's own dataset)."""

    query: str
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()

    @property
    def has_dataset(self) -> bool:
        return bool(self.default_graphs or self.named_graphs)


@dataclass(frozen=True)
class UpdateRequest:
    """An update and the ``USING`` / ``USING NAMED`` graphs the request names."""

    update: str
    using: tuple[str, ...] = ()
    using_named: tuple[str, ...] = ()


def media_type(content_type: str | None) -> tuple[str, str | None]:
    """(media type, charset or None) of a Content-Type header, lower case.

    >>> media_type("Application/SPARQL-Query; charset=UTF-8")
    ('application/sparql-query', 'utf-8')
    """
    if not content_type:
        return "", None
    parts = [p.strip() for p in content_type.split(";")]
    charset = next((p.split("=", 1)[1].strip().strip('"').lower() for p in parts[1:] if p.lower().startswith("charset=")),
                   None)
    return parts[0].lower(), charset


def _one(params: list[tuple[str, str]], name: str) -> str | None:
    values = [v for k, v in params if k == name]
    if len(values) > 1:
        raise ProtocolError(400, f"more than one {name!r} parameter")
    return values[0] if values else None


def _iris(params: list[tuple[str, str]], name: str) -> tuple[str, ...]:
    values = tuple(v for k, v in params if k == name)
    for value in values:
        if not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]*$", value):
            raise ProtocolError(400, f"{name}: {value!r} is not an absolute IRI")
    return values


def _decode(body: bytes, charset: str | None) -> str:
    if charset not in (None, "utf-8", "utf8"):
        raise ProtocolError(415, f"charset {charset!r} is not supported (send UTF-8)")
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        raise ProtocolError(400, "body is not UTF-8") from None


def parse_request(method: str, content_type: str | None, url_params: list[tuple[str, str]],
                  body: bytes) -> QueryRequest | UpdateRequest | None:
    """The operation a request to the endpoint asks for; None for a GET with no parameters (the service description)."""
    method = method.upper()
    params = list(url_params)
    direct: str | None = None
    if method == "GET":
        if _one(params, "update") is not None:
            raise ProtocolError(400, "updates must be sent with POST")
        if not params:
            return None
    elif method == "POST":
        mtype, charset = media_type(content_type)
        if mtype == FORM:
            params += parse_qsl(_decode(body, charset), keep_blank_values=True)
        elif mtype in (QUERY_TYPE, UPDATE_TYPE):
            direct = _decode(body, charset)
            for name in ("query", "update"):
                if _one(params, name) is not None:
                    raise ProtocolError(400, f"a {mtype} body and a {name!r} parameter: send one operation")
            params.append(("query" if mtype == QUERY_TYPE else "update", direct))
        elif not mtype:
            raise ProtocolError(400, f"POST needs a Content-Type ({FORM}, {QUERY_TYPE} or {UPDATE_TYPE})")
        else:
            raise ProtocolError(415, f"unsupported Content-Type {mtype!r} (use {FORM}, {QUERY_TYPE} or {UPDATE_TYPE})")
    else:
        raise ProtocolError(405, f"method {method} is not allowed (GET or POST)")
    query, update = _one(params, "query"), _one(params, "update")
    if query is not None and update is not None:
        raise ProtocolError(400, "both 'query' and 'update': send one operation per request")
    if query is not None:
        if any(k in _USING for k, _ in params):
            raise ProtocolError(400, "using-graph-uri / using-named-graph-uri belong to updates, not queries")
        if not query.strip():
            raise ProtocolError(400, "the query is empty")
        return QueryRequest(query, _iris(params, "default-graph-uri"), _iris(params, "named-graph-uri"))
    if update is not None:
        if any(k in _DATASET for k, _ in params):
            raise ProtocolError(400, "default-graph-uri / named-graph-uri belong to queries; updates take using-graph-uri")
        if not update.strip():
            raise ProtocolError(400, "the update is empty")
        return UpdateRequest(update, _iris(params, "using-graph-uri"), _iris(params, "using-named-graph-uri"))
    raise ProtocolError(400, "missing 'query' or 'update' parameter")


def add_using(update: str, using: tuple[str, ...], using_named: tuple[str, ...]) -> str:
    """``update`` with ``USING``/``USING NAMED`` clauses before each ``WHERE`` of a DELETE/INSERT operation.

    The protocol's ``using-graph-uri`` parameters act as those clauses; an update that has its own
    ``USING`` or ``WITH`` conflicts with them (400, as the spec says).

    >>> add_using("INSERT { ?s a <http://ex/C> } WHERE { ?s ?p ?o }", ("http://ex/g",), ())
    'INSERT { ?s a <http://ex/C> } USING <http://ex/g> WHERE { ?s ?p ?o }'
    >>> add_using("WITH <http://ex/g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", ("http://ex/g",), ())
    Traceback (most recent call last):
    ...
    kg.server.protocol.ProtocolError: 400: the update has its own USING or WITH and the request names using-graph-uri: use one
    """
    if not using and not using_named:
        return update
    masked = strip_literals(update)
    if re.search(r"\b(USING|WITH)\b", masked, re.IGNORECASE):
        raise ProtocolError(400, "the update has its own USING or WITH and the request names using-graph-uri: use one")
    clause = "".join(f"USING <{g}> " for g in using) + "".join(f"USING NAMED <{g}> " for g in using_named)
    cuts, depth = [], 0
    for match in re.finditer(r"[{}]|\bWHERE\b", masked, re.IGNORECASE):
        token = match.group(0)
        if token == "{":
            depth += 1
        elif token == "}":
            depth -= 1
        elif depth == 0 and masked[:match.start()].rstrip().endswith("}"):
            cuts.append(match.start())  # the WHERE of DELETE {…} / INSERT {…} (not the DELETE WHERE short form)
    for cut in reversed(cuts):
        update = update[:cut] + clause + update[cut:]
    return update


_SD = "http://www.w3.org/ns/sparql-service-description#"
_FORMATS = "http://www.w3.org/ns/formats/"


def service_description(endpoint: str, *, writable: bool) -> list[Triple]:
    """The ``sd:Service`` triples answered to a GET of the endpoint with no query (SPARQL 1.1 Service Description).

    >>> len(service_description("http://127.0.0.1:8000/sparql", writable=False)) > 10
    True
    """
    from pyoxigraph import BlankNode, NamedNode

    sd = lambda local: NamedNode(_SD + local)  # noqa: E731
    rdf_type = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    service, dataset, default = BlankNode("service"), BlankNode("dataset"), BlankNode("defaultGraph")
    out = [Triple(service, rdf_type, sd("Service")), Triple(service, sd("endpoint"), NamedNode(endpoint)),
           Triple(service, sd("supportedLanguage"), sd("SPARQL11Query")),
           Triple(service, sd("defaultDataset"), dataset), Triple(dataset, rdf_type, sd("Dataset")),
           Triple(dataset, sd("defaultGraph"), default), Triple(default, rdf_type, sd("Graph")),
           Triple(default, NamedNode("http://www.w3.org/2000/01/rdf-schema#comment"),
                  Literal("the current view: active claims and provenance; assertion graphs are named graphs"))]
    if writable:
        out.append(Triple(service, sd("supportedLanguage"), sd("SPARQL11Update")))
    for fmt in ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
                "Turtle", "N-Triples", "RDF_XML", "JSON-LD"):
        out.append(Triple(service, sd("resultFormat"), NamedNode(_FORMATS + fmt)))
    return out

