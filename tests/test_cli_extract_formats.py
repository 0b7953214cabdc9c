"""`kg extract` pipes like every listing command: TSV in a pipe, and every --format (the rules extractor: no model)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from tests.conftest import run_kg


def test_extract_formats(tmp_path: Path) -> None:
    article = tmp_path / "talks.txt"
    article.write_text("Emmanuel Macron met Olaf Scholz in Paris on 3 March 2024, the Elysee said.\n"
                       "Olaf Scholz called Joe Biden on 4 March 2024.\n", encoding="utf-8")
    base = ("extract", str(article), "--extractor", "rules")
    records = [json.loads(line) for line in run_kg(*base, "--format", "jsonl", check=True).stdout.splitlines()]
    assert records and {r["relation"] for r in records} >= {"meets"}
    assert json.loads(run_kg(*base, "--format", "json", check=True).stdout) == records
    piped = run_kg(*base, check=True).stdout.splitlines()  # no --format in a pipe: TSV
    assert piped[0].split("\t")[:4] == ["source", "relation", "subject", "object"] and len(piped) == len(records) + 1
    assert all(line.split("\t")[0] == str(article) for line in piped[1:])
    rows = list(csv.DictReader(io.StringIO(run_kg(*base, "--format", "csv", check=True).stdout)))
    assert [(r["relation"], r["subject"]) for r in rows] == [(r["relation"], r["subject"]["label"]) for r in records]
    bad = run_kg(*base, "--format", "xml")
    assert bad.returncode == 2 and "--format" in bad.stderr
