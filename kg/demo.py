"""The demo: a store built from the bundled samples, the seed's question answered, outputs written.

Run it with ``kg demo`` (or ``make demo``).  Every step is a library call, so
the demo is also the quickest tour of the API.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from kg.api import KnowledgeGraph
from kg.desk.claims_file import parse_claims_text, read_claims_file

SEED_QUESTION = "when is trump meeting with putin"


def _metadata(path: Path) -> dict[str, dict[str, Any]]:
    """Per-file source metadata (``published``, ``url``) for plain-text samples."""
    if not path.is_file():
        return {}
    import yaml

    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a mapping of file name to metadata")
    return {str(k): {kk: str(vv) for kk, vv in (v or {}).items()} for k, v in data.items()}


def default_samples() -> Path:
    """The bundled samples: shipped inside the package (``kg/samples``), so an installed ``kg demo`` finds them."""
    from kg.rdf.resources import samples_path

    return samples_path()


def run_demo(out: Path, samples: Path | None = None, *, echo: Callable[..., Any] = print) -> dict[str, Any]:
    """Build ``out/store`` from the samples and answer the seed question; returns what it did."""
    samples = samples or default_samples()
    if not samples.is_dir():
        raise ValueError(f"samples folder {samples} does not exist")
    out.mkdir(parents=True, exist_ok=True)
    store_path = out / "store"
    report: dict[str, Any] = {"store": str(store_path)}
    with KnowledgeGraph.open(str(store_path)) as graph:
        from kg.resolve.actor_graph import load_gazetteer
        from kg.ingest.pipeline import ingest_paths

        load_gazetteer(graph)
        meta = _metadata(samples / "metadata.yaml")
        articles = sorted(p for p in samples.iterdir() if p.is_file() and p.suffix in (".txt", ".html", ".json", ".jsonl"))
        documents = assertions = 0
        for article in articles:
            info = meta.get(article.name, {})
            summary = ingest_paths(graph, [article], published=info.get("published"), url=info.get("url"))
            if not summary.ok:
                raise ValueError("; ".join(summary.errors))
            documents += summary.documents
            assertions += summary.assertions
        report["ingested"] = documents
        echo(f"ingested {documents} new article(s) of {len(articles)}: {assertions} new assertions")
        claim_files = sorted((samples / "claims").glob("*.yaml")) if (samples / "claims").is_dir() else []
        ids: list[str] = []
        for path in claim_files:
            ids += graph.assert_claims(parse_claims_text(read_claims_file(path), str(path)))
        report["claims"] = len(ids)
        echo(f"added {len(ids)} analyst claims from {len(claim_files)} file(s)")
        from kg.query.ask import ask

        answer = ask(graph, SEED_QUESTION)
        report["answer"] = answer.text
        echo(f"Q: {SEED_QUESTION}")
        echo(answer.text)
        from kg.viz import write_html

        html = write_html(graph, out / "network.html")
        report["html"] = str(html)
        echo(f"network view: {html.resolve()}")
        report["stats"] = graph.stats()
    echo(f"store: {store_path.resolve()}")
    return report
