"""``GET /ask?q=QUESTION``: a plain question answered from the graph, as the JSON of ``kg ask --format json``.

The answer holds the parsed question (relation, participants, filters), the SPARQL it ran with its bound
parameters, the rows, the events with their sources, and the answer text (:mod:`kg.query.ask`).  It runs on
a worker thread; past the server's query timeout the client gets 503.

>>> from fastapi import FastAPI
>>> from fastapi.testclient import TestClient
>>> from kg.api import KnowledgeGraph
>>> app = FastAPI()
>>> add_ask_route(app, KnowledgeGraph.open("memory:"), timeout=30.0)
>>> TestClient(app).get("/ask", params={"q": "when is trump meeting with putin"}).json()["parsed"]["relation"]
'meet'
"""

from __future__ import annotations

import asyncio
from typing import Any

from fastapi import APIRouter, FastAPI, HTTPException, Query
from starlette.concurrency import run_in_threadpool

from kg.api import KnowledgeGraph


def make_router(graph: KnowledgeGraph, settings: Any, authorise: Any) -> APIRouter:
    """The ``/ask`` route for :data:`kg.server.app.ROUTERS` (reading needs no token)."""
    router = APIRouter()
    add_ask_route(router, graph, timeout=float(settings.timeout))
    return router


def add_ask_route(app: FastAPI | APIRouter, graph: KnowledgeGraph, *, timeout: float) -> None:
    """Add ``GET /ask`` to ``app``."""

    @app.get("/ask", summary="Answer a plain question (the JSON of kg ask --format json)")
    async def ask_get(q: str = Query("", description='A plain question, e.g. "when is trump meeting with putin".')) -> dict[str, Any]:
        from kg.query.ask import ask

        if not q.strip():
            raise HTTPException(400, "missing question: give ?q=QUESTION")
        try:
            answer = await asyncio.wait_for(run_in_threadpool(ask, graph, q), timeout)
        except asyncio.TimeoutError:
            raise HTTPException(503, f"question timed out after {timeout:g} s") from None
        return answer.to_json()
