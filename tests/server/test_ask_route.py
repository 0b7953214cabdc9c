"""``GET /ask?q=`` on a real ``kg serve`` over loopback: the same JSON as ``kg ask --format json``."""

from __future__ import annotations

import json

import httpx
import pytest

from tests.conftest import run_kg

pytestmark = pytest.mark.server

SEED = "when is trump meeting with putin"


def test_ask_route_returns_the_cli_json(server, tmp_path):
    response = httpx.get(server + "/ask", params={"q": SEED}, timeout=60)
    assert response.status_code == 200 and response.headers["content-type"].startswith("application/json")
    data = response.json()
    assert data["parsed"]["relation"] == "meet" and data["parsed"]["participants"]["subject"] == "trump"
    assert "?subject" in data["sparql"] and data["params"]["subject"].endswith("Q22686")
    assert data["rows"][0]["place"] == "Anchorage" and data["rows"][0]["status"] == "planned"
    assert data["sources"][0]["url"] == "https://example.org/alaska" and data["outlets"] == 1
    assert data["answer"].startswith("Planned meeting between Donald Trump and Vladimir Putin")


def test_ask_route_answers_directions_and_refuses_an_empty_question(server):
    data = httpx.get(server + "/ask", params={"q": "who sanctioned Russia?"}, timeout=60).json()
    assert data["parsed"]["participants"]["object"] == "Russia" and "United States" in data["answer"]
    data = httpx.get(server + "/ask", params={"q": 'who did x" } ; DROP ALL ; # meet'}, timeout=60).json()
    assert data["answer"].startswith("I cannot answer that")
    missing = httpx.get(server + "/ask", timeout=60)
    assert missing.status_code == 400 and "?q=" in missing.json()["detail"]


def test_cli_json_matches_the_route(server, tmp_path):
    from kg.api import KnowledgeGraph
    from kg.model.inputs import ClaimInput

    store = tmp_path / "store"
    with KnowledgeGraph.open(str(store)) as graph:
        graph.assert_claim(ClaimInput(subject="Donald Trump", relation="meets", object="Vladimir Putin",
                                      source="https://example.org/alaska", date="2025-08-15", time="11:30",
                                      place="Anchorage", status="planned", quote="Trump will meet Putin."))
    cli = json.loads(run_kg("ask", SEED, "--format", "json", store=store, check=True).stdout)
    route = httpx.get(server + "/ask", params={"q": SEED}, timeout=60).json()
    assert set(cli) == set(route) and cli["sparql"] == route["sparql"] and cli["parsed"] == route["parsed"]
