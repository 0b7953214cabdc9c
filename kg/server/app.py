"""The HTTP server: SPARQL 1.1 Protocol at ``/sparql``, Graph Store Protocol at ``/store``, ``POST /assertions``, ``/health``.

Handlers parse, make one library call and render.  Each query runs in a forked worker process
(:mod:`kg.server.worker`) with a memory cap, killed at ``settings.timeout``: a runaway query stops and
cannot take the server's memory or crash it.  One client address runs at most
``max_queries_per_client`` queries at once (more wait their turn in a bounded queue, 429 past it), the
server ``max_running_queries`` (503).
Wrong bearer tokens are rate limited per address (429 with ``Retry-After``).  Every response carries
security headers (:mod:`kg.server.headers`).  The OpenAPI description is at ``/openapi.json``; the
Swagger page (``/docs``) is off, since it loads its JavaScript from a CDN.

Routes other than ``/sparql`` come from :data:`ROUTERS`: each entry names a function
``make_router(graph, settings, authorise) -> APIRouter``; add a module there to add routes.

>>> from kg.api import KnowledgeGraph
>>> app = create_app(KnowledgeGraph.open("memory:"), ServerSettings())
>>> sorted(p for p in app.openapi()["paths"] if p in ("/sparql", "/health", "/assertions", "/store"))
['/assertions', '/health', '/sparql', '/store']
"""

from __future__ import annotations

import asyncio
import hmac
import importlib
import importlib.util
import ipaddress
import re
import socket
import threading
from collections.abc import AsyncIterator, Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import JSONResponse, Response
from pyoxigraph import NamedNode, serialize

from kg.api import KnowledgeGraph
from kg.query.bindings import strip_literals
from kg.query.nesting import check_nesting
from kg.query.prefixes import user_position, with_prefixes
from kg.resolve.newactor import NearActorRefused, refuse_near_matches
from kg.server.guard import ClientSlots, FailureLimiter, SlotsFull
from kg.server.headers import SecurityHeaders
from kg.server.limits import BodyLimit
from kg.server.protocol import ProtocolError, QueryRequest, UpdateRequest, add_using, parse_request, service_description
from kg.server.sparql import _RDF_FORMATS, pick_format, render
from kg.server.worker import QueryKilled, QueryTimeout, run_isolated

_SERVICE = re.compile(r"\bSERVICE\b", re.IGNORECASE)
_LOAD = re.compile(r"\bLOAD\b", re.IGNORECASE)
#: modules whose ``make_router(graph, settings, authorise)`` adds routes; append to add a face
ROUTERS: list[str] = ["kg.server.gsp:make_router", "kg.server.ask:make_router"]


@dataclass(frozen=True)
class ServerSettings:
    """Start-up settings; ``token=None`` makes the server read-only.

    ``public_url`` is where clients reach the server: the service description, the base IRI of
    queries and every redirect are built from it, never from the request's ``Host`` header.
    ``allow_load`` lists URL prefixes ``LOAD`` may fetch (empty: LOAD refused); private and loopback
    addresses are refused whatever the list says.
    """

    token: str | None = None
    timeout: float = 30.0
    max_rows: int = 100_000
    max_body: int = 1_000_000
    cors_origins: tuple[str, ...] = ()
    allow_service: bool = False
    workers: int = 8
    max_running_queries: int = 32
    max_queries_per_client: int = 4
    max_waiting_per_client: int = 16
    query_memory_mb: int = 1024
    isolate_queries: bool = True
    allow_load: tuple[str, ...] = ()
    public_url: str = "http://127.0.0.1:8000"
    failures_per_minute: int = 10


def client_of(request: Request) -> str:
    """The client's address (behind a reverse proxy every client is the proxy)."""
    return request.client.host if request.client else "unknown"


