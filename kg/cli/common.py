"""Options, error handling and rendering shared by the CLI modules."""

from __future__ import annotations

import os

import contextlib
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
    try:
        app()
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except _known_errors() as exc:
        print(f"error: {one_line(exc)}", file=sys.stderr)
        return 1
    return 0


@contextlib.contextmanager
def open_graph(store: Optional[str], as_of: Optional[str] = None) -> Iterator[Any]:
    """The graph at ``store``; with ``as_of``, an in-memory copy of what was known then (kg.timeline.as_of)."""
    from kg.api import KnowledgeGraph

    with KnowledgeGraph.open(store) as graph:
        if as_of is None:
            yield graph
            return
        from kg.timeline import as_of as graph_as_of

        with graph_as_of(graph, as_of) as past:
            yield past


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
