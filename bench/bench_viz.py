"""Benchmark: network pages of 1k / 5k / 20k actors, from graph to ready in headless Chromium (prints figures; not a test).

For each size: a synthetic projection-shaped network (2 ties per actor), the
view built in Python (communities, layout, events; past ``--max-nodes`` the
page opens on community groups), the HTML size, then the time headless
Chromium takes from navigation until the page reports ready (``window.kgReady``:
drawn, labels sized), and the time to open the largest group on click.

    python bench/bench_viz.py [--actors 1000 5000 20000] [--max-nodes 500] [--repeat 3] [--no-browser]

Browser figures are the median of ``--repeat`` fresh pages (this machine is shared: single runs vary a lot).

Goal: every page ready <= 3 s in the browser.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def build(n: int, max_nodes: int, out: Path) -> dict[str, float]:
    from kg.analysis.synthetic import synthetic_network
    from kg.viz import render_network

    G = synthetic_network(n, 2 * n, seed=7)
    start = time.perf_counter()
    view = render_network(G, max_nodes=max_nodes)
    built = time.perf_counter() - start
    view.save(out)
    return {"python_s": built, "bytes": out.stat().st_size}


def in_browser(page, path: Path) -> dict[str, float]:  # type: ignore[no-untyped-def]
    requests: list[str] = []
    page.route("**/*", lambda r: (requests.append(r.request.url), r.abort()) if r.request.url.startswith("http")
               else r.continue_())
    start = time.perf_counter()
    page.goto(path.resolve().as_uri())
    page.wait_for_function("() => window.kgReady === true", timeout=120000)
    ready = time.perf_counter() - start
    shown = page.evaluate("window.kgNodes.get().filter(n => !n.hidden).length")
    group = page.evaluate("KG_DATA.groups.length ? KG_DATA.groups[0].id : null")
    opened = 0.0
    if group:
        start = time.perf_counter()
        page.evaluate(f"kgExpandGroup({group!r})")
        page.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
        opened = time.perf_counter() - start
    assert not requests, requests
    return {"ready_s": ready, "shown": shown, "open_group_s": opened}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actors", type=int, nargs="+", default=[1000, 5000, 20000])
    parser.add_argument("--max-nodes", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3, help="Fresh page loads per size (median reported).")
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        pages = {}
        for n in args.actors:
            path = Path(tmp) / f"net-{n}.html"
            pages[n] = build(n, args.max_nodes, path) | {"path": path}
        if not args.no_browser:
            from playwright.sync_api import sync_playwright

            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
                for n, info in pages.items():
                    runs = []
                    for _ in range(max(1, args.repeat)):
                        page = browser.new_page(viewport={"width": 1400, "height": 900})
                        runs.append(in_browser(page, info["path"]))
                        page.close()
                    info.update({k: statistics.median(r[k] for r in runs) for k in runs[0]})
                    info["ready_all"] = [round(r["ready_s"], 2) for r in runs]
                browser.close()
        print(f"{'actors':>7} {'python s':>9} {'MB':>6} {'ready s':>8} {'drawn':>6} {'open group s':>13}  ready runs")
        for n, info in pages.items():
            print(f"{n:>7} {info['python_s']:>9.2f} {info['bytes'] / 1e6:>6.1f} {info.get('ready_s', float('nan')):>8.2f}"
                  f" {info.get('shown', 0):>6.0f} {info.get('open_group_s', float('nan')):>13.2f}  {info.get('ready_all', '')}")


if __name__ == "__main__":
    main()
