"""Output piped to another program is not wrapped: ``kg show X | grep URL`` finds the whole URL and its row."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import run_kg

LONG_URL = "https://example.org/news/2025/08/15/a-very-long-path/trump-and-putin-to-meet-in-anchorage-alaska?ref=pipes"


def test_piped_tables_keep_each_row_on_one_line(tmp_path: Path) -> None:
    store = tmp_path / "store"
    run_kg("assert", "Donald Trump", "meets", "Vladimir Putin", "--source", LONG_URL, "--quote",
           "Trump will meet Putin in Anchorage on Friday, the White House said in a statement on Tuesday.",
           "--date", "2025-08-15", store=store, check=True)
    out = run_kg("show", "Putin", store=store, check=True).stdout
    rows = [line for line in out.splitlines() if LONG_URL in line]
    assert rows, out
    assert "Anchorage on Friday, the White House said" in rows[0]  # the quote is on the URL's row


def test_analysis_finds_a_name_written_without_its_accents(tmp_path: Path) -> None:
    store = tmp_path / "store"
    run_kg("assert", "Hugo Chávez", "meets", "Barack Obama", "--source", "https://example.org/summit",
           "--quote", "Chávez met Obama at the summit.", store=store, check=True)
    ego = run_kg("analyze", "ego", "Hugo Chavez", store=store)
    assert ego.returncode == 0, ego.stderr
    assert "Barack Obama" in ego.stdout
