"""One effective grade everywhere: kg show, kg review show, /ui/actor and the network tooltip agree."""

from __future__ import annotations

import json
import re
import warnings

from fastapi import FastAPI

from kg.desk import grading
from kg.api import KnowledgeGraph
from kg.model.inputs import ClaimInput

MEET = dict(subject="Donald Trump", relation="meets", object="Vladimir Putin", date="2025-08-15")


def test_every_view_shows_the_effective_grade(tmp_path, kg_cli):
    store = tmp_path / "store"
    with KnowledgeGraph.open(str(store)) as g:
        # ungraded (F6) claims: the registry gives D, two independent outlets give credibility 2
        one = g.assert_claim(ClaimInput(**MEET, source="https://tass.example/a", quote="Trump met Putin."))
        other = g.assert_claim(ClaimInput(**MEET, source="https://other.example/b", quote="The presidents met in Alaska."))
        lone = g.assert_claim(ClaimInput(subject="Donald Trump", relation="meets", object="Xi Jinping",
                                         date="2025-10-30", source="https://tass.example/c", quote="Trump met Xi."))
    kg_cli("sources", "set", "tass.example", "D", "--reason", "state media", store=store, check=True)
    kg_cli("grade", lone, "--credibility", "3", "--reason", "embassy cable", store=store, check=True)
    with KnowledgeGraph.open(str(store)) as g:
        expected = {aid: grading.effective_grade(g, aid)["grade"] for aid in (one, other, lone)}
    assert expected == {one: "D2", other: "F2", lone: "D3"}

    shown = json.loads(kg_cli("show", "Donald Trump", "--format", "json", store=store, check=True).stdout)
    assert {r["id"]: r["grade"] for r in shown["assertions"] if r["id"] in expected} == expected
    for aid, grade in expected.items():
        review = json.loads(kg_cli("review", "show", aid, "--format", "json", store=store, check=True).stdout)
        assert review["grade"]["grade"] == grade

    with KnowledgeGraph.open(str(store)) as g:
        from fastapi.testclient import TestClient

        from kg.web import mount

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            app = FastAPI()
            mount(app, g, write_token="t" * 32)
            page = TestClient(app).get("/ui/actor", params={"name": "Donald Trump"}).text
        cells = re.findall(r'independent source\(s\)">([A-F][1-6])<', page)
        assert sorted(cells) == sorted(expected.values())

        from kg.analysis.projection import project
        from kg.viz import write_html
        from kg.viz.timeline_data import event_items, identify_events

        items = event_items(identify_events(g, project(g)))  # the viz data: one item per event
        html = write_html(g, tmp_path / "net.html").read_text()
    assert {aid: grade for i in items for aid, grade in i["grades"].items()} == expected
    meeting = next(i for i in items if one in i["assertions"])
    assert sorted(meeting["assertions"]) == sorted([one, other]) and meeting["grade"] == "D2"
    # the page's tooltips and actor panel are built from its embedded data: each source with its grade
    # (an event of one source carries it once, as the event's grade)
    data = json.loads(re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', html, re.S).group(1))
    on_page = [s.get("grade", e["g"]) for e in data["events"] for s in e.get("src", [])]
    assert sorted(on_page) == sorted(expected.values())
