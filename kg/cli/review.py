"""The analyst's desk: ``kg review``, ``kg conflicts``, ``kg diff``, ``kg sources``, ``kg grade``."""

from __future__ import annotations

import json
from typing import Annotated, Any, Optional

import typer

from kg.cli.common import FormatOption, StoreOption, console, fail, list_format, open_graph, render, rows_table

review_app = typer.Typer(name="review",
                         help="Review extracted assertions: list, show, accept, reject, dispute, reinstate.",
                         no_args_is_help=True)
sources_app = typer.Typer(name="sources", help="The sources registry: default Admiralty reliability per outlet.",
                          no_args_is_help=True)

AnalystOption = Annotated[str, typer.Option("--analyst", help="Your analyst ID.")]


def register(app: typer.Typer) -> None:
    app.add_typer(review_app, name="review", help=review_app.info.help)
    app.add_typer(sources_app, name="sources", help=sources_app.info.help)
    app.command("conflicts")(conflicts_cmd)
    app.command("diff")(diff_cmd)
    app.command("grade")(grade_cmd)


def _print(rows: list[dict[str, Any]], columns: list[str], fmt: str | None, title: str | None = None) -> None:
    """Rows in ``fmt`` (kg.cli.common.render); JSON keeps every field of each row."""
    render(rows, columns, list_format(fmt), title=title, records=rows)


@review_app.command("list")
def list_cmd(
    min_conf: Annotated[Optional[float], typer.Option("--min-conf", help="Only confidence >= this (0-1).")] = None,
    relation: Annotated[Optional[str], typer.Option(help="Only this relation (meets, talksWith ...).")] = None,
    source: Annotated[Optional[str], typer.Option(help="Only sources whose URL, title or publisher contains this.")] = None,
    status: Annotated[str, typer.Option(help="proposed, accepted, disputed, rejected, retracted or any.")] = "proposed",
    fmt: FormatOption = None,
    store: StoreOption = None,
) -> None:
    """List the review queue (proposed assertions by default), highest confidence first."""
    from kg.desk.review import review_queue

    with open_graph(store) as graph:
        rows = review_queue(graph, min_confidence=min_conf, relation=relation, source=source,
                            status=None if status == "any" else status)
    if fmt in ("json", "jsonl"):
        rows = [{k: v for k, v in r.items() if k != "decisions"} for r in rows]
    _print(rows, ["id", "label", "date", "confidence", "status", "url", "asserted_by"], fmt, title="review queue")


@review_app.command("show")
def show_cmd(
    assertion_id: Annotated[str, typer.Argument(metavar="ID", help="Assertion ID.")],
    fmt: FormatOption = None,
    store: StoreOption = None,
) -> None:
    """Show one assertion: claim, quote in its sentence, source, extractor, grades, decisions."""
    from kg.desk.grading import effective_grade
    from kg.desk.review import review_item

    fmt = list_format(fmt)
    with open_graph(store) as graph:
        item = review_item(graph, assertion_id)
        item["grade"] = effective_grade(graph, assertion_id)
    if fmt == "json":
        print(json.dumps(item, indent=2, default=str))
        return
    before, quote, after = item["highlight"]
    fields = [("claim", item["label"]), ("status", f"{item['status']} (entered {item['entered_as']})"),
              ("event status", item["event_status"]), ("date", item["date"]), ("place", item["place"]),
              ("actors", ", ".join(f"{a['label']} ({a['role']})" for a in item["actors"])),
              ("evidence", f"{before}«{quote}»{after}" if quote else None),
              ("source", item["url"] or item["title"]), ("publisher", item["publisher"]),
              ("asserted by", f"{item['asserted_by']} at {item['at']}"), ("confidence", item["confidence"]),
              ("grade", f"{item['grade']['grade']} (reliability from {item['grade']['reliability_basis']}, "
                        f"{item['grade']['origins']} independent source(s))")]
    if fmt != "table":
        fields += [("decisions", "; ".join(f"{d['at']} {d['decision']} by {d['by']}: {d.get('reason') or ''}"
                                           for d in item["decisions"]))]
        render([{"field": k, "value": v} for k, v in fields], ["field", "value"], fmt, records=[item])
        return
    console.print(rows_table([{"field": k, "value": v} for k, v in fields], ["field", "value"], title=assertion_id))
    if item["decisions"]:
        console.print(rows_table(item["decisions"], ["at", "decision", "by", "reason"], title="decisions"))


def _decide(kind: str, assertion_id: str, reason: Optional[str], analyst: str, store: Optional[str]) -> None:
    from kg.desk import review

    with open_graph(store) as graph:
        print(getattr(review, kind)(graph, assertion_id, reason, f"analyst:{analyst}"))


@review_app.command("accept")
def accept_cmd(
    assertion_id: Annotated[str, typer.Argument(metavar="ID", help="Assertion ID.")],
    reason: Annotated[Optional[str], typer.Option("--reason", help="Why (optional for accept).")] = None,
    analyst: AnalystOption = "analyst",
    store: StoreOption = None,
) -> None:
    """Accept an assertion; prints the record ID."""
    _decide("accept", assertion_id, reason, analyst, store)


@review_app.command("reject")
def reject_cmd(
    assertion_id: Annotated[str, typer.Argument(metavar="ID", help="Assertion ID.")],
    reason: Annotated[str, typer.Option("--reason", help="Why it is rejected (required).")],
    analyst: AnalystOption = "analyst",
    store: StoreOption = None,
) -> None:
    """Reject an assertion: it leaves the current view; prints the record ID."""
    _decide("reject", assertion_id, reason, analyst, store)


