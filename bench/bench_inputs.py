"""Benchmark: hostile input sizes (prints figures; not a test).

1. One sentence naming N participants ("A, B, ... and Z met in Geneva."), ingested into an in-memory
   store: seconds, peak RSS, assertions and quads.  Each size runs in its own process so the peak RSS is
   that size's alone.
2. A claims CSV of N rows: parse + validate + store (``kg assert --file``'s library path), rows/s and
   peak RSS.

    python bench/bench_inputs.py [--participants 100 1000] [--rows 10000] [--extractor parse]

Goals: 1,000 participants linear (seconds, not minutes; well under 1 GB); claims >= 1,000 rows/s.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FIRST = ["Ann", "Raj", "Omar", "Eva", "Li", "Ines", "Karl", "Mara", "Tomas", "Yuki", "Nadia", "Pavel", "Sara",
         "Femi", "Lars", "Rosa", "Ivan", "Hana", "Diego", "Amal", "Jonas", "Leila", "Marek", "Zara", "Oskar"]
LAST = ["Lee", "Patel", "Diaz", "Stone", "Moreau", "Novak", "Tanaka", "Okafor", "Berg", "Silva", "Haddad",
        "Kowalski", "Rossi", "Nguyen", "Larsen", "Costa", "Ivanova", "Sato", "Mensah", "Weber", "Fischer",
        "Lindqvist", "Horvat", "Quispe", "Adeyemi", "Kaplan", "Suzuki", "Petrov", "Amari", "Holm", "Vega",
        "Dubois", "Keller", "Marin", "Nowak", "Popescu", "Rahman", "Soto", "Torres", "Varga"]


def names(n: int) -> list[str]:
    out = [f"{f} {l}" for l in LAST for f in FIRST]
    if n > len(out):
        raise SystemExit(f"at most {len(out)} participants")
    return out[:n]


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def one_sentence(n: int, extractor: str) -> dict[str, float]:
    from kg.api import KnowledgeGraph
    from kg.ingest.pipeline import ingest_paths

    people = names(n)
    text = "Summit in Geneva\n" + ", ".join(people[:-1]) + f" and {people[-1]} met in Geneva on Monday.\n"
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "summit.txt"
        path.write_text(text, encoding="utf-8")
        with KnowledgeGraph.open("memory:") as graph:
            start = time.perf_counter()
            summary = ingest_paths(graph, [path], extractor=extractor)
            seconds = time.perf_counter() - start
            quads = len(graph.store)
    return {"participants": n, "chars": len(text), "seconds": round(seconds, 2), "peak_mb": round(_peak_mb()),
            "assertions": summary.assertions, "quads": quads, "failed": summary.failed}


def claims(rows: int) -> dict[str, float]:
    from kg.api import KnowledgeGraph
    from kg.desk.claims_file import parse_claims_text

    people = names(1000)
    lines = ["subject,relation,object,source,date,reliability,credibility"]
    for i in range(rows):
        lines.append(f"{people[i % 1000]},meets,{people[(i * 7 + 1) % 1000]},https://example.org/c/{i},2025-08-15,B,2")
    text = "\n".join(lines) + "\n"
    with KnowledgeGraph.open("memory:") as graph:
        start = time.perf_counter()
        parsed = parse_claims_text(text, "bench.csv")
        ids = graph.assert_claims(parsed)
        seconds = time.perf_counter() - start
    return {"rows": rows, "seconds": round(seconds, 2), "rows_per_s": round(rows / seconds),
            "peak_mb": round(_peak_mb()), "stored": len(set(ids))}


def _child(kind: str, size: int, extractor: str) -> dict[str, float]:
    code = (f"import json, sys; sys.path.insert(0, {str(Path(__file__).parent)!r}); import bench_inputs as b; "
            f"print(json.dumps(b.{kind}({size}{', ' + repr(extractor) if kind == 'one_sentence' else ''})))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=3600)
    if out.returncode != 0:
        return {"size": size, "error": out.stderr.strip().splitlines()[-1] if out.stderr.strip() else "failed"}
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, nargs="*", default=[100, 1000])
    parser.add_argument("--rows", type=int, nargs="*", default=[10_000])
    parser.add_argument("--extractor", default="parse")
    args = parser.parse_args()
    for n in args.participants:
        print("one sentence:", _child("one_sentence", n, args.extractor), flush=True)
    for n in args.rows:
        print("claims file:", _child("claims", n, args.extractor), flush=True)


if __name__ == "__main__":
    main()
