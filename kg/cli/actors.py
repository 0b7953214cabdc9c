"""``kg actors``: search and show gazetteer actors, refresh them from Wikidata."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from kg.cli.common import FormatOption, StoreOption, console, list_format, render, rows_table

actors_app = typer.Typer(name="actors", help="Actors: search, show, and refresh from Wikidata.",
                         no_args_is_help=True)


@actors_app.command("search")
def search(name: Annotated[str, typer.Argument(help="A name, alias, title or role phrase, QID or IRI.")],
           on: Annotated[Optional[str], typer.Option(help="Resolve roles as of this date (YYYY-MM-DD).")] = None,
           limit: Annotated[int, typer.Option(help="At most this many rows.")] = 10,
           fmt: FormatOption = None,
           store: StoreOption = None) -> None:
    """Find actors by name, alias, surname or role ("the Russian President"), in the gazetteer and the graph."""
    from datetime import date

    from kg.resolve.lookup import ActorNotFound, search_actors

    fmt = list_format(fmt)
    with _graph_for_reading(store) as graph:
        rows = search_actors(graph, name, on=date.fromisoformat(on) if on else None, limit=limit)
    render(rows, ["id", "name", "type", "country", "current", "events", "in_graph", "matched_by", "qid"], fmt)
    if not rows:
        raise ActorNotFound(f"no actor matches {name!r}")


@actors_app.command("show")
def show(actor: Annotated[str, typer.Argument(help="Actor id (QID or slug) or a name.")],
         fmt: FormatOption = None) -> None:
    """Show one actor: positions over time with sources, aliases, offices."""
    import json

    from rich.markup import escape

    from kg.resolve.views import actor_detail

    fmt = list_format(fmt)
    d = actor_detail(actor)
    if fmt == "json":
        print(json.dumps(d, indent=2, ensure_ascii=False))
        return
    if fmt != "table":
        rows = ([{"kind": "position", "value": p["office"], "start": p["start"], "end": p["end"], "source": p["source"]}
                 for p in d["positions"]] + [{"kind": f"alias ({a['kind']})", "value": a["alias"]} for a in d["aliases"]])
        render(rows, ["kind", "value", "start", "end", "source"], fmt, records=[d])
        return
    console.print(f"[bold]{escape(d['name'])}[/bold]  id={escape(d['id'])}  type={d['type']}"
                  + (f"  qid={d['qid']}" if d["qid"] else "") + (f"  country={d['country']}" if d["country"] else ""),
                  markup=True, highlight=False)
    if d["positions"]:
        console.print(rows_table(d["positions"], ["office", "start", "end", "source", "note"], title="positions"))
    if d["offices"]:
        console.print(rows_table(d["offices"], ["office", "kind", "titles"], title="offices"))
    console.print(rows_table(d["aliases"], ["alias", "kind"], title="aliases"))


def _graph_for_reading(store: Optional[str]):  # type: ignore[no-untyped-def]
    """The store (read for graph-only actors); the gazetteer alone when no store exists yet."""
    from pathlib import Path

    from kg.api import KnowledgeGraph
    from kg.store.registry import default_store_path

    spec = store or default_store_path()
    if "://" not in spec and spec != "memory:" and not Path(spec).exists():
        spec = "memory:"
    return KnowledgeGraph.open(spec)


@actors_app.command("update")
def update(endpoint: Annotated[str, typer.Option(help="SPARQL endpoint shaped like Wikidata.")] =
           "https://query.wikidata.org/sparql",
           out: Annotated[Optional[Path], typer.Option(help="Write persons.csv/positions.csv here "
                                                       "(default: the packaged gazetteer).")] = None) -> None:
    """Refresh persons and positions of offices with a QID from a Wikidata SPARQL endpoint."""
    from kg.resolve.wikidata import update_from_endpoint

    report = update_from_endpoint(endpoint, out)
    console.print(f"refreshed {len(report.offices)} offices: {report.positions} positions, "
                  f"{report.persons_added} new persons, {report.persons_rekeyed} re-keyed to QIDs")


@actors_app.command("import")
def import_(file: Annotated[Path, typer.Argument(help="Wikidata SPARQL results: .json or .csv.")],
            out: Annotated[Optional[Path], typer.Option(help="Write persons.csv/positions.csv here.")] = None) -> None:
    """Import saved Wikidata SPARQL results (person, office, start, end, personLabel, altLabel)."""
    from kg.resolve.wikidata import import_file

    report = import_file(file, out)
    console.print(f"imported {report.positions} positions for {len(report.offices)} offices, "
                  f"{report.persons_added} new persons, {report.persons_rekeyed} re-keyed to QIDs")


@actors_app.command("merge")
def merge(a: Annotated[str, typer.Argument(help="The actor to keep (name or id).")],
          b: Annotated[str, typer.Argument(help="The actor whose mentions become A.")],
          reason: Annotated[str, typer.Option("--reason", help="Why they are one actor (required).")],
          analyst: Annotated[str, typer.Option(help="Your analyst ID.")] = "analyst",
          store: StoreOption = None) -> None:
    """Record that B is the same actor as A (stored as a dip:Merge record; nothing is rewritten)."""
    _decide("merge", a, b, reason, analyst, store)


@actors_app.command("split")
def split(a: Annotated[str, typer.Argument(help="One actor of an earlier merge.")],
          b: Annotated[str, typer.Argument(help="The other actor of that merge.")],
          reason: Annotated[str, typer.Option("--reason", help="Why they are different actors (required).")],
          analyst: Annotated[str, typer.Option(help="Your analyst ID.")] = "analyst",
          store: StoreOption = None) -> None:
    """Undo a merge of A and B (stored as a dip:Split record)."""
    _decide("split", a, b, reason, analyst, store)


def _decide(kind: str, a: str, b: str, reason: str, analyst: str, store: Optional[str]) -> None:
    from kg.resolve.actor_graph import record_actor_decision
    from kg.api import KnowledgeGraph

    with KnowledgeGraph.open(store) as graph:
        print(record_actor_decision(graph, kind, a, b, reason=reason, by=f"analyst:{analyst}"))


@actors_app.command("load")
def load(store: StoreOption = None) -> None:
    """Write the gazetteer (actors, offices, dated positions; dip:Leader typing) into the store."""
    from kg.resolve.actor_graph import load_gazetteer
    from kg.api import KnowledgeGraph

    with KnowledgeGraph.open(store) as graph:
        added = load_gazetteer(graph)
    console.print(f"gazetteer: {added} quads written" if added else "gazetteer: this version is already loaded")


@actors_app.command("check")
def check(actor: Annotated[Optional[str], typer.Option("--actor", help="Only roles given to this actor.")] = None,
          fmt: FormatOption = None,
          store: StoreOption = None) -> None:
    """Anachronism check: roles a source gives an actor that they did not hold on the event date."""
    import json

    from kg.resolve.anachronism import find_anachronisms
    from kg.api import KnowledgeGraph
    from kg.cli.common import fail

    if fmt is not None and fmt not in ("table", "tsv", "csv", "json", "jsonl"):
        fail(f"--format: {fmt!r} is not one of table, tsv, csv, json, jsonl")
    fmt = list_format(fmt)
    with KnowledgeGraph.open(store) as graph:
        found = find_anachronisms(graph, actor)
    rows = [a.as_dict() for a in found]
    if fmt == "json":
        print(json.dumps(rows, indent=2, ensure_ascii=False))
    elif fmt != "table":
        render(rows, list(rows[0]) if rows else ["assertion"], fmt, records=rows)
    elif not rows:
        console.print("no anachronisms: every checkable stated role was held on its event date")
    else:
        table = [{"date": a.date, "actor": a.actor_label, "stated as": a.stated_as or "", "office": a.office_label,
                  "held by": a.holder_label, "assertion": a.assertion} for a in found]
        console.print(rows_table(table, ["date", "actor", "stated as", "office", "held by", "assertion"],
                                 title=f"{len(rows)} stated role(s) not held on the event date"))


def register(app: typer.Typer) -> None:
    """Add the ``actors`` sub-command group to the ``kg`` app."""
    app.add_typer(actors_app, name="actors")
