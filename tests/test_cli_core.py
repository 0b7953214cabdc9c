"""The core commands through the real ``kg`` executable."""

from __future__ import annotations

import json

import pytest

from tests.conftest import run_kg

SUMMIT = ["Donald Trump", "meets", "Vladimir Putin", "--source", "https://example.org/a", "--quote", "They will meet.",
          "--date", "2025-08-15", "--place", "Anchorage", "--reliability", "B", "--credibility", "2", "--analyst", "alice"]
MEETS = ("SELECT ?la ?lb WHERE { ?a dip:meets ?b . ?a rdfs:label ?la . ?b rdfs:label ?lb }")
PROV = ("SELECT ?url ?who ?rel ?cred WHERE { GRAPH ?g { ?a dip:meets ?b } ?g prov:wasDerivedFrom ?d ; "
        "prov:wasAttributedTo ?ag ; dip:sourceReliability ?rel ; dip:informationCredibility ?cred . "
        "?d dip:url ?url . ?ag rdfs:label ?who }")


def _bindings(out: str) -> list[dict[str, str]]:
    data = json.loads(out)
    return [{k: v["value"] for k, v in b.items()} for b in data["results"]["bindings"]]


def test_help_lists_the_commands():
    out = run_kg("--help", check=True).stdout
    for command in ("assert", "retract", "history", "query", "show", "export", "import", "stats"):
        assert command in out


def test_assert_query_retract_history(tmp_path):
    store = tmp_path / "store"
    aid = run_kg("assert", *SUMMIT, store=store, check=True).stdout.strip()
    assert len(aid) == 32
    rows = _bindings(run_kg("query", MEETS, "--format", "json", store=store, check=True).stdout)
    assert {"la": "Donald Trump", "lb": "Vladimir Putin"} in rows
    prov = _bindings(run_kg("query", PROV, "--format", "json", store=store, check=True).stdout)
    assert prov[0] == {"url": "https://example.org/a", "who": "alice", "rel": "B", "cred": "2"}
    run_kg("retract", aid, "--reason", "test", store=store, check=True)
    assert _bindings(run_kg("query", MEETS, "--format", "json", store=store, check=True).stdout) == []
    history = run_kg("history", aid, store=store, check=True).stdout
    assert "asserted" in history and "retracted" in history


def test_show_groups_by_relation_with_source_and_grade(tmp_path):
    store = tmp_path / "store"
    run_kg("assert", *SUMMIT, store=store, check=True)
    out = run_kg("show", "Putin", "--format", "json", store=store, check=True).stdout
    data = json.loads(out)
    assert data["actor"] == "Vladimir Putin"
    assert data["assertions"][0]["source"] == "https://example.org/a"
    assert data["assertions"][0]["grade"] == "B2"


def _dump(store) -> str:
    return run_kg("export", "--format", "nq", store=store, check=True).stdout


@pytest.mark.parametrize("args, message", [
    (["A", "meets", "B"], "--source"),
    (["A", "meet", "B", "--source", "https://x.org"], "relation"),
    (["A", "meets", "B", "--source", "not a url"], "source"),
    (["A", "meets", "B", "--source", "https://x.org", "--date", "15/08/2025"], "date"),
    (["A", "meets", "B", "--source", "https://x.org", "--reliability", "G"], "reliability"),
    (["A", "meets", "B", "--source", "https://x.org", "--credibility", "9"], "credibility"),
])
def test_bad_assertions_fail_with_one_line_and_change_nothing(tmp_path, args, message):
    store = tmp_path / "store"
    run_kg("assert", *SUMMIT, store=store, check=True)
    before = _dump(store)
    proc = run_kg("assert", *args, store=store)
    assert proc.returncode != 0
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0] and "Traceback" not in proc.stderr
    assert _dump(store) == before


def test_sparql_syntax_error_has_position(tmp_path):
    proc = run_kg("query", "SELECT ?x WHERE { ?x ?p }", store=tmp_path / "s")
    assert proc.returncode == 1
    assert proc.stderr.startswith("error: SPARQL syntax error") and "1:" in proc.stderr


def test_import_malformed_trig_names_line_and_writes_nothing(tmp_path):
    store = tmp_path / "store"
    run_kg("assert", *SUMMIT, store=store, check=True)
    before = _dump(store)
    bad = tmp_path / "bad.trig"
    bad.write_text("<http://a> <http://b> <http://c> .\n<http://a> <http://b> .\n")
    proc = run_kg("import", str(bad), store=store)
    assert proc.returncode == 1 and "bad.trig" in proc.stderr and "line 2" in proc.stderr
    assert _dump(store) == before


def test_store_path_that_is_a_file(tmp_path):
    path = tmp_path / "file"
    path.write_text("x")
    proc = run_kg("stats", store=path)
    assert proc.returncode == 1 and "is a file" in proc.stderr


def test_locked_store_is_reported_with_pid(tmp_path):
    from kg.store import open_store

    held = open_store(str(tmp_path / "store"))
    try:
        proc = run_kg("stats", store=tmp_path / "store")
        assert proc.returncode == 1 and "locked by PID" in proc.stderr
    finally:
        held.close()


def test_export_import_round_trip_via_cli(tmp_path):
    store = tmp_path / "a"
    run_kg("assert", *SUMMIT, store=store, check=True)
    out = tmp_path / "dump.trig"
    run_kg("export", "--format", "trig", "--out", str(out), store=store, check=True)
    run_kg("import", str(out), store=tmp_path / "b", check=True)
    assert sorted(_dump(tmp_path / "b").splitlines()) == sorted(_dump(store).splitlines())


def test_bulk_file_with_a_bad_row_writes_nothing(tmp_path):
    claims = tmp_path / "claims.csv"
    claims.write_text("subject,relation,object,source\nA B,meets,C D,https://x.org/1\nE F,meets,G H,\n")
    proc = run_kg("assert", "--file", str(claims), store=tmp_path / "s")
    assert proc.returncode == 1 and "row 3" in proc.stderr and "source" in proc.stderr
    assert _dump(tmp_path / "s") == ""
    proc = run_kg("assert", "--file", str(claims), "--skip-invalid", store=tmp_path / "s")
    assert proc.returncode == 1 and len(proc.stdout.split()) == 1
