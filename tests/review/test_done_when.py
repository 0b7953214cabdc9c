"""The issue's done-when flow: proposed extraction -> review -> accept -> analyst claim -> show -> conflicts."""

from __future__ import annotations

import json

from kg.api import KnowledgeGraph
from kg.desk.conflicts import conflicts
from kg.model.inputs import ClaimInput
from kg.rdf.terms import iri
from kg.desk.review import accept, review_queue
from kg.desk.review import assertions_about

HELD = dict(subject="Donald Trump", relation="meets", object="Vladimir Putin", status="held", date="2025-08-15",
            place="Anchorage", source="https://www.whitehouse.example.gov/briefing",
            quote="President Trump and President Putin met in Anchorage on August 15.", reliability="B",
            credibility=2, analyst="alice")


def test_done_when_flow_library(graph, extracted):
    planned = extracted(graph)
    queue = review_queue(graph)
    assert [r["id"] for r in queue] == [planned] and queue[0]["event_status"] == "planned"
    accept(graph, planned, "matches the wire", "analyst:alice")
    assert review_queue(graph) == []
    held = graph.assert_claim(ClaimInput(**HELD))
    putin = iri(graph.find_actor("Vladimir Putin").canonical_iri())
    rows = {str(r["g"]).rsplit("/", 1)[-1]: r for r in assertions_about(graph, putin)}
    assert set(rows) == {planned, held}
    assert rows[planned]["status"] == "planned" and rows[held]["status"] == "held"
    assert str(rows[held]["source"]) == HELD["source"] and str(rows[planned]["source"]) == "https://news.example.com/planned"
    found = [c for c in conflicts(graph) if c["kind"] == "status"]
    assert len(found) == 1
    sides = found[0]["sides"]
    assert [s["id"] for s in sides["planned"]] == [planned] and [s["id"] for s in sides["held"]] == [held]
    assert sides["planned"][0]["url"] == "https://news.example.com/planned"
    assert sides["held"][0]["url"] == HELD["source"] and sides["held"][0]["grade"] == "B2"


def test_done_when_flow_cli(tmp_path, kg_cli, extracted):
    store = tmp_path / "store"
    with KnowledgeGraph.open(str(store)) as graph:
        planned = extracted(graph)
    listed = kg_cli("review", "list", "--format", "json", store=store, check=True)
    assert [r["id"] for r in json.loads(listed.stdout)] == [planned]
    shown = kg_cli("review", "show", planned, store=store, check=True)
    assert "«Donald Trump will meet Vladimir Putin in Alaska»" in shown.stdout
    kg_cli("review", "accept", planned, "--reason", "matches the wire", "--analyst", "alice", store=store, check=True)
    args = ["assert", "Donald Trump", "meets", "Vladimir Putin"]
    for key in ("source", "quote", "date", "place", "status", "reliability", "analyst"):
        args += [f"--{key}", str(HELD[key])]
    held = kg_cli(*args, store=store, check=True).stdout.strip()
    show = json.loads(kg_cli("show", "Vladimir Putin", "--format", "json", store=store, check=True).stdout)
    assert {a["id"] for a in show["assertions"]} == {planned, held}
    found = json.loads(kg_cli("conflicts", "--format", "json", store=store, check=True).stdout)
    status = [c for c in found if c["kind"] == "status"][0]
    assert {s["url"] for side in status["sides"].values() for s in side} == {HELD["source"], "https://news.example.com/planned"}
    table = kg_cli("conflicts", store=store, check=True).stdout
    assert "planned (1) vs held (1)" in table or "held (1) vs planned (1)" in table
