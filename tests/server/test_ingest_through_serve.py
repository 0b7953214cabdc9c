"""While ``kg serve`` holds the embedded store, other kg commands write through its SPARQL endpoint with a token."""

from __future__ import annotations

import httpx
import pytest

from tests.conftest import REPO, run_kg
from tests.servers import kg_serve

pytestmark = pytest.mark.server

TOKEN = "another-s3cret-for-tests"


def _count(base: str) -> int:
    query = "SELECT (COUNT(?a) AS ?n) WHERE { ?a a <https://w3id.org/diplomacy-kg/ontology#Assertion> }"
    response = httpx.post(base + "/sparql", data={"query": query}, headers={"Accept": "application/sparql-results+json"})
    return int(response.json()["results"]["bindings"][0]["n"]["value"])


def test_ingest_and_assert_through_a_serving_kg(tmp_path, monkeypatch):
    with kg_serve(tmp_path / "store", token_env=TOKEN) as base:
        spec = f"sparql+{base}/sparql"
        refused = run_kg("assert", "Trump", "meets", "Putin", "--source", "https://example.org/x", store=spec)
        assert refused.returncode == 1 and "HTTP 401" in refused.stderr and len(refused.stderr.splitlines()) == 1
        assert _count(base) == 0

        monkeypatch.setenv("KG_STORE_TOKEN", TOKEN)
        run_kg("ingest", str(REPO / "data" / "samples"), store=spec, check=True)
        ingested = _count(base)
        assert ingested > 10
        again = run_kg("ingest", str(REPO / "data" / "samples"), store=spec, check=True)
        assert "documents 0" in again.stdout and _count(base) == ingested  # content hashes: nothing twice
        run_kg("assert", "Trump", "meets", "Putin", "--source", "https://example.org/x", store=spec, check=True)
        assert _count(base) == ingested + 1
        answer = run_kg("ask", "when is trump meeting with putin", store=spec, check=True).stdout
        assert "Anchorage" in answer

        monkeypatch.setenv("KG_STORE_TOKEN", "wrong")
        wrong = run_kg("assert", "Trump", "meets", "Lukashenko", "--source", "https://example.org/y", store=spec)
        assert wrong.returncode == 1 and "HTTP 403" in wrong.stderr
        assert _count(base) == ingested + 1
