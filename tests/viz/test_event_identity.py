"""One event means one thing in the views: items, edges, the actor panel and the timeline follow kg.events."""

from __future__ import annotations

import pytest

from kg import events

from kg.desk import grading
from kg.analysis.projection import find_node, project
from kg.model.inputs import ClaimInput
from kg.viz import write_html
from kg.viz.build import build_view
from kg.viz.page import page_data
from kg.viz.timeline import timeline_rows
from kg.viz.timeline_data import event_items, identify_events

PAIR = dict(subject="Ann Lee", relation="meets", object="Raj Patel")
#: one meeting: announced on the 8th by one outlet, reported held by four more; a second meeting in October
SUMMIT = [("https://first.example/plan", "planned", "2025-08-08"), ("https://second.example/a", "held", "2025-08-15"),
          ("https://third.example/b", "held", "2025-08-15"), ("https://fourth.example/c", "held", "2025-08-16"),
          ("https://fifth.example/d", "held", "2025-08-16")]


def _store(g) -> list[str]:
    ids = [g.assert_claim(ClaimInput(**PAIR, date="2025-08-15", status=status, source=url, published=pub,
                                     quote=f"Ann Lee and Raj Patel, report {i}."))
           for i, (url, status, pub) in enumerate(SUMMIT)]
    ids.append(g.assert_claim(ClaimInput(**PAIR, date="2025-10-01", source="https://second.example/oct",
                                         published="2025-10-01", quote="Ann Lee met Raj Patel again.")))
    return ids


def test_items_are_event_clusters_with_history_and_all_sources(graph):
    ids = _store(graph)
    assert len(event_items(project(graph))) == 6  # without identity: one item per report
    items = event_items(identify_events(graph, project(graph)))
    assert [(i["date"], i["status"], i["mentions"]) for i in items] == [("2025-08-15", "held", 5), ("2025-10-01", "held", 1)]
    summit = items[0]
    assert summit["cluster"] == events.anchor_map(graph)[ids[0]] and sorted(summit["assertions"]) == sorted(ids[:5])
    assert [s["url"] for s in summit["sources"]] == [url for url, _, _ in SUMMIT]
    assert [(h["day"], h["status"]) for h in summit["status_history"]] == [
        ("2025-08-08", "planned"), ("2025-08-15", "held"), ("2025-08-16", "held")]
    assert summit["independent"] == 5 and summit["outlets"] == 5


def test_edges_are_weighted_by_events_not_reports(graph):
    _store(graph)
    G = identify_events(graph, project(graph))
    view = build_view(G)
    a, b = str(find_node(G, "Ann Lee")), str(find_node(G, "Raj Patel"))
    ties = [e for e in view.edges if {e["from"], e["to"]} == {a, b}]
    assert [(e["relation"], e["status"], e["weight"]) for e in ties] == [("meets", "held", 2)]
    assert view.total_edges == 2
    assert sorted(len(view.events[i]["sources"]) for i in ties[0]["events"]) == [1, 5]
    data = page_data(view)  # the actor panel reads these: one entry per event, history and counts
    assert sorted(e.get("m", 1) for e in data["events"]) == [1, 5]  # one report: no count shipped
    assert [h[1] for h in next(e for e in data["events"] if e.get("m") == 5)["h"]] == ["planned", "held", "held"]


def test_timeline_rows_are_one_per_event(graph):
    _store(graph)
    rows = timeline_rows(graph, "Ann Lee", "Raj Patel")
    assert [(r["date"], r["status"], r["reports"], r["history"]) for r in rows] == [
        ("2025-08-15", "held", 5, "planned → held → held"), ("2025-10-01", "held", 1, "held")]
    assert rows[0]["sources"].split() == [url for url, _, _ in SUMMIT]


def test_a_split_event_shows_as_two_items(graph):
    ids = _store(graph)
    anchor = events.anchor_map(graph)[ids[4]]
    events.split(graph, anchor, next(a for a in ids[1:5] if a != anchor), reason="a separate side meeting", by="analyst:test")
    items = event_items(identify_events(graph, project(graph)))
    assert sorted(i["mentions"] for i in items) == [1, 1, 4]


def test_viz_grades_are_the_effective_grades(graph):
    ids = _store(graph)
    grading.set_source_grade(graph, "first.example", "B", reason="known outlet", by="analyst:test")
    expected = {aid: grading.effective_grade(graph, aid)["grade"] for aid in ids}
    assert expected[ids[0]].startswith("B") and len(set(expected.values())) > 1
    items = event_items(identify_events(graph, project(graph)))
    shown = {aid: grade for i in items for aid, grade in i["grades"].items()}
    assert shown == expected
    for item in items:
        assert item["grade"] == min((expected[a] for a in item["assertions"]), key=lambda g: (g[0], int(g[1:])))
        assert sorted(s["grade"] for s in item["sources"]) == sorted(expected[a] for a in item["assertions"])


@pytest.mark.browser
def test_actor_panel_lists_one_entry_per_event(graph, tmp_path, open_page):
    _store(graph)
    opened = open_page(write_html(graph, tmp_path / "net.html"))
    page = opened.page
    page.evaluate("kgShowActor(KG_DATA.nodes.find(n => n.label === 'Ann Lee').id)")
    items = page.evaluate("Array.from(document.querySelectorAll('#kg-panel li')).map(li => "
                          "[li.querySelector('.kg-history') ? li.querySelector('.kg-history').textContent : '', "
                          "li.querySelectorAll('a').length])")
    assert len(items) == 2
    summit = next(i for i in items if i[1] == 5)
    assert summit[0].startswith("planned 2025-08-08 → held 2025-08-15") and "5 reports, 5 independent sources" in summit[0]
    tips = page.evaluate("kgEdges.get().map(e => typeof e.title === 'string' ? e.title : e.title.textContent)")  # one tie of two events, not six reports
    assert len(tips) == 1 and "2 events, 2025-08-15 to 2025-10-01" in tips[0]
    assert "event: planned 2025-08-08 → held 2025-08-15 → held 2025-08-16, 5 reports, 5 independent sources" in tips[0]
    assert opened.requests == [] and opened.errors == []


def test_a_copy_of_the_text_under_another_url_is_a_source_of_the_event(graph):
    from kg.model import Assertion, Claim, Document, Evidence

    text = "Ann Lee met Raj Patel in Tallinn on Friday, the ministry said."
    doc = Document.from_text(text, url="https://wire.example/story", title="Wire story", publisher="Wire")
    claim = Claim("meets", graph.resolve_actor("Ann Lee"), graph.resolve_actor("Raj Patel"), status="held",
                  date="2025-08-15")
    graph.add_document(doc, [Assertion(claim, doc, asserted_by="extractor:rules@0.1", confidence=0.9,
                                       evidence=Evidence("Ann Lee met Raj Patel", text, 0, 21))])
    copy = Document.from_text(text, url="https://paper.example/reprint", title="Reprint", publisher="Paper")
    assert events.record_copy(graph, copy)
    [item] = event_items(identify_events(graph, project(graph)))
    assert [s["url"] for s in item["sources"]] == ["https://wire.example/story", "https://paper.example/reprint"]
    assert (item["mentions"], item["articles"], item["independent"]) == (1, 2, 1)  # one text: one independent source