def create_app(graph: KnowledgeGraph, settings: ServerSettings) -> FastAPI:
    """A FastAPI app serving ``graph`` (the caller opens and closes the graph)."""
    pool = ThreadPoolExecutor(max_workers=settings.workers, thread_name_prefix="kg-write")
    query_pool = ThreadPoolExecutor(max_workers=settings.max_running_queries, thread_name_prefix="kg-query")
    running = threading.BoundedSemaphore(settings.max_running_queries)
    slots = ClientSlots(settings.max_queries_per_client, settings.max_waiting_per_client)
    limiter = FailureLimiter(per_client=settings.failures_per_minute, overall=settings.failures_per_minute * 10)
    endpoint = settings.public_url.rstrip("/") + "/sparql"

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        pool.shutdown(wait=False, cancel_futures=True)
        query_pool.shutdown(wait=False, cancel_futures=True)

    app = FastAPI(title="diplomacy-kg", description="SPARQL 1.1 endpoint over the current view of the graph.",
                  lifespan=lifespan, docs_url=None, redoc_url=None)
    app.state.graph, app.state.settings, app.state.pool, app.state.limiter = graph, settings, pool, limiter
    app.add_middleware(BodyLimit, max_body=settings.max_body)
    if settings.cors_origins:
        from fastapi.middleware.cors import CORSMiddleware

        app.add_middleware(CORSMiddleware, allow_origins=list(settings.cors_origins),
                           allow_methods=["GET", "POST"], allow_headers=["Authorization", "Content-Type", "Accept"])
    app.add_middleware(SecurityHeaders, public_url=settings.public_url)

    def authorise(request: Request) -> None:
        if settings.token is None:
            raise HTTPException(403, "this server is read-only (start it with KG_TOKEN or --token-file to allow writes)")
        client = client_of(request)
        wait = limiter.retry_after(client)
        if wait is not None:
            raise HTTPException(429, f"too many wrong tokens from {client}; retry in {wait} s",
                                headers={"Retry-After": str(wait)})
        header = request.headers.get("authorization", "")
        if not header.lower().startswith("bearer "):
            raise HTTPException(401, "writes need Authorization: Bearer <token>", headers={"WWW-Authenticate": "Bearer"})
        if not hmac.compare_digest(header[7:].strip().encode(), settings.token.encode()):
            limiter.failed(client)
            raise HTTPException(403, "wrong token")

    @app.get("/health", summary="Liveness and store size")
    def health() -> dict[str, Any]:
        return {"status": "ok", "store": graph.store.name, "read_only": settings.token is None}

    @app.get("/sparql", summary="SPARQL 1.1 query (GET ?query=); with no query, the service description")
    async def sparql_get(request: Request) -> Response:
        return await sparql(request)

    @app.post("/sparql", summary="SPARQL 1.1 query or update (form, application/sparql-query or application/sparql-update)")
    async def sparql_post(request: Request) -> Response:
        return await sparql(request)

    async def sparql(request: Request) -> Response:
        body = await request.body() if request.method == "POST" else b""
        try:
            operation = parse_request(request.method, request.headers.get("content-type"),
                                      request.query_params.multi_items(), body)
        except ProtocolError as exc:
            raise HTTPException(exc.status, exc.message) from None
        if operation is None:
            key, ctype = pick_format(request.headers.get("accept"), graph=True)
            triples = service_description(endpoint, writable=settings.token is not None)
            return Response(serialize(triples, format=_RDF_FORMATS[key]) or b"", media_type=ctype)
        if isinstance(operation, UpdateRequest):
            return await _run_update(operation, request)
        return await _run_query(operation, request.headers.get("accept"), client_of(request))

    @app.post("/assertions", status_code=201, summary="Add analyst claims (kg.model.inputs.ClaimInput, one or a list)")
    async def post_assertions(request: Request) -> JSONResponse:
        from pydantic import ValidationError

        from kg.model.inputs import ClaimInput, one_line_error

        authorise(request)
        try:
            data = await request.json()
        except ValueError:
            raise HTTPException(400, "body is not JSON") from None
        items = data if isinstance(data, list) else [data]
        confirmed_all = request.query_params.get("new_actor", "").lower() in ("1", "true", "yes")
        confirmed: list[bool] = []
        try:
            claims = []
            for item in items:
                # "new_actor": true confirms that a name close to a known actor is a new one (not a claim field)
                extra = item.pop("new_actor", False) if isinstance(item, dict) else False
                if not isinstance(extra, bool):
                    raise HTTPException(422, "new_actor: must be true or false")
                confirmed.append(confirmed_all or extra)
                claims.append(ClaimInput.model_validate(item))
        except ValidationError as exc:
            raise HTTPException(422, one_line_error(exc)) from None
        loop = asyncio.get_running_loop()
        try:
            ids = await loop.run_in_executor(pool, _assert_guarded, claims, confirmed, isinstance(data, list))
        except NearActorRefused as exc:
            return JSONResponse({"detail": str(exc), "near_matches": [m.as_dict() for m in exc.matches],
                                 "confirm": "new_actor"}, status_code=409)
        except ValueError as exc:
            raise HTTPException(422, " ".join(str(exc).split())) from None
        return JSONResponse({"ids": ids}, status_code=201)

    def _assert_guarded(claims: list[Any], confirmed: list[bool], numbered: bool) -> list[str]:
        """The near-match guard (kg.resolve.newactor) for the claims not confirmed, then one atomic write."""
        unconfirmed = [(i, c) for i, (c, ok) in enumerate(zip(claims, confirmed), 1) if not ok]
        names = [(f"claim {i} {field}" if numbered else field, getattr(c, field))
                 for i, c in unconfirmed for field in ("subject", "object")]
        refuse_near_matches(graph, names, confirm='"new_actor": true')
        return graph.assert_claims(claims)

    def _checked_text(text: str, what: str) -> None:
        masked = strip_literals(text)
        if not settings.allow_service and _SERVICE.search(masked):
            raise HTTPException(400, f"SERVICE (federated) {what} are disabled on this server (start it with --allow-service)")
        try:
            check_nesting(text)
        except ValueError as exc:
            raise HTTPException(400, str(exc)) from None

    async def _run_query(operation: QueryRequest, accept: str | None, client: str) -> Response:
        _checked_text(operation.query, "queries")
        text = f"BASE <{endpoint}> " + with_prefixes(operation.query)
        dataset: dict[str, Any] = {}
        if operation.has_dataset:
            dataset = {"default_graphs": [NamedNode(g) for g in operation.default_graphs],
                       "named_graphs": [NamedNode(g) for g in operation.named_graphs]}

        def work() -> tuple[bytes, str, bool]:
            after_fork = getattr(graph.store, "after_fork", None)
            if settings.isolate_queries and after_fork is not None:
                after_fork()
            result = graph.store.query(text, **dataset)
            try:
                return render(result, accept, settings.max_rows, threading.Event())
            except Exception as exc:  # noqa: BLE001 - re-raised without the frame that holds the result
                failure = exc
            finally:
                del result  # pyoxigraph results must be dropped on the thread that made them
            raise type(failure)(str(failure)) if isinstance(failure, (SyntaxError, ValueError, OSError)) \
                else RuntimeError(str(failure))

        def job() -> tuple[bytes, str, bool]:
            try:
                if settings.isolate_queries:
                    return run_isolated(work, timeout=settings.timeout, memory=settings.query_memory_mb << 20,
                                        fork_guard=getattr(graph.store, "fork_guard", None))
                return work()
            finally:
                running.release()

        try:
            await asyncio.wait_for(slots.acquire(client), settings.timeout)
        except SlotsFull:
            raise HTTPException(429, f"{client} already runs {settings.max_queries_per_client} queries and has "
                                     f"{slots.waiting} waiting; retry when one ends", headers={"Retry-After": "1"}) from None
        except asyncio.TimeoutError:
            raise HTTPException(503, f"query waited {settings.timeout:g} s for a slot; retry later",
                                headers={"Retry-After": "1"}) from None
        try:
            return await _in_slot(job)
        finally:
            slots.release(client)

    async def _in_slot(job: Callable[[], tuple[bytes, str, bool]]) -> Response:
        if not running.acquire(blocking=False):
            raise HTTPException(503, f"too many queries running ({settings.max_running_queries}); retry later",
                                headers={"Retry-After": "1"})
        loop = asyncio.get_running_loop()
        try:
            future = loop.run_in_executor(query_pool, job)
            # The worker kills its child at the timeout; the grace covers the fork and the pipe.
            body, ctype, truncated = await asyncio.wait_for(asyncio.shield(future), settings.timeout + 5)
        except (QueryTimeout, asyncio.TimeoutError):
            raise HTTPException(503, f"query timed out after {settings.timeout:g} s") from None
        except QueryKilled as exc:
            raise HTTPException(503, str(exc)) from None
        except SyntaxError as exc:
            raise HTTPException(400, f"SPARQL syntax error: {user_position(' '.join(str(exc).split()))}") from None
        except (ValueError, OSError, RuntimeError) as exc:
            raise HTTPException(400, f"query failed: {' '.join(str(exc).split())}") from None
        headers = {"X-KG-Truncated": str(settings.max_rows)} if truncated else {}
        return Response(body, media_type=ctype, headers=headers)

    async def _run_update(operation: UpdateRequest, request: Request) -> Response:
        authorise(request)
        _checked_text(operation.update, "updates")
        _check_load(operation.update, settings.allow_load)
        try:
            update = add_using(operation.update, operation.using, operation.using_named)
        except ProtocolError as exc:
            raise HTTPException(exc.status, exc.message) from None
        loop = asyncio.get_running_loop()
        try:
            await loop.run_in_executor(pool, graph.store.update, f"BASE <{endpoint}> " + with_prefixes(update))
        except SyntaxError as exc:
            raise HTTPException(400, f"SPARQL syntax error: {user_position(' '.join(str(exc).split()))}") from None
        except (ValueError, OSError) as exc:
            raise HTTPException(400, f"update failed: {' '.join(str(exc).split())}") from None
        return Response(status_code=204)

    for spec in ROUTERS:
        module, _, name = spec.partition(":")
        factory: Callable[..., Any] = getattr(importlib.import_module(module), name)
        app.include_router(factory(graph, settings, authorise))
    _mount_web(app, graph, settings, limiter)
    return app


