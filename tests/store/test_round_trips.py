"""Every export format that carries the data re-imports into an empty store to an isomorphic dataset.

The store is built the way an analyst builds one: ``kg ingest`` of the sample articles plus the analyst
claims file, through the real CLI.  TriG and N-Quads carry every graph; Turtle, N-Triples and JSON-LD
(compacted with ontology/context.jsonld) carry the current view.  PLOVER JSONL is checked against the
PLOVER manual's field list.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from tests.conftest import REPO, run_kg

#: The PLOVER record fields (PLOVER manual) and its 16 event types.
PLOVER_FIELDS = ["id", "date", "actor", "recipient", "event", "mode", "context", "text", "text_info", "cite_info"]
PLOVER_EVENTS = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                 "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
RDF_FORMAT = {"trig": "trig", "nq": "nquads", "ttl": "turtle", "nt": "nt", "jsonld": "json-ld"}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    store = tmp_path_factory.mktemp("built") / "store"
    run_kg("ingest", str(REPO / "data" / "samples"), store=store, check=True)
    for claims in sorted((REPO / "data" / "samples" / "claims").iterdir()):
        run_kg("assert", "--file", str(claims), store=store, check=True)
    return store


def _export(store: Path, fmt: str, out: Path) -> Path:
    run_kg("export", "--format", fmt, "--out", str(out), store=store, check=True)
    return out


def _dataset(path: Path, fmt: str) -> Dataset:
    ds = Dataset()
    ds.parse(path, format=RDF_FORMAT[fmt])
    return ds


@pytest.mark.parametrize("fmt", ["trig", "nq"])
def test_dataset_formats_round_trip_every_graph(built: Path, tmp_path: Path, fmt: str) -> None:
    dump = _export(built, fmt, tmp_path / f"dump.{fmt}")
    imported = run_kg("import", str(dump), store=tmp_path / "empty")
    assert imported.returncode == 0, imported.stderr
    again = _export(tmp_path / "empty", fmt, tmp_path / f"again.{fmt}")
    a, b = _dataset(dump, fmt), _dataset(again, fmt)
    names = {g.identifier for g in a.graphs()}
    assert len(names) > 20 and names == {g.identifier for g in b.graphs()}
    for graph in a.graphs():
        assert isomorphic(graph, b.graph(graph.identifier)), graph.identifier
    claims = [g for g in names if "assertion" in str(g)]
    assert claims, "the analyst claims and extracted assertions are named graphs"


@pytest.mark.parametrize("fmt", ["ttl", "nt", "jsonld"])
def test_view_formats_round_trip_the_current_view(built: Path, tmp_path: Path, fmt: str) -> None:
    dump = _export(built, fmt, tmp_path / f"view.{fmt}")
    imported = run_kg("import", str(dump), store=tmp_path / "empty")
    assert imported.returncode == 0, imported.stderr
    original = Graph().parse(_export(built, "nt", tmp_path / "original.nt"), format="nt")
    copy = Graph().parse(_export(tmp_path / "empty", "nt", tmp_path / "copy.nt"), format="nt")
    assert len(original) > 500 and isomorphic(original, copy)


def test_jsonld_is_compacted_with_the_published_context(built: Path, tmp_path: Path) -> None:
    doc = json.loads(_export(built, "jsonld", tmp_path / "view.jsonld").read_text(encoding="utf-8"))
    published = json.loads((REPO / "ontology" / "context.jsonld").read_text(encoding="utf-8"))["@context"]
    assert doc["@context"] == published
    nodes = doc["@graph"]
    assert any(n.get("@type") == "dip:Assertion" for n in nodes)
    assert all(not k.startswith("https://w3id.org/diplomacy-kg/ontology#") for n in nodes for k in n)
    assert any(str(n.get("@id", "")).startswith("actor:") for n in nodes)


def test_plover_jsonl_has_the_manual_fields(built: Path, tmp_path: Path) -> None:
    lines = _export(built, "plover", tmp_path / "events.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert len(records) >= 10
    for record in records:
        assert list(record) == PLOVER_FIELDS
        assert record["event"] in PLOVER_EVENTS
        assert set(record["text_info"]) == {"start", "end"}
        assert set(record["cite_info"]) == {"url", "title", "publication", "coder", "codebook"}
        assert record["actor"] and record["id"]
    analyst = [r for r in records if r["cite_info"]["url"] == "https://example.org/demo/briefing-schedule"]
    assert analyst and analyst[0]["event"] == "CONSULT" and analyst[0]["mode"] == "future"
    assert {analyst[0]["actor"], analyst[0]["recipient"]} == {"Donald Trump", "Vladimir Putin"}
    assert analyst[0]["date"] == "2025-08-15" and analyst[0]["context"] == "diplomatic"
    released = [r for r in records if r["event"] == "RETREAT"]
    assert released and all(r["mode"] == "release" for r in released)
    extracted = [r for r in records if r["text_info"]["start"] is not None]
    assert extracted and all(r["text_info"]["end"] > r["text_info"]["start"] for r in extracted)
