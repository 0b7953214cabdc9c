"""Benchmark: `kg import` of a large N-Quads file through the bulk loader (prints figures; not a test).

Generates an N-Quads file shaped like a `kg export --format nq` dump (assertion graphs of claim triples with
typed literals, plus their metadata in the default graph) in a temporary directory, then runs
``kg.importer.import_file`` into an empty on-disk store (kg.bulkload: pyoxigraph's ``Store.bulk_load`` beside the
streaming check).  Prints quads/s overall, when the check finished, and, for comparison, pyoxigraph's loader
alone on the same file (the ceiling: what the store itself reaches here).  ``--nonempty`` also imports into a
store that already holds data (check first, then the loader).

    python bench/bench_import.py [--quads 10000000] [--keep DIR] [--no-raw] [--nonempty]

Goal (issue 14): >= 300k quads/s for the import of a 10M-quad file.
"""

from __future__ import annotations

import argparse
import shutil
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


def import_once(source: Path, store: Path, count: int, label: str, seed: Path | None = None) -> None:
    """One ``import_file`` into ``store`` (emptied first; ``seed`` imported before it when given), with its figures."""
    from kg.api import KnowledgeGraph
    from kg.importer import import_file

    shutil.rmtree(store, ignore_errors=True)
    marks: dict[str, float] = {}
    with KnowledgeGraph.open(str(store)) as graph:
        if seed is not None:
            import_file(graph, seed, bulk=True)  # a few shape-free quads: any data makes the store non-empty
        started = time.perf_counter()

        def progress(phase: str, done: int, read: int, size: int) -> None:
            if phase == "loading" and "checked" not in marks:
                marks["checked"] = time.perf_counter() - started

        report = import_file(graph, source, progress=progress, bulk=True)
    checked = marks.get("checked", 0.0)
    print(f"{label}: {report.rate:,.0f} quads/s overall ({report.seconds:.1f} s, {report.mode}; "
          f"check done after {checked:.1f} s = {count / checked:,.0f} quads/s)" if checked else "")


def raw_once(source: Path, store: Path, count: int) -> None:
    """pyoxigraph's bulk loader alone on the same file (no check): the store's own speed here."""
    from pyoxigraph import RdfFormat, Store

    shutil.rmtree(store, ignore_errors=True)
    raw = Store(str(store))
    started = time.perf_counter()
    raw.bulk_load(path=str(source), format=RdfFormat.N_QUADS)
    seconds = time.perf_counter() - started
    del raw
    print(f"pyoxigraph Store.bulk_load alone: {count / seconds:,.0f} quads/s ({seconds:.1f} s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quads", type=int, default=10_000_000, help="Size of the generated file (quads).")
    parser.add_argument("--keep", type=Path, help="Generate into this folder and keep the files.")
    parser.add_argument("--no-raw", action="store_true", help="Skip the run of pyoxigraph's loader alone.")
    parser.add_argument("--nonempty", action="store_true", help="Also import into a store that holds data.")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        source = folder / "bench.nq"
        started = time.perf_counter()
        count = generate(source, args.quads)
        print(f"generated {count:,} quads ({source.stat().st_size / 1e6:,.0f} MB) in {time.perf_counter() - started:.1f} s")
        import_once(source, folder / "store", count, "kg import into an empty store")
        if args.nonempty:
            seed = folder / "seed.nq"
            seed.write_text("".join(assertion_lines(10**9)), encoding="utf-8")
            import_once(source, folder / "store", count, "kg import into a store with data", seed=seed)
        if not args.no_raw:
            raw_once(source, folder / "raw", count)
        shutil.rmtree(folder / "store", ignore_errors=True)
        shutil.rmtree(folder / "raw", ignore_errors=True)


if __name__ == "__main__":
    main()
