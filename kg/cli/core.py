"""Core commands: assert, retract, history, show, export, import, stats, demo."""

from __future__ import annotations

import contextlib
import json
import sys
from pathlib import Path
from typing import Annotated, Any, Optional

import typer
from typer.core import TyperArgument, TyperCommand

from kg.cli.common import (AsOfOption, FormatOption, StoreOption, console, err_console, escape_markup, fail, list_format,
                           open_graph, render, rows_table)

NewActorOption = Annotated[bool, typer.Option(
    "--new-actor", help="Create an actor even when its name is close to a known one (a typo guard).")]


def relation_help() -> str:
    """The help of ``kg assert``'s RELATION: the relation types of the ontology in use
    (:mod:`kg.model.relation_types`, extensions in ``KG_ONTOLOGY`` included), in list order.

    >>> relation_help()
    'meets, talksWith, pardons, releases, sanctions or advises.'
    """
    from kg.model.relation_types import relation_types

    try:
        names = relation_types().names()
    except (ValueError, OSError) as exc:  # a broken extension: help still shows, the command says what is wrong
        return f"A relation type of the ontology (which cannot be read now: {exc})."
    return f"{', '.join(names[:-1])} or {names[-1]}." if len(names) > 1 else f"{''.join(names)}."


class _AssertCommand(TyperCommand):
    """``kg assert``: RELATION's help is read from the ontology when help is shown, not on every start."""

    def format_help(self, ctx: Any, formatter: Any) -> None:  # click's types: vendored by newer typer
        for param in self.params:
            if isinstance(param, TyperArgument) and param.name == "relation":
                param.help = relation_help()
        super().format_help(ctx, formatter)


def register(app: typer.Typer) -> None:
    app.command("assert", cls=_AssertCommand)(assert_cmd)
    app.command("retract")(retract_cmd)
    app.command("history")(history_cmd)
    app.command("show")(show_cmd)
    app.command("export")(export_cmd)
    app.command("import")(import_cmd)
    app.command("stats")(stats_cmd)
    app.command("demo")(demo_cmd)


def assert_cmd(
    subject: Annotated[Optional[str], typer.Argument(help="Who (a name, resolved to an actor).")] = None,
    relation: Annotated[Optional[str], typer.Argument(help="A relation type of the ontology.")] = None,
    obj: Annotated[Optional[str], typer.Argument(metavar="OBJECT", help="Whom (a name, resolved to an actor).")] = None,
    file: Annotated[Optional[Path], typer.Option("--file", help="Bulk claims from a .csv or .yaml file.")] = None,
    skip_invalid: Annotated[bool, typer.Option("--skip-invalid", help="With --file: write valid rows, report the rest.")] = False,
    source: Annotated[Optional[str], typer.Option("--source", help="URL (or urn:/doi:) of the source. Required.")] = None,
    quote: Annotated[Optional[str], typer.Option(help="The passage of the source that states the claim.")] = None,
    published: Annotated[Optional[str], typer.Option(help="Publication date of the source (YYYY-MM-DD).")] = None,
    analyst: Annotated[str, typer.Option(help="Your analyst ID.")] = "analyst",
    reliability: Annotated[str, typer.Option(help="Admiralty source reliability A-F.")] = "F",
    credibility: Annotated[int, typer.Option(help="Admiralty information credibility 1-6.")] = 6,
    date: Annotated[Optional[str], typer.Option(help="Date of the event (YYYY-MM-DD).")] = None,
    time: Annotated[Optional[str], typer.Option(help="Local clock time HH:MM.")] = None,
    place: Annotated[Optional[str], typer.Option(help="Where it happened.")] = None,
    status: Annotated[str, typer.Option(help="held, planned, cancelled, refused or negated.")] = "held",
    count: Annotated[Optional[int], typer.Option(help="Number of persons (pardons, releases).")] = None,
    subject_type: Annotated[Optional[str], typer.Option(help="Person, Country, Organization or Group.")] = None,
    object_type: Annotated[Optional[str], typer.Option(help="Person, Country, Organization or Group.")] = None,
    subject_role: Annotated[Optional[str], typer.Option(
        help="Office the source gives the subject: an office ID (RU-president) or title (Russian President).")] = None,
    object_role: Annotated[Optional[str], typer.Option(help="Office the source gives the object.")] = None,
    new_actor: NewActorOption = False,
    store: StoreOption = None,
) -> None:
    """Add an analyst's sourced assertion and print its ID (or many with --file)."""
    from kg.model.inputs import ClaimInput

    if file is not None:
        _assert_file(file, skip_invalid, store, new_actor)
        return
    if subject is None or relation is None or obj is None:
        fail("give SUBJECT RELATION OBJECT, or --file claims.csv|claims.yaml")
    if not source:
        fail("--source: a source is required (a URL such as https://...)")
    with open_graph(store) as graph:
        if not new_actor:  # first, so a look-alike ("Vladimir \u0420utin") is refused naming the known actor
            _refuse_near_matches(graph, [("subject", subject), ("object", obj)])
        claim = ClaimInput.model_validate(dict(
            subject=subject, relation=relation, object=obj, source=source, quote=quote, published=published,
            analyst=analyst, reliability=reliability, credibility=credibility, date=date, time=time, place=place,
            status=status, count=count, subject_type=subject_type, object_type=object_type,
            subject_role=subject_role, object_role=object_role,
        ))
        print(graph.assert_claim(claim))