@review_app.command("dispute")
def dispute_cmd(
    assertion_id: Annotated[str, typer.Argument(metavar="ID", help="Assertion ID.")],
    reason: Annotated[str, typer.Option("--reason", help="Why it is disputed (required).")],
    analyst: AnalystOption = "analyst",
    store: StoreOption = None,
) -> None:
    """Mark an assertion disputed; prints the record ID."""
    _decide("dispute", assertion_id, reason, analyst, store)


@review_app.command("reinstate")
def reinstate_cmd(
    assertion_id: Annotated[str, typer.Argument(metavar="ID", help="Assertion ID.")],
    reason: Annotated[str, typer.Option("--reason", help="Why the rejection or retraction is undone (required).")],
    analyst: AnalystOption = "analyst",
    store: StoreOption = None,
) -> None:
    """Undo a rejection or retraction: the claim returns to the current view; prints the record ID."""
    _decide("reinstate", assertion_id, reason, analyst, store)


@review_app.command("accept-all")
def accept_all_cmd(
    min_conf: Annotated[float, typer.Option("--min-conf", help="Accept proposed assertions with confidence >= this.")],
    reason: Annotated[Optional[str], typer.Option("--reason", help="Why (recorded on every acceptance).")] = None,
    analyst: AnalystOption = "analyst",
    store: StoreOption = None,
) -> None:
    """Accept every proposed assertion at or above a confidence; prints their IDs."""
    from kg.desk.review import bulk_accept

    if not 0.0 <= min_conf <= 1.0:
        fail(f"--min-conf: {min_conf} is not in [0, 1]")
    with open_graph(store) as graph:
        ids = bulk_accept(graph, min_conf, f"analyst:{analyst}", reason)
    for aid in ids:
        print(aid)
    console.print(f"accepted {len(ids)} assertion(s)", style="dim", highlight=False)


def conflicts_cmd(
    window: Annotated[int, typer.Option(help="Days within which two dated claims are one event.")] = 14,
    fmt: FormatOption = None,
    store: StoreOption = None,
) -> None:
    """Claims that disagree (held vs planned/cancelled, counts, dates, places) with their sources and grades."""
    from kg.desk.conflicts import conflicts, describe

    fmt = list_format(fmt)
    with open_graph(store) as graph:
        found = conflicts(graph, window_days=window)
    if fmt == "json":
        print(json.dumps(found, indent=2, default=str))
        return
    if fmt != "table":
        rows = [{"conflict": describe(c), "value": value, **side}
                for c in found for value, sides in c["sides"].items() for side in sides]
        render(rows, ["conflict", "value", "id", "date", "place", "url", "by", "grade", "quote"], fmt,
               records=found, empty="no conflicts")
        return
    if not found:
        console.print("no conflicts")
    for conflict in found:
        rows = [{"value": value, **side} for value, sides in conflict["sides"].items() for side in sides]
        console.print(rows_table(rows, ["value", "id", "date", "place", "url", "by", "grade", "quote"],
                                 title=describe(conflict)))


def diff_cmd(
    from_: Annotated[str, typer.Option("--from", help="Start (record time; a date or ISO date-time).")],
    to: Annotated[str, typer.Option("--to", help="End (a date means the end of that day).")],
    fmt: FormatOption = None,
    store: StoreOption = None,
) -> None:
    """What was added, accepted, disputed, rejected, retracted, reinstated or re-graded between two record times."""
    from kg.desk.history import diff

    fmt = list_format(fmt)
    with open_graph(store) as graph:
        changes = diff(graph, from_, to)
    if fmt == "json":
        print(json.dumps(changes, indent=2, default=str))
        return
    rows = [{"change": kind, "what": r.get("id") or r.get("item"), "detail": r.get("label") or
             f"{r.get('aspect')}: {r.get('from')} -> {r.get('to')}", "by": r["by"], "at": r["at"],
             "reason": r.get("reason")} for kind, items in changes.items() for r in items]
    _print(rows, ["at", "change", "what", "detail", "by", "reason"], fmt, title=f"changes {from_} .. {to}")


@sources_app.command("list")
def sources_list_cmd(fmt: FormatOption = None, store: StoreOption = None) -> None:
    """List registered outlets with their current reliability grade."""
    from kg.desk.grading import list_sources

    with open_graph(store) as graph:
        rows = list_sources(graph)
    _print(rows, ["source", "grade", "reason", "by", "at", "changes"], fmt, title="sources")


@sources_app.command("set")
def sources_set_cmd(
    domain: Annotated[str, typer.Argument(help="Outlet: domain, URL or publisher name.")],
    grade: Annotated[str, typer.Argument(help="Admiralty source reliability A-F.")],
    reason: Annotated[str, typer.Option("--reason", help="Why (required; kept in the history).")],
    analyst: AnalystOption = "analyst",
    store: StoreOption = None,
) -> None:
    """Set or change an outlet's default reliability; prints the rating ID."""
    from kg.desk.grading import set_source_grade

    with open_graph(store) as graph:
        print(set_source_grade(graph, domain, grade, reason=reason, by=f"analyst:{analyst}"))


def grade_cmd(
    assertion_id: Annotated[str, typer.Argument(metavar="ID", help="Assertion ID.")],
    credibility: Annotated[int, typer.Option("--credibility", help="Information credibility 1-6.")],
    reason: Annotated[str, typer.Option("--reason", help="Why the computed value is overridden (required).")],
    analyst: AnalystOption = "analyst",
    store: StoreOption = None,
) -> None:
    """Override an assertion's computed information credibility; prints the rating ID."""
    from kg.desk.grading import override_credibility

    with open_graph(store) as graph:
        print(override_credibility(graph, assertion_id, credibility, reason=reason, by=f"analyst:{analyst}"))
