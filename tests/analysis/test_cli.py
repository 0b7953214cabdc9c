"""The kg analyze and kg viz commands, end to end."""

from __future__ import annotations

import csv
import io
import json

import pytest

from kg.api import KnowledgeGraph
from tests.analysis.sample import build


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("analysis") / "store"
    with KnowledgeGraph.open(str(path)) as graph:
        build(graph)
    return path


@pytest.mark.parametrize(
    "args, expected",
    [
        (["centrality"], "Carla Cruz"),
        (["centrality", "--by", "pagerank", "--relations", "sanctions"], "Ruritania"),
        (["brokers"], "Boris Brandt"),
        (["communities"], "Freedonia"),
        (["path", "Alice", "Erik"], "advises"),
        (["ego", "Carla", "--depth", "1"], "Erik Eng"),
        (["change", "--from-period", "2024", "--to-period", "2025"], "new ties"),
    ],
)
def test_table_output(kg_cli, store, args, expected, monkeypatch):
    monkeypatch.setenv("COLUMNS", "250")  # rich wraps cells to the terminal width
    proc = kg_cli("analyze", *args, store=store)
    assert proc.returncode == 0, proc.stderr
    assert expected in proc.stdout


def test_json_and_csv(kg_cli, store):
    rows = json.loads(kg_cli("analyze", "path", "Alice Ames", "Erik Eng", "--format", "json", store=store, check=True).stdout)
    assert rows[0]["from"] == "Alice Ames" and rows[0]["quote"] == "Alice Ames meets Boris Brandt."
    out = kg_cli("analyze", "centrality", "--format", "csv", "--since", "2025", "--accepted-only", store=store, check=True).stdout
    table = list(csv.DictReader(io.StringIO(out)))
    ties = {r["actor"]: int(r["ties"]) for r in table}
    assert ties["Alice Ames"] == 0  # her only 2025 event is a refused meeting: present, but no interaction
    assert ties["Ruritania"] == 1 and ties["Carla Cruz"] == 2


@pytest.mark.parametrize(
    "args, message",
    [
        (["path", "Alice", "Ruritania"], "no path between"),
        (["centrality", "--relations", "meet"], "unknown relation 'meet'"),
        (["centrality", "--since", "March"], "is not an ISO year"),
    ],
)
def test_errors_are_one_line(kg_cli, store, args, message):
    proc = kg_cli("analyze", *args, store=store)
    assert proc.returncode == 1 and message in proc.stderr and "Traceback" not in proc.stderr


def test_an_unknown_actor_is_nothing_matched(kg_cli, store):
    proc = kg_cli("analyze", "ego", "Nobody", store=store)
    assert proc.returncode == 3 and "no actor named" in proc.stderr and "Traceback" not in proc.stderr


def test_a_bad_format_is_a_usage_error(kg_cli, store):
    proc = kg_cli("analyze", "centrality", "--format", "xml", store=store)
    assert proc.returncode == 2 and "'xml' is not one of table" in proc.stderr


def test_viz_writes_one_page(kg_cli, store, tmp_path):
    out = tmp_path / "net.html"
    proc = kg_cli("viz", "--out", str(out), "--actor", "Carla", "--depth", "1", "--per-period", "month", store=store)
    assert proc.returncode == 0, proc.stderr
    page = out.read_text(encoding="utf-8")
    assert "Erik Eng" in page and "Ruritania" not in page and "2025-01" in page
