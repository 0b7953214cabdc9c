"""``kg events list|show|merge|split``: event clusters (what happened) and the analyst's judgements on them."""

from __future__ import annotations

import json
from typing import Annotated, Any, Optional

import typer

from kg.cli.common import FormatOption, StoreOption, console, fail, list_format, open_graph, render, rows_table

events_app = typer.Typer(name="events", help="Event clusters: one event, many sources; merge and split them.",
                         no_args_is_help=True)
AnalystOption = Annotated[str, typer.Option("--analyst", help="Your analyst ID.")]
ReasonOption = Annotated[str, typer.Option("--reason", help="Why (required; kept in the history).")]
_COLUMNS = ["id", "label", "status", "first_date", "place", "count", "mentions", "articles", "sources", "outlets"]


def register(app: typer.Typer) -> None:
    app.add_typer(events_app, name="events", help=events_app.info.help)


def _row(c: Any) -> dict[str, Any]:
    return {k: getattr(c, k) for k in _COLUMNS if k != "label"} | {"label": c.label}


@events_app.command("list")
def list_cmd(
    actor: Annotated[Optional[str], typer.Option("--actor", help="Only events of this actor (name or alias).")] = None,
    other: Annotated[Optional[str], typer.Option("--with", help="Only events of --actor with this actor too.")] = None,
    family: Annotated[Optional[str], typer.Option("--family", help="meeting, call, release, sanctions or advisory.")] = None,
    fmt: FormatOption = None,
    store: StoreOption = None,
) -> None:
    """List event clusters in event-time order with status and GDELT-like counts."""
    from kg.events import clusters

    fmt = list_format(fmt)
    if other and not actor:
        fail("--with: needs --actor")
    with open_graph(store) as graph:
        a = graph.find_actor(actor).canonical_iri() if actor else None
        b = graph.find_actor(other).canonical_iri() if other else None
        found = clusters(graph, actor=a, other=b, family=family)
    # JSON and JSONL: each event whole (as_dict); TSV, CSV and the table: one summary row an event
    render([_row(c) for c in found], _COLUMNS, fmt, title="events", records=[c.as_dict() for c in found],
           empty="no events")


@events_app.command("show")
def show_cmd(
    event: Annotated[str, typer.Argument(metavar="ID", help="Event cluster ID, or the ID of a member assertion.")],
    fmt: FormatOption = None,
    store: StoreOption = None,
) -> None:
    """One event: participants, status history, dates, sources and member assertions."""
    from kg.events import cluster

    fmt = list_format(fmt)
    with open_graph(store) as graph:
        c = cluster(graph, event)
    if fmt == "json":  # one object (the event whole), as documented
        print(json.dumps(c.as_dict(), indent=2, ensure_ascii=False, default=str))
        return
    if fmt != "table":  # JSONL: the same object on one line; TSV and CSV: one row an article, with the event's columns
        summary = {"event": c.id, "status": c.status, "first_date": c.first_date, "place": c.place}
        render([{**summary, **a} for a in c.articles_list], [*summary, "url", "outlet", "published", "copy", "document"],
               fmt, records=[c.as_dict()])
        return
    console.print(rows_table([_row(c)], _COLUMNS, title="event"))
    console.print(rows_table(c.status_history, ["day", "status", "statuses", "conflict"], title="status by reporting day"))
    console.print(rows_table(c.articles_list, ["url", "outlet", "published", "copy", "document"], title="articles"))
    console.print(rows_table(c.reported_events, ["document", "url", "assertions"], title="reported events"))


@events_app.command("merge")
def merge_cmd(
    a: Annotated[str, typer.Argument(metavar="A", help="Event cluster (or member assertion) ID.")],
    b: Annotated[str, typer.Argument(metavar="B", help="The other event cluster (or member assertion) ID.")],
    reason: ReasonOption,
    analyst: AnalystOption = "analyst",
    store: StoreOption = None,
) -> None:
    """Judge two events one event; prints the judgement ID (undo with split)."""
    from kg.events import merge

    with open_graph(store) as graph:
        print(merge(graph, a, b, reason=reason, by=f"analyst:{analyst}"))


@events_app.command("split")
def split_cmd(
    event: Annotated[str, typer.Argument(metavar="EVENT", help="Event cluster ID.")],
    member: Annotated[str, typer.Argument(metavar="MEMBER", help="Member assertion or merged-in cluster ID to take out.")],
    reason: ReasonOption,
    analyst: AnalystOption = "analyst",
    store: StoreOption = None,
) -> None:
    """Take a report (or a merged-in event) out of an event; prints the judgement ID (undo with merge)."""
    from kg.events import split

    with open_graph(store) as graph:
        print(split(graph, event, member, reason=reason, by=f"analyst:{analyst}"))


@events_app.command("update")
def update_cmd(
    full: Annotated[bool, typer.Option("--full", help="Rebuild the whole events graph (after retractions).")] = False,
    store: StoreOption = None,
) -> None:
    """Store machine judgements for reports not yet clustered and refresh the events graph; prints how many."""
    from kg.events import update

    with open_graph(store) as graph:
        print(update(graph, full=full))