def _refuse_near_matches(graph, names: list[tuple[str, str]]) -> None:  # type: ignore[no-untyped-def]
    """Fail naming the known actor when a new name is close to it or looks like it ("Vladmir Putin")."""
    from kg.resolve.newactor import refuse_near_matches

    refuse_near_matches(graph, names, confirm="--new-actor")  # a ValueError: one line, exit status 1


def _assert_file(path: Path, skip_invalid: bool, store: Optional[str], new_actor: bool = False) -> None:
    from kg.desk.claims_file import parse_claims_lenient, read_claims_file

    claims, errors = parse_claims_lenient(read_claims_file(path), str(path))
    if errors and not skip_invalid:
        fail(errors[0] + (f" (+{len(errors) - 1} more rows with errors)" if len(errors) > 1 else ""))
    from rich.progress import Progress

    from kg.cli.common import err_console

    with open_graph(store) as graph:
        if not new_actor:
            _refuse_near_matches(graph, [(f"row {i + 1} {field}", name) for i, c in enumerate(claims)
                                         for field, name in (("subject", c.subject), ("object", c.object))])
        with Progress(console=err_console, transient=True) as progress:
            task = progress.add_task("checking claims", total=len(claims))
            ids = graph.assert_claims(claims, on_progress=lambda done, _: progress.update(task, completed=done)) \
                if claims else []
    for assertion_id in ids:
        print(assertion_id)
    for error in errors:
        print(f"skipped: {error}", file=sys.stderr)
    if errors:
        raise typer.Exit(1)


def retract_cmd(
    assertion_id: Annotated[str, typer.Argument(metavar="ID", help="Assertion ID.")],
    reason: Annotated[str, typer.Option("--reason", help="Why it is retracted (required).")],
    analyst: Annotated[str, typer.Option(help="Your analyst ID.")] = "analyst",
    store: StoreOption = None,
) -> None:
    """Retract an assertion: it leaves the current view, its history stays."""
    from kg.desk.review import retract

    with open_graph(store) as graph:
        print(retract(graph, assertion_id, reason=reason, by=f"analyst:{analyst}"))


def history_cmd(
    assertion_id: Annotated[str, typer.Argument(metavar="ID", help="Assertion ID.")],
    fmt: FormatOption = None,
    store: StoreOption = None,
) -> None:
    """Show every record about an assertion, oldest first."""
    from kg.desk.history import history

    fmt = list_format(fmt)
    with open_graph(store) as graph:
        entries = history(graph, assertion_id)
    rows = [{"when": e.at, "what": e.kind, "who": e.by, "reason": e.reason, "record": e.record} for e in entries]
    render(rows, ["when", "what", "who", "reason", "record"], fmt, title=f"history of {assertion_id}")


