"""Issue 13's done-when cases, through the real ingest pipeline and extractor (our own follow-up articles)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.events import clusters
from kg.ingest.pipeline import ingest_paths
from kg.query.ask import ask

HERE = Path(__file__).parent / "articles"
SEED = Path(__file__).resolve().parents[2] / "kg" / "samples" / "alaska-summit.txt"
SEED_URL = "https://example.org/news/2025/08/15/trump-putin-alaska-summit"


def summit_cluster(graph):
    trump = graph.find_actor("Donald Trump").canonical_iri()
    putin = graph.find_actor("Vladimir Putin").canonical_iri()
    return [c for c in clusters(graph, actor=trump, other=putin) if c.family in ("meeting", "call")]


@pytest.fixture
def summit(graph):
    ingest_paths(graph, [SEED], published="2025-08-15", url=SEED_URL)
    # the same text under another URL of the same outlet (its AMP page), and a follow-up by another outlet
    copy = ingest_paths(graph, [SEED], published="2025-08-15", url="https://example.org/amp/trump-putin-summit")
    assert (copy.copies, copy.documents, copy.skipped) == (1, 0, 0)
    ingest_paths(graph, [HERE / "summit-followup.txt"], published="2025-08-16",
                 url="https://wire.example.net/2025/08/16/anchorage-summit")
    return graph


def test_seed_copy_and_follow_up_are_one_summit_planned_then_held(summit):
    found = summit_cluster(summit)
    assert len(found) == 1
    c = found[0]
    assert (c.articles, c.outlets, c.sources) == (3, 2, 2)
    assert [h["status"] for h in c.status_history] == ["planned", "held"] and c.status == "held"
    assert [h["day"] for h in c.status_history] == ["2025-08-15", "2025-08-16"]
    assert c.first_date == c.last_date == "2025-08-15" and not c.conflict
    assert sorted(a["url"] for a in c.articles_list) == sorted(
        [SEED_URL, "https://example.org/amp/trump-putin-summit", "https://wire.example.net/2025/08/16/anchorage-summit"])


def test_ingesting_the_same_copy_again_changes_nothing(summit):
    again = ingest_paths(summit, [SEED], published="2025-08-15", url="https://example.org/amp/trump-putin-summit")
    assert (again.copies, again.skipped) == (0, 1)
    assert summit_cluster(summit)[0].articles == 3


def test_a_syndicated_copy_elsewhere_is_another_outlet_but_not_another_source(graph):
    ingest_paths(graph, [SEED], published="2025-08-15", url=SEED_URL)
    ingest_paths(graph, [SEED], published="2025-08-15", url="https://syndicate.example.com/r/trump-putin")
    c = summit_cluster(graph)[0]
    assert (c.articles, c.outlets, c.sources) == (2, 2, 1)


def test_ask_lists_the_summit_once_with_its_sources(summit):
    text = ask(summit, "when is trump meeting with putin").text
    lines = [line for line in text.splitlines() if line.startswith("- ")]
    assert len(lines) == 1, text
    assert lines[0].startswith("- held meeting") and "reported planned -> held" in lines[0]
    assert "3 article(s), 2 independent source(s)" in lines[0]
    assert SEED_URL in text and "wire.example.net" in text


def test_the_pardon_of_16_is_16_persons_in_one_event(summit):
    text = ask(summit, "who did lukashenko pardon").text
    assert "in all: 16 persons, 1 event(s), 1 source(s)" in text, text
    lukashenko = summit.find_actor("Alexander Lukashenko").canonical_iri()
    releases = [c for c in clusters(summit, actor=lukashenko) if c.family == "release"]
    assert len(releases) == 1 and releases[0].count == 16 and releases[0].mentions >= 2


def test_the_thirty_prisoner_article_is_one_pardon_of_30_on_the_friday(graph):
    ingest_paths(graph, [HERE / "pardon-30.txt"], published="2024-07-02", url="https://news.example/by/pardon-30")
    found = [c for c in clusters(graph) if c.family == "release"]
    assert len(found) == 1
    c = found[0]
    assert (c.count, c.first_date, c.last_date, c.articles) == (30, "2024-06-28", "2024-06-28", 1)
    assert len(c.reported_events) == 1 and len(c.reported_events[0]["spans"]) == c.mentions >= 2
    text = ask(graph, "who did lukashenko pardon").text
    assert "in all: 30 persons, 1 event(s), 1 source(s)" in text and "on 2024-06-28" in text, text


def test_cli_lists_and_shows_the_summit(tmp_path, kg_cli):
    store = tmp_path / "store"
    kg_cli("ingest", str(SEED), "--published", "2025-08-15", "--url", SEED_URL, store=store, check=True)
    out = kg_cli("ingest", str(SEED), "--published", "2025-08-15", "--url", "https://example.org/amp/x",
                 store=store, check=True)
    assert "copies 1 (known text, new URL)" in out.stdout
    listed = json.loads(kg_cli("events", "list", "--actor", "Putin", "--with", "Trump", "--format", "json",
                               store=store, check=True).stdout)
    assert len(listed) == 1 and listed[0]["articles"] == 2 and listed[0]["status"] == "planned"
    shown = kg_cli("events", "show", listed[0]["id"], "--format", "table", store=store, check=True).stdout
    assert "https://example.org/amp/x" in shown and "status by reporting day" in shown
    piped = kg_cli("events", "show", listed[0]["id"], store=store, check=True).stdout  # TSV: a row an article
    assert sorted(line.split("\t")[4] for line in piped.splitlines()[1:]) == ["https://example.org/amp/x", SEED_URL]
    bad = kg_cli("events", "show", "nope", store=store)
    assert bad.returncode != 0 and "'nope'" in bad.stderr and len(bad.stderr.strip().splitlines()) == 1
    unknown = kg_cli("events", "show", "0" * 32, store=store)  # a well-formed ID of no event: nothing matched
    assert unknown.returncode == 3 and "neither an event cluster" in unknown.stderr
