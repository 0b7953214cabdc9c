"""``kg query``: SPARQL text, .rq files, named queries with parameters, --list; injection is harmless."""

from __future__ import annotations

import json

import pytest

from kg.api import KnowledgeGraph
from kg.model.inputs import ClaimInput


@pytest.fixture
def store(tmp_path):
    path = tmp_path / "store"
    with KnowledgeGraph.open(str(path)) as graph:
        graph.assert_claim(ClaimInput(subject="Donald Trump", relation="meets", object="Vladimir Putin",
                                      source="https://example.org/a", date="2025-08-15", place="Anchorage", status="planned"))
    return path


def test_list(kg_cli):
    out = kg_cli("query", "--list", check=True).stdout
    assert "meetings-between" in out and "a (actor)" in out and "hops (int, optional)" in out


def test_named_query_with_params(store, kg_cli):
    proc = kg_cli("query", "--name", "meetings-between", "--param", "a=trump", "--param", "b=Putin",
                  "--format", "json", store=store, check=True)
    rows = json.loads(proc.stdout)["results"]["bindings"]
    assert rows[0]["place"]["value"] == "Anchorage" and rows[0]["status"]["value"] == "planned"


def test_text_and_file_queries(store, kg_cli, tmp_path):
    assert "Anchorage" in kg_cli("query", "SELECT ?p WHERE { ?e dip:place ?p }", store=store, check=True).stdout
    rq = tmp_path / "q.rq"
    rq.write_text("SELECT ?p WHERE { ?e dip:place ?p }")
    assert "Anchorage" in kg_cli("query", "--file", str(rq), "--format", "csv", store=store, check=True).stdout


def test_injection_through_a_parameter_is_harmless(store, kg_cli):
    before = kg_cli("export", "--format", "nq", store=store, check=True).stdout
    for key in ("a", "b"):
        other = "b" if key == "a" else "a"
        proc = kg_cli("query", "--name", "meetings-between", "--param", f'{key}=x" }} ; DROP ALL ; #',
                      "--param", f"{other}=Putin", store=store)
        assert proc.returncode == 0 and "no results" in proc.stderr, proc.stderr
    proc = kg_cli("query", "--name", "assertions-from-source", "--param", 'source=x" } ; DROP ALL ; #', store=store)
    assert proc.returncode == 0 and "no results" in proc.stderr
    assert kg_cli("export", "--format", "nq", store=store, check=True).stdout == before


@pytest.mark.parametrize("args,message", [
    (["--name", "nope"], "no named query 'nope'"),
    (["--name", "meetings-of"], "missing parameter 'actor'"),
    (["--name", "meetings-of", "--param", "actor"], "expected key=value"),
    (["SELEC ?x"], "SPARQL syntax error"),
    ([], "give one of"),
])
def test_errors_are_one_line(store, kg_cli, args, message):
    proc = kg_cli("query", *args, store=store)
    assert proc.returncode == 1 and message in proc.stderr and len(proc.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("fmt", ["tsv", "csv"])
def test_ask_prints_its_answer_as_a_line_and_never_no_results(store, kg_cli, fmt):
    found = kg_cli("query", "ASK { ?e dip:place ?p }", "--format", fmt, store=store, check=True)
    missing = kg_cli("query", "ASK { ?e dip:place 'Nowhere' }", "--format", fmt, store=store, check=True)
    assert (found.stdout, missing.stdout) == ("true\n", "false\n")
    assert "no results" not in found.stderr + missing.stderr
