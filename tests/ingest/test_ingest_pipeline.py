"""ingest_paths into a real (in-memory) graph, and the `kg extract` / `kg ingest` commands."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from kg.api import KnowledgeGraph
from kg.ingest.pipeline import ingest_paths

SAMPLES = Path(__file__).resolve().parents[2] / "data" / "samples"


def samples(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    for name in ("alaska-summit.txt", "sanctions.txt", "pardon.txt"):
        shutil.copy(SAMPLES / name, folder / name)
    return folder


def test_ingest_is_idempotent(graph: KnowledgeGraph, tmp_path: Path) -> None:
    folder = samples(tmp_path)
    seen: list[tuple[str, str]] = []
    first = ingest_paths(graph, [folder], published="2025-08-15", on_progress=lambda f, o: seen.append((f, o)))
    assert (first.documents, first.failed, first.skipped) == (3, 0, 0)
    assert first.assertions > 5 and first.actors > 5 and first.events > 5 and first.ok
    assert [o for _, o in seen] == ["ingested"] * 3
    before = graph.stats()
    again = ingest_paths(graph, [folder], published="2025-08-15")
    assert (again.documents, again.skipped, again.assertions) == (0, 3, 0)
    assert graph.stats() == before


def test_one_bad_file_is_reported_and_the_rest_ingested(graph: KnowledgeGraph, tmp_path: Path) -> None:
    folder = samples(tmp_path)
    (folder / "broken.json").write_text(json.dumps({"title": "no text"}))
    summary = ingest_paths(graph, [folder])
    assert (summary.documents, summary.failed, summary.ok) == (3, 1, False)
    assert summary.errors == [f"{folder / 'broken.json'}: record has no 'text'"]


def test_kg_extract_jsonl(kg_cli) -> None:  # type: ignore[no-untyped-def]
    proc = kg_cli("extract", str(SAMPLES / "alaska-summit.txt"), "--format", "jsonl", "--published", "2025-08-15",
                  check=True)
    records = [json.loads(line) for line in proc.stdout.splitlines()]
    meets = [r for r in records if r["relation"] == "meets" and r["status"] == "planned"
             and {r["subject"]["label"].split()[-1], r["object"]["label"].split()[-1]} == {"Trump", "Putin"}
             and r["time"]]
    assert meets and meets[0]["time"] == "11:30" and meets[0]["datetime"] == "2025-08-15T11:30:00-08:00"
    assert all(r["source"] == str(SAMPLES / "alaska-summit.txt") for r in records)
    group = next(r for r in records if r["relation"] == "pardons")
    assert group["object"]["type"] == "Group" and group["object"]["count"] == 16


def test_kg_extract_reads_stdin_and_fails_on_bad_files(kg_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    proc = kg_cli("extract", "-", "--format", "jsonl", input="Talks\nPresident Ann Lee met Raj Patel.", check=True)
    assert json.loads(proc.stdout)["relation"] == "meets"
    (tmp_path / "empty.txt").write_text("")
    proc = kg_cli("extract", str(tmp_path / "empty.txt"), str(SAMPLES / "pardon.txt"), "--format", "table")
    assert proc.returncode == 1 and f"error: {tmp_path / 'empty.txt'}: empty file" in proc.stderr
    assert "4 relations" in proc.stdout and "pardon.txt" in proc.stdout


def test_kg_ingest_twice(kg_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = samples(tmp_path)
    store = tmp_path / "store"
    first = kg_cli("ingest", str(folder), store=store, check=True)
    assert "documents 3, skipped 0" in first.stdout
    second = kg_cli("ingest", str(folder), store=store, check=True)
    assert "documents 0, skipped 3" in second.stdout and "assertions 0" in second.stdout
    (folder / "bad.txt").write_bytes(b"\x00\x00binary")
    third = kg_cli("ingest", str(folder), store=store)
    assert third.returncode == 1 and "binary file" in third.stderr
