"""Benchmark: articles/second through an extractor (prints figures; not a test).

Generates synthetic ~3 KB articles from templates (names, countries and
triggers drawn at random, with filler sentences), then times extraction
one document at a time and batched through ``nlp.pipe``.  For the default
``parse`` extractor it also prints the full-parse figure (every sentence
through the trained pipeline, no trigger gate), the model's load time and
the process's peak RSS.

    python bench/bench_extract.py [--extractor parse|rules] [--articles 2000] [--seed 7] [--no-ingest]
"""

from __future__ import annotations

import argparse
import os
import random
import time

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # per-core figures, as `kg extract` runs (kg/cli/main.py)

FIRST = ["Anna", "Boris", "Carla", "David", "Elena", "Farid", "Greta", "Hugo", "Irina", "Jonas", "Kenji", "Lucia"]
LAST = ["Novak", "Petrov", "Silva", "Okafor", "Lindqvist", "Moreau", "Tanaka", "Kowalski", "Haddad", "Brennan"]
COUNTRIES = ["France", "Germany", "Japan", "Canada", "Poland", "Brazil", "Kenya", "Turkey", "India", "Norway"]
DEMONYMS = ["French", "German", "Japanese", "Canadian", "Polish", "Brazilian", "Kenyan", "Turkish", "Indian"]
TITLES = ["President", "Prime Minister", "Foreign Minister", "Defence Minister"]
CITIES = ["Geneva", "Vienna", "Oslo", "Doha", "Nairobi", "Lisbon", "Helsinki", "Singapore"]
TEMPLATES = [
    "{d1} {t1} {p1} met {d2} {t2} {p2} in {city} on {day}.",
    "{d1} {t1} {p1} spoke by phone with {d2} {t2} {p2}.",
    "{d1} {t1} {p1} is scheduled to meet {p2} at 10:30 a.m. local time (08:30 GMT) in {city}.",
    "{p1} refused to meet {d2} {t2} {p2} during the conference.",
    "{c1} imposed sanctions on {p2}, {p3} and the {last} Trading Company.",
    "{d1} {t1} {p1} pardoned {n} prisoners, including {p3}.",
    "{p3}, senior adviser to {d1} {t1} {p1}, said the talks were useful.",
    "The two leaders will meet again next month, officials said.",
]
FILLER = [
    "Officials said the discussions covered trade, energy and regional security in some detail.",
    "Analysts expect the decision to shape negotiations over the coming months, according to observers.",
    "The ministry released no further details about the schedule or the agenda of the delegations.",
    "Markets reacted calmly to the news, and the national currency was little changed by the afternoon.",
    "Opposition lawmakers criticised the government for what they called a lack of transparency.",
]


def person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def article(rng: random.Random, size: int = 3000) -> str:
    """One synthetic article of about ``size`` characters."""
    parts = [f"{rng.choice(LAST)} and {rng.choice(LAST)} in talks over {rng.choice(COUNTRIES)}", ""]
    while sum(len(p) for p in parts) < size:
        if rng.random() < 0.35:
            parts.append(rng.choice(TEMPLATES).format(
                d1=rng.choice(DEMONYMS), d2=rng.choice(DEMONYMS), t1=rng.choice(TITLES), t2=rng.choice(TITLES),
                p1=person(rng), p2=person(rng), p3=person(rng), c1=rng.choice(COUNTRIES), city=rng.choice(CITIES),
                day=rng.choice(["Monday", "Friday", "March 3"]), n=rng.randint(2, 300), last=rng.choice(LAST)))
        else:
            parts.append(" ".join(rng.sample(FILLER, 3)))
    return "\n\n".join(parts)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--extractor", default="parse", choices=("parse", "rules"))
    ap.add_argument("--no-ingest", action="store_true", help="skip the kg ingest figures")
    args = ap.parse_args()

    import resource

    from kg.extract.nlp import get_nlp
    from kg.extract.rules import RuleExtractor
    from kg.model.core import Document

    rng = random.Random(args.seed)
    docs = [Document.from_text(article(rng), published="2025-03-05") for _ in range(args.articles)]
    size = sum(len(d.text or "") for d in docs) / len(docs)
    t0 = time.perf_counter()
    if args.extractor == "parse":
        from kg.extract.model import get_model, model_info

        get_model()
        print(f"model {model_info().tag} loaded in {time.perf_counter() - t0:.2f}s")
        from kg.extract.parsed import ParseExtractor

        ex: RuleExtractor = ParseExtractor()
    else:
        ex = RuleExtractor()
    get_nlp()
    list(ex.extract(docs[0]))
    warm = time.perf_counter() - t0
    t0, c0 = time.perf_counter(), time.process_time()
    n_single = sum(len(list(ex.extract(d))) for d in docs)
    single, single_cpu = time.perf_counter() - t0, time.process_time() - c0
    t0, c0 = time.perf_counter(), time.process_time()
    n_batch = sum(len(batch) for batch in ex.extract_many(docs))
    batched, batched_cpu = time.perf_counter() - t0, time.process_time() - c0
    print(f"articles: {len(docs)}, mean size {size:.0f} chars; pipeline warm-up {warm:.2f}s")
    # CPU time is what one core spends; wall time also counts waiting for a busy machine
    print(f"one at a time: {len(docs) / single:8.1f} articles/s wall, {len(docs) / single_cpu:8.1f} per CPU-second"
          f" ({n_single} assertions)")
    print(f"nlp.pipe:      {len(docs) / batched:8.1f} articles/s wall, {len(docs) / batched_cpu:8.1f} per CPU-second"
          f" ({n_batch} assertions)")
    if args.extractor == "parse":
        full = ParseExtractor(gate=False)
        t0, c0 = time.perf_counter(), time.process_time()
        n_full = sum(len(batch) for batch in full.extract_many(docs))
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
        print(f"full parse:    {len(docs) / wall:8.1f} articles/s wall, {len(docs) / cpu:8.1f} per CPU-second"
              f" ({n_full} assertions; every sentence parsed, no trigger gate)")
    print(f"peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    if not args.no_ingest:
        _bench_ingest([d.text or "" for d in docs], args.extractor)


def _bench_ingest(texts: list[str], extractor: str) -> None:
    """Articles/second through ``kg ingest`` (files on disk -> embedded store), first run and re-run."""
    import tempfile
    from pathlib import Path

    from kg.api import KnowledgeGraph
    from kg.ingest.pipeline import ingest_paths

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        for i, text in enumerate(texts):
            (folder / f"a{i:05d}.txt").write_text(text, encoding="utf-8")
        with KnowledgeGraph.open(str(Path(tmp) / "store")) as graph:
            for label in ("ingest (new):", "ingest (again):"):
                t0, c0 = time.perf_counter(), time.process_time()
                summary = ingest_paths(graph, [folder], published="2025-03-05", extractor=extractor)
                wall, cpu = time.perf_counter() - t0, time.process_time() - c0
                print(f"{label:15s}{len(texts) / wall:8.1f} articles/s wall, {len(texts) / cpu:8.1f} per CPU-second"
                      f" ({summary.documents} stored, {summary.skipped} skipped, {summary.assertions} assertions)")


if __name__ == "__main__":
    main()
