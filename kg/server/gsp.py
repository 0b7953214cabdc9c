"""SPARQL 1.1 Graph Store HTTP Protocol at ``/store`` (indirect graph identification).

``GET``/``HEAD /store?graph=IRI`` or ``?default`` return the graph (Turtle by default, N-Triples,
RDF/XML, JSON-LD by ``Accept``).  ``PUT`` (replace), ``POST`` (merge) and ``DELETE`` need the bearer
token and only reach side graphs: the default graph (the current view, derived from the assertions),
graphs under the project's own namespace and existing assertion graphs are refused with 409, since
claims change only through the append-only rules (``POST /assertions``, review decisions).

>>> from kg.api import KnowledgeGraph
>>> from kg.server import ServerSettings
>>> router = make_router(KnowledgeGraph.open("memory:"), ServerSettings(), lambda request: None)
>>> sorted({r.path for r in router.routes})
['/store']
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import Response
from pyoxigraph import DefaultGraph, NamedNode, Quad, RdfFormat, parse, serialize
from starlette.concurrency import run_in_threadpool

from kg.api import KnowledgeGraph
from kg.server.protocol import media_type
from kg.server.sparql import pick_format
from kg.store.oxigraph_store import _delete_insert

#: graph IRIs under this prefix belong to kg itself (assertions, gazetteer, sources, ontology)
RESERVED = "https://w3id.org/diplomacy-kg/"
_READ = {"turtle": RdfFormat.TURTLE, "nt": RdfFormat.N_TRIPLES, "jsonld": RdfFormat.JSON_LD, "rdfxml": RdfFormat.RDF_XML}
_WRITE = {"text/turtle": RdfFormat.TURTLE, "application/x-turtle": RdfFormat.TURTLE,
          "application/n-triples": RdfFormat.N_TRIPLES, "text/plain": RdfFormat.N_TRIPLES,
          "application/rdf+xml": RdfFormat.RDF_XML, "application/ld+json": RdfFormat.JSON_LD}


def target(request: Request) -> NamedNode | DefaultGraph:
    """The graph a request names: ``?graph=IRI`` or ``?default`` (exactly one), else 400."""
    params = request.query_params.multi_items()
    graphs = [v for k, v in params if k == "graph"]
    default = any(k == "default" for k, _ in params)
    if default and graphs or len(graphs) > 1:
        raise HTTPException(400, "name one graph: ?graph=IRI or ?default")
    if default:
        return DefaultGraph()
    if not graphs:
        raise HTTPException(400, "missing ?graph=IRI or ?default")
    try:
        return NamedNode(graphs[0])
    except ValueError:
        raise HTTPException(400, f"graph: {graphs[0]!r} is not an IRI") from None


def make_router(graph: KnowledgeGraph, settings: Any, authorise: Callable[[Request], None]) -> APIRouter:
    """The ``/store`` routes over ``graph``; ``authorise(request)`` raises for writes without the token."""
    router = APIRouter()

    def exists(name: NamedNode | DefaultGraph) -> bool:
        # A graph exists while it holds a triple (an emptied graph may linger in the store's list of names).
        return isinstance(name, DefaultGraph) or next(iter(graph.store.quads(graph=name)), None) is not None

    def read(name: NamedNode | DefaultGraph, accept: str | None) -> tuple[bytes, str]:
        if not exists(name):
            raise HTTPException(404, f"no graph {name}")
        key, ctype = pick_format(accept, graph=True)
        triples = [q.triple for q in graph.store.quads(graph=name)]
        return serialize(triples, format=_READ[key]) or b"", ctype

    @router.get("/store", summary="Graph Store Protocol: read a graph (?graph=IRI or ?default)")
    async def get_graph(request: Request) -> Response:
        body, ctype = await run_in_threadpool(read, target(request), request.headers.get("accept"))
        return Response(body, media_type=ctype)

    @router.head("/store", include_in_schema=False)
    async def head_graph(request: Request) -> Response:
        body, ctype = await run_in_threadpool(read, target(request), request.headers.get("accept"))
        return Response(headers={"Content-Type": ctype, "Content-Length": str(len(body))})

    def writable(name: NamedNode | DefaultGraph) -> NamedNode:
        if isinstance(name, DefaultGraph):
            raise HTTPException(409, "the default graph is the current view, derived from the assertions: "
                                     "add claims with POST /assertions")
        if name.value.startswith(RESERVED):
            raise HTTPException(409, f"graph {name}: kg's own namespace is written only by kg (claims: POST /assertions)")
        is_assertion = graph.store.query(
            "ASK { { ?g a <https://w3id.org/diplomacy-kg/ontology#Assertion> } UNION "
            "{ GRAPH ?x { ?g a <https://w3id.org/diplomacy-kg/ontology#Assertion> } } }", bindings={"g": name})
        if is_assertion:
            raise HTTPException(409, f"graph {name} is an assertion: assertions are append-only "
                                     "(retract or supersede them with kg review / POST /assertions)")
        return name

    async def body_quads(request: Request, name: NamedNode) -> list[Quad]:
        mtype, _ = media_type(request.headers.get("content-type"))
        fmt = _WRITE.get(mtype)
        if fmt is None:
            raise HTTPException(415, f"unsupported Content-Type {mtype or 'none'!r} "
                                     "(text/turtle, application/n-triples, application/rdf+xml, application/ld+json)")
        data = await request.body()
        try:
            return [Quad(t.subject, t.predicate, t.object, name) for t in parse(data, format=fmt, base_iri=name.value)]
        except (SyntaxError, ValueError) as exc:
            raise HTTPException(400, f"body is not valid {mtype}: {' '.join(str(exc).split())}") from None

    async def write(request: Request, *, replace: bool) -> Response:
        authorise(request)
        name = await run_in_threadpool(writable, target(request))
        quads = await body_quads(request, name)
        new = not await run_in_threadpool(exists, name)
        # One UPDATE, one transaction: DROP works with blank nodes, which DELETE DATA cannot name.
        parts = ([f"DROP SILENT GRAPH {name}"] if replace else []) + ([_delete_insert([], quads)] if quads else [])
        if parts:
            await run_in_threadpool(graph.store.update, " ;\n".join(parts))
        return Response(status_code=201 if new and quads else 204)

    @router.put("/store", status_code=204, summary="Graph Store Protocol: replace a side graph (token)")
    async def put_graph(request: Request) -> Response:
        return await write(request, replace=True)

    @router.post("/store", status_code=204, summary="Graph Store Protocol: add to a side graph (token)")
    async def post_graph(request: Request) -> Response:
        return await write(request, replace=False)

    @router.delete("/store", status_code=204, summary="Graph Store Protocol: delete a side graph (token)")
    async def delete_graph(request: Request) -> Response:
        authorise(request)
        name = await run_in_threadpool(writable, target(request))
        if not await run_in_threadpool(exists, name):
            raise HTTPException(404, f"no graph {name}")
        await run_in_threadpool(graph.store.update, f"DROP SILENT GRAPH {name}")
        return Response(status_code=204)

    return router
