"""The actor page lists one row per event (kg.events clusters), each with all its sources and grades."""

from __future__ import annotations

import re

from kg import events

from kg.desk import grading
from kg.model.inputs import ClaimInput

MEET = dict(subject="Ann Lee", relation="meets", object="Raj Patel", date="2025-08-15")


def test_one_row_per_event_with_its_sources(client, web_graph):
    reports = [("https://one.example/plan", "planned", "2025-08-08"), ("https://two.example/held", "held", "2025-08-15"),
               ("https://three.example/held", "held", "2025-08-15")]
    ids = [web_graph.assert_claim(ClaimInput(**MEET, source=url, status=status, published=pub, quote=f"Report {i} <b>x</b>"))
           for i, (url, status, pub) in enumerate(reports)]
    later = web_graph.assert_claim(ClaimInput(**{**MEET, "date": "2025-11-02"}, source="https://two.example/nov",
                                              published="2025-11-02", quote="They met again."))
    page = client.get("/ui/actor", params={"name": "Ann Lee"}).text
    rows = re.findall(r'<tr id="e-([0-9a-f]{32})" class="event">(.*?)</tr>', page, re.S)
    clusters = events.anchor_map(web_graph)
    assert [r[0] for r in rows] == [clusters[ids[0]], clusters[later]]  # two events, in date order, not four rows
    summit = rows[0][1]
    hrefs = re.findall(r'href="([^"]+)"', summit)  # in reporting order: the plan of the 8th first
    assert hrefs[0] == reports[0][0] and sorted(hrefs) == sorted(url for url, _, _ in reports)
    shown = re.findall(r'<li id="a-([0-9a-f]{32})">', summit)
    assert sorted(shown) == sorted(ids)
    assert "3 report(s), 3 independent source(s)" in summit
    assert "planned 2025-08-08 → held 2025-08-15" in summit and "<b>x" not in page
    grades = re.findall(r'independent source\(s\)">([A-F][1-6])<', summit)
    assert grades == [grading.effective_grade(web_graph, aid)["grade"] for aid in shown]


def test_a_split_shows_two_rows(client, web_graph):
    a = web_graph.assert_claim(ClaimInput(**MEET, source="https://one.example/a", quote="Met."))
    b = web_graph.assert_claim(ClaimInput(**MEET, source="https://two.example/b", quote="Met too."))
    assert len(re.findall(r'<tr id="e-', client.get("/ui/actor", params={"name": "Ann Lee"}).text)) == 1
    anchor = events.anchor_map(web_graph)[a]
    events.split(web_graph, anchor, b if anchor == a else a, reason="two meetings that day", by="analyst:test")
    assert len(re.findall(r'<tr id="e-', client.get("/ui/actor", params={"name": "Ann Lee"}).text)) == 2
