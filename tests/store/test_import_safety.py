"""`kg import` never touches a stored assertion and writes all or nothing (issue 17, item 3)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run_kg

DIP = "https://w3id.org/diplomacy-kg/ontology#"
NEW_GRAPH = "https://w3id.org/diplomacy-kg/id/assertion/" + "ab" * 16


@pytest.fixture
def claimed(tmp_path: Path) -> tuple[Path, str]:
    store = tmp_path / "store"
    aid = run_kg("assert", "Donald Trump", "meets", "Vladimir Putin", "--source", "https://example.org/a",
                 "--quote", "Trump met Putin.", "--reliability", "B", "--credibility", "2", store=store,
                 check=True).stdout.strip()
    return store, aid


def _nquads(store: Path) -> str:
    return run_kg("export", "--format", "nq", store=store, check=True).stdout


def _refused(store: Path, path: Path, text: str, message: str) -> None:
    path.write_text(text, encoding="utf-8")
    before = _nquads(store)
    proc = run_kg("import", str(path), store=store)
    assert proc.returncode == 1 and message in proc.stderr and str(path) in proc.stderr, proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1
    assert _nquads(store) == before  # nothing written


@pytest.mark.parametrize("bulk", ["--no-bulk", "--bulk"])
def test_a_graph_named_like_a_stored_assertion_is_refused(claimed: tuple[Path, str], tmp_path: Path,
                                                          bulk: str) -> None:
    store, aid = claimed
    g = f"https://w3id.org/diplomacy-kg/id/assertion/{aid}"
    path = tmp_path / "rewrite.trig"
    path.write_text(f"<{g}> {{ <https://w3id.org/diplomacy-kg/id/actor/Q22686> <{DIP}sanctions> "
                    f"<https://w3id.org/diplomacy-kg/id/actor/Q7747> . }}\n", encoding="utf-8")
    before = _nquads(store)
    proc = run_kg("import", bulk, str(path), store=store)
    assert proc.returncode == 1 and "already exists" in proc.stderr, proc.stderr
    assert _nquads(store) == before
    history = run_kg("history", aid, "--format", "json", store=store, check=True).stdout
    assert len(json.loads(history)) == 1


def test_triples_about_a_stored_assertion_are_refused(claimed: tuple[Path, str], tmp_path: Path) -> None:
    store, aid = claimed
    g = f"https://w3id.org/diplomacy-kg/id/assertion/{aid}"
    _refused(store, tmp_path / "grade.nt", f'<{g}> <{DIP}sourceReliability> "A" .\n', "stored assertion")
    _refused(store, tmp_path / "record.nt", f"<https://example.org/rec> <{DIP}about> <{g}> .\n", "stored assertion")


def test_blank_node_and_reserved_graph_names_are_refused(claimed: tuple[Path, str], tmp_path: Path) -> None:
    store, _ = claimed
    triple = '<https://example.org/a> <https://example.org/p> "x"'
    _refused(store, tmp_path / "blank.nq", f"{triple} _:g1 .\n", "blank node")
    _refused(store, tmp_path / "reserved.nq", f"{triple} <https://w3id.org/diplomacy-kg/id/actor/Q7747> .\n",
             "reserved")


def test_a_bad_value_anywhere_writes_nothing(claimed: tuple[Path, str], tmp_path: Path) -> None:
    store, _ = claimed
    good = "".join(f'<https://example.org/s{i}> <https://example.org/p> "v{i}" <{NEW_GRAPH}> .\n' for i in range(50))
    bad = f'<https://example.org/ev> <{DIP}startOffset> "-3"^^<http://www.w3.org/2001/XMLSchema#integer> .\n'
    for flag in ("--bulk", "--no-bulk"):
        path = tmp_path / f"late{flag}.nq"
        path.write_text(good + bad, encoding="utf-8")
        before = _nquads(store)
        proc = run_kg("import", flag, str(path), store=store)
        assert proc.returncode == 1 and "startOffset" in proc.stderr, proc.stderr
        assert _nquads(store) == before


def test_the_bulk_loader_loads_a_new_graph(claimed: tuple[Path, str], tmp_path: Path) -> None:
    store, aid = claimed
    path = tmp_path / "new.nq"
    path.write_text("".join(f'<https://example.org/s{i}> <https://example.org/p> "v{i}" <{NEW_GRAPH}> .\n'
                            for i in range(1000)), encoding="utf-8")
    proc = run_kg("import", "--bulk", str(path), store=store)
    assert proc.returncode == 0 and "imported 1000 quads (1000 new, 1 graphs)" in proc.stdout and "bulk" in proc.stdout
    counted = run_kg("query", f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{NEW_GRAPH}> {{ ?s ?p ?o }} }}",
                     "--format", "json", store=store, check=True)
    assert json.loads(counted.stdout)["results"]["bindings"][0]["n"]["value"] == "1000"
    assert run_kg("history", aid, store=store).returncode == 0


def test_importing_the_same_export_again_changes_nothing(claimed: tuple[Path, str], tmp_path: Path) -> None:
    store, _ = claimed
    dump = tmp_path / "all.trig"
    run_kg("export", "--format", "trig", "--out", str(dump), store=store, check=True)
    before = _nquads(store)
    again = run_kg("import", str(dump), store=store)
    assert again.returncode == 0 and "(0 new," in again.stdout, again.stderr
    assert _nquads(store) == before
