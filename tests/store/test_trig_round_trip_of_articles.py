"""A store built from articles survives `kg export --format trig` and `kg import` into an empty store.

Oxigraph stores every integer subtype (the shapes' xsd:nonNegativeInteger offsets and counts) as
xsd:integer, so its dumps carry xsd:integer; the shapes accept either, and never a negative value.
"""

from __future__ import annotations

import json
from pathlib import Path

from rdflib import Dataset
from rdflib.compare import isomorphic

from tests.conftest import REPO, run_kg


def _dataset(path: Path) -> Dataset:
    ds = Dataset()
    ds.parse(path, format="trig")
    return ds


def test_articles_round_trip_through_trig(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    run_kg("ingest", str(REPO / "data" / "samples"), store=first, check=True)
    dump = tmp_path / "dump.trig"
    run_kg("export", "--format", "trig", "--out", str(dump), store=first, check=True)
    assert "endOffset" in dump.read_text(encoding="utf-8")
    imported = run_kg("import", str(dump), store=second)
    assert imported.returncode == 0, imported.stderr
    again = tmp_path / "again.trig"
    run_kg("export", "--format", "trig", "--out", str(again), store=second, check=True)
    a, b = _dataset(dump), _dataset(again)
    assert len(a) == len(b) > 100
    for graph in a.graphs():
        assert isomorphic(graph, b.graph(graph.identifier)), graph.identifier


def test_a_negative_offset_is_refused_and_nothing_is_written(tmp_path: Path) -> None:
    store = tmp_path / "store"
    bad = tmp_path / "bad.trig"
    bad.write_text(
        "@prefix dip: <https://w3id.org/diplomacy-kg/ontology#> .\n"
        "<https://example.org/ev> a dip:Evidence ; dip:quote \"q\" ; dip:startOffset -3 ; dip:endOffset 5 .\n",
        encoding="utf-8")
    proc = run_kg("import", str(bad), store=store)
    assert proc.returncode != 0 and "startOffset" in proc.stderr and len(proc.stderr.strip().splitlines()) == 1
    counted = run_kg("query", "SELECT (COUNT(*) AS ?n) WHERE { ?s dip:quote ?q }", "--format", "json", store=store,
                     check=True)
    assert json.loads(counted.stdout)["results"]["bindings"][0]["n"]["value"] == "0"
