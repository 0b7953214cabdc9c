"""Bad input is rejected with a one-line message naming the field, and nothing is written."""

from __future__ import annotations

import pytest
from pydantic import ValidationError
from pyoxigraph import RdfFormat

from kg.desk import grading
from kg.desk.claims_file import ClaimsFileError, parse_claims_text
from kg.model.inputs import ClaimInput, one_line_error

GOOD = dict(subject="Donald Trump", relation="meets", object="Vladimir Putin", source="https://example.org/a",
            quote="Trump met Putin.", date="2025-08-15")


@pytest.mark.parametrize("change, message", [
    ({"source": None}, r"^source: Field required"),
    ({"source": ""}, r"^source: a source is required"),
    ({"source": "not a url"}, r"^source: 'not a url' is not a URL"),
    ({"relation": "meet"}, r"^relation: unknown relation 'meet'; did you mean meets"),
    ({"relation": "sanction"}, r"^relation: unknown relation 'sanction'; did you mean sanctions"),
    ({"reliability": "G"}, r"^reliability: 'G' is not a source reliability grade A-F"),
    ({"credibility": 7}, r"^credibility: 7 is not an information credibility grade 1-6"),
    ({"credibility": 0}, r"^credibility: 0 is not"),
    ({"date": "15/08/2025"}, r"^date: "),
])
def test_bad_claims_are_rejected_and_nothing_is_written(graph, change, message):
    graph.assert_claim(ClaimInput(**GOOD))
    before = graph.export(RdfFormat.N_QUADS)
    data = {k: v for k, v in {**GOOD, **change}.items() if v is not None}
    with pytest.raises((ValidationError, ValueError)) as info:
        graph.assert_claim(ClaimInput(**data))
    assert pytest.importorskip("re").match(message, one_line_error(info.value)), one_line_error(info.value)
    assert "\n" not in one_line_error(info.value)
    assert graph.export(RdfFormat.N_QUADS) == before


def test_csv_with_a_missing_column_names_it_and_writes_nothing(graph):
    before = graph.export(RdfFormat.N_QUADS)
    with pytest.raises(ClaimsFileError, match=r"claims.csv: missing column\(s\) source"):
        parse_claims_text("subject,relation,object\nA,meets,B\n", "claims.csv")
    assert graph.export(RdfFormat.N_QUADS) == before


def test_grades_out_of_range_in_the_registry(graph):
    aid = graph.assert_claim(ClaimInput(**GOOD))
    before = graph.export(RdfFormat.N_QUADS)
    for call, field in ((lambda: grading.set_source_grade(graph, "example.org", "Z", reason="r"), "grade"),
                        (lambda: grading.override_credibility(graph, aid, 9, reason="r"), "credibility")):
        with pytest.raises(ValueError, match=f"^{field}: "):
            call()
    assert graph.export(RdfFormat.N_QUADS) == before


@pytest.mark.parametrize("args, message", [
    (["assert", "Donald Trump", "meets", "Vladimir Putin"], "error: --source: a source is required"),
    (["assert", "A", "meets", "B", "--source", "nope"], "error: source: 'nope' is not a URL"),
    (["assert", "A", "meet", "B", "--source", "https://x.org"], "error: relation: unknown relation 'meet'; did you mean meets?"),
    (["assert", "A", "meets", "B", "--source", "https://x.org", "--reliability", "G"], "error: reliability: "),
    (["assert", "A", "meets", "B", "--source", "https://x.org", "--credibility", "9"], "error: credibility: "),
    (["sources", "set", "example.org", "Q", "--reason", "r"], "error: grade: "),
    (["grade", "0" * 32, "--credibility", "7", "--reason", "r"], "error: credibility: "),
    (["review", "reject", "0" * 32, "--reason", "r"], "error: no assertion with ID"),
    (["review", "accept-all", "--min-conf", "3"], "error: --min-conf: "),
    (["diff", "--from", "yesterday", "--to", "2025-01-01"], "error: when: "),
])
def test_cli_rejects_bad_input_in_one_line(tmp_path, kg_cli, args, message):
    from kg.api import KnowledgeGraph

    store = tmp_path / "store"
    with KnowledgeGraph.open(str(store)) as graph:
        graph.assert_claim(ClaimInput(**GOOD))
        before = graph.export(RdfFormat.N_QUADS)
    proc = kg_cli(*args, store=store)
    no_match = message.startswith("error: no assertion with ID")  # exit 3: nothing matched the ID (docs/cli.md)
    assert proc.returncode == (3 if no_match else 1) and proc.stderr.startswith(message), proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1
    with KnowledgeGraph.open(str(store)) as graph:
        assert graph.export(RdfFormat.N_QUADS) == before


def test_cli_csv_missing_column(tmp_path, kg_cli):
    path = tmp_path / "claims.csv"
    path.write_text("subject,relation,object\nA,meets,B\n", encoding="utf-8")
    proc = kg_cli("assert", "--file", str(path), store=tmp_path / "store")
    assert proc.returncode == 1 and "missing column(s) source" in proc.stderr
