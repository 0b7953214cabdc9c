"""Soak runs, the long versions of tests/hardening (not tests; each prints its figures).

* ``ingest``: 10,000 generated articles through kg.ingest.pipeline.ingest_paths into an embedded store,
  RSS sampled from /proc/self/status after every batch;
* ``fuzz``: the hypothesis fuzz families of tests/hardening with KG_FUZZ_EXAMPLES examples each
  (default 20,000) in a pytest subprocess;
* ``crash``: tests/hardening/test_crash.py with KG_CRASH_KILLS kills per scenario (default 40).

    python bench/bench_soak.py ingest [--articles 10000] [--batch 500]
    python bench/bench_soak.py fuzz [--examples 20000]
    python bench/bench_soak.py crash [--kills 40]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

FUZZ_FILES = ["test_fuzz_readers.py", "test_fuzz_rdf.py", "test_fuzz_claims.py", "test_fuzz_queries.py"]


def soak_ingest(articles: int, batch: int) -> int:
    from kg.api import KnowledgeGraph
    from tests.hardening._load import ingest_with_rss, write_articles

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        write_articles(folder, articles)
        samples, _, seconds = ingest_with_rss(str(Path(tmp) / "store"), folder, every=batch)
        with KnowledgeGraph.open(str(Path(tmp) / "store")) as graph:
            stats = graph.stats()
        size = sum(f.stat().st_size for f in (Path(tmp) / "store").rglob("*") if f.is_file())
    print(f"ingested {articles} articles in {seconds:.0f} s ({articles / seconds:.0f}/s); store {size / 1e6:.0f} MB; {stats}")
    print("articles  RSS MB")
    for n, rss in samples:
        print(f"{n:8d}  {rss:7.1f}")
    warm = samples[1][1]
    half = samples[len(samples) // 2][1]
    print(f"growth after the first batch: {samples[-1][1] - warm:.1f} MB; second half: {samples[-1][1] - half:.1f} MB")
    return 0


def soak_fuzz(examples: int) -> int:
    env = dict(os.environ, KG_FUZZ_EXAMPLES=str(examples))
    cmd = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--hypothesis-show-statistics",
           *[f"tests/hardening/{f}" for f in FUZZ_FILES]]
    return subprocess.call(cmd, cwd=REPO, env=env)


def soak_crash(kills: int) -> int:
    env = dict(os.environ, KG_CRASH_KILLS=str(kills))
    return subprocess.call([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/hardening/test_crash.py"],
                           cwd=REPO, env=env)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="what", required=True)
    p = sub.add_parser("ingest")
    p.add_argument("--articles", type=int, default=10_000)
    p.add_argument("--batch", type=int, default=500)
    p = sub.add_parser("fuzz")
    p.add_argument("--examples", type=int, default=20_000)
    p = sub.add_parser("crash")
    p.add_argument("--kills", type=int, default=40)
    args = parser.parse_args()
    if args.what == "ingest":
        return soak_ingest(args.articles, args.batch)
    if args.what == "fuzz":
        return soak_fuzz(args.examples)
    return soak_crash(args.kills)


if __name__ == "__main__":
    raise SystemExit(main())
