"""Render the demo's pages in headless Chromium and write the PNGs the README and docs/analysis.md show.

Runs the demo over the bundled samples (a fresh store in a temporary folder,
or ``--demo`` to reuse one), writes its network page and the timeline of the
seed's question (Trump and Putin), and screenshots: the network, the network
with an actor's panel open, and the timeline.

    python bench/render_pictures.py [--out docs/pictures] [--demo demo-output]
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
SIZE = {"width": 1280, "height": 760}


def pages(demo: Path) -> dict[str, Path]:
    """The demo's network page and the Trump-Putin timeline page (the demo is run when ``demo`` has no store)."""
    from kg.api import KnowledgeGraph
    from kg.demo import run_demo
    from kg.viz.timeline import write_timeline

    from kg.viz import write_html

    if not (demo / "store").is_dir():
        run_demo(demo, echo=lambda *_: None)
    with KnowledgeGraph.open(str(demo / "store")) as graph:  # pages of today's code, even for an older demo folder
        network = write_html(graph, demo / "network.html")
        timeline = write_timeline(graph, demo / "timeline.html", "Donald Trump", title="Donald Trump: events")
    return {"network": network, "timeline": timeline}


def render(demo: Path, out: Path) -> list[Path]:
    """Write network.png, network-panel.png and timeline.png to ``out``; returns their paths."""
    from playwright.sync_api import sync_playwright

    found = pages(demo)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            page = browser.new_page(viewport=SIZE)
            page.route("**/*", lambda r: r.abort() if r.request.url.startswith(("http:", "https:")) else r.continue_())
            page.goto(found["network"].resolve().as_uri())
            page.wait_for_function("() => window.kgReady === true", timeout=30000)
            page.wait_for_timeout(300)
            page.screenshot(path=str(out / "network.png"))
            written.append(out / "network.png")
            page.evaluate("kgSearch('Vladimir Putin')")
            page.wait_for_timeout(200)
            page.screenshot(path=str(out / "network-panel.png"))
            written.append(out / "network-panel.png")
            page.goto(found["timeline"].resolve().as_uri())
            page.wait_for_function("() => window.kgReady === true", timeout=30000)
            page.screenshot(path=str(out / "timeline.png"))
            written.append(out / "timeline.png")
        finally:
            browser.close()
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent.parent / "docs" / "pictures")
    parser.add_argument("--demo", type=Path, help="A demo folder to reuse (default: run the demo in a temporary one).")
    args = parser.parse_args()
    if args.demo:
        paths = render(args.demo, args.out)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            paths = render(Path(tmp), args.out)
    for path in paths:
        print(f"wrote {path} ({path.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
