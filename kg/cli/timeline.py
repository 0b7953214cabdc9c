"""``kg timeline ACTOR [OTHER]``: the events of an actor or a pair in date order, as a table or an HTML page."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from kg.cli.analysis import (AcceptedOnly, ActorTypes, Format, MinConfidence, MinGrade, Relations, Since, Until,
                             _filters, _render)
from kg.cli.common import AsOfOption, StoreOption, console, list_format, open_graph

COLUMNS = ["date", "time", "status", "history", "relation", "from", "to", "place", "grade", "sources"]


def register(app: typer.Typer) -> None:
    app.command("timeline")(timeline_cmd)


def timeline_cmd(
    actor: Annotated[str, typer.Argument(help="The actor (name or a unique part of it; case and accents ignored).")],
    other: Annotated[Optional[str], typer.Argument(help="Only events with this second actor.")] = None,
    html: Annotated[Optional[Path], typer.Option("--html", help="Write an offline HTML timeline page here instead of a table.")] = None,
    title: Annotated[Optional[str], typer.Option("--title", help="Page title (with --html).")] = None,
    fmt: Format = None, since: Since = None, until: Until = None, relations: Relations = None,
    min_confidence: MinConfidence = None, min_grade: MinGrade = None, actor_types: ActorTypes = None,
    accepted_only: AcceptedOnly = False, store: StoreOption = None, as_of: AsOfOption = None,
) -> None:
    """Events of ACTOR (with OTHER) on a time axis: planned, held, refused…, with place, grade and sources."""
    filters = _filters(since, until, relations, min_confidence, min_grade, actor_types, accepted_only)
    with open_graph(store, as_of) as graph:
        if html is not None:
            from kg.viz.timeline import write_timeline

            path = write_timeline(graph, html, actor, other, title=title, **filters)
            console.print(f"wrote {path} ({path.stat().st_size:,} bytes)", markup=False)
            return
        from kg.viz.timeline import timeline_rows

        rows = timeline_rows(graph, actor, other, **filters)
    _render(rows, COLUMNS + (["reports", "independent", "disputed", "assertions"] if list_format(fmt) != "table" else []), fmt,
            title=f"timeline of {actor}" + (f" and {other}" if other else ""))
