"""`kg analyze` pipes like every listing command: TSV by default in a pipe, full values, and each --format."""

from __future__ import annotations

import csv
import io
import json

import pytest

from tests.analysis.test_cli import store  # noqa: F401 - the sample network's store (a module fixture)


def test_path_in_a_pipe_is_tsv_with_full_sources(kg_cli, store):
    rows = json.loads(kg_cli("analyze", "path", "Alice", "Erik", "--format", "json", store=store, check=True).stdout)
    piped = kg_cli("analyze", "path", "Alice", "Erik", store=store, check=True).stdout.splitlines()
    assert piped[0].split("\t") == ["from", "direction", "relation", "to", "date", "status", "grade", "assertion",
                                    "quote", "source"]
    assert len(piped) == len(rows) + 1
    for line, row in zip(piped[1:], rows):
        cells = line.split("\t")
        assert cells[7] == row["assertion"] and cells[9] == row["source"]  # whole IDs and URLs, one line each


@pytest.mark.parametrize("command", [["centrality"], ["brokers"], ["communities"], ["ego", "Carla"],
                                     ["change", "--from-period", "2024", "--to-period", "2025"]])
def test_every_format(kg_cli, store, command):
    as_json = json.loads(kg_cli("analyze", *command, "--format", "json", store=store, check=True).stdout)
    assert isinstance(as_json, list) and as_json
    lines = kg_cli("analyze", *command, "--format", "jsonl", store=store, check=True).stdout.splitlines()
    assert [json.loads(line) for line in lines] == as_json
    table = list(csv.reader(io.StringIO(kg_cli("analyze", *command, "--format", "csv", store=store, check=True).stdout)))
    tsv = kg_cli("analyze", *command, "--format", "tsv", store=store, check=True).stdout.splitlines()
    assert len(table) == len(tsv) == len(as_json) + 1 and table[0] == tsv[0].split("\t")


def test_nothing_found_prints_the_header_and_says_so_on_stderr(kg_cli, store):
    proc = kg_cli("analyze", "centrality", "--since", "1900", "--until", "1901", store=store)
    assert proc.returncode == 0 and proc.stdout.startswith("actor\ttype\t") and len(proc.stdout.splitlines()) == 1
    assert "no results" in proc.stderr
