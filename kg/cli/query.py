"""Query commands: query (SPARQL text, a .rq file or a named query), ask (plain questions), serve."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from kg.cli.common import (AsOfOption, StoreOption, console, escape_markup, fail, list_format, open_graph, render,
                           rows_table)


def register(app: typer.Typer) -> None:
    app.command("query")(query_cmd)
    app.command("ask")(ask_cmd)
    app.command("serve")(serve_cmd)


def query_cmd(
    sparql: Annotated[Optional[str], typer.Argument(help="SPARQL 1.1 query text.")] = None,
    file: Annotated[Optional[Path], typer.Option("--file", "-f", help="Read the query from a .rq file.")] = None,
    name: Annotated[Optional[str], typer.Option("--name", "-n", help="Run a named query (see --list).")] = None,
    param: Annotated[Optional[list[str]], typer.Option("--param", "-p", help="key=value for a named query; repeatable.")] = None,
    list_: Annotated[bool, typer.Option("--list", help="List the named queries and their parameters.")] = False,
    fmt: Annotated[Optional[str], typer.Option("--format", help="table, json (W3C SPARQL JSON), xml, csv, tsv or jsonl "
                                               "(default: table on a terminal, tsv in a pipe).", show_default=False)] = None,
    store: StoreOption = None,
    as_of: AsOfOption = None,
) -> None:
    """Run SPARQL 1.1 over the current view (GRAPH ?g reaches assertion graphs), or a named query."""
    from kg.query.named import list_queries, load_query, parse_param_args, run_named
    from pyoxigraph import QueryBoolean

    from kg.query.results import result_rows, serialize_result

    if list_:
        for query in list_queries().values():
            console.print(f"[bold]{query.name}[/bold]  {escape_markup(query.summary)}")
            for p in query.params:
                console.print(f"    {p.name} ({p.type}{', optional' if p.optional else ''}) {escape_markup(p.description)}")
        return
    given = [x for x in (sparql, file, name) if x is not None]
    if len(given) != 1:
        fail("give one of: a SPARQL query, --file Q.rq, or --name NAME (kg query --list shows the names)")
    if param and name is None:
        fail("--param needs --name")
    with open_graph(store, as_of) as graph:
        try:
            if name is not None:
                load_query(name)
                result = run_named(graph, name, parse_param_args(param or []))
            else:
                text = sparql if sparql is not None else _read_text(file)  # type: ignore[arg-type]
                result = graph.query(text)
        except SyntaxError as exc:
            fail(f"SPARQL syntax error: {' '.join(str(exc).split())}")
        fmt = list_format(fmt, ("table", "json", "xml", "csv", "tsv", "jsonl"))
        if fmt in ("table", "jsonl"):
            columns, rows = result_rows(result)
            render(rows, columns, fmt, empty="no results")
        else:
            text = serialize_result(result, fmt)
            sys.stdout.write(text if not text or text.endswith("\n") else text + "\n")
            if fmt in ("csv", "tsv") and not isinstance(result, QueryBoolean) and text.count("\n") <= 1:
                print("no results", file=sys.stderr)  # a header and no row


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        fail(f"{path}: cannot read ({getattr(exc, 'strerror', None) or exc})")
        raise


def ask_cmd(
    question: Annotated[str, typer.Argument(help='A plain question, e.g. "when is trump meeting with putin".')],
    fmt: Annotated[str, typer.Option("--format", help="text or json (parsed question, SPARQL, bound params, rows, events, sources).")] = "text",
    store: StoreOption = None,
) -> None:
    """Answer a plain question from the graph (or say plainly that it cannot), with sources."""
    from kg.query.ask import ask

    if fmt not in ("text", "json"):
        fail(f"--format {fmt!r}: expected text or json")
    with open_graph(store) as graph:
        answer = ask(graph, question)
    if fmt == "json":
        print(json.dumps(answer.to_json(), indent=2, ensure_ascii=False))
    else:
        print(answer.text)


def serve_cmd(
    host: Annotated[str, typer.Option(help="Interface to bind (loopback by default).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
    token: Annotated[Optional[str], typer.Option(help="Bearer token for writes; prefer KG_TOKEN or --token-file (the server re-executes itself to drop it from the process list).", show_default=False)] = None,
    token_file: Annotated[Optional[Path], typer.Option(help="File holding the bearer token for writes (at least 16 characters).", show_default=False)] = None,
    timeout: Annotated[float, typer.Option(help="Query timeout in seconds (the query's worker is killed; 503).")] = 30.0,
    max_rows: Annotated[int, typer.Option(help="Most result rows returned by one query.")] = 100_000,
    max_body: Annotated[int, typer.Option(help="Largest request body in bytes (413 above).")] = 1_000_000,
    query_memory: Annotated[int, typer.Option(help="Memory one query may use, in MB (503 above).")] = 1024,
    per_client: Annotated[int, typer.Option(help="Queries one client address runs at once (more wait; 429 past 16 waiting).")] = 4,
    isolate: Annotated[bool, typer.Option("--isolate/--no-isolate", help="Run each query in a forked worker (real timeout, memory cap); --no-isolate is faster for trusted clients.")] = True,
    public_url: Annotated[Optional[str], typer.Option(help="URL clients reach the server at (service description, redirects); default http://HOST:PORT.", show_default=False)] = None,
    cors: Annotated[Optional[list[str]], typer.Option(help="Allowed CORS origin; repeatable.")] = None,
    allow_service: Annotated[bool, typer.Option("--allow-service", help="Allow SERVICE (federated) queries.")] = False,
    allow_load: Annotated[Optional[list[str]], typer.Option(help="URL prefix SPARQL LOAD may fetch (public addresses only); repeatable.")] = None,
    store: StoreOption = None,
) -> None:
    """Serve the graph: SPARQL 1.1 Protocol at /sparql, Graph Store Protocol at /store, POST /assertions, /health."""
    import uvicorn

    from kg.server import ServerSettings, create_app
    from kg.server.guard import check_token

    if token is not None:
        try:
            _reexec_without_token(check_token(token) or "")
        except ValueError as exc:
            fail(str(exc))
    try:
        secret = check_token(token_file.read_text(encoding="utf-8") if token_file else os.environ.get("KG_TOKEN") or None)
    except (OSError, ValueError) as exc:
        fail(f"{'token file ' + str(token_file) + ': ' if token_file and isinstance(exc, OSError) else ''}{exc}")
    settings = ServerSettings(
        token=secret, timeout=timeout, max_rows=max_rows, max_body=max_body, cors_origins=tuple(cors or ()),
        allow_service=allow_service, allow_load=tuple(allow_load or ()), query_memory_mb=query_memory,
        max_queries_per_client=per_client, public_url=public_url or f"http://{host}:{port}", isolate_queries=isolate,
    )
    with open_graph(store) as graph:
        app = create_app(graph, settings)
        console.print(f"serving {graph.store.name} store on http://{host}:{port}/sparql "
                      f"({'updates need the bearer token' if settings.token else 'read-only'})")
        uvicorn.run(app, host=host, port=port, log_level="warning")


def _reexec_without_token(token: str) -> None:
    """Run this same command again with the token in ``KG_TOKEN`` instead of the (world-readable) argv."""
    argv = list(getattr(sys, "orig_argv", sys.argv))
    cleaned: list[str] = []
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg == "--token":
            skip = True
        elif not arg.startswith("--token="):
            cleaned.append(arg)
    console.print("warning: --token is visible in the process list; use KG_TOKEN or --token-file "
                  "(restarting without it)", style="yellow")
    os.execve(sys.executable, [sys.executable, *cleaned[1:]], {**os.environ, "KG_TOKEN": token})
