"""Ingest isolates each input (issue 17 item 10): a file that fails is reported by name in one line and the
files after it are still read; a text over spaCy's 1,000,000-character limit is extracted in parts; a
4M-deep JSON file is a one-line error naming the file; ``kg ingest`` exits 1 when some file failed.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kg.api import KnowledgeGraph
from kg.ingest import pipeline
from kg.ingest.pipeline import ingest_paths
from tests.conftest import KG, REPO

SENTENCE = "President Ann Lee met Prime Minister Raj Patel in Geneva on Monday."


def _long_article() -> str:
    """Over 1,000,000 characters with few tokens (cheap to parse), the one claim at the very end."""
    filler = ("Longword" + "x" * 990 + " ") * 1001
    text = "Talks in Geneva\n" + filler + "\n\n" + SENTENCE + "\n"
    assert len(text) > 1_000_000
    return text


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_deep.json").write_text("[" * 4_000_000, encoding="utf-8")
    (folder / "b_long.txt").write_text(_long_article(), encoding="utf-8")
    (folder / "c_good.txt").write_text("Talks\nPresident Omar Diaz met Chancellor Eva Stone in Vienna.", encoding="utf-8")
    return folder


def test_a_failing_file_is_named_and_the_rest_are_ingested(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    with KnowledgeGraph.open("memory:") as graph:
        summary = ingest_paths(graph, [folder])
        assert (summary.failed, summary.documents) == (1, 2), summary.errors
        [error] = summary.errors
        assert error.startswith(f"{folder / 'a_deep.json'}: JSON nested too deeply"), error
        assert "\n" not in error
        rows = graph.select("SELECT ?quote ?start ?end WHERE { ?g dip:evidence ?e . ?e dip:quote ?quote ; "
                            "dip:startOffset ?start ; dip:endOffset ?end . ?g prov:wasDerivedFrom ?d . "
                            "?d dip:title 'Talks in Geneva' }")
    assert rows, "the claim at the end of the long article was not extracted"
    text = _long_article()
    for row in rows:
        assert text[int(row["start"]):int(row["end"])] == row["quote"]


def test_an_extractor_crash_names_the_file_and_the_run_goes_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = pipeline.get_extractor

    class Fragile:
        def __init__(self) -> None:
            self.inner = real("rules")

        def extract(self, document):  # type: ignore[no-untyped-def]
            if "BOOM" in (document.text or ""):
                raise IndexError("list index out of range")
            return self.inner.extract(document)

    monkeypatch.setattr(pipeline, "get_extractor", lambda name: Fragile())
    (tmp_path / "a.txt").write_text("BOOM\nAnn Lee met Raj Patel.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Talks\nAnn Lee met Raj Patel in Geneva.", encoding="utf-8")
    with KnowledgeGraph.open("memory:") as graph:
        summary = ingest_paths(graph, [tmp_path])
    assert (summary.failed, summary.documents) == (1, 1)
    assert summary.errors == [f"{tmp_path / 'a.txt'}: extraction failed: IndexError: list index out of range"]


def test_kg_ingest_reports_the_file_and_exits_1(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_deep.json").write_text("[" * 4_000_000, encoding="utf-8")
    (folder / "b_good.txt").write_text("Talks\nPresident Ann Lee met Prime Minister Raj Patel in Geneva.", encoding="utf-8")
    proc = subprocess.run([*KG, "ingest", str(folder), "--store", str(tmp_path / "store"), "--extractor", "rules"],
                          cwd=REPO, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 1
    errors = [line for line in proc.stderr.splitlines() if line.startswith("error:")]
    assert errors == [f"error: {folder / 'a_deep.json'}: JSON nested too deeply to read "
                      "(an article record is a few levels deep)"], proc.stderr
    assert "documents 1," in proc.stdout
