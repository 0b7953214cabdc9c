"""The analyst's web desk: actor pages, a form to add sourced claims, the review queue.

``mount(app, graph, write_token=...)`` adds server-rendered pages under ``/ui`` to a FastAPI app.
Reading needs nothing; writing needs a login with the write token given at start-up (``None``: the desk
is read-only).  Templates autoescape everything; no script runs on our pages (CSP ``script-src 'none'``);
sessions are HMAC-signed HttpOnly SameSite=Strict cookies; every form carries the session's CSRF token.
A login is also held server-side (``LiveSessions``): logout revokes it, and it ends when idle or old.
Wrong tokens at the login are rate limited per address (429 with ``Retry-After``), sharing the
server's limiter for bearer tokens when ``limiter`` is given.

>>> import fastapi
>>> from kg.api import KnowledgeGraph
>>> app = fastapi.FastAPI()
>>> mount(app, KnowledgeGraph.open("memory:"), write_token="s3cret")
>>> from fastapi.testclient import TestClient
>>> TestClient(app).get("/ui/review").status_code
200
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote as urlquote

from fastapi import APIRouter, FastAPI, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader
from starlette.concurrency import run_in_threadpool

from kg.api import KnowledgeGraph
from kg.web.auth import AUTH_MAX_AGE, COOKIE, MAX_AGE, FailureLimiter, LiveSessions, Session, Signer, same_secret

HERE = Path(__file__).resolve().parent
PREFIX = "/ui"
CSP = ("default-src 'none'; style-src 'self'; img-src 'self'; script-src 'none'; form-action 'self'; "
       "frame-src 'self'; base-uri 'none'; frame-ancestors 'none'")
#: the review page's status filter: the queue (proposed) and the other effective statuses
REVIEW_STATUSES = ("proposed", "accepted", "disputed", "rejected", "retracted")
#: the form's fields, in order, passed to ClaimInput when filled in.
CLAIM_FIELDS = ("subject", "relation", "object", "source", "quote", "published", "reliability", "credibility",
                "date", "time", "place", "status", "count", "subject_type", "object_type",
                "subject_role", "object_role", "analyst")


def mount(app: FastAPI, graph: KnowledgeGraph, *, write_token: str | None, prefix: str = PREFIX,
          limiter: FailureLimiter | None = None) -> None:
    """Add the desk's pages under ``prefix`` (default ``/ui``) and its CSS under ``prefix/static``."""
    env = Environment(loader=FileSystemLoader(str(HERE / "templates")), autoescape=True)
    env.filters["http_url"] = http_url
    signer = Signer()
    live = LiveSessions()
    guard = limiter if limiter is not None else FailureLimiter()
    router = APIRouter(prefix=prefix)

    def session_of(request: Request) -> Session | None:
        session = signer.load(request.cookies.get(COOKIE))
        if session is not None and session.auth and not live.active(session.sid):
            # logged out, idle or too old: the cookie still carries a valid CSRF token, but no login
            return Session(session.sid, session.csrf, False, session.iat)
        return session

    def page(request: Request, name: str, status: int = 200, session: Session | None = None,
             **context: Any) -> HTMLResponse:
        current = session or session_of(request)
        fresh = current is None
        if current is None:
            current = signer.new()
        html = env.get_template(name).render(
            prefix=prefix, csrf=current.csrf, logged_in=current.auth, writable=write_token is not None, **context)
        response = HTMLResponse(html, status_code=status)
        secure_headers(response)
        if fresh or session is not None:
            set_cookie(request, response, current)
        return response

    def secure_headers(response: Response) -> None:
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Frame-Options"] = "DENY"
        response.headers["Cache-Control"] = "no-store"

    def set_cookie(request: Request, response: Response, session: Session) -> None:
        response.set_cookie(COOKIE, signer.dump(session), max_age=AUTH_MAX_AGE if session.auth else MAX_AGE, path="/",
                            httponly=True, samesite="strict", secure=request.url.scheme == "https")

    def redirect(to: str) -> RedirectResponse:
        response = RedirectResponse(to, status_code=303)
        secure_headers(response)
        return response

    def checked(request: Request, csrf: str, *, need_auth: bool = True) -> Session | None:
        """The session when the CSRF token matches (and, for writes, the user logged in), else None."""
        session = session_of(request)
        if session is None or not same_secret(csrf, session.csrf):
            return None
        if need_auth and not (session.auth and write_token is not None):
            return None
        return session

    def denied(request: Request, why: str) -> HTMLResponse:
        return page(request, "error.html", status=403, message=why)

    @router.get("/", response_class=HTMLResponse)
    def index(request: Request) -> HTMLResponse:
        rows = graph.select("SELECT DISTINCT ?label WHERE { ?a rdfs:label ?label . ?a a ?t . "
                            "VALUES ?t { dip:Person dip:Country dip:Organization } } ORDER BY ?label LIMIT 500")
        return page(request, "index.html", actors=[str(r["label"]) for r in rows])

    @router.get("/actor", response_class=HTMLResponse)
    def actor(request: Request, name: str = "") -> HTMLResponse:
        from kg.web.views import actor_page

        from kg.resolve.lookup import AmbiguousActor

        try:
            data = actor_page(graph, name)
        except AmbiguousActor as exc:  # the one lookup lists the candidates: pick one by QID or IRI
            return page(request, "error.html", status=409, message=str(exc))
        except KeyError:
            return page(request, "error.html", status=404, message=f"no actor named {name!r} in the graph")
        return page(request, "actor.html", actor=data, viz_url=f"{prefix}/viz?name={urlquote(name)}")

    @router.get("/ask", response_class=HTMLResponse)
    async def ask_box(request: Request, q: str = "") -> HTMLResponse:
        from kg.web.views import ask_page

        data = await run_in_threadpool(ask_page, graph, q) if q.strip() else {"question": ""}
        return page(request, "ask.html", page=data)

    @router.get("/viz", response_class=HTMLResponse)
    def viz(request: Request, name: str = "") -> HTMLResponse:
        # Third-party HTML runs only inside <iframe sandbox="allow-scripts"> (opaque origin: no cookies).
        from kg.web.views import viz_html

        try:
            html = viz_html(graph, graph.find_actor(name).canonical_iri())
        except KeyError:
            html = None
        response = HTMLResponse(html or "no network view", status_code=200 if html else 404)
        response.headers["Content-Security-Policy"] = "sandbox allow-scripts; frame-ancestors 'self'"
        response.headers["X-Content-Type-Options"] = "nosniff"
        return response

    @router.get("/login", response_class=HTMLResponse)
    def login_form(request: Request) -> HTMLResponse:
        return page(request, "login.html")

    @router.post("/login", response_class=HTMLResponse)
    def login(request: Request, token: Annotated[str, Form()] = "", csrf: Annotated[str, Form()] = "") -> Response:
        if checked(request, csrf, need_auth=False) is None:
            return denied(request, "csrf: the form expired; reload the page and try again")
        if write_token is None:
            return denied(request, "token: this desk is read-only (started without a write token)")
        client = request.client.host if request.client else "unknown"
        wait = guard.retry_after(client)
        if wait is not None:
            limited = page(request, "login.html", status=429, error=f"token: too many wrong tokens; retry in {wait} s")
            limited.headers["Retry-After"] = str(wait)
            return limited
        if not same_secret(token, write_token):
            guard.failed(client)
            return page(request, "login.html", status=403, error="token: wrong token")
        response = redirect(f"{prefix}/review")
        fresh = signer.new(auth=True)  # a fresh session: no fixation
        live.add(fresh.sid)
        set_cookie(request, response, fresh)
        return response

    @router.post("/logout")
    def logout(request: Request, csrf: Annotated[str, Form()] = "") -> Response:
        session = checked(request, csrf, need_auth=False)
        if session is None:
            return denied(request, "csrf: the form expired; reload the page and try again")
        live.revoke(session.sid)  # a kept copy of the cookie no longer writes
        response = redirect(f"{prefix}/")
        set_cookie(request, response, signer.new())
        return response

    @router.get("/add", response_class=HTMLResponse)
    def add_form(request: Request) -> Response:
        session = session_of(request)
        if session is None or not session.auth:
            return redirect(f"{prefix}/login")
        return page(request, "add.html", values={}, relations=_relations(), statuses=_statuses())

    @router.post("/add", response_class=HTMLResponse)
    async def add(request: Request) -> Response:
        form = await request.form()
        values = {k: str(form.get(k) or "").strip() for k in CLAIM_FIELDS}
        if checked(request, str(form.get("csrf") or "")) is None:
            return denied(request, "csrf or login: log in and submit the form from this site")
        new_actor = str(form.get("new_actor") or "") == "1"
        error, claim_id, near = await run_in_threadpool(_add_claim, graph, values, new_actor)  # event loop stays free
        if error:
            # a name close to a known actor: 409, the near match named, and a box to confirm a new actor
            return page(request, "add.html", status=409 if near else 400, values=values, error=error, near=near,
                        relations=_relations(), statuses=_statuses())
        return redirect(f"{prefix}/actor?name={urlquote(values['subject'])}&added={claim_id}")

    @router.get("/review", response_class=HTMLResponse)
    def queue(request: Request, min_conf: float | None = None, relation: str | None = None,
              source: str | None = None, status: str = "proposed") -> HTMLResponse:
        from kg.desk.review import review_item, review_queue

        if status not in REVIEW_STATUSES:
            return page(request, "error.html", status=400,
                        message=f"status: {status!r} is not one of {', '.join(REVIEW_STATUSES)}")
        try:
            rows = review_queue(graph, min_confidence=min_conf, relation=relation or None, source=source or None,
                                status=status)
        except ValueError as exc:
            return page(request, "error.html", status=400, message=str(exc))
        items = [review_item(graph, r["id"]) for r in rows[:200]]
        return page(request, "review.html", items=items, total=len(rows), shown=status, statuses=REVIEW_STATUSES)

    @router.post("/review/{assertion_id}", response_class=HTMLResponse)
    def decide(request: Request, assertion_id: str, decision: Annotated[str, Form()] = "",
               reason: Annotated[str, Form()] = "", csrf: Annotated[str, Form()] = "") -> Response:
        from kg.desk import review
        from kg.model.inputs import one_line_error

        if checked(request, csrf) is None:
            return denied(request, "csrf or login: log in and submit the form from this site")
        action = {"accept": review.accept, "reject": review.reject, "dispute": review.dispute,
                  "reinstate": review.reinstate}.get(decision)
        if action is None:
            return page(request, "error.html", status=400,
                        message=f"decision: {decision!r} is not accept, reject, dispute or reinstate")
        try:
            action(graph, assertion_id, reason, "analyst:web")
        except (ValueError, KeyError) as exc:
            return page(request, "error.html", status=400, message=one_line_error(exc))
        return redirect(f"{prefix}/review")

    app.include_router(router)
    app.mount(f"{prefix}/static", StaticFiles(directory=str(HERE / "static")), name="kg-web-static")


