"""Benchmark: event clustering throughput and memory (prints a table; not a test).

Generates reported events the way news gives them: events among actor pairs, each reported by one to
five outlets (some announce it as planned a few days before, some leave the date out), then clusters
them with kg.events' incremental clusterer (blocking index + scored match) and reports reports/second,
peak Python memory of the clusterer (tracemalloc, the reports themselves excluded), the number of candidate clusters compared per report, and pairwise
precision/recall against the generated truth.  ``--store-sizes`` also times the stored path
(``kg.events.update``: read the reports by SPARQL, judge, write judgements and the events graph) on an
in-memory store.

    python bench/bench_events.py [--sizes 10000 100000] [--store-sizes 2000]
"""

from __future__ import annotations

import argparse
import random
import time
import tracemalloc
from datetime import date, timedelta
from typing import Any

from kg.events.cluster import Clusterer
from kg.events.evaluate import scores
from kg.events.reported import Reported, replay_order

CITIES = ["Geneva", "Vienna", "Oslo", "Doha", "Nairobi", "Lisbon", "Helsinki", "Singapore", "Anchorage", "Minsk"]


def generate(reports: int, seed: int = 7) -> tuple[list[Reported], dict[str, str]]:
    """``reports`` reported events of about ``reports / 3`` events; returns them and id -> true event."""
    rnd = random.Random(seed)
    actors = [f"https://w3id.org/diplomacy-kg/id/actor/person/a{i}" for i in range(max(20, reports // 20))]
    out: list[Reported] = []
    truth: dict[str, str] = {}
    event = 0
    while len(out) < reports:
        event += 1
        a, b = rnd.sample(actors, 2)
        day = date(2020, 1, 1) + timedelta(days=rnd.randrange(365 * 6))
        place = rnd.choice(CITIES)
        family = rnd.choice(["meets", "meets", "talksWith", "pardons", "sanctions"])
        etype = {"meets": "Meeting", "talksWith": "Call", "pardons": "Pardon", "sanctions": "SanctionsAction"}[family]
        for k in range(rnd.randint(1, 5)):
            i = len(out)
            planned = k == 0 and rnd.random() < 0.3
            undated = rnd.random() < 0.1
            published = day - timedelta(days=rnd.randint(2, 6)) if planned else day + timedelta(days=rnd.randint(0, 2))
            out.append(Reported(
                id=f"{i:032x}", relation=family, type=etype, status="planned" if planned else "held",
                date=None if undated else day, date_basis=None if undated else "explicit",
                place=None if rnd.random() < 0.3 else place, count=None, time=None,
                participants=frozenset({a, b}), document=f"d{i}", url=f"https://o{rnd.randrange(50)}.example/{i}",
                publisher=None, published=published, recorded="2025-01-01T00:00:00"))
            truth[out[-1].id] = f"e{event}"
            if len(out) >= reports:
                break
    return out, truth


def bench(reports: int) -> dict[str, Any]:
    items, truth = generate(reports)
    ordered = sorted(items, key=replay_order)
    start = time.perf_counter()
    judgements = Clusterer().feed(ordered)  # timed without tracemalloc (it slows Python down)
    seconds = time.perf_counter() - start
    tracemalloc.start()
    clusterer = Clusterer()
    compared = 0
    for r in ordered:
        compared += sum(1 for _ in clusterer.candidates(r))
        clusterer.assign(r)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    anchor = {j.b: j.a for j in judgements}
    predicted = {k: anchor.get(v, v) for k, v in anchor.items()}
    while True:  # follow links to the anchor
        nxt = {k: anchor.get(v, v) for k, v in predicted.items()}
        if nxt == predicted:
            break
        predicted = nxt
    quality = scores(truth, predicted)
    return {"reports": reports, "clusters": len(set(predicted.values())), "events": len(set(truth.values())),
            "seconds": seconds, "per_second": reports / seconds, "peak_mb": peak / 2**20,
            "candidates": compared / reports, "precision": quality["precision"], "recall": quality["recall"]}


def bench_store(reports: int) -> dict[str, Any]:
    """Time kg.events.update on an in-memory store holding ``reports`` analyst claims."""
    from kg.api import KnowledgeGraph
    from kg.events import update
    from kg.model.inputs import ClaimInput

    items, _ = generate(reports)
    graph = KnowledgeGraph.open("memory:")
    claims = [ClaimInput(subject=sorted(r.participants)[0].rsplit("/", 1)[-1].upper(),
                         relation=r.relation, object=sorted(r.participants)[1].rsplit("/", 1)[-1].upper(),
                         status=r.status, date=r.date.isoformat() if r.date else None, place=r.place,
                         published=r.published.isoformat() if r.published else None, source=r.url or "https://x.example",
                         quote=f"report {r.id}")
              for r in items]
    start = time.perf_counter()
    graph.assert_claims(claims)
    load = time.perf_counter() - start
    start = time.perf_counter()
    n = update(graph)
    first = time.perf_counter() - start
    start = time.perf_counter()
    update(graph)
    again = time.perf_counter() - start
    return {"reports": reports, "stored_in": load, "update_s": first, "judged": n, "noop_update_s": again}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--store-sizes", type=int, nargs="*", default=[2_000])
    args = parser.parse_args()
    print("| reports | events (truth) | clusters | seconds | reports/s | peak MB | candidates/report | precision | recall |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for size in args.sizes:
        r = bench(size)
        p = "—" if r["precision"] is None else f"{r['precision']:.3f}"
        rc = "—" if r["recall"] is None else f"{r['recall']:.3f}"
        print(f"| {r['reports']:,} | {r['events']:,} | {r['clusters']:,} | {r['seconds']:.2f} | {r['per_second']:,.0f} | "
              f"{r['peak_mb']:.1f} | {r['candidates']:.2f} | {p} | {rc} |", flush=True)
    if args.store_sizes:
        print()
        print("| reports in the store | assert_claims (s) | kg.events.update (s) | judged | update again, nothing new (s) |")
        print("|---:|---:|---:|---:|---:|")
        for size in args.store_sizes:
            r = bench_store(size)
            print(f"| {r['reports']:,} | {r['stored_in']:.1f} | {r['update_s']:.1f} | {r['judged']:,} | {r['noop_update_s']:.1f} |",
                  flush=True)


if __name__ == "__main__":
    main()
