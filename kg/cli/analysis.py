"""Network commands: ``kg analyze centrality|brokers|communities|path|ego|change`` and ``kg viz``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from kg.cli.common import AsOfOption, StoreOption, console, list_format, open_graph, render

analyze_app = typer.Typer(help="Network analysis of the current view: centrality, brokers, communities, paths, ego networks, change.",
                          no_args_is_help=True)

Since = Annotated[Optional[str], typer.Option("--since", help="Only events on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).")]
Until = Annotated[Optional[str], typer.Option("--until", help="Only events on or before this date (YYYY, YYYY-MM or YYYY-MM-DD).")]
Relations = Annotated[Optional[str], typer.Option("--relations", help="Comma-separated relations, e.g. meets,sanctions.")]
MinConfidence = Annotated[Optional[float], typer.Option("--min-confidence", help="Only assertions with at least this confidence (0-1).")]
MinGrade = Annotated[Optional[str], typer.Option("--min-grade", help="Only assertions graded at least this well, e.g. B2 (reliability and credibility).")]
ActorTypes = Annotated[Optional[str], typer.Option("--actor-types", help="Comma-separated actor types: Person, Country, Organization, Group.")]
AcceptedOnly = Annotated[bool, typer.Option("--accepted-only", help="Only accepted (reviewed or analyst) assertions that are not disputed.")]
Format = Annotated[Optional[str], typer.Option(
    "--format", help="table, tsv, csv, json or jsonl (default: table on a terminal, tsv in a pipe).", show_default=False,
    callback=lambda value: value if value is None else list_format(value))]  # a bad one is a usage error (2), first
Top = Annotated[int, typer.Option("--top", help="How many rows to show (0: all).")]
WeightBy = Annotated[str, typer.Option("--weight", help="What a tie's weight counts: assertions (reports), events, or sources (independent outlets).")]


def register(app: typer.Typer) -> None:
    app.add_typer(analyze_app, name="analyze")
    app.command("viz")(viz_cmd)


def _split(text: Optional[str]) -> Optional[list[str]]:
    return [part.strip() for part in text.split(",") if part.strip()] if text else None


def _filters(since: Optional[str], until: Optional[str], relations: Optional[str], min_confidence: Optional[float],
             min_grade: Optional[str], actor_types: Optional[str], accepted_only: bool) -> dict[str, Any]:
    from kg.analysis.tables import period_bounds

    return {
        "since": period_bounds(since)[0] if since else None,
        "until": period_bounds(until)[1] if until else None,
        "relations": _split(relations),
        "min_confidence": min_confidence,
        "min_grade": min_grade,
        "actor_types": _split(actor_types),
        "accepted_only": accepted_only,
    }


def _project(store: Optional[str], **filters: Any) -> Any:
    from kg.analysis.projection import project
    from kg.api import KnowledgeGraph

    with KnowledgeGraph.open(store) as graph:
        return project(graph, **filters)


def _render(rows: list[dict[str, Any]], columns: list[str], fmt: Optional[str], title: Optional[str] = None) -> None:
    """Rows as every listing command prints them (kg.cli.common.render): JSON and JSONL carry each row whole."""
    render(rows, columns, list_format(fmt), title=title, records=rows, empty="no results")


@analyze_app.command("centrality")
def centrality_cmd(
    by: Annotated[str, typer.Option("--by", help="Sort by degree, betweenness, eigenvector or pagerank.")] = "degree",
    top: Top = 20, weight: WeightBy = "assertions", fmt: Format = None, since: Since = None, until: Until = None,
    relations: Relations = None, min_confidence: MinConfidence = None, min_grade: MinGrade = None,
    actor_types: ActorTypes = None, accepted_only: AcceptedOnly = False, store: StoreOption = None,
) -> None:
    """Actors ranked by centrality (degree, betweenness, eigenvector, PageRank) with their community."""
    from kg.analysis.tables import centrality_rows

    G = _project(store, **_filters(since, until, relations, min_confidence, min_grade, actor_types, accepted_only))
    rows = centrality_rows(G, by=by, top=top or None, weight_by=weight)
    _render(rows, ["actor", "type", "ties", "strength", "degree", "betweenness", "eigenvector", "pagerank", "community"], fmt,
            title=f"centrality (by {by})")


@analyze_app.command("brokers")
def brokers_cmd(
    top: Top = 20, fmt: Format = None, since: Since = None, until: Until = None, relations: Relations = None,
    min_confidence: MinConfidence = None, min_grade: MinGrade = None, actor_types: ActorTypes = None,
    accepted_only: AcceptedOnly = False, store: StoreOption = None,
) -> None:
    """Actors bridging communities or holding the network together (articulation points)."""
    from kg.analysis.tables import broker_rows

    G = _project(store, **_filters(since, until, relations, min_confidence, min_grade, actor_types, accepted_only))
    _render(broker_rows(G, top=top or None),
            ["actor", "type", "betweenness", "articulation", "communities_bridged", "community"], fmt, title="brokers")


@analyze_app.command("communities")
def communities_cmd(
    weight: WeightBy = "assertions", fmt: Format = None, since: Since = None, until: Until = None, relations: Relations = None,
    min_confidence: MinConfidence = None, min_grade: MinGrade = None, actor_types: ActorTypes = None,
    accepted_only: AcceptedOnly = False, store: StoreOption = None,
) -> None:
    """Communities of actors (Louvain, fixed seed), largest first."""
    from kg.analysis.tables import community_rows

    G = _project(store, **_filters(since, until, relations, min_confidence, min_grade, actor_types, accepted_only))
    rows = community_rows(G, weight_by=weight)
    if list_format(fmt) not in ("json", "jsonl"):
        for row in rows:
            row.pop("all_members")
    _render(rows, ["community", "size", "members"], fmt, title="communities")


@analyze_app.command("path")
def path_cmd(
    source: Annotated[str, typer.Argument(metavar="A", help="First actor (name or part of it).")],
    target: Annotated[str, typer.Argument(metavar="B", help="Second actor.")],
    fmt: Format = None, since: Since = None, until: Until = None, relations: Relations = None,
    min_confidence: MinConfidence = None, min_grade: MinGrade = None, actor_types: ActorTypes = None,
    accepted_only: AcceptedOnly = False, store: StoreOption = None,
) -> None:
    """The shortest chain of ties from A to B, with the assertion, quote and source of every hop."""
    from kg.analysis.tables import path_rows

    G = _project(store, **_filters(since, until, relations, min_confidence, min_grade, actor_types, accepted_only))
    _render(path_rows(G, _actor_key(store, source), _actor_key(store, target)),
            ["from", "direction", "relation", "to", "date", "status", "grade", "assertion", "quote", "source"], fmt,
            title=f"path {source} → {target}")


@analyze_app.command("ego")
def ego_cmd(
    actor: Annotated[str, typer.Argument(help="The actor at the centre (name or part of it).")],
    depth: Annotated[int, typer.Option("--depth", help="Hops from the actor.")] = 1,
    fmt: Format = None, since: Since = None, until: Until = None, relations: Relations = None,
    min_confidence: MinConfidence = None, min_grade: MinGrade = None, actor_types: ActorTypes = None,
    accepted_only: AcceptedOnly = False, store: StoreOption = None,
) -> None:
    """Actors within --depth hops of ACTOR, with distance, ties and relations."""
    from kg.analysis.tables import ego_rows

    G = _project(store, **_filters(since, until, relations, min_confidence, min_grade, actor_types, accepted_only))
    _render(ego_rows(G, _actor_key(store, actor), depth=depth), ["actor", "type", "distance", "ties", "relations"], fmt,
            title=f"ego network of {actor} (depth {depth})")


@analyze_app.command("change")
def change_cmd(
    from_period: Annotated[str, typer.Option("--from-period", help="Earlier period FROM:TO (e.g. 2024-01:2024-06, or 2024).")],
    to_period: Annotated[str, typer.Option("--to-period", help="Later period FROM:TO.")],
    top: Top = 10, fmt: Format = None, relations: Relations = None,
    min_confidence: MinConfidence = None, min_grade: MinGrade = None, actor_types: ActorTypes = None,
    accepted_only: AcceptedOnly = False, store: StoreOption = None,
) -> None:
    """New and lost ties, and actors rising or falling in centrality (by the sign of the change), between two periods."""
    from kg.analysis.tables import change_rows, period_bounds

    (a1, a2), (b1, b2) = period_bounds(from_period), period_bounds(to_period)
    common = _filters(None, None, relations, min_confidence, min_grade, actor_types, accepted_only)
    before = _project(store, **{**common, "since": a1, "until": a2})
    after = _project(store, **{**common, "since": b1, "until": b2})
    _render(change_rows(before, after, top=top or 10), ["kind", "actor", "other", "relations", "weight", "delta"], fmt,
            title=f"change {a1}..{a2} → {b1}..{b2}")


def _actor_key(store: Optional[str], name: str) -> str:
    """The IRI the one actor lookup (kg.resolve.lookup) gives ``name``, or ``name`` when it finds none."""
    from kg.api import KnowledgeGraph
    from kg.resolve.lookup import actor_key

    with KnowledgeGraph.open(store) as graph:
        return actor_key(graph, name)


def viz_cmd(
    out: Annotated[Path, typer.Option("--out", "-o", help="HTML file to write.")] = Path("network.html"),
    actor: Annotated[Optional[str], typer.Option("--actor", help="Centre the view on this actor's ego network.")] = None,
    depth: Annotated[int, typer.Option("--depth", help="Hops from --actor.")] = 2,
    max_nodes: Annotated[int, typer.Option("--max-nodes", help="Keep at most this many (most central) actors.")] = 500,
    per_period: Annotated[str, typer.Option("--per-period", help="Time bar steps: month or year.")] = "month",
    title: Annotated[Optional[str], typer.Option("--title", help="Page title.")] = None,
    since: Since = None, until: Until = None, relations: Relations = None,
    min_confidence: MinConfidence = None, min_grade: MinGrade = None, actor_types: ActorTypes = None,
    accepted_only: AcceptedOnly = False, store: StoreOption = None, as_of: AsOfOption = None,
) -> None:
    """Write an offline, interactive HTML network of the current view (one self-contained file)."""
    from kg.viz import write_html

    from kg.resolve.lookup import actor_key

    filters = _filters(since, until, relations, min_confidence, min_grade, actor_types, accepted_only)
    with open_graph(store, as_of) as graph:
        actor = actor_key(graph, actor) if actor else None  # the one actor lookup: never a silent choice
        path = write_html(graph, out, actor=actor, depth=depth, max_nodes=max_nodes, per_period=per_period,
                          title=title, **filters)
    console.print(f"wrote {path} ({path.stat().st_size:,} bytes)", markup=False)