def http_url(value: Any) -> str | None:
    """``value`` when it is an http(s) URL, else None: only those become links (no ``javascript:`` or ``data:``).

    Ingested documents carry URLs from JSON records and HTML canonical links, which nobody validated.

    >>> http_url("https://example.org/a"), http_url(" JavaScript:alert(1)"), http_url("data:text/html,x")
    ('https://example.org/a', None, None)
    """
    text = str(value or "").strip()
    return text if re.match(r"^https?://[^\s]+$", text, re.IGNORECASE) else None


def _relations() -> tuple[str, ...]:
    """The relation types of the ontology in use, in list order (the claim form's choices)."""
    from kg.model.relation_types import relation_types

    return relation_types().names()


def _statuses() -> tuple[str, ...]:
    from kg.model import STATUSES

    return STATUSES


def _add_claim(graph: KnowledgeGraph, values: dict[str, str],
               new_actor: bool = False) -> tuple[str | None, str | None, list[Any]]:
    """(one-line error, None, near matches) or (None, assertion ID, []); nothing is written on error.

    Unless ``new_actor`` confirms it, a subject or object close to a known actor is refused naming it
    (kg.resolve.newactor, the guard of ``kg assert`` and ``POST /assertions``).
    """
    from pydantic import ValidationError

    from kg.model.inputs import ClaimInput, one_line_error
    from kg.resolve.newactor import NearActorRefused, refuse_near_matches

    if not values.get("source"):
        return "source: a source URL is required", None, []
    if not values.get("quote"):
        return "quote: a quote from the source is required", None, []
    data: dict[str, Any] = {k: v for k, v in values.items() if v}
    data.setdefault("analyst", "web")
    try:
        claim = ClaimInput(**data)
        if not new_actor:
            refuse_near_matches(graph, [("subject", claim.subject), ("object", claim.object)],
                                confirm="the \"new actor\" box")
        return None, graph.assert_claim(claim), []
    except NearActorRefused as exc:
        return str(exc), None, exc.matches
    except (ValidationError, ValueError, KeyError) as exc:
        return one_line_error(exc), None, []
