"""Load helpers shared by tests/hardening/test_load.py, bench/bench_load.py and bench/bench_soak.py."""

from __future__ import annotations

import random
import statistics
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

LEADERS = ["Emmanuel Macron", "Olaf Scholz", "Joe Biden", "Xi Jinping", "Narendra Modi", "Recep Tayyip Erdogan",
           "Vladimir Putin", "Donald Trump", "Keir Starmer", "Giorgia Meloni", "Volodymyr Zelensky", "Lula da Silva"]
PLACES = ["Geneva", "Anchorage", "Istanbul", "Paris", "Riyadh", "Doha", "Vienna", "Beijing"]
VERBS = ["met", "held talks with", "spoke by phone with", "will meet", "sanctioned", "pardoned"]

QUERIES = [
    "SELECT ?a ?b WHERE { ?x dip:meets ?y . ?x rdfs:label ?a . ?y rdfs:label ?b } LIMIT 50",
    "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
    "SELECT ?g ?d WHERE { ?g a dip:Assertion ; prov:generatedAtTime ?d } ORDER BY DESC(?d) LIMIT 20",
    "ASK { ?x dip:meets ?y }",
    "SELECT ?l (COUNT(?e) AS ?n) WHERE { ?e dip:role ?a . ?a rdfs:label ?l } GROUP BY ?l ORDER BY DESC(?n) LIMIT 10",
]


def write_articles(folder: Path, n: int, seed: int = 7) -> list[Path]:
    """``n`` distinct generated news articles (plain text, headline first) in ``folder``."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(n):
        a, b = rng.sample(LEADERS, 2)
        c, d = rng.sample(LEADERS, 2)
        body = (f"Talks {i}\n\n{a} {rng.choice(VERBS)} {b} in {rng.choice(PLACES)} on Monday, officials said. "
                f"Earlier, {c} {rng.choice(VERBS)} {d}, according to aides (report {i}). "
                f"{'Filler sentence about trade and energy. ' * rng.randint(1, 8)}\n")
        path = folder / f"a{i:06d}.txt"
        path.write_text(body, encoding="utf-8")
        out.append(path)
    return out


def rss_mb() -> float:
    """Resident set size of this process in MB, from /proc/self/status (no psutil)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


@dataclass
class LoadResult:
    clients: int
    seconds: float
    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def requests(self) -> int:
        return len(self.latencies) + len(self.errors)

    def pct(self, q: float) -> float:
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000

    def summary(self) -> str:
        mean = statistics.mean(self.latencies) * 1000 if self.latencies else float("nan")
        return (f"{self.clients} clients x {self.seconds:g} s: {self.requests} requests, {len(self.errors)} errors, "
                f"{self.requests / self.seconds:.0f} req/s, p50 {self.pct(0.5):.1f} ms, p95 {self.pct(0.95):.1f} ms, "
                f"max {self.pct(1.0):.1f} ms, mean {mean:.1f} ms")


def run_clients(base: str, clients: int, seconds: float, queries: list[str] | None = None) -> LoadResult:
    """``clients`` threads, each with its own httpx client, sending SPARQL queries for ``seconds``."""
    from kg.query.prefixes import with_prefixes

    texts = [with_prefixes(q) for q in (queries or QUERIES)]
    result = LoadResult(clients, seconds)
    lock = threading.Lock()
    stop_at = time.monotonic() + seconds

    def worker(k: int) -> None:
        rng = random.Random(k)
        with httpx.Client(timeout=30) as client:
            while time.monotonic() < stop_at:
                query = rng.choice(texts)
                start = time.perf_counter()
                try:
                    if rng.random() < 0.5:
                        r = client.get(base + "/sparql", params={"query": query})
                    else:
                        r = client.post(base + "/sparql", content=query.encode(),
                                        headers={"Content-Type": "application/sparql-query"})
                    elapsed = time.perf_counter() - start
                    ok = r.status_code == 200 and r.content
                    with lock:
                        (result.latencies.append(elapsed) if ok else result.errors.append(f"{r.status_code} {r.text[:100]}"))
                except httpx.HTTPError as exc:
                    with lock:
                        result.errors.append(f"{type(exc).__name__}: {exc}")

    threads = [threading.Thread(target=worker, args=(k,), daemon=True) for k in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=seconds + 60)
    return result


def ingest_with_rss(store: str, folder: Path, every: int = 50) -> tuple[list[tuple[int, float]], object, float]:
    """Ingest every article under ``folder`` into ``store`` in batches of ``every``; RSS after each batch.

    Returns ([(articles so far, RSS MB)], last summary, seconds).
    """
    from kg.api import KnowledgeGraph
    from kg.ingest.pipeline import ingest_paths

    files = sorted(folder.glob("*.txt"))
    samples = [(0, rss_mb())]
    summary = None
    start = time.perf_counter()
    with KnowledgeGraph.open(store) as graph:
        for i in range(0, len(files), every):
            batch = files[i:i + every]
            summary = ingest_paths(graph, batch)
            assert summary.ok, summary.errors[:3]
            samples.append((i + len(batch), rss_mb()))
    return samples, summary, time.perf_counter() - start
