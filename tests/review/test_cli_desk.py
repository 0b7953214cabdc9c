"""kg review / conflicts / diff / sources / grade, run in-process with typer's CliRunner."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from kg.api import KnowledgeGraph
from kg.cli.main import app
from kg.desk.history import history


@pytest.fixture
def desk(tmp_path, extracted):
    store = str(tmp_path / "store")
    with KnowledgeGraph.open(store) as graph:
        ids = [extracted(graph, confidence=0.9),
               extracted(graph, confidence=0.5, url="https://wire.example.org/b", text="Putin to meet Trump.",
                         quote="Putin to meet Trump", status="planned", publisher="Wire")]
    runner = CliRunner()

    def run(*args: str) -> str:
        result = runner.invoke(app, [*args, "--store", store])
        assert result.exit_code == 0, (result.output, result.exception)
        return result.output

    return run, ids


def test_review_list_show_and_decisions(desk):
    run, (high, low) = desk
    assert [r["id"] for r in json.loads(run("review", "list", "--format", "json"))] == [high, low]
    assert [r["id"] for r in json.loads(run("review", "list", "--min-conf", "0.8", "--format", "json"))] == [high]
    assert [r["id"] for r in json.loads(run("review", "list", "--source", "wire", "--format", "json"))] == [low]
    assert json.loads(run("review", "list", "--relation", "sanctions", "--format", "json")) == []
    assert "review queue" in run("review", "list", "--format", "table")
    item = json.loads(run("review", "show", high, "--format", "json"))
    assert item["asserted_by"] == "extractor:rules@0.1" and item["grade"]["origins"] == 2
    run("review", "dispute", low, "--reason", "wire copy", "--analyst", "bob")
    run("review", "reject", low, "--reason", "duplicate", "--analyst", "bob")
    run("review", "accept", high)
    rows = json.loads(run("review", "list", "--status", "any", "--format", "json"))
    assert {r["id"]: r["status"] for r in rows} == {high: "accepted", low: "rejected"}
    assert "decisions" in run("review", "show", low)


def test_accept_all(desk):
    run, (high, low) = desk
    assert run("review", "accept-all", "--min-conf", "0.7").split()[0] == high
    assert [r["id"] for r in json.loads(run("review", "list", "--format", "json"))] == [low]


def test_sources_grade_conflicts_and_diff(desk):
    run, (high, low) = desk
    run("sources", "set", "news.example.com", "C", "--reason", "new outlet")
    run("sources", "set", "https://news.example.com/", "b", "--reason", "checked", "--analyst", "alice")
    sources = json.loads(run("sources", "list", "--format", "json"))
    assert [(s["source"], s["grade"], s["changes"], s["by"]) for s in sources] == [("news.example.com", "B", 2, "alice")]
    assert "news.example.com" in run("sources", "list")
    run("grade", high, "--credibility", "3", "--reason", "plausible")
    item = json.loads(run("review", "show", high, "--format", "json"))
    assert item["grade"]["grade"] == "B3" and item["grade"]["reliability_basis"] == "registry"
    assert json.loads(run("conflicts", "--format", "json")) == []
    assert "no conflicts" in run("conflicts")
    changes = json.loads(run("diff", "--from", "2000-01-01", "--to", "2999-01-01", "--format", "json"))
    assert {a["id"] for a in changes["added"]} == {high, low} and len(changes["regraded"]) == 3
    assert "regraded" in run("diff", "--from", "2000-01-01", "--to", "2999-01-01")


def test_every_door_refuses_a_decision_made_twice(tmp_path, extracted):
    """kg retract, kg review reject/accept and the library share one door (KnowledgeGraph.decide): the second
    identical decision is a one-line error and writes no second record (before: kg retract wrote two)."""
    import subprocess
    import sys

    from tests.conftest import REPO

    store = str(tmp_path / "store")
    with KnowledgeGraph.open(store) as graph:
        first = extracted(graph)
        second = extracted(graph, url="https://wire.example.org/b", text="Putin to meet Trump.", quote="Putin to meet Trump")
    kg = [sys.executable, "-m", "kg.cli.main"]
    for args in (["retract", first, "--reason", "wrong"], ["review", "accept", second]):
        ok = subprocess.run([*kg, *args, "--store", store], cwd=REPO, capture_output=True, text=True, timeout=120)
        assert ok.returncode == 0, ok.stderr
        again = subprocess.run([*kg, *args, "--store", store], cwd=REPO, capture_output=True, text=True, timeout=120)
        assert again.returncode == 1
        assert again.stderr.strip().splitlines()[-1].startswith("error: id: assertion "), again.stderr
    with KnowledgeGraph.open(store) as graph:
        assert [e.kind for e in history(graph, first)] == ["asserted", "retracted"]
        assert [e.kind for e in history(graph, second)] == ["asserted", "accepted"]
