"""Load benchmark: N concurrent SPARQL clients (threads, httpx) against the real ``kg serve`` on loopback.

Builds an embedded store from the bundled samples plus generated articles, starts ``kg serve`` on
127.0.0.1, runs the clients for a bounded time and prints requests, errors, req/s and p50/p95 latency.
Not a test (the CI-sized version is tests/hardening/test_load.py).

    python bench/bench_load.py [--clients 50] [--seconds 30] [--articles 500]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from kg.api import KnowledgeGraph  # noqa: E402
from kg.ingest.pipeline import ingest_paths  # noqa: E402
from tests.hardening._common import kg_serve  # noqa: E402
from tests.hardening._load import run_clients, write_articles  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--articles", type=int, default=500)
    args = parser.parse_args()
    if not 1 <= args.clients <= 500 or not 0 < args.seconds <= 600:
        parser.error("clients must be 1-500 and seconds at most 600")
    with tempfile.TemporaryDirectory() as tmp:
        store = Path(tmp) / "store"
        write_articles(Path(tmp) / "articles", args.articles)
        with KnowledgeGraph.open(str(store)) as graph:
            ingest_paths(graph, [REPO / "data" / "samples", Path(tmp) / "articles"])
            quads = len(graph.store)
        print(f"store: {quads} quads; {args.clients} clients for {args.seconds:g} s against kg serve on loopback")
        with kg_serve(str(store)) as base:
            result = run_clients(base, args.clients, args.seconds)
    print(result.summary())
    for error in result.errors[:10]:
        print("  error:", error)
    return 1 if result.errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
