"""A :class:`~kg.store.base.GraphStore` on a SPARQL 1.1 server (query + update + Graph Store Protocol).

Spec forms (see docs/deploy.md):

* ``http://host:port`` — an Oxigraph server: query at ``/query``, update at
  ``/update``, Graph Store Protocol at ``/store``;
* ``sparql+http://host:port/path?query=URL&update=URL&gsp=URL`` (or
  ``sparql+https``) — explicit endpoints for any server (Fuseki, GraphDB,
  QLever...); each URL may be relative to ``http://host:port/path``; ``query``
  and ``update`` default to that base URL, ``gsp`` is optional;
* ``virtuoso+http://host:port/sparql`` — Virtuoso 7, through its dialect
  (:class:`kg.store.virtuoso.VirtuosoStore`, a subclass of this one).

Results are parsed with pyoxigraph into the same types the embedded store
returns, so callers cannot tell the difference.  ``apply`` sends one SPARQL
UPDATE (DELETE DATA / INSERT DATA) and is therefore atomic on the server;
locking and concurrency are the server's.  The server's default graph must be
the real default graph (union-default-graph OFF), since ours is the current view.

>>> s = RemoteStore.from_spec("sparql+https://db.example/ds?query=/ds/sparql&update=/ds/update&gsp=/ds/data")
>>> s.query_url, s.update_url, s.gsp_url
('https://db.example/ds/sparql', 'https://db.example/ds/update', 'https://db.example/ds/data')
>>> RemoteStore.from_spec("http://127.0.0.1:7878").update_url
'http://127.0.0.1:7878/update'
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping, Sequence
from typing import Any
from urllib.parse import parse_qs, urlencode, urljoin, urlsplit, urlunsplit

import httpx
from pyoxigraph import (
    DefaultGraph,
    NamedNode,
    Quad,
    QueryResultsFormat,
    RdfFormat,
    Store,
    parse,
    parse_query_results,
)

from kg.query.bindings import inject_values
from kg.store.base import GraphName, QueryResult, StoreError, Term
from kg.store.oxigraph_store import _delete_insert

_RESULTS = "application/sparql-results+json"
_GRAPH = "application/n-triples"


class RemoteStore:
    """A store behind SPARQL 1.1 Protocol endpoints."""

    name = "remote"

    def __init__(self, query_url: str, update_url: str, gsp_url: str | None = None, *,
                 timeout: float = 60.0, headers: Mapping[str, str] | None = None) -> None:
        self.query_url, self.update_url, self.gsp_url = query_url, update_url, gsp_url
        self._client = httpx.Client(timeout=timeout, headers=dict(headers or {}))

    @classmethod
    def from_spec(cls, spec: str, token: str | None = None) -> "RemoteStore":
        """Build a store from ``http(s)://host:port`` (Oxigraph layout) or ``sparql+http(s)://...?query=&update=&gsp=``.

        ``token`` (default: the ``KG_STORE_TOKEN`` environment variable) is sent as
        ``Authorization: Bearer``, as ``kg serve --token`` expects for writes; it is
        never part of the spec, so it stays out of logs and shell history.

        >>> RemoteStore.from_spec("http://127.0.0.1:7878", token="s3cret")._client.headers["authorization"]
        'Bearer s3cret'
        """
        headers = auth_headers(token)
        parts = urlsplit(spec)
        if not parts.netloc:
            raise StoreError(f"store {spec}: not an endpoint URL")
        if parts.scheme in ("http", "https"):
            base = urlunsplit((parts.scheme, parts.netloc, parts.path.rstrip("/"), "", ""))
            return cls(base + "/query", base + "/update", base + "/store", headers=headers)
        if parts.scheme not in ("sparql+http", "sparql+https"):
            raise StoreError(f"store {spec}: expected http(s):// or sparql+http(s)://")
        base = urlunsplit((parts.scheme.split("+", 1)[1], parts.netloc, parts.path, "", ""))
        args = {k: v[0] for k, v in parse_qs(parts.query).items()}
        unknown = set(args) - {"query", "update", "gsp"}
        if unknown:
            raise StoreError(f"store {spec}: unknown parameter {sorted(unknown)[0]!r} (query, update, gsp)")
        gsp = args.get("gsp")
        return cls(urljoin(base, args.get("query", base)), urljoin(base, args.get("update", base)),
                   urljoin(base, gsp) if gsp else None, headers=headers)

    # -- transport ----------------------------------------------------------------------
    def _post(self, url: str, content: bytes, ctype: str, accept: str | None = None) -> httpx.Response:
        headers = {"Content-Type": ctype}
        if accept:
            headers["Accept"] = accept
        try:
            response = self._client.post(url, content=content, headers=headers)
        except httpx.HTTPError as exc:
            raise StoreError(f"store {url}: {type(exc).__name__} ({exc})") from None
        return _checked(response, url)

    # -- writes -------------------------------------------------------------------------
    def apply(self, add: Sequence[Quad], remove: Sequence[Quad] = ()) -> None:
        if add or remove:
            # One UPDATE request is one transaction on the server; pyoxigraph serialises (escapes) the terms.
            self.update(_delete_insert(remove, add))

    def update(self, sparql: str) -> None:
        self._post(self.update_url, sparql.encode("utf-8"), "application/sparql-update")

    def load(self, data: bytes, fmt: RdfFormat) -> None:
        # Parse here first: a syntax error is raised before anything is sent.
        quads = [q if isinstance(q, Quad) else Quad(q.subject, q.predicate, q.object, DefaultGraph())
                 for q in parse(data, format=fmt)]
        self.apply(quads)

    # -- reads --------------------------------------------------------------------------
    def query(self, sparql: str, *, bindings: Mapping[str, Term] | None = None,
              default_graphs: Sequence[NamedNode] | None = None,
              named_graphs: Sequence[NamedNode] | None = None) -> QueryResult:
        if bindings:
            sparql = inject_values(sparql, bindings)
        dataset = [("default-graph-uri", g.value) for g in default_graphs or ()] + \
            [("named-graph-uri", g.value) for g in named_graphs or ()]
        url = self.query_url + ("&" if "?" in self.query_url else "?") + urlencode(dataset) if dataset else self.query_url
        response = self._post(url, sparql.encode("utf-8"), "application/sparql-query", f"{_RESULTS}, {_GRAPH};q=0.9")
        ctype = response.headers.get("content-type", "").split(";")[0].strip()
        if ctype in ("application/n-triples", "text/plain", "text/turtle"):
            return _as_triples(response.content, RdfFormat.TURTLE if ctype == "text/turtle" else RdfFormat.N_TRIPLES)
        if ctype in ("application/sparql-results+xml", "application/xml"):
            return parse_query_results(response.content, QueryResultsFormat.XML)
        return parse_query_results(response.content, QueryResultsFormat.JSON)

    def quads(self, subject: Term | None = None, predicate: NamedNode | None = None,
              obj: Term | None = None, graph: GraphName | None = None) -> Iterator[Quad]:
        bindings: dict[str, Any] = {k: v for k, v in (("s", subject), ("p", predicate), ("o", obj)) if v is not None}
        if isinstance(graph, DefaultGraph):
            sparql = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"
        elif graph is not None:
            bindings["g"] = graph
            sparql = "SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
        else:
            sparql = "SELECT ?s ?p ?o ?g WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }"
        for row in self.query(sparql, bindings=bindings):  # type: ignore[union-attr]
            g = row["g"] if "g" in bindings or graph is None else None
            yield Quad(row["s"], row["p"], row["o"], g if g is not None else DefaultGraph())

    def contains_graph(self, graph: NamedNode) -> bool:
        return bool(self.query("ASK WHERE { GRAPH ?g { ?s ?p ?o } }", bindings={"g": graph}))

    def dump(self, fmt: RdfFormat) -> bytes:
        # Re-serialise locally so every format (and the default-graph-only triple formats) behaves as embedded.
        local = Store()
        local.extend(self.quads(graph=None if fmt.supports_datasets else DefaultGraph()))
        if fmt.supports_datasets:
            return local.dump(format=fmt) or b""
        return local.dump(format=fmt, from_graph=DefaultGraph()) or b""

    def __len__(self) -> int:
        rows = list(self.query("SELECT (COUNT(*) AS ?n) WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }"))  # type: ignore[arg-type]
        return int(rows[0]["n"].value) if rows else 0

    def after_fork(self) -> None:
        """In a forked child: a client of its own (the parent's pooled connections stay the parent's)."""
        self._client = httpx.Client(timeout=self._client.timeout, headers=self._client.headers)

    def close(self) -> None:
        self._client.close()


def auth_headers(token: str | None) -> dict[str, str] | None:
    """``Authorization: Bearer`` for ``token`` (default: ``$KG_STORE_TOKEN``), or None without one."""
    token = token if token is not None else os.environ.get("KG_STORE_TOKEN") or None
    return {"Authorization": f"Bearer {token}"} if token else None


def _checked(response: httpx.Response, url: str) -> httpx.Response:
    if response.status_code < 300:
        return response
    message = " ".join(response.text.split())[:500] or response.reason_phrase
    if response.status_code == 400:
        raise SyntaxError(message)
    raise StoreError(f"store {url}: HTTP {response.status_code}: {message}")


def _as_triples(data: bytes, fmt: RdfFormat) -> QueryResult:
    # QueryTriples cannot be built directly: load into a scratch store and read it back with CONSTRUCT.
    scratch = Store()
    scratch.load(data, format=fmt)
    return scratch.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
