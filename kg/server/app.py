"""The HTTP server: SPARQL 1.1 Protocol at ``/sparql``, ``POST /assertions``, ``/health``, OpenAPI at ``/docs``.

Handlers parse, make one library call and render.  Queries run in a worker
thread; when one exceeds ``settings.timeout`` the client gets 503 and the worker
stops at its next result row (a query still inside the engine, e.g. a huge
ORDER BY, finishes its current step first).

>>> from kg.api import KnowledgeGraph
>>> app = create_app(KnowledgeGraph.open("memory:"), ServerSettings())
>>> sorted(p for p in (getattr(r, "path", None) for r in app.routes) if p in ("/sparql", "/health", "/assertions"))
['/assertions', '/health', '/sparql', '/sparql']
"""

from __future__ import annotations

import asyncio
import hmac
import importlib.util
import re
import threading
from collections.abc import AsyncIterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import JSONResponse, Response

from kg.api import KnowledgeGraph
from kg.query.bindings import strip_literals
from kg.query.prefixes import user_position, with_prefixes
from kg.server.limits import BodyLimit
from kg.server.sparql import Cancelled, render

_SERVICE = re.compile(r"\bSERVICE\b", re.IGNORECASE)


@dataclass(frozen=True)
class ServerSettings:
    """Start-up settings; ``token=None`` makes the server read-only."""

    token: str | None = None
    timeout: float = 30.0
    max_rows: int = 100_000
    max_body: int = 1_000_000
    cors_origins: tuple[str, ...] = ()
    allow_service: bool = False
    workers: int = 8
    max_running_queries: int = 32


def _settle(future: "asyncio.Future[Any]", value: Any, error: BaseException | None) -> None:
    if future.done():  # the request gave up (timeout) and nobody awaits the outcome
        return
    if error is not None:
        future.set_exception(error)
    else:
        future.set_result(value)


