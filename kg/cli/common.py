"""Options, error handling and rendering shared by the CLI modules."""

from __future__ import annotations

import contextlib
import csv
import json
import os
import sys
from collections.abc import Iterator
from typing import Annotated, Any, NoReturn, Optional

import typer
from rich.console import Console

StoreOption = Annotated[
    Optional[str],
    typer.Option(
        "--store",
        envvar="KG_STORE",
        help="Store: a directory (embedded, default ~/.local/share/diplomacy-kg/store), memory:, or a SPARQL endpoint URL.",
        show_default=False,
    ),
]

AsOfOption = Annotated[
    Optional[str],
    typer.Option("--as-of", help="Show the graph as it was known at this record time (YYYY-MM-DD or ISO date-time).",
                 show_default=False),
]

#: Exit codes (docs/cli.md): 0 found, 1 error, 2 usage, 3 nothing matched the name or ID, 4 several actors
#: matched the name (the candidates are listed on stderr; pick one by QID or IRI).
EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_NO_MATCH, EXIT_AMBIGUOUS = 0, 1, 2, 3, 4
LIST_FORMATS = ("table", "tsv", "csv", "json", "jsonl")

FormatOption = Annotated[
    Optional[str],
    typer.Option("--format", help="table, tsv, csv, json or jsonl (default: table on a terminal, tsv in a pipe).",
                 show_default=False),
]


def _console(stderr: bool = False) -> Console:
    """A console that wraps for a terminal and never for a pipe (``kg show X | grep URL`` finds the whole URL)."""
    stream = sys.stderr if stderr else sys.stdout
    piped = not stream.isatty() and "COLUMNS" not in os.environ
    # rich lays tables out to the console width (80 when piped); a wide one keeps each row on one line
    return Console(stderr=stderr, width=1_000_000 if piped else None, soft_wrap=piped)


console = _console()
err_console = _console(stderr=True)


class CliError(Exception):
    """An expected failure: printed as one line, exit status 1."""


def fail(message: str) -> NoReturn:
    raise CliError(message)


def _known_errors() -> tuple[type[BaseException], ...]:
    from pydantic import ValidationError as PydanticError

    from kg.store import StoreError

    return (CliError, ValueError, KeyError, SyntaxError, OSError, StoreError, PydanticError, RuntimeError)


def one_line(exc: BaseException) -> str:
    from kg.model.inputs import one_line_error

    if isinstance(exc, KeyError) and exc.args:
        return str(exc.args[0]) if not hasattr(exc, "__str__") or type(exc) is KeyError else str(exc)
    return one_line_error(exc)  # type: ignore[arg-type]


def run_guarded(app: typer.Typer) -> int:
    """Run ``app``; expected errors become ``error: ...`` on stderr and exit status 1.

    Usage errors are printed by click itself (standalone mode, exit status 2).
    """
    from kg.desk.records import UnknownAssertionError
    from kg.events import UnknownEvent
    from kg.resolve.lookup import ActorNotFound, AmbiguousActor

    try:
        app()
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except AmbiguousActor as exc:
        print(f"error: {exc.name!r} names {len(exc.candidates)} actors; give a QID or IRI to pick one:",
              file=sys.stderr)
        for c in exc.candidates:
            print(f"  {c.qid or c.iri}\t{c.summary()}", file=sys.stderr)
        return EXIT_AMBIGUOUS
    except (ActorNotFound, UnknownAssertionError, UnknownEvent) as exc:  # nothing matched the name or ID
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_NO_MATCH
    except _known_errors() as exc:
        print(f"error: {one_line(exc)}", file=sys.stderr)
        return 1
    return 0


@contextlib.contextmanager
def open_graph(store: Optional[str], as_of: Optional[str] = None) -> Iterator[Any]:
    """The graph at ``store``; with ``as_of``, an in-memory copy of what was known then (kg.desk.history.as_of)."""
    from kg.api import KnowledgeGraph

    with KnowledgeGraph.open(store) as graph:
        if as_of is None:
            yield graph
            return
        from kg.desk.history import as_of as graph_as_of

        with graph_as_of(graph, as_of) as past:
            yield past


def escape_markup(text: str) -> str:
    r"""``text`` with rich console markup escaped, so names from the graph print as written.

    >>> escape_markup("[bold]x")
    '\\[bold]x'
    """
    from rich.markup import escape

    return escape(text)


def rows_table(rows: list[dict[str, Any]], columns: list[str], title: str | None = None) -> Any:
    """A rich table of ``rows`` (values shown as text; markup is not interpreted)."""
    from rich.table import Table
    from rich.text import Text

    table = Table(title=title, show_lines=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*(Text("" if row.get(c) is None else str(row.get(c))) for c in columns))
    return table


def list_format(fmt: Optional[str], allowed: tuple[str, ...] = LIST_FORMATS) -> str:
    """The output format: ``fmt``, or table on a terminal and TSV in a pipe; a bad one is a usage error (2)."""
    if fmt is None:
        return "table" if sys.stdout.isatty() else "tsv"
    if fmt not in allowed:
        raise typer.BadParameter(f"{fmt!r} is not one of {', '.join(allowed)}", param_hint="'--format'")
    return fmt


def tsv_cell(value: Any) -> str:
    r"""A value as one TSV cell, in full: backslash, tab, newline and return are escaped (\\, \t, \n, \r).

    >>> tsv_cell("a\tb\nc"), tsv_cell(None), tsv_cell(0.5)
    ('a\\tb\\nc', '', '0.5')
    """
    if value is None:
        return ""
    text = value if isinstance(value, str) else json.dumps(value, default=str) if isinstance(value, (list, dict)) else str(value)
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def render(rows: list[dict[str, Any]], columns: list[str], fmt: str, title: str | None = None,
           *, records: list[Any] | None = None, empty: str | None = None) -> None:
    """Print ``rows`` as table, tsv, csv (header row, full values), json (one array) or jsonl (one object a line).

    JSON and JSONL print ``records`` when given (the command's documented JSON objects), else each row's
    ``columns``.  ``empty`` is said on stderr when there are no rows (on stdout in a table).
    """
    if fmt in ("json", "jsonl"):
        objects = records if records is not None else [{c: row.get(c) for c in columns} for row in rows]
        if fmt == "json":
            print(json.dumps(objects, indent=2, ensure_ascii=False, default=str))
        else:
            for obj in objects:
                print(json.dumps(obj, ensure_ascii=False, default=str))
    elif fmt == "tsv":
        sys.stdout.write("\t".join(columns) + "\n")
        for row in rows:
            sys.stdout.write("\t".join(tsv_cell(row.get(c)) for c in columns) + "\n")
    elif fmt == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([["" if row.get(c) is None else row.get(c) for c in columns] for row in rows])
    elif fmt == "table":
        if rows or not empty:
            console.print(rows_table(rows, columns, title=title))
        else:
            console.print(empty, markup=False, highlight=False)
        return
    else:
        fail(f"--format: {fmt!r} is not one of {', '.join(LIST_FORMATS)}")
    if not rows and empty:
        print(empty, file=sys.stderr)
