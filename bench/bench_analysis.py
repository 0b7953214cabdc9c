"""Benchmark: projection, centrality and communities; HTML pages and their time to stabilise (prints figures; not a test).

1. Store projection: ``--actors`` sizes (default 1,000 and 10,000) with 10x as many
   analyst assertions written to an in-memory store, then ``project()`` (SPARQL).
   Sizes above ``--store-max`` (default 1,000) skip the store, whose writes take
   minutes at 100k assertions, and analyse a projection-shaped synthetic network.
2. Analysis of the projected network: centrality (degree, sampled betweenness,
   eigenvector, PageRank) and Louvain communities.
3. Pages of 100 / 500 / 2,000 actors: HTML generation, then the time headless
   Chromium takes until the page reports ready (stabilised, or drawn with physics off).

    python bench/bench_analysis.py [--actors 1000 10000] [--pages 100 500 2000] [--no-browser]

Goals: 10k actors analysed <= 5 s; any page stabilised <= 3 s.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def build_store(n_actors: int, n_assertions: int, seed: int = 1):  # type: ignore[no-untyped-def]
    """An in-memory store with ``n_assertions`` analyst assertions among ``n_actors`` actors."""
    from kg.api import KnowledgeGraph
    from kg.model import ActorRef, Assertion, Claim, Document, Evidence, Grade
    from kg.model.core import RELATIONS

    rng = random.Random(seed)
    actors = [ActorRef(f"Bench Actor {i}", "Country" if i % 5 == 0 else "Person") for i in range(n_actors)]
    graph = KnowledgeGraph.open("memory:")
    batch: list = []
    doc = Document.from_url("https://example.org/bench")
    size = max(1, n_actors // 8)
    for i in range(n_assertions):
        u = rng.randrange(n_actors)
        v = (u // size) * size + rng.randrange(size) if rng.random() < 0.85 else rng.randrange(n_actors)
        v = min(v, n_actors - 1)
        if v == u:
            v = (u + 1) % n_actors
        claim = Claim(rng.choice(RELATIONS), actors[u], actors[v], status=rng.choice(("held",) * 8 + ("planned", "refused")),
                      date=f"{rng.choice((2024, 2025))}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}")
        batch.append(Assertion(claim, doc, asserted_by="analyst:bench", evidence=Evidence(f"quote {i}"),
                               grade=Grade("B", 2), review_status="accepted"))
        if len(batch) == 5000:
            graph.add_document(doc, batch)
            batch = []
    if batch:
        graph.add_document(doc, batch)
    return graph


CPU: dict[str, float] = {}


def timed(fn, *args, **kwargs):  # type: ignore[no-untyped-def]
    """(result, wall seconds); CPU seconds of the last call go to CPU["last"] (the box may be shared)."""
    start, cpu = time.perf_counter(), time.process_time()
    result = fn(*args, **kwargs)
    CPU["last"] = time.process_time() - cpu
    return result, time.perf_counter() - start


def bench_analysis(sizes: list[int], store_max: int) -> list[dict]:
    from kg.analysis import centrality, communities, interaction_graph, project
    from kg.analysis.synthetic import synthetic_network

    rows = []
    for n in sizes:
        if n <= store_max:
            graph, t_build = timed(build_store, n, 10 * n)
            G, t_project = timed(project, graph)
            graph.close()
        else:  # writing 10x n assertions through the store takes minutes: use a projection-shaped network
            G, t_build, t_project = synthetic_network(n, 10 * n, seed=n), None, None
        W, t_interaction = timed(interaction_graph, G)
        cpu = CPU["last"]
        _, t_centrality = timed(centrality, W)
        cpu += CPU["last"]
        parts, t_communities = timed(communities, W)
        cpu += CPU["last"]
        rows.append({"actors": G.number_of_nodes(), "assertions": 10 * n, "edges": G.number_of_edges(),
                     "build_store_s": t_build, "project_s": t_project, "interaction_s": t_interaction,
                     "centrality_s": t_centrality, "communities_s": t_communities,
                     "communities": len(set(parts.values())),
                     "analysed_s": t_interaction + t_centrality + t_communities, "analysed_cpu_s": cpu})
        print(_fmt(rows[-1]), flush=True)
    return rows


def bench_pages(sizes: list[int], browser: bool) -> list[dict]:
    from kg.analysis.synthetic import synthetic_network
    from kg.viz import render_network

    rows = []
    tmp = Path(tempfile.mkdtemp(prefix="kg-bench-"))
    pages = []
    for n in sizes:
        G = synthetic_network(n, 2 * n, seed=n)
        view, t_html = timed(render_network, G, max_nodes=n)
        path = view.save(tmp / f"page-{n}.html")
        pages.append((n, path))
        rows.append({"nodes": n, "edges": G.number_of_edges(), "html_s": t_html, "bytes": path.stat().st_size,
                     "physics": n <= 150, "ready_s": None})
    if browser and Path(CHROMIUM).exists():
        from playwright.sync_api import sync_playwright

        with sync_playwright() as p:
            instance = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            for row, (n, path) in zip(rows, pages):
                page = instance.new_page()
                page.route("**/*", lambda r: r.abort() if r.request.url.startswith("http") else r.continue_())
                start = time.perf_counter()
                page.goto(path.as_uri())
                page.wait_for_function("() => window.kgReady === true", timeout=60000)
                row["ready_s"] = time.perf_counter() - start
                page.close()
            instance.close()
    for row in rows:
        print(_fmt(row), flush=True)
    return rows


def _fmt(row: dict) -> str:
    return "  ".join(f"{k}={v:.2f}" if isinstance(v, float) else f"{k}={v}" for k, v in row.items())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actors", type=int, nargs="*", default=[1000, 10000])
    parser.add_argument("--pages", type=int, nargs="*", default=[100, 500, 2000])
    parser.add_argument("--store-max", type=int, default=1000, help="Largest size built through a real store.")
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args()
    print("## analysis (store -> projection -> centrality + communities)")
    analysis = bench_analysis(args.actors, args.store_max)
    print("## pages (HTML generation, time to ready in headless Chromium)")
    pages = bench_pages(args.pages, browser=not args.no_browser)
    print("\n| actors | assertions | edges | build store s | project s | interaction graph s | centrality s "
          "| communities s | analysed s (wall) | analysed s (CPU) |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for r in analysis:
        store = f"{r['build_store_s']:.1f}" if r["build_store_s"] is not None else "synthetic"
        project_s = f"{r['project_s']:.2f}" if r["project_s"] is not None else "n/a"
        print(f"| {r['actors']:,} | {r['assertions']:,} | {r['edges']:,} | {store} | {project_s} | {r['interaction_s']:.2f} "
              f"| {r['centrality_s']:.2f} | {r['communities_s']:.2f} | {r['analysed_s']:.2f} | {r['analysed_cpu_s']:.2f} |")
    print("\n| nodes | edges | HTML s | size | physics | ready in browser s |")
    print("|---|---|---|---|---|---|")
    for r in pages:
        ready = f"{r['ready_s']:.2f}" if r["ready_s"] is not None else "n/a"
        print(f"| {r['nodes']:,} | {r['edges']:,} | {r['html_s']:.2f} | {r['bytes'] / 1e6:.1f} MB | {'on' if r['physics'] else 'off'} | {ready} |")


if __name__ == "__main__":
    main()
