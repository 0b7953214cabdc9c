"""Entry point of the ``kg`` command.

Each module named in ``CLI_MODULES`` defines ``register(app)`` and adds its
commands; the modules parse arguments, make one library call and render.
"""

from __future__ import annotations

import importlib
import os
import sys

# one BLAS thread per process unless the user sets otherwise: the small parser's matrix products are too small to
# gain from a second thread (300 benchmark articles: 8.8 CPU-seconds on one thread, 10.4 on two)
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import typer  # noqa: E402

from kg.cli.common import run_guarded  # noqa: E402

CLI_MODULES: tuple[str, ...] = ("core", "actors", "extract", "review", "query", "analysis", "events", "timeline")

app = typer.Typer(
    name="kg",
    help="diplomacy-kg: a knowledge graph of diplomatic relations with sourced assertions.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

for _module in CLI_MODULES:
    importlib.import_module(f"kg.cli.{_module}").register(app)


def run() -> None:
    """Console-script entry point: one-line errors, non-zero exit, no tracebacks."""
    sys.exit(run_guarded(app))


if __name__ == "__main__":
    run()