def create_app(graph: KnowledgeGraph, settings: ServerSettings) -> FastAPI:
    """A FastAPI app serving ``graph`` (the caller opens and closes the graph)."""
    pool = ThreadPoolExecutor(max_workers=settings.workers, thread_name_prefix="kg-write")
    running = threading.BoundedSemaphore(settings.max_running_queries)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        pool.shutdown(wait=False, cancel_futures=True)

    app = FastAPI(title="diplomacy-kg", description="SPARQL 1.1 endpoint over the current view of the graph.",
                  lifespan=lifespan)
    app.state.graph, app.state.settings, app.state.pool = graph, settings, pool
    app.add_middleware(BodyLimit, max_body=settings.max_body)
    if settings.cors_origins:
        from fastapi.middleware.cors import CORSMiddleware

        app.add_middleware(CORSMiddleware, allow_origins=list(settings.cors_origins),
                           allow_methods=["GET", "POST"], allow_headers=["Authorization", "Content-Type", "Accept"])

    @app.get("/health", summary="Liveness and store size")
    def health() -> dict[str, Any]:
        return {"status": "ok", "store": graph.store.name, "read_only": settings.token is None}

    @app.get("/sparql", summary="SPARQL 1.1 query (GET ?query=)")
    async def sparql_get(request: Request) -> Response:
        params = request.query_params
        _refuse_dataset(params)
        if "update" in params:
            raise HTTPException(400, "updates must be sent with POST")
        query = params.get("query")
        if not query:
            raise HTTPException(400, "missing query parameter")
        return await _run_query(query, request.headers.get("accept"))

    @app.post("/sparql", summary="SPARQL 1.1 query or update (form, application/sparql-query or application/sparql-update)")
    async def sparql_post(request: Request) -> Response:
        ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
        body = await request.body()
        _refuse_dataset(request.query_params)
        if ctype == "application/sparql-query":
            return await _run_query(_decode(body), request.headers.get("accept"))
        if ctype == "application/sparql-update":
            return await _run_update(_decode(body), request)
        if ctype == "application/x-www-form-urlencoded":
            form = {k: v[0] for k, v in parse_qs(_decode(body), keep_blank_values=True).items()}
            _refuse_dataset(form)
            if "update" in form:
                return await _run_update(form["update"], request)
            if "query" in form:
                return await _run_query(form["query"], request.headers.get("accept"))
            raise HTTPException(400, "form has neither query nor update")
        raise HTTPException(415, f"unsupported content type {ctype or 'none'!r}")

    @app.post("/assertions", status_code=201, summary="Add analyst claims (kg.model.inputs.ClaimInput, one or a list)")
    async def post_assertions(request: Request) -> JSONResponse:
        from pydantic import ValidationError

        from kg.model.inputs import ClaimInput, one_line_error

        _authorise(request)
        try:
            data = await request.json()
        except ValueError:
            raise HTTPException(400, "body is not JSON") from None
        try:
            claims = [ClaimInput.model_validate(d) for d in (data if isinstance(data, list) else [data])]
        except ValidationError as exc:
            raise HTTPException(422, one_line_error(exc)) from None
        loop = asyncio.get_running_loop()
        try:
            ids = await loop.run_in_executor(pool, graph.assert_claims, claims)
        except ValueError as exc:
            raise HTTPException(422, " ".join(str(exc).split())) from None
        return JSONResponse({"ids": ids}, status_code=201)

    async def _run_query(query: str, accept: str | None) -> Response:
        if not settings.allow_service and _SERVICE.search(strip_literals(query)):
            raise HTTPException(400, "SERVICE (federated) queries are disabled on this server (start it with --allow-service)")
        cancel = threading.Event()

        def work() -> tuple[bytes, str, bool]:
            result = graph.query(query)
            try:
                return render(result, accept, settings.max_rows, cancel)
            except Exception as exc:  # noqa: BLE001 - re-raised without the frame that holds the result
                failure = exc
            finally:
                del result  # pyoxigraph results must be dropped on the thread that made them
            raise type(failure)(str(failure)) if isinstance(failure, (SyntaxError, ValueError, OSError)) \
                else RuntimeError(str(failure))

        # Each query runs on its own thread: pyoxigraph cannot cancel a running evaluation, so a timed-out
        # query keeps its thread until the engine finishes. A shared pool would let a few slow queries
        # starve every later one; here they only use up ``max_running_queries`` slots, past which the
        # server answers 503 at once instead of hanging.
        if not running.acquire(blocking=False):
            raise HTTPException(503, f"too many queries running ({settings.max_running_queries}); retry later")
        loop = asyncio.get_running_loop()
        future: asyncio.Future[tuple[bytes, str, bool]] = loop.create_future()

        def thread_main() -> None:
            try:
                outcome = work()
            except BaseException as exc:  # noqa: BLE001 - handed to the waiting request
                loop.call_soon_threadsafe(_settle, future, None, exc)
            else:
                loop.call_soon_threadsafe(_settle, future, outcome, None)
            finally:
                running.release()

        threading.Thread(target=thread_main, name="kg-query", daemon=True).start()
        try:
            body, ctype, truncated = await asyncio.wait_for(future, settings.timeout)
        except asyncio.TimeoutError:
            cancel.set()
            raise HTTPException(503, f"query timed out after {settings.timeout:g} s") from None
        except SyntaxError as exc:
            raise HTTPException(400, f"SPARQL syntax error: {' '.join(str(exc).split())}") from None
        except (ValueError, OSError, RuntimeError, Cancelled) as exc:
            raise HTTPException(400, f"query failed: {' '.join(str(exc).split())}") from None
        headers = {"X-KG-Truncated": str(settings.max_rows)} if truncated else {}
        return Response(body, media_type=ctype, headers=headers)

    async def _run_update(update: str, request: Request) -> Response:
        _authorise(request)
        if not settings.allow_service and _SERVICE.search(strip_literals(update)):
            raise HTTPException(400, "SERVICE (federated) updates are disabled on this server")
        loop = asyncio.get_running_loop()
        try:
            await loop.run_in_executor(pool, graph.store.update, with_prefixes(update))
        except SyntaxError as exc:
            raise HTTPException(400, f"SPARQL syntax error: {user_position(' '.join(str(exc).split()))}") from None
        except (ValueError, OSError) as exc:
            raise HTTPException(400, f"update failed: {' '.join(str(exc).split())}") from None
        return Response(status_code=204)

    def _authorise(request: Request) -> None:
        if settings.token is None:
            raise HTTPException(403, "this server is read-only (start it with --token or KG_TOKEN to allow writes)")
        header = request.headers.get("authorization", "")
        if not header.lower().startswith("bearer "):
            raise HTTPException(401, "writes need Authorization: Bearer <token>", headers={"WWW-Authenticate": "Bearer"})
        if not hmac.compare_digest(header[7:].strip().encode(), settings.token.encode()):
            raise HTTPException(403, "wrong token")

    from kg.server.ask import add_ask_route

    add_ask_route(app, graph, timeout=settings.timeout)
    _mount_web(app, graph, settings)
    return app


def _mount_web(app: FastAPI, graph: KnowledgeGraph, settings: ServerSettings) -> None:
    # The analyst web pages live in an optional module owned elsewhere; mount them only when present.
    if importlib.util.find_spec("kg.web") is not None:
        import kg.web

        kg.web.mount(app, graph, write_token=settings.token)  # type: ignore[attr-defined]


def _refuse_dataset(params: Any) -> None:
    # The default graph is the current view: a client may not swap in another dataset.
    if any(params.get(k) for k in ("default-graph-uri", "named-graph-uri", "using-graph-uri", "using-named-graph-uri")):
        raise HTTPException(400, "default-graph-uri / named-graph-uri are not supported; use GRAPH in the query")


def _decode(body: bytes) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        raise HTTPException(400, "body is not UTF-8") from None
