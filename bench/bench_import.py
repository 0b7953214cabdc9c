"""Benchmark: `kg import` of a large N-Quads file through the bulk loader (prints figures; not a test).

Generates an N-Quads file shaped like a `kg export --format nq` dump (assertion graphs of claim triples with
typed literals, plus their metadata in the default graph) in a temporary directory, then runs
``kg.importer.import_file`` into an empty on-disk store: the streaming validation pass, then pyoxigraph's
``Store.bulk_load``.  Prints quads/s for each phase and overall.

    python bench/bench_import.py [--quads 10000000] [--keep DIR]

Goal (issue 14): >= 300k quads/s for the import of a 10M-quad file.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

DIP = "https://w3id.org/diplomacy-kg/ontology#"
ID = "https://w3id.org/diplomacy-kg/id/"
XSD = "http://www.w3.org/2001/XMLSchema#"
RDFS_LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"
TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"


def assertion_lines(i: int) -> list[str]:
    """20 quads: one assertion's graph (event, actors, edge) and its metadata and evidence in the default graph."""
    g = f"<{ID}assertion/{i:032x}>"
    e, a, b = f"<{ID}event/{i:032x}>", f"<{ID}actor/person/p{i % 50_000}>", f"<{ID}actor/person/p{(i * 7 + 1) % 50_000}>"
    ev = f"<{ID}assertion/{i:032x}#evidence>"
    day = f"20{10 + i % 15:02d}-{1 + i % 12:02d}-{1 + i % 28:02d}"
    inside = [
        f"{e} {TYPE} <{DIP}Meeting>", f"{e} <{DIP}participant> {a}", f"{e} <{DIP}participant> {b}",
        f'{e} <{DIP}date> "{day}"^^<{XSD}date>', f"{e} <{DIP}status> <{DIP}Held>",
        f'{e} {RDFS_LABEL} "Meeting: p{i % 50_000} meets p{(i * 7 + 1) % 50_000}"',
        f"{a} <{DIP}meets> {b}", f"{b} <{DIP}meets> {a}", f"{a} {TYPE} <{DIP}Person>", f"{b} {TYPE} <{DIP}Person>",
    ]
    outside = [
        f"{g} {TYPE} <{DIP}Assertion>", f"{g} <{DIP}claimEvent> {e}", f'{g} <{DIP}assertedRelation> "meets"',
        f'{g} <{DIP}sourceReliability> "B"', f'{g} <{DIP}informationCredibility> "2"^^<{XSD}integer>',
        f'{g} <{DIP}confidence> "0.9"^^<{XSD}decimal>', f"{g} <{DIP}evidence> {ev}",
        f'{ev} <{DIP}quote> "p{i % 50_000} met p{(i * 7 + 1) % 50_000} on {day}."',
        f'{ev} <{DIP}startOffset> "{i % 900}"^^<{XSD}integer>', f'{ev} <{DIP}endOffset> "{i % 900 + 40}"^^<{XSD}integer>',
    ]
    return [f"{t} {g} .\n" for t in inside] + [f"{t} .\n" for t in outside]


def generate(path: Path, quads: int) -> int:
    written = 0
    with path.open("w", encoding="utf-8") as out:
        i = 0
        while written < quads:
            lines = assertion_lines(i)
            out.writelines(lines)
            written += len(lines)
            i += 1
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quads", type=int, default=10_000_000)
    parser.add_argument("--keep", type=Path, help="Generate into this folder and keep the files.")
    args = parser.parse_args()

    from kg.api import KnowledgeGraph
    from kg.importer import import_file

    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        source = folder / "bench.nq"
        started = time.perf_counter()
        count = generate(source, args.quads)
        print(f"generated {count:,} quads ({source.stat().st_size / 1e6:,.0f} MB) in {time.perf_counter() - started:.1f} s")
        phases: dict[str, float] = {}
        last = [time.perf_counter()]

        def progress(done: int, read: int, size: int) -> None:
            if read >= size and "validate" not in phases:
                phases["validate"] = time.perf_counter() - last[0]

        with KnowledgeGraph.open(str(folder / "store")) as graph:
            report = import_file(graph, source, progress=progress, bulk=True)
            loaded = len(graph.store)
        validate = phases.get("validate", 0.0)
        print(f"streaming validation: {count / validate:,.0f} quads/s ({validate:.1f} s)" if validate else "")
        load = report.seconds - validate
        print(f"bulk load:            {count / load:,.0f} quads/s ({load:.1f} s)")
        print(f"import overall:       {report.rate:,.0f} quads/s ({report.seconds:.1f} s, {loaded:,} quads stored)")


if __name__ == "__main__":
    main()
