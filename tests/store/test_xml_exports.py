"""Every XML export is well-formed whatever the data: a NUL or escape character in a label (issue 17, item 4)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
from pyoxigraph import DefaultGraph, Literal, NamedNode, Quad

from kg.api import KnowledgeGraph
from tests.conftest import run_kg

LABEL = "http://www.w3.org/2000/01/rdf-schema#label"


def _store_with_control_characters(tmp_path: Path) -> Path:
    store = tmp_path / "store"
    run_kg("assert", "Ann Lee", "meets", "Bob Stone", "--source", "https://example.org/x", "--new-actor",
           store=store, check=True)
    with KnowledgeGraph.open(str(store)) as graph:
        old = [q for q in graph.store.quads(None, NamedNode(LABEL), Literal("Ann Lee"), DefaultGraph())]
        assert old
        new = [Quad(q.subject, q.predicate, Literal("Ann\x00 Lee\x1b"), q.graph_name) for q in old]
        graph.store.apply(new, old)
    return store


def test_gexf_graphml_and_query_xml_parse_with_a_nul_in_a_label(tmp_path: Path) -> None:
    store = _store_with_control_characters(tmp_path)
    for fmt, reader in (("gexf", nx.read_gexf), ("graphml", nx.read_graphml)):
        out = tmp_path / f"net.{fmt}"
        proc = run_kg("export", "--format", fmt, "--out", str(out), store=store)
        assert proc.returncode == 0, proc.stderr
        ET.parse(out)  # well-formed
        labels = {data.get("label") for _, data in reader(out).nodes(data=True)}
        assert "Ann\ufffd Lee\ufffd" in labels and "Bob Stone" in labels
    xml = run_kg("query", f"SELECT ?l WHERE {{ ?a <{LABEL}> ?l }}", "--format", "xml", store=store, check=True)
    root = ET.fromstring(xml.stdout.encode("utf-8"))
    values = {e.text for e in root.iter() if e.tag.endswith("literal")}
    assert "Ann\ufffd Lee\ufffd" in values