def show_cmd(
    actor: Annotated[str, typer.Argument(help="Actor name, alias, surname, QID or IRI.")],
    fmt: FormatOption = None,
    store: StoreOption = None,
    as_of: AsOfOption = None,
) -> None:
    """Everything known about an actor, grouped by relation, with source and grade."""
    from kg.rdf.terms import iri
    from kg.resolve.lookup import find_actor

    from kg.desk.grading import all_grades
    from kg.desk.review import assertions_about

    fmt = list_format(fmt)
    with open_graph(store, as_of) as graph:
        found = find_actor(graph, actor, in_graph=True).one()  # several candidates: listed, exit 4
        rows = list(assertions_about(graph, iri(found.iri)))
        grades = all_grades(graph)  # the one effective grade, as in kg review show and /ui/actor
    for row in rows:
        row["id"] = str(row.get("g", "")).rsplit("/", 1)[-1]
        row["grade"] = grades.get(row["id"], {}).get("grade", f"{row.get('rel', '')}{row.get('cred', '')}")
    columns = ["eventLabel", "status", "date", "place", "source", "quote", "by", "grade", "id"]
    if fmt == "json":
        print(json.dumps({"actor": found.label, "iri": found.iri, "qid": found.qid, "assertions": rows},
                         indent=2, default=str, ensure_ascii=False))
        return
    if fmt != "table":
        render(rows, ["relation", *columns], fmt, records=[{"actor": found.label, "actor_iri": found.iri, **r}
                                                           for r in rows])
        return
    console.print(f"[bold]{escape_markup(found.label)}[/bold]  {found.iri}")
    for relation in sorted({r["relation"] for r in rows}):
        group = [r for r in rows if r["relation"] == relation]
        console.print(rows_table(group, columns, title=relation))
    if not rows:
        console.print("no assertions about this actor in the current view")


def export_cmd(
    fmt: Annotated[str, typer.Option("--format", help="ttl, trig, nq, nt, jsonld (RDF) or graphml, gexf, csv-edges (network).")] = "trig",
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help="File to write (default: standard output).")] = None,
    store: StoreOption = None,
) -> None:
    """Export the store as RDF (TriG/N-Quads keep every assertion graph) or as a network for other tools."""
    from kg.export import export_store

    with open_graph(store) as graph:
        data = export_store(graph, fmt)
    if out is None:
        sys.stdout.buffer.write(data)
    else:
        out.write_bytes(data)
        console.print(f"wrote {out} ({len(data)} bytes)", markup=False, highlight=False)


def import_cmd(
    path: Annotated[Path, typer.Argument(help="RDF file (.ttl, .trig, .nq, .nt, .jsonld).")],
    bulk: Annotated[Optional[bool], typer.Option("--bulk/--no-bulk", help="Force pyoxigraph's bulk loader on or off "
                                                 "(default: on from 32 MB).", show_default=False)] = None,
    store: StoreOption = None,
) -> None:
    """Import an RDF file all-or-nothing: validated first, new graphs only (never a stored assertion), bulk-loaded when large."""
    from kg.importer import import_file

    if not path.is_file():
        fail(f"{path}: no such file")
    with open_graph(store) as graph, _progress(path) as progress:
        report = import_file(graph, path, progress=progress, bulk=bulk)
    console.print(f"imported {report.quads} quads ({report.written} new, {report.graphs} graphs) from {path} "
                  f"[{report.mode}, {report.rate:,.0f} quads/s]", markup=False, highlight=False)


@contextlib.contextmanager
def _progress(path: Path):  # type: ignore[no-untyped-def]
    """A progress bar on stderr (terminals only) fed with (phase, quads, bytes read, file size)."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(TextColumn("{task.description}: {task.fields[quads]:,} quads"), BarColumn(), DownloadColumn(),
                  TimeElapsedColumn(), console=err_console, transient=True) as bar:
        task = bar.add_task("checking", total=path.stat().st_size, quads=0)

        def update(phase: str, quads: int, done: int, total: int) -> None:
            # the loading phase has no byte count (pyoxigraph's loader reports none): a pulsing bar
            bar.update(task, description=phase, quads=quads, completed=done, total=total or None)

        yield update


def stats_cmd(fmt: FormatOption = None, store: StoreOption = None) -> None:
    """Counts of quads, assertions, actors, events, documents and records."""
    from kg.api import KnowledgeGraph

    fmt = list_format(fmt)
    with KnowledgeGraph.open(store) as graph:  # a store the user cannot write opens read-only
        counts = graph.stats()
    if fmt == "json":
        print(json.dumps(counts, indent=2))
        return
    render([{"what": k, "count": v} for k, v in counts.items()], ["what", "count"], fmt, records=[counts])


def demo_cmd(
    out: Annotated[Path, typer.Option("--out", help="Folder for the demo store and outputs.")] = Path("demo-output"),
    samples: Annotated[Optional[Path], typer.Option(help="Folder of sample articles and claims.")] = None,
) -> None:
    """Run the demo over the bundled samples: build a store, answer the seed's question, write outputs."""
    from kg.demo import run_demo

    # article text and quotes are printed as they are: "[grade B2]" or "[bold]" in them is not markup
    run_demo(out, samples, echo=lambda text: console.print(text, markup=False, highlight=False))
