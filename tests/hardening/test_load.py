"""Load, CI-sized: 10 concurrent SPARQL clients against the real ``kg serve`` for 5 s (0 errors, p50/p95 printed),
and RSS growth while ingesting 300 generated articles into an embedded store stays bounded.

The long versions are bench/bench_load.py (50 clients x 30 s) and bench/bench_soak.py (10,000 articles).
"""

from __future__ import annotations

import os

import pytest

from kg.api import KnowledgeGraph
from kg.ingest.pipeline import ingest_paths
from tests.conftest import REPO
from tests.hardening._common import kg_serve
from tests.hardening._load import ingest_with_rss, run_clients, write_articles

CLIENTS = int(os.environ.get("KG_LOAD_CLIENTS", "10"))
SECONDS = float(os.environ.get("KG_LOAD_SECONDS", "5"))


@pytest.mark.server
def test_concurrent_sparql_clients(tmp_path):
    store = tmp_path / "store"
    with KnowledgeGraph.open(str(store)) as graph:
        assert ingest_paths(graph, [REPO / "data" / "samples"]).documents > 0
    with kg_serve(str(store)) as base:
        result = run_clients(base, CLIENTS, SECONDS)
    print(f"\nload: {result.summary()}")
    assert result.errors == [], result.errors[:5]
    assert result.requests > CLIENTS * 5
    assert result.pct(0.95) < 2000, result.summary()


def test_rss_stays_bounded_while_ingesting(tmp_path):
    write_articles(tmp_path / "articles", 300)
    samples, _, seconds = ingest_with_rss(str(tmp_path / "store"), tmp_path / "articles", every=50)
    warm = samples[1][1]  # after the first 50 (spaCy-free rules extractor, gazetteer and RocksDB warmed up)
    growth = samples[-1][1] - warm
    print(f"\ningest: 300 articles in {seconds:.1f} s; RSS MB by articles: {samples}; growth after warm-up {growth:.1f} MB")
    assert growth < 60, f"RSS grew {growth:.1f} MB over 250 articles: {samples}"
    with KnowledgeGraph.open(str(tmp_path / "store")) as graph:
        assert graph.stats()["documents"] == 300


def test_iri_cache_is_bounded():
    from kg.rdf.terms import iri

    assert iri.cache_info().maxsize is not None
