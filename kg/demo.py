"""The demo: a store built from the bundled samples, the seed's question answered, outputs written.

Run it with ``kg demo`` (or ``make demo``).  Every step is a library call, so
the demo is also the quickest tour of the API.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from kg.api import KnowledgeGraph
from kg.claims_file import parse_claims_text, read_claims_file

SEED_QUESTION = "when is trump meeting with putin"


def default_samples() -> Path:
    """``data/samples`` of the checkout the package runs from."""
    return Path(__file__).resolve().parent.parent / "data" / "samples"


def run_demo(out: Path, samples: Path | None = None, *, echo: Callable[..., Any] = print) -> dict[str, Any]:
    """Build ``out/store`` from the samples and answer the seed question; returns what it did."""
    samples = samples or default_samples()
    if not samples.is_dir():
        raise ValueError(f"samples folder {samples} does not exist")
    out.mkdir(parents=True, exist_ok=True)
    store_path = out / "store"
    report: dict[str, Any] = {"store": str(store_path)}
    with KnowledgeGraph.open(str(store_path)) as graph:
        from kg.actor_graph import load_gazetteer
        from kg.ingest.pipeline import ingest_paths

        load_gazetteer(graph)
        articles = sorted(p for p in samples.iterdir() if p.is_file() and p.suffix in (".txt", ".html", ".json", ".jsonl"))
        summary = ingest_paths(graph, articles)
        report["ingest"] = summary
        echo(f"ingested {summary.documents} article(s) ({summary.skipped} already stored, {summary.failed} failed): "
             f"{summary.assertions} new assertions")
        claim_files = sorted((samples / "claims").glob("*.yaml")) if (samples / "claims").is_dir() else []
        ids: list[str] = []
        for path in claim_files:
            ids += graph.assert_claims(parse_claims_text(read_claims_file(path), str(path)))
        report["claims"] = len(ids)
        echo(f"added {len(ids)} analyst claims from {len(claim_files)} file(s)")
        report["answer"] = _answer(graph)
        echo(f"Q: {SEED_QUESTION}")
        echo(report["answer"])
        from kg.viz import write_html

        html = write_html(graph, out / "network.html")
        report["html"] = str(html)
        echo(f"network view: {html.resolve()}")
        report["stats"] = graph.stats()
    echo(f"store: {store_path.resolve()}")
    return report


def _answer(graph: KnowledgeGraph) -> str:
    trump = graph.resolve_actor("Trump")
    putin = graph.resolve_actor("Putin")
    from kg.rdf.terms import iri

    rows = graph.select(
        """SELECT ?date ?time ?place ?status ?url WHERE {
             ?e dip:participant ?a, ?b ; dip:status ?st . ?g dip:claimEvent ?e ; prov:wasDerivedFrom ?doc .
             BIND(LCASE(STRAFTER(STR(?st), "#")) AS ?status)
             OPTIONAL { ?e dip:date ?date } OPTIONAL { ?e dip:localTime ?time } OPTIONAL { ?e dip:place ?place }
             OPTIONAL { ?doc dip:url ?url }
           } ORDER BY ?date""",
        a=iri(trump.canonical_iri()),
        b=iri(putin.canonical_iri()),
    )
    if not rows:
        return "A: the graph holds no meeting between Trump and Putin."
    parts = []
    for row in rows:
        when = " ".join(str(row[k]) for k in ("date", "time") if k in row)
        parts.append(f"A: {row['status']} meeting {when} at {row.get('place', 'an unknown place')} (source: {row.get('url', '?')})")
    return "\n".join(parts)
