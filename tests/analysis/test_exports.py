"""GraphML, GEXF (dynamic, schema-checked) and CSV edge exports, through the exporter registry."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import networkx as nx
import pytest
from lxml import etree

from kg.export import EXPORTERS, export_store
from tests.analysis.sample import build

SCHEMA = Path(__file__).with_name("gexf-1.2-minimal.xsd")
NS = {"g": "http://www.gexf.net/1.2draft"}


@pytest.fixture
def sample(graph):
    build(graph)
    return graph


def test_formats_are_registered():
    assert {"graphml", "gexf", "csv-edges"} <= set(EXPORTERS)


def test_gexf_is_valid_and_dynamic(sample):
    data = export_store(sample, "gexf")
    doc = etree.fromstring(data)
    schema = etree.XMLSchema(etree.parse(str(SCHEMA)))
    assert schema.validate(doc), schema.error_log.last_error
    graph = doc.find("g:graph", NS)
    assert graph.get("mode") == "dynamic" and graph.get("timeformat") == "date"
    edges = doc.findall(".//g:edge", NS)
    assert edges and all(e.get("start") and e.get("end") for e in edges)
    assert {e.get("start") for e in edges} >= {"2024-03-01", "2025-04-01"}


def test_gexf_schema_rejects_broken_files():
    schema = etree.XMLSchema(etree.parse(str(SCHEMA)))
    bad = b'<gexf xmlns="http://www.gexf.net/1.2draft" version="1.2"><graph mode="sometimes"><nodes/><edges/></graph></gexf>'
    assert not schema.validate(etree.fromstring(bad))


def test_graphml_round_trips(sample, tmp_path):
    path = tmp_path / "net.graphml"
    path.write_bytes(export_store(sample, "graphml"))
    G = nx.read_graphml(path, force_multigraph=True)
    assert G.number_of_nodes() == 8
    assert {d["relation"] for *_, d in G.edges(data=True)} >= {"meets", "sanctions", "pardons"}
    assert {d["label"] for _, d in G.nodes(data=True)} >= {"Ruritania", "Prisoners"}


def test_csv_edges_have_evidence(sample):
    rows = list(csv.DictReader(io.StringIO(export_store(sample, "csv-edges").decode())))
    row = next(r for r in rows if r["relation"] == "sanctions")
    assert row["source_label"] == "Ruritania" and row["target_label"] == "Freedonia"
    assert row["quote"] == "Ruritania sanctions Freedonia." and row["grade"] == "A2" and row["assertion"]


def test_exports_through_the_cli(kg_cli, tmp_path):
    store = tmp_path / "store"
    proc = kg_cli("assert", "Ann Cli", "sanctions", "Bob Cli", "--source", "https://example.org/x", "--date", "2025-01-01",
                  store=store)
    assert proc.returncode == 0, proc.stderr
    out = tmp_path / "net.gexf"
    assert kg_cli("export", "--format", "gexf", "--out", str(out), store=store).returncode == 0
    assert b'start="2025-01-01"' in out.read_bytes()
    proc = kg_cli("export", "--format", "csv-edges", store=store)
    assert "Ann Cli,Bob Cli,sanctions" in proc.stdout
