"""``kg extract`` (print relations found in articles) and ``kg ingest`` (store them)."""

from __future__ import annotations

import json
import sys
from typing import Annotated, Any, Optional

import typer

from kg.cli.common import LIST_FORMATS, StoreOption, console, err_console, list_format, render, rows_table

FORMATS = LIST_FORMATS
COLUMNS = ["relation", "subject", "object", "status", "date", "time", "place", "count", "confidence"]


def register(app: typer.Typer) -> None:
    app.command("extract")(extract_cmd)
    app.command("ingest")(ingest_cmd)


def extract_cmd(
    paths: Annotated[list[str], typer.Argument(help="Files or folders (recursive); '-' reads stdin.")],
    fmt: Annotated[Optional[str], typer.Option("--format", help="jsonl (one relation a line, as found), json, tsv, csv "
                                               "or table (default: table on a terminal, tsv in a pipe).",
                                               show_default=False)] = None,
    published: Annotated[Optional[str], typer.Option(help="Publication date (overrides the file's).")] = None,
    url: Annotated[Optional[str], typer.Option(help="Source URL (overrides the file's).")] = None,
    extractor: Annotated[str, typer.Option(help="Extractor: parse (default; trained pipeline and relation frames) or rules (patterns only, no model); see docs/extraction.md.")] = "parse",
) -> None:
    """Extract relations from articles and print them; touches no store."""
    from kg.ingest.batch import InputError, extract_paths
    from kg.extract.records import to_records

    fmt = list_format(fmt)
    warnings: list[str] = []
    failed = 0
    tables: dict[str, list[dict[str, Any]]] = {}
    records: list[dict[str, Any]] = []
    for item in extract_paths(paths, extractor=extractor, published=published, url=url, warnings=warnings):
        for w in warnings:
            err_console.print(f"warning: {w}", markup=False, highlight=False)
        warnings.clear()
        if isinstance(item, InputError):
            print(f"error: {item}", file=sys.stderr)
            failed += 1
            continue
        for a in item.assertions:
            for rec in to_records(a, item.source):
                if fmt == "jsonl":
                    sys.stdout.write(json.dumps(rec, ensure_ascii=False) + "\n")
                else:
                    tables.setdefault(item.source, []).append(_row(rec))
                    records.append(rec)
        sys.stdout.flush()
    for w in warnings:
        err_console.print(f"warning: {w}", markup=False, highlight=False)
    if fmt == "table":
        for source, rows in tables.items():
            console.print(rows_table(rows, COLUMNS, title=f"{source}: {len(rows)} relations"))
    elif fmt != "jsonl":  # json: one array of the JSONL records; tsv and csv: the table's columns and the source
        render([{"source": source, **row} for source, rows in tables.items() for row in rows], ["source", *COLUMNS],
               fmt, records=records)
    if failed:
        raise typer.Exit(1)


def _row(rec: dict[str, Any]) -> dict[str, Any]:
    return {**rec, "subject": rec["subject"]["label"], "object": (rec["object"] or {}).get("label"),
            "status": rec["status_detail"]}


def ingest_cmd(
    paths: Annotated[list[str], typer.Argument(help="Files or folders (recursive); '-' reads stdin.")],
    published: Annotated[Optional[str], typer.Option(help="Publication date (overrides the files').")] = None,
    url: Annotated[Optional[str], typer.Option(help="Source URL (overrides the files').")] = None,
    extractor: Annotated[str, typer.Option(help="Extractor: parse (default) or rules.")] = "parse",
    store: StoreOption = None,
) -> None:
    """Extract relations from articles and store them (idempotent; one atomic write per document)."""
    from rich.progress import Progress

    from kg.api import KnowledgeGraph
    from kg.ingest.pipeline import ingest_paths, total_files

    graph = KnowledgeGraph.open(store)
    try:
        with Progress(console=err_console, transient=True) as progress:
            task = progress.add_task("ingesting", total=total_files(paths))
            summary = ingest_paths(graph, paths, extractor=extractor, published=published, url=url,
                                   on_progress=lambda f, outcome: progress.advance(task))
    finally:
        graph.close()
    for w in summary.warnings:
        err_console.print(f"warning: {w}", markup=False, highlight=False)
    for e in summary.errors:
        print(f"error: {e}", file=sys.stderr)
    copies = f", copies {summary.copies} (known text, new URL)" if summary.copies else ""
    console.print(f"documents {summary.documents}, skipped {summary.skipped} (already stored){copies}, failed {summary.failed}; "
                  f"assertions {summary.assertions}, actors {summary.actors}, events {summary.events}",
                  markup=False, highlight=False)
    if not summary.ok:
        raise typer.Exit(1)
