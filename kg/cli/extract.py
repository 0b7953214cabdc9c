"""``kg extract`` (print relations found in articles) and ``kg ingest`` (store them)."""

from __future__ import annotations

import json
import sys
from typing import Annotated, Optional

import typer

from kg.cli.common import LIST_FORMATS, StoreOption, console, err_console, list_format, render, rows_table

FORMATS = LIST_FORMATS
COLUMNS = ["relation", "subject", "object", "status", "date", "time", "place", "count", "confidence"]
BATCH = 64  # documents per nlp.pipe batch


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
    from kg.extract.records import to_records
    from kg.extract.registry import get_extractor
    from kg.ingest.pipeline import extract_batch
    from kg.ingest.readers import ReaderError, iter_documents
    from kg.model.core import Document

    fmt = list_format(fmt)
    ex = get_extractor(extractor)
    warnings: list[str] = []
    failed = 0
    pending: list[tuple[str, Document]] = []
    tables: dict[str, list[dict]] = {}  # type: ignore[type-arg]
    records: list[dict] = []  # type: ignore[type-arg]

    def flush() -> None:
        # batches go through nlp.pipe (extract_many); output order is input order
        for (source, _doc), assertions in zip(pending, extract_batch(ex, [d for _, d in pending])):
            for a in assertions:
                for rec in to_records(a, source):
                    if fmt == "jsonl":  # streamed as found
                        sys.stdout.write(json.dumps(rec, ensure_ascii=False) + "\n")
                    else:
                        tables.setdefault(source, []).append(_row(rec))
                        records.append(rec)
        sys.stdout.flush()
        pending.clear()

    for f, result in iter_documents(list(paths), published=published, url=url, warnings=warnings):
        for w in warnings:
            err_console.print(f"warning: {w}", markup=False, highlight=False)
        warnings.clear()
        if isinstance(result, ReaderError):
            print(f"error: {result}", file=sys.stderr)
            failed += 1
            continue
        pending.extend((url or f, doc) for doc in result)
        if len(pending) >= BATCH:
            flush()
    flush()
    if fmt == "table":
        for source, rows in tables.items():
            console.print(rows_table(rows, COLUMNS, title=f"{source}: {len(rows)} relations"))
    elif fmt != "jsonl":  # json: one array of the JSONL records; tsv and csv: the table's columns and the source
        render([{"source": source, **row} for source, rows in tables.items() for row in rows], ["source", *COLUMNS],
               fmt, records=records)
    if failed:
        raise typer.Exit(1)


def _row(rec: dict) -> dict:  # type: ignore[type-arg]
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