def _mount_web(app: FastAPI, graph: KnowledgeGraph, settings: ServerSettings, limiter: FailureLimiter) -> None:
    # The analyst web pages live in an optional module owned elsewhere; mount them only when present.
    if importlib.util.find_spec("kg.web") is not None:
        import kg.web

        kg.web.mount(app, graph, write_token=settings.token, limiter=limiter)  # type: ignore[attr-defined]


def _check_load(update: str, allowed: tuple[str, ...]) -> None:
    """Refuse ``LOAD`` unless its IRI starts with an allowed prefix and resolves to public addresses only.

    >>> _check_load("INSERT DATA { <http://ex/a> <http://ex/p> 'LOAD' }", ())
    >>> _check_load("LOAD <http://127.0.0.1:9/x.nt>", ("http://127.0.0.1:9/",))
    Traceback (most recent call last):
    ...
    fastapi.exceptions.HTTPException: 400: LOAD <http://127.0.0.1:9/x.nt>: 127.0.0.1 is a private, loopback or reserved address
    """
    masked = strip_literals(update)
    for match in _LOAD.finditer(masked):
        iri = re.match(r"\s*(?:SILENT\s+)?<([^>]*)>", update[match.end():], re.IGNORECASE)
        if iri is None:
            raise HTTPException(400, "LOAD needs a full <IRI>")
        url = iri.group(1)
        if not any(url.startswith(prefix) for prefix in allowed):
            raise HTTPException(400, f"LOAD <{url}> is disabled on this server (allow URL prefixes with --allow-load)")
        host = urlsplit(url).hostname or ""
        try:
            addresses = {str(info[4][0]) for info in socket.getaddrinfo(host, None)}
        except OSError:
            raise HTTPException(400, f"LOAD <{url}>: cannot resolve {host!r}") from None
        for address in addresses:
            ip = ipaddress.ip_address(address.split("%")[0])
            if not ip.is_global or ip.is_multicast:
                raise HTTPException(400, f"LOAD <{url}>: {address} is a private, loopback or reserved address")
